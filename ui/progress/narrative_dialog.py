"""Editing a unit's weekly narrative: 本周开展情况, 亮点, 问题, photo/video file names."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QPlainTextEdit, QWidget

from models.progress.narratives import get_narrative, save_narrative
from ui.common import operation


class NarrativeDialog(QDialog):
    def __init__(self, parent: QWidget | None, store, unit: dict, period: dict):
        super().__init__(parent)
        self.store, self.unit, self.period = store, unit, period
        self.setWindowTitle(self.tr("{0} · {1}").format(unit["name"], period["label"]))
        self.resize(560, 480)
        current = get_narrative(store, unit["id"], period["id"])
        self.fields = {}
        form = QFormLayout(self)
        for key, title, height in (
            ("activities", self.tr("本周开展情况："), 120),
            ("highlights", self.tr("亮点："), 70),
            ("problems", self.tr("存在问题："), 70),
            ("media", self.tr("图片/视频文件名（每行一个）："), 60),
        ):
            edit = QPlainTextEdit(current.get(key) or "", self)
            edit.setMinimumHeight(height)
            edit.setMaximumHeight(height + 60)  # a text box asks for ≈190 px: four of them would pass 700 px
            self.fields[key] = edit
            form.addRow(title, edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        texts = {k: e.toPlainText() for k, e in self.fields.items()}
        if operation.quick(self, lambda: save_narrative(self.store, self.unit["id"], self.period["id"], texts)).ok:
            super().accept()

    @classmethod
    def ask(cls, parent, store, unit: dict, period: dict) -> bool:
        return cls(parent, store, unit, period).exec() == QDialog.DialogCode.Accepted
