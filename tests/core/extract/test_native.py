"""The mypyc-compiled extractor: used when fresh, never when stale, same output as plain."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from briefing.extract import extract, native
from tests.core.extract.gold import load_articles

_ROOT = Path(__file__).resolve().parents[3]

# Runs the plain modules in a fresh process and prints what they extract from the articles.
_PLAIN = """
import json, sys
from briefing.extract import extract, native
from tests.core.extract.gold import load_articles
texts = [(a.text, a.published) for a in load_articles()]
texts.append(("\\n\\n".join(t for t, _ in texts), None))
out = [extract(t, d).to_json() for t, d in texts]
print(json.dumps({"active": native.active(), "out": out}, ensure_ascii=False))
"""


def test_the_compiled_extractor_runs_when_built() -> None:
    if os.environ.get("BRIEFING_PURE"):
        pytest.skip("BRIEFING_PURE asks for the plain extractor")
    if not native.is_fresh():
        if os.environ.get("CI") == "true":
            pytest.fail("the extractor is not compiled; `make test` runs `make native` first")
        pytest.skip("no fresh compiled extractor (run `make native`)")
    assert native.active()
    from briefing.extract import speakers

    assert str(speakers.__file__).startswith(str(native.BUILD))
    assert not str(speakers.__file__).endswith(".py")


def test_plain_and_compiled_extractors_give_the_same_output() -> None:
    env = {**os.environ, "BRIEFING_PURE": "1"}
    done = subprocess.run(
        [sys.executable, "-c", _PLAIN], cwd=_ROOT, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    plain = json.loads(done.stdout)
    assert plain["active"] is False
    articles = load_articles()
    texts = [(a.text, a.published) for a in articles]
    texts.append(("\n\n".join(t for t, _ in texts), None))
    here = [extract(t, d).to_json() for t, d in texts]
    assert len(plain["out"]) == len(articles) + 1
    assert plain["out"] == json.loads(json.dumps(here, ensure_ascii=False))


def _copy_sources(tmp_path: Path) -> Path:
    package = tmp_path / "extract"
    package.mkdir()
    for name in native.MODULES:
        shutil.copy2(native.PACKAGE / f"{name}.py", package / f"{name}.py")
    return package


def test_a_build_from_other_sources_is_stale(tmp_path: Path) -> None:
    package = _copy_sources(tmp_path)
    build = tmp_path / "build"
    build.mkdir()
    (build / "stamp.txt").write_text(native.stamp(package) + "\n", encoding="ascii")
    assert native.is_fresh(build, package)

    speakers = package / "speakers.py"
    speakers.write_text(speakers.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert not native.is_fresh(build, package)


def test_a_stale_or_missing_build_leaves_the_plain_modules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BRIEFING_PURE", raising=False)
    search_path = ["plain"]
    assert not native.activate(search_path, tmp_path / "missing")
    (tmp_path / "stamp.txt").write_text("0" * 64 + "\n", encoding="ascii")
    assert not native.activate(search_path, tmp_path)
    assert search_path == ["plain"]

    (tmp_path / "stamp.txt").write_text(native.stamp() + "\n", encoding="ascii")
    assert native.activate(search_path, tmp_path)
    assert search_path == [str(tmp_path), "plain"]

    monkeypatch.setenv("BRIEFING_PURE", "1")
    assert not native.activate(["plain"], tmp_path)
