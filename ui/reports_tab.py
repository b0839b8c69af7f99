"""总结报告 tab: the campaign's summary, weekly briefs and their state."""

from __future__ import annotations

from models.reports import KINDS, STATES, list_reports
from ui.list_tab import ListTab
from ui.table_model import Column


class ReportsTab(ListTab):
    def columns(self) -> list[Column]:
        return [
            Column("kind", self.tr("类型"), lambda r: KINDS.get(r["kind"], r["kind"])),
            Column("title", self.tr("标题")),
            Column("period_label", self.tr("周次")),
            Column("state", self.tr("状态"), lambda r: STATES.get(r["state"], r["state"])),
            Column("updated_at", self.tr("修改时间"), lambda r: (r["updated_at"] or "").replace("T", " ")),
            Column("exported_at", self.tr("导出时间"), lambda r: (r["exported_at"] or "").replace("T", " ")),
        ]

    def load(self, campaign: dict) -> list[dict]:
        return list_reports(self.store, campaign["id"])

    def caption_text(self, rows: list[dict]) -> str:
        return self.tr("共 {0} 份报告").format(len(rows))
