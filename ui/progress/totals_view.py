"""累计汇总: figures added up to a week, per unit, per unit category or per parent unit.

A city's table is 3,000 rows × 30 columns: its cells are formatted when first shown and kept until the next
refresh, and its columns are sized from a sample of rows (ui.common.table_tools.fit_columns).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTableView, QVBoxLayout, QWidget

from models.progress.totals import cumulative_table, grouped
from ui.common.table_model import Column, Index, RowsModel
from ui.common.table_tools import equip, fit_columns

_SHOWN = frozenset((int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)))
_ALIGN = Qt.ItemDataRole.TextAlignmentRole
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _fmt(value) -> str:
    return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


class TotalsModel(RowsModel):
    """RowsModel whose texts are made once a cell is shown and kept until ``set_rows``."""

    def __init__(self, parent=None):
        super().__init__([], parent)
        self._texts: dict[tuple[int, int], str] = {}

    def set_rows(self, rows: list[dict]) -> None:
        self._texts = {}
        super().set_rows(rows)

    def _in_order(self, rows: list[dict]) -> list[dict]:
        """A figures column sorts by the numbers themselves (as table_sort orders their texts: empty last),
        not by comparing 3,000 texts; the 单位 column as every table does."""
        column = self.sorted_by[0] if self.sorted_by else 0
        if not 0 < column < len(self.columns):
            return super()._in_order(rows)
        cut = len(rows) - self.pinned_rows if 0 < self.pinned_rows <= len(rows) else len(rows)
        at = column - 1
        body = sorted(rows[:cut], key=lambda r: (1, 0) if r["values"][at] is None else (0, r["values"][at]))
        if self.sorted_by[1] == Qt.SortOrder.DescendingOrder:
            body.reverse()
        return body + rows[cut:]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _SHOWN:
            return RIGHT if role == _ALIGN and index.column() > 0 else None  # every number right-aligned
        if not index.isValid():
            return None
        return self._text(index.row(), index.column())

    def _text(self, row: int, column: int) -> str:
        record = self.rows[row]
        key = (id(record), column)
        text = self._texts.get(key)
        if text is None:
            text = self._texts[key] = self.columns[column].text(record)
        return text

    def row_texts(self, row: int, columns: list[int]) -> list[str]:
        """What the cells of *row* show, without a Qt call per cell (the filter, export and print read it)."""
        return [self._text(row, c) for c in columns]


class TotalsView(QWidget):
    def __init__(self, tab, parent: QWidget | None = None):
        super().__init__(parent)
        self.tab = tab
        self.by = QComboBox(self)
        for key, text in (
            ("unit", self.tr("按单位")),
            ("category", self.tr("按单位类别")),
            ("parent_name", self.tr("按上级单位")),
        ):
            self.by.addItem(text, key)
        self.by.currentIndexChanged.connect(self._show)
        self._table: dict | None = None  # the per-unit table read last: 按单位类别 / 按上级单位 regroup it
        self.caption = QLabel(self)
        self.model = TotalsModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setAlternatingRowColors(True)
        self.model.pinned_rows = 1  # 合计 stays last
        equip(self.view, "progress/totals", lambda: self.caption.text() or self.tr("累计汇总"))
        top = QHBoxLayout()
        top.addWidget(self.caption, 1)
        top.addWidget(self.by)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view)

    def refresh(self) -> None:
        """Read the figures up to the week shown (the tab calls this when they may have changed)."""
        campaign, period = self.tab.campaign, self.tab.period
        self._table = cumulative_table(self.tab.store, campaign["id"], period["seq"]) if campaign and period else None
        self._show()

    def _show(self, *_args) -> None:
        table = self._table
        if table is None:
            self.model.set_rows([])
            return
        key = self.by.currentData()
        if key != "unit":
            table = grouped(table, key)
        columns = [Column("name", self.tr("单位"))]
        for col, indicator in enumerate(table["indicators"]):
            group = indicator["group_label"]
            title = f"{group}\n{indicator['label']}" if group and group != indicator["label"] else indicator["label"]
            columns.append(Column(f"c{col}", title, lambda r, c=col: _fmt(r["values"][c]), align_right=True))
        rows = [{"name": r["unit"]["name"], "values": r["values"]} for r in table["rows"]]
        rows.append({"name": self.tr("合计"), "values": table["total"]})
        self.model.columns = columns
        self.model.set_rows(rows)
        fit_columns(self.view, self._widest)
        self.caption.setText(table["title"])

    def _widest(self, column: int) -> list[int]:
        """Where a column's longest text is: the longest name; a sum of counts is widest in the 合计 row."""
        rows = self.model.rows
        if column == 0 and rows:
            return [max(range(len(rows)), key=lambda r: len(rows[r]["name"]))]
        return []  # the last row (合计) is always measured
