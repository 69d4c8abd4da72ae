"""The library's tables: sources and their versions, briefs, sections and items."""

import datetime as dt

from sqlalchemy import Column, LargeBinary, Text
from sqlmodel import Field, SQLModel


def utcnow() -> dt.datetime:
    """Return the current time in UTC (timezone-aware; sqlmodel stores it as UTC)."""
    return dt.datetime.now(dt.UTC)


class Source(SQLModel, table=True):
    """One version of a source article.

    A re-imported, changed article is a new row whose `version_of` names the first
    version (the root); old versions stay so their anchors stay valid.
    """

    id: int | None = Field(default=None, primary_key=True)
    title: str
    outlet: str | None = None
    author: str | None = None
    url: str | None = Field(default=None, index=True)
    published: dt.date | None = None
    retrieved_at: dt.datetime = Field(default_factory=utcnow)
    language: str | None = None
    text: str = Field(sa_column=Column(Text, nullable=False))
    content_hash: str = Field(index=True, unique=True, max_length=64)
    original: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    format: str = Field(max_length=16)
    version_of: int | None = Field(default=None, foreign_key="source.id", index=True)
    version: int = 1
    # Admiralty scale, set by the staffer: A-F for the source, 1-6 for the information.
    grade_source: str | None = Field(default=None, max_length=1)
    grade_info: int | None = None
    # Extraction results, recomputed when the extractor's version changes (issue 3).
    extraction_json: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    extractor_version: str | None = Field(default=None, max_length=32)

    @property
    def root_id(self) -> int:
        """The id of the first version of this source."""
        assert self.id is not None
        return self.version_of if self.version_of is not None else self.id


class Brief(SQLModel, table=True):
    """A briefing note: metadata plus ordered sections."""

    id: int | None = Field(default=None, primary_key=True)
    title: str
    purpose: str = ""
    audience: str = ""
    author: str = ""
    # None: the newest publication date among the cited sources (issue 4).
    as_of: dt.date | None = None
    marking: str = ""
    portion_marks: bool = False
    template: str = "standard"
    citation_style: str = "chicago"
    show_grades: bool = False
    show_resolved_dates: bool = False
    row_version: int = 1
    created_at: dt.datetime = Field(default_factory=utcnow)
    updated_at: dt.datetime = Field(default_factory=utcnow)


class Section(SQLModel, table=True):
    """A titled, ordered part of a brief."""

    id: int | None = Field(default=None, primary_key=True)
    brief_id: int = Field(foreign_key="brief.id", index=True, ondelete="CASCADE")
    title: str
    position: int
    # Length budget in printed lines where the template's convention has one.
    budget_lines: int | None = None


class Item(SQLModel, table=True):
    """A quote, fact or note in a section; quotes and facts carry an anchor."""

    id: int | None = Field(default=None, primary_key=True)
    section_id: int = Field(foreign_key="section.id", index=True, ondelete="CASCADE")
    position: int
    kind: str = Field(max_length=8)  # quote | fact | note
    text: str = Field(sa_column=Column(Text, nullable=False))
    # A fact may be shown as the staffer's paraphrase; the excerpt stays its evidence.
    paraphrase: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    speaker: str | None = None
    speaker_role: str | None = None
    portion_mark: str | None = Field(default=None, max_length=32)
    # The anchor (W3C Web Annotation text-position + text-quote selectors).
    source_id: int | None = Field(default=None, foreign_key="source.id", index=True)
    anchor_start: int | None = None
    anchor_end: int | None = None
    anchor_exact: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    anchor_prefix: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    anchor_suffix: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    orphaned: bool = False
    created_at: dt.datetime = Field(default_factory=utcnow)
