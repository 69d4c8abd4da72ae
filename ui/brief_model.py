"""BriefModel: a brief's sections (top level) and items (their children) as a tree."""

import json
from collections.abc import Sequence
from typing import TypeAlias

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication, QStyle
from typing_extensions import override

from briefing.views import BriefView, ItemView, SectionView
from ui.icons import icon
from ui.source_view import EXCERPT_MIME

Index: TypeAlias = QModelIndex | QPersistentModelIndex
ITEM_MIME = "application/x-briefing-item"
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SECTION_ID_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_ROLE = Qt.ItemDataRole.UserRole + 3
ANCHOR_ROLE = Qt.ItemDataRole.UserRole + 4
VERIFIED_ROLE = Qt.ItemDataRole.UserRole + 5
EXACT_ROLE = Qt.ItemDataRole.UserRole + 6  # a quote's source passage, for checks as typed
FAILING_TINT = QColor(220, 40, 40, 45)
KIND_LABELS = {"quote": "Quote", "fact": "Fact", "note": "Note"}


def item_label(item: ItemView) -> str:
    """How an item reads in the tree: its text, speaker and corroboration."""
    if item.kind == "quote":
        who = ", ".join(p for p in (item.speaker, item.speaker_role) if p)
        text = f"“{item.text}”" + (f" — {who}" if who else "")
    else:
        text = item.shown_text
    if item.corroborated_by:
        text += f"  · reported by {len(item.corroborated_by) + 1} sources"
    return text


def item_tip(item: ItemView) -> str:
    """Hover text: the kind, the integrity problem, the corroboration."""
    lines = [KIND_LABELS.get(item.kind, item.kind)]
    if not item.verification.ok:
        lines.append(f"Does not match its source: {item.verification.problem}")
    elif item.anchor is not None:
        lines.append("Matches its source. Double-click to open the passage.")
    if item.kind == "fact" and item.paraphrase:
        lines.append(f"Excerpt: {item.text}")
    lines += [f"“{text}” = {value}" for text, value in item.dates]
    if item.corroborated_by:
        lines.append(f"Reported by {len(item.corroborated_by) + 1} sources in the library.")
    return "\n".join(lines)


