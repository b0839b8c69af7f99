"""Liaisons: the people each unit names for a campaign; editing them and carrying them over."""

from __future__ import annotations

from models.campaigns.campaign import campaign_units, get_campaign, previous_campaign
from models.campaigns.units import unit_name
from models.documents.contacts import ERROR, Check, check_field
from models.errors import NotFound, ValidationError
from models.store.database import Store
from models.store.history import Batch
from models.store.text_gate import clean_text

ROLES = ("联络员", "分管领导")
FIELDS = ("role", "name", "position", "office_phone", "mobile", "email", "fax", "remarks")
FIELD_TITLES = {
    "role": "角色",
    "name": "姓名",
    "position": "职务",
    "office_phone": "办公电话",
    "mobile": "手机",
    "email": "邮箱",
    "fax": "传真",
    "remarks": "备注",
}


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
                    **(person or dict.fromkeys(("id", *FIELDS))),
                }
            )
    return rows


def liaisons_by_unit(store: Store, campaign_id: str) -> dict[str, list[dict]]:
    """unit id → the people it named for the campaign, 联络员 before 分管领导 (for chase lists and counts)."""
    people: dict[str, list[dict]] = {}
    for person in store.rows(
        "SELECT * FROM liaisons WHERE campaign_id = ? ORDER BY sort_order, role DESC, name", (campaign_id,)
    ):
        people.setdefault(person["unit_id"], []).append(person)
    return people


def units_without_liaison(store: Store, campaign_id: str) -> list[dict]:
    return [row for row in liaison_rows(store, campaign_id) if row["id"] is None]


def clean_fields(fields: dict) -> dict:
    """Strip the text of each known field (through the text gate, before it is validated); empty is None."""
    cleaned = {}
    for key, value in fields.items():
        if key not in FIELDS:
            continue
        text = None if value is None else clean_text(str(value), multiline=key == "remarks").strip()
        cleaned[key] = text or None
    if "role" in cleaned and cleaned["role"] is None:
        cleaned["role"] = ROLES[0]
    return cleaned


def check_fields(fields: dict) -> dict[str, Check]:
    """The check of every field that is not simply fine."""
    found = {}
    for key, value in fields.items():
        if key == "role":
            if value not in ROLES:
                found[key] = Check(ERROR, f"角色应为：{'、'.join(ROLES)}。")
            continue
        check = check_field(key, value)
        if not check.ok:
            found[key] = check
    return found


def _refuse_errors(fields: dict, confirmed: bool) -> None:
    checks = check_fields(fields)
    errors = [f"{FIELD_TITLES[k]}：{c.message}" for k, c in checks.items() if c.level == ERROR]
    if errors:
        raise ValidationError("\n".join(errors))
    warnings = [f"{FIELD_TITLES[k]}：{c.message}" for k, c in checks.items()]
    if warnings and not confirmed:
        raise ValidationError("需要确认：\n" + "\n".join(warnings))


def add_liaison(store: Store, campaign_id: str, unit_id: str, fields: dict, *, confirmed: bool = False) -> str:
    """Add one liaison; warnings must have been confirmed by the clerk (``confirmed=True``)."""
    fields = clean_fields({"role": ROLES[0], **fields})
    _refuse_errors(fields, confirmed)
    name = unit_name(store, unit_id)
    if not name:
        raise NotFound("找不到这个单位。")
    with store.batch(f"新增联络员 {name} {fields['name']}") as batch:
        return insert_liaison(batch, campaign_id, unit_id, fields)


def insert_liaison(batch: Batch, campaign_id: str, unit_id: str, fields: dict) -> str:
    order = batch.store.scalar(
        "SELECT count(*) FROM liaisons WHERE campaign_id = ? AND unit_id = ?", (campaign_id, unit_id)
    )
    return batch.insert("liaisons", {"campaign_id": campaign_id, "unit_id": unit_id, "sort_order": order, **fields})


