"""Indicator layouts: the rows of the statistics table, per campaign."""

from __future__ import annotations

import json

from models.history import Batch
from models.paths import data_path
from models.store import Store


def default_layout() -> list[dict]:
    with open(data_path("indicators_default.json"), encoding="utf-8") as handle:
        return json.load(handle)["indicators"]


def add_layout(batch: Batch, campaign_id: str, layout: list[dict]) -> list[str]:
    """Create the campaign's indicators from a layout (dicts with group/label/measure/code/max_of)."""
    ids: dict[str, str] = {}
    for order, item in enumerate(layout):
        ids[item.get("code") or str(order)] = batch.insert(
            "indicators",
            {
                "campaign_id": campaign_id,
                "group_label": item.get("group"),
                "label": item["label"],
                "measure": item.get("measure"),
                "sort_order": order,
                "accumulation": item.get("accumulation", "weekly"),
                "integer_only": int(item.get("integer_only", True)),
                "min_value": item.get("min_value", 0),
                "code": item.get("code"),
            },
        )
    for item in layout:
        if item.get("max_of") in ids:
            batch.update("indicators", ids[item["code"]], {"max_of_id": ids[item["max_of"]]})
    return list(ids.values())


def list_indicators(store: Store, campaign_id: str) -> list[dict]:
    return store.rows("SELECT * FROM indicators WHERE campaign_id = ? ORDER BY sort_order", (campaign_id,))
