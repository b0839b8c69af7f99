"""Dialog to add or edit one liaison: unit, role, name and contact details, checked as typed."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from models.documents.contacts import ERROR
from models.liaisons.liaison import FIELD_TITLES, ROLES, check_fields
from ui.common import colours, msgbox

TEXT_FIELDS = ("name", "position", "office_phone", "mobile", "email", "fax", "remarks")


class LiaisonDialog(QDialog):
    """Build it, set the fields, call accept(); ``values()`` gives the fields, ``unit_id()`` the unit."""

    def __init__(self, units: list[dict], person: dict | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("编辑联络员") if person and person.get("id") else self.tr("新增联络员"))
        self.confirmed = False
        form = QFormLayout(self)
        self.unit = QComboBox(self)
        for unit in units:
            self.unit.addItem(unit["name"], unit["id"])
        if person and person.get("unit_id"):
            self.unit.setCurrentIndex(max(0, self.unit.findData(person["unit_id"])))
        self.unit.setEnabled(not (person and person.get("id")))
        form.addRow(self.tr("单位"), self.unit)
        self.role = QComboBox(self)
        self.role.addItems(list(ROLES))
        self.role.setCurrentText((person or {}).get("role") or ROLES[0])
        form.addRow(self.tr("角色"), self.role)
        self.edits: dict[str, QLineEdit] = {}
        for field in TEXT_FIELDS:
            edit = QLineEdit((person or {}).get(field) or "", self)
            self.edits[field] = edit
            form.addRow(FIELD_TITLES[field], edit)
        self.edits["mobile"].setPlaceholderText("13812345678")
        self.edits["office_phone"].setPlaceholderText("0874-6172266转8001")
        self.problems = QLabel(self)
        self.problems.setWordWrap(True)
        colours.set_warning(self.problems)
        form.addRow(self.problems)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def unit_id(self) -> str | None:
        return self.unit.currentData()

    def values(self) -> dict:
        return {"role": self.role.currentText(), **{k: e.text().strip() or None for k, e in self.edits.items()}}

    def accept(self) -> None:
        checks = check_fields(self.values())
        errors = [f"{FIELD_TITLES[k]}：{c.message}" for k, c in checks.items() if c.level == ERROR]
        for field, edit in self.edits.items():
            bad = field in checks and checks[field].level == ERROR
            edit.setStyleSheet(colours.field_style("#f8b4b4") if bad else "")
            edit.setToolTip(checks[field].message if field in checks else "")
        if errors:
            self.problems.setText("\n".join(errors))
            return
        warnings = [f"{FIELD_TITLES[k]}：{c.message}" for k, c in checks.items()]
        if warnings and not msgbox.question(self, self.tr("请确认"), "\n".join(warnings) + self.tr("\n\n仍然保存吗？")):
            return
        self.confirmed = True
        super().accept()
