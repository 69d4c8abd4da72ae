"""The command line as outside checks use it: real processes, real files."""

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO, SEED
from tests.tools import require_tool

BLINKEN = "The world expects us to responsibly manage our relationship,"


def run(db: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BRIEFING_DB": str(db), "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, str(REPO / "main.py"), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=REPO,
        check=False,
        timeout=120,
    )
    if check:
        assert done.returncode == 0, done.stderr
    return done


def assert_one_line_error(done: subprocess.CompletedProcess[str], needle: str) -> None:
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert needle in lines[0]


@pytest.fixture
def db(db_url: str) -> str:
    return db_url


def test_import_prints_id_and_title_and_dedupes(db: str) -> None:
    first = run(db, "import", str(SEED)).stdout.strip().split("\t")
    again = run(db, "import", str(SEED)).stdout.strip().split("\t")
    assert first == again
    assert first[0].isdigit()
    assert first[1].startswith("U.S. Secretary of State Antony Blinken")
    listed = json.loads(run(db, "sources", "--json").stdout)
    assert [s["id"] for s in listed].count(int(first[0])) == 1
    seed = next(s for s in listed if s["id"] == int(first[0]))
    assert (seed["date"], seed["outlet"]) == ("2023-09-19", "Devdiscourse")


def test_sources_search_shows_snippets(db: str) -> None:
    run(db, "import", str(SEED))
    rows = json.loads(run(db, "sources", "--search", "surveillance balloon", "--json").stdout)
    assert len(rows) == 1
    assert "[surveillance]" in rows[0]["snippet"]
    text = run(db, "sources", "--search", "nothingmatchesthis").stdout
    assert text == ""


def test_bad_inputs_leave_library_unchanged(db: str, tmp_path: Path) -> None:
    run(db, "import", str(SEED))
    before = run(db, "sources", "--json").stdout
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    noise = tmp_path / "noise.docx"
    noise.write_bytes(os.urandom(4096))
    cases = [
        (["import", str(tmp_path / "missing.txt")], "missing.txt"),
        (["import", str(tmp_path)], "folder"),
        (["import", str(empty)], "empty"),
        (["import", str(SEED), str(noise)], "noise.docx"),
        (["import", "ftp://example.invalid/a"], "http"),
        (["brief", "add", "999", "--section", "X", "--source", "1", "--match", "x"], "999"),
        (["extract", "424242", "--json"], "No source with id 424242"),
    ]
    for args, needle in cases:
        assert_one_line_error(run(db, *args, check=False), needle)
    assert run(db, "sources", "--json").stdout == before


def test_version_of_keeps_old_versions(db: str, tmp_path: Path) -> None:
    sid = run(db, "import", str(SEED)).stdout.split("\t")[0]
    changed = tmp_path / "changed.txt"
    changed.write_text(
        SEED.read_text(encoding="utf-8").replace("12 hours", "twelve hours"), encoding="utf-8"
    )
    new = run(db, "import", "--version-of", sid, str(changed)).stdout.split("\t")[0]
    assert new != sid
    rows = {s["id"]: s for s in json.loads(run(db, "sources", "--json").stdout)}
    assert int(new) in rows
    assert rows[int(new)]["version"] == 2
    assert int(sid) not in rows  # the list shows newest versions; the old one is kept
    assert json.loads(run(db, "extract", sid, "--json").stdout)["source"]["id"] == int(sid)


def test_extract_json_contract_on_a_path(db: str) -> None:
    out = json.loads(run(db, "extract", str(SEED), "--json").stdout)
    assert set(out) >= {"source", "text", "quotes", "facts", "dates"}
    assert out["source"]["date"] == "2023-09-19"
    text = out["text"]
    for quote in out["quotes"]:
        assert quote["text"] in text[quote["start"] : quote["end"]]
    blinken = next(q for q in out["quotes"] if q["text"] == BLINKEN)
    assert blinken["speaker"] == "Antony Blinken"
    assert blinken["speaker_role"] == "U.S. Secretary of State"
    monday = next(d for d in out["dates"] if d["text"] == "on Monday")
    assert monday["resolved"] == "2023-09-18"


