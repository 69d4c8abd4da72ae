"""Person names and the roster: titles, initials, nicknames, firms, places, short forms."""

import datetime

from briefing.extract import extract
from briefing.extract.names import NameMention, find_mentions
from briefing.extract.roster import role_after

DAY = datetime.date(2024, 3, 14)


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract(text, DAY).quotes]


def mention(text: str, name: str) -> NameMention:
    found = [m for m in find_mentions(text) if m.name == name]
    assert found, [m.name for m in find_mentions(text)]
    return found[0]


def test_unlisted_given_name_before_a_listed_one_is_kept() -> None:
    text = 'Derwin Michael Coyle, 52, denies fraud. "I never took a penny," Coyle said.'
    assert speakers(text) == ["Derwin Michael Coyle"]


def test_unlisted_role_noun_before_a_given_name_is_a_title() -> None:
    assert mention("Harpist Laura Finn opened the show.", "Laura Finn").person


def test_kunya_opens_the_name_and_gives_the_gender() -> None:
    text = (
        'Umm Ahmed al-Sayed lives in a tent with her four children. "There is no water '
        'left," she said.'
    )
    assert speakers(text) == ["Umm Ahmed al-Sayed"]


def test_middle_initial_is_not_the_french_honorific() -> None:
    text = (
        "County Commissioner Diane M. Kearney voted against the plan. "
        '"We were not consulted," Kearney said.'
    )
    assert speakers(text) == ["Diane M. Kearney"]
    assert mention("M. Fabre a refusé.", "Fabre").honorific == "M."


def test_honorific_short_form_is_a_surname_not_a_firm() -> None:
    text = (
        "Kevin Dobbs left school at 16. In 2010 he founded Dobbs Haulage with a single "
        'lorry. "Margins are thin," Mr Dobbs said.'
    )
    assert speakers(text) == ["Kevin Dobbs"]


def test_honorific_gender_picks_between_people_sharing_a_surname() -> None:
    text = (
        "Joan Pryce, 81, ran the shop for decades. Her son, Daniel Pryce, took it over in "
        'May. "We never closed, not even once," Mrs Pryce said.'
    )
    assert speakers(text) == ["Joan Pryce"]


def test_ampersand_joins_a_firm_name() -> None:
    firm = mention("Lund Haulage & Storage went bust.", "Lund Haulage & Storage")
    assert not firm.person
    assert speakers('Carter & Webb said sales would "remain strong".') == ["Carter & Webb"]


def test_trade_words_and_acronyms_make_firms() -> None:
    assert not mention("Brightwater Homes is building 90 houses.", "Brightwater Homes").person
    assert not mention("Power cuts, KDB Networks said.", "KDB Networks").person
    assert mention("FAA Administrator Mike Whitaker spoke.", "Mike Whitaker").person


def test_us_state_is_not_the_company() -> None:
    text = (
        "Lakeshore Railroad said it would pay for the clean-up. Ohio officials and Ohio "
        'residents want more. "We are staying," the company said.'
    )
    assert speakers(text) == ["Lakeshore Railroad"]


def test_place_after_a_preposition_is_no_person() -> None:
    assert not mention("The ministry in Kabul warned of shortages.", "Kabul").person
    assert mention("Kabul said the talks had failed.", "Kabul").person


def test_member_of_parliament_is_a_title() -> None:
    text = 'Tory MP Helen Grace sits on the committee. "This is a mess," Ms Grace said.'
    assert speakers(text) == ["Helen Grace"]


def test_nickname_in_quotes_inside_a_name() -> None:
    text = 'Marcus "Bull" Henley scored twice. Henley said: "I loved every minute."'
    assert speakers(text) == ["Marcus Henley"]


def test_a_nickname_and_surname_name_the_full_name() -> None:
    text = (
        "Town mourns Bud Hale\n\nRobert \u201cBud\u201d Hale ran the hardware store for "
        'decades. "Never sell a man a tool he doesn\'t need," Bud told the paper in 2009. '
        'A sign Bud painted still hangs by the till: "Ask twice, buy once."'
    )
    assert speakers(text) == ["Robert Hale", "Robert Hale"]


