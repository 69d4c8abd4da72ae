"""Window state kept in QSettings: geometry, toolbars and splitter sizes (visual state only)."""

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

DEFAULT_SIZE = (1300, 800)


def restore(state: QSettings, window: QMainWindow, splitters: dict[str, QSplitter]) -> None:
    """Put back what save() remembered; a first start gets a roomy default size."""
    value = state.value("window/geometry")
    if isinstance(value, QByteArray):
        window.restoreGeometry(value)
    else:
        window.resize(*DEFAULT_SIZE)
    value = state.value("window/state")
    if isinstance(value, QByteArray):
        window.restoreState(value)
    for name, splitter in splitters.items():
        value = state.value(f"window/{name}")
        if isinstance(value, QByteArray):
            splitter.restoreState(value)


def save(state: QSettings, window: QMainWindow, splitters: dict[str, QSplitter]) -> None:
    """Remember the window's geometry, toolbars and splitter sizes."""
    state.setValue("window/geometry", window.saveGeometry())
    state.setValue("window/state", window.saveState())
    for name, splitter in splitters.items():
        state.setValue(f"window/{name}", splitter.saveState())
    state.sync()
