"""The companion campaign's year-end summary (万里行/专项整治): the summary's parts with the register's.

Assembled from models.reports.summary and models.reports.register_part, which know nothing of each other's
documents (summary uses the register's paragraphs; this module uses both).
"""

from __future__ import annotations

from models.campaigns.office import office_for
from models.documents.cn_text import cn_date
from models.documents.pdf import blocks as b
from models.progress.totals import load_figures
from models.reports.protected import protected_words
from models.reports.register_part import CASES_TABLE, cases_table, register_paragraphs
from models.reports.summary import (
    DEFAULT_SECTIONS,
    MISSING,
    completeness_paragraphs,
    section_blocks,
    statistics_paragraphs,
    unit_table,
)
from models.store.database import Store


def companion_title(campaign: dict) -> str:
    return f"{campaign['year']}年{campaign.get('companion_title') or '安全生产万里行'}活动工作总结"


def companion_summary_document(store: Store, campaign: dict, report: dict | None = None) -> b.Document:
    """The year-end summary of the companion campaign: every period (the June weeks and the months after),
    the register's counts, the per-unit table and the exposed cases."""
    report = report or {}
    sections = report.get("sections_list") or [{"heading": h, "text": ""} for h in DEFAULT_SECTIONS]
    figures = load_figures(store, campaign["id"])

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
