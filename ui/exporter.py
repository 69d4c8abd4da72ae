"""Exporting the open brief to DOCX or PDF, with the exporters' messages shown plainly."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from briefing.errors import ExportError
from briefing.views import BriefView

FILTERS = {"docx": "Word document (*.docx)", "pdf": "PDF document (*.pdf)"}
EXPORT_ANYWAY = "Export anyway, marking unverified items"


def ask_path(parent: QWidget, brief: BriefView, fmt: str, folder: str = "") -> Path | None:
    """Ask where to save; None when the user cancels."""
    name = "".join(c if c.isalnum() or c in " -_" else "_" for c in brief.title).strip()
    start = str(Path(folder or Path.home()) / f"{name or 'brief'}.{fmt}")
    chosen, _ = QFileDialog.getSaveFileName(parent, f"Export {fmt.upper()}", start, FILTERS[fmt])
    if not chosen:
        return None
    path = Path(chosen)
    return path if path.suffix.lower() == f".{fmt}" else path.with_suffix(f".{fmt}")


def write(brief: BriefView, fmt: str, path: Path, allow_unverified: bool) -> object:
    """Run the exporter for `fmt` (imported lazily: start-up does not pay for it)."""
    if fmt == "docx":
        from briefing.export.docx import export_docx

        return export_docx(brief, path, allow_unverified=allow_unverified)
    from briefing.export.pdf import export_pdf

    one_page = brief.template == "one-pager"
    return export_pdf(brief, path, one_page=one_page, allow_unverified=allow_unverified)


def ask_export_anyway(parent: QWidget, message: str) -> bool:
    """Show why the export was refused; True when the user chooses to mark and export."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Not exported", message, parent=parent)
    box.setAccessibleName("Export refused")
    anyway = box.addButton(EXPORT_ANYWAY, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is anyway


def export(
    parent: QWidget, brief: BriefView, fmt: str, path: Path
) -> tuple[Path, list[str]] | None:
    """Export, offering to mark unverified items; returns (path, warnings) or None.

    Raises:
        ExportError: for refusals the user cannot override here (e.g. over one page).
    """
    allow = False
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        try:
            result = write(brief, fmt, path, allow)
        except ExportError as exc:
            if not brief.failing():
                raise
            QGuiApplication.restoreOverrideCursor()
            QGuiApplication.setOverrideCursor(Qt.CursorShape.ArrowCursor)
            if not ask_export_anyway(parent, str(exc)):
                return None
            result = write(brief, fmt, path, True)
    finally:
        QGuiApplication.restoreOverrideCursor()
    return Path(getattr(result, "path", path)), list(getattr(result, "warnings", ()))
