"""Reading returned liaison forms: the header row found by its labels, one record per person.

Works on the app's own blank forms (hidden mark names campaign and unit) and on
any plain table whose header row says 单位/姓名/手机…, in any column order, with
title and footer rows around it.  Formula cells are reported, never read as text.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from models.errors import ImportRejected
from models.store.text_gate import clean_text

LABELS = {
    "unit_name": ("单位", "单位名称", "填报单位", "所在单位", "工作单位", "报送单位", "部门", "乡镇（街道）"),
    "unit_position": ("单位及职务", "单位和职务", "单位、职务", "单位职务", "工作单位及职务"),
    "role": ("角色", "类别", "身份"),
    "name": ("姓名", "联络员", "联络员姓名", "联系人", "联系人姓名"),
    "position": ("职务", "职务职称", "职位"),
    "office_phone": ("办公电话", "固定电话", "座机", "电话", "联系电话", "办公室电话"),
    "phone": ("联系方式", "联系电话（手机）"),
    "mobile": ("手机", "手机号码", "手机号", "移动电话"),
    "email": ("邮箱", "电子邮箱", "电子邮件", "email", "e-mail", "邮件"),
    "fax": ("传真", "传真号码"),
    "remarks": ("备注",),
    "seq": ("序号", "编号"),
    "ignored": ("微信", "微信号", "性别", "QQ", "QQ号"),
}
# A header over several columns naming whose they are: two people in one row.
_ROLE_GROUP = re.compile(r"^(分管领导|分管负责人|主要负责人|联络员|负责人|联系人)(信息)?$")
_EMPTY = re.compile(r"^[/\\—–―－\-无]*$")
_FOOTER = re.compile(r"^(填报|填表|制表|注[:：]|说明|审核|联系人|日期)")
HEADER_SEARCH_ROWS = 20


def label_key(value) -> str:
    """A header cell's text without spaces, line breaks or a bracketed hint: '手机号码（必填）' → '手机号码'."""
    text = re.sub(r"[（(][^）)]*[）)]", "", str(value or ""))
    return re.sub(r"[\s*:：]", "", text).lower()


_BY_LABEL = {label_key(word): field for field, words in LABELS.items() for word in words}


def header_columns(values: list) -> dict[str, int]:
    columns: dict[str, int] = {}
    for column, value in enumerate(values):
        field = _BY_LABEL.get(label_key(value))
        if field and field not in columns:
            columns[field] = column
    return columns


def find_header(rows: list[list]) -> tuple[int, dict[str, int]] | None:
    """Index of the header row (姓名 and a phone or mobile column) and its columns."""
    for number, values in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns = header_columns(values)
        if "name" in columns and ({"mobile", "office_phone", "email", "unit_name", "phone"} & set(columns)):
            return number, columns
    return None


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a phone number typed as a number
    return clean_text(str(value)).strip()  # the text gate before the checks: "138…\ufeff" is a mobile


def read_form(path: str | os.PathLike) -> dict:
    """Read one returned file: {'file', 'mark', 'sheet', 'records', 'errors', 'warnings'}; ImportRejected if
    unreadable.  Every sheet is looked at (an attachment may follow the statistics table)."""
    from models.documents.sheet_grids import form_sheets

    name = Path(path).name
    sheets, mark = form_sheets(Path(path))
    for sheet in sheets:
        band = _header_band(sheet)
        if band is not None:
            break
    else:
        raise ImportRejected("找不到表头行（应有“姓名”或“联系人”，以及“手机”或“办公电话”等栏目）。", name)
    last, fields = band
    records, errors, warnings = _records(sheet, last, fields)
    return {
        "file": name,
        "mark": mark,
        "sheet": sheet.title,
        "records": records,
        "errors": errors,
        "warnings": warnings,
        "columns": {f: c - 1 for c, (f, _g) in fields.items()},
        "form_unit": _form_unit(sheet, last),
    }


def _lookup(sheet):
    from models.documents.sheet_grids import merged_lookup

    return merged_lookup(sheet.merges)


def _cell(sheet, lookup, r: int, c: int):
    r, c = lookup.get((r, c), (r, c))
    if 0 < r <= len(sheet.rows) and 0 < c <= len(sheet.rows[r - 1]):
        return sheet.rows[r - 1][c - 1]
    return None


