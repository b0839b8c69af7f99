"""Preview of an import of returned liaison forms: nothing is written until the clerk confirms."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from models.liaisons.importer import describe


class LiaisonImportDialog(QDialog):
    """Shows per file and per cell what would be added, changed, left, refused."""

    def __init__(self, plan: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("导入联络员表 — 预览"))
        self.resize(760, 520)
        counts = plan["counts"]
        self.summary = QLabel(
            self.tr(
                "{0} 个文件：新增 {1} 人，修改 {2} 人，未变 {3} 人；错误 {4} 处，提醒 {5} 处，拒收 {6} 个文件。"
            ).format(
                len(plan["files"]),
                counts["added"],
                counts["changed"],
                counts["unchanged"],
                counts["errors"],
                counts["warnings"],
                counts["rejected"],
            ),
            self,
        )
        self.summary.setWordWrap(True)
        self.details = QPlainTextEdit("\n".join(describe(plan)), self)
        self.details.setReadOnly(True)
        self.details.setFont(QFont("monospace"))
        note = QLabel(self.tr("有错误的单元格不会导入；确认后整个导入可用“撤销”一步取消。"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = buttons.addButton(self.tr("导入"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(bool(counts["added"] or counts["changed"]))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, plan: dict, parent: QWidget | None = None) -> bool:
        """True if the clerk confirms the import (tests monkeypatch this)."""
        return cls(plan, parent).exec() == QDialog.DialogCode.Accepted
