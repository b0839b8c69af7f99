"""The end-of-campaign summary (活动总结): statistics paragraph, sections, per-unit table, weekly chart."""

from __future__ import annotations

import re

from models.campaigns.office import office_for
from models.documents.cn_text import cn_date, month_day, number, ordinal, percent
from models.documents.pdf import blocks as b
from models.liaisons.liaison import liaisons_by_unit
from models.progress.deadlines import summary_due_date
from models.progress.totals import Figures, load_figures
from models.reports.protected import protected_words
from models.reports.register_part import CASES_TABLE, cases_table, register_paragraphs
from models.store.database import Store

DEFAULT_SECTIONS = ("总体情况", "主要做法和成效", "特色亮点", "存在问题", "下一步工作")
MISSING = "【待补充】"
_SUFFIXES = ("人数", "人次", "场次", "次数")
_SUBHEADING = re.compile(r"^（[一二三四五六七八九十]+）")


def _core(indicator: dict) -> str:
    """The verb/noun part of a label: 参演人数 → 参演, 场次 → '' (the group names the activity)."""
    label, measure = indicator["label"] or "", indicator["measure"] or ""
    for suffix in (measure, *_SUFFIXES):
        if suffix and label.endswith(suffix):
            return label[: -len(suffix)]
    return label


def statistics_sentence(region_word: str, indicators: list[dict], totals: dict[str, float]) -> str:
    """全区共开展应急演练126场次，参演8,420人次；… — groups in layout order, only indicators with data."""
    groups: dict[str, list[str]] = {}
    for indicator in indicators:
        value = totals.get(indicator["id"])
        if value is None:
            continue
        group = indicator["group_label"] or ""
        parts = groups.setdefault(group, [])
        core, measure = _core(indicator), indicator["measure"] or ""
        if core:
            parts.append(f"{core}{number(value)}{measure}")
        else:
            parts.append(f"{'开展' + group if not parts else ''}{number(value)}{measure}")
    if not groups:
        return ""
    return f"{region_word or '全区'}共" + "；".join("，".join(p) for p in groups.values()) + "。"


def missing_indicators(indicators: list[dict], totals: dict[str, float]) -> list[str]:
    return [
        f"{i['group_label'] or ''}{'' if i['label'] == i['measure'] else i['label']}（{i['measure'] or ''}）"
        for i in indicators
        if i["id"] not in totals
    ]


def statistics_paragraphs(figures: Figures, region_word: str, *, week_label: str = "") -> list[b.Paragraph]:
    """The generated statistics with what is missing said plainly."""
    totals = figures.totals
    sentence = statistics_sentence(region_word, figures.indicators, totals)
    if not sentence:
        return [b.Paragraph(f"{MISSING}各单位尚未报送活动数据，统计数字暂缺。", missing=True)]
    last = figures.last_period()
    lead = week_label + "，" if week_label else (f"截至{month_day(last['end_date'])}，" if last else "")
    out = [b.Paragraph(lead + sentence)]
    lacking = missing_indicators(figures.indicators, totals)
    if lacking:
        out.append(b.Paragraph(f"{MISSING}以下指标尚无数据：{'、'.join(lacking)}。", missing=True))
    return out


def completeness_paragraphs(store: Store, figures: Figures, campaign_id: str) -> list[b.Paragraph]:
    names = {u["id"]: u["name"] for u in figures.units}
    silent = [names[u] for u in names if u not in figures.per_unit]
    liaisons = liaisons_by_unit(store, campaign_id)
    no_liaison = [u["name"] for u in figures.units if not liaisons.get(u["id"])]
    weeks = [p for p in figures.periods if p["seq"] in figures.reported]
    expected = len(names) * len(weeks)
    got = sum(len(figures.reported.get(p["seq"], ())) for p in weeks)
    out = []
    if expected:
        out.append(
            b.Paragraph(
                f"活动期间共{len(names)}个单位参加，{len(weeks)}周累计应报{expected}份、实报{got}份，"
                f"报送率{percent(got / expected)}。"
            )
        )
    if silent:
        out.append(b.Paragraph(f"{MISSING}尚未报送任何数据的单位：{'、'.join(silent)}。", missing=True))
    if no_liaison:
        out.append(b.Paragraph(f"{MISSING}尚未明确联络员的单位：{'、'.join(no_liaison)}。", missing=True))
    return out


def _header(indicator: dict) -> str:
    """Column head under its group: the label and, on its own line, the measure in brackets."""
    label, measure = indicator["label"] or "", indicator["measure"] or ""
    if not measure or label == measure:
        return label or measure
    return f"{label}\n({measure})"


