"""Files of other offices for the merge tests: a town or village that built its own file from scratch."""

from __future__ import annotations

from pathlib import Path

from models.campaigns.office import set_office
from models.campaigns.units import join_campaign
from models.new_campaign import create_campaign
from models.progress.figures import set_figures
from models.store.database import Store
from models.store.opening import open_store


def own_file(path: Path, office: str, units: list[tuple[str, str | None]], values: dict[int, int]) -> Store:
    """A file made from scratch: the 2021 campaign, *units* (name, parent name) and, for each unit,
    the first three indicators of each week seq in *values* set to that value."""
    store = open_store(path)
    set_office(store, name=office)
    campaign_id = create_campaign(store, 2021)["campaign_id"]
    ids: dict[str, str] = {}
    with store.batch("录入单位") as batch:
        for order, (name, parent) in enumerate(units):
            ids[name] = batch.insert(
                "units", {"name": name, "category": "镇/街道", "parent_id": ids.get(parent), "sort_order": order}
            )
            join_campaign(batch, campaign_id, ids[name])
    indicators = [
        r["id"]
        for r in store.rows(
            "SELECT id FROM indicators WHERE campaign_id = ? ORDER BY sort_order LIMIT 3", (campaign_id,)
        )
    ]
    with store.batch("填报") as batch:
        for seq, number in values.items():
            period = store.scalar("SELECT id FROM periods WHERE campaign_id = ? AND seq = ?", (campaign_id, seq))
            set_figures(batch, [(u, period, i, number) for u in ids.values() for i in indicators])
    return store


def unit_figures(store: Store, name: str) -> list[tuple]:
    """(week, indicator code or label, value) of every figure of the 2021 units called *name*."""
    return [
        tuple(r.values())
        for r in store.rows(
            "SELECT p.seq, coalesce(i.code, i.label), f.value FROM figures f JOIN units u ON u.id = f.unit_id"
            " JOIN periods p ON p.id = f.period_id JOIN indicators i ON i.id = f.indicator_id"
            " WHERE u.name = ? ORDER BY 1, 2",
            (name,),
        )
    ]


def totals(store: Store) -> dict[str, int]:
    tables = ("units", "campaign_units", "liaisons", "figures", "narratives", "deliveries", "notices", "deadlines")
    return {t: store.scalar(f"SELECT count(*) FROM [{t}]") for t in tables}
