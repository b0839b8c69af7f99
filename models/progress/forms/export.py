"""Exporting the filled statistics table: in the app's own layout, or filling a received template in place."""

from __future__ import annotations

import json
import re
from pathlib import Path

from models.documents.xlsx_io import open_workbook, put, save_workbook
from models.documents.xlsx_merge import merge
from models.errors import ImportRejected
from models.progress.forms.own_layout import add_styles, page_setup, set_widths, write_footer, write_header, write_title
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


def export_own(table: dict, campaign: dict, target, office_name: str | None = None, *, office=None) -> dict:
    """The table in the app's own layout: title, 填报单位, two-level header, one row per unit, 合计, footer.

    *office* (models.campaigns.office.Office) fills 填报单位 and the footer's 填报人/联系电话/日期."""
    office_name = office_name or (office.name if office else None)
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
    write_footer(ws, total_row + 2, width, office)
    set_widths(ws, [5, 22], len(indicators), 8.5)
    ws.row_dimensions[4].height = 42
    ws.freeze_panes = "C5"
    page_setup(ws, "3:4")
    save_workbook(workbook, target)
    return {"file": str(target), "rows": len(table["rows"]), "unmatched_columns": [], "unplaced_units": []}


def export_into_template(
    table: dict, template, target, mapping: dict | None = None, *, store=None, office=None
) -> dict:
    """Fill a received template in place; styles, merges, formulas and print setup stay as they are."""
    from models.progress.forms.filling import fill_template
    from models.progress.forms.template import template_model

    name = Path(template).name
    if office is None and store is not None:
        from models.campaigns.office import get_office

        office = get_office(store)
    workbook = open_workbook(template, read_only=False, data_only=False)
    model = template_model(template, workbook)
    try:
        report = fill_template(workbook[model.sheet], model, table, mapping=mapping, office=office)
    except ImportRejected as exc:
        raise ImportRejected(exc.message, name) from exc
    save_workbook(workbook, target)
    from models.progress.forms.filling import match_model_columns

    matched = match_model_columns(model, table["indicators"], mapping)
    return {
        "file": str(target),
        "rows": report["rows"],
        "unmatched_columns": [c.leaf for c in model.indicators if c.col not in matched],
        "unplaced_units": report["unplaced_units"],
        "empty_rows": report["empty_rows"],
    }


def template_columns(template, indicators: list[dict], mapping: dict | None = None) -> dict:
    """Which header columns of a template match an indicator, and which do not (for the clerk to map)."""
    name = Path(template).name
    from models.progress.forms.filling import match_model_columns
    from models.progress.forms.template import template_model

    del name
    model = template_model(template)
    matched = match_model_columns(model, indicators, mapping)
    return {"matched": matched, "unmatched": [c.leaf for c in model.indicators if c.col not in matched]}
