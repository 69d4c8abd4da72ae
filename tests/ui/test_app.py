"""Start-up: run_gui honours BRIEFING_DB, shows the window quickly, opens the latest brief."""

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from briefing.settings import Settings, load_settings, save_settings
from ui.app import start_gui
from ui.window import MainWindow


def test_start_gui_opens_the_library_from_the_environment(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qsettings: QSettings
) -> None:
    monkeypatch.setenv("BRIEFING_DB", str(tmp_path / "env.sqlite3"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    window = start_gui(qsettings)
    assert window is not None
    qtbot.addWidget(window)
    assert window.isVisible()
    assert "Sample brief" in window.windowTitle()
    assert window.library.model.rowCount() == window.library.model.total >= 1
    assert (tmp_path / "env.sqlite3").exists()
    window.close()


def test_start_gui_says_why_a_library_cannot_open(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, errors: list[str]
) -> None:
    monkeypatch.setenv("BRIEFING_DB", str(tmp_path))  # a folder, not a file
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert start_gui(QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)) is None
    assert len(errors) == 1
    assert "folder" in errors[0]


def test_window_state_is_remembered(
    qtbot: QtBot, lib: Engine, settings: Settings, qsettings: QSettings
) -> None:
    first = MainWindow(lib, settings, qsettings)
    qtbot.addWidget(first)
    first.resize(760, 560)  # within the offscreen screen (800 x 600)
    first.show()
    first.splitter.setSizes([200, 300, 250])
    sizes = first.splitter.sizes()
    first.close()
    second = MainWindow(lib, settings, qsettings)
    qtbot.addWidget(second)
    second.show()
    assert second.size().width() == 760
    assert second.splitter.sizes() == sizes


def test_settings_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("BRIEFING_DB", raising=False)
    path = tmp_path / "settings.json"
    assert load_settings(path) == Settings()
    save_settings(Settings(db=str(tmp_path / "x.sqlite3"), autosave_ms=300), path)
    loaded = load_settings(path)
    assert loaded.autosave_ms == 300
    assert loaded.db_url() == f"sqlite:///{tmp_path / 'x.sqlite3'}"
    monkeypatch.setenv("BRIEFING_DB", str(tmp_path / "y.sqlite3"))
    assert loaded.db_url().endswith("y.sqlite3")
    path.write_text("not json", encoding="utf-8")
    assert load_settings(path) == Settings()


def test_no_display_is_one_sentence_not_a_qt_abort() -> None:
    import subprocess
    import sys

    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    done = subprocess.run(
        [sys.executable, "main.py"],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "briefing: No display to show the window on; run it in a desktop session, "
        "or use the command line (python main.py --help)."
    ]
