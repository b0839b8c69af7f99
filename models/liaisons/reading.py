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
    "unit_name": ("单位", "单位名称", "填报单位", "所在单位", "工作单位"),
    "role": ("角色", "类别", "身份"),
    "name": ("姓名", "联络员", "联络员姓名"),
    "position": ("职务", "职务职称", "职位"),
    "office_phone": ("办公电话", "固定电话", "座机", "电话", "联系电话"),
    "mobile": ("手机", "手机号码", "手机号", "移动电话"),
    "email": ("邮箱", "电子邮箱", "电子邮件", "email", "e-mail", "邮件"),
    "fax": ("传真", "传真号码"),
    "remarks": ("备注",),
    "seq": ("序号", "编号"),
}
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
        if "name" in columns and ({"mobile", "office_phone", "email", "unit_name"} & set(columns)):
            return number, columns
    return None


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a phone number typed as a number
    return clean_text(str(value)).strip()  # the text gate before the checks: "138…\ufeff" is a mobile


def read_form(path: str | os.PathLike) -> dict:
    """Read one returned file: {'file', 'mark', 'sheet', 'records', 'errors'}; ImportRejected if unreadable."""
    from models.documents.xlsx_io import as_rejection, open_workbook, read_mark

    name = Path(path).name
    workbook = open_workbook(path, data_only=False)
    try:
        mark = read_mark(workbook)
        found = None
        for sheet in workbook.worksheets:
            if sheet.title.startswith("_desk"):
                continue
            grid = _grid(sheet)
            header = find_header([[c[0] for c in row] for row in grid])
            if header:
                found = (sheet.title, grid, header)
                break
    except ImportRejected:
        raise
    except Exception as exc:  # noqa: BLE001 - read-only parsing is lazy
        raise as_rejection(exc, name) from exc
    finally:
        workbook.close()
    if found is None:
        raise ImportRejected("找不到表头行（应有“姓名”以及“手机”或“办公电话”等栏目）。", name)
    title, grid, (header_row, columns) = found
    records, errors = _records(grid, header_row, columns)
    return {"file": name, "mark": mark, "sheet": title, "records": records, "errors": errors, "columns": columns}


def _grid(sheet) -> list[list[tuple]]:
    """Rows of (value, is_formula, coordinate) for the cells of a read-only sheet."""
    from openpyxl.utils import get_column_letter

    grid = []
    for row_number, row in enumerate(sheet.iter_rows(max_col=40), start=1):
        cells = []
        for column, cell in enumerate(row, start=1):
            value = getattr(cell, "value", None)
            formula = getattr(cell, "data_type", None) == "f"
            cells.append((value, formula, f"{get_column_letter(column)}{row_number}"))
        grid.append(cells)
        if row_number > 5000:
            break
    return grid


def _records(grid: list[list[tuple]], header_row: int, columns: dict[str, int]) -> tuple[list[dict], list[dict]]:
    records, errors = [], []
    last_unit = ""
    for row in grid[header_row + 1 :]:
        first = next((_text(v) for v, _f, _c in row if _text(v)), "")
        if not first:
            continue
        if _FOOTER.match(first):
            continue
        record: dict = {"cells": {}}
        for field, column in columns.items():
            if field == "seq" or column >= len(row):
                continue
            value, formula, coordinate = row[column]
            record["cells"][field] = coordinate
            if formula:
                errors.append(
                    {"cell": coordinate, "field": field, "message": "单元格是公式，未导入，请改为直接填写文字。"}
                )
                continue
            text = _text(value)
            if text:
                record[field] = text
        if not record.get("unit_name") and last_unit and record.get("name"):
            record["unit_name"] = last_unit  # unit name merged down over several people
        last_unit = record.get("unit_name") or last_unit
        if not record.get("name"):
            continue  # a blank row of the form, or a unit that named nobody yet
        record["row"] = int(re.sub(r"\D", "", next(iter(record["cells"].values()), "0")) or 0)
        records.append(record)
    return records, errors
