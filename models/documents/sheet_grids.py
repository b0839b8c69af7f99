"""The sheets of a workbook as plain grids (values, merged ranges, hidden columns, formulas) for the readers.

- A template (to read its layout or fill it): openpyxl, full mode, formulas as written.
- A returned form: .xlsx/.xlsm in one pass (models/documents/xlsx_grid.py: the zip gate, python-calamine, the
  worksheet XML for formulas and error values), or, for the rare sheet that needs it, twice in openpyxl's
  read-only mode (cached values, then formulas), ignoring a wrong <dimension> (WPS writes A1); .xls, .et and
  .ods through python-calamine (values; merged ranges where the format gives them), .csv as text.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from models.documents.xlsx_io import MARK_SHEET, mark_from_rows
from models.errors import ImportRejected

CALAMINE_SUFFIXES = (".xls", ".et", ".ods")


MAX_ROWS = 2000


@dataclass
class Sheet:
    title: str
    rows: list[list]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden: set[int] = field(default_factory=set)
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, col) → "=…"
    bordered: set[int] | None = None
    hidden_rows: set[int] = field(default_factory=set)  # known for a returned .xlsx read in one pass, else empty

    def as_tuple(self):
        return self.title, self.rows, self.merges, self.hidden, set(self.formulas), self.bordered


def template_sheets(workbook) -> list[Sheet]:
    """The visible sheets of a workbook opened in full mode with formulas (openpyxl)."""
    from openpyxl.utils import column_index_from_string

    found = []
    for ws in workbook.worksheets:
        if ws.sheet_state != "visible" or ws.title == MARK_SHEET:
            continue
        rows, formulas, bordered = [], {}, set()
        for row in ws.iter_rows(max_row=min(ws.max_row, MAX_ROWS)):
            values = []
            for cell in row:
                value = cell.value
                if isinstance(value, str) and value.startswith("="):
                    formulas[(cell.row, cell.column)] = value
                    value = None
                elif value is not None and not isinstance(value, (str, int, float)):
                    value = str(value) if not hasattr(value, "year") else value
                values.append(value)
                if (
                    cell.has_style
                    and cell.border is not None
                    and cell.border.left is not None
                    and cell.border.left.style
                ):
                    bordered.add(cell.row)
            rows.append(values)
        merges = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges]
        hidden = set()
        for key, dim in ws.column_dimensions.items():
            if dim.hidden:
                start = column_index_from_string(key)
                hidden.update(range(dim.min or start, (dim.max or start) + 1))
        found.append(Sheet(ws.title, rows, merges, hidden, formulas, bordered))
    return found


def form_sheets(path: Path) -> tuple[list[Sheet], dict | None]:
    """The visible sheets of a returned form, and the app's hidden mark if it has one."""
    sheets, mark, _core = form_book(path)
    return sheets, mark


def form_book(path: Path) -> tuple[list[Sheet], dict | None, bytes | None]:
    """:func:`form_sheets` and, for an .xlsx, its docProps/core.xml (when the unit saved it)."""
    suffix = path.suffix.lower()
    if suffix in CALAMINE_SUFFIXES:
        return (*_calamine_sheets(path), None)
    if suffix == ".csv":
        return [_csv_sheet(path)], None, None
    from models.documents.xlsx_grid import read_xlsx

    read = read_xlsx(path, MAX_ROWS)
    if read is None:  # a worksheet XML the one pass cannot follow: openpyxl
        return (*_openpyxl_sheets(path), None)
    sheets, mark, core = read
    return (
        [
            Sheet(title, rows, merges, formulas=formulas, hidden=columns, hidden_rows=hidden_rows)
            for title, rows, merges, formulas, hidden_rows, columns in sheets
        ],
        mark,
        core,
    )