def test_one_word_firm_is_the_firm_named_before() -> None:
    text = (
        "Shares in Castlegate Foods fell 9% on Monday. Castlegate said the outlook was "
        '"challenging".'
    )
    assert speakers(text) == ["Castlegate Foods"]
    text = 'The Washington Post reported the talks. Washington said it was "hopeful".'
    assert speakers(text) == ["Washington"]


def test_portfolio_word_inside_a_firm_name_is_no_title() -> None:
    firm = mention("Shares of Ashcombe Health Minerals rose.", "Ashcombe Health Minerals")
    assert not firm.person
    assert mention("Health Secretary Wes Streeting spoke.", "Wes Streeting").person


def test_plural_possessive_owner_is_not_part_of_the_name() -> None:
    text = "The Greens' Treasury spokesperson Ana Ruiz spoke."
    assert "Ana Ruiz" in [m.name for m in find_mentions(text)]


def test_role_before_a_comma_and_the_name() -> None:
    text = (
        'Storm warning\n\nWales\'s First Minister, Owen Pryor, urged calm. "Stay home," '
        "the first minister said."
    )
    found = extract(text, DAY)
    assert [p.role for p in found.people if p.name == "Owen Pryor"] == ["Wales's First Minister"]
    assert [q.speaker for q in found.quotes] == ["Owen Pryor"]


def test_sentence_adverbs_and_time_zones_are_not_names() -> None:
    names = [m.name for m in find_mentions("Updated 14:02 GMT\n\nNearby, a man waited.")]
    assert names == []


def test_a_name_after_the_article_is_no_person() -> None:
    assert not mention("Fans of the Velvet Foxes queued.", "Velvet Foxes").person
    assert not mention("The Velvet Foxes split up.", "Velvet Foxes").person
    assert mention("The Rev Anne Holt spoke.", "Anne Holt").person
    assert mention("The Tory MP Jo Hart spoke.", "Jo Hart").person
    assert mention("Fans of the Tory MP Jo Hart cheered.", "Jo Hart").person


def test_verb_phrase_after_a_name_is_no_role() -> None:
    text = "Ridge Farms, is planting 90 acres of barley this spring, the firm said."
    assert role_after(text, len("Ridge Farms")) is None
    assert role_after("Ann Lee, the county clerk, said", len("Ann Lee")) == "county clerk"


def test_clock_abbreviations_are_not_names() -> None:
    names = [m.name for m in find_mentions("PM Keir Starmer spoke at 3 PM on Friday.")]
    assert names == ["Keir Starmer"]


def test_party_and_state_tag_is_no_name() -> None:
    text = "Sen. Dale Kessler, R-Ohio, and Rep. Ann Ruiz, D-Calif., voted no."
    assert [m.name for m in find_mentions(text)] == ["Dale Kessler", "Ann Ruiz"]


def test_portfolio_list_after_an_office_is_not_part_of_the_name() -> None:
    text = (
        "Minister of Fisheries, Forests and Rural Development Tomasz Wielgosz opened the "
        'harbour on Friday. "This is a good day," Wielgosz said.'
    )
    assert speakers(text) == ["Tomasz Wielgosz"]
    assert mention(text, "Tomasz Wielgosz").person
    assert not mention(text, "Forests").person
    people = extract(text, DAY).people
    assert people[0].role == "Minister of Fisheries, Forests and Rural Development"


def test_one_item_portfolio_keeps_an_appositive_name_whole() -> None:
    text = 'The Secretary of State, Helena Marsh, said: "We will respond."'
    assert speakers(text) == ["Helena Marsh"]


