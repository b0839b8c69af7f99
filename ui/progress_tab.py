"""每周进展 tab: the weeks of the campaign and who has reported."""

from __future__ import annotations

from models.progress import week_overview
from ui.list_tab import ListTab
from ui.table_model import Column


class ProgressTab(ListTab):
    def columns(self) -> list[Column]:
        return [
            Column("label", self.tr("周次")),
            Column("due_date", self.tr("截止"), lambda r: f"{r['due_date'] or ''} {r['due_time'] or ''}".strip()),
            Column("expected", self.tr("应报"), align_right=True),
            Column("reported", self.tr("已报"), align_right=True),
            Column("on_time", self.tr("按时"), align_right=True),
            Column("late", self.tr("迟报"), align_right=True),
            Column("missing", self.tr("未报"), align_right=True),
            Column("rate", self.tr("报送率"), lambda r: f"{r['rate']:.0%}", align_right=True),
        ]

    def load(self, campaign: dict) -> list[dict]:
        return week_overview(self.store, campaign["id"])

    def caption_text(self, rows: list[dict]) -> str:
        return self.tr("共 {0} 周").format(len(rows))
