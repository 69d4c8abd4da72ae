"""The window as a whole: shortcuts, menus, hover text, accessibility, corroboration."""

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QInputDialog,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QTextEdit,
    QToolTip,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from briefing.brief_view import load_brief
from tests.ui.conftest import BLINKEN
from ui.window import MainWindow

NAMED = (QAbstractItemView, QLineEdit, QTextEdit, QListWidget, QProgressBar)


def test_interactive_widgets_have_accessible_names(window: MainWindow) -> None:
    unnamed = [
        f"{type(w).__name__} in {type(w.parent()).__name__}"
        for w in window.findChildren(QWidget)
        if isinstance(w, NAMED) and not w.accessibleName() and w.isVisible()
    ]
    assert unnamed == []
    buttons = [b for b in window.findChildren(QAbstractButton) if b.isVisible()]
    assert all(b.accessibleName() or b.text() or b.toolTip() for b in buttons)


def test_ctrl_f_focuses_the_search(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    window.brief_pane.tree.setFocus()
    window.actions_.find.trigger()
    assert QApplication.focusWidget() is window.library.search
    assert window.actions_.find.shortcut().toString() == "Ctrl+F"
    shortcuts = {
        a.text().replace("&", ""): a.shortcut().toString()
        for a in (
            window.actions_.new_brief,
            window.actions_.import_files,
            window.actions_.export_docx,
            window.actions_.export_pdf,
            window.actions_.undo,
        )
    }
    assert shortcuts == {
        "New brief…": "Ctrl+N",
        "Import files…": "Ctrl+O",
        "Export Word (DOCX)…": "Ctrl+E",
        "Export PDF…": "Ctrl+P",
        "Undo": "Ctrl+Z",
    }
    assert window.actions_.redo.shortcut().toString() == "Ctrl+Shift+Z"


def test_recent_menu_lists_briefs(window: MainWindow, lib: Engine) -> None:
    from briefing import compose

    other = compose.new_brief(lib, "Grain corridor").brief_id
    window.actions_.recent.aboutToShow.emit()
    titles = [a.text() for a in window.actions_.recent.actions()]
    assert titles[0] == "Grain corridor"
    window.actions_.recent.actions()[0].trigger()
    assert window.doc is not None
    assert window.doc.brief_id == other


def test_hovering_a_quote_says_who_and_why(qtbot: QtBot, window: MainWindow) -> None:
    window.library.select_source(1)
    view = window.reader.view
    view.select_span(view.toPlainText().index(BLINKEN) + 10, view.toPlainText().index(BLINKEN) + 11)
    pos = view.cursorRect(view.textCursor()).center()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert "Antony Blinken, U.S. Secretary of State" in QToolTip.text()
    assert "Attributed by rule" in QToolTip.text()
    QToolTip.hideText()


def test_add_to_menu_adds_to_the_chosen_section(window: MainWindow, lib: Engine) -> None:
    window.library.select_source(1)
    view = window.reader.view
    view.setTextCursor(view.document().find("12 hours"))
    menu = view.context_menu(QPoint(5, 5))
    add_to = next(a.menu() for a in menu.actions() if a.text() == "Add to")
    assert add_to.isEnabled()
    outlook = next(a for a in add_to.actions() if a.text() == "Outlook")
    outlook.trigger()
    items = next(s for s in load_brief(lib, 1).sections if s.title == "Outlook").items
    assert [i.text for i in items] == ["12 hours"]
    assert window.undo_group.undoText() == "Add fact"


def test_paste_becomes_a_source(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "Envoys met in Vienna on Tuesday.\n\nThe talks lasted six hours, officials said."
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", staticmethod(lambda *_a, **_k: (text, True))
    )
    before = window.library.model.rowCount()
    with qtbot.waitSignal(window.importer.import_finished, timeout=20000):
        window.actions_.paste_source.trigger()
    assert "Vienna" in window.reader.view.toPlainText()
    assert window.library.model.rowCount() == before + 1


def test_corroborating_source_is_counted(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    other = tmp_path / "wire.txt"
    other.write_text(
        f'Blinken and Han meet\n\n"{BLINKEN}" Blinken told reporters in New York on Monday.\n',
        encoding="utf-8",
    )
    with qtbot.waitSignal(window.importer.import_finished, timeout=20000):
        window.import_paths([other])
    model = window.brief_pane.model
    said = model.index(3, 0)
    assert "reported by 2 sources" in model.index(0, 0, said).data()
