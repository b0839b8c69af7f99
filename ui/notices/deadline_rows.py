"""The deadlines of a notice being registered: one-off dates and recurring reports the clerk adds, edits, removes."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from models.errors import ValidationError
from models.notices.parser import recurring_from_label, recurring_label
from ui.common import colours
from ui.common.table_model import Column
from ui.notices.editor import _table
from ui.notices.tables import EditableRowsModel

ONCE, EVERY = "一次", "定期"
_TIME = re.compile(r"^([01]?\d|2[0-3])[:：]([0-5]\d)$")


PROBLEM_TINT = QColor("#fde2c8")
UNSURE_TINT = QColor("#fff3b0")


class DeadlineRowsModel(EditableRowsModel):
    """Rows {kind, date, time, what}; a recurring row's date is its rule in words (每周一, 每月15日)."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self.rows[index.row()] if index.isValid() else {}
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid():
            if problem(row):
                return QBrush(colours.cell_background(PROBLEM_TINT))
            if row.get("unsure"):
                return QBrush(colours.cell_background(UNSURE_TINT))  # proposed by the parser, not sure: checked
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid() and (problem(row) or row.get("unsure")):
            return QBrush(colours.text_on(colours.cell_background(PROBLEM_TINT if problem(row) else UNSURE_TINT)))
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid():
            return "\n".join(text for text in (row.get("unsure"), problem(row)) if text) or None
        return super().data(index, role)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        changed = super().setData(index, value, role)
        if changed:
            self.rows[index.row()].pop("unsure", None)  # the clerk has looked at it
        return changed


def problem(row: dict) -> str:
    """Why a row cannot be saved as it stands ('' when it can)."""
    if not (row.get("what") or "").strip():
        return "请填写报送内容。"
    if row.get("time") and not _TIME.match(row["time"]):
        return "时间应写成 18:00 这样的格式。"
    if row["kind"] == ONCE:
        try:
            date.fromisoformat(row.get("date") or "")
        except ValueError:
            return "日期应写成 2021-05-21 这样的格式。"
        return ""
    rule = recurring_from_label(row.get("date") or "")
    if rule is None:
        return "周期应写成“每周一”“每月15日”“每日”“每季度”“每半年”“每年1月15日”或“每5天”。"
    if not rule["weekday"] and not rule["day_of_month"]:
        return UNTRACKED
    return ""


# kept, but not tracked unit by unit: 每日, 每季度, 每半年, 每年…, 每N天, 节假日前…
UNTRACKED = "这种周期（不是每周或每月）的报送不能按单位逐期跟踪，保存时不会生成截止事项；可改为每周或每月。"


class DeadlinesEditor(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = DeadlineRowsModel(
            [
                Column("kind", self.tr("类型")),
                Column("date", self.tr("日期/周期")),
                Column("time", self.tr("时间")),
                Column("what", self.tr("报送内容")),
            ],
            {"date", "what", "time"},
            self,
        )
        self.view = _table(self.model, self)
        self.add_once_button = add_once = QPushButton(self.tr("添加截止日期"), self)
        add_once.clicked.connect(lambda: self.add(ONCE))
        self.add_every_button = add_every = QPushButton(self.tr("添加定期报送"), self)
        add_every.clicked.connect(lambda: self.add(EVERY))
        self.remove_button = remove = QPushButton(self.tr("删除所选"), self)
        remove.clicked.connect(lambda: self.model.remove(self.view.currentIndex().row()))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("截止事项（将按单位跟踪报送情况）"), self))
        bar.addStretch(1)
        for button in (add_once, add_every, remove):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        layout.addWidget(self.note)

    def add(self, kind: str) -> None:
        self.model.append({"kind": kind, "date": "每周一" if kind == EVERY else "", "time": None, "what": ""})
        self.view.setCurrentIndex(self.model.index(self.model.rowCount() - 1, 1))
        self.view.edit(self.model.index(self.model.rowCount() - 1, 1))

    def set_parsed(self, parsed: dict) -> None:
        rows = [
            {"kind": ONCE, "date": d["date"], "time": d.get("time"), "what": d["what"], "unsure": d.get("unsure")}
            for d in parsed["deadlines"]
        ]
        rows += [
            {"kind": EVERY, "date": recurring_label(r), "time": r["time"], "what": r["what"], "unsure": r.get("unsure")}
            for r in parsed["recurring"]
        ]
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()
        self.note.setText(parsed.get("unsure", {}).get("recurring", ""))

    def proposal(self) -> tuple[list[dict], list[dict]]:
        """(one-off deadlines, recurring reports) as the core saves them; refuses a row it cannot read."""
        once, every = [], []
        for number, row in enumerate(self.model.rows, start=1):
            why = problem(row)
            if why and why != UNTRACKED:
                raise ValidationError(f"截止事项第 {number} 行：{why}")
            time = _TIME.sub(lambda m: f"{int(m[1]):02d}:{m[2]}", row["time"]) if row.get("time") else None
            if row["kind"] == ONCE:
                once.append({"date": row["date"], "time": time, "what": row["what"].strip()})
            else:
                every.append({**recurring_from_label(row["date"]), "time": time, "what": row["what"].strip()})
        return once, every
