"""LibraryPane: the source table with its search box and grade menu."""

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.snippet_delegate import SnippetDelegate
from ui.source_model import DATE, GRADE, MATCH, OUTLET, TITLE, SourceModel


class LibraryPane(QWidget):
    """Lists sources; emits which one the user picked and what grade they asked for."""

    source_chosen = Signal(int)
    grade_requested = Signal(int, str)  # source id, the grade typed ("" clears it)

    def __init__(self, model: SourceModel, search_delay_ms: int = 150) -> None:
        super().__init__()
        self.setAccessibleName("Library")
        self.model = model
        self.search = QLineEdit(placeholderText="Search sources (Ctrl+F)")
        self.search.setAccessibleName("Search sources")
        self.search.setClearButtonEnabled(True)
        self.table = QTableView()
        self.table.setAccessibleName("Sources")
        self.table.setModel(model)
        self.count = QLabel()
        self.count.setAccessibleName("Source count")
        self._timer = QTimer(self, singleShot=True, interval=search_delay_ms)
        self._configure_table()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        for widget in (QLabel("<b>Library</b>"), self.search, self.table, self.count):
            layout.addWidget(widget)
        self.search.textChanged.connect(self._timer.start)
        self._timer.timeout.connect(self._on_search_paused)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.table.customContextMenuRequested.connect(self._on_context_menu_requested)
        model.modelReset.connect(self._on_model_reset)
        model.rowsInserted.connect(self._on_model_reset)
        model.reload()

    def _configure_table(self) -> None:
        table = self.table
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setAccessibleName("Source columns")
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (OUTLET, DATE, GRADE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(MATCH, QHeaderView.ResizeMode.Stretch)
        table.setItemDelegateForColumn(MATCH, SnippetDelegate(table))
        self._show_columns(searching=False)

    def _show_columns(self, searching: bool) -> None:
        # Searching: title and the matching passage; browsing: title, outlet, date, grade.
        header = self.table.horizontalHeader()
        for column in (OUTLET, DATE, GRADE):
            self.table.setColumnHidden(column, searching)
        self.table.setColumnHidden(MATCH, not searching)
        mode = QHeaderView.ResizeMode.Interactive if searching else QHeaderView.ResizeMode.Stretch
        header.setSectionResizeMode(TITLE, mode)
        # Search hits are few (at most 200): their rows grow to show the whole snippet.
        self.table.setWordWrap(searching)
        rows = (
            QHeaderView.ResizeMode.ResizeToContents if searching else QHeaderView.ResizeMode.Fixed
        )
        self.table.verticalHeader().setSectionResizeMode(rows)
        if searching:
            self.table.setColumnWidth(TITLE, max(100, self.table.viewport().width() // 3))

    def current_source_id(self) -> int | None:
        """The selected source, if any."""
        index = self.table.currentIndex()
        return self.model.source_id(index.row()) if index.isValid() else None

    def select_source(self, source_id: int) -> None:
        """Select `source_id` if it is listed (loading more rows as needed)."""
        row = self.model.row_of(source_id)
        while row < 0 and self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())
            row = self.model.row_of(source_id)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, TITLE))
            self.table.scrollTo(self.model.index(row, TITLE))

    def ask_grade(self, source_id: int) -> None:
        """Ask for a source's Admiralty grade and pass it on."""
        current = self.model.index(self.model.row_of(source_id), GRADE).data() or ""
        grade, ok = QInputDialog.getText(
            self,
            "Set grade",
            "Admiralty grade (A–F and 1–6, e.g. B2; blank to clear):",
            text=current,
        )
        if ok:
            self.grade_requested.emit(source_id, grade.strip())

    def _on_search_paused(self) -> None:
        self.model.set_query(self.search.text())
        self._show_columns(searching=bool(self.model.query))

    def _on_model_reset(self) -> None:
        rows = self.model.rowCount()
        if self.model.query:
            self.count.setText(f"{rows} match(es) for “{self.model.query}”")
        else:
            self.count.setText(f"{self.model.total} source(s)")

    def _on_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.source_chosen.emit(self.model.source_id(current.row()))

    def _on_context_menu_requested(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if not index.isValid():
            return
        source_id = self.model.source_id(index.row())
        menu = QMenu(self)
        menu.addAction("Set grade…", lambda: self.ask_grade(source_id))
        menu.exec(self.table.viewport().mapToGlobal(pos))
