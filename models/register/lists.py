"""Lists of leads and cases as xlsx: a returned list read (header row found by its words, every bad cell named,
nothing written until the clerk confirms), and the register exported in the app's layout (A4 landscape)."""

from __future__ import annotations

import os
from pathlib import Path

from models.documents.xlsx_io import open_workbook, put, save_workbook
from models.errors import DeskError, ImportRejected, ValidationError
from models.register.records import Kind, checked, clean_text, list_records, unit_names
from models.store.database import Store

_HEADER_ROWS = 15


def _header_map(kind: Kind, cells: list) -> dict[int, str]:
    """Column index → field name, for a row whose cells name at least two of the kind's fields."""
    found: dict[int, str] = {}
    for index, cell in enumerate(cells):
        text = "".join(clean_text(cell).split()).replace("（", "(").split("(")[0]
        if not text:
            continue
        for field in kind.fields:
            if field.name in found.values():
                continue
            if text == field.label or text in field.headers:
                found[index] = field.name
                break
    required = [f.name for f in kind.fields if f.required]
    return found if len(found) >= 2 and all(r in found.values() for r in required) else {}


def read_list(store: Store, kind: Kind, campaign: dict, path: str | os.PathLike) -> dict:
    """Preview of a returned list: the rows that would be added, those already there, every error by cell."""
    name = Path(path).name
    workbook = open_workbook(path)
    try:
        for sheet in workbook.worksheets:
            rows = list(sheet.iter_rows(values_only=True))
            for header_index, cells in enumerate(rows[:_HEADER_ROWS]):
                columns = _header_map(kind, list(cells))
                if columns:
                    return _rows(store, kind, campaign, name, sheet.title, rows, header_index, columns)
    finally:
        workbook.close()
    labels = "、".join(f.label for f in kind.fields if f.required)
    raise ImportRejected(f"找不到{kind.noun}表的表头（至少要有“{labels}”一栏）。", name)


def _rows(store, kind, campaign, name, sheet, rows, header_index, columns) -> dict:
    from openpyxl.utils import get_column_letter

    names = unit_names(store, campaign["id"])
    existing = {_key(kind, r) for r in list_records(store, kind, campaign["id"])}
    new, same, errors = [], 0, []
    for row_index in range(header_index + 1, len(rows)):
        cells = rows[row_index]
        values = {field: cells[i] if i < len(cells) else None for i, field in columns.items()}
        if not any(clean_text(v) for v in values.values()):
            continue
        row_errors, failed, record = [], set(), {}
        for index, field in columns.items():
            try:
                record.update(checked(store, kind, campaign, {field: values[field]}, names))
            except ValidationError as exc:
                failed.add(field)
                row_errors.append(f"{sheet}!{get_column_letter(index + 1)}{row_index + 1}：{exc}")
        for field in kind.fields:
            if field.required and field.name not in failed and not record.get(field.name):
                index = next(i for i, f in columns.items() if f == field.name)
                row_errors.append(f"{sheet}!{get_column_letter(index + 1)}{row_index + 1}：{field.label}不能为空。")
        if row_errors:
            errors.extend(row_errors)
        elif _key(kind, record) in existing:
            same += 1
        else:
            existing.add(_key(kind, record))
            new.append(record)
    return {"file": name, "kind": kind.table, "new": new, "same": same, "errors": errors}


def _key(kind: Kind, record: dict) -> tuple:
    """Two records are the same when unit, date and the required text agree (a list imported twice adds nothing)."""
    text = next(f.name for f in kind.fields if f.required)
    return (record.get("unit_id"), record.get(kind.date_field), clean_text(record.get(text)))


def read_lists(store: Store, kind: Kind, campaign: dict, paths, progress=None) -> tuple[list[dict], list[dict]]:
    """The import's preview of every file in *paths* (the window and the command line alike): the previews, and
    the files refused ({"file", "message"}: the message names the file), the others still read.
    *progress(done, total, file)*, if given, is told before each file."""
    previews, refused = [], []
    paths = list(paths)
    for number, path in enumerate(paths):
        if progress is not None:
            progress(number, len(paths), str(path))
        try:
            previews.append(read_list(store, kind, campaign, path))
        except DeskError as exc:
            refused.append({"file": str(path), "message": str(exc)})
    return previews, refused


def apply_list(store: Store, kind: Kind, campaign: dict, previews: list[dict]) -> int:
    """Write the new rows of the previews as one undoable action; returns how many were added."""
    rows = [row for preview in previews for row in preview["new"]]
    if not rows:
        return 0
    with store.batch(f"导入{kind.noun} {len(rows)} 条", source="register-import") as batch:
        for row in rows:
            batch.insert(kind.table, {"campaign_id": campaign["id"], **row})
    return len(rows)


def export_list(
    store: Store, kind: Kind, campaign: dict, target: str | os.PathLike, office_name: str | None = None
) -> Path:
    """The register of the campaign as xlsx: title, 填报单位 (by default the campaign's office, 本单位), header, one
    row per record, A4 landscape."""
    if office_name is None:
        from models.campaigns.office import office_for

        office_name = office_for(store, campaign).name
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    records = list_records(store, kind, campaign["id"])
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = f"{kind.noun}登记"
    fields = kind.fields
    name = "违法线索" if kind.table == "leads" else "曝光典型案例"
    put(sheet.cell(1, 1), f"{campaign['year']}年{campaign.get('companion_title') or '安全生产月'}{name}登记表")
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(fields) + 1)
    sheet.cell(1, 1).font = Font(name="宋体", size=16, bold=True)
    sheet.cell(1, 1).alignment = Alignment(horizontal="center")
    put(sheet.cell(2, 1), f"填报单位：{office_name}")
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for column, label in enumerate(["序号", *(f.label for f in fields)], start=1):
        cell = sheet.cell(3, column)
        put(cell, label)
        cell.font, cell.border = Font(bold=True), border
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for number, record in enumerate(records, start=1):
        row = 3 + number
        put(sheet.cell(row, 1), number)
        for column, field in enumerate(fields, start=2):
            if field.kind == "unit":
                value = record.get("unit_name") or ""
            elif field.choices:
                value = record.get(f"{field.name}_label") or ""
            else:
                value = record.get(field.name) or ""
            put(sheet.cell(row, column), value)
        for column in range(1, len(fields) + 2):
            sheet.cell(row, column).border = border
            sheet.cell(row, column).alignment = Alignment(vertical="top", wrap_text=True)
    widths = [5, *(14 if f.kind == "unit" else 11 if f.kind == "date" or f.choices else 22 for f in fields)]
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_letter(column)].width = width
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "3:3"
    sheet.print_area = f"A1:{get_letter(len(fields) + 1)}{max(3 + len(records), 3)}"
    return save_workbook(workbook, target)


def get_letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column)
