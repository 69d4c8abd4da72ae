"""A throwaway PostgreSQL server for the team-library tests.

`.ci/run` installs PostgreSQL; the tests start their own server on a free loopback
port in a temporary folder and stop it at the end. Set BRIEFING_TEST_PG to an admin
URL (postgresql+psycopg://user:pass@host:port/postgres) to use an existing server.
"""

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

OWNER = "briefing_owner"
OWNER_PASSWORD = "owner-pw-Zq81"


def _bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_postgres(cmd: list[str]) -> list[str]:
    # PostgreSQL refuses to run as root; CI runs as root, so drop to the postgres user.
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


@contextmanager
def pg_server() -> Iterator[str]:
    """Start a server; yield an admin URL (superuser over TCP with a password)."""
    preset = os.environ.get("BRIEFING_TEST_PG")
    if preset:
        yield preset
        return
    initdb, pg_ctl = _bin("initdb"), _bin("pg_ctl")
    if initdb is None or pg_ctl is None:
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL is not installed; .ci/run must install it")
        pytest.skip("PostgreSQL is not installed")
    folder = Path(tempfile.mkdtemp(prefix="briefing-pg-"))
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    data, port = folder / "data", _free_port()
    pwfile = folder / "pw"
    pwfile.write_text("admin-pw-Xy7\n")
    if os.geteuid() == 0:
        shutil.chown(pwfile, "postgres", "postgres")
    subprocess.run(
        _as_postgres(
            [
                initdb,
                "-D",
                str(data),
                "-U",
                "admin",
                f"--pwfile={pwfile}",
                "-A",
                "scram-sha-256",
                "-E",
                "UTF8",
                "--no-locale",
            ]
        ),
        check=True,
        capture_output=True,
    )
    opts = f"-p {port} -h 127.0.0.1 -k {folder} -c fsync=off -c full_page_writes=off"
    subprocess.run(
        _as_postgres(
            [pg_ctl, "-D", str(data), "-o", opts, "-l", str(folder / "log"), "-w", "start"]
        ),
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://admin:admin-pw-Xy7@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            _as_postgres([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(folder, ignore_errors=True)


def admin_execute(admin_url: str, *statements: str) -> None:
    """Run statements with autocommit as the server's superuser."""
    import psycopg

    with psycopg.connect(admin_url.replace("+psycopg", ""), autocommit=True) as conn:
        for statement in statements:
            conn.execute(statement)  # type: ignore[arg-type]


def new_database(admin_url: str) -> str:
    """A fresh database owned by a non-superuser owner role; returns its owner URL."""
    name = f"lib_{int(time.time() * 1e6) % 10**12}_{os.getpid()}"
    admin_execute(
        admin_url,
        f"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{OWNER}') THEN "
        f"CREATE ROLE {OWNER} LOGIN PASSWORD '{OWNER_PASSWORD}'; END IF; END $$",
        f"CREATE DATABASE {name} OWNER {OWNER}",
    )
    host = admin_url.split("@", 1)[1].rsplit("/", 1)[0]
    return f"postgresql+psycopg://{OWNER}:{OWNER_PASSWORD}@{host}/{name}"
