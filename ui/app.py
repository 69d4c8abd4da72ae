"""Starting the GUI: the QApplication, the library, the main window."""

import logging
import os
import sys
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEventLoop, QSettings, Qt, QThreadPool
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from briefing.settings import ENV_VAR, load_settings
from ui import messages
from ui.icons import ICON_DIR
from ui.workers import LibraryOpener

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from ui.window import MainWindow

ORG, APP = "briefing", "Briefing composer"
STYLE_SHEET = ICON_DIR.parent / "style.qss"


def create_application() -> QApplication:
    """The QApplication, named for QSettings, with the app's style sheet."""
    existing = QApplication.instance()
    if existing is None:
        # Fractional scale factors (150 %) as the screen reports them, not rounded.
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
    app = existing or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    app.setApplicationDisplayName(APP)
    if STYLE_SHEET.is_file():
        app.setStyleSheet(STYLE_SHEET.read_text(encoding="utf-8"))
    return app


def start_gui(state: QSettings | None = None) -> "MainWindow | None":
    """Open the library ($BRIEFING_DB or the settings) and show the window on it.

    `state` keeps the window's geometry (default: the user's QSettings). Returns None
    (after saying why) when the library cannot be opened.
    """
    app = create_application()
    settings = load_settings()
    from ui.window import MainWindow

    window = MainWindow(None, settings, state if state is not None else QSettings())
    window.show()
    app.processEvents()  # on screen now; the library and its readers load next
    outcome = open_library_responsively(os.environ.get(ENV_VAR) or settings.db)
    if outcome is None:  # the window was closed while the library was opening
        return None
    if isinstance(outcome, BaseException):
        messages.report(window, outcome)
        window.close()
        return None
    window.attach(outcome)
    window.open_latest_brief()
    return window


def open_library_responsively(db: str | None) -> "Engine | BaseException | None":
    """Open the library on a pool thread while the event loop keeps the window alive.

    None when the application quit (its last window closed) before the library opened.
    """
    opener = LibraryOpener(db)
    loop = QEventLoop()
    outcome: list[object] = []

    def finish(result: object) -> None:
        outcome.append(result)
        loop.quit()

    opener.signals.opened.connect(finish)
    opener.signals.failed.connect(finish)
    QThreadPool.globalInstance().start(opener)
    if not outcome:  # a very quick opener may already have reported
        loop.exec()
    return cast("Engine | BaseException", outcome[0]) if outcome else None


def missing_display() -> str | None:
    """Why no window can open here (Linux without a display), or None."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "No display to show the window on; run it in a desktop session, or use the "
        "command line (python main.py --help)."
    )


def run_gui() -> int:
    """Show the window and run the event loop until it closes; the exit status."""
    problem = missing_display()
    if problem:
        # Qt would abort with a platform-plugin dump instead of a sentence.
        print(f"briefing: {problem}", file=sys.stderr)
        return 1
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    window = start_gui()
    if window is None:
        return 1
    # A bug in a slot must not pass silently: log it and say so calmly (STYLE.md).
    sys.excepthook = lambda _type, exc, _tb: messages.report(window, exc)
    return QApplication.exec()
