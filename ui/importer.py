"""Importer: turns files, a URL or pasted text into a background import with progress."""

from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget
from sqlalchemy.engine import Engine

from briefing.ingest import read_paste, read_path, read_url
from ui.workers import ImportJob, ImportTask


def path_jobs(paths: list[Path]) -> list[ImportJob]:
    """One job per file."""
    return [ImportJob(path.name, partial(read_path, path)) for path in paths]


def url_job(url: str) -> ImportJob:
    """A job fetching and reading a web address."""
    return ImportJob(url, partial(read_url, url))


def paste_job(text: str, title: str | None) -> ImportJob:
    """A job storing pasted text as a source."""
    return ImportJob(title or "Pasted text", partial(read_paste, text, title or None))


class Importer(QObject):
    """Runs ImportTasks on the thread pool with a cancellable progress dialog."""

    sources_imported = Signal(list)  # ids of the sources stored (new or already there)
    import_failed = Signal(list)  # sentences, one per job that failed
    import_finished = Signal(int)  # how many jobs were stored

    def __init__(self, engine: Engine, parent: QWidget) -> None:
        super().__init__(parent)
        self._engine = engine
        self._parent = parent
        self.task: ImportTask | None = None
        self.dialog: QProgressDialog | None = None
        self._ids: list[int] = []
        self._errors: list[str] = []

    @property
    def busy(self) -> bool:
        """Whether an import is running."""
        return self.task is not None

    def start(self, jobs: list[ImportJob]) -> bool:
        """Start importing `jobs`; False when another import is still running."""
        if self.busy or not jobs:
            return False
        self._ids, self._errors = [], []
        task = ImportTask(self._engine, jobs)
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
        self.task, self.dialog = None, None
        if self._ids:
            self.sources_imported.emit(list(self._ids))
        if self._errors:
            self.import_failed.emit(list(self._errors))
        self.import_finished.emit(count)
