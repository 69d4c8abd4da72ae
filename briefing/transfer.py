"""Copying a whole library between backends (a local SQLite file and a team server)."""

from dataclasses import dataclass

from sqlalchemy import Table, func, select, text
from sqlalchemy.engine import Connection, Engine

from briefing.errors import StorageError
from briefing.models import Brief, Item, Section, Source
from briefing.store import open_engine, redact

# Parents before children, so foreign keys hold at every step.
TABLES: tuple[Table, ...] = tuple(
    model.__table__  # type: ignore[union-attr]
    for model in (Source, Brief, Section, Item)
)
_BATCH = 500


@dataclass(frozen=True)
class Copied:
    """How many rows of each table were copied."""

    counts: dict[str, int]


def copy_library(source_url: str, target_url: str) -> Copied:
    """Copy every source (all versions), brief, section and item, ids included.

    The target must be empty (migrated, with no sources or briefs), so nothing
    there is overwritten; ids are kept so anchors and version links stay valid.
    """
    source = open_engine(source_url)
    target = open_engine(target_url)
    try:
        _require_empty(target, target_url)
        counts = {}
        with source.connect() as reader, target.begin() as writer:
            for table in TABLES:
                counts[table.name] = _copy_table(reader, writer, table)
            if target.dialect.name == "postgresql":
                _reset_sequences(writer)
        return Copied(counts)
    finally:
        source.dispose()
        target.dispose()


def _require_empty(engine: Engine, url: str) -> None:
    with engine.connect() as conn:
        for table in TABLES[:2]:
            count = conn.execute(select(func.count()).select_from(table)).scalar_one()
            if count:
                raise StorageError(
                    f"The library at {redact(url)} already holds {table.name}s; "
                    "copy into a new, empty library."
                )


def _copy_table(reader: Connection, writer: Connection, table: Table) -> int:
    columns = [c.name for c in table.columns]
    # Versions point at their root, which has a smaller id: id order keeps FKs valid.
    rows = reader.execute(select(table).order_by(table.c.id)).mappings()
    total, batch = 0, []
    for row in rows:
        batch.append({name: row[name] for name in columns})
        if len(batch) >= _BATCH:
            writer.execute(table.insert(), batch)
            total, batch = total + len(batch), []
    if batch:
        writer.execute(table.insert(), batch)
        total += len(batch)
    return total


def _reset_sequences(writer: Connection) -> None:
    for table in TABLES:
        name = table.name
        writer.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {name}), 0) + 1, false)"
            )
        )
