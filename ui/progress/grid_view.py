"""The weekly grid's table view: spreadsheet keys (Tab/Enter move, Delete clears), copy and paste of blocks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QTableView

from models.progress.grid import parse_clipboard
from ui.progress.grid_header import GroupHeaderView


class GridView(QTableView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHorizontalHeader(GroupHeaderView(self))
        self.horizontalHeader().setDefaultSectionSize(78)
        self.verticalHeader().setDefaultSectionSize(24)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setTabKeyNavigation(True)

    # -- moving like a spreadsheet -------------------------------------
    def move_to(self, row: int, col: int) -> None:
        model = self.model()
        if model is None or model.rowCount() == 0:
            return
        row = max(0, min(row, model.rowCount() - 1))
        col = max(0, min(col, model.columnCount() - 1))
        self.setCurrentIndex(model.index(row, col))

    def closeEditor(self, editor, hint) -> None:  # noqa: N802 - Qt override
        # Enter commits and goes down, as in Excel/WPS; Tab keeps Qt's "next cell".
        down = hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint if down else hint)
        if down:
            current = self.currentIndex()
            self.move_to(current.row() + 1, current.column())

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        current = self.currentIndex()
        if event.matches(QKeySequence.StandardKey.Paste):
            self.paste_clipboard()
        elif event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
        elif event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and self.state() != self.State.EditingState:
            self.clear_selection()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() == self.State.EditingState:
            event.accept()  # the editor's delegate commits, then closeEditor moves down
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and current.isValid():
            step = -1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1
            self.move_to(current.row() + step, current.column())
        else:
            super().keyPressEvent(event)

    # -- clipboard -------------------------------------------------------
    def _selected_cells(self) -> list[tuple[int, int]]:
        return sorted({(i.row(), i.column()) for i in self.selectedIndexes()})

    def paste_clipboard(self) -> None:
        text = QGuiApplication.clipboard().text()
        current = self.currentIndex()
        if text and current.isValid():
            self.model().paste(current.row(), current.column(), parse_clipboard(text))

    def copy_selection(self) -> None:
        cells = self._selected_cells()
        if not cells:
            return
        rows = range(cells[0][0], cells[-1][0] + 1)
        cols = range(min(c for _, c in cells), max(c for _, c in cells) + 1)
        model = self.model()
        text = "\n".join("\t".join(model.index(r, c).data() or "" for c in cols) for r in rows)
        QGuiApplication.clipboard().setText(text + "\n")

    def clear_selection(self) -> None:
        cells = self._selected_cells()
        if cells:
            self.model().clear(cells)
