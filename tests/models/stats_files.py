"""Builders of the xlsx files the statistics tests read: a received template and returned forms."""

from __future__ import annotations

from pathlib import Path

# A provincial-style template: 序号/单位, groups merged over two header rows, a single-level column,
# pre-printed unit rows, empty rows, and a SUM 合计 row.
GROUPS = [
    ("应急演练", ["场次", "参演人数（人次）"]),
    ("隐患排查", ["排查隐患（处）", "已整改（处）"]),
    ("新闻报道（篇）", None),
]


def make_template(path: Path, units: list[str], empty_rows: int = 3, extra_column: str | None = None) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Border, Font, Side

    wb = Workbook()
    ws = wb.active
    ws.title = "统计表"
    ws["A1"] = "安全生产月活动进展情况统计表"
    ws.merge_cells("A1:H1")
    ws["A1"].font = Font(bold=True, size=16)
    ws["A2"] = "填报单位：                填报时间："
    ws["A3"], ws["B3"] = "序号", "单位名称"
    ws.merge_cells("A3:A4")
    ws.merge_cells("B3:B4")
    col = 3
    for group, labels in GROUPS:
        ws.cell(3, col, group)
        if labels is None:
            ws.merge_cells(start_row=3, start_column=col, end_row=4, end_column=col)
            col += 1
            continue
        ws.merge_cells(start_row=3, start_column=col, end_row=3, end_column=col + len(labels) - 1)
        for offset, label in enumerate(labels):
            ws.cell(4, col + offset, label)
        col += len(labels)
    if extra_column:
        ws.cell(3, col, extra_column)
        ws.merge_cells(start_row=3, start_column=col, end_row=4, end_column=col)
        col += 1
    last_col = col - 1
    thin = Side(style="thin")
    row = 5
    for number, unit in enumerate(units, start=1):
        ws.cell(row, 1, number)
        ws.cell(row, 2, unit)
        row += 1
    row += empty_rows
    ws.cell(row, 1, "合计")
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=2)
    from openpyxl.utils import get_column_letter

    for c in range(3, last_col + 1):
        letter = get_column_letter(c)
        ws.cell(row, c, f"=SUM({letter}5:{letter}{row - 1})")
    for r in range(3, row + 1):
        for c in range(1, last_col + 1):
            ws.cell(r, c).border = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws.page_setup.orientation = "landscape"
    ws.cell(row + 2, 1, "填报人：")
    wb.save(path)
    return path


def fill_own_form(path: Path, values: dict[int, object], narrative: dict[str, str] | None = None) -> None:
    """Type values into a blank form the app made (column → value), as a unit would."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb["进展统计"]
    for col, value in values.items():
        ws.cell(6, col).value = value
    for coordinate, text in (narrative or {}).items():
        ws[coordinate] = text
    wb.save(path)
