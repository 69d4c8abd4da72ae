"""SourceModel and the library pane: lazy loading, search with snippets, grades."""

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QInputDialog
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from briefing.ingest import read_paste
from briefing.library import add_source, count_sources
from ui.source_model import BATCH, GRADE, MATCH, TITLE, SourceModel
from ui.window import MainWindow


def add_many(engine: Engine, count: int) -> None:
    for n in range(count):
        add_source(engine, read_paste(f"Report number {n} on grain exports and shipping.", f"R{n}"))


def test_model_contract(qtmodeltester: ModelTester, lib: Engine) -> None:
    model = SourceModel(lib)
    model.reload()
    qtmodeltester.check(model)
    model.set_query("Blinken")
    qtmodeltester.check(model)


def test_rows_load_in_batches(lib: Engine, qtmodeltester: ModelTester) -> None:
    add_many(lib, BATCH + 20)
    model = SourceModel(lib)
    model.reload()
    assert model.total == count_sources_of(lib)
    assert model.rowCount() == BATCH
    assert model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == model.total
    assert not model.canFetchMore(QModelIndex())
    model.reload()
    qtmodeltester.check(model)  # fetches as a view would, checking every batch


def count_sources_of(engine: Engine) -> int:
    from briefing.store import read_session

    with read_session(engine) as session:
        return count_sources(session)


def test_search_as_you_type_shows_snippets(qtbot: QtBot, window: MainWindow) -> None:
    pane = window.library
    qtbot.keyClicks(pane.search, "Malt")
    qtbot.waitUntil(lambda: pane.model.query == "Malt")
    assert pane.model.rowCount() == 1
    snippet = pane.model.index(0, MATCH).data()
    assert "[Malta]" in snippet
    assert not pane.table.isColumnHidden(MATCH)
    assert "match" in pane.count.text()
    pane.search.clear()
    qtbot.waitUntil(lambda: pane.model.query == "")
    assert pane.table.isColumnHidden(MATCH)


def test_choosing_a_source_shows_it_in_the_reader(window: MainWindow) -> None:
    row = window.library.model.row_of(1)
    window.library.table.setCurrentIndex(window.library.model.index(row, TITLE))
    assert window.reader.source_id == 1
    assert "Blinken" in window.reader.view.toPlainText()
    assert window.reader.roster.count() > 0


def test_set_grade(window: MainWindow, monkeypatch: pytest.MonkeyPatch, errors: list[str]) -> None:
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *_a, **_k: ("b2", True)))
    window.library.ask_grade(1)
    model = window.library.model
    assert model.index(model.row_of(1), GRADE).data() == "B2"
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *_a, **_k: ("Z9", True)))
    window.library.ask_grade(1)
    assert len(errors) == 1
    assert "Admiralty" in errors[0]


def test_snippet_matches_are_bold_and_escaped() -> None:
    from ui.snippet_delegate import snippet_html

    assert snippet_html("…met in [Malta] <today>…") == "…met in <b>Malta</b> &lt;today&gt;…"


def test_search_rows_grow_to_show_the_snippet(qtbot: QtBot, window: MainWindow) -> None:
    pane = window.library
    pane.search.setText("Malta")
    qtbot.waitUntil(lambda: pane.model.query == "Malta")
    one_line = pane.table.fontMetrics().height()
    assert pane.table.rowHeight(0) > 2 * one_line
    pane.table.grab()  # paints through the snippet delegate
