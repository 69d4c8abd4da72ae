"""ReaderPane: the selected source's text, its details and its speaker roster."""

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QSizePolicy, QSplitter, QVBoxLayout, QWidget

from ui.source_view import SourceView

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


class ReaderPane(QWidget):
    """Shows one source; its SourceView emits what the user wants added."""

    def __init__(self, engine: "Engine | None" = None) -> None:
        super().__init__()
        self.setAccessibleName("Reader")
        self.engine = engine
        self.heading = QLabel("<b>Reader</b> — choose a source in the library")
        self.heading.setAccessibleName("Source title")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.details = QLabel()
        self.details.setAccessibleName("Source details")
        self.view = SourceView()
        self.roster = QListWidget()
        self.roster.setAccessibleName("Speakers in this source")
        self.roster.setToolTip("People the source names, with the role it gives them")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.view)
        people = QWidget()
        box = QVBoxLayout(people)
        box.setContentsMargins(0, 4, 0, 0)
        box.addWidget(QLabel("People named in this source:"))
        box.addWidget(self.roster)
        splitter.addWidget(people)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.details)
        layout.addWidget(splitter)

    @property
    def source_id(self) -> int:
        """The source shown, or 0."""
        return self.view.source_id

    def show_source(self, source_id: int) -> None:
        """Load and show a source with its quotes, facts, dates and speakers."""
        from briefing.analysis import extraction_for
        from briefing.library import get_source, grade_label
        from briefing.store import read_session

        if self.engine is None:
            return
        with read_session(self.engine) as session:
            source = get_source(session, source_id)
            extraction = extraction_for(session, source)
            title, text = source.title, source.text
            details = [
                source.outlet or "",
                source.published.isoformat() if source.published else "",
            ]
            grade = grade_label(source)
        if grade:
            details.append(f"grade {grade}")
        facts = " · ".join(d for d in details if d)
        self.heading.setText(f"<b>{html.escape(title)}</b>")
        self.heading.setToolTip(title)
        self.details.setText(facts)
        self.view.show_source(source_id, text, extraction)
        self.roster.clear()
        for person in extraction.people:
            role = f" — {person.role}" if person.role else ""
            self.roster.addItem(f"{person.name}{role}")
        counts = f"{len(extraction.quotes)} quote(s), {len(extraction.facts)} fact(s)"
        self.view.setToolTip("")
        self.view.setStatusTip(counts)

    def select_span(self, source_id: int, start: int, end: int) -> None:
        """Show `source_id` (if not shown) with text[start:end] selected."""
        if self.source_id != source_id:
            self.show_source(source_id)
        self.view.select_span(start, end)
        self.view.setFocus()
