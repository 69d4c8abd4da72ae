"""GUI fixtures: a fresh seeded library, isolated window state, a shown main window."""

import os
import re

# Before any Qt import: no display here or in CI (the top-level conftest does the same).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from briefing.settings import Settings

if TYPE_CHECKING:
    from ui.window import MainWindow

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "000_8f921f06db5edd0a.txt"
BLINKEN = "The world expects us to responsibly manage our relationship,"


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Engine]:
    """A new library, seeded like a first run (sample source and sample brief)."""
    from briefing.firstrun import open_library

    engine = open_library(str(tmp_path / "lib.sqlite3"))
    yield engine
    engine.dispose()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """App settings pointing at the test library, with a quick autosave."""
    return Settings(db=str(tmp_path / "lib.sqlite3"), autosave_ms=50, search_delay_ms=10)


@pytest.fixture
def qsettings(tmp_path: Path) -> QSettings:
    """Window state kept in the test's folder, never the user's."""
    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Error dialogs the app would show, recorded instead of blocking the test."""
    shown: list[str] = []
    monkeypatch.setattr(
        "ui.messages.show_error",
        lambda _parent, text, details="": shown.append(f"{text} {details}".strip()),
    )
    return shown


@pytest.fixture
def window(
    qtbot: QtBot, lib: Engine, settings: Settings, qsettings: QSettings, errors: list[str]
) -> Iterator["MainWindow"]:
    """The main window on the test library, showing the sample brief."""
    from ui.window import MainWindow

    win = MainWindow(lib, settings, qsettings)
    qtbot.addWidget(win)
    win.resize(1400, 850)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()  # shortcuts go to the active window (a real X server needs this)
    qtbot.waitActive(win)
    win.open_latest_brief()
    yield win
    win.close()


# The offscreen platform has no window system: it cannot pass a top-level window's
# minimum size on (said whenever a layout sets one) nor raise a window (said when a
# tooltip is shown). Real platforms do both without a word.
OFFSCREEN_NOTICES = (
    "This plugin does not support propagateSizeHints()",
    "This plugin does not support raise()",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Ignore the offscreen platform's notices in every GUI test."""
    pattern = "|".join(re.escape(notice) for notice in OFFSCREEN_NOTICES)
    for item in items:
        if "tests/ui/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.qt_log_ignore(pattern))
