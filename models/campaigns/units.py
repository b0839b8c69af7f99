"""The directory of reporting units: add, edit, reorder, deactivate, and which campaigns they are in."""

from __future__ import annotations

import re

from models.errors import NotFound, ValidationError
from models.notices.deadlines import delivering_units
from models.store.database import Store
from models.store.history import Batch
from models.store.text_gate import clean_text

CATEGORIES = ("镇/街道", "成员单位", "企业", "其他")
# Words offices use in their own lists, mapped to our categories.
_CATEGORY_WORDS = {
    "镇": "镇/街道",
    "乡": "镇/街道",
    "乡镇": "镇/街道",
    "街道": "镇/街道",
    "镇街": "镇/街道",
    "镇（街道）": "镇/街道",
    "部门": "成员单位",
    "区直部门": "成员单位",
    "成员": "成员单位",
    "安委会成员单位": "成员单位",
    "公司": "企业",
    "重点企业": "企业",
}
# Tables whose rows make a unit "have data" (it can then only be deactivated); with its deliveries (notices').
# Their owners import campaigns: asking them would make a ring (see tests/models/test_layers.py, ALLOWED).
_DATA_TABLES = ("liaisons", "figures", "narratives")


def clean_name(name: str | None) -> str:
    """Through the text gate first: "五华\u200b区" is "五华区", found as a twin, not a look-alike."""
    return re.sub(r"\s+", " ", clean_text(name or "", multiline=False).replace("\u3000", " ")).strip()


def category_of(word: str | None) -> str | None:
    """Our category for a word from a file; None if it cannot be told."""
    word = clean_name(word)
    if not word:
        return "其他"
    if word in CATEGORIES:
        return word
    return _CATEGORY_WORDS.get(word)


def list_units(store: Store, *, include_inactive: bool = True) -> list[dict]:
    """Every unit with its parent's name and whether it holds data, parents before children."""
    rows = store.rows(
        "SELECT u.*, p.name AS parent_name FROM units u LEFT JOIN units p ON p.id = u.parent_id"
        + ("" if include_inactive else " WHERE u.active = 1")
        + " ORDER BY u.sort_order, u.name"
    )
    used = {r["unit_id"] for t in _DATA_TABLES for r in store.rows(f"SELECT DISTINCT unit_id FROM {t}")}
    used |= delivering_units(store)
    children: dict[str | None, list[dict]] = {}
    for row in rows:
        row["has_data"] = row["id"] in used
        children.setdefault(row["parent_id"], []).append(row)
    ordered: list[dict] = []

    def walk(parent: str | None, depth: int) -> None:
        for row in children.get(parent, []):
            row["depth"] = depth
            ordered.append(row)
            walk(row["id"], depth + 1)

    walk(None, 0)
    known = {r["id"] for r in ordered}
    ordered += [r for r in rows if r["id"] not in known]  # orphans of a broken parent link
    return ordered


def unit(store: Store, unit_id: str) -> dict:
    found = store.get("units", unit_id)
    if found is None:
        raise NotFound("找不到这个单位（可能已被撤销）。")
    return found


def unit_name(store: Store, unit_id: str) -> str:
    """The unit's name, or "" when it is gone."""
    return store.scalar("SELECT name FROM units WHERE id = ?", (unit_id,)) or ""


def unit_names(store: Store) -> dict[str, str]:
    """unit id → name, every unit (one query, for lists that show a unit's name)."""
    return dict(store.conn.execute("SELECT id, name FROM units").fetchall())


def units_for_matching(store: Store) -> list[dict]:
    """Every unit (id, name, active), the active ones first, in the directory's order: a name written in a
    returned form goes to the first unit of that name."""
    return store.rows("SELECT id, name, active FROM units ORDER BY active DESC, sort_order")


def find_unit(store: Store, name: str, parent_id: str | None = None, *, any_parent: bool = False) -> dict | None:
    name = clean_name(name)
    if any_parent:
        return store.row("SELECT * FROM units WHERE name = ? ORDER BY active DESC, sort_order LIMIT 1", (name,))
    return store.row("SELECT * FROM units WHERE name = ? AND parent_id IS ?", (name, parent_id))


def unit_has_data(store: Store, unit_id: str) -> bool:
    if any(store.scalar(f"SELECT 1 FROM {t} WHERE unit_id = ? LIMIT 1", (unit_id,)) for t in _DATA_TABLES):
        return True
    return unit_id in delivering_units(store, unit_id)


def _check(store: Store, name: str, category: str, parent_id: str | None, own_id: str | None = None) -> str:
    name = clean_name(name)
    if not name:
        raise ValidationError("单位名称不能为空。")
    if name.startswith("="):
        raise ValidationError(f"单位名称“{name}”以“=”开头，像是公式。")
    if category not in CATEGORIES:
        raise ValidationError(f"类别“{category}”不对，应为：{'、'.join(CATEGORIES)}。")
    twin = find_unit(store, name, parent_id)
    if twin and twin["id"] != own_id:
        where = f"“{store.get('units', parent_id)['name']}”下" if parent_id else "同一级"
        raise ValidationError(f"{where}已有名为“{name}”的单位。")
    ancestor = parent_id
    while ancestor and own_id:
        if ancestor == own_id:
            raise ValidationError("上级单位不能是它自己或它的下级。")
        ancestor = store.scalar("SELECT parent_id FROM units WHERE id = ?", (ancestor,))
    return name


