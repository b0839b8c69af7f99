"""Editing a campaign's indicator layout: groups, labels, measures, order, weekly/cumulative, 不大于 rule."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.campaigns.layouts import ACCUMULATIONS, header_text, layout_of, save_layout
from models.clock import new_id
from ui.common import file_dialogs, operation

COLUMNS = (
    ("group", "分组（表头第一行）"),
    ("label", "指标名称"),
    ("measure", "计量单位"),
    ("accumulation", "统计方式"),
    ("max_of", "不大于"),
)


class LayoutModel(QAbstractTableModel):
    """Layout items (dicts from models.campaigns.layouts.layout_of) as editable rows."""

    def __init__(self, items: list[dict], parent=None):
        super().__init__(parent)
        self.items = items

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def _limit_text(self, item: dict) -> str:
        other = next((o for o in self.items if o["code"] == item.get("max_of")), None)
        return header_text(other) if other else ""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        item, key = self.items[index.row()], COLUMNS[index.column()][0]
        if key == "accumulation":
            return ACCUMULATIONS.get(item.get("accumulation") or "weekly")
        if key == "max_of":
            return self._limit_text(item)
        return item.get(key) or ""

    def flags(self, index):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() else base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        item, key = self.items[index.row()], COLUMNS[index.column()][0]
        text = str(value).strip()
        if key == "accumulation":
            item[key] = "cumulative" if "累计" in text else "weekly"
        elif key == "max_of":
            other = next((o for o in self.items if text and text in (header_text(o), o["label"])), None)
            item[key] = other["code"] if other and other is not item else None
        else:
            item[key] = text or None
        self.dataChanged.emit(index, index)
        return True

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._headers()[section] if orientation == Qt.Orientation.Horizontal else str(section + 1)

    def _headers(self) -> tuple[str, ...]:
        """COLUMNS' titles in the UI language."""
        tr = self.tr
        return (tr("分组（表头第一行）"), tr("指标名称"), tr("计量单位"), tr("统计方式"), tr("不大于"))

    def reset(self, items: list[dict]) -> None:
        self.beginResetModel()
        self.items = items
        self.endResetModel()


class LayoutDialog(QDialog):
    def __init__(self, parent: QWidget | None, store, campaign: dict):
        super().__init__(parent)
        self.store, self.campaign = store, campaign
        self.setWindowTitle(self.tr("{0} 年指标表").format(campaign["year"]))
        self.resize(820, 560)
        self.model = LayoutModel(layout_of(store, campaign["id"]), self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setColumnWidth(0, 150)
        self.view.setColumnWidth(1, 170)
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("添加"), self.add_row),
            (self.tr("删除"), self.remove_row),
            (self.tr("上移"), lambda: self.move_row(-1)),
            (self.tr("下移"), lambda: self.move_row(1)),
            (self.tr("从空白统计表读取…"), self.from_template),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        hint = self.tr("统计方式填“按周”或“累计”；“不大于”填另一指标的名称（如 已整改 不大于 隐患排查·排查隐患）。")
        layout.addWidget(QLabel(hint, self))
        layout.addLayout(buttons)
        layout.addWidget(self.view)
        layout.addWidget(box)

    def _row(self) -> int:
        index = self.view.currentIndex()
        return index.row() if index.isValid() else -1

    def add_row(self) -> None:
        items = list(self.model.items)
        items.insert(
            self._row() + 1 if self._row() >= 0 else len(items), {"code": new_id(), "label": self.tr("新指标")}
        )
        self.model.reset(items)

    def remove_row(self) -> None:
        row = self._row()
        if row >= 0:
            self.model.reset([item for i, item in enumerate(self.model.items) if i != row])

    def move_row(self, step: int) -> None:
        row, items = self._row(), list(self.model.items)
        if 0 <= row and 0 <= row + step < len(items):
            items[row], items[row + step] = items[row + step], items[row]
            self.model.reset(items)
            self.view.setCurrentIndex(self.model.index(row + step, 0))

    def from_template(self) -> None:
        from models.progress.forms.template import layout_from_template

        name = file_dialogs.open_file(self, file_dialogs.TEMPLATE, self.tr("选择收到的空白统计表"), "Excel (*.xlsx)")
        if not name:
            return
        done = operation.quick(self, lambda: layout_from_template(name))
        if done.ok:
            self.model.reset(done.value)

    def accept(self) -> None:
        items = [dict(i) for i in self.model.items]
        if operation.quick(self, lambda: save_layout(self.store, self.campaign["id"], items)).ok:
            super().accept()  # otherwise the dialog stays open to correct it

    @classmethod
    def ask(cls, parent, store, campaign: dict) -> bool:
        return cls(parent, store, campaign).exec() == QDialog.DialogCode.Accepted
