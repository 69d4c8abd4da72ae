"""The brief-editing API: every change to a brief goes through these functions.

The CLI, the GUI (through undoable commands) and the tests call the same
functions. Each takes the brief's row version it was based on (optional) and
refuses with ConflictError when someone else changed the brief meanwhile; each
returns a small frozen record of what changed.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from briefing import analysis
from briefing.anchors import find_span, make_anchor
from briefing.cite import STYLES
from briefing.errors import ConflictError, InputError, NotFoundError
from briefing.library import get_source
from briefing.models import Brief, Item, Section, utcnow
from briefing.store import write_session
from briefing.templates import TEMPLATES, template_sections

KINDS = ("quote", "fact", "note")
BRIEF_FIELDS = (
    "title",
    "purpose",
    "audience",
    "author",
    "as_of",
    "marking",
    "portion_marks",
    "template",
    "citation_style",
    "show_grades",
    "show_resolved_dates",
)
ITEM_FIELDS = ("text", "paraphrase", "speaker", "speaker_role", "portion_mark")
_QUOTE_MARKS = "\"'“”‘’«»„"


@dataclass(frozen=True)
class Change:
    """What a command changed, so callers refresh only that."""

    brief_id: int
    row_version: int
    what: str  # brief | section | item
    action: str  # added | edited | moved | removed | restored
    ids: tuple[int, ...] = ()
    before: dict[str, Any] | None = None  # old values of an edit, for undo


@dataclass(frozen=True)
class Removed:
    """A removal, with everything needed to restore it exactly (undo)."""

    change: Change
    section: dict[str, Any] | None
    items: tuple[dict[str, Any], ...]


def lock_brief(session: Session, brief_id: int, expected: int | None) -> Brief:
    stmt = select(Brief).where(Brief.id == brief_id).with_for_update()
    brief = session.exec(stmt).first()
    if brief is None:
        raise NotFoundError(f"No brief with id {brief_id}; run `brief new` to create one.")
    if expected is not None and brief.row_version != expected:
        raise ConflictError(
            f"Brief {brief_id} was changed elsewhere (version {brief.row_version}, "
            f"you had {expected}); reload it and make your change again."
        )
    return brief


def bump_version(session: Session, brief: Brief) -> int:
    brief.row_version += 1
    brief.updated_at = utcnow()
    session.add(brief)
    session.flush()
    return brief.row_version


def require_id(value: int | None) -> int:
    assert value is not None, "row was flushed"
    return value


# -- briefs -------------------------------------------------------------------


def new_brief(engine: Engine, title: str, template: str = "standard", **meta: Any) -> Change:
    """Create a brief with its template's sections; `meta` sets other brief fields."""
    if not title.strip():
        raise InputError("A brief needs a title; give one with --title.")
    if template not in TEMPLATES:
        names = ", ".join(TEMPLATES)
        raise InputError(f"No template named '{template}'; choose one of {names}.")
    _check_meta(meta)
    with write_session(engine) as session:
        brief = Brief(title=title.strip(), template=template, **meta)
        session.add(brief)
        session.flush()
        brief_id = require_id(brief.id)
        for position, spec in enumerate(template_sections(template)):
            session.add(
                Section(
                    brief_id=brief_id,
                    title=spec.title,
                    position=position,
                    budget_lines=spec.budget_lines,
                )
            )
        return Change(brief_id, brief.row_version, "brief", "added", (brief_id,))


def _check_meta(meta: dict[str, Any]) -> None:
    unknown = set(meta) - set(BRIEF_FIELDS)
    if unknown:
        raise InputError(f"Unknown brief field(s): {', '.join(sorted(unknown))}.")
    if "citation_style" in meta and meta["citation_style"] not in STYLES:
        raise InputError(
            f"No citation style '{meta['citation_style']}'; choose one of {', '.join(STYLES)}."
        )
    if "template" in meta and meta["template"] not in TEMPLATES:
        raise InputError(
            f"No template named '{meta['template']}'; choose one of {', '.join(TEMPLATES)}."
        )
    as_of = meta.get("as_of")
    if as_of is not None and not isinstance(as_of, dt.date):
        raise InputError(f"'{as_of}' is not a date; use YYYY-MM-DD.")


