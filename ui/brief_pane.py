"""BriefPane: the open brief as an editable, reorderable outline with its page-fit meter."""

import html

from PySide6.QtCore import (
    QModelIndex,
    QPoint,
    Qt,
    Signal,
)
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from briefing.views import BriefView
from ui.brief_model import ANCHOR_ROLE, BriefModel, item_tip
from ui.fit_meter import FitMeter
from ui.outline_delegate import OutlineDelegate


def brief_summary(brief: BriefView) -> str:
    """One line under the title: marking, template, as-of date, item and failure counts."""
    items = brief.items()
    failing = len(brief.failing())
    parts = [
        brief.marking,
        f"{brief.template} template",
        f"as of {brief.as_of.isoformat()}" if brief.as_of else "",
        f"{len(items)} item(s)",
        f"{failing} not matching their sources" if failing else "",
    ]
    return " · ".join(p for p in parts if p)


class OutlineView(QTreeView):
    """A tree whose rows wrap their text to the width available."""

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.doItemsLayout()  # wrapped rows change height with the width


class BriefPane(QWidget):
    """Shows the brief; emits what the user asks for, never edits the library itself."""

    item_opened = Signal(int, int, int)  # source id, start, end
    remove_requested = Signal(str, int)  # "item" | "section", id
    note_requested = Signal(int)  # section id
    section_requested = Signal()
    details_requested = Signal()

    def __init__(self, model: BriefModel, autosave_ms: int = 700) -> None:
        super().__init__()
        self.setAccessibleName("Brief")
        self.model = model
        self.title = QLabel("<b>Brief</b>")
        self.title.setAccessibleName("Brief title")
        self.title.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setAccessibleName("Brief summary")
        self.summary.setWordWrap(True)
        self.details = QPushButton("Details…")
        self.details.setAccessibleName("Brief details")
        self.details.setToolTip("Title, author, as-of date, audience, marking, template, style")
        self.meter = FitMeter()
        self.tree = OutlineView()
        self.tree.setAccessibleName("Brief outline")
        self.tree.setModel(model)
        self.delegate = OutlineDelegate(autosave_ms, self.tree)
        self.tree.setItemDelegate(self.delegate)
        self._configure_tree()
        self.about_item = QLabel()
        self.about_item.setAccessibleName("Selected item")
        self.about_item.setWordWrap(True)
        self.about_item.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.details)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.meter)
        layout.addWidget(self.tree)
        layout.addWidget(self.about_item)
        self.details.clicked.connect(self.details_requested)
        self.tree.doubleClicked.connect(self._on_double_clicked)
        self.tree.customContextMenuRequested.connect(self._on_context_menu_requested)
        model.modelReset.connect(self.tree.expandAll)
        model.dataChanged.connect(self._on_current_changed)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)

    def _configure_tree(self) -> None:
        tree = self.tree
        tree.setHeaderHidden(True)
        tree.setWordWrap(True)
        tree.setUniformRowHeights(False)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        tree.setDropIndicatorShown(True)
        tree.setAcceptDrops(True)
        tree.setEditTriggers(
            QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def show_brief(self, brief: BriefView | None) -> None:
        """Show a brief (or none) and re-measure its page fit."""
        self.model.set_brief(brief)
        self.title.setText(
            f"<b>{html.escape(brief.title)}</b>" if brief else "<b>No brief open</b>"
        )
        self.summary.setText(brief_summary(brief) if brief else "")
        self.tree.expandAll()

    def current_section_id(self) -> int | None:
        """The selected section, or the section of the selected item, or the first section."""
        section = self.model.section_at(self.tree.currentIndex())
        if section is None and self.model.rowCount():
            section = self.model.section_at(self.model.index(0, 0))
        return section.id if section else None

    def select_item(self, item_id: int) -> None:
        """Select and show an item."""
        index = self.model.index_of_item(item_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index)

    def _on_current_changed(self, *_args: object) -> None:
        # Says what the selected item is and, when it fails, why: no hovering needed.
        item = self.model.item_at(self.tree.currentIndex())
        self.about_item.setText(item_tip(item) if item else "")

    def _on_double_clicked(self, index: QModelIndex) -> None:
        anchor = index.data(ANCHOR_ROLE)
        if anchor:
            self.item_opened.emit(*anchor)
        else:
            self.tree.edit(index)

    def _on_context_menu_requested(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        menu = QMenu(self)
        section = self.model.section_at(index)
        item = self.model.item_at(index)
        if item is not None:
            if item.anchor is not None:
                menu.addAction("Open in reader", lambda: self._on_double_clicked(index))
            menu.addAction("Edit text", lambda: self.tree.edit(index))
            menu.addAction("Remove item", lambda: self.remove_requested.emit("item", item.id))
            menu.addSeparator()
        if section is not None:
            menu.addAction("Add note…", lambda: self.note_requested.emit(section.id))
            if item is None:
                menu.addAction("Rename section", lambda: self.tree.edit(index))
                menu.addAction(
                    "Remove section", lambda: self.remove_requested.emit("section", section.id)
                )
        menu.addAction("Add section…", self.section_requested.emit)
        menu.exec(self.tree.viewport().mapToGlobal(pos))
