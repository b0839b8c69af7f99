"""Reporting periods of a campaign with their due dates (editable): the Monday–Sunday weeks of the June month,
and, when a companion campaign runs on (万里行, 专项整治, "与安全生产月同步启动，12月结束"), its calendar months
from June to its end (kind 'month', numbered after the weeks). Weekly figures go into weeks, the companion's
monthly table (rows 6月…12月) into months."""

from __future__ import annotations

import re
from datetime import date, timedelta

from models.errors import ValidationError
from models.notices import deadlines as notice_deadlines
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
    found = notice_deadlines.weekly_rule(store, campaign_id)
    if found and found["weekday"]:
        return found["weekday"], found["due_time"]
    return 1, None


def month_label(start: date, end: date) -> str:
    if start.day == 1 and (end + timedelta(days=1)).day == 1:
        return f"{start.month}月"
    return f"{start.month}月（{start.month}月{start.day}日—{end.month}月{end.day}日）"


def months_between(start: date, end: date) -> list[tuple[date, date]]:
    """Calendar months covering start..end; the first and last may be partial."""
    months = []
    cursor = start
    while cursor <= end:
        following = date(cursor.year + cursor.month // 12, cursor.month % 12 + 1, 1)
        months.append((cursor, min(following - timedelta(days=1), end)))
        cursor = following
    return months


def monthly_due(last_day: date, day_of_month: int | None) -> date:
    """A month's report is due on *day_of_month* of the next month (default the 5th), or its last day if shorter."""
    year, month = last_day.year + last_day.month // 12, last_day.month % 12 + 1
    day = max(1, int(day_of_month or 5))
    following = date(year + month // 12, month % 12 + 1, 1)
    return min(date(year, month, 1) + timedelta(days=day - 1), following - timedelta(days=1))


def plan_months(
    start: date, end: date, first_seq: int, day_of_month: int | None = None, due_time: str | None = None
) -> list[dict]:
    """The months from *start* to *end* as periods numbered from *first_seq*, each due in the month after."""
    return [
        {
            "seq": seq,
            "kind": "month",
            "start_date": first.isoformat(),
            "end_date": last.isoformat(),
            "due_date": monthly_due(last, day_of_month).isoformat(),
            "due_time": due_time,
            "label": month_label(first, last),
        }
        for seq, (first, last) in enumerate(months_between(start, end), start=first_seq)
    ]


def monthly_deadline(store: Store, campaign_id: str | None) -> tuple[int | None, str | None]:
    """Day of month and time of the campaign's monthly report from its notice (每月X日前), if it has one."""
    if not campaign_id:
        return None, None
    found = notice_deadlines.monthly_rule(store, campaign_id)
    return (found["day_of_month"], found["due_time"]) if found else (None, None)


def companion_months(store: Store, campaign: dict, after_seq: int) -> list[dict]:
    """The monthly periods of the companion campaign (it starts with the June month and runs to its end, e.g.
    6月…12月), numbered after the June weeks; none without a companion end later than the weeks."""
    end = campaign.get("companion_end_date")
    if not end or not campaign.get("start_date") or not campaign.get("end_date"):
        return []
    start, weeks_end = date.fromisoformat(campaign["start_date"]), date.fromisoformat(campaign["end_date"])
    companion_end = date.fromisoformat(end)
    if companion_end <= weeks_end:
        return []
    day, due_time = monthly_deadline(store, campaign.get("id"))
    return plan_months(start.replace(day=1), companion_end, after_seq + 1, day, due_time)


def add_month_periods(store: Store, campaign_id: str) -> int:
    """Add the companion campaign's months to a campaign that has only its weeks (e.g. made before months existed)."""
    campaign = store.get("campaigns", campaign_id)
    periods = list_periods(store, campaign_id)
    if any(p.get("kind") == "month" for p in periods):
        raise ValidationError("这个活动已经有月报期了。")
    if not campaign.get("companion_end_date"):
        raise ValidationError("请先填写延续活动（如“安全生产万里行”）的结束日期。")
    last_seq = max((p["seq"] for p in periods), default=0)
    if periods:
        weeks = [p for p in periods if (p.get("kind") or "week") == "week"]
        campaign = {
            **campaign,
            "start_date": min(p["start_date"] for p in weeks),
            "end_date": max(p["end_date"] for p in weeks),
        }
    planned = companion_months(store, campaign, last_seq)
    if not planned:
        raise ValidationError("延续活动的结束日期不晚于六月的最后一周，没有要加的月份。")
    with store.batch(f"添加月报期（{len(planned)} 个月）", source="periods") as batch:
        add_periods(batch, campaign_id, planned)
    return len(planned)


def period_kind_label(period: dict) -> str:
    return {"week": "周", "month": "月"}.get(period.get("kind") or "week", "期")


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
    planned += companion_months(store, campaign, len(planned))
    with store.batch("生成周次", source="periods") as batch:
        add_periods(batch, campaign_id, planned)
    return len(planned)


def due_from_notice(store: Store, campaign_id: str) -> int:
    """Set every week's due date/time from the campaign's weekly deadline (after its notice is registered)."""
    weekday, due_time = weekly_deadline(store, campaign_id)
    changed = 0
    with store.batch("按通知设置截止时间", source="periods") as batch:
        for period in list_periods(store, campaign_id):
            if (period.get("kind") or "week") != "week":
                continue
            due = next_weekday_after(date.fromisoformat(period["end_date"]), weekday)
            changed += batch.update("periods", period["id"], {"due_date": due.isoformat(), "due_time": due_time})
    return changed


def follow_weekly_rule(store: Store, campaign_id: str, before: tuple[int | None, str | None]) -> int:
    """One rule per week: after a notice brought the weekly report deadline (每周四12:00前), every week still due
    as the rule *before* said follows the new one; a week whose date the clerk changed by hand keeps it."""
    after = weekly_deadline(store, campaign_id)
    if after == before:
        return 0
    (old_day, old_time), (new_day, new_time) = before, after
    moves = []
    for period in list_periods(store, campaign_id):
        if (period.get("kind") or "week") != "week":
            continue
        end = date.fromisoformat(period["end_date"])
        old_due = next_weekday_after(end, old_day).isoformat() if old_day else None
        if period["due_date"] == old_due and (period["due_time"] or None) == (old_time or None):
            moves.append((period["id"], next_weekday_after(end, new_day).isoformat(), new_time))
    if not moves:
        return 0
    with store.batch(f"按通知设置截止时间（{len(moves)} 周）", source="periods") as batch:
        for period_id, due, due_time in moves:
            batch.update("periods", period_id, {"due_date": due, "due_time": due_time})
    return len(moves)


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


def get_period(store: Store, period_id: str | None) -> dict | None:
    return store.get("periods", period_id) if period_id else None


def find_period(store: Store, campaign_id: str, seq: int) -> dict | None:
    return store.row("SELECT * FROM periods WHERE campaign_id = ? AND seq = ?", (campaign_id, int(seq)))


def period_by_seq(store: Store, campaign_id: str, seq: int) -> dict:
    found = store.row("SELECT * FROM periods WHERE campaign_id = ? AND seq = ?", (campaign_id, int(seq)))
    if found is None:
        count = store.scalar("SELECT count(*) FROM periods WHERE campaign_id = ?", (campaign_id,))
        raise ValidationError(f"没有第 {seq} 周/期（本活动共 {count} 期）。")
    return found
