"""The Qt binding the app runs on keeps Python's reference counts right."""

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_void_calls_do_not_consume_references_to_none(qtbot: QtBot) -> None:
    # PySide6 6.12.0 lost one reference to None per void call: on CPython 3.11 the
    # interpreter aborts after a few thousand edits (hence the pin in pyproject.toml).
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
    assert sys.getrefcount(None) >= before - 50
