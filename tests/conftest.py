"""Shared fixtures: a temporary library loaded with the seed, and tool checks."""

import os
from collections.abc import Iterator
from pathlib import Path

# Before any Qt import anywhere in the test run: no display here or in CI.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from sqlalchemy.engine import Engine

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "000_8f921f06db5edd0a.txt"


@pytest.fixture(scope="session")
def pg_admin() -> Iterator[str]:
    """An admin URL of a throwaway PostgreSQL server (started once per test run)."""
    from tests.pg import pg_server

    with pg_server() as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL of a new, empty library: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'library.sqlite3'}"
    from tests.pg import new_database

    return new_database(request.getfixturevalue("pg_admin"))


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """A URL for a new SQLite library file (for SQLite-only behaviour)."""
    return f"sqlite:///{tmp_path / 'library.sqlite3'}"


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """An unseeded, migrated library."""
    from briefing.store import open_engine

    eng = open_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def library(db_url: str) -> Iterator[Engine]:
    """A new library seeded like a first run: the sample sources and the sample brief."""
    from briefing.firstrun import open_library

    eng = open_library(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def seed_id(library: Engine) -> int:
    """The library id of the sample article."""
    from briefing.ingest import read_path
    from briefing.library import add_source

    source_id = add_source(library, read_path(SEED)).source.id
    assert source_id is not None
    return source_id


@pytest.fixture
def brief_id(library: Engine) -> int:
    """A new, empty standard brief."""
    from briefing.compose import new_brief

    return new_brief(library, "Test brief", marking="UNCLASSIFIED").brief_id
