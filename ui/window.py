"""MainWindow: the three panes, the actions, and the one place signals are wired."""

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QUndoGroup
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
)
from typing_extensions import override

from briefing.errors import BriefingError
from briefing.settings import Settings
from briefing.views import BriefView
from ui import exporter, importer, messages, window_state
from ui.actions import create_actions
from ui.brief_model import BriefModel
from ui.brief_pane import BriefPane
from ui.editing import BriefEditor
from ui.importer import Importer
from ui.library_pane import LibraryPane
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
        self.editor = BriefEditor(self, self.brief_pane, self.undo_group, self.actions_.recent)
        self.editor.recent_limit = settings.recent_limit
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
        self.editor.engine = engine
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
        a.new_brief.triggered.connect(self.editor.on_new_brief_triggered)
        a.open_brief.triggered.connect(self.editor.on_open_brief_triggered)
        a.recent.aboutToShow.connect(self.editor.on_recent_about_to_show)
        a.import_files.triggered.connect(self._on_import_files_triggered)
        a.import_url.triggered.connect(self._on_import_url_triggered)
        a.paste_source.triggered.connect(self._on_paste_source_triggered)
        a.export_docx.triggered.connect(lambda: self.export("docx"))
        a.export_pdf.triggered.connect(lambda: self.export("pdf"))
        a.quit.triggered.connect(self.close)
        a.add_selection.triggered.connect(self.reader.view.add_selection)
        a.add_note.triggered.connect(lambda: self.editor.on_note_requested(0))
        a.add_section.triggered.connect(self.editor.on_section_requested)
        a.remove_item.triggered.connect(self.editor.on_remove_item_triggered)
        a.move_up.triggered.connect(lambda: self.editor.on_shift_requested(-1))
        a.move_down.triggered.connect(lambda: self.editor.on_shift_requested(1))
        a.reanchor.triggered.connect(self.editor.on_reanchor_triggered)
        # These keys act on the outline only while it has focus, never while reading.
        for action in (a.remove_item, a.move_up, a.move_down):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.brief_pane.tree.addAction(action)
        a.details.triggered.connect(self.editor.on_details_requested)
        a.find.triggered.connect(self._on_find_triggered)
        a.about.triggered.connect(self._on_about_triggered)
        a.library_location.triggered.connect(self._on_library_location_triggered)
        self.library.source_chosen.connect(self._on_source_chosen)
        self.library.grade_requested.connect(self._on_grade_requested)
        self.reader.view.excerpt_requested.connect(self.editor.on_excerpt_requested)
        model = self.brief_pane.model
        model.edit_requested.connect(self.editor.on_edit_requested)
        model.move_requested.connect(
            self.editor.on_move_requested, Qt.ConnectionType.QueuedConnection
        )
        model.excerpt_dropped.connect(
            self.editor.on_excerpt_dropped, Qt.ConnectionType.QueuedConnection
        )
        self.brief_pane.item_opened.connect(self._on_item_opened)
        self.brief_pane.remove_requested.connect(self.editor.on_remove_requested)
        self.brief_pane.note_requested.connect(self.editor.on_note_requested)
        self.brief_pane.section_requested.connect(self.editor.on_section_requested)
        self.brief_pane.details_requested.connect(self.editor.on_details_requested)
        self.brief_pane.meter.measured.connect(self._on_fit_measured)
        self.fit_timer.timeout.connect(self._on_fit_timer_timeout)
        self.watch_timer.timeout.connect(self.editor.on_watch_timer_timeout)
        self.importer.sources_imported.connect(self._on_sources_imported)
        self.importer.import_failed.connect(self._on_import_failed)
        self.editor.brief_shown.connect(self._on_brief_shown)
        self.editor.status_reported.connect(self._on_status_reported)

    # -- briefs -------------------------------------------------------------------

    @property
    def doc(self) -> "BriefDocument | None":
        """The brief shown (with its undo stack), if any."""
        return self.editor.doc

    def open_brief(self, brief_id: int) -> None:
        """Show a brief; each open brief keeps its own undo stack."""
        self.editor.open_brief(brief_id)

    def open_latest_brief(self) -> None:
        """Open the most recently changed brief (first run: the sample brief)."""
        self.editor.open_latest_brief()

    def push(self, command: "BriefCommand") -> bool:
        """Run an edit through the open brief's undo stack; False when it was refused."""
        return self.editor.push(command)

    def _on_status_reported(self, text: str) -> None:
        self.statusBar().showMessage(text, STATUS_MS)

    def _on_brief_shown(self, view: BriefView) -> None:
        self.brief_pane.show_brief(view)
        self.reader.view.set_sections([(s.id, s.title) for s in view.sections])
        self._update_title()
        self.fit_timer.start()

    def _on_fit_timer_timeout(self) -> None:
        self.brief_pane.meter.measure(self.doc.view if self.doc else None)

    def _on_fit_measured(self, fit: object) -> None:
        self.brief_pane.model.set_section_lines(getattr(fit, "section_lines", {}) or {})

    def _update_title(self) -> None:
        # No "unsaved" mark: every edit is in the library the moment it is made.
        title = self.doc.view.title if self.doc else "no brief open"
        self.setWindowTitle(f"{title} — {APP_NAME}")

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

    def _on_library_location_triggered(self) -> None:
        from ui.library_location import ask_location, switch_library

        wanted = ask_location(self, self.settings.db)
        if wanted is not None:
            switch_library(self, wanted)

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
