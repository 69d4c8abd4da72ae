"""The None-reference guard keeps long sessions alive on CPython before 3.12."""

import sys

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from ui import refguard


@pytest.mark.skipif(not refguard.needed(), reason="None is immortal on this Python")
def test_many_void_calls_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    refguard.top_up()
    for _ in range(20_000):
        label.setText("x")
    assert refguard.top_up() >= refguard.LOW_WATER
    assert sys.getrefcount(None) > 0