def _header_band(sheet):
    """(last header row, {column: (field, role group)}) of a sheet's people table, or None."""
    lookup = _lookup(sheet)
    width = max((len(r) for r in sheet.rows[:HEADER_SEARCH_ROWS]), default=0)
    for r in range(1, min(len(sheet.rows), HEADER_SEARCH_ROWS) + 1):
        top = [_cell(sheet, lookup, r, c) for c in range(1, width + 1)]
        below = [_cell(sheet, lookup, r + 1, c) for c in range(1, width + 1)]
        if not header_columns(top):
            continue  # a title or an empty row: the header starts lower
        groups = {c for c, v in enumerate(top, start=1) if _ROLE_GROUP.match(label_key(v)) and below[c - 1] != v}
        two_level = len(header_columns(below)) >= 2 and "name" in header_columns(below)
        fields = {}
        for c in range(1, width + 1):
            leaf = below[c - 1] if two_level and below[c - 1] not in (None, "") else top[c - 1]
            field = _BY_LABEL.get(label_key(leaf))
            if field is None:
                continue
            role = None
            if two_level and c in groups:
                role = _role_word(label_key(top[c - 1]))
            fields[c] = (field, role)
        if not any(f == "mobile" for f, _g in fields.values()):  # 联系电话 alone: a mobile or a landline
            for c, (field, role) in list(fields.items()):
                if field == "office_phone" and label_key(below[c - 1] if two_level else top[c - 1]) in (
                    "联系电话",
                    "电话",
                ):
                    fields[c] = ("phone", role)
        found = {f for f, _g in fields.values()}
        if "name" in found and found & {"mobile", "office_phone", "email", "unit_name", "unit_position", "phone"}:
            return (r + 1 if two_level else r), fields
    return None


def _role_word(text: str) -> str:
    return "联络员" if text.startswith(("联络员", "联系人")) else "分管领导"


def _form_unit(sheet, last: int) -> str | None:
    """The 填报单位 written above the table, if any."""
    from models.documents.info_lines import info_value

    for row in sheet.rows[: max(last - 1, 0)]:
        for value in row:
            if isinstance(value, str) and (found := info_value(value, "unit")):
                return found
    return None


def _records(sheet, last: int, fields: dict) -> tuple[list[dict], list[dict], list[dict]]:
    import unicodedata

    from openpyxl.utils import get_column_letter

    lookup = _lookup(sheet)
    records, errors, warnings = [], [], []
    roles = sorted({g for _f, g in fields.values() if g}) or [None]
    last_unit = ""
    for r in range(last + 1, len(sheet.rows) + 1):
        row = [(_cell(sheet, lookup, r, c)) for c in range(1, max(fields) + 1)]
        first = next((_text(v) for v in row if _text(v)), "")
        if not first or _FOOTER.match(first):
            continue
        shared, by_role = {"cells": {}}, {role: {"cells": {}} for role in roles}
        for c, (field, role) in fields.items():
            if field in ("seq", "ignored"):
                continue
            target = by_role[role] if role else shared
            coordinate = f"{get_column_letter(c)}{r}"
            target["cells"][field] = coordinate
            value = _cell(sheet, lookup, r, c)
            formula = sheet.formulas.get((r, c))
            if formula:
                if value in (None, ""):
                    errors.append(
                        {
                            "cell": coordinate,
                            "field": field,
                            "message": "单元格是公式且没有计算结果，未导入，请改为直接填写。",
                        }
                    )
                    continue
                warnings.append(
                    {
                        "cell": coordinate,
                        "field": field,
                        "message": f"单元格是公式（{formula}），按其结果“{_text(value)}”读入。",
                    }
                )
            text = _text(value)
            if field in ("office_phone", "mobile", "fax", "phone"):
                text = unicodedata.normalize("NFKC", text).strip()
                if _EMPTY.match(text):
                    text = ""
            if text:
                target[field] = text
        if shared.get("unit_name"):
            last_unit = shared["unit_name"]
        elif last_unit and any(by_role[role].get("name") or shared.get("name") for role in roles):
            shared["unit_name"] = last_unit  # unit name written once over several people
        people = []
        for role in roles:
            person = {**{k: v for k, v in shared.items() if k != "cells"}, **by_role[role]}
            person["cells"] = {**shared["cells"], **by_role[role]["cells"]}
            if role:
                person["role"] = role
            if person.get("phone"):  # 联系方式: a mobile or a landline, by its shape
                phone = person.pop("phone")
                key = "mobile" if re.fullmatch(r"(\+?86)?1\d{10}", re.sub(r"[\s-]", "", phone)) else "office_phone"
                person.setdefault(key, phone)
                person["cells"][key] = person["cells"].pop("phone")
            name_cell = person["cells"].get("name")
            unreadable = any(e["cell"] == name_cell for e in errors)  # the name is a formula without a result
            if person.get("name") or (unreadable and len([k for k in person if k not in ("cells", "role")]) > 1):
                person["row"] = r
                people.append(person)  # a row refused for its name still has every other problem checked
        records += people
    return records, errors, warnings
