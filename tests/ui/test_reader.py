"""The reader: marked quotes and dates, hover text, adding by menu and double-click."""

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from briefing.brief_view import load_brief
from tests.ui.conftest import BLINKEN
from ui.source_view import quote_tip
from ui.textpos import Utf16Map
from ui.window import MainWindow


def test_utf16_map_counts_astral_characters_twice() -> None:
    text = "a😀b𝄞c"
    positions = Utf16Map(text)
    assert [positions.to_qt(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 7]
    assert [positions.from_qt(q) for q in (0, 1, 3, 4, 6, 7)] == [0, 1, 2, 3, 4, 5]
    assert positions.from_qt(2) == 1  # inside the pair: its start


def test_selection_offsets_survive_emoji(window: MainWindow) -> None:
    view = window.reader.view
    text = "Intro 😀 then “a quoted line” here."
    view.show_source(99, text, None)
    view.select_span(text.index("a quoted"), text.index("line") + 4)
    assert view.textCursor().selectedText() == "a quoted line"
    assert view.selected_span() == (text.index("a quoted"), text.index("line") + 4)


def test_quotes_carry_speaker_and_reason(window: MainWindow) -> None:
    window.library.select_source(1)
    view = window.reader.view
    start = view.toPlainText().index(BLINKEN)
    quotes = [s for s in view.spans_at(start + 5) if s.kind == "quote"]
    assert len(quotes) == 1
    assert "Antony Blinken, U.S. Secretary of State" in quotes[0].tip
    assert "cue word “said”" in quotes[0].tip
    monday = view.toPlainText().index("on Monday") + 3
    dates = [s for s in view.spans_at(monday) if s.kind == "date"]
    assert dates
    assert "2023-09-18" in dates[0].tip


def test_quote_tip_names_unknown_speakers() -> None:
    class Quote:
        speaker = None
        speaker_role = None
        cue = None
        partial = True
        rule = "orphan"

    assert quote_tip(Quote()).startswith("Quote (partial quote) — unknown speaker")


def test_double_click_adds_the_whole_quote(qtbot: QtBot, window: MainWindow, lib: Engine) -> None:
    window.library.select_source(1)
    view = window.reader.view
    text = view.toPlainText()
    target = "The world needs stable"
    view.select_span(text.index(target) + 4, text.index(target) + 5)
    rect = view.cursorRect(view.textCursor())
    window.brief_pane.tree.setCurrentIndex(window.brief_pane.model.index(4, 0))  # Outlook
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    brief = load_brief(lib, 1)
    outlook = next(s for s in brief.sections if s.title == "Outlook")
    assert [i.kind for i in outlook.items] == ["quote"]
    assert outlook.items[0].text.startswith("The world needs stable and healthy")
    assert outlook.items[0].speaker == "Han Zheng"


def test_add_to_menu_lists_sections(window: MainWindow, lib: Engine) -> None:
    window.library.select_source(1)
    view = window.reader.view
    view.setTextCursor(view.document().find("12 hours"))
    key_points = next(s for s in load_brief(lib, 1).sections if s.title == "Key points")
    assert (key_points.id, "Key points") in view._sections
    assert view.add_selection(key_points.id)
    items = next(s for s in load_brief(lib, 1).sections if s.title == "Key points").items
    assert items[-1].text == "12 hours"
    assert items[-1].kind == "fact"


def test_opening_an_item_selects_its_passage(window: MainWindow) -> None:
    model = window.brief_pane.model
    said = model.index(3, 0)
    window.brief_pane.tree.doubleClicked.emit(model.index(0, 0, said))
    assert window.reader.source_id == 1
    assert window.reader.view.textCursor().selectedText() == BLINKEN
