"""The library database: pragmas, migrations, search, URL handling."""

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine

from briefing.errors import StorageError
from briefing.ingest import read_paste
from briefing.library import add_source
from briefing.store import (
    HEAD_REVISION,
    current_revision,
    migrate_schema,
    open_engine,
    read_session,
    redact,
    resolve_db_url,
    search_sources,
)


def test_sqlite_pragmas_are_set(sqlite_url: str) -> None:
    engine = open_engine(sqlite_url)
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 10000


def test_new_library_is_at_head_revision(engine: Engine) -> None:
    assert current_revision(engine) == HEAD_REVISION


def test_older_library_is_upgraded_on_open(sqlite_url: str) -> None:
    db_url = sqlite_url
    # A library made by an older version: the schema before any revision, with data in it.
    old = open_engine(db_url, migrate=False)
    with old.begin() as conn:
        conn.execute(text("CREATE TABLE keepme (x INTEGER)"))
        conn.execute(text("INSERT INTO keepme VALUES (42)"))
    assert current_revision(old) is None
    migrate_schema(old)
    assert current_revision(old) == HEAD_REVISION
    with old.connect() as conn:
        assert conn.execute(text("SELECT x FROM keepme")).scalar() == 42
    old.dispose()


def test_downgrade_and_upgrade_round_trip(engine: Engine) -> None:
    migrate_schema(engine, "base")
    assert current_revision(engine) is None
    migrate_schema(engine)
    assert current_revision(engine) == HEAD_REVISION


def test_resolve_db_url_prefers_argument_then_env(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("BRIEFING_DB", str(tmp_path / "env.sqlite3"))
    assert resolve_db_url(str(tmp_path / "arg.sqlite3")).endswith("arg.sqlite3")
    assert resolve_db_url(None).endswith("env.sqlite3")
    assert resolve_db_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"


def test_default_library_lives_in_user_data_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BRIEFING_DB", raising=False)
    url = resolve_db_url(None)
    assert url.startswith("sqlite:///")
    assert url.endswith("library.sqlite3")
    assert "briefing" in url


def test_redact_hides_passwords() -> None:
    shown = redact("postgresql+psycopg://alice:s3cret@db.example/briefs")
    assert "s3cret" not in shown
    assert "alice" in shown


def test_bad_url_is_one_sentence() -> None:
    with pytest.raises(StorageError, match="not a database path or URL"):
        open_engine("://")
    with pytest.raises(StorageError, match="No database driver for 'nonsense'"):
        open_engine("nonsense://host/db")


def test_library_path_that_is_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="folder"):
        open_engine(f"sqlite:///{tmp_path}")


def test_search_ranks_title_matches_first_with_snippets(engine: Engine) -> None:
    body = "Filler sentence about the weather. " * 5
    a = add_source(engine, read_paste(body + "Trade talks resumed in Geneva.", "Weather notes"))
    b = add_source(engine, read_paste(body + "Nothing else happened.", "Trade talks in Geneva"))
    with read_session(engine) as session:
        hits = search_sources(session, "trade talks")
        assert [h.source_id for h in hits] == [b.source.id, a.source.id]
        assert "[Trade]" in hits[1].snippet
        # The last word matches as a prefix, so results follow typing.
        assert [h.source_id for h in search_sources(session, "Gen")] != []
        assert search_sources(session, "   ") == []
        # FTS syntax in a query is treated as words, not as an error.
        assert search_sources(session, 'trade" (') != []
