"""Deadlines of a campaign and what is due soon or overdue (the status line)."""

from __future__ import annotations

from datetime import date, timedelta

from models.campaigns import campaign_units
from models.periods import list_periods
from models.progress import received_by_unit
from models.store import Store


def list_deadlines(store: Store, campaign_id: str) -> list[dict]:
    return store.rows(
        "SELECT d.*, n.doc_number FROM deadlines d LEFT JOIN notices n ON n.id = d.notice_id"
        " WHERE d.campaign_id = ? ORDER BY d.kind, d.due_date",
        (campaign_id,),
    )


def due_items(store: Store, campaign_id: str, today: date, horizon_days: int = 7) -> list[dict]:
    """What is overdue (still missing units) or due within the horizon, soonest first."""
    items = []
    horizon = (today + timedelta(days=horizon_days)).isoformat()
    units = {u["id"] for u in campaign_units(store, campaign_id)}
    for deadline in list_deadlines(store, campaign_id):
        if deadline["kind"] != "once" or not deadline["due_date"] or deadline["due_date"] > horizon:
            continue
        delivered = {
            row["unit_id"]
            for row in store.rows("SELECT unit_id FROM deliveries WHERE deadline_id = ?", (deadline["id"],))
        }
        missing = len(units - delivered)
        if deadline["due_date"] < today.isoformat() and not missing:
            continue
        items.append(
            {
                "date": deadline["due_date"],
                "what": deadline["what"],
                "missing": missing,
                "overdue": deadline["due_date"] < today.isoformat(),
            }
        )
    for period in list_periods(store, campaign_id):
        if not period["due_date"] or period["due_date"] > horizon:
            continue
        missing = len(units - set(received_by_unit(store, period["id"])))
        if period["due_date"] < today.isoformat() and not missing:
            continue
        items.append(
            {
                "date": period["due_date"],
                "what": f"{period['label']}进展统计",
                "missing": missing,
                "overdue": period["due_date"] < today.isoformat(),
            }
        )
    return sorted(items, key=lambda item: item["date"])
