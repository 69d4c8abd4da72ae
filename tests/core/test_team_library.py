"""The team library on PostgreSQL: copying, least privilege, secrets, concurrent importers."""

import multiprocessing
from pathlib import Path

import pytest
from sqlalchemy import select, text

from briefing.brief_view import load_brief
from briefing.errors import StorageError
from briefing.firstrun import open_library
from briefing.ingest import read_path
from briefing.library import add_source, seed_paths
from briefing.models import Brief, Item, Section, Source
from briefing.store import open_engine, read_session
from briefing.transfer import TABLES, copy_library
from tests.conftest import SEED
from tests.core.test_cli import assert_one_line_error, run
from tests.pg import admin_execute, new_database

pytestmark = pytest.mark.postgres


def _dump(url: str) -> dict[str, list[tuple[object, ...]]]:
    engine = open_engine(url, migrate=False)
    with engine.connect() as conn:
        out = {
            table.name: [tuple(row) for row in conn.execute(select(table).order_by(table.c.id))]
            for table in TABLES
        }
    engine.dispose()
    return out


def test_copy_sqlite_to_server_and_back_keeps_everything(pg_admin: str, tmp_path: Path) -> None:
    local = f"sqlite:///{tmp_path}/local.sqlite3"
    engine = open_library(local)
    changed = SEED.read_text(encoding="utf-8").replace("12 hours", "twelve hours")
    (tmp_path / "v2.txt").write_text(changed, encoding="utf-8")
    add_source(engine, read_path(tmp_path / "v2.txt"), version_of=1)
    engine.dispose()

    team = new_database(pg_admin)
    copied = copy_library(local, team)
    sources = len(seed_paths()) + 1  # the samples and one new version
    assert copied.counts == {"source": sources, "brief": 1, "section": 5, "item": 4}
    back = f"sqlite:///{tmp_path}/back.sqlite3"
    copy_library(team, back)
    assert _dump(local) == _dump(team) == _dump(back)

    server = open_library(team)
    brief = load_brief(server, 1)
    assert brief.failing() == []
    with read_session(server) as session:
        versions = session.exec(select(Source).where(Source.version_of == 1)).all()
        assert [v[0].version for v in versions] == [2]
    # Sequences continue after the copied ids.
    from briefing import compose

    new_id = compose.new_brief(server, "After the copy").brief_id
    assert new_id == 2
    server.dispose()


def test_copy_refuses_a_library_that_is_not_empty(pg_admin: str) -> None:
    team = new_database(pg_admin)
    open_library(team).dispose()  # seeded
    with pytest.raises(StorageError, match="already holds sources"):
        copy_library(new_database(pg_admin), team)


def test_least_privilege_role_can_do_everything_the_app_does(pg_admin: str, tmp_path: Path) -> None:
    owner_url = new_database(pg_admin)
    open_library(owner_url).dispose()  # the owner migrates and seeds
    database = owner_url.rsplit("/", 1)[1]
    admin_execute(
        pg_admin,
        "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'briefing_app') "
        "THEN CREATE ROLE briefing_app LOGIN PASSWORD 'app-pw-31'; END IF; END $$",
    )
    grants = [
        "GRANT USAGE ON SCHEMA public TO briefing_app",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO briefing_app",
        "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO briefing_app",
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
    ]
    admin_execute(pg_admin.rsplit("/", 1)[0] + f"/{database}", *grants)
    app_url = owner_url.replace("briefing_owner:owner-pw-Zq81", "briefing_app:app-pw-31")
    engine = open_engine(app_url)
    with engine.connect() as conn:
        denied = conn.execute(text("SELECT has_schema_privilege('public', 'CREATE')")).scalar()
    engine.dispose()
    assert denied is False
    bid = run(app_url, "brief", "new", "--title", "By the app role").stdout.strip()
    run(
        app_url,
        "brief",
        "add",
        bid,
        "--section",
        "Key points",
        "--source",
        "1",
        "--match",
        "for 12 hours last weekend",
    )
    out = tmp_path / "b.docx"
    run(app_url, "export", bid, "--docx", str(out))
    assert run(app_url, "sources", "--search", "balloon").stdout.startswith("1\t")


def test_passwords_never_appear_in_errors(pg_admin: str) -> None:
    url = new_database(pg_admin)
    wrong = url.replace("owner-pw-Zq81", "Wr0ng-S3cret-99")
    done = run(wrong, "sources", check=False)
    assert_one_line_error(done, "Cannot open the library")
    assert "Wr0ng-S3cret-99" not in done.stderr + done.stdout
    assert "***" in done.stderr
    nowhere = "postgresql+psycopg://me:Hidden-Pw-77@127.0.0.1:9/none?connect_timeout=3"
    done = run(nowhere, "sources", check=False)
    assert_one_line_error(done, "Cannot open the library")
    assert "Hidden-Pw-77" not in done.stderr


def test_tls_parameters_pass_through_to_the_driver(pg_admin: str) -> None:
    url = new_database(pg_admin)
    assert run(url + "?sslmode=disable", "sources").returncode == 0
    done = run(url + "?sslmode=require", "sources", check=False)
    assert_one_line_error(done, "SSL")
    assert "owner-pw-Zq81" not in done.stderr


def _import_seed(url: str, times: int) -> None:
    engine = open_engine(url)
    for _ in range(times):
        add_source(engine, read_path(SEED))
    engine.dispose()


def test_two_people_importing_the_same_article_make_one_source(pg_admin: str) -> None:
    url = new_database(pg_admin)
    open_engine(url).dispose()
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_import_seed, args=(url, 5)) for _ in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(120)
        assert w.exitcode == 0
    engine = open_engine(url)
    with read_session(engine) as session:
        assert len(session.exec(select(Source)).all()) == 1
        assert session.exec(select(Brief)).all() == []
        assert session.exec(select(Section)).all() == []
        assert session.exec(select(Item)).all() == []
    engine.dispose()
