"""Has this unit reported? The one vocabulary and the one rule, for weekly reports and every other deadline.

A status is a code (``ON_TIME``, ``LATE``, ``OVERDUE``, ``PENDING``); the Chinese words the clerk reads
are ``LABELS``, put on at the edge (tables, exports, the command line).  ``status_of`` decides it from when
the thing arrived and when it was due; ``week_reports`` says which units sent a week's report and when
(figures, a narrative, or the clerk's mark on the week's statistics deadline), so the 报送情况 page, the
brief, the 截止事项 page and the status line give the same answer.
"""

from __future__ import annotations

from models.campaigns.campaign import campaign_units
from models.campaigns.periods import list_periods
from models.clock import now
from models.notices.deadlines import weekly_stats_marks
from models.progress.earlier import kept_rows
from models.store.database import Store

ON_TIME, LATE, OVERDUE, PENDING = "on_time", "late", "overdue", "pending"
LABELS = {ON_TIME: "已交", LATE: "逾期交", OVERDUE: "未交（逾期）", PENDING: "待交"}
REPORTED = (ON_TIME, LATE)
NOT_REPORTED = (OVERDUE, PENDING)


def label(status: str) -> str:
    return LABELS[status]


def due_moment(due_date: str | None, due_time: str | None = None) -> str | None:
    """A deadline as an ISO timestamp string (end of day if no time)."""
    if not due_date:
        return None
    time = due_time or "23:59:59"
    return f"{due_date[:10]}T{time if len(time) > 5 else time + ':00'}"


def period_due(period: dict) -> str | None:
    return due_moment(period.get("due_date"), period.get("due_time"))


def status_of(delivered: bool, delivered_at: str | None, due: str | None, at: str) -> str:
    """THE rule.  *delivered_at*, *due* (a due moment) and *at* (now) are ISO strings; a date alone is that day.

    Delivered after the due moment: late; not delivered and past it: overdue; otherwise on time / pending.
    A report without a date of arrival counts as on time.
    """
    if delivered:
        return LATE if delivered_at and due and delivered_at > due else ON_TIME
    return OVERDUE if due and at > due else PENDING


def received_by_unit(store: Store, period_id: str, figure_units=None) -> dict[str, str | None]:
    """unit id → when its figures or narrative for the period arrived (None: figures without a date).

    The units with figures are those of the week's figures as models.progress.earlier keeps them (the
    grid, the 报送情况 page and the status line read each week once until data changes), or
    *figure_units* when the caller has just read them.
    """
    sql = "SELECT unit_id, received_at FROM narratives WHERE period_id = ?"
    received = dict(store.conn.execute(sql, (period_id,)).fetchall())
    if figure_units is None:
        figure_units = [unit_id for unit_id, _, _ in kept_rows(store, period_id)]
    for unit_id in figure_units:
        received.setdefault(unit_id, None)
    return received


def week_reports(store: Store, period: dict) -> dict[str, str | None]:
    """unit id → when its report for the week arrived: the data itself, or the clerk's mark of delivery."""
    received = received_by_unit(store, period["id"])
    marks = weekly_stats_marks(store, period["id"])
    for mark in marks:
        received.setdefault(mark["unit_id"], mark["delivered_at"])
    return received


def week_statuses(store: Store, campaign_id: str, period: dict, at: str, units: list[dict] | None = None) -> dict:
    """unit id → (status, received at) for the units expected to report the week."""
    units = campaign_units(store, campaign_id) if units is None else units
    received, due = week_reports(store, period), period_due(period)
    missing = status_of(False, None, due, at)  # the same for every unit not reported (a city has thousands)
    out = {}
    for unit in units:
        unit_id = unit["id"]
        if unit_id in received:
            when = received[unit_id]
            out[unit_id] = (status_of(True, when, due, at), when)
        else:
            out[unit_id] = (missing, None)
    return out


def tally(statuses) -> dict:
    """Expected, reported, on time, late, missing (overdue + pending) and the rate, from status codes."""
    statuses = list(statuses)
    count = {code: statuses.count(code) for code in LABELS}
    expected, reported = len(statuses), count[ON_TIME] + count[LATE]
    return {
        "expected": expected,
        "reported": reported,
        "on_time": count[ON_TIME],
        "late": count[LATE],
        "missing": count[OVERDUE] + count[PENDING],
        "overdue": count[OVERDUE],
        "pending": count[PENDING],
        "rate": reported / expected if expected else 0.0,
    }


def week_overview(store: Store, campaign_id: str, at: str | None = None) -> list[dict]:
    """Per week: expected, reported, on time, late, missing, reporting rate."""
    at = at or now()
    units = campaign_units(store, campaign_id)
    overview = []
    for period in list_periods(store, campaign_id):
        statuses = week_statuses(store, campaign_id, period, at, units)
        overview.append({**period, **tally(status for status, _ in statuses.values())})
    return overview