def _openpyxl_sheets(path: Path) -> tuple[list[Sheet], dict | None]:
    from models.documents.xlsx_io import as_rejection, read_mark
    from models.documents.xlsx_values import open_values

    values_book = open_values(path)
    try:
        mark = read_mark(values_book)
        sheets = []
        for ws in values_book.worksheets:
            if getattr(ws, "sheet_state", "visible") != "visible" or ws.title == MARK_SHEET:
                continue
            if hasattr(ws, "reset_dimensions"):
                ws.reset_dimensions()  # WPS writes <dimension ref="A1"/>: read the rows that are there
            rows = [list(r) for r in ws.iter_rows(max_row=MAX_ROWS, values_only=True)]
            sheets.append(Sheet(ws.title, rows, sheet_merges(ws)))
    except ImportRejected:
        raise
    except Exception as exc:  # noqa: BLE001 - any parser failure is a refused file
        raise as_rejection(exc, path.name) from exc
    finally:
        values_book.close()
    _add_formulas(path, sheets)
    return sheets, mark


def _add_formulas(path: Path, sheets: list[Sheet]) -> None:
    """Which cells are formulas (a second read-only pass, formulas as written; the rare file the one pass of
    models/documents/xlsx_grid.py cannot follow)."""
    from openpyxl import load_workbook

    by_title = {s.title: s for s in sheets}
    try:
        book = load_workbook(path, read_only=True, data_only=False)
    except Exception:  # noqa: BLE001 - the values were read; formulas are extra knowledge
        return
    try:
        for ws in book.worksheets:
            sheet = by_title.get(ws.title)
            if sheet is None:
                continue
            if hasattr(ws, "reset_dimensions"):
                ws.reset_dimensions()
            for r, row in enumerate(ws.iter_rows(max_row=MAX_ROWS, values_only=True), start=1):
                for c, value in enumerate(row, start=1):
                    # text that starts with "=" reads the same in both passes; a formula's cached value does not
                    if isinstance(value, str) and value.startswith("=") and _at(sheet.rows, r, c) != value:
                        sheet.formulas[(r, c)] = value
    except Exception as exc:  # noqa: BLE001 - formulas it cannot read (a shared one without its cell's address)
        from models.documents.xlsx_io import as_rejection

        raise as_rejection(exc, path.name) from exc
    finally:
        book.close()


def _at(rows: list[list], r: int, c: int):
    return rows[r - 1][c - 1] if r <= len(rows) and c <= len(rows[r - 1]) else None


def _calamine_sheets(path: Path) -> tuple[list[Sheet], dict | None]:
    """.xls (old Excel), .et (WPS) and .ods through python-calamine: values, and merged ranges where given."""
    from models.documents.zip_gate import MAX_FILE_BYTES, ODS, check_container

    name = path.name
    if not path.is_file():
        raise ImportRejected("文件不存在。", name)
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ImportRejected(f"文件过大（上限 {MAX_FILE_BYTES // (1024 * 1024)} MB）。", name)
    if path.suffix.lower() == ".ods":
        check_container(path, ODS)  # the zip gate: size, parts, ratios, no DTD/entities
    try:
        from python_calamine import CalamineWorkbook

        with open(path, "rb") as handle:  # by content, whatever the suffix (.et is BIFF like .xls)
            book = CalamineWorkbook.from_filelike(handle)
        mark = _calamine_mark(book)
        sheets = []
        for meta in book.sheets_metadata:
            if str(getattr(meta, "visible", "Visible")).lower().split(".")[-1] != "visible" or meta.name == MARK_SHEET:
                continue
            sheet = book.get_sheet_by_name(meta.name)
            rows = [list(_calamine_value(v) for v in row) for row in sheet.to_python(skip_empty_area=False)[:MAX_ROWS]]
            merges = []
            for (r0, c0), (r1, c1) in getattr(sheet, "merged_cell_ranges", None) or []:
                merges.append((r0 + 1, c0 + 1, r1 + 1, c1 + 1))
            sheets.append(Sheet(meta.name, rows, merges))
        if path.suffix.lower() == ".ods":  # calamine gives no merged ranges for OpenDocument: read them here
            spans = ods_merges(path)
            for sheet in sheets:
                sheet.merges = spans.get(sheet.title, [])
        return sheets, mark
    except ImportRejected:
        raise
    except Exception as exc:  # noqa: BLE001 - any parser failure is a refused file
        raise ImportRejected(f"文件已损坏或不是有效的表格文件（{type(exc).__name__}）。", name) from exc


