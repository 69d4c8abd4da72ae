"""Quotation spans: straight and curly marks, split, multi-paragraph, nested, partial."""

from briefing.extract import Quote, extract


def quotes(text: str) -> list[Quote]:
    return list(extract(text, None).quotes)


def test_straight_and_curly_marks_give_the_inner_span() -> None:
    text = 'He said "one two three four." She said \u201cfive six seven eight.\u201d'
    found = quotes(text)
    assert [q.text for q in found] == ["one two three four.", "five six seven eight."]
    assert all(text[q.start : q.end] == q.text for q in found)


def test_quote_split_around_its_attribution() -> None:
    found = quotes('"We will win," Smith said, "and we will win again."')
    assert [q.text for q in found] == ["We will win,", "and we will win again."]


def test_multi_sentence_quote_is_one_quote() -> None:
    found = quotes('"It rained. Then it poured. Then it stopped," Smith said.')
    assert [q.text for q in found] == ["It rained. Then it poured. Then it stopped,"]


def test_quote_running_over_paragraphs_is_one_quote() -> None:
    text = 'Jones spoke.\n\n"First part of it.\n\n"Second part of it," Jones said.'
    (found,) = quotes(text)
    assert found.text == 'First part of it.\n\n"Second part of it,'
    assert text[found.start : found.end] == found.text
    assert (found.speaker, found.partial) == ("Jones", False)


def test_nested_single_quotes_stay_inside() -> None:
    found = quotes("\u201cThey told me \u2018no way\u2019 at first,\u201d Lee said.")
    assert [q.text for q in found] == ["They told me \u2018no way\u2019 at first,"]


def test_single_quotes_as_primary_marks() -> None:
    found = quotes("'We are ready for this,' Mr Kerr said on Tuesday.")
    assert [q.text for q in found] == ["We are ready for this,"]
    assert found[0].speaker == "Kerr"


def test_apostrophes_are_not_quotes() -> None:
    assert quotes("The workers' union didn't agree with the members' plan.") == []


def test_scare_quote_is_partial_and_unattributed() -> None:
    found = quotes('The "peace dividend" never arrived.')
    assert [(q.text, q.partial, q.speaker) for q in found] == [("peace dividend", True, None)]


def test_full_quote_is_not_partial() -> None:
    found = quotes('"The plan is working well for everyone," Smith said.')
    assert found[0].partial is False


def test_lowercase_fragment_is_partial() -> None:
    found = quotes('Smith said the plan was "working well for everyone."')
    assert found[0].partial is True
    assert found[0].speaker == "Smith"


def test_double_quotes_nested_in_single_quotes() -> None:
    text = "'They said \"one million homes\" and they missed it,' Mr Sukkar said."
    found = quotes(text)
    assert [q.text for q in found] == ['They said "one million homes" and they missed it,']
    assert found[0].speaker == "Sukkar"


def test_titles_and_nicknames_are_not_quotes() -> None:
    text = (
        'Director Christopher Nolan said his film "Oppenheimer" took years. '
        'The plan, dubbed "Project Phoenix", failed.'
    )
    assert quotes(text) == []


def test_a_sentence_case_title_after_titled_is_no_quote() -> None:
    text = (
        'In a study titled "Warmer winters shift the timing of songbird migration across '
        'northern Europe," the authors wrote that the trend was "unmistakable".'
    )
    assert [q.text for q in quotes(text)] == ["unmistakable"]


def test_terms_mentioned_are_not_quotes() -> None:
    text = (
        'Economists avoid the word "stagflation" now. The bank keeps a so-called "watch list," '
        'which is private. This is what surfers call a "closeout." The bias, often called the '
        '"halo effect", is strong, as is the "sunk cost" fallacy. Analysts at Barclays rate '
        'the shares "equal weight." Her second record, "Night Ferry", sold well.'
    )
    assert quotes(text) == []


def test_a_speaker_s_words_in_a_naming_frame_stay_quotes() -> None:
    text = (
        'Mr Ortiz denounced what he called a "political stunt". Ms Lee called the budget '
        '"a fairy tale" and said the town was "turning a corner". Unions hailed the '
        '"remarkable" result. The bill was labelled "reckless" by the opposition. The bank '
        'raised rates but will "hold" them in June, Ms Lee said.'
    )
    found = quotes(text)
    assert [q.text for q in found] == [
        "political stunt",
        "a fairy tale",
        "turning a corner",
        "remarkable",
        "reckless",
        "hold",
    ]
    assert all(q.partial for q in found)


def test_product_and_programme_names_are_not_quotes() -> None:
    text = (
        "The camera app\u2019s \u201cNight Lens\u201d mode and \u201cQuick Crop\u201d tools "
        "move to a new plan called \u201cSnapKit Studio,\u201d which costs more. The old "
        "\u201cBasic\u201d tier stays. Its features, including \u201cNight Lens,\u201d which "
        "brightens photos, are popular. A rival sells a $4 \u201cFamily plan\u201d, and "
        "the city launched the 'Clean Air Programme'. Oslo unveiled \u201cFjord One\u201d."
    )
    assert quotes(text) == []


def test_title_case_words_of_a_speaker_stay_quotes() -> None:
    text = (
        'He said the merger was "Dead On Arrival." "Our plan," she said, "is working." '
        '"Game Over," Ms Lee wrote. He called the fund a "Ponzi scheme" on Monday. '
        'Crowds chanted "Lock Her Up" outside. "We have a plan," Mr Kerr said.'
    )
    assert [q.text for q in quotes(text)] == [
        "Dead On Arrival.",
        "Our plan,",
        "is working.",
        "Game Over,",
        "Ponzi scheme",
        "Lock Her Up",
        "We have a plan,",
    ]


def test_work_titles_after_a_preposition_or_named_before_are_not_quotes() -> None:
    text = (
        "Ana Ruiz's \u201cThe Long Walk\u201d sold to a streamer. Ruiz, praised for "
        "\u201cNorth Of Here,\u201d wrote it in 2021. The label also bought the festival "
        "title \u201cSilent Harbor\u201d in May.\n\n\u201cThe Long Walk\u201d opens in June."
    )
    assert quotes(text) == []


def test_a_generic_naming_without_article_is_a_mention() -> None:
    text = (
        'The rash, sometimes called "slapped cheek," fades fast. '
        'Mr Ortiz slammed what he often called "fake reform".'
    )
    assert [q.text for q in quotes(text)] == ["fake reform"]
