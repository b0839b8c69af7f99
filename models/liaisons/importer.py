"""Import returned liaison forms: preview (added/changed/unchanged/errors per file and cell), then apply.

Nothing is written by :func:`preview`; :func:`apply` writes the previewed changes
in one batch (one undo step).  A person is matched by unit and name, or, when a
unit names someone new for a role it had filled, by unit and role.  Empty
cells change nothing, so importing the same files twice changes nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

from models.campaigns.units import campaign_unit_ids, clean_name, join_campaign, units_for_matching
from models.documents.contacts import ERROR, check_field
from models.errors import ImportRejected
from models.liaisons.forms import FORM_KIND
from models.liaisons.liaison import FIELD_TITLES, FIELDS, ROLES, insert_liaison
from models.liaisons.reading import read_form
from models.store.database import Store

DATA_FIELDS = tuple(f for f in FIELDS if f != "role")


SUFFIXES = (".xlsx", ".xlsm", ".xls", ".et", ".ods", ".csv")


def collect_files(paths: list[str | os.PathLike]) -> list[Path]:
    """The spreadsheet files named, and those inside named folders (Excel's ~$ lock files skipped)."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES)
        else:
            found.append(path)
    return [p for p in found if not p.name.startswith("~$")]


def preview(store: Store, campaign: dict, paths: list[str | os.PathLike], progress=None) -> dict:
    """What importing these files would do; writes nothing.  *progress(done, total, file name)* is told
    before each file."""
    units = _unit_index(store, campaign)
    existing = store.rows("SELECT * FROM liaisons WHERE campaign_id = ?", (campaign["id"],))
    plan = {"campaign_id": campaign["id"], "files": [], "changes": []}
    claimed: set[str] = set()
    planned: dict[tuple[str, str], dict] = {}  # (unit, name) → the change that first named the person
    files = collect_files(paths)
    for number, path in enumerate(files):
        if progress is not None:
            progress(number, len(files), path.name)
        report = {"file": path.name, "path": str(path), "rejected": None, "errors": [], "warnings": []}
        plan["files"].append(report)
        try:
            form = read_form(path)
            _check_mark(form, campaign)
            if form.get("empty"):
                raise ImportRejected(form["empty"])
        except ImportRejected as exc:
            report["rejected"] = exc.message
            continue
        report["errors"] += form["errors"]
        report["warnings"] += form.get("warnings", [])
        for record in form["records"]:
            change = _plan_record(record, form, units, existing, claimed, report)
            if change and _again(change, planned, report):
                continue
            if change:
                change["file"] = path.name
                plan["changes"].append(change)
    plan["counts"] = _counts(plan)
    return plan


def _again(change: dict, planned: dict, report: dict) -> bool:
    """Whether this person was already read from another file (or sheet) of this import: said, not planned
    twice (an existing person would otherwise be added anew, once claimed by the first file)."""
    name = change["fields"]["name"] if change["action"] == "added" else change["name"]
    key = (change["unit_id"], name)
    first = planned.get(key)
    if first is None:
        planned[key] = change
        return False
    where = change["cells"].get("name", "")
    report["warnings"].append(
        {
            "cell": where,
            "field": "name",
            "message": f"{change['unit_name']} {name} 已在 {first.get('file', '')} 中读到，此处未重复导入。",
        }
    )
    return True


def _unit_index(store: Store, campaign: dict) -> dict[str, dict]:
    from models.campaigns.office import get_office
    from models.campaigns.unit_names import region_prefixes

    index: dict = {"by_id": {}}
    for unit in units_for_matching(store):
        index.setdefault(clean_name(unit["name"]), unit)
        index["by_id"][unit["id"]] = unit
    offices = [n for n in (get_office(store).name, campaign.get("office_name")) if n]
    names = [u["name"] for u in index["by_id"].values()]
    index["regions"] = region_prefixes(offices, names)  # 青岚县应急管理局 is the directory's 县应急管理局
    return index


def _check_mark(form: dict, campaign: dict) -> None:
    mark = form["mark"]
    if not mark or mark.get("kind") != FORM_KIND or mark.get("campaign_id") == campaign["id"]:
        return
    if mark.get("year") != campaign["year"]:
        raise ImportRejected(f"这是 {mark.get('year')} 年活动的联络员表，不是 {campaign['year']} 年的，未导入。")
    form["mark"] = None  # same year, made by another office's database: match by unit name instead


def _plan_record(record: dict, form: dict, units: dict, existing: list[dict], claimed: set, report: dict):
    mark = form["mark"] or {}
    cells = record["cells"]
    unit = None
    if mark.get("kind") == FORM_KIND and mark.get("unit_id") in units["by_id"]:
        unit = units["by_id"][mark["unit_id"]]  # exact match by the hidden mark
    elif mark.get("kind") == FORM_KIND and mark.get("unit_name"):
        unit = units.get(clean_name(mark["unit_name"]))
    elif record.get("unit_name"):
        unit = _find(units, record["unit_name"])
    elif record.get("unit_position"):
        unit, position = _split_unit_position(units, record["unit_position"])
        if unit is not None and position and not record.get("position"):
            record["position"] = position
            cells["position"] = cells.get("unit_position")
    form_unit = record.get("form_unit", form.get("form_unit"))
    if unit is None and not record.get("unit_name") and form_unit:
        unit = _find(units, form_unit)  # the 填报单位 line above the table
    where = cells.get("name", "")
    incoming = {"role": record.get("role") if record.get("role") in ROLES else None}
    refused = bool(record.get("refused"))  # the reader found its name cannot be a name, and said so
    for field in DATA_FIELDS:  # every problem of the row is reported, also when the row is refused
        value = record.get(field)
        if value is None or (field == "name" and refused):
            continue
        check = check_field(field, value)
        if check.level == ERROR:
            report["errors"].append({"cell": cells.get(field, where), "field": field, "message": check.message})
            refused = refused or field == "name"
            continue
        if not check.ok:
            report["warnings"].append({"cell": cells.get(field, where), "field": field, "message": check.message})
        incoming[field] = value
    if unit is None:
        shown = record.get("unit_name") or record.get("unit_position") or form_unit
        what = f"单位“{shown}”不在单位名录中" if shown else "没有填写单位"
        if shown and not units.get("regions") and (near := _without_region(units, shown)):
            what += f"（名录里有“{near}”：如是本地的这个单位，请先在“本单位信息”里填写本单位全称）"
        report["errors"].append(
            {
                "cell": cells.get("unit_name", cells.get("unit_position", where)),
                "field": "unit_name",
                "message": what + "，该行未导入。",
            }
        )
        return None
    if refused or not record.get("name"):
        return None
    person = _match(unit["id"], incoming, existing, claimed)
    if person is None:
        fields = {k: v for k, v in incoming.items() if v is not None}
        fields.setdefault("role", ROLES[0])
        return {"action": "added", "unit_id": unit["id"], "unit_name": unit["name"], "fields": fields, "cells": cells}
    claimed.add(person["id"])
    diff = {k: (person.get(k), v) for k, v in incoming.items() if v is not None and person.get(k) != v}
    action = "changed" if diff else "unchanged"
    return {
        "action": action,
        "unit_id": unit["id"],
        "unit_name": unit["name"],
        "liaison_id": person["id"],
        "name": person["name"],
        "diff": diff,
        "cells": cells,
    }


def _find(units: dict, text: str) -> dict | None:
    from models.campaigns.unit_names import find_unit

    named = {k: v for k, v in units.items() if k not in ("by_id", "regions")}
    return units.get(clean_name(text)) or find_unit(text, named, units.get("regions", ()))


def _without_region(units: dict, text: str) -> str | None:
    """The directory's unit a name would be without the place before its level word (青岚县应急管理局 →
    县应急管理局), for the message when the office's region is not known; None when there is none."""
    import re

    from models.documents.cn_text import fold

    found = re.match(r"[\u4e00-\u9fff]{2,4}?(县|区|市|旗)(.{2,})$", fold(text))
    if found is None:
        return None
    unit = _find({k: v for k, v in units.items() if k != "regions"}, found.group(1) + found.group(2))
    return unit["name"] if unit is not None and fold(unit["name"]).startswith(found.group(1)) else None


def _split_unit_position(units: dict, text: str) -> tuple[dict | None, str]:
    """“县交通运输局 安全监督股股长” → the unit named at the start (the longest name that fits) and the rest."""
    from models.documents.cn_text import fold

    folded = fold(text)
    best = None
    for name, unit in units.items():
        if name in ("by_id", "regions"):
            continue
        key = fold(name)
        if key and folded.startswith(key) and (best is None or len(key) > len(fold(best[0]))):
            best = (name, unit)
    if best is None:
        return None, ""
    rest = folded[len(fold(best[0])) :].strip(" ：:，,、")
    return best[1], rest


def _match(unit_id: str, incoming: dict, existing: list[dict], claimed: set) -> dict | None:
    people = [p for p in existing if p["unit_id"] == unit_id and p["id"] not in claimed]
    for person in people:
        if person["name"] == incoming["name"]:
            return person
    if incoming.get("role"):
        same_role = [p for p in people if p["role"] == incoming["role"]]
        if len(same_role) == 1:
            return same_role[0]  # the unit named someone new for this role
    return None


def _counts(plan: dict) -> dict:
    counts = {"added": 0, "changed": 0, "unchanged": 0, "errors": 0, "warnings": 0, "rejected": 0}
    for change in plan["changes"]:
        counts[change["action"]] += 1
    for report in plan["files"]:
        counts["errors"] += len(report["errors"])
        counts["warnings"] += len(report["warnings"])
        counts["rejected"] += report["rejected"] is not None
    return counts


def apply(store: Store, plan: dict) -> dict:
    """Write a previewed plan in one undoable batch; returns the counts."""
    campaign_id = plan["campaign_id"]
    files = [f for f in plan["files"] if f["rejected"] is None]
    label = f"导入联络员表 {len(files)} 个文件"
    joined = campaign_unit_ids(store, campaign_id)
    if any(change["action"] != "unchanged" for change in plan["changes"]):
        from models.store.backups import backup_if_changed

        backup_if_changed(store, reason="导入前")
    with store.batch(label, source="import") as batch:
        for change in plan["changes"]:
            if change["unit_id"] not in joined:
                join_campaign(batch, campaign_id, change["unit_id"])
                joined.add(change["unit_id"])
            if change["action"] == "added":
                insert_liaison(batch, campaign_id, change["unit_id"], change["fields"])
            elif change["action"] == "changed":
                batch.update("liaisons", change["liaison_id"], {k: new for k, (_old, new) in change["diff"].items()})
    return plan["counts"]


def import_liaisons(store: Store, campaign: dict, paths: list, *, dry_run: bool = False) -> dict:
    """Preview, and unless *dry_run*, apply: the headless path."""
    plan = preview(store, campaign, paths)
    if not dry_run:
        apply(store, plan)
    return plan


def describe(plan: dict) -> list[str]:
    """Plain lines for the clerk: per file, then per change and per cell."""
    lines = []
    for report in plan["files"]:
        if report["rejected"]:
            lines.append(f"✗ {report['file']}：{report['rejected']}")
            continue
        own = [c for c in plan["changes"] if c["file"] == report["file"]]
        tally = {a: sum(c["action"] == a for c in own) for a in ("added", "changed", "unchanged")}
        lines.append(
            f"{report['file']}：新增 {tally['added']}，修改 {tally['changed']}，未变 {tally['unchanged']}，"
            f"错误 {len(report['errors'])}，提醒 {len(report['warnings'])}"
        )
        for change in own:
            if change["action"] == "added":
                lines.append(f"  + {change['unit_name']} {change['fields'].get('name')}")
            for field, (old, new) in change.get("diff", {}).items():
                cell = change["cells"].get(field, "")
                lines.append(
                    f"  ~ {change['unit_name']} {change['name']} {FIELD_TITLES[field]}（{cell}）：{old or '空'} → {new}"
                )
        for item in report["errors"]:
            lines.append(f"  ✗ {item['cell']}：{item['message']}")
        for item in report["warnings"]:
            lines.append(f"  ! {item['cell']}：{item['message']}")
    return lines