def update_brief(
    engine: Engine, brief_id: int, expected_version: int | None = None, **changes: Any
) -> Change:
    """Change brief metadata (title, marking, template name, citation style, …)."""
    _check_meta(changes)
    if "title" in changes and not str(changes["title"]).strip():
        raise InputError("A brief needs a title; it cannot be blank.")
    with write_session(engine) as session:
        brief = lock_brief(session, brief_id, expected_version)
        before = {name: getattr(brief, name) for name in changes}
        for name, value in changes.items():
            setattr(brief, name, value)
        version = bump_version(session, brief)
        return Change(brief_id, version, "brief", "edited", (brief_id,), before)


def delete_brief(engine: Engine, brief_id: int, expected_version: int | None = None) -> Change:
    """Delete a brief with its sections and items."""
    with write_session(engine) as session:
        brief = lock_brief(session, brief_id, expected_version)
        for section in brief_sections(session, brief_id):
            for item in section_items(session, require_id(section.id)):
                session.delete(item)
            session.delete(section)
        session.delete(brief)
        return Change(brief_id, brief.row_version + 1, "brief", "removed", (brief_id,))


# -- sections -----------------------------------------------------------------


def brief_sections(session: Session, brief_id: int) -> list[Section]:
    stmt = select(Section).where(Section.brief_id == brief_id).order_by(col(Section.position))
    return list(session.exec(stmt))


def _section(session: Session, brief_id: int, section: int | str) -> Section:
    """A section of the brief by id, or by title (case-insensitive)."""
    for candidate in brief_sections(session, brief_id):
        if candidate.id == section or (
            isinstance(section, str) and candidate.title.casefold() == section.strip().casefold()
        ):
            return candidate
    raise NotFoundError(
        f"Brief {brief_id} has no section {section!r}; `brief show {brief_id}` lists them."
    )


def _section_or_new(session: Session, brief_id: int, section: int | str) -> Section:
    try:
        return _section(session, brief_id, section)
    except NotFoundError:
        if isinstance(section, int) or not section.strip():
            raise
    created = Section(
        brief_id=brief_id, title=section.strip(), position=len(brief_sections(session, brief_id))
    )
    session.add(created)
    session.flush()
    return created


def _renumber(session: Session, rows: list[Any]) -> None:
    for position, row in enumerate(rows):
        if row.position != position:
            row.position = position
            session.add(row)


def add_section(
    engine: Engine,
    brief_id: int,
    title: str,
    position: int | None = None,
    expected_version: int | None = None,
) -> Change:
    """Add a section at `position` (default: the end)."""
    if not title.strip():
        raise InputError("A section needs a title.")
    with write_session(engine) as session:
        brief = lock_brief(session, brief_id, expected_version)
        rows = brief_sections(session, brief_id)
        section = Section(brief_id=brief_id, title=title.strip(), position=len(rows))
        session.add(section)
        session.flush()
        rows.insert(len(rows) if position is None else max(0, position), section)
        _renumber(session, rows)
        version = bump_version(session, brief)
        return Change(brief_id, version, "section", "added", (require_id(section.id),))


def rename_section(
    engine: Engine, section_id: int, title: str, expected_version: int | None = None
) -> Change:
    """Give a section a new title."""
    if not title.strip():
        raise InputError("A section needs a title.")
    with write_session(engine) as session:
        section = _get(session, Section, section_id)
        brief = lock_brief(session, section.brief_id, expected_version)
        before = {"title": section.title}
        section.title = title.strip()
        session.add(section)
        version = bump_version(session, brief)
        return Change(section.brief_id, version, "section", "edited", (section_id,), before)


def move_section(
    engine: Engine, section_id: int, position: int, expected_version: int | None = None
) -> Change:
    """Move a section to `position` among the brief's sections."""
    with write_session(engine) as session:
        section = _get(session, Section, section_id)
        brief = lock_brief(session, section.brief_id, expected_version)
        rows = [s for s in brief_sections(session, section.brief_id) if s.id != section_id]
        before = {"position": section.position}
        rows.insert(max(0, min(position, len(rows))), section)
        _renumber(session, rows)
        version = bump_version(session, brief)
        return Change(section.brief_id, version, "section", "moved", (section_id,), before)


