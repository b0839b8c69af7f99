"""The tables of a report as .xlsx (every indicator, two-level header, 合计 row, A4 landscape)."""

from __future__ import annotations

import os

from models.campaigns.campaign import get_campaign
from models.campaigns.periods import get_period
from models.documents.xlsx_io import put, save_workbook
from models.progress.totals import Figures, load_figures
from models.store.database import Store


def _sheet_rows(figures: Figures) -> tuple[list[str], list[str], list[list]]:
    groups = [i["group_label"] or "" for i in figures.indicators]
    labels = [f"{i['label']}（{i['measure']}）" if i["measure"] else i["label"] for i in figures.indicators]
    rows = []
    for unit in figures.units:
        values = figures.per_unit.get(unit["id"], {})
        rows.append([unit["name"], *(values.get(i["id"]) for i in figures.indicators)])
    totals = figures.totals
    rows.append(["合计", *(totals.get(i["id"]) for i in figures.indicators)])
    return groups, labels, rows


def export_tables_xlsx(store: Store, report: dict, out: str | os.PathLike) -> str:
    """The report's per-unit table (the whole campaign, or the report's week) as an xlsx file."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    campaign = get_campaign(store, report["campaign_id"])
    period = get_period(store, report.get("period_id"))
    figures = load_figures(store, campaign["id"], only=period["seq"] if period else None)
    groups, labels, rows = _sheet_rows(figures)
    title = f"{report.get('title') or campaign['title']}——各单位活动开展情况统计表"
    book = Workbook()
    sheet = book.active
    sheet.title = "各单位统计表"
    width = len(labels) + 1
    _append(sheet, [title])  # a title "=HYPERLINK(…)" is text, not a formula
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    _append(sheet, ["单位", *groups])
    _append(sheet, ["", *labels])
    sheet.merge_cells(start_row=2, start_column=1, end_row=3, end_column=1)
    start = 2
    for column in range(3, width + 2):  # merge runs of the same group label
        if column == width + 1 or groups[column - 2] != groups[start - 2]:
            if column - start > 1:
                sheet.merge_cells(start_row=2, start_column=start, end_row=2, end_column=column - 1)
            start = column
    for row in rows:
        _append(sheet, row)
    thin = Side(style="thin")
    for row in sheet.iter_rows(min_row=2, max_row=3 + len(rows), max_col=width):
        for cell in row:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            if cell.row <= 3:
                cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
                cell.font = Font(bold=True)
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.column_dimensions["A"].width = 24
    sheet.freeze_panes = "B4"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "2:3"
    save_workbook(book, out)
    return str(out)


def _append(sheet, values: list) -> None:
    row = sheet.max_row + 1 if sheet._cells else 1
    for column, value in enumerate(values, start=1):
        put(sheet.cell(row, column), value)
