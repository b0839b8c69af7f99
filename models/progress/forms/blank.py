"""Blank weekly forms, one xlsx per unit: protected header, whole-number validation, the hidden mark."""

from __future__ import annotations

import re
from pathlib import Path

from models.campaigns.campaign import campaign_units
from models.campaigns.layouts import list_indicators
from models.documents.xlsx_io import put, save_workbook, write_mark
from models.progress.forms.own_layout import add_styles, page_setup, set_widths, write_footer, write_header, write_title
from models.store.database import Store

DATA_ROW = 6
NARRATIVE = (
    ("activities", "本周开展情况"),
    ("highlights", "亮点"),
    ("problems", "存在问题"),
    ("media", "图片/视频文件名"),
)


def safe_file_name(text: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", text).strip("_") or "单位"


def build_form(campaign: dict, period: dict, unit: dict, indicators: list[dict]):
    """The workbook of one unit's blank form for one week."""
    from openpyxl import Workbook
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook()
    add_styles(workbook)
    ws = workbook.active
    ws.title = "进展统计"
    width = len(indicators) + 1
    write_title(ws, f"{campaign['title']}进展情况统计表", width)
    put(ws.cell(2, 1), f"填报单位：{unit['name']}")
    put(ws.cell(3, 1), f"统计时段：{period['label']}")
    for row in (2, 3):
        ws.cell(row, 1).style = "desk_plain"
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
    columns = write_header(ws, indicators, 4, 1, ["填报单位"])
    put(ws.cell(DATA_ROW, 1), unit["name"])
    ws.cell(DATA_ROW, 1).style = "desk_cell"
    rule = DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0", allow_blank=True)
    rule.error, rule.errorTitle, rule.showErrorMessage = "请填写不小于 0 的整数。", "数据不对", True
    ws.add_data_validation(rule)
    for col in columns.values():
        ws.cell(DATA_ROW, col).style = "desk_input"
        rule.add(ws.cell(DATA_ROW, col))
    cells = {}
    for offset, (key, title) in enumerate(NARRATIVE):
        row = DATA_ROW + 2 + offset
        put(ws.cell(row, 1), title)
        ws.cell(row, 1).style = "desk_head"
        ws.cell(row, 2).style = "desk_input"
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=max(width, 2))
        ws.row_dimensions[row].height = 48 if key != "media" else 24
        cells[key] = ws.cell(row, 2).coordinate
    ws.row_dimensions[4].height, ws.row_dimensions[5].height, ws.row_dimensions[DATA_ROW].height = 20, 42, 26
    write_footer(ws, DATA_ROW + 2 + len(NARRATIVE) + 1, width)
    set_widths(ws, [18], len(indicators))
    page_setup(ws, "4:5")
    ws.protection.sheet = True
    ws.protection.formatColumns = ws.protection.formatRows = False
    write_mark(
        workbook,
        kind="stats",
        campaign_id=campaign["id"],
        period_id=period["id"],
        unit_id=unit["id"],
        row=DATA_ROW,
        columns=columns,
        narrative=cells,
    )
    return workbook


def write_blank_forms(store: Store, campaign: dict, period: dict, out_dir) -> list[Path]:
    """One form per expected unit into *out_dir*; returns the files written."""
    from models.errors import ValidationError

    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise ValidationError("输出文件夹不存在。", str(out_dir))
    indicators = list_indicators(store, campaign["id"])
    written = []
    for number, unit in enumerate(campaign_units(store, campaign["id"]), start=1):
        name = f"{number:03d}_{safe_file_name(unit['name'])}_第{period['seq']}周进展统计表.xlsx"
        written.append(save_workbook(build_form(campaign, period, unit, indicators), out_dir / name))
    return written
