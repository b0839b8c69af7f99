"""Finding the cells of a returned weekly form: by the hidden mark, or by the template's header and row labels."""

from __future__ import annotations

import re

from models.errors import ImportRejected
from models.progress.forms.template import match_columns, read_header, sheet_merges, sheet_rows
from models.progress.values import fold

MAX_ROWS = 2000
_TOTAL_ROW = re.compile(r"合计|总计|小计|填报人|审核|联系电话|制表")


def _coordinate(row: int, col: int) -> str:
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(col)}{row}"


def _merge_errors(merges, rows: set[int] | range, cols: set[int], sheet: str) -> tuple[list[dict], set]:
    """A merged range over data cells makes their value ambiguous: each such cell is an error."""
    errors, bad = [], set()
    for min_row, min_col, max_row, max_col in merges:
        hit = [
            (r, c) for r in range(min_row, max_row + 1) for c in range(min_col, max_col + 1) if r in rows and c in cols
        ]
        if hit:
            span = f"{_coordinate(min_row, min_col)}:{_coordinate(max_row, max_col)}"
            for r, c in hit:
                bad.add((r, c))
                errors.append({"sheet": sheet, "cell": _coordinate(r, c), "message": f"数据区有合并单元格（{span}）"})
    return errors, bad


def _value(rows: list[list], r: int, c: int):
    return rows[r - 1][c - 1] if r - 1 < len(rows) and c - 1 < len(rows[r - 1]) else None


def _data_sheet(workbook):
    visible = [ws for ws in workbook.worksheets if getattr(ws, "sheet_state", "visible") == "visible"]
    return visible[0] if visible else workbook.worksheets[0]


def own_form_cells(workbook, mark: dict, context, name: str) -> dict:
    """The cells of one of the app's own blank forms, located by its mark."""
    if mark.get("campaign_id") != context.campaign["id"]:
        raise ImportRejected("这份表格是另一个活动（另一年）的空白表，不属于本活动。", name)
    period = context.periods.get(mark.get("period_id"))
    unit = context.unit_by_id.get(mark.get("unit_id"))
    if period is None or unit is None:
        raise ImportRejected("表格标记中的周次或单位在本活动中已不存在。", name)
    ws = workbook["进展统计"] if "进展统计" in workbook.sheetnames else _data_sheet(workbook)
    data_row = int(mark["row"])
    narrative_cells = mark.get("narrative") or {}
    last = data_row + 2 + len(narrative_cells)
    rows = sheet_rows(ws, last)
    columns = {i: c for i, c in mark["columns"].items() if i in context.by_indicator}
    errors, bad = _merge_errors(sheet_merges(ws), {data_row}, set(columns.values()), ws.title)
    cells = {
        indicator_id: (_coordinate(data_row, col), _value(rows, data_row, col))
        for indicator_id, col in columns.items()
        if (data_row, col) not in bad
    }
    narrative = {}
    for key, coordinate in narrative_cells.items():
        from openpyxl.utils.cell import coordinate_to_tuple

        r, c = coordinate_to_tuple(coordinate)
        value = _value(rows, r, c)
        narrative[key] = str(value).strip() if value not in (None, "") else None
    block = {"unit": unit, "period": period, "cells": cells, "narrative": narrative}
    return {"sheet": ws.title, "blocks": [block], "errors": errors}


def template_form_cells(workbook, context, name: str) -> dict:
    """Cells of a form in the campaign's template layout: columns by header text, units by row label."""
    ws = _data_sheet(workbook)
    rows = sheet_rows(ws, MAX_ROWS)
    merges = sheet_merges(ws)
    header = read_header(rows, merges, name)
    matched, unmatched = match_columns(header.columns, context.indicators)
    if not matched:
        raise ImportRejected("表头栏目与本活动的指标表对不上，无法导入（请检查是否用了本活动的统计表）。", name)
    if context.week is None:
        raise ImportRejected("这不是本程序发出的空白表，无法判断周次：请指定周次后再导入。", name)
    errors = [
        {
            "sheet": ws.title,
            "cell": _coordinate(header.last_row, c["col"]),
            "message": f"栏目“{c['text']}”对不上任何指标，未导入",
        }
        for c in unmatched
    ]
    data_rows = range(header.last_row + 1, len(rows) + 1)
    merge_errors, bad = _merge_errors(merges, data_rows, set(matched), ws.title)
    errors += merge_errors
    label_cols = header.label_columns or list(range(1, min(matched)))
    form_unit = context.find_unit(header.unit_text)
    blocks, used = [], set()
    for r in data_rows:
        raws = {col: _value(rows, r, col) for col in matched}
        labels = [_value(rows, r, c) for c in label_cols]
        label_text = "".join(fold(v) for v in labels if isinstance(v, str))
        if _TOTAL_ROW.search(label_text):
            continue
        if all(v in (None, "") for v in raws.values()):
            continue
        unit = next((u for u in map(context.find_unit, labels) if u), None)
        if unit is None and form_unit is not None and form_unit["id"] not in used and not label_text:
            unit = form_unit
        if unit is None:
            unit = form_unit if (form_unit and form_unit["id"] not in used) else None
        if unit is None:
            shown = label_text or f"第 {r} 行"
            errors.append(
                {
                    "sheet": ws.title,
                    "cell": _coordinate(r, label_cols[-1] if label_cols else 1),
                    "message": f"单位“{shown}”不在本活动的单位名单中，该行未导入",
                }
            )
            continue
        used.add(unit["id"])
        cells = {matched[col]: (_coordinate(r, col), raw) for col, raw in raws.items() if (r, col) not in bad}
        blocks.append({"unit": unit, "period": context.week, "cells": cells, "narrative": {}})
    if not blocks and not errors:
        raise ImportRejected("表格中没有找到任何单位的数据。", name)
    return {"sheet": ws.title, "blocks": blocks, "errors": errors}
