"""The filled liaison attachment: in the app's own layout, in a received template, or as a PDF table.

Mobile numbers and emails can be masked (138****1234) when the list leaves the
office; the caller decides explicitly.  Text is always written as text.
"""

from __future__ import annotations

import os
from pathlib import Path

from models.documents.contacts import mask_email, mask_mobile
from models.errors import ValidationError
from models.liaisons.forms import list_title, write_list_sheet
from models.liaisons.liaison import liaison_rows
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
    from models.campaigns.office import office_for

    office = office_for(store, campaign).name
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
    """Write the liaisons into a received blank template, keeping its layout; only data cells change.

    The header is read by meaning (one or two levels: 分管领导 | 联络员 groups give one row per unit); more
    people than rows: rows are inserted above the notes (print area, merges, formulas follow), or, where the
    template says it holds a fixed number of rows (“本表限30行，超出请另附页”), the rest go on a copy of the
    sheet (“…（续1）”) with the same header.
    """
    from models.documents.xlsx_io import open_workbook, save_workbook

    name = Path(template).name
    book = open_workbook(template, read_only=False, data_only=False)
    sheet, last, fields = _template_header(book, name)
    entries = _entries(export_rows(store, campaign["id"], mask=mask), fields)
    first = last + 1
    footer = _footer_row(sheet, first) or sheet.max_row + 1
    room = footer - first
    limit = _stated_limit(sheet, last)
    pages = [entries]
    if len(entries) > room and limit:
        pages = [entries[i : i + room] for i in range(0, len(entries), room)]
    elif len(entries) > room:
        from models.documents.xlsx_rows import insert_rows

        insert_rows(sheet, footer, len(entries) - room, footer - 1)
    targets = [sheet] + [_continuation(book, sheet, number) for number in range(1, len(pages))]
    for page, target in zip(pages, targets):
        for number, entry in enumerate(page):
            row = first + number
            for column, value in entry.items():
                _write(target, row, column, value, first)
    return save_workbook(book, out)


def _template_header(book, name: str):
    """(sheet, last header row, {column: (field, role)}) of the first sheet holding a people table."""
    from models.documents.sheet_grids import template_sheets
    from models.liaisons.reading import _header_band

    for grid in template_sheets(book):
        band = _header_band(grid)
        if band is not None:
            return book[grid.title], band[0], band[1]
    raise ValidationError("模板中找不到表头行（应有“姓名”或“联系人”，以及“手机”“办公电话”等栏目）。", name)


def _person_values(person: dict, fields: dict, role: str | None, number: int) -> dict:
    values = {}
    for column, (field, group) in fields.items():
        if group != role and group is not None:
            continue
        if field == "seq":
            values[column] = number
        elif field == "unit_name":
            values[column] = person.get("unit_name")
        elif field == "unit_position":
            values[column] = " ".join(v for v in (person.get("unit_name"), person.get("position")) if v)
        elif field == "phone":
            values[column] = person.get("office_phone") or person.get("mobile")
        elif field == "role" and group is None:
            values[column] = person.get("role")
        elif field not in ("ignored", "role"):
            values[column] = person.get(field)
    return {c: v for c, v in values.items() if v not in (None, "")}


def _entries(rows: list[dict], fields: dict) -> list[dict]:
    """One {column: value} per printed row: a person, or a unit with its people by role (two-level header)."""
    roles = sorted({g for _f, g in fields.values() if g})
    people = [r for r in rows if r.get("name")]
    if not roles:
        return [_person_values(p, fields, None, n) for n, p in enumerate(people, start=1)]
    entries, by_unit = [], {}
    for person in people:
        by_unit.setdefault(person["unit_id"], []).append(person)
    for unit_people in by_unit.values():
        while unit_people:
            entry = {}
            for role in roles:
                person = next((p for p in unit_people if p.get("role") == role), None)
                if person is None and role == "联络员":
                    person = next((p for p in unit_people if p.get("role") not in roles), None)
                if person is None:
                    continue
                unit_people.remove(person)
                entry.update(_person_values(person, fields, role, len(entries) + 1))
                shared = _person_values(person, fields, None, len(entries) + 1)
                entry.update({c: v for c, v in shared.items() if c not in entry})
            if not entry:
                person = unit_people.pop(0)  # a role the template has no group for: as 联络员
                entry = _person_values(person, fields, None, len(entries) + 1)
            entries.append(entry)
    return entries


def _stated_limit(sheet, last: int) -> int | None:
    import re

    for row in sheet.iter_rows(max_row=last + 1, values_only=True):
        for value in row:
            if isinstance(value, str) and (found := re.search(r"限\s*(\d+)\s*行|另附页", value)):
                return int(found.group(1)) if found.group(1) else 1
    return None


def _continuation(book, sheet, number: int):
    """A copy of the template sheet for the people past its stated limit, its data rows emptied."""
    copy = book.copy_worksheet(sheet)
    copy.title = f"{sheet.title[:25]}（续{number}）"
    copy.page_setup = sheet.page_setup
    copy.print_options = sheet.print_options
    if sheet.print_area:
        copy.print_area = sheet.print_area.split("!")[-1].replace("$", "")
    if sheet.print_title_rows:
        copy.print_title_rows = sheet.print_title_rows
    for validation in sheet.data_validations.dataValidation:
        copy.add_data_validation(validation)
    return copy


def _footer_row(sheet, first: int) -> int | None:
    from models.liaisons.reading import _FOOTER

    for number in range(first, sheet.max_row + 1):
        for cell in sheet[number]:
            if isinstance(cell.value, str) and (
                _FOOTER.match(cell.value.strip()) or cell.value.strip().startswith("注")
            ):
                return number
    return None


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
