"""Quote verification (Chicago's rule) and re-anchoring on changed sources."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.anchors import find_span, make_anchor, reanchor, verify_text

EXACT = (
    "From the perspective of the United States, face to face diplomacy is the best way "
    "to deal with areas where we disagree, and also the best way to explore areas of "
    "cooperation between us,"
)


@pytest.mark.parametrize(
    "display",
    [
        EXACT,
        "face to face diplomacy is the best way to deal with areas where we disagree",
        "From the perspective of the United States … the best way to explore areas",
        "From the perspective of the United States ... the best way to explore areas",
        "From the perspective of the United States [...] the best way to explore areas",
        "[F]ace to face diplomacy is the best way",
        "From the perspective of [Washington], face to face diplomacy",
        "the best way to deal with areas where [the U.S. and China] disagree",
        "face  to\nface diplomacy",
    ],
)
def test_faithful_quotations_verify(display: str) -> None:
    assert verify_text(display, EXACT).ok


@pytest.mark.parametrize(
    ("display", "problem"),
    [
        ("face to face diplomacy is the only way", "“only” where the source has “best”"),
        ("face to face diplomacy is best way", "“the” is left out"),
        ("Face to face diplomacy", "“Face” where the source has “face”"),
        ("face to face talks", "“talks” where the source has “diplomacy”"),
        ("ace to face diplomacy", "“ace”"),
        ("face to face diplomacy [ ] is", "Empty square brackets"),
        ("   ", "empty"),
    ],
)
def test_unfaithful_quotations_fail_and_say_where(display: str, problem: str) -> None:
    result = verify_text(display, EXACT)
    assert not result.ok
    assert result.problem is not None
    assert problem in result.problem


def test_curly_and_straight_quote_marks_are_equivalent() -> None:
    assert verify_text("the ‘quiet’ part", "the 'quiet' part").ok
    assert verify_text('he said "no"', "he said “no”").ok


WORDS = EXACT.rstrip(",").split()


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_random_edits_within_the_rule_verify(data: st.DataObject) -> None:
    # Keep a contiguous run of words, elide a middle stretch, bracket-replace one word.
    start = data.draw(st.integers(0, len(WORDS) - 6))
    end = data.draw(st.integers(start + 6, len(WORDS)))
    words = WORDS[start:end]
    cut_from = data.draw(st.integers(1, len(words) - 3))
    cut_to = data.draw(st.integers(cut_from + 1, len(words) - 1))
    mark = data.draw(st.sampled_from(["…", "...", "[...]"]))
    shown = [*words[:cut_from], mark, *words[cut_to:]]
    swap = data.draw(st.integers(0, len(shown) - 1))
    if shown[swap] not in ("…", "...", "[...]"):
        shown[swap] = f"[{data.draw(st.sampled_from(['the U.S.', 'they', 'Washington']))}]"
    assert verify_text(" ".join(shown), EXACT).ok


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_random_word_changes_fail(data: st.DataObject) -> None:
    words = list(WORDS)
    index = data.draw(st.integers(1, len(words) - 2))
    action = data.draw(st.sampled_from(["replace", "drop", "insert", "swap"]))
    if action == "replace":
        new = data.draw(st.sampled_from(["never", "worst", "China", "not", "only"]))
        if new == words[index]:
            return
        words[index] = new
    elif action == "drop":
        del words[index]
    elif action == "insert":
        words.insert(index, data.draw(st.sampled_from(["never", "not", "only"])))
    else:
        if words[index] == words[index + 1]:
            return
        words[index], words[index + 1] = words[index + 1], words[index]
    assert not verify_text(" ".join(words), EXACT).ok


def test_find_span_relaxes_whitespace_and_quote_marks() -> None:
    text = "He said: “It’s  done,” and left."
    assert find_span(text, "It’s  done") == (10, 20)
    start, end = find_span(text, "It's done") or (0, 0)
    assert text[start:end] == "It’s  done"
    assert find_span(text, "not there") is None


SOURCE = (
    "Paragraph one sets the scene for the meeting.\n\n"
    "“We will keep talking,” the minister said on Tuesday.\n\n"
    "Paragraph three closes the story."
)


def _anchor_on(text: str, passage: str) -> tuple[int, int]:
    start = text.index(passage)
    return start, start + len(passage)


def test_reanchor_kept_when_offsets_still_hold() -> None:
    anchor = make_anchor(1, SOURCE, *_anchor_on(SOURCE, "We will keep talking"))
    result = reanchor(anchor, 2, SOURCE + "\n\nAn update.")
    assert result.status == "kept"
    assert result.anchor is not None
    assert result.anchor.source_id == 2


def test_reanchor_moved_after_an_insertion_before_it() -> None:
    anchor = make_anchor(1, SOURCE, *_anchor_on(SOURCE, "We will keep talking"))
    changed = "A new opening paragraph.\n\n" + SOURCE
    result = reanchor(anchor, 2, changed)
    assert result.status == "moved"
    assert result.anchor is not None
    assert changed[result.anchor.start : result.anchor.end] == "We will keep talking"


def test_reanchor_uses_context_to_pick_among_repeats() -> None:
    text = "Alpha says yes today. Beta says yes today. Gamma says yes today."
    anchor = make_anchor(1, text, *_anchor_on(text, "Beta says yes today"))
    anchor = make_anchor(1, text, anchor.start + 5, anchor.end)  # "says yes today"
    changed = "Intro. " + text
    result = reanchor(anchor, 2, changed)
    assert result.anchor is not None
    assert changed[result.anchor.start - 5 : result.anchor.start] == "Beta "


def test_reanchor_orphans_a_passage_whose_words_changed() -> None:
    anchor = make_anchor(1, SOURCE, *_anchor_on(SOURCE, "We will keep talking"))
    changed = SOURCE.replace("We will keep talking", "We will stop talking now")
    result = reanchor(anchor, 2, changed)
    assert result.status == "orphaned"
    assert result.anchor is None


def test_reanchor_fuzzy_follows_a_typo_fix_the_item_does_not_quote() -> None:
    text = "Lead.\n\nThe committee approved teh budget after a long debate."
    passage = "The committee approved teh budget after a long debate."
    anchor = make_anchor(1, text, *_anchor_on(text, passage))
    fixed = "New lead.\n\n" + text.replace("teh", "the")
    result = reanchor(anchor, 2, fixed, display="after a long debate")
    assert result.status == "moved"
    assert result.anchor is not None
    assert result.anchor.exact == passage.replace("teh", "the")


def test_reanchor_fuzzy_orphans_when_the_quoted_words_changed() -> None:
    text = "Lead.\n\nThe committee approved the budget after a long debate."
    passage = "The committee approved the budget after a long debate."
    anchor = make_anchor(1, text, *_anchor_on(text, passage))
    changed = text.replace("a long debate", "a short debate")
    result = reanchor(anchor, 2, changed, display=passage)
    assert result.status == "orphaned"


@settings(max_examples=150, deadline=None)
@given(
    before=st.text(alphabet="abc XYZ.,\n", max_size=80),
    after=st.text(alphabet="abc XYZ.,\n", max_size=80),
)
def test_reanchoring_survives_random_edits_elsewhere(before: str, after: str) -> None:
    passage = "We will keep talking"
    anchor = make_anchor(1, SOURCE, *_anchor_on(SOURCE, passage))
    changed = before + SOURCE + after
    result = reanchor(anchor, 2, changed)
    assert result.anchor is not None
    assert changed[result.anchor.start : result.anchor.end] == passage
