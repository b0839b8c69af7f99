"""A read-only Qt table model over a list of dicts from the core."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    format: Callable[[dict], Any] | None = None
    align_right: bool = False

    def text(self, row: dict) -> str:
        value = self.format(row) if self.format else row.get(self.key)
        return "" if value is None else str(value)


class RowsModel(QAbstractTableModel):
    """Rows (dicts) shown through columns; ``set_rows`` replaces them all."""

    def __init__(self, columns: list[Column], parent=None):
        super().__init__(parent)
        self.columns = columns
        self.rows: list[dict] = []
        self.source_rows: list[dict] = []  # in the order the core gave them
        self.pinned_rows = 0  # the last rows (a 合计 row) stay last when sorted
        self.sorted_by: tuple[int, Qt.SortOrder] | None = None

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.source_rows = list(rows)
        self.rows = self._in_order(self.source_rows)
        self.endResetModel()

    def _in_order(self, rows: list[dict]) -> list[dict]:
        if self.sorted_by is None or not 0 <= self.sorted_by[0] < len(self.columns):
            return list(rows)
        from ui.common.table_sort import sort_key

        column, order = self.columns[self.sorted_by[0]], self.sorted_by[1]
        cut = len(rows) - self.pinned_rows if 0 < self.pinned_rows <= len(rows) else len(rows)
        body = sorted(rows[:cut], key=lambda r: sort_key(column.text(r)))
        if order == Qt.SortOrder.DescendingOrder:
            body.reverse()
        return body + rows[cut:]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: rows in that column's order (-1: as the core gave them); selections follow."""
        self.layoutAboutToBeChanged.emit()
        before = {id(row): n for n, row in enumerate(self.rows)}
        self.sorted_by = (column, order) if column >= 0 else None
        self.rows = self._in_order(self.source_rows)
        after = {id(row): n for n, row in enumerate(self.rows)}
        moves = {before[key]: after[key] for key in before if key in after}
        old = self.persistentIndexList()
        self.changePersistentIndexList(old, [self.index(moves.get(i.row(), i.row()), i.column()) for i in old])
        self.layoutChanged.emit()

    def row_at(self, index: Index) -> dict | None:
        return self.rows[index.row()] if index.isValid() and index.row() < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return column.text(self.rows[index.row()])
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title
        return str(section + 1)
