"""Changing a week's due date and time (when the notice or the superior office changes it)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from models.campaigns.periods import update_period
from ui.common import operation


class PeriodDialog(QDialog):
    def __init__(self, parent: QWidget | None, store, period: dict):
        super().__init__(parent)
        self.store, self.period = store, period
        self.setWindowTitle(self.tr("修改截止时间：{0}").format(period["label"]))
        self.due_date = QLineEdit(period["due_date"] or "", self)
        self.due_date.setPlaceholderText("2021-06-07")
        self.due_time = QLineEdit(period["due_time"] or "", self)
        self.due_time.setPlaceholderText(self.tr("12:00（空 = 当天结束前）"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("截止日期："), self.due_date)
        form.addRow(self.tr("截止时间："), self.due_time)
        form.addRow(buttons)

    def accept(self) -> None:
        due_date, due_time = self.due_date.text().strip(), self.due_time.text()
        change = lambda: update_period(self.store, self.period["id"], due_date=due_date, due_time=due_time)  # noqa: E731
        if operation.quick(self, change).ok:
            super().accept()  # otherwise the dialog stays open to correct it

    @classmethod
    def ask(cls, parent, store, period: dict) -> bool:
        return cls(parent, store, period).exec() == QDialog.DialogCode.Accepted