def remove_section(engine: Engine, section_id: int, expected_version: int | None = None) -> Removed:
    """Remove a section and its items; the result restores them (undo)."""
    with write_session(engine) as session:
        section = _get(session, Section, section_id)
        brief = lock_brief(session, section.brief_id, expected_version)
        saved_items = tuple(_row(item) for item in section_items(session, section_id))
        saved = _row(section)
        for item in section_items(session, section_id):
            session.delete(item)
        session.delete(section)
        session.flush()
        _renumber(session, brief_sections(session, section.brief_id))
        version = bump_version(session, brief)
        change = Change(section.brief_id, version, "section", "removed", (section_id,))
        return Removed(change, saved, saved_items)


def restore(engine: Engine, removed: Removed, expected_version: int | None = None) -> Change:
    """Put back what remove_section or remove_item took out, where it was."""
    brief_id = removed.change.brief_id
    with write_session(engine) as session:
        brief = lock_brief(session, brief_id, expected_version)
        if removed.section is not None:
            section = Section(**removed.section)
            rows = brief_sections(session, brief_id)
            session.add(section)
            session.flush()
            rows.insert(min(section.position, len(rows)), section)
            _renumber(session, rows)
        for data in removed.items:
            item = Item(**data)
            rows_i = section_items(session, item.section_id)
            session.add(item)
            session.flush()
            rows_i.insert(min(item.position, len(rows_i)), item)
            _renumber(session, rows_i)
        version = bump_version(session, brief)
        what = "section" if removed.section is not None else "item"
        return Change(brief_id, version, what, "restored", removed.change.ids)


def _row(row: Any) -> dict[str, Any]:
    return {f: getattr(row, f) for f in type(row).model_fields}


def _get(session: Session, table: Any, row_id: int) -> Any:
    row = session.get(table, row_id)
    if row is None:
        name = table.__name__.lower()
        raise NotFoundError(f"No {name} with id {row_id}; `brief show` lists the ids.")
    return row


# -- items --------------------------------------------------------------------


def section_items(session: Session, section_id: int) -> list[Item]:
    stmt = select(Item).where(Item.section_id == section_id).order_by(col(Item.position))
    return list(session.exec(stmt))


def add_excerpt(
    engine: Engine,
    brief_id: int,
    section: int | str,
    source_id: int,
    start: int,
    end: int,
    kind: str | None = None,
    *,
    position: int | None = None,
    expected_version: int | None = None,
) -> Change:
    """Add source text[start:end] as a quote or fact, anchored to that exact passage.

    With no `kind`, a selection inside a detected quotation becomes a quote, with
    its speaker and role filled in; anything else becomes a fact.
    """
    if kind not in (None, "quote", "fact"):
        raise InputError(f"An excerpt is a quote or a fact, not '{kind}'.")
    with write_session(engine) as session:
        brief = lock_brief(session, brief_id, expected_version)
        source = get_source(session, source_id)
        if not 0 <= start < end <= len(source.text):
            raise InputError(
                f"Span {start}:{end} is outside source {source_id}, "
                f"whose text has {len(source.text)} characters."
            )
        detected = _detected_quote(session, source, start, end)
        kind = kind or ("quote" if detected else "fact")
        target = _section_or_new(session, brief_id, section)
        item = _excerpt_item(source_id, source.text, start, end, kind, detected)
        item.section_id = require_id(target.id)
        _insert(session, item, position)
        version = bump_version(session, brief)
        return Change(brief_id, version, "item", "added", (require_id(item.id),))


def _detected_quote(session: Session, source: Any, start: int, end: int) -> Any:
    best, overlap = None, 0
    for quote in analysis.extraction_for(session, source).quotes:
        shared = min(end, quote.end) - max(start, quote.start)
        if shared > overlap and shared >= 0.5 * min(end - start, quote.end - quote.start):
            best, overlap = quote, shared
    return best


def _excerpt_item(
    source_id: int, text: str, start: int, end: int, kind: str, detected: Any
) -> Item:
    anchor = make_anchor(source_id, text, start, end)
    display = " ".join(anchor.exact.split())
    if kind == "quote":
        # A quote lifted from mid-sentence keeps its words; the joining comma goes.
        display = display.strip(_QUOTE_MARKS + " ").rstrip(",;:").rstrip()
    return Item(
        section_id=0,
        position=0,
        kind=kind,
        text=display or anchor.exact,
        speaker=detected.speaker if kind == "quote" and detected else None,
        speaker_role=detected.speaker_role if kind == "quote" and detected else None,
        source_id=source_id,
        anchor_start=anchor.start,
        anchor_end=anchor.end,
        anchor_exact=anchor.exact,
        anchor_prefix=anchor.prefix,
        anchor_suffix=anchor.suffix,
    )


