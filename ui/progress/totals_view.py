"""累计汇总: figures added up to a week, per unit, per unit category or per parent unit."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTableView, QVBoxLayout, QWidget

from models.progress.totals import cumulative_table, grouped
from ui.common.table_model import Column, RowsModel
from ui.common.table_tools import equip


def _fmt(value) -> str:
    return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


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
        self.by.currentIndexChanged.connect(self.refresh)
        self.caption = QLabel(self)
        self.model = RowsModel([], self)
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
        campaign, period = self.tab.campaign, self.tab.period
        if not campaign or not period:
            self.model.set_rows([])
            return
        table = cumulative_table(self.tab.store, campaign["id"], period["seq"])
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
        self.view.resizeColumnsToContents()
        self.caption.setText(table["title"])
