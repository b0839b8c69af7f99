"""The liaison list's table: typed into like a spreadsheet (ui/common/sheet_view); Delete empties contact cells."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView

from ui.common.sheet_view import SheetView


class LiaisonView(SheetView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setStretchLastSection(True)
        # Widths from the first rows (and those in sight): over all 600 liaisons of a district it took ≈0.5 s of
        # the GUI thread after every edit.
        self.horizontalHeader().setResizeContentsPrecision(50)
        self.verticalHeader().setDefaultSectionSize(26)

    def clear_cells(self) -> None:
        proxy = self.model()
        cells = [(proxy.mapToSource(proxy.index(r, c)).row(), c) for r, c in self.selected_cells()]
        if cells:
            proxy.sourceModel().clear(cells)
