"""Editable Qt table models for the small lists inside a notice (contacts, attachments, deadlines)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from ui.common.table_model import Column, Index, RowsModel


class EditableRowsModel(RowsModel):
    """Rows the clerk edits in place; ``rows`` holds the edited dicts."""

    def __init__(self, columns: list[Column], editable: set[str], parent=None):
        super().__init__(columns, parent)
        self.editable = editable

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.columns[index.column()].key in self.editable:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.EditRole and index.isValid():
            return self.columns[index.column()].text(self.rows[index.row()])
        return super().data(index, role)

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        self.rows[index.row()][self.columns[index.column()].key] = str(value).strip() or None
        self.dataChanged.emit(index, index)
        return True

    def visible(self, rows: list[dict]) -> list[list[str]]:
        return [[column.text(row) for column in self.columns] for row in rows]

    def replace_rows(self, rows: list[dict]) -> None:
        """New rows; when they read the same as those shown (a save gave them ids), no reset: an editor stays."""
        if self.visible(rows) == self.visible(self.rows):
            for mine, theirs in zip(self.rows, rows):
                mine.clear()
                mine.update(theirs)
            return
        self.set_rows(rows)

    def append(self, row: dict) -> None:
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
        self.rows.append(row)
        self.endInsertRows()

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()
