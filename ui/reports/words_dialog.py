"""不拆分的词: the names the clerk adds to those a line never breaks inside (kept in the file)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from models.documents.pdf.protect import shipped_words
from models.errors import ValidationError
from models.reports.protected import clerk_words, set_clerk_words
from ui.common import msgbox


class ProtectedWordsDialog(QDialog):
    def __init__(self, parent: QWidget | None, store):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("不拆分的词"))
        self.resize(480, 420)
        shipped = "、".join(shipped_words()[:12])
        intro = QLabel(
            self.tr(
                "排版时不会在这些人名、词语中间换行。每行写一个。\n"
                "程序已自动保护：领导人姓名（{0}等）、本活动联络员的姓名、文号、日期、带单位的数字、电话、邮箱和网址。"
            ).format(shipped),
            self,
        )
        intro.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setPlainText("\n".join(clerk_words(store)))
        self.text.setReadOnly(store.readonly)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if not self.store.readonly:
            try:
                set_clerk_words(self.store, self.text.toPlainText())
            except ValidationError as exc:
                msgbox.warning(self, self.tr("不能保存"), str(exc))
                return
        super().accept()

    @classmethod
    def ask(cls, parent, store) -> bool:
        return cls(parent, store).exec() == QDialog.DialogCode.Accepted
