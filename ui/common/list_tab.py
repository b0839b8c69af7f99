"""A tab that lists rows of the selected campaign in a table, with a search box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.store.database import Store
from ui.common.table_model import Column, RowsModel
from ui.common.table_sort import SortProxy
from ui.common.table_tools import equip


class ListTab(QWidget):
    """Subclasses give ``columns()`` and ``load(campaign)`` (rows from the core)."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.campaign: dict | None = None
        self.model = RowsModel(self.columns(), self)
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setResizeContentsPrecision(50)  # widths from the first rows: fast
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索（输入任意文字筛选）"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.caption = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(self.caption, 1)
        top.addWidget(self.search)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view)
        equip(self.view, type(self).__name__, self.table_title, search=self.search)

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def load(self, campaign: dict) -> list[dict]:
        raise NotImplementedError

    def caption_text(self, rows: list[dict]) -> str:
        return ""

    def table_title(self) -> str:
        """The title of the list when exported or printed."""
        return self.caption.text()

    def set_campaign(self, campaign: dict | None) -> None:
        self.campaign = campaign
        self.refresh()

    def refresh(self) -> None:
        rows = self.load(self.campaign) if self.campaign else []
        self.model.set_rows(rows)
        self.caption.setText(self.caption_text(rows))
        self.view.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            if self.view.columnWidth(column) > 360:
                self.view.setColumnWidth(column, 360)
