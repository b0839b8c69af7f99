"""The office's own notice drafted from a received one: a short cover notice (转发 form) by default — it names
the received notice, adds the office's deadlines taken from it and its contacts — or the full text after the
cover when the clerk chooses 印发/转发全文."""

from __future__ import annotations

from models.documents.cn_text import month_day
from models.store.database import Store

WEEKDAYS = "一二三四五六日"


def _deadline_sentence(row: dict) -> str | None:
    what = (row.get("what") or "").strip().rstrip("。；;")
    if not what:
        return None
    time = f"{row['due_time']}" if row.get("due_time") else ""
    if row["kind"] == "once" and row.get("due_date"):
        return f"请于{month_day(row['due_date'])}{time}前{_verb(what)}。"
    if row["kind"] == "weekly" and row.get("weekday"):
        return f"请于每周{WEEKDAYS[int(row['weekday']) - 1]}{time}前{_verb(what)}。"
    if row["kind"] == "monthly" and row.get("day_of_month"):
        return f"请于每月{int(row['day_of_month'])}日{time}前{_verb(what)}。"
    return None


def _verb(what: str) -> str:
    return what if what.startswith(("报送", "上报", "将", "把", "报")) else f"报送{what}"


def cover_body(store: Store, source: dict, office=None, *, full_text: bool = False) -> str:
    """The body of the office's notice: the cover paragraphs, and with *full_text* the received body after them.
    *office* (models.campaigns.office.Office) gives the contact line: its 填报人 and phone, never the superior's."""
    named = f"《{source['title']}》" if source.get("title") else "上级通知"
    if source.get("doc_number"):
        named += f"（{source['doc_number']}）"
    verb = "印发" if full_text and not source.get("issuer") else "转发"
    lines = [f"现将{named}{verb}给你们，请结合实际，认真抓好贯彻落实。"]
    deadlines = store.rows(
        "SELECT kind, due_date, weekday, day_of_month, due_time, what FROM deadlines WHERE notice_id = ?"
        " ORDER BY kind = 'once' DESC, due_date, weekday, day_of_month",
        (source["id"],),
    )
    sentences = [s for s in (_deadline_sentence(d) for d in deadlines) if s]
    if sentences:
        lines.append("有关要求如下：" + "".join(sentences))
    if office is not None and office.filler:
        phone = f"，联系电话：{office.phone}" if office.phone else ""
        lines.append(f"联系人：{office.filler}{phone}。")
    if full_text and source.get("body"):
        lines += ["", source["body"]]
    return "\n".join(lines)