def test_seed_workflow_through_the_cli(db: str, tmp_path: Path) -> None:
    sid = run(db, "import", str(SEED)).stdout.split("\t")[0]
    bid = run(
        db, "brief", "new", "--title", "Blinken meets Han", "--marking", "UNCLASSIFIED"
    ).stdout.strip()
    qid = run(
        db, "brief", "add", bid, "--section", "What they said", "--source", sid, "--match", BLINKEN
    ).stdout.strip()
    run(db, "brief", "note", bid, "--section", "Bottom line", "--text", "Talks continue.")
    shown = json.loads(run(db, "brief", "show", bid, "--json").stdout)
    said = next(s for s in shown["sections"] if s["title"] == "What they said")
    item = said["items"][0]
    assert str(item["id"]) == qid
    assert item["kind"] == "quote"
    assert item["speaker"] == "Antony Blinken"
    assert item["anchor"]["exact"] == BLINKEN
    assert run(db, "brief", "check", bid).returncode == 0

    run(db, "brief", "edit", bid, qid, "--text", "The world wants us to manage our relationship")
    failing = run(db, "brief", "check", bid, check=False)
    assert failing.returncode == 1
    assert failing.stdout.startswith(f"{qid}\tquote\t")

    out = tmp_path / "brief.docx"
    refused = run(db, "export", bid, "--docx", str(out), check=False)
    assert_one_line_error(refused, qid)
    assert not out.exists()
    run(db, "export", bid, "--docx", str(out), "--allow-unverified")
    with zipfile.ZipFile(out) as docx:
        assert "UNVERIFIED" in docx.read("word/document.xml").decode("utf-8")

    run(
        db,
        "brief",
        "edit",
        bid,
        qid,
        "--text",
        "[T]he world expects us … [to] manage our relationship",
    )
    assert run(db, "brief", "check", bid).returncode == 0
    pdf = tmp_path / "brief.pdf"
    run(db, "export", bid, "--docx", str(out), "--pdf", str(pdf))
    pdftotext = require_tool("pdftotext")
    text = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Antony Blinken" in " ".join(text.split())


def test_refresh_cli_reports_orphans(db: str, tmp_path: Path) -> None:
    sid = run(db, "import", str(SEED)).stdout.split("\t")[0]
    bid = run(db, "brief", "new", "--title", "T").stdout.strip()
    qid = run(
        db,
        "brief",
        "add",
        bid,
        "--section",
        "Key points",
        "--source",
        sid,
        "--match",
        "for 12 hours last weekend",
    ).stdout.strip()
    changed = tmp_path / "changed.txt"
    changed.write_text(
        SEED.read_text(encoding="utf-8").replace("12 hours", "many hours"), encoding="utf-8"
    )
    run(db, "import", "--version-of", sid, str(changed))
    done = run(db, "brief", "refresh", bid, check=False)
    assert done.returncode == 1
    assert done.stdout.strip() == f"{qid}\torphaned"


def test_same_url_with_changed_content_becomes_a_new_version(db: str) -> None:
    import http.server
    import threading

    pages = {"body": "<p>First version of the story, with enough words to be an article.</p>"}

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            html = (
                "<html><head><title>Harbour story</title></head><body><article>"
                f"{pages['body']}</article></body></html>"
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(html)))
            self.end_headers()
            self.wfile.write(html)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/story"
        first = run(db, "import", url).stdout.split("\t")[0]
        assert run(db, "import", url).stdout.split("\t")[0] == first
        pages["body"] = "<p>Second version of the story, corrected after publication today.</p>"
        second = run(db, "import", url).stdout.split("\t")[0]
    finally:
        server.shutdown()
        server.server_close()
    assert second != first
    rows = {s["id"]: s for s in json.loads(run(db, "sources", "--json").stdout)}
    assert rows[int(second)]["version"] == 2
    assert rows[int(second)]["version_of"] == int(first)
    assert rows[int(second)]["url"] == url
