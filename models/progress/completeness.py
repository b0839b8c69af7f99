"""Who reported a week, on time or late, and which units to chase (models.progress.chase prints the list)."""

from __future__ import annotations

from models.campaigns.campaign import campaign_units
from models.clock import now
from models.progress.reporting import due_moment, received_by_unit
from models.store.database import Store

ON_TIME, LATE, MISSING, OVERDUE = "按时", "迟报", "未报", "逾期未报"


def unit_status(store: Store, campaign_id: str, period_id: str, at: str | None = None) -> list[dict]:
    """Per expected unit: status, when received, its liaison(s) with phones."""
    period = store.get("periods", period_id)
    due = due_moment(period)
    at = at or now()
    received = received_by_unit(store, period_id)
    people: dict[str, list[dict]] = {}
    for person in store.rows(
        "SELECT unit_id, name, role, office_phone, mobile FROM liaisons WHERE campaign_id = ?"
        " ORDER BY sort_order, role DESC",
        (campaign_id,),
    ):
        people.setdefault(person["unit_id"], []).append(person)
    rows = []
    for unit in campaign_units(store, campaign_id):
        if unit["id"] in received:
            when = received[unit["id"]]
            status = LATE if due and when and when > due else ON_TIME
        else:
            when = None
            status = OVERDUE if due and at > due else MISSING
        contacts = people.get(unit["id"], [])
        first = contacts[0] if contacts else {}
        rows.append(
            {
                "unit_id": unit["id"],
                "unit": unit["name"],
                "category": unit["category"],
                "status": status,
                "received_at": when,
                "liaison": "、".join(p["name"] for p in contacts) or "（未报联络员）",
                "office_phone": first.get("office_phone"),
                "mobile": "、".join(p["mobile"] for p in contacts if p.get("mobile")),
                "contacts": contacts,  # every person named, in order, each with both phones (the chase list)
            }
        )
    return rows


def counts(rows: list[dict]) -> dict:
    expected = len(rows)
    tally = {s: sum(1 for r in rows if r["status"] == s) for s in (ON_TIME, LATE, MISSING, OVERDUE)}
    reported = tally[ON_TIME] + tally[LATE]
    return {
        "expected": expected,
        "reported": reported,
        "on_time": tally[ON_TIME],
        "late": tally[LATE],
        "missing": tally[MISSING] + tally[OVERDUE],
        "rate": reported / expected if expected else 0.0,
    }


def chase_list(rows: list[dict]) -> list[dict]:
    """Units still to chase (not reported) and those that reported late, missing first."""
    wanted = [r for r in rows if r["status"] in (OVERDUE, MISSING, LATE)]
    return sorted(wanted, key=lambda r: r["status"] == LATE)