def _next_order(store: Store, parent_id: str | None) -> int:
    return (store.scalar("SELECT max(sort_order) FROM units WHERE parent_id IS ?", (parent_id,)) or 0) + 1


def insert_unit(
    batch: Batch, name: str, category: str = "其他", parent_id: str | None = None, campaign_id: str | None = None
) -> str:
    name = _check(batch.store, name, category, parent_id)
    unit_id = batch.insert(
        "units",
        {"name": name, "category": category, "parent_id": parent_id, "sort_order": _next_order(batch.store, parent_id)},
    )
    if campaign_id:
        join_campaign(batch, campaign_id, unit_id)
    return unit_id


def add_unit(
    store: Store, name: str, category: str = "其他", parent_id: str | None = None, campaign_id: str | None = None
) -> str:
    with store.batch(f"新增单位 {clean_name(name)}") as batch:
        return insert_unit(batch, name, category, parent_id, campaign_id)


def edit_unit(store: Store, unit_id: str, *, name: str, category: str, parent_id: str | None, notes=None) -> bool:
    unit(store, unit_id)
    name = _check(store, name, category, parent_id, unit_id)
    with store.batch(f"修改单位 {name}") as batch:
        return batch.update(
            "units", unit_id, {"name": name, "category": category, "parent_id": parent_id, "notes": notes}
        )


def move_unit(store: Store, unit_id: str, delta: int) -> bool:
    """Move a unit up (-1) or down (+1) among its siblings; False at either end."""
    row = unit(store, unit_id)
    siblings = store.rows("SELECT id FROM units WHERE parent_id IS ? ORDER BY sort_order, name", (row["parent_id"],))
    ids = [s["id"] for s in siblings]
    where = ids.index(unit_id)
    target = where + delta
    if not 0 <= target < len(ids):
        return False
    ids.insert(target, ids.pop(where))
    with store.batch(f"调整单位顺序 {row['name']}") as batch:
        for order, sibling in enumerate(ids, start=1):
            batch.update("units", sibling, {"sort_order": order})
    return True


def set_active(store: Store, unit_id: str, active: bool) -> bool:
    row = unit(store, unit_id)
    label = "恢复单位" if active else "停用单位"
    with store.batch(f"{label} {row['name']}") as batch:
        return batch.update("units", unit_id, {"active": 1 if active else 0})


def delete_unit(store: Store, unit_id: str) -> None:
    """Remove a unit entered by mistake; one that holds data can only be deactivated."""
    row = unit(store, unit_id)
    if unit_has_data(store, unit_id):
        raise ValidationError(f"“{row['name']}”已有联络员或报送数据，不能删除，只能停用。")
    if store.scalar("SELECT 1 FROM units WHERE parent_id = ?", (unit_id,)):
        raise ValidationError(f"“{row['name']}”下还有下级单位，不能删除。")
    with store.batch(f"删除单位 {row['name']}") as batch:
        for link in store.rows("SELECT id FROM campaign_units WHERE unit_id = ?", (unit_id,)):
            batch.delete("campaign_units", link["id"])
        batch.delete("units", unit_id)


def join_campaign(batch: Batch, campaign_id: str, unit_id: str) -> bool:
    """Make a unit one of the campaign's reporting units; False if it already is."""
    store = batch.store
    if store.scalar("SELECT 1 FROM campaign_units WHERE campaign_id = ? AND unit_id = ?", (campaign_id, unit_id)):
        return False
    order = (store.scalar("SELECT max(sort_order) FROM campaign_units WHERE campaign_id = ?", (campaign_id,)) or 0) + 1
    batch.insert("campaign_units", {"campaign_id": campaign_id, "unit_id": unit_id, "sort_order": order})
    return True


def add_units_to_campaign(store: Store, campaign_id: str, unit_ids: list[str]) -> int:
    with store.batch(f"加入活动 {len(unit_ids)} 个单位") as batch:
        return sum(join_campaign(batch, campaign_id, u) for u in unit_ids)


def campaign_unit_ids(store: Store, campaign_id: str) -> set[str]:
    return {
        r["unit_id"] for r in store.rows("SELECT unit_id FROM campaign_units WHERE campaign_id = ?", (campaign_id,))
    }


def top_units(store: Store) -> dict[str, dict]:
    """Each unit's top-most parent (itself when it has none): a town for its villages, a district in a city."""
    units = {r["id"]: r for r in store.rows("SELECT id, name, category, parent_id, sort_order FROM units")}
    tops: dict[str, dict] = {}
    for unit_id in units:
        chain, current = [], units[unit_id]
        while current["parent_id"] in units and current["id"] not in chain and len(chain) < 50:
            chain.append(current["id"])
            current = units[current["parent_id"]]
        tops[unit_id] = current
    return tops


def add_unit_row(batch: Batch, fields: dict) -> str:
    """A unit as given (name, category, parent_id, sort_order), unchecked: for data made by the program itself."""
    return batch.insert("units", fields)
