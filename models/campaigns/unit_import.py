"""Import the unit list an office keeps in Excel, or a column pasted from it."""

from __future__ import annotations

import os
from pathlib import Path

from models.campaigns.units import category_of, clean_name, find_unit, insert_unit, join_campaign
from models.errors import ImportRejected, ValidationError
from models.store.backups import before_many_changes
from models.store.database import Store

NAME_LABELS = ("单位", "单位名称", "名称")
_LABELS = {"name": NAME_LABELS, "category": ("类别", "单位类别", "类型"), "parent": ("上级单位", "上级", "所属单位")}
HEADER_SEARCH_ROWS = 15


def _label(value) -> str:
    return "".join(str(value or "").split())


def find_header(rows: list[list]) -> tuple[int, dict[str, int]] | None:
    """The header row's index and {field: column} in the first rows, or None."""
    for number, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        labels = [_label(v) for v in row]
        columns = {}
        for field, words in _LABELS.items():
            for column, text in enumerate(labels):
                if text in words:
                    columns.setdefault(field, column)
        if "name" in columns:
            return number, columns
    return None


def read_unit_rows(path: str | os.PathLike) -> list[list]:
    """The cell values of the first sheet of an xlsx file."""
    from models.documents.xlsx_io import as_rejection, open_workbook

    name = Path(path).name
    workbook = open_workbook(path)
    try:
        return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]
    except Exception as exc:  # noqa: BLE001 - read-only parsing is lazy
        raise as_rejection(exc, name) from exc
    finally:
        workbook.close()


def pasted_rows(text: str) -> list[list]:
    """Lines of pasted text; tabs separate columns as Excel/WPS copy them."""
    return [line.split("\t") for line in text.splitlines() if line.strip()]


def entries_from_rows(rows: list[list], where: str = "") -> list[dict]:
    """Unit entries (name, category, parent, line, error) from table rows, with or without a header."""
    header = find_header(rows)
    if header:
        start, columns = header[0] + 1, header[1]
    elif rows and all(len([v for v in r if clean_name(str(v or ""))]) <= 3 for r in rows):
        start, columns = 0, {"name": 0, "category": 1, "parent": 2}
    else:
        raise ImportRejected("找不到表头：第一行应有“单位”或“单位名称”。", where or None)
    entries = []
    for number, row in enumerate(rows[start:], start=start + 1):

        def cell(field: str, row=row) -> str:
            column = columns.get(field)
            return clean_name(str(row[column])) if column is not None and column < len(row) and row[column] else ""

        name = cell("name")
        if not name or name in ("合计", "总计") or name.startswith(("填报", "注：", "备注")):
            continue
        category = category_of(cell("category"))
        error = "" if category else f"类别“{cell('category')}”无法识别，应为 镇/街道、成员单位、企业 或 其他。"
        if name.startswith("="):
            error = "单位名称以“=”开头，像是公式。"
        entries.append(
            {"line": number, "name": name, "category": category or "其他", "parent": cell("parent"), "error": error}
        )
    return entries


def import_units(store: Store, entries: list[dict], campaign_id: str | None = None, *, dry_run: bool = False) -> dict:
    """Add the units not yet known (matched by name under the same parent); one batch."""
    result = {"added": [], "matched": [], "errors": [], "joined": 0}
    if dry_run:
        return _plan(store, entries, result)
    before_many_changes(store, "导入单位前")
    with store.batch(f"导入单位名单 {len(entries)} 行", source="import") as batch:
        made: dict[str, str] = {}
        for entry in sorted(entries, key=lambda e: bool(e["parent"])):
            if entry["error"]:
                result["errors"].append(entry)
                continue
            parent_id = None
            if entry["parent"]:
                parent = made.get(entry["parent"]) or (find_unit(store, entry["parent"], any_parent=True) or {}).get(
                    "id"
                )
                if not parent:
                    result["errors"].append({**entry, "error": f"上级单位“{entry['parent']}”不存在。"})
                    continue
                parent_id = parent
            found = find_unit(store, entry["name"], parent_id) or (
                None if entry["parent"] else find_unit(store, entry["name"], any_parent=True)
            )
            if found:
                unit_id = found["id"]
                result["matched"].append(entry)
            else:
                try:
                    unit_id = insert_unit(batch, entry["name"], entry["category"], parent_id)
                except ValidationError as exc:
                    result["errors"].append({**entry, "error": exc.message})
                    continue
                result["added"].append(entry)
            made.setdefault(entry["name"], unit_id)
            if campaign_id:
                result["joined"] += join_campaign(batch, campaign_id, unit_id)
    return result


def _plan(store: Store, entries: list[dict], result: dict) -> dict:
    for entry in entries:
        if entry["error"]:
            result["errors"].append(entry)
        elif find_unit(store, entry["name"], any_parent=True):
            result["matched"].append(entry)
        else:
            result["added"].append(entry)
    return result
