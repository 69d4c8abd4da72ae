"""Metadata helpers: dates, sentences, titles, bylines, outlets."""

import datetime as dt

import pytest

from briefing.ingest.meta import byline, derive_title, first_sentence, headline, parse_date

SEPT_19 = dt.date(2023, 9, 19)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-09-19", SEPT_19),
        ("2023-09-19T23:30:00-04:00", SEPT_19),
        ("D:20230919120000+02'00'", SEPT_19),
        ("September 19, 2023", SEPT_19),
        ("Sept. 19, 2023", SEPT_19),
        ("Sep 19, 2023 10:00 AM", SEPT_19),
        ("19 September 2023", SEPT_19),
        ("Tue, 19 Sep 2023 10:00:00 GMT", SEPT_19),
        ("2023/09/19", SEPT_19),
        ("2023-02-30", None),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_date(value: str | None, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("paragraph", "sentence"),
    [
        ("U.S. envoys met Mr. Han. Then they left.", "U.S. envoys met Mr. Han."),
        ("“Stable ties are good,” he said. Next.", "“Stable ties are good,” he said."),
        ("Is it over? Yes.", "Is it over?"),
        ("No terminal punctuation", "No terminal punctuation"),
    ],
)
def test_first_sentence(paragraph: str, sentence: str) -> None:
    assert first_sentence(paragraph) == sentence


def test_derive_title_trims_at_a_word_and_drops_trailing_commas() -> None:
    title = derive_title("Alpha beta, " * 20)
    assert title.endswith("…")
    assert not title[:-1].endswith((",", " "))
    assert len(title) <= 91


def test_derive_title_of_one_long_word() -> None:
    assert derive_title("x" * 200) == "x" * 90 + "…"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks at the UN\n\nBody.", "Talks at the UN"),
        ("A sentence ending in a period.\n\nBody.", None),
        ("By Jane Doe\n\nBody.", None),
        ("Only a headline", None),
        ("x" * 130 + "\n\nBody.", None),
    ],
)
def test_headline(text: str, expected: str | None) -> None:
    assert headline(text) == expected


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("By Jane Doe", "Jane Doe"),
        ("By Jane Doe, Reuters", "Jane Doe"),
        ("BY JANE DOE", "JANE DOE"),
        ("By Jane Doe and John Roe", "Jane Doe and John Roe"),
        ("By Ludwig van Beethoven | Staff", "Ludwig van Beethoven"),
        ("By Monday, the talks had ended", None),
        ("by the way", None),
    ],
)
def test_byline(line: str, author: str | None) -> None:
    assert byline(line) == author
