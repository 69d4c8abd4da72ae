"""SnippetDelegate: draws a search snippet with its matched words in bold."""

import html

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)
from typing_extensions import override

# The core marks matches with square brackets (briefing.store.HIGHLIGHT).
OPEN, CLOSE = "[", "]"


def snippet_html(snippet: str) -> str:
    """The snippet as HTML: escaped, with [matched] words in bold."""
    escaped = html.escape(snippet.replace("\n", " "))
    return escaped.replace(OPEN, "<b>").replace(CLOSE, "</b>")


class SnippetDelegate(QStyledItemDelegate):
    """Renders rich text so the words that matched stand out; wraps to the column width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def _document(self, option: QStyleOptionViewItem, text: str, width: int) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(snippet_html(text))
        document.setTextWidth(max(width, 40))
        return document

    @override
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self.initStyleOption(option, index)
        text, option.text = option.text, ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        document = self._document(option, text, option.rect.width() - 6)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        painter.save()
        painter.translate(option.rect.left() + 3, option.rect.top() + 1)
        painter.setClipRect(QRectF(0, 0, option.rect.width() - 6, option.rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    @override
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        self.initStyleOption(option, index)
        view = self.parent()
        width = view.columnWidth(index.column()) if isinstance(view, QTableView) else 200
        document = self._document(option, option.text, width - 6)
        return QSize(width, int(document.size().height()) + 2)
