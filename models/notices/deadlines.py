"""The deadlines a notice sets and the deliveries marked against them: their only SQL (tables deadlines, deliveries).

A deadline is written when its notice is registered and deleted with it (models.notices.notice); a delivery is the
mark of one unit against one deadline (one week or month of a recurring one).  Who is late is worked out by
models.progress.deadlines from these rows.
"""

from __future__ import annotations

from models.store.database import Store
from models.store.history import Batch


def campaign_deadlines(store: Store, campaign_id: str) -> list[dict]:
    """Every deadline of the campaign with its notice's 文号, by kind and date."""
    return store.rows(
        "SELECT d.*, n.doc_number FROM deadlines d LEFT JOIN notices n ON n.id = d.notice_id"
        " WHERE d.campaign_id = ? ORDER BY d.kind, d.due_date",
        (campaign_id,),
    )


def weekly_rule(store: Store, campaign_id: str) -> dict | None:
    """The first weekly deadline of the campaign (weekday, due_time), if a notice set one."""
    return store.row(
        "SELECT weekday, due_time FROM deadlines WHERE campaign_id = ? AND kind = 'weekly' ORDER BY created_at LIMIT 1",
        (campaign_id,),
    )


def monthly_rule(store: Store, campaign_id: str) -> dict | None:
    """The first monthly deadline of the campaign with its day (day_of_month, due_time), if any."""
    return store.row(
        "SELECT day_of_month, due_time FROM deadlines WHERE campaign_id = ? AND kind = 'monthly'"
        " AND day_of_month IS NOT NULL ORDER BY created_at LIMIT 1",
        (campaign_id,),
    )


def first_due_date(store: Store, campaign_id: str, deliverable: str) -> str | None:
    """The earliest due date of the campaign's deadlines for *deliverable* (e.g. 'liaison')."""
    return store.scalar(
        "SELECT due_date FROM deadlines WHERE campaign_id = ? AND deliverable = ? AND due_date IS NOT NULL"
        " ORDER BY due_date LIMIT 1",
        (campaign_id, deliverable),
    )


def marks(store: Store, deadline_id: str, period_id: str | None) -> dict[str, dict]:
    """unit id → the delivery marked for one occurrence of a deadline."""
    rows = store.rows(
        "SELECT * FROM deliveries WHERE deadline_id = ? AND ifnull(period_id, '') = ?", (deadline_id, period_id or "")
    )
    return {r["unit_id"]: r for r in rows}


def mark_of(store: Store, deadline_id: str, unit_id: str, period_id: str | None) -> dict | None:
    return store.row(
        "SELECT * FROM deliveries WHERE deadline_id = ? AND unit_id = ? AND ifnull(period_id, '') = ?",
        (deadline_id, unit_id, period_id or ""),
    )


def write_mark(batch: Batch, old: dict | None, deadline_id: str, unit_id: str, period_id: str | None, fields) -> None:
    """Set (fields) or clear (None) one unit's delivery mark; *old* is its current row (:func:`mark_of`)."""
    if fields is None:
        if old:
            batch.delete("deliveries", old["id"])
    elif old:
        batch.update("deliveries", old["id"], fields)
    else:
        batch.insert("deliveries", {"deadline_id": deadline_id, "unit_id": unit_id, "period_id": period_id, **fields})


def delivering_units(store: Store, unit_id: str | None = None) -> set[str]:
    """The units with a delivery marked (all, or whether *unit_id* has one): a unit with data stays."""
    if unit_id:
        found = store.scalar("SELECT 1 FROM deliveries WHERE unit_id = ? LIMIT 1", (unit_id,))
        return {unit_id} if found else set()
    return {r[0] for r in store.conn.execute("SELECT DISTINCT unit_id FROM deliveries")}


def add_deadline(batch: Batch, campaign_id: str, notice_id: str | None, fields: dict) -> str:
    return batch.insert("deadlines", {"campaign_id": campaign_id, "notice_id": notice_id, **fields})


def add_delivery(batch: Batch, deadline_id: str, fields: dict) -> str:
    return batch.insert("deliveries", {"deadline_id": deadline_id, **fields})


def weekly_stats_marks(store: Store, period_id: str) -> list[dict]:
    """The delivery marks (unit_id, delivered_at) of a week's statistics against the weekly stats deadlines: for
    models.progress.reporting.week_reports."""
    return store.rows(
        "SELECT v.unit_id, v.delivered_at FROM deliveries v JOIN deadlines d ON d.id = v.deadline_id"
        " WHERE d.deliverable = 'stats' AND d.kind = 'weekly' AND v.period_id = ? AND v.delivered_at IS NOT NULL",
        (period_id,),
    )
