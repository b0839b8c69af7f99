"""Deadlines as tasks per unit: who delivered (when), who is late, who is missing; the status line."""

from __future__ import annotations

from datetime import date, timedelta

from models import clock
from models.campaigns.campaign import campaign_units, get_campaign
from models.campaigns.periods import get_period, list_periods, next_weekday_after
from models.campaigns.units import unit_name
from models.liaisons.liaison import first_named
from models.notices import deadlines as notice_deadlines
from models.progress.reporting import (
    LABELS,
    NOT_REPORTED,
    OVERDUE,
    PENDING,
    due_moment,
    period_due,
    status_of,
    week_reports,
)
from models.store.database import Store

STATUS_LABELS = LABELS  # the one vocabulary (models.progress.reporting): on_time, late, overdue, pending
DELIVERABLES = {"liaison": "联络员名单", "plan": "方案", "stats": "进展统计", "summary": "总结", "other": "其他"}


def list_deadlines(store: Store, campaign_id: str) -> list[dict]:
    return notice_deadlines.campaign_deadlines(store, campaign_id)


def summary_due_date(store: Store, campaign_id: str) -> str | None:
    """The date the summary is due (the 活动总结 deadline of the campaign's notice), if known."""
    deadlines = list_deadlines(store, campaign_id)
    dues = [d["due_date"] for d in deadlines if d["deliverable"] == "summary" and d["due_date"]]
    return min(dues) if dues else None


def _units_for(store: Store, campaign_id: str, audience: str | None) -> list[dict]:
    units = campaign_units(store, campaign_id)
    return [u for u in units if not audience or u["category"] == audience]


def _monthly_dues(campaign: dict, day: int) -> list[date]:
    start = date.fromisoformat(campaign["start_date"])
    end = date.fromisoformat(campaign.get("companion_end_date") or campaign["end_date"])
    dues, year, month = [], start.year, start.month
    while date(year, month, 1) <= end:
        last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
        due = date(year, month, min(day, last))
        if due >= start:
            dues.append(due)
        year, month = year + month // 12, month % 12 + 1
    return dues


def _moment(today: date | str) -> str:
    """ "As of" as an ISO string: a moment as given; the real today means now; another day, its start."""
    if isinstance(today, str):
        return today
    return clock.now() if today == clock.today() else today.isoformat()


def occurrences(store: Store, deadline: dict) -> list[dict]:
    """Each time a deadline falls due: once, every week of the campaign, or every month.

    The weekly statistics fall due when their week is due (the 报送情况 page's deadline, with its time);
    another weekly deadline on its weekday after the week.
    """
    if deadline["kind"] == "once":
        return [
            {"period_id": None, "due_date": deadline["due_date"], "label": "", "due": due_moment(deadline["due_date"])}
        ]
    if deadline["kind"] == "weekly":
        found = []
        for period in list_periods(store, deadline["campaign_id"]):
            if deadline["deliverable"] == "stats" and period["due_date"]:
                due, moment = period["due_date"], period_due(period)
            elif deadline["weekday"]:
                due = next_weekday_after(date.fromisoformat(period["end_date"]), deadline["weekday"]).isoformat()
                moment = due_moment(due)
            else:
                due, moment = period["due_date"], period_due(period)
            found.append({"period_id": period["id"], "due_date": due, "label": period["label"], "due": moment})
        return found
    campaign = get_campaign(store, deadline["campaign_id"])
    dues = _monthly_dues(campaign, deadline["day_of_month"] or 28) if campaign and campaign["start_date"] else []
    return [
        {"period_id": None, "due_date": d.isoformat(), "label": f"{d.month}月", "due": due_moment(d.isoformat())}
        for d in dues
    ]


def _automatic(store: Store, deadline: dict, period_id: str | None) -> dict[str, str | None]:
    """unit id → delivered date found in the data itself (liaisons named, weekly figures received)."""
    if deadline["deliverable"] == "liaison":
        return {unit_id: first[:10] for unit_id, first in first_named(store, deadline["campaign_id"]).items()}
    if deadline["deliverable"] == "stats" and period_id:
        return week_reports(store, get_period(store, period_id))
    return {}


