"""BriefDocument: one open brief, its undo stack and the version its edits are based on."""

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from briefing.brief_view import load_brief
from briefing.compose import Change
from briefing.errors import BriefingError
from briefing.views import BriefView

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

log = logging.getLogger(__name__)


class BriefDocument(QObject):
    """Tracks a brief's row version; commands report what they changed or what failed."""

    brief_changed = Signal(object)  # the new BriefView
    edit_failed = Signal(object)  # the exception

    def __init__(self, engine: "Engine", brief_id: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.brief_id = brief_id
        self.stack = QUndoStack(self)
        self.view: BriefView = load_brief(engine, brief_id)

    @property
    def version(self) -> int:
        """The row version the next edit is based on (optimistic locking)."""
        return self.view.row_version

    def reload(self) -> BriefView:
        """Read the brief again (after an edit, or after a conflict) and announce it."""
        self.view = load_brief(self.engine, self.brief_id)
        self.brief_changed.emit(self.view)
        return self.view

    def changed_elsewhere(self) -> bool:
        """Whether another window or the command line changed the brief since it was read."""
        from briefing.listing import brief_version
        from briefing.store import read_session

        with read_session(self.engine) as session:
            version = brief_version(session, self.brief_id)
        return version is not None and version != self.view.row_version

    def applied(self, change: Change) -> None:
        """An edit went through: show the brief as the library now has it."""
        log.debug("applied %s", change)
        self.reload()

    def failed(self, exc: BaseException) -> None:
        """An edit was refused or broke: reload what is true and tell the window."""
        try:
            self.reload()
        except BriefingError as again:  # e.g. the brief was deleted elsewhere
            log.warning("Reloading brief %s failed: %s", self.brief_id, again)
        self.edit_failed.emit(exc)

    def kind_of(self, item_id: int) -> str:
        """The kind of a shown item ("item" when it is not shown)."""
        return next((i.kind for i in self.view.items() if i.id == item_id), "item")
