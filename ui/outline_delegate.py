"""OutlineDelegate: how the brief outline's rows size themselves and are edited."""

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QWidget,
)
from typing_extensions import override

from ui.brief_model import EXACT_ROLE
from ui.icons import icon


class OutlineDelegate(QStyledItemDelegate):
    """Rows that wrap; a line editor that saves after a pause and checks quotes as typed."""

    def __init__(self, delay_ms: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.delay_ms = delay_ms

    @override
    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAccessibleName("Edit text")
        timer = QTimer(editor, singleShot=True, interval=self.delay_ms)
        editor.textEdited.connect(timer.start)
        timer.timeout.connect(lambda: self.commitData.emit(editor))
        editor.setProperty("autosave_timer", timer)
        exact = index.data(EXACT_ROLE)
        if exact:
            self._check_as_typed(editor, str(exact))
        return editor

    def _check_as_typed(self, editor: QLineEdit, exact: str) -> None:
        from briefing.anchors import verify_text  # the same check the brief and export use

        fallback = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        mark = editor.addAction(
            icon("failing", fallback), QLineEdit.ActionPosition.TrailingPosition
        )
        mark.setVisible(False)

        def check(text: str) -> None:
            result = verify_text(text, exact)
            mark.setVisible(not result.ok)
            mark.setToolTip(result.problem or "")
            editor.setToolTip(result.problem or "Matches the source.")

        editor.textChanged.connect(check)

    @override
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        view = self.parent()
        if not isinstance(view, QTreeView):
            return size
        depth = 2 if index.parent().isValid() else 1
        width = view.viewport().width() - view.indentation() * depth - 8
        if index.data(Qt.ItemDataRole.DecorationRole) is not None:
            width -= view.iconSize().width() or 20
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        flags = Qt.TextFlag.TextWordWrap
        rect = option.fontMetrics.boundingRect(QRect(0, 0, max(width, 80), 100000), flags, text)
        return QSize(size.width(), max(size.height(), rect.height() + 6))

    @override
    def destroyEditor(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        timer = editor.property("autosave_timer")
        if isinstance(timer, QTimer):
            timer.stop()  # the editor is closing: its text was committed or dropped
        super().destroyEditor(editor, index)

    @override
    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QLineEdit)
        value = str(index.data(Qt.ItemDataRole.EditRole) or "")
        if editor.text() != value and not editor.isModified():
            editor.setText(value)

    @override
    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setModified(False)
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
