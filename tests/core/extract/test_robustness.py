"""Extraction never fails and keeps its offsets exact, whatever the text."""

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.extract import extract
from briefing.normalize import normalize_text

_PIECES = st.sampled_from(
    [
        '"', "\u201c", "\u201d", "'", "\u2018", "\u2019", " ", "\n\n", ",", ".", ":", "-",
        "\u2014", "said", "Smith", "Mr", "Dr.", "she", "on Monday", "last week", "March 3",
        "2024", "the ministry", "according to", "told", "Jane Doe", "U.S.", "(", ")", "x",
    ]
)  # fmt: skip
_TEXT = st.lists(_PIECES, max_size=60).map(lambda parts: normalize_text(" ".join(parts)))


@settings(max_examples=300, deadline=None, database=None)
@given(text=_TEXT, day=st.none() | st.dates(datetime.date(1990, 1, 1), datetime.date(2040, 1, 1)))
def test_offsets_always_hold(text: str, day: datetime.date | None) -> None:
    result = extract(text, day)
    for q in result.quotes:
        assert text[q.start : q.end] == q.text
        assert q.text.strip()
    for d in result.dates:
        assert text[d.start : d.end] == d.text
    for f in result.facts:
        assert text[f.start : f.end] == f.text
        assert 0.0 <= f.score <= 1.0


@settings(max_examples=200, deadline=None, database=None)
@given(text=st.text(max_size=300).map(normalize_text))
def test_arbitrary_unicode_does_not_crash(text: str) -> None:
    result = extract(text, datetime.date(2024, 2, 29))
    assert all(text[q.start : q.end] == q.text for q in result.quotes)
