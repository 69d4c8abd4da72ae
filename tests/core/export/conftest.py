"""Fixtures shared by the exporter tests: briefs built by hand over the seed article."""

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest

from briefing.views import Anchor, BriefView, ItemView, SectionView, SourceRef, Verification

SEED_PATH = Path(__file__).parents[3] / "seeds" / "000_8f921f06db5edd0a.txt"
SEED_URL = (
    "https://www.devdiscourse.com/article/law-order/"
    "2598694-top-us-diplomat-blinken-meets-chinas-vp-han-at-un-amid-strained-ties"
)
BLINKEN_QUOTE = "The world expects us to responsibly manage our relationship,"
HAN_QUOTE = "The world needs stable and healthy China-U.S. relations,"
SEED_FACT = (
    "White House national security adviser Jake Sullivan met with Chinese Foreign Minister "
    "Wang Yi in Malta for 12 hours last weekend"
)
SEED_FACT_PARAPHRASE = "Sullivan and Wang Yi held 12 hours of talks in Malta last weekend."
LEDGER_TEXT = (
    "Officials in Washington said on Tuesday that preparations for a leaders' meeting "
    "in San Francisco were under way.\n\n"
    "Aides expect the Asia-Pacific Economic Cooperation summit in November to be the venue "
    "for talks between the two presidents, two people familiar with the plans said.\n\n"
    "Neither government has confirmed the meeting."
)
LEDGER_FACT = (
    "Aides expect the Asia-Pacific Economic Cooperation summit in November to be the venue"
)
CJK_NOTE = "韩正 met 王毅 in 2023."
ACCENTED_NOTE = "Follow up with José Álvarez at the embassy."
MARKUP_NOTE = "Literal markup stays: <b>bold</b> & <draft>."
CONTROL_NOTE = "Control\x07 character\x00 dropped."
SEED_SOURCE_ID = 11
LEDGER_SOURCE_ID = 21


def seed_text() -> str:
    """The seed article's text, without its leading " date 2023-09-19 " header."""
    raw = SEED_PATH.read_text(encoding="utf-8")
    return re.sub(r"^\s*date \d{4}-\d{2}-\d{2}\s+", "", raw, count=1)


def anchor_for(source: SourceRef, exact: str) -> Anchor:
    """An anchor with real offsets: the first occurrence of `exact` in the source text."""
    start = source.text.index(exact)
    end = start + len(exact)
    return Anchor(
        source_id=source.id,
        start=start,
        end=end,
        exact=exact,
        prefix=source.text[max(0, start - 32) : start],
        suffix=source.text[end : end + 32],
    )


def seed_source() -> SourceRef:
    """The seed article as a cited source version."""
    return SourceRef(
        id=SEED_SOURCE_ID,
        root_id=SEED_SOURCE_ID,
        version=1,
        title="Top US diplomat Blinken meets China's VP Han at UN amid strained ties",
        outlet="Devdiscourse",
        author=None,
        url=SEED_URL,
        published=dt.date(2023, 9, 19),
        retrieved_at=dt.datetime(2023, 9, 20, 8, 30, tzinfo=dt.UTC),
        grade="B2",
        text=seed_text(),
    )


def ledger_source() -> SourceRef:
    """A second, fictional source with an author, so notes differ from the seed's."""
    return SourceRef(
        id=LEDGER_SOURCE_ID,
        root_id=LEDGER_SOURCE_ID,
        version=1,
        title="Summit planning gathers pace",
        outlet="Pacific Ledger",
        author="Mara Whitfield",
        url="https://ledger.example.org/2023/09/summit-planning",
        published=dt.date(2023, 9, 20),
        retrieved_at=dt.datetime(2023, 9, 21, 9, 0, tzinfo=dt.UTC),
        grade="C3",
        text=LEDGER_TEXT,
    )


_OK = Verification(ok=True)


def _item(
    item_id: int, section_id: int, position: int, kind: str, text: str, **kw: object
) -> ItemView:
    fields: dict[str, object] = {
        "paraphrase": None,
        "speaker": None,
        "speaker_role": None,
        "portion_mark": None,
        "anchor": None,
        "verification": _OK,
        "orphaned": False,
    }
    fields.update(kw)
    return ItemView(
        id=item_id, section_id=section_id, position=position, kind=kind, text=text, **fields
    )  # type: ignore[arg-type]


