"""Filling a received template with the campaign's figures, through the table model.

- units go into their pre-printed rows by normalised name (城关镇 = 城关镇人民政府), else into the empty rows;
  with more units than rows, rows are inserted with the styles of the last empty row, and merged ranges,
  formulas (SUM ranges), the print area, data validations and row heights below follow;
- rows that are other offices (a city's table listing the counties) get the office's own total in its row;
- a single-unit report gets the total in its data row, a table of months the total in the period's month;
- formulas stay formulas, merged cells are written only at their top-left cell, a 合计 without formulas gets
  the sum of what is listed; the 填报单位/日期/填报人/电话 lines are filled from the office;
- every unit not placed and every pre-printed row left without data is reported.
"""

from __future__ import annotations

import re
from datetime import date

from models.campaigns.unit_names import find_unit, normal_name
from models.documents.info_lines import fill_label, info_value
from models.documents.xlsx_rows import insert_rows
from models.errors import ImportRejected
from models.progress.values import fold


def match_model_columns(model, indicators: list[dict], mapping: dict | None = None) -> dict[int, str]:
    from models.progress.forms.names import match_indicators

    return match_indicators(model.indicators, indicators, mapping)


def _writable(ws, r: int, c: int) -> bool:
    from openpyxl.cell.cell import MergedCell

    cell = ws.cell(r, c)
    return not isinstance(cell, MergedCell) and not (isinstance(cell.value, str) and cell.value.startswith("="))


def _put(ws, r: int, c: int, value) -> bool:
    if c <= 0 or not _writable(ws, r, c):
        return False
    from models.documents.xlsx_io import put

    put(ws.cell(r, c), value)  # the one safe cell writer: text stays text
    return True


def _fill_info(ws, model, office, when: date) -> None:
    """填报单位/日期/填报人/电话 from the office and the date, keeping each line's labels and layout."""
    if office is None:
        return
    values = {
        "unit": office.name,
        "date": f"{when.year}年{when.month}月{when.day}日",
        "filler": office.filler,
        "phone": office.phone,
    }
    for kind, (r, c, _text) in model.info.items():
        value = values.get(kind)
        cell = ws.cell(r, c)
        if not value or not isinstance(cell.value, str) or not _writable(ws, r, c):
            continue
        if info_value(cell.value, kind).strip("年月日 \u3000"):
            continue  # already filled in
        from models.documents.xlsx_io import put

        put(cell, fill_label(cell.value, kind, value))


def fill_template(ws, model, table: dict, *, mapping=None, office=None, when: date | None = None) -> dict:
    """Write *table* (week_table / cumulative_table) into the template sheet *ws* described by *model*."""
    if model.kind == "event_list":
        raise ImportRejected(
            "这是逐场登记表（一场活动一行），不是按单位填写的统计表：请逐场填写，不能按单位汇总填入。", model.sheet
        )
    indicators = table["indicators"]
    matched = match_model_columns(model, indicators, mapping)
    if not matched:
        raise ImportRejected("模板的表头栏目与本活动的指标都对不上，无法填写。", model.sheet)
    position = {i["id"]: n for n, i in enumerate(indicators)}
    report = {"rows": 0, "unplaced_units": [], "empty_rows": [], "own_row": None}

    def write_row(r: int, values: list) -> None:
        for col, indicator_id in matched.items():
            value = values[position[indicator_id]]
            if value is not None:
                _put(ws, r, col, value)

    total = table["total"]
    rows_written: list[tuple[int, list]] = []
    if model.kind == "single_unit_row":
        write_row(model.data_row, total)
        rows_written.append((model.data_row, total))
        report["rows"] = 1
    elif model.kind == "period_rows":
        month = re.search(r"(\d{1,2})月", table.get("title") or "")
        target = next(
            (row.row for row in model.rows_of("period") if month and row.label.startswith(f"{month.group(1)}月")), None
        )
        if target is None:
            raise ImportRejected("模板是月报表，找不到本期所在月份的行。", model.sheet)
        write_row(target, total)
        rows_written.append((target, total))
        report["rows"] = 1
    else:
        rows_written = _fill_matrix(ws, model, table, write_row, report, office)
    _fill_totals(ws, model, matched, position, rows_written, report)
    _fill_info(ws, model, office, when or date.today())
    return report


def _fill_matrix(ws, model, table, write_row, report, office) -> list[tuple[int, list]]:
    printed = {row.label: row.row for row in model.rows_of("unit")}
    units_by_name = {fold(r["unit"]["name"]): r["unit"] for r in table["rows"]}
    claimed = {}
    for label, r in printed.items():
        unit = find_unit(label, units_by_name)
        if unit is not None and unit["id"] not in claimed:
            claimed[unit["id"]] = r
    if printed and not claimed and office is not None:
        own = next(
            (r for label, r in printed.items() if normal_name(label) and normal_name(label) in fold(office.name)), None
        )
        if own is not None:  # the rows are other offices (a city's counties): only our own row
            write_row(own, table["total"])
            report["rows"], report["own_row"] = 1, own
            return [(own, table["total"])]
    free = [row.row for row in model.rows_of("blank")]
    waiting = [row for row in table["rows"] if row["unit"]["id"] not in claimed]
    if len(waiting) > len(free) and free:
        extra = len(waiting) - len(free)
        at = free[-1] + 1
        insert_rows(ws, at, extra, free[-1])
        _shift_model(model, at, extra)
        free += list(range(at, at + extra))
    written = []
    number = 0
    for row in table["rows"]:
        unit = row["unit"]
        r = claimed.get(unit["id"])
        if r is None:
            if not free:
                report["unplaced_units"].append(unit["name"])
                continue
            r = free.pop(0)
            _put(ws, r, model.unit_col or 1, unit["name"])
            if model.seq_col:  # numbered on from the row above (pre-printed rows keep their numbers)
                above = ws.cell(r - 1, model.seq_col).value if r - 1 > model.last_row else None
                number = above + 1 if isinstance(above, int) and not isinstance(above, bool) else number + 1
                _put(ws, r, model.seq_col, number)
        write_row(r, row["values"])
        written.append((r, row["values"]))
        report["rows"] += 1
    used = {r for r, _v in written}
    report["empty_rows"] = [label for label, r in printed.items() if r not in used]
    return written


def _shift_model(model, at: int, count: int) -> None:
    from models.progress.forms.model import Row

    shifted = []
    for row in model.rows:
        shifted.append(Row(row.row + count if row.row >= at else row.row, row.kind, row.label))
    model.rows = shifted
    model.info = {k: ((r + count if r >= at else r), c, t) for k, (r, c, t) in model.info.items()}


def _fill_totals(ws, model, matched, position, rows_written, report) -> None:
    """A 合计 without formulas gets the sum of what is listed (a 合计 with formulas keeps them)."""
    for total in model.rows_of("total"):
        for col, indicator_id in matched.items():
            if not _writable(ws, total.row, col):
                continue
            values = [v[position[indicator_id]] for _r, v in rows_written if v[position[indicator_id]] is not None]
            if values:
                _put(ws, total.row, col, round(sum(values), 10))
