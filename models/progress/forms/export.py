"""Exporting the filled statistics table: in the app's own layout, or filling a received template in place."""

from __future__ import annotations

import json
import re
from pathlib import Path

from models.documents.xlsx_io import open_workbook, put, save_workbook
from models.documents.xlsx_merge import merge
from models.errors import ImportRejected
from models.progress.forms.own_layout import add_styles, page_setup, set_widths, write_footer, write_header, write_title
from models.progress.forms.template import match_columns, read_header, sheet_merges, sheet_rows
from models.progress.values import fold
from models.store.database import Store

_END_ROW = re.compile(r"合计|总计|填报人|审核|制表|联系电话")
_MAPPING_KEY = "stats_template_mapping:{}"


def remembered_mapping(store: Store, campaign_id: str) -> dict:
    """Template header text → indicator id, as the clerk mapped it once."""
    try:
        return json.loads(store.meta(_MAPPING_KEY.format(campaign_id)) or "{}")
    except ValueError:
        return {}


def remember_mapping(store: Store, campaign_id: str, mapping: dict) -> None:
    merged = {**remembered_mapping(store, campaign_id), **mapping}
    store.set_meta(_MAPPING_KEY.format(campaign_id), json.dumps(merged, ensure_ascii=False))


def export_own(table: dict, campaign: dict, target, office_name: str | None = None) -> dict:
    """The table in the app's own layout: title, 填报单位, two-level header, one row per unit, 合计, footer."""
    from openpyxl import Workbook

    workbook = Workbook()
    add_styles(workbook)
    ws = workbook.active
    ws.title = "进展统计"
    indicators = table["indicators"]
    width = len(indicators) + 2
    write_title(ws, f"{campaign['title']}进展情况统计表", width)
    put(ws.cell(2, 1), f"填报单位：{office_name or campaign.get('office_name') or ''}")
    put(ws.cell(2, width - 3 if width > 4 else 1), f"统计时段：{table['title']}")
    ws.cell(2, 1).style = "desk_plain"
    columns = write_header(ws, indicators, 3, 1, ["序号", "单位"])
    del columns  # indicators run from column 3 in layout order
    first, cells = 5, ws._cells
    for number, row in enumerate(table["rows"], start=first - 4):
        ws.append([number, None, *row["values"]])
        put(cells[(first - 1 + number, 2)], row["unit"]["name"])
    if table["rows"]:
        # Name the style once per column kind, then give every cell its column's style record, shared:
        # nothing changes these cells' styles afterwards (assigning by name per cell is several times slower).
        for col, name in ((1, "desk_center"), (2, "desk_cell"), (3, "desk_number")):
            cells[(first, col)].style = name
        kinds = [cells[(first, col)]._style for col in (1, 2, 3)]
        kinds += [kinds[2]] * (width - 3)
        height = ws.row_dimensions[first]
        height.height = 18
        for r in range(first, first + len(table["rows"])):
            for col, style in enumerate(kinds, start=1):
                cells[(r, col)]._style = style
            ws.row_dimensions[r] = height  # one shared record: a row dimension does not hold its row number
    total_row = first + len(table["rows"])
    ws.append(["合计", None, *table["total"]])
    merge(ws, total_row, 1, total_row, 2)
    for col in range(1, width + 1):  # not ws[total_row]: that scans every cell for the sheet's width
        cells[(total_row, col)].style = "desk_total"
    write_footer(ws, total_row + 2, width)
    set_widths(ws, [5, 22], len(indicators), 8.5)
    ws.row_dimensions[4].height = 42
    ws.freeze_panes = "C5"
    page_setup(ws, "3:4")
    save_workbook(workbook, target)
    return {"file": str(target), "rows": len(table["rows"]), "unmatched_columns": [], "unplaced_units": []}


def _is_formula(value) -> bool:
    return isinstance(value, str) and value.startswith("=")


def export_into_template(table: dict, template, target, mapping: dict | None = None) -> dict:
    """Fill a received template in place; styles, merges, formulas and print setup stay as they are."""
    name = Path(template).name
    workbook = open_workbook(template, read_only=False, data_only=False)
    ws = next((s for s in workbook.worksheets if s.sheet_state == "visible"), workbook.active)
    rows = sheet_rows(ws)
    merges = sheet_merges(ws)
    header = read_header(rows, merges, name)
    matched, unmatched = match_columns(header.columns, table["indicators"], mapping)
    if not matched:
        raise ImportRejected("模板的表头栏目与本活动的指标都对不上，无法填写。", name)
    col_of = {indicator_id: col for col, indicator_id in matched.items()}
    label_cols = header.label_columns or [1]
    name_col = label_cols[-1]
    number_col = label_cols[0] if len(label_cols) > 1 else None
    covered = {(r, c) for r0, c0, r1, c1 in merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
    printed, free, total_row = {}, [], None
    for r in range(header.last_row + 1, ws.max_row + 1):
        label = "".join(fold(ws.cell(r, c).value) for c in label_cols if isinstance(ws.cell(r, c).value, str))
        if _END_ROW.search(label):
            total_row = r if "计" in label else total_row
            break
        if label:
            printed[label] = r
        elif (r, name_col) not in covered:
            free.append(r)
    placed, unplaced = 0, []
    for row in table["rows"]:
        unit = row["unit"]
        r = printed.get(fold(unit["name"]))
        if r is None:
            if not free:
                unplaced.append(unit["name"])
                continue
            r = free.pop(0)
            put(ws.cell(r, name_col), unit["name"])
            if number_col:
                ws.cell(r, number_col).value = placed + 1
        for indicator, value in zip(table["indicators"], row["values"]):
            col = col_of.get(indicator["id"])
            if col and value is not None and not _is_formula(ws.cell(r, col).value):
                ws.cell(r, col).value = value
        placed += 1
    if total_row:
        for indicator, value in zip(table["indicators"], table["total"]):
            col = col_of.get(indicator["id"])
            if col and ws.cell(total_row, col).value is None:
                ws.cell(total_row, col).value = value
    save_workbook(workbook, target)
    return {
        "file": str(target),
        "rows": placed,
        "unmatched_columns": [c["text"] for c in unmatched],
        "unplaced_units": unplaced,
    }


def template_columns(template, indicators: list[dict], mapping: dict | None = None) -> dict:
    """Which header columns of a template match an indicator, and which do not (for the clerk to map)."""
    name = Path(template).name
    workbook = open_workbook(template, read_only=False, data_only=False)
    try:
        ws = next((s for s in workbook.worksheets if s.sheet_state == "visible"), workbook.active)
        header = read_header(sheet_rows(ws, 20), sheet_merges(ws), name)
    finally:
        workbook.close()
    matched, unmatched = match_columns(header.columns, indicators, mapping)
    return {"matched": matched, "unmatched": [c["text"] for c in unmatched]}
