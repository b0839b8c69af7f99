"""Indicator layouts: the columns of the statistics table per campaign (groups, labels, measures, rules)."""

from __future__ import annotations

import json

from models.documents.cn_text import MEASURE_WORDS, fold
from models.errors import ValidationError
from models.paths import data_path
from models.store.backups import before_many_changes
from models.store.database import Store
from models.store.history import Batch

MEASURES = MEASURE_WORDS
ACCUMULATIONS = {"weekly": "按周", "cumulative": "累计"}


def default_layout() -> list[dict]:
    with open(data_path("indicators_default.json"), encoding="utf-8") as handle:
        return json.load(handle)["indicators"]


def header_text(indicator: dict) -> str:
    """How the clerk names a column: "应急演练·场次", or the label alone without a group."""
    group, label = indicator.get("group_label") or indicator.get("group"), indicator["label"]
    return f"{group}·{label}" if group and group != label else label


def validate_layout(layout: list[dict]) -> None:
    """Refuse a layout with empty or repeated columns, or a rule naming a missing column."""
    if not layout:
        raise ValidationError("指标表至少要有一个指标。")
    seen, codes = set(), set()
    for number, item in enumerate(layout, start=1):
        label = (item.get("label") or "").strip()
        if not label:
            raise ValidationError(f"第 {number} 个指标没有名称。")
        key = (fold(item.get("group")), fold(label))
        if key in seen:
            raise ValidationError(f"指标“{header_text({**item, 'label': label})}”重复了。")
        seen.add(key)
        if item.get("accumulation", "weekly") not in ACCUMULATIONS:
            raise ValidationError(f"第 {number} 个指标的统计方式不对（应为按周或累计）。")
        codes.add(item.get("code") or str(number - 1))
    for item in layout:
        if item.get("max_of") and item["max_of"] not in codes:
            raise ValidationError(f"指标“{item['label']}”的上限指标不存在。")


def _row(item: dict, campaign_id: str, order: int) -> dict:
    return {
        "campaign_id": campaign_id,
        "group_label": (item.get("group") or "").strip() or None,
        "label": item["label"].strip(),
        "measure": (item.get("measure") or "").strip() or None,
        "sort_order": order,
        "accumulation": item.get("accumulation", "weekly"),
        "integer_only": int(item.get("integer_only", True)),
        "min_value": item.get("min_value", 0),
        "code": item.get("code"),
    }


def add_layout(batch: Batch, campaign_id: str, layout: list[dict]) -> list[str]:
    """Create the campaign's indicators from a layout (dicts with group/label/measure/code/max_of)."""
    validate_layout(layout)
    ids: dict[str, str] = {}
    for order, item in enumerate(layout):
        ids[item.get("code") or str(order)] = batch.insert("indicators", _row(item, campaign_id, order))
    for order, item in enumerate(layout):
        if item.get("max_of") in ids:
            batch.update("indicators", ids[item.get("code") or str(order)], {"max_of_id": ids[item["max_of"]]})
    return list(ids.values())


def list_indicators(store: Store, campaign_id: str) -> list[dict]:
    return store.rows("SELECT * FROM indicators WHERE campaign_id = ? ORDER BY sort_order", (campaign_id,))


def layout_of(store: Store, campaign_id: str) -> list[dict]:
    """The campaign's indicators as layout items (code = the indicator's code or id), for copying and editing."""
    indicators = list_indicators(store, campaign_id)
    code_of = {i["id"]: i["code"] or i["id"] for i in indicators}
    return [
        {
            "id": i["id"],
            "code": code_of[i["id"]],
            "group": i["group_label"],
            "label": i["label"],
            "measure": i["measure"],
            "accumulation": i["accumulation"],
            "integer_only": bool(i["integer_only"]),
            "min_value": i["min_value"],
            "max_of": code_of.get(i["max_of_id"]),
        }
        for i in indicators
    ]


def copy_layout(batch: Batch, from_campaign_id: str, to_campaign_id: str) -> list[str]:
    layout = [{k: v for k, v in item.items() if k != "id"} for item in layout_of(batch.store, from_campaign_id)]
    return add_layout(batch, to_campaign_id, layout)


def save_layout(store: Store, campaign_id: str, layout: list[dict]) -> dict:
    """Apply an edited layout: items with an id are updated, new ones added, missing ones removed.

    A column that already holds figures cannot be removed (its figures would be lost).
    """
    for item in layout:
        item.setdefault("code", item.get("id"))
    validate_layout(layout)
    current = {i["id"]: i for i in list_indicators(store, campaign_id)}
    kept = {item["id"] for item in layout if item.get("id") in current}
    for gone in set(current) - kept:
        used = store.scalar("SELECT count(*) FROM figures WHERE indicator_id = ?", (gone,))
        if used:
            raise ValidationError(f"指标“{header_text(current[gone])}”已有 {used} 个数据，不能删除。")
    counts = {"added": 0, "changed": 0, "removed": 0}
    before_many_changes(store, "修改指标表前")
    with store.batch("修改指标表", source="layout") as batch:
        ids: dict[str, str] = {}
        for order, item in enumerate(layout):
            fields = _row(item, campaign_id, order)
            if item.get("id") in current:
                fields.pop("campaign_id")
                counts["changed"] += batch.update("indicators", item["id"], {**fields, "max_of_id": None})
                ids[item["code"]] = item["id"]
            else:
                ids[item.get("code") or str(order)] = batch.insert("indicators", fields)
                counts["added"] += 1
        for order, item in enumerate(layout):
            target = ids.get(item.get("max_of"))
            if target:
                batch.update("indicators", ids[item.get("code") or str(order)], {"max_of_id": target})
        removed = set(current) - kept
        for gone in removed:  # untie rules between removed columns before deleting any of them
            batch.update("indicators", gone, {"max_of_id": None})
        for gone in removed:
            batch.delete("indicators", gone)
            counts["removed"] += 1
    return counts
