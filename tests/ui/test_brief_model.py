"""BriefModel and the brief pane: model contract, drag and drop, live integrity marks."""

import json

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from briefing.brief_view import load_brief
from ui.brief_model import ITEM_MIME, KIND_ROLE, VERIFIED_ROLE, BriefModel
from ui.source_view import EXCERPT_MIME
from ui.window import MainWindow


def section_row(model: BriefModel, title: str) -> int:
    return next(
        r
        for r in range(model.rowCount())
        if model.index(r, 0).data(Qt.ItemDataRole.EditRole) == title
    )


def items_by_section(engine: Engine, brief_id: int) -> dict[str, list[int]]:
    brief = load_brief(engine, brief_id)
    return {s.title: [i.id for i in s.items] for s in brief.sections}


def test_model_contract(qtmodeltester: ModelTester, lib: Engine) -> None:
    model = BriefModel()
    qtmodeltester.check(model)
    model.set_brief(load_brief(lib, 1))
    qtmodeltester.check(model)
    model.set_section_lines({1: 2})
    assert "(2/4 lines)" in model.index(0, 0).data()


def test_sections_and_items_read_as_in_the_brief(lib: Engine) -> None:
    model = BriefModel()
    model.set_brief(load_brief(lib, 1))
    said = model.index(section_row(model, "What they said"), 0)
    assert model.rowCount(said) == 2
    first = model.index(0, 0, said)
    assert first.data(KIND_ROLE) == "quote"
    assert first.data().startswith("“The world expects us")
    assert "Antony Blinken" in first.data()
    assert first.data(VERIFIED_ROLE) is True
    assert first.parent() == said


def test_drop_moves_item_across_sections(
    qtbot: QtBot, window: MainWindow, lib: Engine, qtmodeltester: ModelTester
) -> None:
    model = window.brief_pane.model
    qtmodeltester.check(model)  # and keeps checking through the move and its undo
    brief_id = window.doc.brief_id if window.doc else 0
    before = items_by_section(lib, brief_id)
    moving = before["What they said"][1]
    key_points = model.index(section_row(model, "Key points"), 0)
    mime = model.mimeData([model.index_of_item(moving)])
    assert json.loads(bytes(mime.data(ITEM_MIME).data())) == moving
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, key_points)
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, key_points)
    qtbot.waitUntil(lambda: items_by_section(lib, brief_id)["Key points"][0] == moving)
    assert moving not in items_by_section(lib, brief_id)["What they said"]
    assert window.undo_group.undoText() == "Move item"
    window.actions_.undo.trigger()
    assert items_by_section(lib, brief_id) == before


def test_drop_reorders_within_a_section(qtbot: QtBot, window: MainWindow, lib: Engine) -> None:
    model = window.brief_pane.model
    brief_id = window.doc.brief_id if window.doc else 0
    first, second = items_by_section(lib, brief_id)["What they said"]
    said = model.index(section_row(model, "What they said"), 0)
    mime = model.mimeData([model.index_of_item(first)])
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 2, 0, said)  # below the last item
    qtbot.waitUntil(lambda: items_by_section(lib, brief_id)["What they said"] == [second, first])


def test_dropped_excerpt_becomes_an_item(qtbot: QtBot, window: MainWindow, lib: Engine) -> None:
    model = window.brief_pane.model
    brief_id = window.doc.brief_id if window.doc else 0
    window.library.select_source(1)
    text = window.reader.view.toPlainText()
    start = text.index("The world needs stable")
    mime = QMimeData()
    payload = {"source_id": 1, "start": start, "end": start + 22}
    mime.setData(EXCERPT_MIME, QByteArray(json.dumps(payload).encode()))
    outlook = model.index(section_row(model, "Outlook"), 0)
    assert model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, 0, outlook)
    qtbot.waitUntil(lambda: len(items_by_section(lib, brief_id)["Outlook"]) == 1)
    brief = load_brief(lib, brief_id)
    outlook_items = next(s for s in brief.sections if s.title == "Outlook").items
    assert outlook_items[0].text == "The world needs stable"


def test_reader_selection_drags_as_an_excerpt(window: MainWindow) -> None:
    window.library.select_source(1)
    view = window.reader.view
    view.setTextCursor(view.document().find("candid, substantive"))
    mime = view.createMimeDataFromSelection()
    payload = json.loads(bytes(mime.data(EXCERPT_MIME).data()))
    text = view.toPlainText()
    assert text[payload["start"] : payload["end"]] == "candid, substantive"
    assert payload["source_id"] == 1


