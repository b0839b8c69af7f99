"""Weekly progress: completeness of each week's reports, figures per week."""

from __future__ import annotations

from models.campaigns.campaign import campaign_units
from models.campaigns.periods import list_periods
from models.store.database import Store


def due_moment(period: dict) -> str | None:
    """The period's deadline as an ISO timestamp string (end of day if no time)."""
    if not period.get("due_date"):
        return None
    return f"{period['due_date']}T{period.get('due_time') or '23:59:59'}"


def received_by_unit(store: Store, period_id: str) -> dict[str, str | None]:
    """unit id → when its report for the period arrived (None: figures without a date)."""
    received = {
        row["unit_id"]: row["received_at"]
        for row in store.rows("SELECT unit_id, received_at FROM narratives WHERE period_id = ?", (period_id,))
    }
    for row in store.rows("SELECT DISTINCT unit_id FROM figures WHERE period_id = ?", (period_id,)):
        received.setdefault(row["unit_id"], None)
    return received


def week_overview(store: Store, campaign_id: str) -> list[dict]:
    """Per week: expected, reported, on time, late, missing, reporting rate."""
    expected = {unit["id"] for unit in campaign_units(store, campaign_id)}
    overview = []
    for period in list_periods(store, campaign_id):
        received = {k: v for k, v in received_by_unit(store, period["id"]).items() if k in expected}
        due = due_moment(period)
        late = sum(1 for at in received.values() if due and at and at > due)
        overview.append(
            {
                **period,
                "expected": len(expected),
                "reported": len(received),
                "late": late,
                "on_time": len(received) - late,
                "missing": len(expected) - len(received),
                "rate": len(received) / len(expected) if expected else 0.0,
            }
        )
    return overview
