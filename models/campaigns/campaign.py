"""Campaigns (one per year) and the units taking part in each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.errors import NotFound
from models.store.database import Store

if TYPE_CHECKING:  # history (json, base64) is not needed to list campaigns before the first paint
    from models.store.history import Batch


def list_campaigns(store: Store) -> list[dict]:
    return store.rows("SELECT * FROM campaigns ORDER BY year DESC")


def get_campaign(store: Store, campaign_id: str | None) -> dict | None:
    return store.get("campaigns", campaign_id) if campaign_id else None


def has_campaign(store: Store, year: int) -> bool:
    return bool(store.scalar("SELECT 1 FROM campaigns WHERE year = ?", (int(year),)))


def previous_campaign(store: Store, campaign_id: str) -> dict | None:
    """The latest campaign of an earlier year than this one's."""
    year = store.scalar("SELECT year FROM campaigns WHERE id = ?", (campaign_id,))
    return store.row("SELECT * FROM campaigns WHERE year < ? ORDER BY year DESC LIMIT 1", (year,))


def update_campaign(batch: Batch, campaign_id: str, fields: dict) -> bool:
    """Change some fields of a campaign within the caller's action; False if nothing changed."""
    return batch.update("campaigns", campaign_id, fields)


def add_campaign(batch: Batch, fields: dict) -> str:
    return batch.insert("campaigns", fields)


def campaign_by_year(store: Store, year: int) -> dict:
    found = store.row("SELECT * FROM campaigns WHERE year = ?", (int(year),))
    if found is None:
        years = "、".join(str(c["year"]) for c in list_campaigns(store)) or "无"
        raise NotFound(f"没有 {year} 年的活动（已有：{years}）。")
    return found


def campaign_units(store: Store, campaign_id: str, *, active_only: bool = True) -> list[dict]:
    """The units expected to report in a campaign, in the campaign's order."""
    sql = (
        "SELECT u.*, cu.sort_order AS campaign_order, p.name AS parent_name FROM campaign_units cu"
        " JOIN units u ON u.id = cu.unit_id LEFT JOIN units p ON p.id = u.parent_id"
        " WHERE cu.campaign_id = ?"
    )
    if active_only:
        sql += " AND u.active = 1"
    return store.rows(sql + " ORDER BY cu.sort_order, u.sort_order, u.name", (campaign_id,))


def campaign_unit_names(store: Store, campaign_id: str) -> list[dict]:
    """:func:`campaign_units` as ids and names only (reading returned forms: a city's 3,000 units)."""
    sql = (
        "SELECT u.id, u.name FROM campaign_units cu JOIN units u ON u.id = cu.unit_id"
        " WHERE cu.campaign_id = ? AND u.active = 1 ORDER BY cu.sort_order, u.sort_order, u.name"
    )
    return [{"id": unit_id, "name": name} for unit_id, name in store.conn.execute(sql, (campaign_id,))]


def copy_campaign_units(batch: Batch, from_id: str, to_id: str) -> int:
    """The active units of one campaign join another in the same order; returns how many."""
    rows = batch.store.rows(
        "SELECT cu.unit_id, cu.sort_order FROM campaign_units cu JOIN units u ON u.id = cu.unit_id"
        " WHERE cu.campaign_id = ? AND u.active = 1 ORDER BY cu.sort_order",
        (from_id,),
    )
    for row in rows:
        batch.insert("campaign_units", {"campaign_id": to_id, **row})
    return len(rows)


def add_campaign_unit(batch: Batch, campaign_id: str, unit_id: str, sort_order: int) -> str:
    return batch.insert("campaign_units", {"campaign_id": campaign_id, "unit_id": unit_id, "sort_order": sort_order})
