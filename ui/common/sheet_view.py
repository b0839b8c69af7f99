"""A table view that takes keys as Excel/WPS do: the weekly grid and the liaison list are both typed into.

Typing starts an edit (the key replaces the cell), F2 or a double-click edits the text in place. Tab/Shift+Tab
commit and move along the row to the next editable cell, wrapping to the next (previous) row; Enter/Shift+Enter
commit and move down (up); an arrow commits and moves when the edit began by typing; Esc cancels; Delete clears
the selected cells. The keyboard focus never leaves the table by Tab: at the last cell it stays there.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QStyledItemDelegate, QTableView

_ARROWS = {
    Qt.Key.Key_Up: (-1, 0),
    Qt.Key.Key_Down: (1, 0),
    Qt.Key.Key_Left: (0, -1),
    Qt.Key.Key_Right: (0, 1),
}
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_CHORDS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier


class SheetDelegate(QStyledItemDelegate):
    """Decides what a key does inside an open editor; the view moves afterwards."""

    def __init__(self, view: SheetView):
        super().__init__(view)
        self.view = view

    def eventFilter(self, editor, event) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(editor, event)
        key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key == Qt.Key.Key_Escape:
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.RevertModelCache)
            return True
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            move = self.view.tab_step if key == Qt.Key.Key_Tab and not shift else self.view.back_tab_step
        elif key in _ENTER:
            move = self.view.up_step if shift else self.view.down_step
        elif key in _ARROWS and self.view.typing_edit and not event.modifiers() & _CHORDS:
            dr, dc = _ARROWS[key]
            move = lambda: self.view.arrow_step(dr, dc)  # noqa: E731 - the step after the commit
        else:
            return super().eventFilter(editor, event)
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        move()
        return True


class SheetView(QTableView):
    """QTableView with spreadsheet keys; ``clear_cells`` (Delete) is the subclass's to give."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.typing_edit = False  # the open edit began with a typed key (arrows commit and move)
        self.setItemDelegate(SheetDelegate(self))
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setTabKeyNavigation(True)

    # -- where a key goes ------------------------------------------------
    def _editable(self, row: int, col: int) -> bool:
        return bool(self.model().index(row, col).flags() & Qt.ItemFlag.ItemIsEditable)

    def _current(self) -> tuple[int, int] | None:
        model, current = self.model(), self.currentIndex()
        if model is None or model.rowCount() == 0 or model.columnCount() == 0:
            return None
        if not current.isValid():
            return (0, 0)
        return current.row(), current.column()

    def _go(self, row: int, col: int) -> None:
        index = self.model().index(row, col)
        self.setCurrentIndex(index)
        self.scrollTo(index)

    def _walk(self, cells) -> None:
        """Go to the first editable cell of *cells*; from a cell that cannot be edited, to the first one."""
        start = self._current()
        if start is None:
            return
        here_editable = self._editable(*start)
        for row, col in cells:
            if not here_editable or self._editable(row, col):
                self._go(row, col)
                return

    def tab_step(self) -> None:
        start = self._current()
        if start is None:
            return
        rows, cols = self.model().rowCount(), self.model().columnCount()
        first = start[0] * cols + start[1] + 1
        self._walk(divmod(n, cols) for n in range(first, rows * cols))

    def back_tab_step(self) -> None:
        start = self._current()
        if start is None:
            return
        cols = self.model().columnCount()
        self._walk(divmod(n, cols) for n in range(start[0] * cols + start[1] - 1, -1, -1))

    def down_step(self) -> None:
        start = self._current()
        if start is not None:
            self._walk((row, start[1]) for row in range(start[0] + 1, self.model().rowCount()))

    def up_step(self) -> None:
        start = self._current()
        if start is not None:
            self._walk((row, start[1]) for row in range(start[0] - 1, -1, -1))

    def arrow_step(self, dr: int, dc: int) -> None:
        start = self._current()
        if start is None:
            return
        row = max(0, min(start[0] + dr, self.model().rowCount() - 1))
        col = max(0, min(start[1] + dc, self.model().columnCount() - 1))
        self._go(row, col)

    # -- Qt overrides ----------------------------------------------------
    def focusNextPrevChild(self, next_: bool) -> bool:  # noqa: N802 - Qt override
        # Tab never leaves the table (QWidget sends Tab here before keyPressEvent).
        if self._current() is None:
            return super().focusNextPrevChild(next_)
        self.tab_step() if next_ else self.back_tab_step()
        return True

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key in _ENTER:
            self.up_step() if shift else self.down_step()
        elif key == Qt.Key.Key_Backtab or (key == Qt.Key.Key_Tab and shift):
            self.back_tab_step()
        elif key == Qt.Key.Key_Tab:
            self.tab_step()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not event.modifiers() & _CHORDS:
            self.clear_cells()
        else:
            text = event.text()
            self.typing_edit = bool(text and text.isprintable() and not event.modifiers() & _CHORDS)
            super().keyPressEvent(event)
            return
        event.accept()

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.typing_edit = False
        super().mouseDoubleClickEvent(event)

    def selected_cells(self) -> list[tuple[int, int]]:
        """The selected cells that show, in reading order (from the selection's ranges, not cell by cell)."""
        cells = set()
        for part in self.selectionModel().selection() if self.selectionModel() else []:
            columns = [c for c in range(part.left(), part.right() + 1) if not self.isColumnHidden(c)]
            for row in range(part.top(), part.bottom() + 1):
                if not self.isRowHidden(row):
                    cells.update((row, c) for c in columns)
        return sorted(cells)

    def clear_cells(self) -> None:
        """Delete/Backspace outside an edit; a view that can clear cells overrides this."""
