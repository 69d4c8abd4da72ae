"""FitMeter: how much of a printed page the brief fills, kept up to date as it changes."""

import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from briefing.errors import BriefingError
from briefing.views import BriefView

log = logging.getLogger(__name__)
SCALE = 100  # the bar counts hundredths of a page


def fit_text(pages: float) -> str:
    """ "0.8 of a page", "1 page", "1.3 pages"."""
    if pages < 0.95:
        return f"{pages:.1f} of a page"
    if pages < 1.05:
        return "1 page"
    return f"{pages:.1f} pages"


class FitMeter(QWidget):
    """A bar from empty to one page; over a page it says by how much."""

    measured = Signal(object)  # the PageFit, or None when it cannot be measured

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Page fit")
        self.bar = QProgressBar()
        self.bar.setAccessibleName("Page fit meter")
        self.bar.setRange(0, SCALE)
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(120)
        self.label = QLabel("–")
        self.label.setAccessibleName("Page fit")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("One-pager:"))
        layout.addWidget(self.bar)
        layout.addWidget(self.label, 1, Qt.AlignmentFlag.AlignLeft)

    def measure(self, brief: BriefView | None) -> Any:
        """Measure `brief` for one page and show the result; returns the PageFit or None."""
        fit = None
        if brief is not None:
            try:
                from briefing.export.pdf import measure_fit

                fit = measure_fit(brief)
            except (ImportError, BriefingError) as exc:
                log.warning("Page fit unavailable: %s", exc)
        self.show_fit(fit)
        self.measured.emit(fit)
        return fit

    def show_fit(self, fit: Any) -> None:
        """Show a PageFit (pages, fits, longest_section), or that there is none."""
        if fit is None:
            self.bar.setValue(0)
            self.label.setText("–")
            self.setToolTip("The page fit cannot be measured.")
            return
        self.bar.setValue(min(SCALE, round(fit.pages * SCALE)))
        text = fit_text(fit.pages)
        if not fit.fits:
            text += f" — over by {fit.pages - 1:.1f}; longest: {fit.longest_section}"
        self.label.setText(text)
        self.setToolTip(
            f"The brief fills {fit_text(fit.pages)} as a one-pager PDF. "
            f"Longest section: {fit.longest_section or '—'}."
        )
