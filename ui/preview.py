"""PdfPreview: the last exported PDF, rendered in the window."""

from pathlib import Path

from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PdfPreview(QWidget):
    """Shows a PDF file page after page, fitted to the pane's width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("PDF preview")
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setAccessibleName("PDF pages")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.caption = QLabel("Export a PDF (Ctrl+P) to preview it here.")
        self.caption.setAccessibleName("Preview caption")
        self.caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.caption)
        layout.addWidget(self.view, 1)

    def show_pdf(self, path: Path) -> bool:
        """Load `path`; False (with the reason in the caption) when it cannot be read."""
        error = self.document.load(str(path))
        if error != QPdfDocument.Error.None_:
            self.caption.setText(f"{path.name} cannot be previewed ({error.name}).")
            return False
        pages = self.document.pageCount()
        self.caption.setText(f"{path} — {pages} page(s)")
        return True
