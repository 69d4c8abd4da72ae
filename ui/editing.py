"""BriefEditor: the open briefs, their undo stacks, and the edits the window forwards."""

from collections import Counter
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoGroup
from PySide6.QtWidgets import QAbstractItemView, QInputDialog, QMenu, QWidget

from briefing.errors import BriefingError, ConflictError
from ui import messages
from ui.brief_pane import BriefPane
from ui.meta_dialog import BriefDetailsDialog, choose_brief

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from ui.commands import BriefCommand
    from ui.document import BriefDocument

# ui.commands and ui.document load the database stack: they are imported on first use.


class BriefEditor(QObject):
    """Opens briefs and turns what the user asks for into undoable commands.

    It owns no widgets: the window wires the panes' signals to its `on_*` slots and
    shows what it reports (`brief_shown`, `status_reported`).
    """

    brief_shown = Signal(object)  # the BriefView now shown
    status_reported = Signal(str)  # a short message for the status bar

    def __init__(
        self, window: QWidget, pane: BriefPane, group: QUndoGroup, recent_menu: QMenu
    ) -> None:
        super().__init__(window)
        self.window, self.pane, self.group, self.recent_menu = window, pane, group, recent_menu
        self.engine: Engine | None = None
        self.recent_limit = 8
        self.documents: dict[int, BriefDocument] = {}
        self.doc: BriefDocument | None = None

    def _report(self, text: str) -> None:
        self.status_reported.emit(text)

    def open_brief(self, brief_id: int) -> None:
        """Show a brief; each open brief keeps its own undo stack."""
        from ui.document import BriefDocument

        doc = self.documents.get(brief_id)
        if self.engine is None:
            return
        if doc is None:
            doc = BriefDocument(self.engine, brief_id, self)
            doc.brief_changed.connect(self.brief_shown)
            doc.edit_failed.connect(self._on_edit_failed)
            self.group.addStack(doc.stack)
            self.documents[brief_id] = doc
        else:
            doc.reload()
        self.doc = doc
        self.group.setActiveStack(doc.stack)
        self.brief_shown.emit(doc.view)
        self._report(f"Opened “{doc.view.title}”.")

    def open_latest_brief(self) -> None:
        """Open the most recently changed brief, if there is one (first run: the sample)."""
        briefs = self._briefs()
        if briefs and briefs[0].id is not None:
            self.open_brief(briefs[0].id)

    def _briefs(self) -> list[Any]:
        from briefing.brief_view import list_briefs

        return list_briefs(self.engine) if self.engine is not None else []

    def push(self, command: "BriefCommand") -> bool:
        """Run an edit through the undo stack; False when it was refused."""
        if self.doc is None:
            self._report("Open or create a brief first (Ctrl+N).")
            return False
        self.doc.stack.push(command)
        if command.error is None:
            self._report(f"{command.text()}: saved.")
        return command.error is None

    def _on_edit_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ConflictError):
            self._report("The brief changed elsewhere and was reloaded.")
        messages.report(self.window, exc)

    def on_new_brief_triggered(self) -> None:
        dialog = BriefDetailsDialog(None, self.window)
        if not dialog.exec():
            return
        from briefing import compose

        values = dialog.values()
        title, template = values.pop("title"), values.pop("template")
        if self.engine is None:
            return
        try:
            change = compose.new_brief(self.engine, title, template, **values)
        except BriefingError as exc:
            messages.report(self.window, exc)
            return
        self.open_brief(change.brief_id)

    def on_open_brief_triggered(self) -> None:
        briefs = [b for b in self._briefs() if b.id is not None]
        if not briefs:
            self._report("There are no briefs yet; create one with Ctrl+N.")
            return
        chosen = choose_brief(self.window, [(b.id or 0, b.title) for b in briefs])
        if chosen is not None:
            self.open_brief(chosen)

    def on_recent_about_to_show(self) -> None:
        menu = self.recent_menu
        menu.clear()
        for brief in self._briefs()[: self.recent_limit]:
            brief_id = brief.id or 0
            menu.addAction(brief.title, partial(self.open_brief, brief_id))

    def on_details_requested(self) -> None:
        from ui import commands

        if self.doc is None:
            return
        dialog = BriefDetailsDialog(self.doc.view, self.window)
        if dialog.exec() and (changes := dialog.changes()):
            self.push(commands.UpdateBriefCommand(self.doc, changes))

    def _section_or_current(self, section_id: int) -> int | None:
        return section_id or self.pane.current_section_id()

    def on_excerpt_requested(
        self, source_id: int, start: int, end: int, section_id: int, kind: str
    ) -> None:
        from ui import commands

        section = self._section_or_current(section_id)
        if self.doc is None or section is None:
            self._report("Open or create a brief first (Ctrl+N).")
            return
        command = commands.add_excerpt(self.doc, section, source_id, (start, end), kind)
        if self.push(command):
            self.pane.select_item(command.item_id)

    def on_excerpt_dropped(
        self, source_id: int, start: int, end: int, section_id: int, position: int
    ) -> None:
        from ui import commands

        if self.doc is not None:
            command = commands.drop_excerpt(self.doc, section_id, source_id, (start, end), position)
            if self.push(command):
                self.pane.select_item(command.item_id)

    def on_edit_requested(self, what: str, row_id: int, field: str, value: str) -> None:
        from ui import commands

        if self.doc is None:
            return
        if what == "section":
            self.push(commands.RenameSectionCommand(self.doc, row_id, value))
        else:
            self.push(commands.EditItemCommand(self.doc, row_id, field, value))

    def on_move_requested(self, item_id: int, section_id: int, position: int) -> None:
        from ui import commands

        if self.doc is not None and self.push(
            commands.MoveItemCommand(self.doc, item_id, section_id, position)
        ):
            self.pane.select_item(item_id)

    def on_remove_requested(self, what: str, row_id: int) -> None:
        from ui import commands

        if self.doc is not None:
            self.push(commands.RemoveCommand(self.doc, what, row_id))

    def on_shift_requested(self, step: int) -> None:
        model = self.pane.model
        item = model.item_at(self.pane.tree.currentIndex())
        target = model.shifted(item.id, step) if item else None
        if item is not None and target is not None:
            self.on_move_requested(item.id, *target)

    def on_reanchor_triggered(self) -> None:
        from briefing.refresh import refresh_brief

        if self.doc is None or self.engine is None:
            return
        try:
            refreshed = refresh_brief(self.engine, self.doc.brief_id, self.doc.version)
        except BriefingError as exc:
            messages.report(self.window, exc)
            return
        counts = Counter(status for _, status in refreshed.outcomes)
        if set(counts) - {"kept"}:
            # Re-anchoring has no inverse in compose: earlier steps cannot be undone past it.
            self.doc.stack.clear()
        self.doc.reload()
        summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
        self._report(f"Re-anchored: {summary or 'nothing to do'}.")
        if counts.get("orphaned"):
            messages.show_error(
                self.window,
                f"{counts['orphaned']} item(s) could not be found in the "
                "newest version of their source; they are marked in the brief.",
            )

    def on_watch_timer_timeout(self) -> None:
        editing = self.pane.tree.state() == QAbstractItemView.State.EditingState
        if self.doc is None or editing or not self.doc.changed_elsewhere():
            return
        self.doc.reload()
        self._report(
            "The brief was changed elsewhere (another window or the command line); "
            "it now shows the latest version."
        )

    def on_remove_item_triggered(self) -> None:
        item = self.pane.model.item_at(self.pane.tree.currentIndex())
        if item is not None:
            self.on_remove_requested("item", item.id)

    def on_note_requested(self, section_id: int) -> None:
        from ui import commands

        section = self._section_or_current(section_id)
        if self.doc is None or section is None:
            return
        text, ok = QInputDialog.getMultiLineText(self.window, "Add note", "Note:")
        if ok and text.strip():
            command = commands.add_note(self.doc, section, text)
            if self.push(command):
                self.pane.select_item(command.item_id)

    def on_section_requested(self) -> None:
        from ui import commands

        if self.doc is None:
            return
        title, ok = QInputDialog.getText(self.window, "Add section", "Section title:")
        if ok and title.strip():
            self.push(commands.AddSectionCommand(self.doc, title))
