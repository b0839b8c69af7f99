"""Dialog to enter or change one lead or exposed case; its fields come from the core's description of the kind."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from models.errors import ValidationError
from models.register.records import Kind, add_record, update_record


class RecordDialog(QDialog):
    """One record of *kind*; saved (one undoable step) only when the core accepts every field."""

    def __init__(
        self,
        store,
        kind: Kind,
        campaign: dict,
        units: list[dict],
        record: dict | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.store, self.kind, self.campaign, self.record = store, kind, campaign, record
        self.setWindowTitle(self.tr("修改{0}").format(kind.noun) if record else self.tr("登记{0}").format(kind.noun))
        self.setMinimumWidth(460)
        self.inputs: dict[str, QWidget] = {}
        form = QFormLayout(self)
        for field in kind.fields:
            widget = self._input(field, units, (record or {}).get(field.name))
            label = QLabel(field.label + ("*" if field.required else "") + "：", self)
            label.setBuddy(widget)
            form.addRow(label, widget)
            self.inputs[field.name] = widget
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: palette(highlight);")
        form.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存(&S)"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.saved_id: str | None = None

    def _input(self, field, units: list[dict], value) -> QWidget:
        if field.kind == "unit":
            box = QComboBox(self)
            box.addItem(self.tr("（不填）"), None)
            for unit in units:
                box.addItem(unit["name"], unit["id"])
            box.setCurrentIndex(max(0, box.findData(value)))
            return box
        if field.choices:
            box = QComboBox(self)
            for code, label in field.choices.items():
                box.addItem(label, code)
            box.setCurrentIndex(max(0, box.findData(value)))
            return box
        line = QLineEdit(self)
        line.setText(value or "")
        if field.kind == "date":
            line.setPlaceholderText(self.tr("例如 2024-07-03 或 7月3日"))
        return line

    def values(self) -> dict:
        return {
            name: widget.currentData() if isinstance(widget, QComboBox) else widget.text()
            for name, widget in self.inputs.items()
        }

    def save(self) -> None:
        try:
            if self.record:
                update_record(self.store, self.kind, self.campaign, self.record["id"], self.values())
                self.saved_id = self.record["id"]
            else:
                self.saved_id = add_record(self.store, self.kind, self.campaign, self.values())
        except ValidationError as exc:
            self.message.setText(str(exc))  # said in place; nothing is saved
            name = next((f.name for f in self.kind.fields if f.label == exc.where), None)
            if name:
                self.inputs[name].setFocus()
            return
        self.accept()
