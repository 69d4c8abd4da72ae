"""Background imports: several files with a progress dialog, failures, cancel, drops."""

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import Engine

from briefing.library import count_sources
from briefing.store import read_session
from ui.importer import Importer, path_jobs
from ui.window import MainWindow


def write_articles(folder: Path, count: int) -> list[Path]:
    paths = []
    for n in range(count):
        path = folder / f"article{n}.txt"
        path.write_text(
            f"Ministers meet in Geneva, round {n}\n\nThe talks in Geneva went on for {n + 2} "
            "hours, officials said on Tuesday.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def sources_in(engine: Engine) -> int:
    with read_session(engine) as session:
        return count_sources(session)


def test_import_several_files_with_progress(
    qtbot: QtBot, window: MainWindow, lib: Engine, tmp_path: Path
) -> None:
    before = sources_in(lib)
    paths = write_articles(tmp_path, 5)
    with qtbot.waitSignal(window.importer.import_finished, timeout=20000) as done:
        window.import_paths(paths)
        assert window.importer.busy
        dialog = window.importer.dialog
        assert dialog is not None
        assert dialog.maximum() == 5
    assert done.args == [5]
    assert not window.importer.busy
    assert sources_in(lib) == before + 5
    assert window.library.model.rowCount() == before + 5
    assert "Imported 5 source(s)." in window.statusBar().currentMessage()


def test_failed_file_is_reported(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, errors: list[str]
) -> None:
    good = write_articles(tmp_path, 1)
    with qtbot.waitSignal(window.importer.import_finished, timeout=20000) as done:
        window.import_paths([*good, tmp_path / "missing.txt"])
    assert done.args == [1]
    assert len(errors) == 1
    assert "There is no file at" in errors[0]


def test_cancel_stops_between_files(qtbot: QtBot, lib: Engine, tmp_path: Path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    importer = Importer(lib, parent)
    jobs = path_jobs(write_articles(tmp_path, 30))
    before = sources_in(lib)
    with qtbot.waitSignal(importer.import_finished, timeout=20000) as done:
        importer.start(jobs)
        assert importer.dialog is not None
        importer.dialog.findChild(QPushButton).click()  # its Cancel button
    assert done.args[0] < 30
    assert sources_in(lib) == before + done.args[0]


def test_files_dropped_on_the_window_are_imported(
    qtbot: QtBot, window: MainWindow, lib: Engine, tmp_path: Path
) -> None:
    before = sources_in(lib)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in write_articles(tmp_path, 2)])
    event = QDropEvent(
        QPointF(QPoint(20, 20)),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(window.importer.import_finished, timeout=20000):
        # Qt delivers drop events only during a real drag, so hand it to the handler.
        window.dropEvent(event)
    assert sources_in(lib) == before + 2