def unit_statuses(store: Store, deadline: dict, occurrence: dict, today: date | str) -> list[dict]:
    """Per unit addressed: on time (with date), late, overdue or pending for one occurrence."""
    at_now = _moment(today)
    marked = notice_deadlines.marks(store, deadline["id"], occurrence["period_id"])
    automatic = _automatic(store, deadline, occurrence["period_id"])
    rows = []
    for unit in _units_for(store, deadline["campaign_id"], deadline["audience"]):
        mark = marked.get(unit["id"])
        at = mark["delivered_at"] if mark else automatic.get(unit["id"])
        delivered = mark is not None and bool(mark["delivered_at"]) or unit["id"] in automatic
        if deadline["kind"] == "monthly" and mark and at:
            previous = (date.fromisoformat(occurrence["due_date"]) - timedelta(days=31)).isoformat()
            delivered = at[:10] > previous
        rows.append(
            {
                "unit_id": unit["id"],
                "unit_name": unit["name"],
                "category": unit["category"],
                "delivered_at": at[:10] if delivered and at else None,
                "source": (mark["source"] if mark else "自动") if delivered else None,
                "status": status_of(delivered, at, occurrence["due"], at_now),
            }
        )
    return rows


def deadline_tasks(store: Store, campaign_id: str, today: date | str) -> list[dict]:
    """Every occurrence of every deadline with counts per status, soonest first."""
    tasks, at = [], _moment(today)
    for deadline in list_deadlines(store, campaign_id):
        for occurrence in occurrences(store, deadline):
            units = unit_statuses(store, deadline, occurrence, at)
            counts = {key: sum(1 for u in units if u["status"] == key) for key in STATUS_LABELS}
            what = f"{occurrence['label']} {deadline['what']}".strip()
            tasks.append(
                {
                    "deadline_id": deadline["id"],
                    "period_id": occurrence["period_id"],
                    "kind": deadline["kind"],
                    "due_date": occurrence["due_date"],
                    "what": what,
                    "counts": counts,
                    "units": units,
                }
            )
    return sorted(tasks, key=lambda t: t["due_date"] or "9999")


def mark_delivered(
    store: Store, deadline_id: str, unit_id: str, on: date | None, period_id: str | None = None, note: str = ""
) -> None:
    """The clerk marks a unit's delivery (on=None clears the mark)."""
    old = notice_deadlines.mark_of(store, deadline_id, unit_id, period_id)
    label = f"{'标记已交' if on else '取消已交'} {unit_name(store, unit_id)}"
    fields = {"delivered_at": f"{on.isoformat()}T00:00:00", "note": note or None, "source": "manual"} if on else None
    with store.batch(label) as batch:
        notice_deadlines.write_mark(batch, old, deadline_id, unit_id, period_id, fields)


def _day(today: date | str) -> date:
    return date.fromisoformat(today[:10]) if isinstance(today, str) else today


def overview(store: Store, campaign_id: str, today: date | str, horizon_days: int = 7) -> list[dict]:
    """By unit: what is overdue and what falls due within the horizon, still not delivered."""
    horizon = (_day(today) + timedelta(days=horizon_days)).isoformat()
    by_unit: dict[str, dict] = {}
    for task in deadline_tasks(store, campaign_id, today):
        if not task["due_date"] or task["due_date"] > horizon:
            continue
        for unit in task["units"]:
            if unit["status"] not in NOT_REPORTED:
                continue
            entry = by_unit.setdefault(
                unit["unit_id"], {"unit_id": unit["unit_id"], "unit_name": unit["unit_name"], "overdue": [], "soon": []}
            )
            key = "overdue" if unit["status"] == OVERDUE else "soon"
            entry[key].append(f"{task['due_date'][5:]} {task['what']}")
    return sorted(by_unit.values(), key=lambda e: (-len(e["overdue"]), e["unit_name"]))


def due_items(store: Store, campaign_id: str, today: date | str, horizon_days: int = 7) -> list[dict]:
    """What is overdue (still missing units) or due within the horizon, soonest first (the status line)."""
    at = _moment(today)
    horizon = (_day(today) + timedelta(days=horizon_days)).isoformat()
    items = []
    has_weekly_stats = False
    for task in deadline_tasks(store, campaign_id, at):
        has_weekly_stats |= task["kind"] == "weekly"
        if not task["due_date"] or task["due_date"] > horizon:
            continue
        missing = task["counts"][OVERDUE] + task["counts"][PENDING]
        if missing:
            overdue = task["counts"][OVERDUE] > 0
            items.append({"date": task["due_date"], "what": task["what"], "missing": missing, "overdue": overdue})
    if not has_weekly_stats:
        unit_ids = {unit["id"] for unit in campaign_units(store, campaign_id)}
        for period in list_periods(store, campaign_id):
            if not period["due_date"] or period["due_date"] > horizon:
                continue
            # as week_statuses has it: a unit whose report came is on time or late, every other one is the same
            missing = len(unit_ids.difference(week_reports(store, period)))
            if missing:
                items.append(
                    {
                        "date": period["due_date"],
                        "what": f"{period['label']}进展统计",
                        "missing": missing,
                        "overdue": status_of(False, None, period_due(period), at) == OVERDUE,
                    }
                )
    return sorted(items, key=lambda item: item["date"])
