"""通知 tab: the notices received and issued in the campaign."""

from __future__ import annotations

from models.notices import DIRECTIONS, list_notices
from ui.list_tab import ListTab
from ui.table_model import Column


class NoticesTab(ListTab):
    def columns(self) -> list[Column]:
        return [
            Column("direction", self.tr("类别"), lambda r: DIRECTIONS.get(r["direction"], r["direction"])),
            Column("doc_number", self.tr("文号")),
            Column("title", self.tr("标题")),
            Column("issuer", self.tr("发文机关")),
            Column("issue_date", self.tr("成文日期")),
            Column("attachment_count", self.tr("附件"), align_right=True),
        ]

    def load(self, campaign: dict) -> list[dict]:
        return list_notices(self.store, campaign["id"])

    def caption_text(self, rows: list[dict]) -> str:
        return self.tr("共 {0} 份通知").format(len(rows))
