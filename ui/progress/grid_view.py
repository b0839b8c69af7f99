"""The weekly grid's table view: spreadsheet keys (ui/common/sheet_view), copy and paste of blocks."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemView

from models.progress.grid import parse_clipboard
from ui.common.sheet_view import SheetView
from ui.common.table_tools import selected_block
from ui.progress.grid_header import GroupHeaderView


class GridView(SheetView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHorizontalHeader(GroupHeaderView(self))
        self.horizontalHeader().setDefaultSectionSize(78)
        self.verticalHeader().setDefaultSectionSize(24)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)

    def move_to(self, row: int, col: int) -> None:
        model = self.model()
        if model is None or model.rowCount() == 0:
            return
        row = max(0, min(row, model.rowCount() - 1))
        col = max(0, min(col, model.columnCount() - 1))
        self.setCurrentIndex(model.index(row, col))

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.state() != self.State.EditingState and event.matches(QKeySequence.StandardKey.Paste):
            self.paste_clipboard()
        elif self.state() != self.State.EditingState and event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
        else:
            super().keyPressEvent(event)

    # -- clipboard -------------------------------------------------------
    def paste_clipboard(self) -> None:
        text = QGuiApplication.clipboard().text()
        current = self.currentIndex()
        if text and current.isValid():
            self.model().paste(current.row(), current.column(), parse_clipboard(text))

    def copy_selection(self) -> None:
        """The block between the selection's corners as Excel/WPS take it (a whole city's grid at once)."""
        block = selected_block(self)
        if block is None:
            return
        rows, cols = block
        columns = list(range(cols[0], cols[-1] + 1))
        model = self.model()
        text = "\n".join("\t".join(model.row_texts(r, columns)) for r in range(rows[0], rows[-1] + 1))
        QGuiApplication.clipboard().setText(text + "\n")

    def clear_cells(self) -> None:
        cells = self.selected_cells()
        if cells:
            self.model().clear(cells)
