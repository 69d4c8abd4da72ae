"""A guard against PySide6 builds that drop a reference to None on each void call.

The PySide6 6.12 wheels in use return None from void methods without taking a
reference; on CPython before 3.12 (where None is not immortal) every call such as
`label.setText()` lowers None's count by one, and the interpreter aborts
("none_dealloc") once it reaches zero: a few thousand edits into a session.
Holding spare references to None keeps the count far from zero; the spares are
never released, not even at exit, since the references they stand in for are gone.
"""

import atexit
import ctypes
import sys

from PySide6.QtCore import QObject, QTimer

LOW_WATER = 500_000  # spare references kept at the least
TOP_UP = 1_000_000  # added at a time (8 MB of list slots)
CHECK_MS = 500
_spare: list[list[None]] = []


def needed() -> bool:
    """Whether this interpreter counts references to None at all (3.12+ does not)."""
    return sys.version_info < (3, 12)


def top_up(force: bool = False) -> int:
    """Add spare references to None when few are left (or when `force`); the count now."""
    if needed() and (force or sys.getrefcount(None) < LOW_WATER):
        spare = [None] * TOP_UP
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(spare))  # kept past interpreter exit
        _spare.append(spare)
    return sys.getrefcount(None)


def _before_exit() -> None:
    # Interpreter shutdown releases every real reference to None; cover the calls made
    # since the last check so the count cannot fall through zero on the way out.
    top_up(force=True)


def install(parent: QObject) -> QTimer | None:
    """Top up now, twice a second for the life of `parent` (the app), and at exit."""
    if not needed():
        return None
    top_up()
    atexit.unregister(_before_exit)  # once, however many applications a process makes
    atexit.register(_before_exit)
    timer = QTimer(parent)
    timer.setInterval(CHECK_MS)
    timer.timeout.connect(top_up)
    timer.start()
    return timer
