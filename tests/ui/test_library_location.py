"""File > Library location…: switching to another library, and refusing a bad one."""

from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from pytestqt.qtbot import QtBot

from briefing.settings import Settings

if TYPE_CHECKING:
    from ui.window import MainWindow


@pytest.fixture
def saved(monkeypatch: pytest.MonkeyPatch) -> list[Settings]:
    """Settings the app would write, recorded instead of touching the user's folder."""
    written: list[Settings] = []
    monkeypatch.setattr("ui.library_location.save_settings", written.append)
    return written


def _answer(monkeypatch: pytest.MonkeyPatch, text: str, prompts: list[str]) -> None:
    def get_text(_parent: object, _title: str, _label: str, _echo: object, shown: str):  # type: ignore[no-untyped-def]
        prompts.append(shown)
        return text, True

    monkeypatch.setattr("ui.library_location.QInputDialog.getText", get_text)


def test_switching_to_a_new_library_shows_it_and_remembers_it(
    window: "MainWindow",
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    saved: list[Settings],
    errors: list[str],
) -> None:
    other = tmp_path / "team-copy.sqlite3"
    first = window.settings.db
    prompts: list[str] = []
    _answer(monkeypatch, str(other), prompts)
    window.actions_.library_location.trigger()
    qtbot.waitUntil(lambda: window.engine is not None and str(other) in str(window.engine.url))
    assert errors == []
    assert prompts == [first]
    assert [s.db for s in saved] == [str(other)]
    assert str(other) in window.db_label.text()
    assert other.exists()
    qtbot.waitUntil(lambda: window.library.model.rowCount() >= 1)


def test_a_library_that_cannot_open_keeps_the_current_one_and_hides_passwords(
    window: "MainWindow",
    monkeypatch: pytest.MonkeyPatch,
    saved: list[Settings],
    errors: list[str],
) -> None:
    before = window.engine
    bad = "postgresql+psycopg://alice:Sup3r-Secret@127.0.0.1:9/briefs?connect_timeout=2"
    _answer(monkeypatch, bad, [])
    window.actions_.library_location.trigger()
    assert window.engine is before
    assert saved == []
    assert len(errors) == 1
    assert "Cannot open the library" in errors[0]
    assert "Sup3r-Secret" not in errors[0]
    assert "Sup3r-Secret" not in window.windowTitle() + window.db_label.text()
    assert "Sup3r-Secret" not in window.statusBar().currentMessage()


def test_the_dialog_shows_a_stored_password_hidden(
    window: "MainWindow", monkeypatch: pytest.MonkeyPatch, saved: list[Settings]
) -> None:
    window.settings = Settings(db="postgresql+psycopg://bob:Pw-Hidden-1@db.example/briefs")
    prompts: list[str] = []
    _answer(monkeypatch, "", prompts)  # empty: back to the default library
    monkeypatch.setattr(
        "ui.library_location.switch_library", lambda _w, location: saved.append(Settings(location))
    )
    window.actions_.library_location.trigger()
    assert prompts == ["postgresql+psycopg://bob:***@db.example/briefs"]
    assert [s.db for s in saved] == [""]
