"""Who reported a week, on time or late, and which units to chase (models.progress.chase prints the list)."""

from __future__ import annotations

from models.campaigns.campaign import campaign_units
from models.campaigns.periods import get_period
from models.clock import now
from models.liaisons.liaison import liaisons_by_unit
from models.progress.reporting import LABELS, LATE, ON_TIME, OVERDUE, PENDING, tally, week_statuses
from models.store.database import Store

_CONTACT = ("unit_id", "name", "role", "office_phone", "mobile")


def unit_status(store: Store, campaign_id: str, period_id: str, at: str | None = None) -> list[dict]:
    """Per expected unit: status code (models.progress.reporting), when received, its liaison(s) with phones."""
    period = get_period(store, period_id)
    units = campaign_units(store, campaign_id)
    statuses = week_statuses(store, campaign_id, period, at or now(), units)
    people = {
        unit_id: [{k: p[k] for k in _CONTACT} for p in persons]
        for unit_id, persons in liaisons_by_unit(store, campaign_id).items()
    }
    rows = []
    for unit in units:
        status, when = statuses[unit["id"]]
        contacts = people.get(unit["id"], [])
        first = contacts[0] if contacts else {}
        rows.append(
            {
                "unit_id": unit["id"],
                "unit": unit["name"],
                "category": unit["category"],
                "status": status,
                "status_label": LABELS[status],
                "received_at": when,
                "liaison": "、".join(p["name"] for p in contacts) or "（未报联络员）",
                "office_phone": first.get("office_phone"),
                "mobile": "、".join(p["mobile"] for p in contacts if p.get("mobile")),
                "contacts": contacts,  # every person named, in order, each with both phones (the chase list)
            }
        )
    return rows


def counts(rows: list[dict]) -> dict:
    return tally(r["status"] for r in rows)


CHASE_ORDER = {OVERDUE: 0, PENDING: 1, LATE: 2, ON_TIME: 3}


def chase_list(rows: list[dict]) -> list[dict]:
    """Units still to chase (not reported) and those that reported late, overdue first."""
    wanted = [r for r in rows if r["status"] != ON_TIME]
    return sorted(wanted, key=lambda r: CHASE_ORDER[r["status"]])
