"""Reading a notice: paste its text or open a .txt/.docx/.pdf, check the proposed fields, save in one batch."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from models.campaigns.campaign import list_campaigns
from models.errors import ValidationError
from models.notices.notice import attachment_kind, save_parsed_notice
from models.notices.parser import found_anything, parse_notice, read_notice_file
from models.store.database import Store
from ui.common import colours, file_dialogs, msgbox, operation
from ui.notices.deadline_rows import DeadlinesEditor
from ui.notices.editor import NoticeEditor


class NoticeConfirmDialog(QDialog):
    def __init__(self, store: Store, campaign_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.campaign_id = campaign_id
        self.saved_id: str | None = None
        self.notice_year: int | None = None
        self.setWindowTitle(self.tr("登记通知：粘贴或打开通知，核对识别出的内容"))
        self.resize(1150, 680)
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(self.tr("在此粘贴通知全文（Ctrl+V），然后按“识别”（Ctrl+R）"))
        open_button = QPushButton(self.tr("打开文件(&O)…"), self)
        open_button.clicked.connect(self.choose_file)
        recognise = QPushButton(self.tr("识别(&R)"), self)
        recognise.clicked.connect(self.recognise)
        QShortcut(QKeySequence("Ctrl+R"), self, self.recognise)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        buttons = QHBoxLayout()
        buttons.addWidget(open_button)
        buttons.addWidget(recognise)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.text)
        left_layout.addWidget(self.message)
        self.editor = NoticeEditor(self)
        self.deadlines = DeadlinesEditor(self)
        self.year_warning = QLabel(self)
        self.year_warning.setWordWrap(True)
        colours.set_warning(self.year_warning)
        self.year_warning.hide()
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.year_warning)
        right_layout.addWidget(self.editor)
        right_layout.addWidget(self.deadlines)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(right)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setSizes([420, 730])
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        box.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("保存(&S)"))
        box.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addWidget(box)

    @classmethod
    def ask(cls, store: Store, campaign_id: str, parent: QWidget | None = None, text: str = "") -> str | None:
        """Show the dialog; the id of the saved notice, or None if cancelled."""
        dialog = cls(store, campaign_id, parent)
        if text:
            dialog.text.setPlainText(text)
            dialog.recognise()
        dialog.exec()
        return dialog.saved_id

    # -- reading -----------------------------------------------------------
    def choose_file(self) -> None:
        kinds = self.tr("通知 (*.txt *.docx *.pdf *.html *.htm);;所有文件 (*)")
        path = file_dialogs.open_file(self, file_dialogs.NOTICE, self.tr("打开通知"), kinds)
        if path:
            self.open_file(path)

    def open_file(self, path: str) -> None:
        # A .docx or a PDF's text layer (pypdf) is read off the GUI thread; refused, it is said and nothing changes.
        done = operation.run(self, self.tr("读取通知"), lambda _s, _p: read_notice_file(path))
        if not done.ok:
            return
        self.text.setPlainText(done.value)
        self.recognise()

    def recognise(self) -> None:
        body = self.text.toPlainText()
        if not body.strip():
            self.message.setText(self.tr("没有文字：请先粘贴通知全文或打开文件。"))
            return
        done = operation.run(self, self.tr("识别通知"), lambda _s, _p: parse_notice(body))
        if not done.ok:
            return
        parsed = done.value
        if found_anything(parsed):
            missing = [k for k in ("doc_number", "title", "issue_date") if not parsed[k]]
            self.message.setText(
                self.tr("已识别，请逐项核对后保存。") + (self.tr("未识别的项请手工填写。") if missing else "")
            )
        else:
            self.message.setText(self.tr("没有识别出任何字段：这可能不是一份通知。可以手工填写后保存。"))
        values = {
            **parsed,
            "body": body,
            "attachments": [{"title": t, "kind": attachment_kind(t)} for t in parsed["attachments"]],
        }
        self.editor.set_values(values)
        self.editor.mark_unsure(parsed["unsure"], parsed["confidence"])
        self.deadlines.set_parsed(parsed)
        self.notice_year = parsed["year"]
        self.show_year_warning()

    def campaign_year(self) -> int | None:
        return next((c["year"] for c in list_campaigns(self.store) if c["id"] == self.campaign_id), None)

    def show_year_warning(self) -> None:
        """A 2023 notice saved into the 2022 campaign would make June 2022 deadlines: say so before saving."""
        campaign, notice = self.campaign_year(), self.notice_year
        differs = bool(campaign and notice and campaign != notice)
        self.year_warning.setVisible(differs)
        if differs:
            self.year_warning.setText(
                self.tr(
                    "注意：这份通知是 {0} 年的，当前活动是 {1} 年。日期已按 {0} 年识别；"
                    "请确认要登记到 {1} 年的活动，或先切换到 {0} 年的活动。"
                ).format(notice, campaign)
            )

    # -- saving ------------------------------------------------------------
    def proposal(self) -> dict:
        once, recurring = self.deadlines.proposal()
        return {
            **self.editor.values(),
            "contacts": self.editor.contact_rows(),
            "attachments": self.editor.attachment_rows(),
            "deadlines": once,
            "recurring": recurring,
        }

    def accept(self) -> None:
        try:
            proposal = self.proposal()
        except ValidationError as exc:
            msgbox.warning(self, self.tr("不能保存"), str(exc))
            return
        if not proposal["title"]:
            msgbox.warning(self, self.tr("不能保存"), self.tr("请填写通知标题。"))
            return
        if self.year_warning.isVisible() and not msgbox.question(
            self, self.tr("通知年份与活动不同"), self.year_warning.text() + self.tr("\n\n仍要保存吗？")
        ):
            return
        done = operation.quick(  # one batch: nothing saved if refused
            self,
            lambda: save_parsed_notice(self.store, self.campaign_id, proposal, proposal["body"], proposal["direction"]),
        )
        if not done.ok:
            return
        self.saved_id = done.value
        super().accept()
