"""Drafting the office's own notice from a received one: new 文号, office, dates, recipients, attachments."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from models.clock import today
from models.notices.notice import draft_issued_notice, get_notice
from models.store.database import Store
from ui.common import operation


class NoticeDraftDialog(QDialog):
    def __init__(self, store: Store, source_id: str, office: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.source = get_notice(store, source_id)
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("起草本级通知"))
        base = self.source["title"] or ""
        title = base if base.startswith("关于") else base[base.find("关于") :] if "关于" in base else base
        self.edits = {
            "doc_number": QLineEdit("", self),
            "issuer": QLineEdit(office or "", self),
            "title": QLineEdit(f"{office}{title}" if office else title, self),
            "issue_date": QLineEdit(today().isoformat(), self),
            "recipients": QLineEdit("", self),
            "period_start": QLineEdit(self.source["period_start"] or "", self),
            "period_end": QLineEdit(self.source["period_end"] or "", self),
        }
        self.edits["doc_number"].setPlaceholderText("麒区安办〔2021〕16号")
        self.edits["recipients"].setPlaceholderText(self.tr("各镇人民政府、街道办事处，区安委会成员单位，有关企业"))
        self.attachments = QListWidget(self)
        for attachment in self.source["attachments"]:
            item = QListWidgetItem(attachment["title"], self.attachments)
            item.setData(Qt.ItemDataRole.UserRole, attachment["id"])
            item.setCheckState(Qt.CheckState.Checked)
        form = QFormLayout(self)
        labels = ("文号(&N)", "发文机关", "标题", "成文日期", "主送(&R)", "活动开始", "活动结束")
        for label, edit in zip(labels, self.edits.values()):
            form.addRow(self.tr(label), edit)
        form.addRow(self.tr("转发的附件"), self.attachments)
        self.full_text = QCheckBox(self.tr("印发/转发全文(&F)（不选：只写简短的转发通知）"), self)
        form.addRow("", self.full_text)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        form.addRow(box)
        self.resize(720, 480)

    def chosen_attachments(self) -> list[str]:
        items = (self.attachments.item(i) for i in range(self.attachments.count()))
        return [i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked]

    def accept(self) -> None:
        from models.campaigns.office import office_for
        from models.notices.cover import cover_body

        changes = {key: edit.text().strip() or None for key, edit in self.edits.items()}
        campaign = {"id": self.source["campaign_id"]}
        office = office_for(self.store, campaign)
        changes["body"] = cover_body(self.store, self.source, office, full_text=self.full_text.isChecked())
        chosen = self.chosen_attachments()
        done = operation.quick(self, lambda: draft_issued_notice(self.store, self.source["id"], changes, chosen))
        if not done.ok:  # shown to the clerk, nothing saved
            return
        self.saved_id = done.value
        super().accept()
