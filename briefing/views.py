"""Read-only snapshots of a brief that the GUI, the CLI and the exporters render."""

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Anchor:
    """Where an excerpt sits in a source version (W3C text-position + text-quote selectors)."""

    source_id: int
    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


@dataclass(frozen=True)
class Verification:
    """Whether an item's display text is faithful to its anchored passage."""

    ok: bool
    problem: str | None = None  # one sentence saying what differs and where


@dataclass(frozen=True)
class SourceRef:
    """What a citation needs to know about a cited source version."""

    id: int
    root_id: int
    version: int
    title: str
    outlet: str | None
    author: str | None
    url: str | None
    published: dt.date | None
    retrieved_at: dt.datetime
    grade: str  # Admiralty grade such as "B2", or ""
    text: str  # the normalized text that anchors index into


@dataclass(frozen=True)
class ItemView:
    """An item as displayed: its text, speaker line, anchor and integrity state."""

    id: int
    section_id: int
    position: int
    kind: str  # quote | fact | note
    text: str  # the verbatim excerpt (quote, fact) or the note
    paraphrase: str | None
    speaker: str | None
    speaker_role: str | None
    portion_mark: str | None
    anchor: Anchor | None
    verification: Verification
    orphaned: bool
    # Resolved dates for relative expressions inside the excerpt: (text, ISO value).
    dates: tuple[tuple[str, str], ...] = ()
    # Other sources (root ids) in the library that carry the same passage.
    corroborated_by: tuple[int, ...] = ()
    # When the words were said, where the source dates its lead event ("on Monday").
    said_on: dt.date | None = None

    @property
    def shown_text(self) -> str:
        """What the brief prints: a fact's paraphrase when it has one, else the text."""
        return self.paraphrase if self.kind == "fact" and self.paraphrase else self.text


@dataclass(frozen=True)
class SectionView:
    """A section with its items in order."""

    id: int
    title: str
    position: int
    budget_lines: int | None
    items: tuple[ItemView, ...]


@dataclass(frozen=True)
class BriefView:
    """A whole brief, with the sources its items cite."""

    id: int
    title: str
    purpose: str
    audience: str
    author: str
    as_of: dt.date | None  # the effective date: set, or the newest cited publication
    marking: str
    portion_marks: bool
    template: str
    citation_style: str
    show_grades: bool
    show_resolved_dates: bool
    row_version: int
    created_at: dt.datetime
    updated_at: dt.datetime
    sections: tuple[SectionView, ...]
    sources: dict[int, SourceRef] = field(default_factory=dict)  # by source version id

    def items(self) -> list[ItemView]:
        """Every item, in document order."""
        return [item for section in self.sections for item in section.items]

    def failing(self) -> list[ItemView]:
        """Items whose text does not verify against their source."""
        return [item for item in self.items() if not item.verification.ok]
