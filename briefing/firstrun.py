"""Opening the library: resolve where it lives, migrate it, seed a new one."""

from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from briefing import compose
from briefing.errors import BriefingError, StorageError
from briefing.ingest import read_path
from briefing.library import add_source, seed_paths
from briefing.store import (
    current_revision,
    migrate_schema,
    open_engine,
    reason,
    redact,
    resolve_db_url,
)

SAMPLE_BRIEF_TITLE = "Sample brief: Blinken meets Han Zheng at the UN"


def open_library(db: str | None = None, *, seed: bool = True) -> Engine:
    """Open (creating and migrating as needed) the library named by `db`.

    `db` is a path or SQLAlchemy URL; None means $BRIEFING_DB or the user data
    folder. A library created now is seeded with the sample sources and a
    sample brief, so the app shows its purpose at once.
    """
    url = resolve_db_url(db)
    engine = open_engine(url, migrate=False)
    try:
        fresh = current_revision(engine) is None
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StorageError(f"Cannot open the library at {redact(url)}: {reason(exc)}.") from None
    migrate_schema(engine)
    if fresh and seed:
        seed_library(engine)
    return engine


def seed_library(engine: Engine) -> list[int]:
    """Import the sample sources and compose a sample brief from the first one."""
    ids = []
    for path in seed_paths():
        try:
            ids.append(add_source(engine, read_path(path)).source.id or 0)
        except BriefingError:
            continue  # a damaged sample must not stop the library from opening
    if ids:
        _sample_brief(engine, ids[0])
    return ids


def _sample_brief(engine: Engine, source_id: int) -> None:
    brief_id = compose.new_brief(
        engine,
        SAMPLE_BRIEF_TITLE,
        author="Briefing composer",
        audience="Anyone trying the app",
        purpose="Shows how quotes and facts carry their sources",
        marking="UNCLASSIFIED//SAMPLE",
    ).brief_id
    steps = (
        (
            "Bottom line",
            None,
            "U.S.-China contacts are resuming at senior level ahead of a "
            "possible Biden-Xi meeting in November.",
        ),
        (
            "Key points",
            "White House national security adviser Jake Sullivan met with Chinese "
            "Foreign Minister Wang Yi in Malta for 12 hours last weekend",
            None,
        ),
        ("What they said", "The world expects us to responsibly manage our relationship,", None),
        ("What they said", "The world needs stable and healthy China-U.S. relations,", None),
    )
    for section, match, note in steps:
        try:
            if match:
                compose.add_match(engine, brief_id, section, source_id, match)
            elif note:
                compose.add_note(engine, brief_id, section, note)
        except BriefingError:
            continue  # the sample text changed: keep what could be added
