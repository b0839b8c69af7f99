"""Campaigns (one per year) and the units taking part in each."""

from __future__ import annotations

from models.errors import NotFound
from models.store.database import Store


def list_campaigns(store: Store) -> list[dict]:
    return store.rows("SELECT * FROM campaigns ORDER BY year DESC")


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
