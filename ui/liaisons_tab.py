"""联络员 tab: each unit of the campaign and the liaisons it has named."""

from __future__ import annotations

from models.liaisons import liaison_rows
from ui.list_tab import ListTab
from ui.table_model import Column


class LiaisonsTab(ListTab):
    def columns(self) -> list[Column]:
        return [
            Column("unit_name", self.tr("单位")),
            Column("category", self.tr("类别")),
            Column("role", self.tr("角色")),
            Column("name", self.tr("姓名"), lambda r: r["name"] or self.tr("（未报联络员）")),
            Column("position", self.tr("职务")),
            Column("office_phone", self.tr("办公电话")),
            Column("mobile", self.tr("手机")),
            Column("email", self.tr("邮箱")),
        ]

    def load(self, campaign: dict) -> list[dict]:
        return liaison_rows(self.store, campaign["id"])

    def caption_text(self, rows: list[dict]) -> str:
        missing = sum(1 for r in rows if r["id"] is None)
        units = len({r["unit_id"] for r in rows})
        return self.tr("{0} 个单位，{1} 个未报联络员").format(units, missing)
