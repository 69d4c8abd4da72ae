"""Adding sources to the library: dedupe, versions, seeding and listing."""

import datetime as dt
import hashlib
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError as SAIntegrityError
from sqlmodel import Session, col, select

from briefing.errors import InputError, NotFoundError
from briefing.ingest.draft import SourceDraft
from briefing.models import Source
from briefing.store import SearchHit, read_session, search_sources, write_session

GRADES_SOURCE = "ABCDEF"
GRADES_INFO = range(1, 7)


@dataclass(frozen=True)
class Imported:
    """What an import did: the stored source and whether it was new or a new version."""

    source: Source
    created: bool
    new_version: bool


def content_hash(text: str) -> str:
    """SHA-256 of the normalized text: the same content is the same source."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def add_source(engine: Engine, draft: SourceDraft, version_of: int | None = None) -> Imported:
    """Store `draft`, or return the existing source with the same content.

    A draft from the URL of a stored source, or with `version_of` set, becomes the
    newest version of that source when its content differs.
    """
    return add_sources(engine, [draft], version_of)[0]


def add_sources(
    engine: Engine, drafts: Sequence[SourceDraft], version_of: int | None = None
) -> list[Imported]:
    """Store several drafts in one transaction (see add_source); all or nothing."""
    digests = [content_hash(d.text) for d in drafts]
    try:
        with write_session(engine) as session:
            return [
                _add(session, draft, digest, version_of)
                for draft, digest in zip(drafts, digests, strict=True)
            ]
    except SAIntegrityError:
        # Another writer stored some of the same content meanwhile: go one by one.
        return [_add_one(engine, d, h, version_of) for d, h in zip(drafts, digests, strict=True)]


def _add_one(engine: Engine, draft: SourceDraft, digest: str, version_of: int | None) -> Imported:
    try:
        with write_session(engine) as session:
            return _add(session, draft, digest, version_of)
    except SAIntegrityError:
        with read_session(engine) as session:
            existing = session.exec(select(Source).where(Source.content_hash == digest)).one()
            return Imported(existing, created=False, new_version=False)


def _add(session: Session, draft: SourceDraft, digest: str, version_of: int | None) -> Imported:
    existing = session.exec(select(Source).where(Source.content_hash == digest)).first()
    if existing is not None:
        return Imported(existing, created=False, new_version=False)
    root: Source | None = None
    if version_of is not None:
        base = session.get(Source, version_of)
        if base is None:
            raise NotFoundError(f"No source with id {version_of}; run `sources` to list ids.")
        root = session.get(Source, base.root_id)
    elif draft.url:
        root = _root_for_url(session, draft.url)
    source = _source_from_draft(draft, digest)
    if root is not None and root.id is not None:
        source.version_of = root.id
        source.version = newest_version(session, root.id).version + 1
        _inherit(source, root)
    session.add(source)
    session.flush()
    return Imported(source, created=True, new_version=root is not None)


def _root_for_url(session: Session, url: str) -> Source | None:
    match = session.exec(select(Source).where(Source.url == url).order_by(col(Source.id))).first()
    return None if match is None else session.get(Source, match.root_id)


def _inherit(source: Source, root: Source) -> None:
    # The staffer's grade is about the outlet and report, which a correction does not change.
    source.grade_source = root.grade_source
    source.grade_info = root.grade_info


def _source_from_draft(draft: SourceDraft, digest: str) -> Source:
    return Source(
        title=draft.title,
        outlet=draft.outlet,
        author=draft.author,
        url=draft.url,
        published=draft.published,
        language=draft.language,
        text=draft.text,
        content_hash=digest,
        original=draft.original,
        format=draft.format,
    )


def newest_version(session: Session, source_id: int) -> Source:
    """The newest version of the source that `source_id` is a version of."""
    source = get_source(session, source_id)
    root = source.root_id
    stmt = (
        select(Source)
        .where((Source.id == root) | (Source.version_of == root))
        .order_by(col(Source.version).desc())
    )
    return session.exec(stmt).first() or source


def versions(session: Session, source_id: int) -> list[Source]:
    """Every version of a source, oldest first."""
    root = get_source(session, source_id).root_id
    stmt = (
        select(Source)
        .where((Source.id == root) | (Source.version_of == root))
        .order_by(col(Source.version))
    )
    return list(session.exec(stmt))


def get_source(session: Session, source_id: int) -> Source:
    """The source with `source_id`, or a NotFoundError that says how to find ids."""
    source = session.get(Source, source_id)
    if source is None:
        raise NotFoundError(f"No source with id {source_id}; run `sources` to list ids.")
    return source


def list_sources(session: Session, *, offset: int = 0, limit: int | None = None) -> list[Source]:
    """The newest version of every source, newest publication first."""
    newest = (
        select(func.max(Source.id))
        .group_by(func.coalesce(Source.version_of, Source.id))
        .scalar_subquery()
    )
    stmt = (
        select(Source)
        .where(col(Source.id).in_(newest))
        .order_by(col(Source.published).desc(), col(Source.id).desc())
        .offset(offset)
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(session.exec(stmt))


def count_sources(session: Session) -> int:
    """How many distinct sources (not versions) the library holds."""
    stmt = select(func.count()).where(col(Source.version_of).is_(None))
    return int(session.exec(stmt).one())


def search(session: Session, query: str, limit: int = 50) -> list[tuple[Source, SearchHit]]:
    """Full-text search results with their sources, best first."""
    hits = search_sources(session, query, limit)
    found = {
        s.id: s
        for s in session.exec(select(Source).where(col(Source.id).in_([h.source_id for h in hits])))
    }
    return [(found[h.source_id], h) for h in hits if h.source_id in found]


def set_grade(engine: Engine, source_id: int, grade: str | None) -> Source:
    """Set a source's Admiralty grade, e.g. "B2", or clear it with None or ""."""
    letter, number = _parse_grade(grade)
    with write_session(engine) as session:
        source = get_source(session, source_id)
        for version in versions(session, source_id):
            version.grade_source, version.grade_info = letter, number
            session.add(version)
        return source


def _parse_grade(grade: str | None) -> tuple[str | None, int | None]:
    if not grade:
        return None, None
    value = grade.strip().upper()
    if (
        len(value) == 2
        and value[0] in GRADES_SOURCE
        and value[1].isdigit()
        and int(value[1]) in GRADES_INFO
    ):
        return value[0], int(value[1])
    raise InputError(
        f"'{grade}' is not an Admiralty grade; use a letter A-F and a digit 1-6, such as B2."
    )


def grade_label(source: Source) -> str:
    """The grade as printed, e.g. "B2", or "" when none is set."""
    if source.grade_source is None:
        return ""
    return f"{source.grade_source}{source.grade_info or ''}"


def seed_dir() -> Path | None:
    """Where the sample sources live: the checkout's seeds/, or the installed copy."""
    for candidate in (
        Path(__file__).resolve().parent.parent / "seeds",
        Path(sys.prefix) / "share" / "briefing" / "seeds",
    ):
        if candidate.is_dir():
            return candidate
    return None


def seed_paths() -> Sequence[Path]:
    """The sample source files, in a stable order."""
    folder = seed_dir()
    return sorted(folder.glob("*.txt")) if folder else []


def published_or_today(source: Source) -> dt.date:
    """The date relative expressions resolve against."""
    return source.published or source.retrieved_at.date()
