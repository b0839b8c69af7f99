"""Any table the app shows, as an xlsx an office would make by hand: title row, bold bordered header, A4 print setup.

Cells that read as numbers are written as numbers (so Excel/WPS can add them up); other text stays text, even
when it starts with ``=``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

from models.documents.xlsx_io import put, save_workbook

_NUMBER = re.compile(r"^-?\d{1,15}(\.\d+)?$")
MAX_WIDTH = 50


def as_number(text: str) -> int | float | None:
    """The number a cell shows (``1,234`` and ``12.5`` too), or None for text; ids with leading zeros stay text."""
    plain = text.replace(",", "").strip()
    if not _NUMBER.match(plain) or (len(plain) > 1 and plain.startswith("0") and not plain.startswith("0.")):
        return None
    value = float(plain)
    return int(value) if value.is_integer() and "." not in plain else value


def _width(text: str) -> float:
    lines = str(text).split("\n") or [""]
    return max(sum(2 if ord(ch) > 0x2E7F else 1 for ch in line) for line in lines) + 2


def write_table(
    out: str | os.PathLike,
    title: str,
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    *,
    sheet_name: str = "",
) -> Path:
    """Write *rows* (texts as shown) under *headers*, with *title* above; returns the file written."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = (re.sub(r"[\\/*?:\[\]]", "", sheet_name or title) or "表格")[:31]
    columns = max(len(headers), 1)
    thin = Side(style="thin")
    border = Border(thin, thin, thin, thin)
    put(sheet.cell(1, 1), title)
    sheet.cell(1, 1).font = Font(name="黑体", size=14)
    sheet.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    if columns > 1:
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=columns)
    widths = [_width(h) for h in headers]
    for col, text in enumerate(headers, start=1):
        cell = sheet.cell(2, col)
        put(cell, str(text))
        cell.font = Font(bold=True)
        cell.border = border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for r, row in enumerate(rows, start=3):
        for col, text in enumerate(row, start=1):
            cell = sheet.cell(r, col)
            number = as_number(str(text)) if text else None
            put(cell, number if number is not None else (str(text) if text else None))
            cell.border = border
            if col <= len(widths):
                widths[col - 1] = max(widths[col - 1], _width(text))
    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = min(width, MAX_WIDTH)
    sheet.freeze_panes = "A3"
    sheet.print_title_rows = "2:2"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if sum(widths) > 100 else "portrait"
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    return save_workbook(workbook, out)
