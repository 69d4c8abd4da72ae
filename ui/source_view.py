"""SourceView: a source's text with detected quotes, facts and dates marked."""

import json
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QPoint, Signal
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QHelpEvent,
    QMouseEvent,
    QPalette,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QMenu, QTextBrowser, QToolTip, QWidget
from typing_extensions import override

from ui.textpos import Utf16Map

if TYPE_CHECKING:
    from briefing.extract import Extraction

EXCERPT_MIME = "application/x-briefing-excerpt"
CURRENT_SECTION = 0
# Translucent tints read on light and dark palettes alike.
QUOTE_TINT = QColor(255, 196, 0, 70)
FACT_TINT = QColor(0, 140, 255, 24)


@dataclass(frozen=True)
class Span:
    """A marked span of the source and what to say about it on hover."""

    start: int
    end: int
    kind: str  # quote | fact | date
    tip: str


def quote_tip(quote: object) -> str:
    """Hover text for a detected quote: who, in what role, and why the app thinks so."""
    speaker = getattr(quote, "speaker", None) or "unknown speaker"
    role = getattr(quote, "speaker_role", None)
    who = f"{speaker}, {role}" if role else speaker
    cue = getattr(quote, "cue", None)
    why = f"rule “{getattr(quote, 'rule', '')}”" + (f", cue word “{cue}”" if cue else "")
    partial = " (partial quote)" if getattr(quote, "partial", False) else ""
    return f"Quote{partial} — {who}\nAttributed by {why}.\nDouble-click to add it to the brief."


def spans_of(extraction: "Extraction") -> list[Span]:
    """Every span to mark, quotes last so they win where they overlap facts."""
    spans = [
        Span(f.start, f.end, "fact", f"Fact candidate (score {f.score:.2f})")
        for f in extraction.facts
    ]
    spans += [Span(d.start, d.end, "date", f"“{d.text}” = {d.resolved}") for d in extraction.dates]
    spans += [Span(q.start, q.end, "quote", quote_tip(q)) for q in extraction.quotes]
    return spans


class SourceView(QTextBrowser):
    """Read-only source text; selections can be added to the brief."""

    # source id, start, end, section id (0: the current section), kind ("" lets the core decide)
    excerpt_requested = Signal(int, int, int, int, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Source text")
        self.setOpenLinks(False)
        self.setMouseTracking(True)
        self.source_id = 0
        self._map = Utf16Map("")
        self._spans: list[Span] = []
        self._sections: list[tuple[int, str]] = []

    def show_source(self, source_id: int, text: str, extraction: "Extraction | None") -> None:
        """Show `text` and mark what the extractor found in it."""
        self.source_id = source_id
        self._map = Utf16Map(text)
        self.setPlainText(text)
        self._spans = spans_of(extraction) if extraction else []
        for span in self._spans:
            self._mark(span)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def set_sections(self, sections: list[tuple[int, str]]) -> None:
        """The sections the "Add to" menu offers."""
        self._sections = list(sections)

    def _mark(self, span: Span) -> None:
        cursor = self._cursor_for(span.start, span.end)
        fmt = QTextCharFormat()
        if span.kind == "quote":
            fmt.setBackground(QUOTE_TINT)
        elif span.kind == "fact":
            fmt.setBackground(FACT_TINT)
        else:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(self.palette().color(QPalette.ColorRole.Link))
        cursor.mergeCharFormat(fmt)

    def _cursor_for(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_qt(start))
        cursor.setPosition(self._map.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def select_span(self, start: int, end: int) -> None:
        """Select source text[start:end] and scroll it into view."""
        self.setTextCursor(self._cursor_for(start, end))
        self.ensureCursorVisible()

    def selected_span(self) -> tuple[int, int] | None:
        """The selection as code-point offsets into the source text, if any."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._map.from_qt(cursor.selectionStart())
        end = self._map.from_qt(cursor.selectionEnd())
        return (start, end) if end > start else None

    def spans_at(self, offset: int) -> list[Span]:
        """The marked spans covering code-point `offset`."""
        return [s for s in self._spans if s.start <= offset < s.end]

    def _offset_at(self, pos: QPoint) -> int:
        return self._map.from_qt(self.cursorForPosition(pos).position())

    def _quote_at(self, pos: QPoint) -> Span | None:
        return next((s for s in self.spans_at(self._offset_at(pos)) if s.kind == "quote"), None)

    def add_selection(self, section_id: int = CURRENT_SECTION, kind: str = "") -> bool:
        """Ask for the selected text to be added to a section; False with no selection."""
        span = self.selected_span()
        if span is None:
            return False
        self.excerpt_requested.emit(self.source_id, span[0], span[1], section_id, kind)
        return True

    @override
    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
            return super().viewportEvent(event)
        tips = [s.tip for s in self.spans_at(self._offset_at(event.pos()))]
        if tips:
            QToolTip.showText(event.globalPos(), "\n\n".join(tips), self)
        else:
            QToolTip.hideText()
        return True

    @override
    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        quote = self._quote_at(event.position().toPoint())
        if quote is None:
            super().mouseDoubleClickEvent(event)
            return
        self.select_span(quote.start, quote.end)
        self.excerpt_requested.emit(
            self.source_id, quote.start, quote.end, CURRENT_SECTION, "quote"
        )

    def context_menu(self, pos: QPoint) -> QMenu:
        """The standard menu plus "Add to ▸ <section>" for the selection."""
        menu = self.createStandardContextMenu(pos)
        target = menu.addMenu("Add to")
        target.setEnabled(self.selected_span() is not None and bool(self._sections))
        for section_id, title in self._sections:
            target.addAction(title, partial(self.add_selection, section_id))
        return menu

    @override
    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.context_menu(event.pos()).exec(event.globalPos())

    @override
    def createMimeDataFromSelection(self) -> QMimeData:
        # A plain QMimeData: Qt's own text-edit mime data lists only its fixed formats,
        # so the item view would not see the excerpt format added to it.
        mime = QMimeData()
        mime.setText(self.textCursor().selection().toPlainText())
        span = self.selected_span()
        if span is not None:
            payload = {"source_id": self.source_id, "start": span[0], "end": span[1]}
            mime.setData(EXCERPT_MIME, json.dumps(payload).encode())
        return mime
