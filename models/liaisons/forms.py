"""The liaison list as an office lays it out by hand, and the blank forms handed out to units.

The same layout serves the blank forms and the filled attachment: title row,
one header row, 序号, borders, widths for A4 landscape, and a footer with
填报单位/填报人/联系电话/日期.  Blank forms carry a hidden mark (campaign and
unit) so that a returned form is matched exactly.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from models.campaigns.campaign import campaign_units
from models.errors import ValidationError
from models.notices.deadlines import first_due_date
from models.store.database import Store

FORM_KIND = "liaison-form"
# (field, header label, width in characters)
COLUMNS = (
    ("seq", "序号", 6),
    ("unit_name", "单位名称", 26),
    ("role", "角色", 10),
    ("name", "姓名", 10),
    ("position", "职务", 14),
    ("office_phone", "办公电话", 17),
    ("mobile", "手机号码", 16),
    ("email", "电子邮箱", 24),
    ("fax", "传真", 15),
    ("remarks", "备注", 14),
)
BLANK_ROLES = ("分管领导", "联络员")
TITLE_FONT = "方正小标宋简体"
BODY_FONT = "宋体"


def list_title(campaign: dict) -> str:
    title = campaign.get("title") or f"{campaign['year']}年安全生产月"
    return f"{title}联络员名单"


def liaison_deadline(store: Store, campaign_id: str) -> str | None:
    due = first_due_date(store, campaign_id, "liaison")
    if not due:
        return None
    year, month, day = (int(p) for p in due.split("-"))
    return f"{year}年{month}月{day}日"


def write_list_sheet(
    sheet, title: str, rows: list[dict], *, unit_name: str = "", note: str = "", date_text: str = ""
) -> None:
    """Fill an empty sheet with the liaison list layout; rows are dicts keyed by field."""
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    from models.documents.xlsx_io import put

    last = get_column_letter(len(COLUMNS))
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)
    sheet.merge_cells(f"A1:{last}1")
    put(sheet["A1"], title)
    sheet["A1"].font = Font(name=TITLE_FONT, size=18)
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 40
    sheet.row_dimensions[2].height = 8  # a little air between title and table
    header_row = 3
    for column, (_field, label, width) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(header_row, column)
        put(cell, label)
        cell.font = Font(name="黑体", size=11, bold=True)
        cell.alignment = centre
        cell.border = box
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.row_dimensions[header_row].height = 28
    for number, row in enumerate(rows, start=1):
        excel_row = header_row + number
        for column, (field, _label, _width) in enumerate(COLUMNS, start=1):
            cell = sheet.cell(excel_row, column)
            value = number if field == "seq" else row.get(field)
            if value not in (None, ""):
                put(cell, value)
            cell.font = Font(name=BODY_FONT, size=11)
            cell.alignment = left if field in ("unit_name", "email", "remarks") else centre
            cell.border = box
        sheet.row_dimensions[excel_row].height = 24
    _merge_unit_runs(sheet, header_row, rows)
    _footer(sheet, header_row + len(rows) + 2, last, (unit_name, date_text, note))
    _page_setup(sheet, header_row, last)


def _merge_unit_runs(sheet, header_row: int, rows: list[dict]) -> None:
    """A unit with several people gets one merged name cell, as offices do."""
    start = 0
    for end in range(1, len(rows) + 1):
        if end == len(rows) or rows[end].get("unit_name") != rows[start].get("unit_name"):
            if end - start > 1 and rows[start].get("unit_name"):
                sheet.merge_cells(
                    start_row=header_row + 1 + start, end_row=header_row + end, start_column=2, end_column=2
                )
            start = end


def _footer(sheet, row: int, last: str, parts: tuple[str, str, str]) -> None:
    from openpyxl.styles import Alignment, Font

    from models.documents.xlsx_io import put

    unit_name, date_text, note = parts
    gap = " " * 12
    date_text = date_text or "      年    月    日"
    text = f"填报单位（盖章）：{unit_name or gap}{gap}填报人：{gap}联系电话：{gap}填报日期：{date_text}"
    lines = [text] + ([note] if note else [])
    for offset, line in enumerate(lines):
        sheet.merge_cells(f"A{row + offset}:{last}{row + offset}")
        cell = sheet[f"A{row + offset}"]
        put(cell, line)
        cell.font = Font(name=BODY_FONT, size=11)
        cell.alignment = Alignment(horizontal="left", vertical="center")
        sheet.row_dimensions[row + offset].height = 24


def _page_setup(sheet, header_row: int, last: str) -> None:
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.print_options.horizontalCentered = True
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
    sheet.freeze_panes = f"A{header_row + 1}"


def safe_file_name(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", name).strip("._") or "单位"


def _blank_book(store: Store, campaign: dict, rows: list[dict], unit: dict | None):
    from openpyxl import Workbook

    from models.documents.xlsx_io import write_mark

    book = Workbook()
    sheet = book.active
    sheet.title = "联络员名单"
    due = liaison_deadline(store, campaign["id"])
    office = campaign.get("office_name") or "活动办公室"
    note = f"注：请于{due}前将本表报送{office}。" if due else f"注：请填写后报送{office}。"
    write_list_sheet(sheet, list_title(campaign), rows, unit_name=unit["name"] if unit else "", note=note)
    write_mark(
        book,
        kind=FORM_KIND,
        campaign_id=campaign["id"],
        year=campaign["year"],
        unit_id=unit["id"] if unit else None,
        unit_name=unit["name"] if unit else None,
    )
    return book


def blank_forms(
    store: Store, campaign: dict, out_dir: str | os.PathLike, *, one_for_all: bool = False, progress=None
) -> list[Path]:
    """Write blank liaison forms (one per unit, or one listing every unit) into *out_dir*.

    *progress(done, total, text)*, if given, is told before each file (it may raise to stop; the files
    already written stay, each one whole)."""
    from models.documents.xlsx_io import save_workbook

    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise ValidationError("保存空白表的文件夹不存在。", str(out_dir))
    units = campaign_units(store, campaign["id"])
    if not units:
        raise ValidationError("这个活动还没有参加单位，请先添加或导入单位。")
    if one_for_all:
        rows = [{"unit_name": u["name"], "role": role} for u in units for role in BLANK_ROLES]
        book = _blank_book(store, campaign, rows, None)
        return [save_workbook(book, out_dir / f"{campaign['year']}年联络员名单（空白）.xlsx")]
    written = []
    for number, unit in enumerate(units):
        if progress is not None:
            progress(number, len(units), unit["name"])
        rows = [{"unit_name": unit["name"], "role": role} for role in BLANK_ROLES]
        rows.append({"unit_name": unit["name"]})
        book = _blank_book(store, campaign, rows, unit)
        target = out_dir / f"{campaign['year']}年联络员反馈表_{safe_file_name(unit['name'])}.xlsx"
        written.append(save_workbook(book, target))
    return written
