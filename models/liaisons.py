"""Liaisons: the people each unit names for a campaign."""

from __future__ import annotations

from models.campaigns import campaign_units
from models.store import Store

ROLES = ("联络员", "分管领导")


def liaison_rows(store: Store, campaign_id: str) -> list[dict]:
    """One row per liaison of the campaign's units; a unit without one gets an empty row."""
    liaisons: dict[str, list[dict]] = {}
    for row in store.rows(
        "SELECT * FROM liaisons WHERE campaign_id = ? ORDER BY sort_order, role, name", (campaign_id,)
    ):
        liaisons.setdefault(row["unit_id"], []).append(row)
    rows = []
    for unit in campaign_units(store, campaign_id):
        for person in liaisons.get(unit["id"], [None]):
            rows.append(
                {
                    "unit_id": unit["id"],
                    "unit_name": unit["name"],
                    "category": unit["category"],
                    **(person or {"id": None, "name": None}),
                }
            )
    return rows


def units_without_liaison(store: Store, campaign_id: str) -> list[dict]:
    return [row for row in liaison_rows(store, campaign_id) if row["id"] is None]
