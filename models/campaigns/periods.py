"""Reporting periods: the Monday–Sunday weeks of a campaign with their due dates (editable)."""

from __future__ import annotations

import re
from datetime import date, timedelta

from models.errors import ValidationError
from models.store.database import Store
from models.store.history import Batch


def weeks_between(start: date, end: date) -> list[tuple[date, date]]:
    """Monday–Sunday weeks covering start..end; the first and last may be partial."""
    if end < start:
        raise ValidationError(f"结束日期 {end} 早于开始日期 {start}。")
    weeks = []
    cursor = start
    while cursor <= end:
        sunday = cursor + timedelta(days=6 - cursor.weekday())
        weeks.append((cursor, min(sunday, end)))
        cursor = sunday + timedelta(days=1)
    return weeks


def next_weekday_after(day: date, weekday: int) -> date:
    """The first date strictly after *day* that falls on *weekday* (1 = Monday)."""
    ahead = (weekday - 1 - day.weekday()) % 7 or 7
    return day + timedelta(days=ahead)


def week_label(seq: int, start: date, end: date) -> str:
    return f"第{seq}周（{start.month}月{start.day}日—{end.month}月{end.day}日）"


def plan_periods(start: date, end: date, due_weekday: int | None = 1, due_time: str | None = None) -> list[dict]:
    """The weeks of a campaign, each due on the first *due_weekday* after it ends (None: no due date)."""
    periods = []
    for seq, (first, last) in enumerate(weeks_between(start, end), start=1):
        due = next_weekday_after(last, due_weekday) if due_weekday else None
        periods.append(
            {
                "seq": seq,
                "start_date": first.isoformat(),
                "end_date": last.isoformat(),
                "due_date": due.isoformat() if due else None,
                "due_time": due_time,
                "label": week_label(seq, first, last),
            }
        )
    return periods


def weekly_deadline(store: Store, campaign_id: str) -> tuple[int | None, str | None]:
    """Weekday and time of the campaign's weekly report deadline from its notice (default Monday)."""
    found = store.row(
        "SELECT weekday, due_time FROM deadlines WHERE campaign_id = ? AND kind = 'weekly' ORDER BY created_at LIMIT 1",
        (campaign_id,),
    )
    if found and found["weekday"]:
        return found["weekday"], found["due_time"]
    return 1, None


def add_periods(batch: Batch, campaign_id: str, periods: list[dict]) -> list[str]:
    return [batch.insert("periods", {"campaign_id": campaign_id, **p}) for p in periods]


def generate_periods(store: Store, campaign_id: str) -> int:
    """Create the weeks of a campaign that has none yet, due as its notice says."""
    campaign = store.get("campaigns", campaign_id)
    if list_periods(store, campaign_id):
        raise ValidationError("这个活动已经有周次了。")
    if not campaign["start_date"] or not campaign["end_date"]:
        raise ValidationError("请先填写活动的开始和结束日期。")
    weekday, due_time = weekly_deadline(store, campaign_id)
    planned = plan_periods(
        date.fromisoformat(campaign["start_date"]), date.fromisoformat(campaign["end_date"]), weekday, due_time
    )
    with store.batch("生成周次", source="periods") as batch:
        add_periods(batch, campaign_id, planned)
    return len(planned)


def due_from_notice(store: Store, campaign_id: str) -> int:
    """Set every week's due date/time from the campaign's weekly deadline (after its notice is registered)."""
    weekday, due_time = weekly_deadline(store, campaign_id)
    changed = 0
    with store.batch("按通知设置截止时间", source="periods") as batch:
        for period in list_periods(store, campaign_id):
            due = next_weekday_after(date.fromisoformat(period["end_date"]), weekday)
            changed += batch.update("periods", period["id"], {"due_date": due.isoformat(), "due_time": due_time})
    return changed


_TIME = re.compile(r"^([01]?\d|2[0-3])[:：]([0-5]\d)$")


def update_period(store: Store, period_id: str, *, due_date: str | None, due_time: str | None) -> bool:
    """Change a week's due date/time (the clerk's correction of the notice)."""
    if due_date:
        try:
            date.fromisoformat(due_date)
        except ValueError as exc:
            raise ValidationError(f"截止日期“{due_date}”不是有效日期（例如 2021-06-07）。") from exc
    if due_time:
        match = _TIME.match(due_time.strip())
        if not match:
            raise ValidationError(f"截止时间“{due_time}”不对（例如 12:00）。")
        due_time = f"{int(match.group(1)):02d}:{match.group(2)}"
    with store.batch("修改截止时间", source="periods") as batch:
        return batch.update("periods", period_id, {"due_date": due_date or None, "due_time": due_time or None})


def list_periods(store: Store, campaign_id: str) -> list[dict]:
    return store.rows("SELECT * FROM periods WHERE campaign_id = ? ORDER BY seq", (campaign_id,))


def period_by_seq(store: Store, campaign_id: str, seq: int) -> dict:
    found = store.row("SELECT * FROM periods WHERE campaign_id = ? AND seq = ?", (campaign_id, int(seq)))
    if found is None:
        count = store.scalar("SELECT count(*) FROM periods WHERE campaign_id = ?", (campaign_id,))
        raise ValidationError(f"没有第 {seq} 周（本活动共 {count} 周）。")
    return found
