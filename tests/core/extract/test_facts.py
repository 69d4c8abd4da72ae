"""Fact candidates: scored sentences with spans, boilerplate left out."""

import datetime

from briefing.extract import extract

TEXT = (
    "Officials in Lagos said on Monday that 1,200 homes were flooded after three days of rain.\n\n"
    "It was wet.\n\n"
    "(This story has not been edited by Example staff and is auto-generated from a "
    "syndicated feed.)\n\n"
    "(Reporting by Ada Obi; Editing by Tom Hale)"
)


def test_facts_have_spans_and_scores_in_range() -> None:
    facts = extract(TEXT, datetime.date(2024, 5, 1)).facts
    assert facts
    for f in facts:
        assert TEXT[f.start : f.end] == f.text
        assert 0.0 <= f.score <= 1.0


def test_rich_sentence_ranks_first() -> None:
    facts = extract(TEXT, datetime.date(2024, 5, 1)).facts
    assert facts[0].text.startswith("Officials in Lagos")
    assert facts[0].score >= 0.7


def test_boilerplate_is_excluded() -> None:
    texts = " ".join(f.text for f in extract(TEXT, None).facts)
    assert "not been edited" not in texts
    assert "Reporting by" not in texts


def test_byline_and_page_furniture_are_excluded() -> None:
    text = (
        "By Emma Clarke, Political correspondent\n\n"
        "Image caption, The minister speaking in Leeds on Monday\n\n"
        "Read more: Labour's housing plans explained in full here\n\n"
        "The minister promised 300,000 new homes a year in England by 2029."
    )
    facts = extract(text, datetime.date(2024, 3, 5)).facts
    assert [f.text for f in facts] == [
        "The minister promised 300,000 new homes a year in England by 2029."
    ]