def unit_table(figures: Figures, caption: str) -> b.Table:
    """One row per unit and a 合计 row, every indicator a column under its group (the PDF engine splits the
    columns over several tables when they do not fit across the page)."""
    columns = figures.indicators
    header = ["单位", *(_header(i) for i in columns)]
    groups = [i["group_label"] or "" for i in columns]
    rows = []
    ids = [i["id"] for i in columns]
    for unit in figures.units:
        values = figures.per_unit.get(unit["id"], {})
        rows.append([unit["name"], *[number(values[i]) if i in values else "—" for i in ids]])
    totals = figures.totals
    rows.append(["合计", *(number(totals[i]) if i in totals else "—" for i in ids)])
    return b.Table(caption, header, rows, note="注：“—”表示未报送。", groups=groups)


def weekly_chart(figures: Figures) -> b.Chart:
    """Per week, the people reached (the 人次 indicators summed), or the first indicator if none counts people."""
    people = [i for i in figures.indicators if i["measure"] == "人次"]
    chosen = people or figures.indicators[:1]
    caption = "各周活动参与人次" if people else f"各周{chosen[0]['label'] if chosen else '数据'}"
    labels, values = [], []
    for period in figures.periods:
        week = figures.per_week.get(period["seq"], {})
        labels.append(f"第{period['seq']}周")
        values.append(sum(week.get(i["id"], 0) for i in chosen))
    return b.Chart(caption, labels, values, "人次" if people else (chosen[0]["measure"] if chosen else ""))


def section_blocks(sections: list[dict], inserts: dict[int, list]) -> list:
    """The clerk's sections as 一、 headings and indented paragraphs; empty ones say so."""
    out: list = []
    for index, section in enumerate(sections):
        heading = (section.get("heading") or "").strip() or "（未命名）"
        out.append(b.Heading(f"{ordinal(index + 1)}、{heading}", 1))
        paragraphs = [p.strip() for p in (section.get("text") or "").splitlines() if p.strip()]
        for text in paragraphs:
            if _SUBHEADING.match(text) and len(text) <= 30 and not text.endswith("。"):
                out.append(b.Heading(text, 2))
            else:
                out.append(b.Paragraph(text))
        out.extend(inserts.get(index, []))
        if not paragraphs and not inserts.get(index):
            out.append(b.Paragraph(f"{MISSING}本部分内容尚未填写。", missing=True))
    return out


def default_title(campaign: dict, office_name: str | None = None) -> str:
    name = campaign.get("office_name") if office_name is None else office_name
    region = (name or "").replace("安全生产委员会办公室", "")
    return f"{region}{campaign['year']}年“安全生产月”活动总结"


def summary_document(store: Store, campaign: dict, report: dict | None = None) -> b.Document:
    report = report or {}
    office = office_for(store, campaign)
    sections = report.get("sections_list") or [{"heading": h, "text": ""} for h in DEFAULT_SECTIONS]
    figures = load_figures(store, campaign["id"])
    title = report.get("title") or default_title(campaign, office.name)
    doc = b.Document(title, author=office.name)
    doc.protected = protected_words(store, campaign["id"])
    stats = statistics_paragraphs(figures, office.region_word)
    last = figures.last_period()
    stats += register_paragraphs(store, campaign["id"], until=last["end_date"] if last else None, lead="活动期间，")
    stats += completeness_paragraphs(store, figures, campaign["id"])
    doc.add(b.Title(title), b.Blank())
    doc.add(*section_blocks(sections, {0: stats}))
    table_title, chart_title = "各单位活动开展情况统计表", "活动各周进展情况"
    cases = cases_table(store, campaign["id"], until=last["end_date"] if last else None)
    doc.add(b.Blank(), b.AttachmentNote([table_title, chart_title] + ([CASES_TABLE] if cases else [])), b.Blank(2))
    date = cn_date(summary_due_date(store, campaign["id"]) or campaign.get("end_date"))
    doc.add(b.Signature(office.name or f"{MISSING}发文机关", date))
    doc.add(b.PageBreak(), b.AttachmentLabel("附件1"), b.Blank(), b.Title(table_title), b.Blank())
    doc.add(unit_table(figures, ""))
    doc.add(b.PageBreak(), b.AttachmentLabel("附件2"), b.Blank(), b.Title(chart_title), b.Blank())
    doc.add(weekly_chart(figures))
    if cases:
        doc.add(b.PageBreak(), b.AttachmentLabel("附件3"), b.Blank(), b.Title(CASES_TABLE), b.Blank(), cases)
    return doc
