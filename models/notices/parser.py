"""Reading a notice: its fields by the rules in notices.rules (files are read by notices.readers)."""

from __future__ import annotations

import re

from models.notices.notice import TEXT_FIELDS
from models.notices.readers import read_notice_file  # noqa: F401 - the parser's callers open files through it
from models.notices.rules import dates, header, lists, reports, tasks
from models.notices.rules.dates import make_date
from models.notices.rules.found import SURE, Found
from models.notices.rules.layout import prepare

FIELDS = (*TEXT_FIELDS, "deadlines", "recurring", "attachments", "contacts")


def parse_notice(text: str) -> dict:
    """Every field the rules are sure enough of; the rest stays None or [] and is named in `unsure` with why.

    `confidence` holds how sure each rule was (0–1); values below found.SHOWN are withheld, values below
    found.SURE are proposed but listed in `unsure` so the confirm dialog marks them for the clerk.
    """
    notice = prepare(text or "")
    fields: dict[str, Found] = {}
    fields["doc_number"] = header.doc_number(notice)
    issued, date_at = dates.issue_date(notice)
    fields["issue_date"] = Found(issued.value.isoformat(), issued.confidence, issued.note) if issued.value else issued
    heading = header.title(notice)
    fields["title"] = heading
    fields["issuer"] = header.issuer(notice, heading.value, date_at)
    fields["recipients"] = header.recipients(notice)
    fields["theme"] = header.theme(notice)
    year = header.notice_year(notice, _shown(fields["issue_date"]), _shown(fields["doc_number"]))
    span = dates.period(notice, year, heading.value, issued.value if issued.shown else None)
    start, end = span.value or (None, None)
    fields["period_start"] = Found(start.isoformat() if start else None, span.confidence, span.note)
    fields["period_end"] = Found(end.isoformat() if end else None, span.confidence, span.note)
    issued_on = issued.value if issued.shown else None
    due = tasks.deadlines(notice, year, issued_on)
    due, weekly = reports.weekly_lists(due)
    parsed: dict = {key: (f.value if f.shown else None) for key, f in fields.items()}
    parsed["deadlines"] = due
    parsed["recurring"] = _merged(reports.recurring(notice, year), weekly)
    parsed["attachments"] = lists.attachments(notice)
    parsed["contacts"] = lists.contacts(notice)
    parsed["confidence"] = {key: round(f.confidence, 2) for key, f in fields.items() if f.value not in (None, "")}
    parsed["unsure"] = _unsure(fields, parsed)
    parsed["year"] = year
    return {key: parsed[key] for key in (*FIELDS, "confidence", "unsure", "year")}


def _merged(rules: list[dict], listed: list[dict]) -> list[dict]:
    """每周五 printed and 6月7日、14日、21日 listed are one report: the list only adds its first and last date."""
    for item in listed:
        same = next((r for r in rules if (r["weekday"], r["time"]) == (item["weekday"], item["time"])), None)
        if same is None:
            rules.append(item)
        elif not same.get("from"):
            same.update({"from": item["from"], "until": item["until"]})
    return rules


def _shown(found: Found) -> str | None:
    return found.value if found.shown else None


def _unsure(fields: dict[str, Found], parsed: dict) -> dict[str, str]:
    """Field → why the clerk should look: withheld values, proposals below SURE, rules the app cannot keep."""
    notes = {}
    for key, found in fields.items():
        if found.value not in (None, "") and found.confidence < SURE:
            notes[key] = found.note or ("不够确定，未填入" if not found.shown else "请核对")
    odd = [r for r in parsed["recurring"] if not r.get("weekday") and not r.get("day_of_month")]
    if odd:
        named = "；".join(recurring_label(r) + (f" {r['time']}" if r.get("time") else "") for r in odd)
        notes["recurring"] = f"有不是每周或每月的报送要求（{named}），不能按单位逐期跟踪，请核对"
    return notes


_EVERY = {"daily": "每日", "quarterly": "每季度", "semiannual": "每半年"}


def recurring_label(item: dict) -> str:
    """每周一 / 每月15日 / 每日 / 每季度: how a recurring report is named to the clerk."""
    if item.get("weekday"):
        return f"每周{'一二三四五六日'[item['weekday'] - 1]}"
    if item.get("day_of_month"):
        return f"每月{item['day_of_month']}日"
    if days := re.fullmatch(r"days:(\d{1,2})", str(item.get("rule", "")).split(" ")[0]):
        return f"每{int(days[1])}天"
    if yearly := re.fullmatch(r"yearly:(\d{1,2})-(\d{1,2})", str(item.get("rule", "")).split(" ")[0]):
        return f"每年{int(yearly[1])}月{int(yearly[2])}日"
    if holidays := re.fullmatch(r"holidays:-(\d{1,2})", str(item.get("rule", "")).split(" ")[0]):
        return f"每个节假日前{int(holidays[1])}天"
    return _EVERY.get(str(item.get("rule", "")).split(" ")[0], "定期")


_WEEKDAY_NAMES = "一二三四五六日"


def recurring_from_label(label: str) -> dict | None:
    """The inverse of recurring_label, for what the clerk types: 每周一, 周四, 星期五, 每月15日, 每日, 每季度."""
    text = (label or "").strip().replace("星期", "周").replace("礼拜", "周").replace("天", "日")
    if found := re.fullmatch(r"(?:每)?周([一二三四五六日])", text):
        weekday = _WEEKDAY_NAMES.index(found[1]) + 1
        return {
            "rule": f"weekly:{('MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN')[weekday - 1]}",
            "weekday": weekday,
            "day_of_month": None,
        }
    if (found := re.fullmatch(r"(?:每月)?(\d{1,2})\s*[日号]?", text)) and 1 <= int(found[1]) <= 31:
        return {"rule": f"monthly:{int(found[1])}", "weekday": None, "day_of_month": int(found[1])}
    if (found := re.fullmatch(r"每(\d{1,2})日", text)) and 2 <= int(found[1]) <= 31:  # 每5天
        return {"rule": f"days:{int(found[1])}", "weekday": None, "day_of_month": None}
    if (found := re.fullmatch(r"每年(\d{1,2})月(\d{1,2})日", text)) and make_date(
        2024, int(found[1]), int(found[2]), None
    ):
        return {"rule": f"yearly:{int(found[1])}-{int(found[2])}", "weekday": None, "day_of_month": None}
    if (found := re.fullmatch(r"(?:每(?:个|逢)?)?(?:法定)?节假日(?:放假)?前(\d{1,2})日", text)) and int(found[1]) <= 30:
        return {"rule": f"holidays:-{int(found[1])}", "weekday": None, "day_of_month": None}
    for rule, name in _EVERY.items():
        if text == name:
            return {"rule": rule, "weekday": None, "day_of_month": None}
    return None


def found_anything(parsed: dict) -> bool:
    return any(parsed.get(key) for key in FIELDS)
