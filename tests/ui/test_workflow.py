"""The whole seed workflow, driven like a user: import, select, add, note, undo, export."""

import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from briefing.brief_view import load_brief
from tests.ui.conftest import BLINKEN, SEED
from ui.window import MainWindow


def section_texts(engine: Engine, brief_id: int, title: str) -> list[str]:
    """The item texts of a section, as the library has them."""
    brief = load_brief(engine, brief_id)
    return [i.text for s in brief.sections if s.title == title for i in s.items]


def import_seed(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *_a, **_k: ([str(SEED)], ""))
    )
    with qtbot.waitSignal(window.importer.import_finished, timeout=20000):
        window.actions_.import_files.trigger()
    qtbot.waitUntil(lambda: window.reader.source_id != 0)


def select_text(window: MainWindow, text: str) -> None:
    view = window.reader.view
    cursor = view.document().find(text)
    assert not cursor.isNull(), f"{text!r} is not in the reader"
    view.setTextCursor(cursor)


def click_section(qtbot: QtBot, window: MainWindow, title: str) -> None:
    tree, model = window.brief_pane.tree, window.brief_pane.model
    row = next(
        r
        for r in range(model.rowCount())
        if model.index(r, 0).data(Qt.ItemDataRole.EditRole) == title
    )
    index = model.index(row, 0, QModelIndex())
    tree.scrollTo(index)
    qtbot.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center()
    )
    assert tree.currentIndex() == index


def test_seed_workflow(
    qtbot: QtBot,
    window: MainWindow,
    lib: Engine,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    errors: list[str],
) -> None:
    assert window.doc is not None
    brief_id = window.doc.brief_id
    said = section_texts(lib, brief_id, "What they said")
    import_seed(qtbot, window, monkeypatch)
    assert "Blinken" in window.reader.view.toPlainText()

    click_section(qtbot, window, "What they said")
    select_text(window, BLINKEN)
    window.reader.view.setFocus()
    qtbot.keyClick(window.reader.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(section_texts(lib, brief_id, "What they said")) == len(said) + 1)
    added = section_texts(lib, brief_id, "What they said")[-1]
    assert added == BLINKEN.strip(",") or added == BLINKEN
    assert window.undo_group.undoText() == "Add quote"
    assert window.actions_.undo.text() == "Undo Add quote"  # as the Edit menu shows it

    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", staticmethod(lambda *_a, **_k: ("Talks resume.", True))
    )
    window.actions_.add_note.trigger()
    assert section_texts(lib, brief_id, "What they said")[-1] == "Talks resume."
    assert window.undo_group.undoText() == "Add note"

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "Talks resume." not in section_texts(lib, brief_id, "What they said")
    window.actions_.undo.trigger()
    assert section_texts(lib, brief_id, "What they said") == said
    window.actions_.redo.trigger()
    assert len(section_texts(lib, brief_id, "What they said")) == len(said) + 1
    qtbot.keyClick(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert section_texts(lib, brief_id, "What they said")[-1] == "Talks resume."
    window.grab().save(str(tmp_path / "workflow.png"))

    docx_path, pdf_path = tmp_path / "brief.docx", tmp_path / "brief.pdf"
    targets = iter([str(docx_path), str(pdf_path)])
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (next(targets), ""))
    )
    window.actions_.export_docx.trigger()
    window.actions_.export_pdf.trigger()
    assert errors == []
    text = "\n".join(p.text for p in docx.Document(str(docx_path)).paragraphs)
    assert "The world expects us to responsibly manage our relationship" in text
    assert "Talks resume." in text
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(
        [pdftotext, str(pdf_path), "-"], capture_output=True, text=True, check=True
    )
    assert "The world expects us to responsibly manage" in " ".join(out.stdout.split())
    assert window.tabs.currentWidget() is window.preview
    assert window.preview.document.pageCount() >= 1


def test_export_anyway_marks_unverified_items(
    window: MainWindow, lib: Engine, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from briefing import compose
    from ui import exporter

    quote = load_brief(lib, 1).sections[3].items[0]
    compose.edit_item(lib, quote.id, text="The world wants us to responsibly manage it")
    asked: list[str] = []

    def ask(_parent: object, message: str) -> bool:
        asked.append(message)
        return len(asked) > 1  # refuse the first time, accept the second

    monkeypatch.setattr(exporter, "ask_export_anyway", ask)
    target = tmp_path / "marked.docx"
    assert window.export("docx", target) is None
    assert not target.exists()
    assert "do not match their sources" in asked[0]
    assert window.export("docx", target) == target
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "[UNVERIFIED]" in text
    assert "unverified" in window.statusBar().currentMessage()


def test_one_pager_that_does_not_fit_is_explained(
    qtbot: QtBot, window: MainWindow, lib: Engine, tmp_path: Path, errors: list[str]
) -> None:
    from briefing import compose

    brief_id = compose.new_brief(lib, "Too long", template="one-pager").brief_id
    for n in range(40):
        compose.add_note(lib, brief_id, "Key points", f"Point {n}: " + "the talks went on. " * 12)
    window.open_brief(brief_id)
    meter = window.brief_pane.meter
    with qtbot.waitSignal(meter.measured, timeout=5000):
        window.fit_timer.start(0)
    assert "over by" in meter.label.text()
    target = tmp_path / "long.pdf"
    assert window.export("pdf", target) is None
    assert not target.exists()
    assert len(errors) == 1
    assert "does not fit on one page" in errors[0]
