"""Dialog to add or edit one unit: name, category, parent."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from models.campaigns.units import CATEGORIES


class UnitDialog(QDialog):
    """Build it, set the fields, accept(); ``values()`` gives name/category/parent_id."""

    def __init__(self, units: list[dict], unit: dict | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("修改单位") if unit else self.tr("新增单位"))
        form = QFormLayout(self)
        self.name = QLineEdit((unit or {}).get("name") or "", self)
        form.addRow(self.tr("单位名称"), self.name)
        self.category = QComboBox(self)
        self.category.addItems(list(CATEGORIES))
        self.category.setCurrentText((unit or {}).get("category") or CATEGORIES[0])
        form.addRow(self.tr("类别"), self.category)
        self.parent_unit = QComboBox(self)
        self.parent_unit.addItem(self.tr("（无）"), None)
        own = (unit or {}).get("id")
        for other in units:
            if other["id"] != own:
                self.parent_unit.addItem("　" * other.get("depth", 0) + other["name"], other["id"])
        if unit and unit.get("parent_id"):
            self.parent_unit.setCurrentIndex(max(0, self.parent_unit.findData(unit["parent_id"])))
        form.addRow(self.tr("上级单位"), self.parent_unit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> dict:
        return {
            "name": self.name.text(),
            "category": self.category.currentText(),
            "parent_id": self.parent_unit.currentData(),
        }
