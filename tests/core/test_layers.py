"""The core never imports Qt (STYLE.md: layers)."""

import subprocess
import sys

from tests.conftest import REPO


def test_core_and_cli_import_without_qt() -> None:
    code = (
        "import sys, briefing, briefing.cli, briefing.cli_commands, briefing.compose, "
        "briefing.brief_view, briefing.export.common\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_no_qt_import_statement_under_briefing() -> None:
    offenders = [
        str(path.relative_to(REPO))
        for path in (REPO / "briefing").rglob("*.py")
        if "PySide6" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
