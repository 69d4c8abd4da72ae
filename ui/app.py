"""Starting the GUI: the QApplication, the library, the main window."""

import logging
import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from briefing.errors import BriefingError
from briefing.settings import load_settings
from ui import messages, refguard
from ui.icons import ICON_DIR

if TYPE_CHECKING:
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
    refguard.install(app)
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
    try:
        from briefing.firstrun import open_library

        engine = open_library(settings.db_url())
    except BriefingError as exc:
        messages.show_error(window, str(exc))
        window.close()
        return None
    window.attach(engine)
    window.open_latest_brief()
    return window


def run_gui() -> int:
    """Show the window and run the event loop until it closes; the exit status."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    window = start_gui()
    if window is None:
        return 1
    # A bug in a slot must not pass silently: log it and say so calmly (STYLE.md).
    sys.excepthook = lambda _type, exc, _tb: messages.report(window, exc)
    return QApplication.exec()
