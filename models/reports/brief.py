"""The weekly brief (周报) for one week: what happened, who reported and who was late, highlights, the week's table."""

from __future__ import annotations

from models.campaigns.office import office_for
from models.documents.cn_text import cn_date, percent
from models.documents.pdf import blocks as b
from models.errors import NotFound
from models.progress import completeness as status
from models.progress.narratives import narratives_of
from models.progress.reporting import LATE, NOT_REPORTED
from models.progress.totals import load_figures
from models.reports.protected import protected_words
from models.reports.register_part import register_paragraphs
from models.reports.summary import MISSING, section_blocks, statistics_paragraphs, unit_table
from models.store.database import Store


def default_title(campaign: dict, period: dict) -> str:
    return f"{campaign['year']}年“安全生产月”活动周报（第{period['seq']}周）"


def completeness(store: Store, campaign: dict, period: dict) -> dict:
    """Expected, reported, on time, late and missing units of the week, by name."""
    rows = status.unit_status(store, campaign["id"], period["id"])
    tally = status.counts(rows)
    return {
        "expected": tally["expected"],
        "reported": tally["reported"],
        "late": [r["unit"] for r in rows if r["status"] == LATE],
        "missing": [r["unit"] for r in rows if r["status"] in NOT_REPORTED],
        "rate": tally["rate"],
    }


def completeness_paragraphs(info: dict) -> list[b.Paragraph]:
    if not info["expected"]:
        return [b.Paragraph(f"{MISSING}本活动尚未设置报送单位。", missing=True)]
    on_time = info["reported"] - len(info["late"])
    out = [
        b.Paragraph(
            f"本周应报{info['expected']}个单位，已报{info['reported']}个，其中按时报送{on_time}个、"
            f"迟报{len(info['late'])}个，报送率{percent(info['rate'])}。"
        )
    ]
    if info["late"]:
        out.append(b.Paragraph(f"迟报单位：{'、'.join(info['late'])}。"))
    if info["missing"]:
        out.append(b.Paragraph(f"未报单位：{'、'.join(info['missing'])}。"))
    return out


def narrative_paragraphs(narratives: list[dict], field: str, none_text: str) -> list[b.Paragraph]:
    found = [n for n in narratives if (n.get(field) or "").strip()]
    if not found:
        return [b.Paragraph(none_text)]
    return [b.Paragraph(f"{n['unit_name']}：{n[field].strip()}") for n in found]


def weekly_document(store: Store, campaign: dict, period: dict | None, report: dict | None = None) -> b.Document:
    if period is None:
        raise NotFound("这份周报的周次已不存在。")
    report = report or {}
    title = report.get("title") or default_title(campaign, period)
    office = office_for(store, campaign)
    region = office.region_word
    week = load_figures(store, campaign["id"], only=period["seq"])
    to_date = load_figures(store, campaign["id"], upto=period["seq"])
    narratives = narratives_of(store, period["id"])
    label = period.get("label") or f"第{period['seq']}周"
    happened = statistics_paragraphs(week, region, week_label=f"{label}")
    cumulative = statistics_paragraphs(to_date, region, week_label="活动开展以来")
    parts = {
        0: happened
        + cumulative[:1]
        + register_paragraphs(store, campaign["id"], until=period["end_date"], lead="活动开展以来，"),
        1: completeness_paragraphs(completeness(store, campaign, period)),
        2: narrative_paragraphs(narratives, "highlights", "本周各单位报送材料中未提及亮点。"),
        3: narrative_paragraphs(narratives, "problems", "本周各单位未反映问题。"),
    }
    headings = ["本周活动开展情况", "各单位报送情况", "工作亮点", "存在问题"]
    written = report.get("sections_list") or []
    sections = [{"heading": h, "text": ""} for h in headings] + written
    doc = b.Document(title, author=office.name)
    doc.protected = protected_words(store, campaign["id"])
    doc.add(b.Title(title), b.Blank())
    doc.add(*section_blocks(sections, parts))
    table_title = f"第{period['seq']}周各单位活动开展情况统计表"
    doc.add(b.Blank(), b.AttachmentNote([table_title]), b.Blank(2))
    doc.add(b.Signature(office.name or f"{MISSING}发文机关", cn_date(period.get("due_date") or period["end_date"])))
    doc.add(b.PageBreak(), b.AttachmentLabel("附件"), b.Blank(), b.Title(table_title), b.Blank())
    doc.add(unit_table(week, ""))
    return doc
