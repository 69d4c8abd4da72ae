"""Undo commands against the library: remove and restore, sections, details, conflicts."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QInputDialog
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from briefing import compose
from briefing.brief_view import load_brief
from ui import commands
from ui.document import BriefDocument
from ui.meta_dialog import BriefDetailsDialog
from ui.window import MainWindow


def outline(engine: Engine, brief_id: int = 1) -> list[tuple[str, list[str]]]:
    return [(s.title, [i.text for i in s.items]) for s in load_brief(engine, brief_id).sections]


def test_remove_item_and_undo(window: MainWindow, lib: Engine) -> None:
    before = outline(lib)
    model, tree = window.brief_pane.model, window.brief_pane.tree
    tree.setCurrentIndex(model.index(0, 0, model.index(3, 0)))
    window.actions_.remove_item.trigger()
    assert outline(lib)[3][1] == before[3][1][1:]
    assert window.undo_group.undoText() == "Remove item"
    window.actions_.undo.trigger()
    assert outline(lib) == before
    window.actions_.redo.trigger()
    assert outline(lib)[3][1] == before[3][1][1:]


def test_remove_section_and_undo(window: MainWindow, lib: Engine) -> None:
    before = outline(lib)
    section_id = load_brief(lib, 1).sections[3].id
    window.brief_pane.remove_requested.emit("section", section_id)
    assert [t for t, _ in outline(lib)] == [t for t, _ in before if t != "What they said"]
    window.actions_.undo.trigger()
    assert outline(lib) == before


def test_add_and_rename_section(
    window: MainWindow, lib: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *_a, **_k: ("Risks", True)))
    window.actions_.add_section.trigger()
    assert outline(lib)[-1] == ("Risks", [])
    model = window.brief_pane.model
    model.setData(model.index(model.rowCount() - 1, 0), "Risks ahead")
    assert outline(lib)[-1][0] == "Risks ahead"
    assert window.undo_group.undoText() == "Rename section"
    window.actions_.undo.trigger()
    window.actions_.undo.trigger()
    assert "Risks" not in [t for t, _ in outline(lib)]


def test_details_dialog_edits_metadata(qtbot: QtBot, window: MainWindow, lib: Engine) -> None:
    assert window.doc is not None
    dialog = BriefDetailsDialog(window.doc.view, window)
    qtbot.addWidget(dialog)
    dialog.texts["marking"].setText("SECRET//TEST")
    dialog.flags["show_grades"].setChecked(True)
    dialog.automatic.setChecked(False)
    dialog.as_of.setDate(dt.date(2023, 9, 20))
    changes = dialog.changes()
    assert changes == {
        "marking": "SECRET//TEST",
        "show_grades": True,
        "as_of": dt.date(2023, 9, 20),
    }
    window.push(commands.UpdateBriefCommand(window.doc, changes))
    brief = load_brief(lib, 1)
    assert (brief.marking, brief.show_grades, brief.as_of) == (
        "SECRET//TEST",
        True,
        dt.date(2023, 9, 20),
    )
    window.actions_.undo.trigger()
    assert load_brief(lib, 1).marking == "UNCLASSIFIED//SAMPLE"


def test_new_brief_opens_with_its_own_undo_stack(
    window: MainWindow, lib: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: BriefDetailsDialog) -> int:
        dialog.texts["title"].setText("Grain corridor")
        dialog.template.setCurrentIndex(dialog.template.findData("one-pager"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(BriefDetailsDialog, "exec", fill)
    first = window.doc
    window.actions_.new_brief.trigger()
    assert window.doc is not first
    assert window.doc is not None
    assert window.doc.view.title == "Grain corridor"
    assert [s.title for s in window.doc.view.sections] == [
        "Bottom line",
        "Key points",
        "What they said",
    ]
    assert window.undo_group.activeStack() is window.doc.stack
    assert "Grain corridor" in window.windowTitle()


def test_conflict_reloads_and_tells_the_user(
    window: MainWindow, lib: Engine, errors: list[str]
) -> None:
    assert window.doc is not None
    compose.add_note(lib, 1, "Outlook", "Added elsewhere.")  # another window, or the CLI
    window.push(commands.add_note(window.doc, "Outlook", "Mine."))
    assert len(errors) == 1
    assert "changed elsewhere" in errors[0]
    assert window.undo_group.activeStack().count() == 0  # the refused edit is not undoable
    assert outline(lib)[-1] == ("Outlook", ["Added elsewhere."])
    assert window.doc.view.row_version == load_brief(lib, 1).row_version
    window.push(commands.add_note(window.doc, "Outlook", "Mine."))
    assert outline(lib)[-1] == ("Outlook", ["Added elsewhere.", "Mine."])


def test_edits_of_one_field_merge(lib: Engine, qtbot: QtBot) -> None:
    doc = BriefDocument(lib, 1)
    note_id = load_brief(lib, 1).sections[0].items[0].id
    doc.stack.push(commands.EditItemCommand(doc, note_id, "text", "Draft one"))
    doc.stack.push(commands.EditItemCommand(doc, note_id, "text", "Draft two"))
    assert doc.stack.count() == 1
    assert outline(lib)[0][1] == ["Draft two"]
    doc.stack.undo()
    assert outline(lib)[0][1][0].startswith("U.S.-China contacts")


def test_unexpected_errors_are_reported_calmly(
    window: MainWindow, errors: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.doc is not None

    def broken(*_a: object, **_k: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(compose, "add_note", broken)
    window.push(commands.add_note(window.doc, "Outlook", "Mine."))
    assert len(errors) == 1
    assert errors[0].startswith("Something went wrong")
    assert "disk on fire" in errors[0]  # in the details


def test_keyboard_moves_items_within_and_across_sections(
    qtbot: QtBot, window: MainWindow, lib: Engine
) -> None:
    model, tree = window.brief_pane.model, window.brief_pane.tree
    first, second = [i.id for i in load_brief(lib, 1).sections[3].items]
    window.brief_pane.select_item(second)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: [i.id for i in load_brief(lib, 1).sections[3].items] == [second, first])
    assert window.undo_group.undoText() == "Move item"
    window.brief_pane.select_item(second)
    window.actions_.move_up.trigger()  # across into the end of "Key points"
    key_points = load_brief(lib, 1).sections[2]
    assert [i.id for i in key_points.items][-1] == second
    assert model.shifted(model.item_at(model.index(0, 0, model.index(0, 0))).id, -1) is None  # type: ignore[union-attr]


def test_edits_made_elsewhere_show_up(qtbot: QtBot, window: MainWindow, lib: Engine) -> None:
    compose.add_note(lib, 1, "Outlook", "Written on the command line.")
    window.watch_timer.setInterval(10)
    qtbot.waitUntil(lambda: window.doc is not None and window.doc.view.sections[-1].items != ())
    model = window.brief_pane.model
    assert model.index(0, 0, model.index(4, 0)).data() == "Written on the command line."
    assert "changed elsewhere" in window.statusBar().currentMessage()


def test_reanchor_on_a_new_version(window: MainWindow, lib: Engine) -> None:
    from briefing.ingest import read_paste
    from briefing.library import add_source
    from briefing.store import read_session

    with read_session(lib) as session:
        from briefing.library import get_source

        text = get_source(session, 1).text
    changed = "CORRECTION: an earlier version misdated the talks.\n\n" + text
    add_source(lib, read_paste(changed, "Corrected"), version_of=1)
    assert window.doc is not None
    window.push(commands.add_note(window.doc, "Outlook", "Undoable before re-anchoring."))
    window.actions_.reanchor.trigger()
    assert "moved" in window.statusBar().currentMessage()
    assert window.undo_group.activeStack().count() == 0
    brief = load_brief(lib, 1)
    assert all(i.verification.ok for i in brief.items())
    assert {i.anchor.source_id for i in brief.items() if i.anchor} != {1}


def test_undo_all_then_redo_all_keeps_item_ids(window: MainWindow, lib: Engine) -> None:
    assert window.doc is not None
    add = commands.add_note(window.doc, "Outlook", "First draft.")
    window.push(add)
    window.push(commands.EditItemCommand(window.doc, add.item_id, "text", "Second draft."))
    window.push(commands.AddSectionCommand(window.doc, "Risks"))
    window.push(commands.add_note(window.doc, "Risks", "Talks may stall."))
    after = outline(lib)
    stack = window.undo_group.activeStack()
    for _ in range(4):
        stack.undo()
    assert "Risks" not in [t for t, _ in outline(lib)]
    for _ in range(4):
        stack.redo()
    assert outline(lib) == after
    assert stack.count() == 4