def _insert(session: Session, item: Item, position: int | None) -> None:
    rows = section_items(session, item.section_id)
    item.position = len(rows)
    session.add(item)
    session.flush()
    rows.insert(len(rows) if position is None else max(0, position), item)
    _renumber(session, rows)


def add_match(
    engine: Engine,
    brief_id: int,
    section: int | str,
    source_id: int,
    match: str,
    kind: str | None = None,
    **options: Any,
) -> Change:
    """Add the first occurrence of `match` in the source, as if the user had selected it."""
    from briefing.store import read_session

    with read_session(engine) as session:
        text = get_source(session, source_id).text
    span = find_span(text, match)
    if span is None:
        raise InputError(
            f"“{_clip(match)}” does not occur in source {source_id}; "
            "copy the passage exactly as the source has it."
        )
    return add_excerpt(engine, brief_id, section, source_id, *span, kind, **options)


def _clip(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def add_note(
    engine: Engine,
    brief_id: int,
    section: int | str,
    text: str,
    *,
    position: int | None = None,
    expected_version: int | None = None,
) -> Change:
    """Add the staffer's own note (free text, not cited)."""
    if not text.strip():
        raise InputError("A note needs some text.")
    with write_session(engine) as session:
        brief = lock_brief(session, brief_id, expected_version)
        target = _section_or_new(session, brief_id, section)
        item = Item(section_id=require_id(target.id), position=0, kind="note", text=text.strip())
        _insert(session, item, position)
        version = bump_version(session, brief)
        return Change(brief_id, version, "item", "added", (require_id(item.id),))


def edit_item(
    engine: Engine, item_id: int, expected_version: int | None = None, **changes: Any
) -> Change:
    """Change an item's text, paraphrase, speaker, role or portion mark.

    A quote's new text is kept even when it fails verification: the brief shows
    it as failing and export refuses it, so the staffer sees why (DESIGN.md).
    """
    unknown = set(changes) - set(ITEM_FIELDS)
    if unknown:
        raise InputError(f"Items have no field(s) {', '.join(sorted(unknown))}.")
    if "text" in changes and not str(changes["text"]).strip():
        raise InputError("An item's text cannot be blank; delete the item instead.")
    with write_session(engine) as session:
        item = _get(session, Item, item_id)
        section = _get(session, Section, item.section_id)
        brief = lock_brief(session, section.brief_id, expected_version)
        before = {name: getattr(item, name) for name in changes}
        for name, value in changes.items():
            setattr(item, name, value.strip() if isinstance(value, str) else value)
        session.add(item)
        version = bump_version(session, brief)
        return Change(section.brief_id, version, "item", "edited", (item_id,), before)


def move_item(
    engine: Engine,
    item_id: int,
    section_id: int,
    position: int,
    expected_version: int | None = None,
) -> Change:
    """Move an item to `position` in section `section_id` (same or another section)."""
    with write_session(engine) as session:
        item = _get(session, Item, item_id)
        old_section = _get(session, Section, item.section_id)
        new_section = _get(session, Section, section_id)
        if new_section.brief_id != old_section.brief_id:
            raise InputError("Items move between sections of the same brief only.")
        brief = lock_brief(session, old_section.brief_id, expected_version)
        before = {"section_id": item.section_id, "position": item.position}
        old_rows = [i for i in section_items(session, item.section_id) if i.id != item_id]
        _renumber(session, old_rows)
        new_rows = old_rows if section_id == item.section_id else section_items(session, section_id)
        item.section_id = section_id
        new_rows.insert(max(0, min(position, len(new_rows))), item)
        _renumber(session, new_rows)
        session.add(item)
        version = bump_version(session, brief)
        return Change(old_section.brief_id, version, "item", "moved", (item_id,), before)


def remove_item(engine: Engine, item_id: int, expected_version: int | None = None) -> Removed:
    """Remove an item; the result restores it where it was (undo)."""
    with write_session(engine) as session:
        item = _get(session, Item, item_id)
        section = _get(session, Section, item.section_id)
        brief = lock_brief(session, section.brief_id, expected_version)
        saved = _row(item)
        session.delete(item)
        session.flush()
        _renumber(session, section_items(session, require_id(section.id)))
        version = bump_version(session, brief)
        change = Change(section.brief_id, version, "item", "removed", (item_id,))
        return Removed(change, None, (saved,))
