"""Importer: turns files, a URL or pasted text into a background import with progress."""

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QProgressDialog, QWidget

from ui.workers import ImportJob, ImportTask

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from briefing.ingest import SourceDraft

FILE_FILTER = "Articles (*.txt *.html *.htm *.docx *.pdf);;All files (*)"


def _read_path(path: Path) -> "SourceDraft":
    from briefing.ingest import read_path  # the readers load on first use, off the GUI thread

    return read_path(path)


def _read_url(url: str) -> "SourceDraft":
    from briefing.ingest import read_url

    return read_url(url)


def _read_paste(text: str) -> "SourceDraft":
    from briefing.ingest import read_paste

    return read_paste(text)


def path_jobs(paths: list[Path]) -> list[ImportJob]:
    """One job per file."""
    return [ImportJob(path.name, partial(_read_path, path)) for path in paths]


def ask_files(parent: QWidget) -> list[ImportJob]:
    """Jobs for the files the user picks (none when cancelled)."""
    names, _ = QFileDialog.getOpenFileNames(parent, "Import sources", str(Path.home()), FILE_FILTER)
    return path_jobs([Path(n) for n in names])


def ask_url(parent: QWidget) -> list[ImportJob]:
    """A job for the web address the user gives (none when cancelled)."""
    url, ok = QInputDialog.getText(parent, "Import from the web", "Web address (https://…):")
    url = url.strip()
    return [ImportJob(url, lambda: _read_url(url))] if ok and url else []


def ask_paste(parent: QWidget) -> list[ImportJob]:
    """A job storing the text the user pastes as a new source (none when cancelled)."""
    text, ok = QInputDialog.getMultiLineText(parent, "Paste a source", "Text of the article:")
    return [ImportJob("Pasted text", lambda: _read_paste(text))] if ok and text.strip() else []


class Importer(QObject):
    """Runs ImportTasks on the thread pool with a cancellable progress dialog."""

    sources_imported = Signal(list)  # ids of the sources stored (new or already there)
    import_failed = Signal(list)  # sentences, one per job that failed
    import_finished = Signal(int)  # how many jobs were stored

    def __init__(self, engine: "Engine | None", parent: QWidget) -> None:
        super().__init__(parent)
        self.engine = engine
        self._parent = parent
        self.task: ImportTask | None = None
        self._finished_task: ImportTask | None = None
        self.dialog: QProgressDialog | None = None
        self._ids: list[int] = []
        self._errors: list[str] = []

    @property
    def busy(self) -> bool:
        """Whether an import is running."""
        return self.task is not None

    def start(self, jobs: list[ImportJob]) -> bool:
        """Start importing `jobs`; False when another import is still running."""
        if self.busy or not jobs or self.engine is None:
            return False
        self._ids, self._errors = [], []
        task = ImportTask(self.engine, jobs)
        task.signals.progressed.connect(self._on_progressed)
        task.signals.imported.connect(self._on_imported)
        task.signals.failed.connect(self._on_failed)
        task.signals.finished.connect(self._on_finished)
        self.task = task
        self.dialog = self._progress_dialog(len(jobs))
        QThreadPool.globalInstance().start(task)
        return True

    def _progress_dialog(self, count: int) -> QProgressDialog:
        dialog = QProgressDialog("Importing…", "Cancel", 0, count, self._parent)
        dialog.setAccessibleName("Import progress")
        dialog.setWindowTitle("Importing sources")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self._on_canceled)
        return dialog

    def _on_canceled(self) -> None:
        if self.task is not None:
            self.task.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText("Cancelling after the current file…")

    def _on_progressed(self, done: int, label: str) -> None:
        if self.dialog is not None and not self.dialog.wasCanceled():
            self.dialog.setValue(done)
            if label:
                self.dialog.setLabelText(f"Importing {label}…")

    def _on_imported(self, source_id: int, _title: str, _created: bool) -> None:
        self._ids.append(source_id)

    def _on_failed(self, _label: str, message: str) -> None:
        self._errors.append(message)

    def _on_finished(self, count: int) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        # Keep the finished task until the next start: its pool thread may still be
        # returning from run() when this slot runs.
        self._finished_task = self.task
        self.task, self.dialog = None, None
        if self._ids:
            self.sources_imported.emit(list(self._ids))
        if self._errors:
            self.import_failed.emit(list(self._errors))
        self.import_finished.emit(count)
