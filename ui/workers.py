"""Background imports: reading files and URLs off the GUI thread, cancellably."""

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, Signal
from typing_extensions import override

from briefing.errors import BriefingError

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from briefing.ingest import SourceDraft

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportJob:
    """One thing to import: a label for the progress dialog and how to read it."""

    label: str
    read: Callable[[], "SourceDraft"]


class ImportSignals(QObject):
    """What an ImportTask reports, delivered on the GUI thread."""

    progressed = Signal(int, str)  # jobs done so far, the label of the next one
    imported = Signal(int, str, bool)  # source id, title, whether it was new
    failed = Signal(str, str)  # label, the sentence to show
    finished = Signal(int)  # how many were imported


class ImportTask(QRunnable):
    """Reads and stores each job in turn; stops between jobs when cancelled.

    Each add_source call opens its own session on the shared engine, so nothing
    touches the GUI thread's sessions.
    """

    def __init__(self, engine: "Engine", jobs: Sequence[ImportJob]) -> None:
        super().__init__()
        self.engine = engine
        self.jobs = list(jobs)
        self.signals = ImportSignals()
        self._cancelled = threading.Event()
        self.setAutoDelete(False)  # Python keeps the task until it has finished

    def cancel(self) -> None:
        """Stop before the next job; a job being read finishes but is not stored."""
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        """Whether cancel() was called."""
        return self._cancelled.is_set()

    @override
    def run(self) -> None:
        """Import every job (on a pool thread)."""
        done = 0
        for number, job in enumerate(self.jobs):
            if self.cancelled:
                break
            self.signals.progressed.emit(number, job.label)
            done += self._import(job)
        self.signals.progressed.emit(len(self.jobs), "")
        self.signals.finished.emit(done)

    def _import(self, job: ImportJob) -> int:
        from briefing.library import add_source

        try:
            draft = job.read()
            if self.cancelled:
                return 0
            result = add_source(self.engine, draft)
        except BriefingError as exc:
            self.signals.failed.emit(job.label, str(exc))
            return 0
        except Exception as exc:
            log.exception("Import of %s failed", job.label)
            self.signals.failed.emit(job.label, f"{job.label} could not be imported ({exc}).")
            return 0
        assert result.source.id is not None
        self.signals.imported.emit(result.source.id, result.source.title, result.created)
        return 1


class OpenerSignals(QObject):
    """What a LibraryOpener reports, delivered on the GUI thread."""

    opened = Signal(object)  # the Engine
    failed = Signal(object)  # the exception


class LibraryOpener(QRunnable):
    """Opens (creating, migrating and seeding as needed) the library off the GUI thread.

    A first run imports and analyses the sample sources: the window stays responsive.
    """

    def __init__(self, db: str | None) -> None:
        super().__init__()
        self.db = db
        self.signals = OpenerSignals()
        self.setAutoDelete(False)  # the caller keeps it until it has reported

    @override
    def run(self) -> None:
        """Open the library (on a pool thread)."""
        try:
            from briefing.firstrun import open_library
            from briefing.store import resolve_db_url

            engine = open_library(resolve_db_url(self.db))
        except BriefingError as exc:
            self.signals.failed.emit(exc)
            return
        except Exception as exc:
            log.exception("Opening the library failed")
            self.signals.failed.emit(exc)
            return
        self.signals.opened.emit(engine)
