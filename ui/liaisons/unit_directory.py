"""The units directory window: add, edit, reorder, deactivate, import a list, add units to the campaign."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.campaigns import units as unit_core
from models.campaigns.unit_import import entries_from_rows, import_units, pasted_rows, read_unit_rows
from ui.common import file_dialogs, msgbox, operation
from ui.common.table_model import Column, RowsModel
from ui.common.table_sort import SortProxy
from ui.common.table_tools import equip
from ui.liaisons.unit_dialog import UnitDialog


class UnitDirectory(QDialog):
    """Non-modal in tests: build it, call the action methods, read ``model.rows``."""

    def __init__(self, store, campaign: dict | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.campaign = campaign
        self.setWindowTitle(self.tr("单位名录"))
        self.resize(820, 560)
        self.model = RowsModel(
            [
                Column("name", self.tr("单位名称"), lambda r: "　" * r["depth"] + r["name"]),
                Column("category", self.tr("类别")),
                Column("parent_name", self.tr("上级单位")),
                Column("in_campaign", self.tr("本次活动"), lambda r: "✓" if r["in_campaign"] else ""),
                Column("active", self.tr("状态"), lambda r: self.tr("在用") if r["active"] else self.tr("已停用")),
            ],
            self,
        )
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.view = QTableView(self)
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setResizeContentsPrecision(50)  # widths from the first rows: fast
        self.view.doubleClicked.connect(lambda _i: self.edit_selected())
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索单位"))
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        equip(self.view, "units/directory", self.tr("单位名录"), search=self.search)
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("新增"), self.add),
            (self.tr("修改"), self.edit_selected),
            (self.tr("上移"), lambda: self.move(-1)),
            (self.tr("下移"), lambda: self.move(1)),
            (self.tr("停用/恢复"), self.toggle_active),
            (self.tr("删除"), self.delete_selected),
            (self.tr("加入本次活动"), self.join_campaign),
            (self.tr("从 Excel 导入…"), self.import_file),
            (self.tr("粘贴名单…"), self.paste_list),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        joined = unit_core.campaign_unit_ids(self.store, self.campaign["id"]) if self.campaign else set()
        rows = unit_core.list_units(self.store)
        for row in rows:
            row["in_campaign"] = row["id"] in joined
        self.model.set_rows(rows)
        self.view.resizeColumnsToContents()

    def selected(self) -> dict | None:
        index = self.proxy.mapToSource(self.view.currentIndex())
        return self.model.row_at(index)

    def _run(self, action) -> None:
        if not operation.quick(self, action).ok:  # shown to the clerk; nothing was written
            return
        self.refresh()
        window = self.parent().window() if self.parent() else None
        if window is not None and hasattr(window, "refresh"):
            window.refresh()

    def add(self) -> None:
        dialog = UnitDialog(self.model.rows, None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            campaign_id = self.campaign["id"] if self.campaign else None
            self._run(lambda: unit_core.add_unit(self.store, **dialog.values(), campaign_id=campaign_id))

    def edit_selected(self) -> None:
        unit = self.selected()
        if unit is None:
            return
        dialog = UnitDialog(self.model.rows, unit, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._run(lambda: unit_core.edit_unit(self.store, unit["id"], **dialog.values(), notes=unit["notes"]))

    def move(self, delta: int) -> None:
        unit = self.selected()
        if unit:
            self._run(lambda: unit_core.move_unit(self.store, unit["id"], delta))

    def toggle_active(self) -> None:
        unit = self.selected()
        if unit:
            self._run(lambda: unit_core.set_active(self.store, unit["id"], not unit["active"]))

    def delete_selected(self) -> None:
        unit = self.selected()
        if unit and msgbox.question(self, self.tr("删除单位"), self.tr("删除“{0}”吗？").format(unit["name"])):
            self._run(lambda: unit_core.delete_unit(self.store, unit["id"]))

    def join_campaign(self) -> None:
        unit = self.selected()
        if unit and self.campaign:
            self._run(lambda: unit_core.add_units_to_campaign(self.store, self.campaign["id"], [unit["id"]]))

    def import_file(self) -> None:
        path = file_dialogs.open_file(self, file_dialogs.UNITS, self.tr("选择单位名单"), "Excel (*.xlsx)")
        if path:
            self._run(lambda: self._import(entries_from_rows(read_unit_rows(path), path)))

    def paste_list(self) -> None:
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("粘贴名单"), self.tr("每行一个单位（可从 Excel 复制）：")
        )
        if ok and text.strip():
            self._run(lambda: self._import(entries_from_rows(pasted_rows(text))))

    def _import(self, entries: list[dict]) -> None:
        campaign_id = self.campaign["id"] if self.campaign else None
        result = import_units(self.store, entries, campaign_id)
        lines = [f"第 {e['line']} 行 {e['name']}：{e['error']}" for e in result["errors"]]
        msgbox.information(
            self,
            self.tr("导入单位"),
            self.tr("新增 {0} 个，已有 {1} 个，错误 {2} 行。").format(
                len(result["added"]), len(result["matched"]), len(result["errors"])
            )
            + ("\n" + "\n".join(lines[:20]) if lines else ""),
        )


def show_directory(store, campaign, parent) -> UnitDirectory:
    dialog = UnitDirectory(store, campaign, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
