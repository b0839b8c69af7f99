"""The filled liaison attachment: in the app's own layout, in a received template, or as a PDF table.

Mobile numbers and emails can be masked (138****1234) when the list leaves the
office; the caller decides explicitly.  Text is always written as text.
"""

from __future__ import annotations

import os
from pathlib import Path

from models.errors import ValidationError
from models.liaisons.contacts import mask_email, mask_mobile
from models.liaisons.forms import list_title, write_list_sheet
from models.liaisons.liaison import liaison_rows
from models.liaisons.reading import HEADER_SEARCH_ROWS, header_columns
from models.store.database import Store


def export_rows(store: Store, campaign_id: str, *, mask: bool = False) -> list[dict]:
    """The named liaisons of the campaign in list order, masked if asked."""
    rows = [dict(r) for r in liaison_rows(store, campaign_id) if r["id"] is not None]
    if mask:
        for row in rows:
            row["mobile"] = mask_mobile(row.get("mobile"))
            row["email"] = mask_email(row.get("email"))
    return rows


def export_xlsx(store: Store, campaign: dict, out: str | os.PathLike, *, mask: bool = False) -> Path:
    from openpyxl import Workbook

    from models.documents.xlsx_io import save_workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "联络员名单"
    office = campaign.get("office_name") or ""
    rows = export_rows(store, campaign["id"], mask=mask)
    write_list_sheet(sheet, list_title(campaign), rows, unit_name=office, date_text=_today_text())
    return save_workbook(book, out)


def _today_text() -> str:
    from models.clock import today

    day = today()
    return f"{day.year}年{day.month}月{day.day}日"


def fill_template(
    store: Store, campaign: dict, template: str | os.PathLike, out: str | os.PathLike, *, mask: bool = False
) -> Path:
    """Write the liaisons into a received blank template, keeping its layout; only data cells change."""
    from models.documents.xlsx_io import open_workbook, save_workbook

    book = open_workbook(template, read_only=False, data_only=False)
    sheet, header_row, columns = _template_header(book, Path(template).name)
    rows = export_rows(store, campaign["id"], mask=mask)
    first = header_row + 1
    footer = _footer_row(sheet, first)
    room = (footer or sheet.max_row + 1) - first
    if footer and len(rows) > room:
        _insert_rows(sheet, footer, len(rows) - room, first)
    for number, row in enumerate(rows, start=1):
        for field, column in columns.items():
            value = number if field == "seq" else row.get(field)
            _write(sheet, first + number - 1, column + 1, value, first)
    return save_workbook(book, out)


def _template_header(book, name: str):
    for sheet in book.worksheets:
        for number, values in enumerate(sheet.iter_rows(max_row=HEADER_SEARCH_ROWS, values_only=True), start=1):
            columns = header_columns(list(values))
            if "name" in columns and len(columns) >= 3:
                return sheet, number, columns
    raise ValidationError("模板中找不到表头行（应有“姓名”“手机”等栏目）。", name)


def _footer_row(sheet, first: int) -> int | None:
    from models.liaisons.reading import _FOOTER

    for number in range(first, sheet.max_row + 1):
        for cell in sheet[number]:
            if isinstance(cell.value, str) and _FOOTER.match(cell.value.strip()):
                return number
    return None


def _insert_rows(sheet, at: int, count: int, style_row: int) -> None:
    """Insert rows above the footer; openpyxl does not move merged ranges or heights, so do it here."""
    from copy import copy

    moved = [r for r in sheet.merged_cells.ranges if r.min_row >= at]
    for merged in moved:
        sheet.merged_cells.remove(merged)
    heights = {n: sheet.row_dimensions[n].height for n in range(at, sheet.max_row + 1)}
    sheet.insert_rows(at, count)
    for merged in moved:
        merged.shift(0, count)
        sheet.merged_cells.add(merged)
    for number, height in heights.items():
        sheet.row_dimensions[number + count].height = height
    for number in range(at, at + count):
        sheet.row_dimensions[number].height = sheet.row_dimensions[style_row].height
        for column in range(1, sheet.max_column + 1):
            source, target = sheet.cell(style_row, column), sheet.cell(number, column)
            if source.has_style:
                target._style = copy(source._style)


def _write(sheet, row: int, column: int, value, style_row: int) -> None:
    from copy import copy

    from openpyxl.cell.cell import MergedCell

    from models.documents.xlsx_io import put

    cell = sheet.cell(row, column)
    if isinstance(cell, MergedCell):
        return  # inside a merged block of the template: its first cell holds the value
    if not cell.has_style and row != style_row:
        cell._style = copy(sheet.cell(style_row, column)._style)
    put(cell, value)


def export_pdf(store: Store, campaign: dict, out: str | os.PathLike, *, mask: bool = False) -> Path:
    """The list as a PDF on the official pipeline (``list_pdf.py``)."""
    from models.liaisons.list_pdf import export_pdf as write_pdf

    return write_pdf(store, campaign, out, mask=mask)


def export_liaisons(
    store: Store, campaign: dict, out: str | os.PathLike, *, template: str | None = None, mask: bool = False
) -> Path:
    """Choose the writer by the target's suffix (.xlsx or .pdf) and whether a template is given."""
    suffix = Path(out).suffix.lower()
    if suffix == ".pdf":
        return export_pdf(store, campaign, out, mask=mask)
    if suffix != ".xlsx":
        raise ValidationError("导出文件应以 .xlsx 或 .pdf 结尾。", str(out))
    if template:
        return fill_template(store, campaign, template, out, mask=mask)
    return export_xlsx(store, campaign, out, mask=mask)
