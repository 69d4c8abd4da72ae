"""Choosing where the library lives: a local file or a team PostgreSQL server (issue 8)."""

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QLineEdit, QWidget

from briefing.settings import save_settings
from ui import messages

if TYPE_CHECKING:
    from ui.window import MainWindow

PROMPT = (
    "Library file, or a team server URL such as\n"
    "postgresql+psycopg://alice@db.example.org/briefs?sslmode=require\n"
    "(leave empty for the library in your user folder):"
)


def ask_location(parent: QWidget, current: str | None) -> str | None:
    """Ask for a library path or URL; None when cancelled or unchanged.

    The current value is shown with its password hidden; accepting it unchanged
    keeps the stored value (with its password).
    """
    from briefing.store import redact

    shown = redact(current) if current else ""
    text, accepted = QInputDialog.getText(
        parent, "Library location", PROMPT, QLineEdit.EchoMode.Normal, shown
    )
    text = text.strip()
    if not accepted or text == shown:
        return None
    return text


def switch_library(window: "MainWindow", location: str) -> bool:
    """Open the library at `location` and show it; keep the current one on failure."""
    from briefing.store import redact
    from ui.app import open_library_responsively

    window.statusBar().showMessage(f"Opening {redact(location) or 'the default library'}…")
    outcome = open_library_responsively(location or None)
    if outcome is None:
        return False
    if isinstance(outcome, BaseException):
        messages.report(window, outcome)
        window.statusBar().clearMessage()
        return False
    old = window.engine
    window.settings = dataclasses.replace(window.settings, db=location or None)
    save_settings(window.settings)
    window.attach(outcome)
    window.open_latest_brief()
    if old is not None:
        old.dispose()
    window.statusBar().showMessage(f"Using the library at {redact(str(outcome.url))}.", 6000)
    return True