def test_top_level_drop_is_refused(window: MainWindow) -> None:
    model = window.brief_pane.model
    mime = QMimeData()
    mime.setData(ITEM_MIME, QByteArray(b"1"))
    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())


def test_wrong_word_in_quote_shows_failing_mark(
    qtbot: QtBot, window: MainWindow, lib: Engine
) -> None:
    tree, model = window.brief_pane.tree, window.brief_pane.model
    said = model.index(section_row(model, "What they said"), 0)
    index = model.index(0, 0, said)
    item_id = model.item_at(index).id  # type: ignore[union-attr]
    tree.setCurrentIndex(index)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    editor = tree.findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "The world wants us to responsibly manage our relationship")
    # No Enter: the autosave timer commits the pending text on its own.
    qtbot.waitUntil(lambda: not model.index_of_item(item_id).data(VERIFIED_ROLE), timeout=3000)
    shown = model.index_of_item(item_id)
    assert shown.data(Qt.ItemDataRole.DecorationRole) is not None
    tip = shown.data(Qt.ItemDataRole.ToolTipRole)
    assert "wants" in tip
    assert "expects" in tip
    assert "does not match its source" in window.brief_pane.about_item.text().lower()
    stored = load_brief(lib, window.doc.brief_id if window.doc else 0)
    failing = stored.failing()
    assert [i.id for i in failing] == [item_id]
    assert window.undo_group.undoText() == "Edit quote"
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    window.actions_.undo.trigger()
    assert load_brief(lib, stored.id).failing() == []
    assert model.index_of_item(item_id).data(VERIFIED_ROLE) is True


def test_typing_commits_in_one_undo_step(qtbot: QtBot, window: MainWindow, lib: Engine) -> None:
    tree, model = window.brief_pane.tree, window.brief_pane.model
    bottom = model.index(section_row(model, "Bottom line"), 0)
    note = model.index(0, 0, bottom)
    item_id = model.item_at(note).id  # type: ignore[union-attr]
    original = note.data(Qt.ItemDataRole.EditRole)
    tree.setCurrentIndex(note)
    tree.edit(note)
    editor = tree.findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "Contacts resume")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.index_of_item(item_id).data() == "Contacts resume")
    assert window.undo_group.undoText() == "Edit note"
    window.actions_.undo.trigger()
    assert model.index_of_item(item_id).data(Qt.ItemDataRole.EditRole) == original


def test_drop_on_the_outline_view_adds_the_excerpt(
    qtbot: QtBot, window: MainWindow, lib: Engine
) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent

    tree, model = window.brief_pane.tree, window.brief_pane.model
    window.library.select_source(1)
    view = window.reader.view
    view.setTextCursor(view.document().find("in Malta for 12 hours"))
    mime = view.createMimeDataFromSelection()
    outlook = model.index(section_row(model, "Outlook"), 0)
    tree.scrollTo(outlook)
    event = QDropEvent(
        QPointF(tree.visualRect(outlook).center()),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    tree.dropEvent(event)  # Qt delivers drop events only during a real drag
    brief_id = window.doc.brief_id if window.doc else 0
    qtbot.waitUntil(lambda: len(items_by_section(lib, brief_id)["Outlook"]) == 1)
    added = load_brief(lib, brief_id).sections[-1].items[0]
    assert added.text == "in Malta for 12 hours"
    assert window.undo_group.undoText() == "Add fact"


def test_quote_editor_checks_as_you_type(qtbot: QtBot, window: MainWindow) -> None:
    tree, model = window.brief_pane.tree, window.brief_pane.model
    window.brief_pane.delegate.delay_ms = 60_000  # no autosave during this test
    said = model.index(section_row(model, "What they said"), 0)
    index = model.index(0, 0, said)
    tree.setCurrentIndex(index)
    tree.edit(index)
    editor = tree.findChild(QLineEdit)
    assert editor is not None
    mark = editor.actions()[-1]
    assert not mark.isVisible()
    editor.selectAll()
    qtbot.keyClicks(editor, "The world wants us to responsibly manage our relationship")
    assert mark.isVisible()
    assert "expects" in editor.toolTip()
    editor.selectAll()
    qtbot.keyClicks(editor, "The world expects us to [...] manage our relationship")
    assert not mark.isVisible()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