def edit_liaison(store: Store, liaison_id: str, fields: dict, *, confirmed: bool = False) -> bool:
    """Change some fields of one liaison (one undoable action); False if nothing changed."""
    old = store.get("liaisons", liaison_id)
    if old is None:
        raise NotFound("找不到这名联络员（可能已被删除或撤销）。")
    fields = clean_fields(fields)
    changed = {k: v for k, v in fields.items() if old.get(k) != v}
    _refuse_errors(changed, confirmed)
    if not changed:
        return False
    what = "、".join(FIELD_TITLES[k] for k in FIELDS if k in changed)
    with store.batch(f"修改联络员 {old['name']} 的{what}") as batch:
        return batch.update("liaisons", liaison_id, changed)


def delete_liaison(store: Store, liaison_id: str) -> None:
    old = store.get("liaisons", liaison_id)
    if old is None:
        raise NotFound("找不到这名联络员。")
    with store.batch(f"删除联络员 {old['name']}") as batch:
        batch.delete("liaisons", liaison_id)


def carry_over(store: Store, campaign_id: str, from_campaign_id: str | None = None) -> dict:
    """Start the campaign's list from an earlier one: its units join, their liaisons are copied.

    Units that already have a liaison in this campaign keep theirs; running it twice adds nothing.
    """
    from models.campaigns.units import join_campaign

    source = get_campaign(store, from_campaign_id) if from_campaign_id else previous_campaign(store, campaign_id)
    if source is None:
        raise NotFound("没有更早的活动可以沿用联络员名单。")
    named = {r["unit_id"] for r in store.rows("SELECT unit_id FROM liaisons WHERE campaign_id = ?", (campaign_id,))}
    result = {"from_year": source["year"], "units_joined": 0, "liaisons_copied": 0, "units_kept": 0}
    with store.batch(f"沿用 {source['year']} 年联络员名单", source="carry-over") as batch:
        for unit in campaign_units(store, source["id"]):
            result["units_joined"] += join_campaign(batch, campaign_id, unit["id"])
            if unit["id"] in named:
                result["units_kept"] += 1
                continue
            for person in store.rows(
                "SELECT * FROM liaisons WHERE campaign_id = ? AND unit_id = ? ORDER BY sort_order",
                (source["id"], unit["id"]),
            ):
                copy = {k: person[k] for k in (*FIELDS, "sort_order")}
                batch.insert("liaisons", {"campaign_id": campaign_id, "unit_id": unit["id"], **copy})
                result["liaisons_copied"] += 1
    return result


def copy_liaisons(batch: Batch, from_campaign_id: str, to_campaign_id: str) -> int:
    """Every liaison of one campaign copied into another (a new campaign made from an earlier year)."""
    rows = batch.store.rows(
        f"SELECT unit_id, {', '.join(FIELDS)}, sort_order FROM liaisons WHERE campaign_id = ? ORDER BY sort_order",
        (from_campaign_id,),
    )
    for row in rows:
        batch.insert("liaisons", {"campaign_id": to_campaign_id, **row})
    return len(rows)


def first_named(store: Store, campaign_id: str) -> dict[str, str]:
    """unit id → when it first named a liaison for the campaign (created_at)."""
    rows = store.conn.execute(
        "SELECT unit_id, min(created_at) FROM liaisons WHERE campaign_id = ? GROUP BY unit_id", (campaign_id,)
    )
    return dict(rows.fetchall())


def liaison_names(store: Store, campaign_id: str) -> list[str]:
    """The distinct names of the campaign's liaisons."""
    rows = store.rows("SELECT DISTINCT name FROM liaisons WHERE campaign_id = ? AND name IS NOT NULL", (campaign_id,))
    return [r["name"] for r in rows]


def add_liaison_row(batch: Batch, campaign_id: str, unit_id: str, fields: dict) -> str:
    """A liaison as given (sort_order included), unchecked: for data made by the program itself (the demo)."""
    return batch.insert("liaisons", {"campaign_id": campaign_id, "unit_id": unit_id, **fields})