def _calamine_mark(book) -> dict | None:
    """The app's hidden mark, kept (as a hidden sheet) when a form was saved as .xls or .ods."""
    if MARK_SHEET not in book.sheet_names:
        return None
    return mark_from_rows(book.get_sheet_by_name(MARK_SHEET).to_python())


def ods_merges(path: Path) -> dict[str, list[tuple[int, int, int, int]]]:
    """Merged ranges of every table of an .ods file, from the spans in its content.xml."""
    import zipfile

    from defusedxml.ElementTree import iterparse

    with zipfile.ZipFile(path) as archive:  # passed the zip gate in _calamine_sheets
        table_ns = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
        tag = lambda name: f"{{{table_ns}}}{name}"  # noqa: E731
        found: dict[str, list] = {}
        table, row, col = None, 0, 0
        with archive.open("content.xml") as part:
            for event, element in iterparse(part, events=("start", "end")):
                if event == "start" and element.tag == tag("table"):
                    table, row = element.get(tag("name")), 0
                    found[table] = []
                elif event == "start" and element.tag == tag("table-row"):
                    col = 0
                elif event == "end" and element.tag == tag("table-row"):
                    row += int(element.get(tag("number-rows-repeated"), "1"))
                    element.clear()
                elif event == "start" and element.tag in (tag("table-cell"), tag("covered-table-cell")):
                    cols = int(element.get(tag("number-columns-spanned"), "1"))
                    rows = int(element.get(tag("number-rows-spanned"), "1"))
                    if table is not None and (cols > 1 or rows > 1) and row < MAX_ROWS:
                        found[table].append((row + 1, col + 1, row + rows, col + cols))
                    col += int(element.get(tag("number-columns-repeated"), "1"))
        return found


def _calamine_value(value):
    if value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _csv_sheet(path: Path) -> Sheet:
    raw = path.read_bytes()[: 5 * 1024 * 1024]
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportRejected("CSV 文件的编码无法识别（应为 UTF-8 或 GBK）。", path.name)
    rows = []
    for row in csv.reader(io.StringIO(text)):
        rows.append([_csv_value(v) for v in row])
    return Sheet(path.stem, rows[:MAX_ROWS])


def _csv_value(text: str):
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if re.fullmatch(r"-?\d+\.\d+", text):
        return float(text)
    return text


def sheet_merges(ws) -> list[tuple[int, int, int, int]]:
    """Merged ranges of a sheet: from the object model, or from the XML in read-only mode."""
    ranges = getattr(ws, "merged_cells", None)
    if ranges is not None:
        return [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ranges.ranges]
    from openpyxl.utils.cell import range_boundaries

    with ws._get_source() as source:
        xml = source.read()
    tail = xml[xml.rfind(b"</sheetData>") :] if b"</sheetData>" in xml else b""
    merges = []
    for ref in re.findall(rb'<mergeCell ref="([A-Z]+\d+:[A-Z]+\d+)"', tail):
        min_col, min_row, max_col, max_row = range_boundaries(ref.decode())
        merges.append((min_row, min_col, max_row, max_col))
    return merges


def merged_lookup(merges) -> dict[tuple[int, int], tuple[int, int]]:
    lookup = {}
    for min_row, min_col, max_row, max_col in merges:
        for r in range(min_row, max_row + 1):
            for c in range(min_col, max_col + 1):
                lookup[(r, c)] = (min_row, min_col)
    return lookup