def build_seed_brief(citation_style: str = "chicago", **changes: object) -> BriefView:
    """A realistic brief over the seed article and a second source.

    Sections: two quotes; facts (one paraphrased, one from the second source); notes with
    CJK, accented, markup-like and control characters; and an empty section.
    """
    seed, ledger = seed_source(), ledger_source()
    quotes = SectionView(
        id=1,
        title="What was said",
        position=0,
        budget_lines=None,
        items=(
            _item(
                101,
                1,
                0,
                "quote",
                BLINKEN_QUOTE,
                speaker="Antony Blinken",
                speaker_role="U.S. Secretary of State",
                anchor=anchor_for(seed, BLINKEN_QUOTE),
            ),
            _item(
                102,
                1,
                1,
                "quote",
                HAN_QUOTE,
                speaker="Han Zheng",
                speaker_role="Chinese Vice President",
                anchor=anchor_for(seed, HAN_QUOTE),
                portion_mark="C",
            ),
        ),
    )
    facts = SectionView(
        id=2,
        title="Context",
        position=1,
        budget_lines=None,
        items=(
            _item(
                201,
                2,
                0,
                "fact",
                SEED_FACT,
                paraphrase=SEED_FACT_PARAPHRASE,
                anchor=anchor_for(seed, SEED_FACT),
                dates=(("last weekend", "2023-09-16/2023-09-17"),),
            ),
            _item(202, 2, 1, "fact", LEDGER_FACT, anchor=anchor_for(ledger, LEDGER_FACT)),
            _item(203, 2, 2, "note", "Analysts expect a Biden–Xi meeting at APEC in November."),
        ),
    )
    empty = SectionView(id=3, title="Empty section", position=2, budget_lines=None, items=())
    notes = SectionView(
        id=4,
        title="Notes",
        position=3,
        budget_lines=None,
        items=(
            _item(401, 4, 0, "note", CJK_NOTE),
            _item(402, 4, 1, "note", ACCENTED_NOTE),
            _item(403, 4, 2, "note", MARKUP_NOTE),
            _item(404, 4, 3, "note", CONTROL_NOTE),
        ),
    )
    brief = BriefView(
        id=7,
        title="Blinken–Han meeting at UNGA",
        purpose="Brief the Secretary before the APEC planning call",
        audience="Office of the Secretary",
        author="Dana Ruiz",
        as_of=dt.date(2023, 9, 20),
        marking="UNCLASSIFIED//FOR OFFICIAL USE ONLY",
        portion_marks=True,
        template="standard",
        citation_style=citation_style,
        show_grades=True,
        show_resolved_dates=False,
        row_version=3,
        created_at=dt.datetime(2023, 9, 20, 7, 15, tzinfo=dt.UTC),
        updated_at=dt.datetime(2023, 9, 20, 9, 45, tzinfo=dt.UTC),
        sections=(quotes, facts, empty, notes),
        sources={seed.id: seed, ledger.id: ledger},
    )
    return dataclasses.replace(brief, **changes)  # type: ignore[arg-type]


def with_failing_quote(brief: BriefView) -> BriefView:
    """`brief` with its first quote misquoted, so it fails verification."""
    first = brief.sections[0]
    bad = dataclasses.replace(
        first.items[0],
        text="The world expects us to manage our relationship,",
        verification=Verification(ok=False, problem="“responsibly” is missing after “us to”."),
    )
    section = dataclasses.replace(first, items=(bad, *first.items[1:]))
    return dataclasses.replace(brief, sections=(section, *brief.sections[1:]))


@pytest.fixture
def seed_brief() -> BriefView:
    """A realistic brief over the seed article, cited in Chicago notes style."""
    return build_seed_brief()


@pytest.fixture
def failing_seed_brief() -> BriefView:
    """The seed brief with one misquoted (unverified) quote."""
    return with_failing_quote(build_seed_brief())


def with_extra_facts(brief: BriefView, count: int) -> BriefView:
    """`brief` with `count` more cited facts in its second section: seed sentences in turn.

    For page-fit and multi-page tests: each fact is a real sentence of the seed, anchored.
    """
    seed = brief.sources[SEED_SOURCE_ID]
    sentences = [s for s in re.split(r"(?<=[.!?])\s+", seed.text) if len(s) > 40]
    section = brief.sections[1]
    extra = tuple(
        _item(
            9000 + n,
            section.id,
            len(section.items) + n,
            "fact",
            sentences[n % len(sentences)],
            anchor=anchor_for(seed, sentences[n % len(sentences)]),
        )
        for n in range(count)
    )
    longer = dataclasses.replace(section, items=section.items + extra)
    sections = (*brief.sections[:1], longer, *brief.sections[2:])
    return dataclasses.replace(brief, sections=sections)