class BriefModel(QAbstractItemModel):
    """Adapts a BriefView; edits and drops become requests the window turns into commands."""

    edit_requested = Signal(str, int, str, str)  # "item" | "section", id, field, new value
    move_requested = Signal(int, int, int)  # item id, section id, position
    excerpt_dropped = Signal(int, int, int, int, int)  # source, start, end, section, position

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._brief: BriefView | None = None
        self._lines: dict[int, int] = {}

    @property
    def brief(self) -> BriefView | None:
        """The brief shown."""
        return self._brief

    def set_brief(self, brief: BriefView | None) -> None:
        """Show `brief`; the same outline only repaints, a changed one resets."""
        if _shape(brief) == _shape(self._brief) and brief is not None:
            self._brief = brief
            self._repaint()
            return
        self.beginResetModel()
        self._brief = brief
        self.endResetModel()

    def set_section_lines(self, lines: dict[int, int]) -> None:
        """Printed lines per section id (from the page-fit measure), for the budgets."""
        self._lines = dict(lines)
        self._repaint()

    def _repaint(self) -> None:
        for row in range(self.rowCount()):
            section = self.index(row, 0)
            self.dataChanged.emit(section, section)
            count = self.rowCount(section)
            if count:
                self.dataChanged.emit(self.index(0, 0, section), self.index(count - 1, 0, section))

    def _sections(self) -> tuple[SectionView, ...]:
        return self._brief.sections if self._brief else ()

    def section_at(self, index: Index) -> SectionView | None:
        """The section at a top-level index, or the section of an item index."""
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == 0 else index.internalId() - 1
        return self._sections()[row]

    def item_at(self, index: Index) -> ItemView | None:
        """The item at `index`, or None for a section."""
        if not index.isValid() or index.internalId() == 0:
            return None
        return self._sections()[index.internalId() - 1].items[index.row()]

    def index_of_item(self, item_id: int) -> QModelIndex:
        """The index showing `item_id`, or an invalid index."""
        for srow, section in enumerate(self._sections()):
            for irow, item in enumerate(section.items):
                if item.id == item_id:
                    return self.index(irow, 0, self.index(srow, 0))
        return QModelIndex()

    def shifted(self, item_id: int, step: int) -> tuple[int, int] | None:
        """Where `item_id` goes one place up (-1) or down (+1): (section id, position).

        At the edge of a section it crosses into the end of the previous section or
        the start of the next; None at the very top or bottom of the brief.
        """
        sections = self._sections()
        for srow, section in enumerate(sections):
            for irow, item in enumerate(section.items):
                if item.id != item_id:
                    continue
                if 0 <= irow + step < len(section.items):
                    return section.id, irow + step
                if 0 <= srow + step < len(sections):
                    target = sections[srow + step]
                    return target.id, len(target.items) if step < 0 else 0
                return None
        return None

    @override
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    @override
    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    @override
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._sections())
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self._sections()[parent.row()].items)
        return 0

    @override
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    @override
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        item = self.item_at(index)
        if item is not None:
            return self._item_data(item, role)
        section = self.section_at(index)
        return None if section is None else self._section_data(section, role)

    def _section_data(self, section: SectionView, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return section.title + self._budget_text(section)
        if role == Qt.ItemDataRole.EditRole:
            return section.title
        if role == SECTION_ID_ROLE:
            return section.id
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{section.title}: {len(section.items)} item(s){self._budget_text(section)}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"Section {section.title}"
        return None

    def _budget_text(self, section: SectionView) -> str:
        used = self._lines.get(section.id)
        if section.budget_lines is None:
            return f"  ({used} lines)" if used is not None else ""
        shown = "?" if used is None else str(used)
        over = " — over budget" if used is not None and used > section.budget_lines else ""
        return f"  ({shown}/{section.budget_lines} lines{over})"

    def _item_data(self, item: ItemView, role: int) -> object:
        ok = item.verification.ok
        if role == Qt.ItemDataRole.DisplayRole:
            return item_label(item)
        if role == Qt.ItemDataRole.EditRole:
            return item.paraphrase or item.text if item.kind == "fact" else item.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return item_tip(item)
        if role == Qt.ItemDataRole.DecorationRole and not ok:
            fallback = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
            return icon("failing", fallback)
        if role == Qt.ItemDataRole.BackgroundRole and not ok:
            return FAILING_TINT
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = "" if ok else ", does not match its source"
            return f"{KIND_LABELS.get(item.kind, item.kind)}{state}: {item.shown_text}"
        return self._item_ids(item, role)

    def _item_ids(self, item: ItemView, role: int) -> object:
        if role == ITEM_ID_ROLE:
            return item.id
        if role == SECTION_ID_ROLE:
            return item.section_id
        if role == KIND_ROLE:
            return item.kind
        if role == VERIFIED_ROLE:
            return item.verification.ok
        if role == EXACT_ROLE and item.kind == "quote" and item.anchor is not None:
            return item.anchor.exact
        if role == ANCHOR_ROLE and item.anchor is not None:
            return (item.anchor.source_id, item.anchor.start, item.anchor.end)
        return None

    @override
    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        text = str(value).strip()
        if not text or text == self.data(index, Qt.ItemDataRole.EditRole):
            return False
        item = self.item_at(index)
        if item is None:
            section = self.section_at(index)
            assert section is not None
            self.edit_requested.emit("section", section.id, "title", text)
        else:
            field = "paraphrase" if item.kind == "fact" else "text"
            self.edit_requested.emit("item", item.id, field, text)
        return True

    @override
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable
        if index.internalId() == 0:
            return base | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemNeverHasChildren

    @override
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    @override
    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    @override
    def mimeTypes(self) -> list[str]:
        return [ITEM_MIME, EXCERPT_MIME]

    @override
    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        ids = [item.id for i in indexes if (item := self.item_at(i)) is not None]
        if ids:
            mime.setData(ITEM_MIME, QByteArray(json.dumps(ids[0]).encode()))
        return mime

    @override
    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        has_format = data.hasFormat(ITEM_MIME) or data.hasFormat(EXCERPT_MIME)
        return has_format and self.section_at(parent) is not None

    @override
    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        section = self.section_at(parent)
        assert section is not None
        if parent.internalId() != 0:  # dropped on an item: just before it
            row = parent.row()
        position = len(section.items) if row < 0 else row
        if data.hasFormat(ITEM_MIME):
            return self._drop_item(
                json.loads(bytes(data.data(ITEM_MIME).data())), section, position
            )
        span = json.loads(bytes(data.data(EXCERPT_MIME).data()))
        self.excerpt_dropped.emit(
            span["source_id"], span["start"], span["end"], section.id, position
        )
        return True

    def _drop_item(self, item_id: int, section: SectionView, position: int) -> bool:
        index = self.index_of_item(item_id)
        item = self.item_at(index)
        if item is None:
            return False
        if item.section_id == section.id and item.position < position:
            position -= 1  # the item leaves its old place first
        if item.section_id == section.id and item.position == position:
            return False
        self.move_requested.emit(item_id, section.id, position)
        return False  # the view must not remove the dragged row: the reload moves it


def _shape(brief: BriefView | None) -> tuple[tuple[int, tuple[int, ...]], ...]:
    if brief is None:
        return ()
    return tuple((s.id, tuple(i.id for i in s.items)) for s in brief.sections)
