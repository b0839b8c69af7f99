"""What the register of leads and exposed cases adds to reports: the sentence of the statistics paragraph
(受理违法线索…条，曝光典型案例…个) and the table of exposed cases as an attachment; the companion campaign's
year-end summary that uses them is models.reports.companion."""

from __future__ import annotations

from models.documents.cn_text import cn_date
from models.documents.pdf import blocks as b
from models.register.quotas import register_counts, register_sentence
from models.register.records import CASES, list_records
from models.store.database import Store

CASES_TABLE = "曝光典型案例一览表"


def register_paragraphs(store: Store, campaign_id: str, until: str | None = None, lead: str = "") -> list:
    sentence = register_sentence(register_counts(store, campaign_id, until))
    return [b.Paragraph(lead + sentence)] if sentence else []


def cases_table(store: Store, campaign_id: str, until: str | None = None) -> b.ListTable | None:
    """The exposed cases up to *until*, oldest first; None when there are none."""
    rows = [
        r
        for r in reversed(list_records(store, CASES, campaign_id))
        if not until or (r.get("published_on") or "") <= until
    ]
    if not rows:
        return None
    header = ["序号", "曝光日期", "曝光媒体", "标题", "涉及单位", "整改状态"]
    body = [
        [
            str(number),
            cn_date(r["published_on"]) if r.get("published_on") else "",
            r.get("medium") or "",
            r["title"],
            r.get("concerned") or r.get("unit_name") or "",
            r.get("status_label") or "",
        ]
        for number, r in enumerate(rows, start=1)
    ]
    return b.ListTable(header, body, [5, 14, 14, 36, 18, 10])  # text wraps in its column
