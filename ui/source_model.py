"""SourceModel: the library's sources as a lazily loaded table, or search results."""

import datetime as dt
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TypeAlias

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from typing_extensions import override

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine

    from briefing.listing import SourceSummary
    from briefing.models import Source

# The database stack is imported where it is first used, so the window shows before it loads.

BATCH = 200
SEARCH_LIMIT = 200
SOURCE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
HEADERS = ("Title", "Outlet", "Date", "Grade", "Match")
TITLE, OUTLET, DATE, GRADE, MATCH = range(len(HEADERS))

Index: TypeAlias = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class SourceRow:
    """What the table shows of one source (never its text)."""

    id: int
    title: str
    outlet: str
    published: dt.date | None
    grade: str
    snippet: str = ""

    def cell(self, column: int) -> str:
        """The text shown in `column`."""
        date = self.published.isoformat() if self.published else ""
        return (self.title, self.outlet, date, self.grade, self.snippet.replace("\n", " "))[column]


def _row(source: "Source", snippet: str = "") -> SourceRow:
    from briefing.library import grade_label

    assert source.id is not None
    return SourceRow(
        source.id, source.title, source.outlet or "", source.published, grade_label(source), snippet
    )


def _summary_row(summary: "SourceSummary") -> SourceRow:
    return SourceRow(
        summary.id, summary.title, summary.outlet or "", summary.published, summary.grade
    )


class SourceModel(QAbstractTableModel):
    """Sources newest first, fetched in batches as the view scrolls; or search hits."""

    def __init__(self, engine: "Engine | None" = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._engine = engine
        self._rows: list[SourceRow] = []
        self._total = 0
        self._query = ""

    @property
    def query(self) -> str:
        """The current search, or "" when browsing."""
        return self._query

    @property
    def total(self) -> int:
        """How many sources the library holds (or how many hits the search found)."""
        return self._total

    def reload(self) -> None:
        """Start again from the first batch (or rerun the search)."""
        self.set_query(self._query)

    def set_engine(self, engine: "Engine") -> None:
        """Show the sources of the library at `engine`."""
        self._engine = engine
        self.reload()

    def set_query(self, query: str) -> None:
        """Show search results for `query`, or browse everything when it is blank."""
        self.beginResetModel()
        self._query = query.strip()
        if self._engine is None:
            self._rows, self._total = [], 0
            self.endResetModel()
            return
        from briefing.library import count_sources, search
        from briefing.listing import source_summaries
        from briefing.store import read_session

        with read_session(self._engine) as session:
            if self._query:
                hits = search(session, self._query, SEARCH_LIMIT)
                self._rows = [_row(source, hit.snippet) for source, hit in hits]
                self._total = len(self._rows)
            else:
                # The first batch comes with the reset, so a new view is never blank.
                self._rows = [_summary_row(s) for s in source_summaries(session, 0, BATCH)]
                self._total = count_sources(session)
        self.endResetModel()

    def source_id(self, row: int) -> int:
        """The source id shown at `row`."""
        return self._rows[row].id

    def row_of(self, source_id: int) -> int:
        """The row showing `source_id`, or -1 when it is not loaded."""
        return next((i for i, r in enumerate(self._rows) if r.id == source_id), -1)

    def update_grade(self, source_id: int, grade: str) -> None:
        """Show a new grade for a source without reloading."""
        row = self.row_of(source_id)
        if row >= 0:
            self._rows[row] = replace(self._rows[row], grade=grade)
            index = self.index(row, GRADE)
            self.dataChanged.emit(index, index)

    @override
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    @override
    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and not self._query and len(self._rows) < self._total

    @override
    def fetchMore(self, parent: Index) -> None:
        from briefing.listing import source_summaries
        from briefing.store import read_session

        if not self.canFetchMore(parent) or self._engine is None:
            return
        with read_session(self._engine) as session:
            summaries = source_summaries(session, len(self._rows), BATCH)
            batch = [_summary_row(s) for s in summaries]
        if not batch:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(batch) - 1)
        self._rows.extend(batch)
        self.endInsertRows()

    @override
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cell(index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.snippet.replace("[", "").replace("]", "") or row.title
        if role == SOURCE_ID_ROLE:
            return row.id
        return None

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return HEADERS[section]
        return None
