"""What the user is told when something goes wrong: one place for error dialogs."""

import logging
import traceback

from PySide6.QtWidgets import QMessageBox, QWidget

from briefing.errors import BriefingError

log = logging.getLogger(__name__)
CALM = "Something went wrong and the last action may not have finished. Your brief is saved."


def show_error(parent: QWidget | None, text: str, details: str = "") -> None:
    """A warning dialog with `text`, and `details` behind a button when given."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Briefing composer", text, parent=parent)
    box.setAccessibleName("Error message")
    if details:
        box.setDetailedText(details)
    box.exec()


def report(parent: QWidget | None, exc: BaseException) -> None:
    """Show a BriefingError's sentence as is; log anything else and stay calm."""
    if isinstance(exc, BriefingError):
        show_error(parent, str(exc))
        return
    details = "".join(traceback.format_exception(exc))
    log.error("Unexpected error:\n%s", details)
    show_error(parent, CALM + " If it happens again, send the details to support.", details)
