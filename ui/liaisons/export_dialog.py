"""Export of the filled liaison list: format, optional template, and an explicit choice about masking."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.common import file_dialogs
from ui.common.path_row import path_row


class LiaisonExportDialog(QDialog):
    """Build it, set ``out``/``template``/a mask radio, then accept(); ``options()`` gives the choice."""

    def __init__(self, default_out: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导出联络员名单"))
        self.out = QLineEdit(default_out, self)
        self.template = QLineEdit(self)
        self.template.setPlaceholderText(self.tr("留空：使用本程序的表格样式"))
        form = QFormLayout()
        form.addRow(self.tr("保存为（.xlsx 或 .pdf）"), path_row(self, self.out, self.tr("选择…"), self._choose_out))
        form.addRow(self.tr("按收到的模板填写"), path_row(self, self.template, self.tr("选择…"), self._choose_template))
        self.masked = QRadioButton(self.tr("隐去手机号和邮箱中间部分（138****1234），用于对外发送"), self)
        self.full = QRadioButton(self.tr("完整显示手机号和邮箱，仅供内部使用"), self)
        self.mask_group = QButtonGroup(self)
        for button in (self.masked, self.full):
            self.mask_group.addButton(button)
            button.toggled.connect(self._update)
        self.out.textChanged.connect(self._update)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.masked)
        layout.addWidget(self.full)
        layout.addWidget(self.buttons)
        self._update()

    def _choose_out(self) -> None:
        path = file_dialogs.save_file(
            self, file_dialogs.EXPORT, self.tr("保存为"), self.out.text(), "Excel (*.xlsx);;PDF (*.pdf)"
        )
        if path:
            self.out.setText(path)

    def _choose_template(self) -> None:
        path = file_dialogs.open_file(self, file_dialogs.TEMPLATE, self.tr("选择模板"), "Excel (*.xlsx)")
        if path:
            self.template.setText(path)

    def _update(self) -> None:
        # Masking is a decision about personal data: no default, the clerk picks one.
        ready = bool(self.out.text().strip()) and self.mask_group.checkedButton() is not None
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)

    def options(self) -> dict:
        return {
            "out": self.out.text().strip(),
            "template": self.template.text().strip() or None,
            "mask": self.masked.isChecked(),
        }

    @classmethod
    def ask(cls, default_out: str, parent: QWidget | None = None) -> dict | None:
        """The chosen options, or None if cancelled (tests monkeypatch this)."""
        dialog = cls(default_out, parent)
        return dialog.options() if dialog.exec() == QDialog.DialogCode.Accepted else None