def test_a_name_filling_quotation_marks_names_a_product_not_a_person() -> None:
    text = (
        'Lumen, the photo-editing app, is moving its filters to a new tier called "Lumen '
        'Studio Max," which costs $9. In a blog post, Lumen said the old plan was "no longer '
        'viable." "We had to choose," the company wrote.'
    )
    assert "Lumen Studio Max" not in [m.name for m in find_mentions(text)]
    assert speakers(text)[-2:] == ["Lumen", "Lumen"]  # the tier name itself is no quote


def test_military_ranks_are_titles() -> None:
    text = 'Navy spokesperson Commodore Lena Ortiz told reporters: "We will not be drawn."'
    assert speakers(text) == ["Lena Ortiz"]
    assert mention("Brigadier Tom Haley led the parade.", "Tom Haley").person


def test_a_product_tier_name_is_neither_person_nor_firm() -> None:
    text = (
        "Lumen is moving its filters to Lumen Studio Max, which costs $9. In a blog post, "
        'Lumen said the old plan was "no longer viable." "We had to choose," the company wrote.'
    )
    assert speakers(text) == ["Lumen", "Lumen"]
    assert mention("Max Keller won the race.", "Max Keller").person


def test_office_and_portfolio_title_the_holder() -> None:
    text = (
        'Chief Minister of Assam Rupa Devi Barua opened the bridge. "It took ten years," she said.'
    )
    assert speakers(text) == ["Rupa Devi Barua"]
    text = 'The jets are "on standby," Air Vice-Marshal Colin Hart said.'
    assert speakers(text) == ["Colin Hart"]


def test_initial_a_is_not_the_article() -> None:
    assert speakers('Port chairman A R Mishra said: "We are ready."') == ["A R Mishra"]
    assert mention("A. K. Rao spoke.", "A. K. Rao").person


def test_a_party_member_after_an_indefinite_article_is_no_person() -> None:
    text = (
        'Transport Secretary Ruth Alder, a Social Democrat, disagreed. "The tolls stay," '
        'she told the paper. "Drivers will adapt."'
    )
    assert not mention(text, "Social Democrat").person
    assert speakers(text) == ["Ruth Alder", "Ruth Alder"]


def test_an_initial_after_a_body_name_opens_a_persons_name() -> None:
    text = (
        "Chair of the Finance Committee in the Senate R. Kumar Pillai objected. "
        '"The figures do not add up," Mr Pillai said.'
    )
    assert mention(text, "R. Kumar Pillai").person
    assert speakers(text) == ["R. Kumar Pillai"]


def test_m_after_a_title_word_is_an_initial_not_monsieur() -> None:
    text = 'District secretary K. Ramesh and party treasurer M. Lakshmi said "we will appeal".'
    found = mention(text, "M. Lakshmi")
    assert found.person
    assert found.honorific is None
    assert mention("M. Fabre a refusé.", "Fabre").honorific == "M."


def test_a_particle_capitalised_at_a_sentence_start_is_the_same_surname() -> None:
    text = (
        'Coach Marieke de Wit was upbeat. "We can win it," she said. De Wit, who took over '
        'in May, said the squad was "ready".'
    )
    assert speakers(text) == ["Marieke de Wit", "Marieke de Wit"]


def test_a_given_name_that_is_also_a_title_after_a_title() -> None:
    text = 'Liberal MP Dean Okafor, the trade critic, said "enough". Mr. Okafor said "it is late".'
    assert speakers(text) == ["Dean Okafor", "Dean Okafor"]


def test_irish_head_of_government_is_a_title() -> None:
    text = 'Speaking in Cork, Taoiseach Niamh Kearney said "we will act". "Soon," Ms Kearney said.'
    assert speakers(text) == ["Niamh Kearney", "Niamh Kearney"]


def test_a_body_keeps_its_formal_tail_after_of_or_to() -> None:
    text = (
        "Then the Norwegian Department of Fisheries warned boats. "
        "The Committee to Save Old Mills met."
    )
    names = [" ".join(m.tokens) for m in find_mentions(text)]
    assert "Norwegian Department of Fisheries" in names
    assert "Committee to Save Old Mills" in names
    assert "Fisheries" not in names
