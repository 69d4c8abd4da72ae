"""The live page-fit meter and the section budgets it feeds."""

import pytest
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from ui.fit_meter import FitMeter, fit_text
from ui.window import MainWindow


@pytest.mark.parametrize(
    ("pages", "text"), [(0.8, "0.8 of a page"), (1.0, "1 page"), (1.34, "1.3 pages")]
)
def test_fit_text(pages: float, text: str) -> None:
    assert fit_text(pages) == text


def test_meter_follows_the_brief(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    meter = window.brief_pane.meter
    with qtbot.waitSignal(meter.measured, timeout=5000) as first:
        window.fit_timer.start(0)
    fit = first.args[0]
    assert fit is not None
    assert meter.label.text() == fit_text(fit.pages)
    assert 0 < meter.bar.value() < 100
    bottom = window.brief_pane.model.index(0, 0)
    assert "/4 lines)" in bottom.data()
    long_note = " ".join(["The talks are expected to continue next month."] * 12)
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", staticmethod(lambda *_a, **_k: (long_note, True))
    )
    window.brief_pane.tree.setCurrentIndex(bottom)
    with qtbot.waitSignal(meter.measured, timeout=5000) as second:
        window.actions_.add_note.trigger()
    assert second.args[0].pages > fit.pages
    assert "over budget" in window.brief_pane.model.index(0, 0).data()


def test_meter_without_a_brief(qtbot: QtBot) -> None:
    meter = FitMeter()
    qtbot.addWidget(meter)
    assert meter.measure(None) is None
    assert meter.label.text() == "–"
