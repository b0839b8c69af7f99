"""What the register of leads and exposed cases adds to reports: the sentence of the statistics paragraph
(受理违法线索…条，曝光典型案例…个), the table of exposed cases as an attachment, and the year-end summary of
the companion campaign (万里行, 专项整治…, "12月结束") built from the same parts as the June summary."""

from __future__ import annotations

from models.documents.cn_text import cn_date
from models.documents.pdf import blocks as b
from models.progress.totals import load_figures
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


def companion_title(campaign: dict) -> str:
    return f"{campaign['year']}年{campaign.get('companion_title') or '安全生产万里行'}活动工作总结"


def companion_summary_document(store: Store, campaign: dict, report: dict | None = None) -> b.Document:
    """The year-end summary of the companion campaign: every period (the June weeks and the months after),
    the register's counts, the per-unit table and the exposed cases."""
    from models.reports.protected import protected_words
    from models.reports.summary import (
        DEFAULT_SECTIONS,
        MISSING,
        completeness_paragraphs,
        section_blocks,
        statistics_paragraphs,
        unit_table,
    )

    report = report or {}
    sections = report.get("sections_list") or [{"heading": h, "text": ""} for h in DEFAULT_SECTIONS]
    figures = load_figures(store, campaign["id"])
    from models.campaigns.office import office_for

    title = report.get("title") or companion_title(campaign)
    signer = office_for(store, campaign)
    office = signer.name
    doc = b.Document(title, author=office)
    doc.protected = protected_words(store, campaign["id"])
    stats = statistics_paragraphs(figures, signer.region_word)
    stats += register_paragraphs(store, campaign["id"], lead="活动期间，")
    stats += completeness_paragraphs(store, figures, campaign["id"])
    doc.add(b.Title(title), b.Blank())
    doc.add(*section_blocks(sections, {0: stats}))
    table_title = "各单位活动开展情况统计表"
    cases = cases_table(store, campaign["id"])
    attachments = [table_title] + ([CASES_TABLE] if cases else [])
    doc.add(b.Blank(), b.AttachmentNote(attachments), b.Blank(2))
    end = campaign.get("companion_end_date") or campaign.get("end_date")
    doc.add(b.Signature(office or f"{MISSING}发文机关", cn_date(end)))
    doc.add(b.PageBreak(), b.AttachmentLabel("附件1"), b.Blank(), b.Title(table_title), b.Blank())
    doc.add(unit_table(figures, ""))
    if cases:
        doc.add(b.PageBreak(), b.AttachmentLabel("附件2"), b.Blank(), b.Title(CASES_TABLE), b.Blank(), cases)
    return doc
