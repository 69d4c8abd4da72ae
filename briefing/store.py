"""The library database: engine set-up, migrations, sessions and full-text search."""

import contextlib
import logging
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import event, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, SQLAlchemyError
from sqlmodel import Session, create_engine

from briefing.errors import StorageError

_MIGRATIONS = Path(__file__).parent / "migrations"
HEAD_REVISION = "0001"
ENV_VAR = "BRIEFING_DB"
log = logging.getLogger(__name__)


def default_db_path() -> Path:
    """The per-user library file (platformdirs' user data folder)."""
    return Path(platformdirs.user_data_dir("briefing", appauthor=False)) / "library.sqlite3"


def resolve_db_url(arg: str | None = None) -> str:
    """Turn `--db` (or $BRIEFING_DB, or the default folder) into a SQLAlchemy URL."""
    value = arg or os.environ.get(ENV_VAR) or str(default_db_path())
    if "://" in value:
        return value
    path = Path(value).expanduser().resolve()
    return f"sqlite:///{path}"


def redact(url: str) -> str:
    """`url` with any password replaced by ***, safe for logs, errors and titles."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


def _sqlite_on_connect(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" hook issue BEGIN itself (pysqlite's own is deferred-only).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA busy_timeout = 10000")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


def _sqlite_on_begin(conn: Connection) -> None:
    # Writers take the write lock up front, so two writers queue instead of deadlocking.
    mode = "IMMEDIATE" if conn.get_execution_options().get("write") else "DEFERRED"
    conn.exec_driver_sql(f"BEGIN {mode}")


def open_engine(url: str, *, migrate: bool = True) -> Engine:
    """Create an engine for `url`, creating or upgrading the schema when `migrate`."""
    try:
        sa_url = make_url(url)
    except ArgumentError:
        raise StorageError(
            f"'{redact(url)}' is not a database path or URL; give a file path or "
            "a URL such as postgresql+psycopg://user@host/db."
        ) from None
    if sa_url.get_backend_name() == "sqlite":
        engine = _sqlite_engine(sa_url.database or "")
    else:
        try:
            engine = create_engine(sa_url, pool_pre_ping=True)
        except (NoSuchModuleError, ImportError):
            raise StorageError(
                f"No database driver for '{sa_url.drivername}'; use a SQLite file path or "
                "a postgresql+psycopg:// URL."
            ) from None
    if migrate:
        migrate_schema(engine)
    return engine


def _sqlite_engine(database: str) -> Engine:
    if database and database != ":memory:":
        folder = Path(database).parent
        if folder.exists() and not folder.is_dir():
            raise StorageError(f"Cannot create the library in {folder}: it is not a folder.")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(
                f"Cannot create the library folder {folder} ({exc.strerror}); "
                "choose another --db path."
            ) from None
        if Path(database).is_dir():
            raise StorageError(f"{database} is a folder; give a library file path to --db.")
    engine = create_engine(f"sqlite:///{database}", connect_args={"timeout": 10})
    event.listen(engine, "connect", _sqlite_on_connect)
    event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def current_revision(engine: Engine) -> str | None:
    """The schema revision the database is at, or None for an empty database."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def migrate_schema(engine: Engine, revision: str = "head") -> None:
    """Create or upgrade the schema to `revision` (alembic); "base" empties it."""
    try:
        if revision == "head" and current_revision(engine) == HEAD_REVISION:
            return
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(_MIGRATIONS))
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            move = command.downgrade if revision == "base" else command.upgrade
            move(cfg, revision)
    except OperationalError as exc:
        raise StorageError(
            f"Cannot open the library at {redact(str(engine.url))}: {reason(exc)}."
        ) from None
    except SQLAlchemyError as exc:
        raise StorageError(
            f"The library at {redact(str(engine.url))} could not be upgraded: {reason(exc)}."
        ) from None


def reason(exc: SQLAlchemyError) -> str:
    """The first line of a database error, with any password hidden."""
    orig = getattr(exc, "orig", None)
    first = str(orig or exc).strip().splitlines()
    return redact(first[0]) if first else type(exc).__name__


@contextlib.contextmanager
def read_session(engine: Engine) -> Iterator[Session]:
    """A session for reading; nothing it changes is committed."""
    with Session(engine, expire_on_commit=False) as session:
        yield session


@contextlib.contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    """A session whose work is committed as one transaction, or rolled back on error."""
    bind = engine.execution_options(write=True)
    with Session(bind, expire_on_commit=False, info={"write": True}) as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise


@dataclass(frozen=True)
class SearchHit:
    """One search result: the source id, a rank (lower is better) and a snippet."""

    source_id: int
    rank: float
    snippet: str


HIGHLIGHT = ("[", "]")
_WORD = re.compile(r"\w+", re.UNICODE)


def search_sources(session: Session, query: str, limit: int = 50) -> list[SearchHit]:
    """Ranked full-text search over titles and texts, with highlighted snippets.

    Every word must occur; the last word also matches as a prefix, so results
    can follow typing. Matches in titles weigh more than matches in text.
    """
    words = _WORD.findall(query)
    if not words:
        return []
    if session.get_bind().dialect.name == "sqlite":
        return _search_sqlite(session, words, limit)
    return _search_postgres(session, words, limit)


def _search_sqlite(session: Session, words: list[str], limit: int) -> list[SearchHit]:
    terms = [f'"{w}"' for w in words[:-1]] + [f'"{words[-1]}"*']
    # "rank MATCH" with ORDER BY rank lets FTS5 keep only the top rows while scanning,
    # and snippets are then made for those rows alone.
    sql = text(
        "SELECT rowid, rank, snippet(source_fts, 1, :open, :close, '…', 16) FROM source_fts "
        "WHERE source_fts MATCH :q AND rank MATCH 'bm25(10.0, 1.0)' ORDER BY rank LIMIT :limit"
    )
    rows = session.execute(
        sql,
        {"q": " AND ".join(terms), "open": HIGHLIGHT[0], "close": HIGHLIGHT[1], "limit": limit},
    )
    return [SearchHit(int(r[0]), float(r[1]), str(r[2])) for r in rows]


def _search_postgres(session: Session, words: list[str], limit: int) -> list[SearchHit]:
    tsquery = " & ".join([*(f"{w}" for w in words[:-1]), f"{words[-1]}:*"])
    sql = text(
        "SELECT id, -ts_rank(search, q) AS score, "
        "ts_headline('simple', text, q, :opts) FROM source, to_tsquery('simple', :q) q "
        "WHERE search @@ q ORDER BY score LIMIT :limit"
    )
    opts = f"StartSel={HIGHLIGHT[0]}, StopSel={HIGHLIGHT[1]}, MaxWords=24, MinWords=8"
    rows = session.execute(sql, {"q": tsquery, "opts": opts, "limit": limit})
    return [SearchHit(int(r[0]), float(r[1]), str(r[2])) for r in rows]
