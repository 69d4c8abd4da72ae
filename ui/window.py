"""MainWindow: the three panes, the actions, and the one place signals are wired."""

import logging
from collections import Counter
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QUndoGroup
from PySide6.QtWidgets import (
    QAbstractItemView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
)
from typing_extensions import override

from briefing.errors import BriefingError, ConflictError
from briefing.settings import Settings
from briefing.views import BriefView
from ui import exporter, importer, messages, window_state
from ui.actions import create_actions
from ui.brief_model import BriefModel
from ui.brief_pane import BriefPane
from ui.importer import Importer
from ui.library_pane import LibraryPane
from ui.meta_dialog import BriefDetailsDialog, choose_brief
from ui.preview import PdfPreview
from ui.reader import ReaderPane
from ui.source_model import SourceModel
from ui.workers import ImportJob

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from ui.commands import BriefCommand
    from ui.document import BriefDocument

# The database stack, the extractor and the commands over them are imported where first
# used: the window is on screen before they load (start-up target: visible within 1.5 s).
log = logging.getLogger(__name__)
APP_NAME = "Briefing composer"
STATUS_MS = 6000
WATCH_MS = 3000  # how often the open brief is checked for edits made elsewhere


class MainWindow(QMainWindow):
    """Library | reader | brief, side by side; every edit goes through an undo command."""

    def __init__(self, engine: "Engine | None", settings: Settings, state: QSettings) -> None:
        super().__init__()
        self.engine: Engine | None = None
        self.settings, self.state = settings, state
        self.setAccessibleName(APP_NAME)
        self.setObjectName("main_window")
        self.setAcceptDrops(True)
        self.undo_group = QUndoGroup(self)
        self.documents: dict[int, BriefDocument] = {}
        self.doc: BriefDocument | None = None
        self.library = LibraryPane(SourceModel(None, self), settings.search_delay_ms)
        self.reader = ReaderPane()
        self.brief_pane = BriefPane(BriefModel(self), settings.autosave_ms)
        self.preview = PdfPreview()
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Brief and preview")
        self.tabs.addTab(self.brief_pane, "Brief")
        self.tabs.addTab(self.preview, "PDF preview")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("panes")
        for pane in (self.library, self.reader, self.tabs):
            self.splitter.addWidget(pane)
        self.splitter.setSizes([330, 520, 450])
        self.setCentralWidget(self.splitter)
        self.importer = Importer(None, self)
        self.actions_ = create_actions(self, self.undo_group)
        self.fit_timer = QTimer(self, singleShot=True, interval=250)
        self.watch_timer = QTimer(self, interval=WATCH_MS)
        self.db_label = QLabel()
        self.db_label.setAccessibleName("Library location")
        self.statusBar().addPermanentWidget(self.db_label)
        self._wire()
        window_state.restore(self.state, self, self._splitters())
        self._update_title()
        if engine is None:
            self.splitter.setEnabled(False)
            self.statusBar().showMessage("Opening the library…")
        else:
            self.attach(engine)

    def attach(self, engine: "Engine") -> None:
        """Show the library at `engine` (the window can be on screen before it opens)."""
        from briefing.store import redact

        self.engine = engine
        self.importer.engine = engine
        self.reader.engine = engine
        self.library.model.set_engine(engine)
        self.db_label.setText(redact(str(engine.url)))
        self.splitter.setEnabled(True)
        self.statusBar().clearMessage()
        self.watch_timer.start()

    # -- wiring -----------------------------------------------------------------

    def _wire(self) -> None:
        a = self.actions_
        a.new_brief.triggered.connect(self._on_new_brief_triggered)
        a.open_brief.triggered.connect(self._on_open_brief_triggered)
        a.recent.aboutToShow.connect(self._on_recent_about_to_show)
        a.import_files.triggered.connect(self._on_import_files_triggered)
        a.import_url.triggered.connect(self._on_import_url_triggered)
        a.paste_source.triggered.connect(self._on_paste_source_triggered)
        a.export_docx.triggered.connect(lambda: self.export("docx"))
        a.export_pdf.triggered.connect(lambda: self.export("pdf"))
        a.quit.triggered.connect(self.close)
        a.add_selection.triggered.connect(self.reader.view.add_selection)
        a.add_note.triggered.connect(lambda: self._on_note_requested(0))
        a.add_section.triggered.connect(self._on_section_requested)
        a.remove_item.triggered.connect(self._on_remove_item_triggered)
        a.move_up.triggered.connect(lambda: self._on_shift_requested(-1))
        a.move_down.triggered.connect(lambda: self._on_shift_requested(1))
        a.reanchor.triggered.connect(self._on_reanchor_triggered)
        # These keys act on the outline only while it has focus, never while reading.
        for action in (a.remove_item, a.move_up, a.move_down):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.brief_pane.tree.addAction(action)
        a.details.triggered.connect(self._on_details_requested)
        a.find.triggered.connect(self._on_find_triggered)
        a.about.triggered.connect(self._on_about_triggered)
        self.library.source_chosen.connect(self._on_source_chosen)
        self.library.grade_requested.connect(self._on_grade_requested)
        self.reader.view.excerpt_requested.connect(self._on_excerpt_requested)
        model = self.brief_pane.model
        model.edit_requested.connect(self._on_edit_requested)
        model.move_requested.connect(self._on_move_requested, Qt.ConnectionType.QueuedConnection)
        model.excerpt_dropped.connect(self._on_excerpt_dropped, Qt.ConnectionType.QueuedConnection)
        self.brief_pane.item_opened.connect(self._on_item_opened)
        self.brief_pane.remove_requested.connect(self._on_remove_requested)
        self.brief_pane.note_requested.connect(self._on_note_requested)
        self.brief_pane.section_requested.connect(self._on_section_requested)
        self.brief_pane.details_requested.connect(self._on_details_requested)
        self.brief_pane.meter.measured.connect(self._on_fit_measured)
        self.fit_timer.timeout.connect(self._on_fit_timer_timeout)
        self.watch_timer.timeout.connect(self._on_watch_timer_timeout)
        self.importer.sources_imported.connect(self._on_sources_imported)
        self.importer.import_failed.connect(self._on_import_failed)

    # -- briefs -------------------------------------------------------------------

    def open_brief(self, brief_id: int) -> None:
        """Show a brief; each open brief keeps its own undo stack."""
        from ui.document import BriefDocument

        doc = self.documents.get(brief_id)
        if self.engine is None:
            return
        if doc is None:
            doc = BriefDocument(self.engine, brief_id, self)
            doc.brief_changed.connect(self._on_brief_changed)
            doc.edit_failed.connect(self._on_edit_failed)
            self.undo_group.addStack(doc.stack)
            self.documents[brief_id] = doc
        else:
            doc.reload()
        self.doc = doc
        self.undo_group.setActiveStack(doc.stack)
        self._on_brief_changed(doc.view)
        self.statusBar().showMessage(f"Opened “{doc.view.title}”.", STATUS_MS)

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
            self.statusBar().showMessage("Open or create a brief first (Ctrl+N).", STATUS_MS)
            return False
        self.doc.stack.push(command)
        if command.error is None:
            self.statusBar().showMessage(f"{command.text()}: saved.", STATUS_MS)
        return command.error is None

    def _on_brief_changed(self, view: BriefView) -> None:
        self.brief_pane.show_brief(view)
        self.reader.view.set_sections([(s.id, s.title) for s in view.sections])
        self._update_title()
        self.fit_timer.start()

    def _on_fit_timer_timeout(self) -> None:
        self.brief_pane.meter.measure(self.doc.view if self.doc else None)

    def _on_fit_measured(self, fit: object) -> None:
        self.brief_pane.model.set_section_lines(getattr(fit, "section_lines", {}) or {})

    def _on_edit_failed(self, exc: BaseException) -> None:
        if isinstance(exc, ConflictError):
            self.statusBar().showMessage("The brief changed elsewhere and was reloaded.")
        messages.report(self, exc)

    def _update_title(self) -> None:
        # No "unsaved" mark: every edit is in the library the moment it is made.
        title = self.doc.view.title if self.doc else "no brief open"
        self.setWindowTitle(f"{title} — {APP_NAME}")

    def _on_new_brief_triggered(self) -> None:
        dialog = BriefDetailsDialog(None, self)
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
            messages.report(self, exc)
            return
        self.open_brief(change.brief_id)

    def _on_open_brief_triggered(self) -> None:
        briefs = [b for b in self._briefs() if b.id is not None]
        if not briefs:
            self.statusBar().showMessage("There are no briefs yet; create one with Ctrl+N.")
            return
        chosen = choose_brief(self, [(b.id or 0, b.title) for b in briefs])
        if chosen is not None:
            self.open_brief(chosen)

    def _on_recent_about_to_show(self) -> None:
        menu = self.actions_.recent
        menu.clear()
        for brief in self._briefs()[: self.settings.recent_limit]:
            brief_id = brief.id or 0
            menu.addAction(brief.title, partial(self.open_brief, brief_id))

    def _on_details_requested(self) -> None:
        from ui import commands

        if self.doc is None:
            return
        dialog = BriefDetailsDialog(self.doc.view, self)
        if dialog.exec() and (changes := dialog.changes()):
            self.push(commands.UpdateBriefCommand(self.doc, changes))

    # -- edits ----------------------------------------------------------------------

    def _section_or_current(self, section_id: int) -> int | None:
        return section_id or self.brief_pane.current_section_id()

    def _on_excerpt_requested(
        self, source_id: int, start: int, end: int, section_id: int, kind: str
    ) -> None:
        from ui import commands

        section = self._section_or_current(section_id)
        if self.doc is None or section is None:
            self.statusBar().showMessage("Open or create a brief first (Ctrl+N).", STATUS_MS)
            return
        command = commands.add_excerpt(self.doc, section, source_id, (start, end), kind)
        if self.push(command):
            self.brief_pane.select_item(command.item_id)

    def _on_excerpt_dropped(
        self, source_id: int, start: int, end: int, section_id: int, position: int
    ) -> None:
        from ui import commands

        if self.doc is not None:
            command = commands.drop_excerpt(self.doc, section_id, source_id, (start, end), position)
            if self.push(command):
                self.brief_pane.select_item(command.item_id)

    def _on_edit_requested(self, what: str, row_id: int, field: str, value: str) -> None:
        from ui import commands

        if self.doc is None:
            return
        if what == "section":
            self.push(commands.RenameSectionCommand(self.doc, row_id, value))
        else:
            self.push(commands.EditItemCommand(self.doc, row_id, field, value))

    def _on_move_requested(self, item_id: int, section_id: int, position: int) -> None:
        from ui import commands

        if self.doc is not None and self.push(
            commands.MoveItemCommand(self.doc, item_id, section_id, position)
        ):
            self.brief_pane.select_item(item_id)

    def _on_remove_requested(self, what: str, row_id: int) -> None:
        from ui import commands

        if self.doc is not None:
            self.push(commands.RemoveCommand(self.doc, what, row_id))

    def _on_shift_requested(self, step: int) -> None:
        model = self.brief_pane.model
        item = model.item_at(self.brief_pane.tree.currentIndex())
        target = model.shifted(item.id, step) if item else None
        if item is not None and target is not None:
            self._on_move_requested(item.id, *target)

    def _on_reanchor_triggered(self) -> None:
        from briefing.refresh import refresh_brief

        if self.doc is None or self.engine is None:
            return
        try:
            refreshed = refresh_brief(self.engine, self.doc.brief_id, self.doc.version)
        except BriefingError as exc:
            messages.report(self, exc)
            return
        counts = Counter(status for _, status in refreshed.outcomes)
        if set(counts) - {"kept"}:
            # Re-anchoring has no inverse in compose: earlier steps cannot be undone past it.
            self.doc.stack.clear()
        self.doc.reload()
        summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items()))
        self.statusBar().showMessage(f"Re-anchored: {summary or 'nothing to do'}.", STATUS_MS)
        if counts.get("orphaned"):
            messages.show_error(
                self,
                f"{counts['orphaned']} item(s) could not be found in the "
                "newest version of their source; they are marked in the brief.",
            )

    def _on_watch_timer_timeout(self) -> None:
        editing = self.brief_pane.tree.state() == QAbstractItemView.State.EditingState
        if self.doc is None or editing or not self.doc.changed_elsewhere():
            return
        self.doc.reload()
        self.statusBar().showMessage(
            "The brief was changed elsewhere (another window or the command line); "
            "it now shows the latest version.",
            STATUS_MS,
        )

    def _on_remove_item_triggered(self) -> None:
        item = self.brief_pane.model.item_at(self.brief_pane.tree.currentIndex())
        if item is not None:
            self._on_remove_requested("item", item.id)

    def _on_note_requested(self, section_id: int) -> None:
        from ui import commands

        section = self._section_or_current(section_id)
        if self.doc is None or section is None:
            return
        text, ok = QInputDialog.getMultiLineText(self, "Add note", "Note:")
        if ok and text.strip():
            command = commands.add_note(self.doc, section, text)
            if self.push(command):
                self.brief_pane.select_item(command.item_id)

    def _on_section_requested(self) -> None:
        from ui import commands

        if self.doc is None:
            return
        title, ok = QInputDialog.getText(self, "Add section", "Section title:")
        if ok and title.strip():
            self.push(commands.AddSectionCommand(self.doc, title))

    # -- sources ------------------------------------------------------------------

    def _on_source_chosen(self, source_id: int) -> None:
        try:
            self.reader.show_source(source_id)
        except BriefingError as exc:
            messages.report(self, exc)

    def _on_item_opened(self, source_id: int, start: int, end: int) -> None:
        self.library.select_source(source_id)
        self.reader.select_span(source_id, start, end)

    def _on_grade_requested(self, source_id: int, grade: str) -> None:
        from briefing.library import grade_label, set_grade

        if self.engine is None:
            return
        try:
            source = set_grade(self.engine, source_id, grade)
        except BriefingError as exc:
            messages.report(self, exc)
            return
        self.library.model.update_grade(source_id, grade_label(source))
        self.statusBar().showMessage(f"Grade of “{source.title}” set.", STATUS_MS)

    def import_paths(self, paths: list[Path]) -> None:
        """Import files in the background."""
        self._start_import(importer.path_jobs(paths))

    def _start_import(self, jobs: list[ImportJob]) -> None:
        if jobs and not self.importer.start(jobs):
            self.statusBar().showMessage("An import is already running.", STATUS_MS)

    def _on_import_files_triggered(self) -> None:
        self._start_import(importer.ask_files(self))

    def _on_import_url_triggered(self) -> None:
        self._start_import(importer.ask_url(self))

    def _on_paste_source_triggered(self) -> None:
        self._start_import(importer.ask_paste(self))

    def _on_sources_imported(self, ids: list[int]) -> None:
        self.library.model.reload()
        self.library.select_source(ids[-1])
        if self.doc is not None:
            self.doc.reload()  # new sources can corroborate the brief's excerpts
        self.statusBar().showMessage(f"Imported {len(ids)} source(s).", STATUS_MS)

    def _on_import_failed(self, errors: list[str]) -> None:
        messages.show_error(self, f"{len(errors)} import(s) failed.", "\n".join(errors))
        self.statusBar().showMessage(errors[0], STATUS_MS)

    def _on_find_triggered(self) -> None:
        self.library.search.setFocus()
        self.library.search.selectAll()

    def _on_about_triggered(self) -> None:
        QMessageBox.about(
            self, APP_NAME, "Compose briefing notes whose every quote and fact carries its source."
        )

    # -- export ---------------------------------------------------------------------

    def export(self, fmt: str, path: Path | None = None) -> Path | None:
        """Export the open brief (asking where, unless `path`); the PDF is previewed."""
        if self.doc is None:
            return None
        self._commit_editor()
        brief = self.doc.reload()
        folder = str(self.state.value("export/folder", "") or "")
        target = path or exporter.ask_path(self, brief, fmt, folder)
        if target is None:
            return None
        try:
            result = exporter.export(self, brief, fmt, target)
        except BriefingError as exc:
            messages.report(self, exc)
            return None
        if result is None:
            return None
        written, warnings = result
        self.state.setValue("export/folder", str(written.parent))
        if fmt == "pdf" and self.preview.show_pdf(written):
            self.tabs.setCurrentWidget(self.preview)
        note = " ".join(warnings)
        self.statusBar().showMessage(f"Exported {written.name}. {note}".strip(), STATUS_MS * 2)
        return written

    # -- window -----------------------------------------------------------------------

    def _commit_editor(self) -> None:
        # Leaving the current index closes an open inline editor and commits its text.
        tree = self.brief_pane.tree
        current = tree.currentIndex()
        tree.setCurrentIndex(QModelIndex())
        tree.setCurrentIndex(current)

    def _splitters(self) -> dict[str, QSplitter]:
        return {"splitter": self.splitter, "reader": self.reader.splitter}

    def save_state(self) -> None:
        """Remember geometry, toolbars and splitter sizes (visual state only)."""
        window_state.save(self.state, self, self._splitters())

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        self._commit_editor()
        self.save_state()
        if self.importer.task is not None:
            self.importer.task.cancel()
        super().closeEvent(event)

    @override
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    @override
    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)
