"""A returned .xlsx/.xlsm read in one pass: the zip gate on the file's bytes, python-calamine for the values and
merged ranges (from the gate's copy with every part stored: nothing unpacked twice), and the worksheets' XML
(unpacked by the gate anyway) for what calamine does not tell.

python-calamine (0.9) gives a formula cell's cached value but not that it is a formula, and an error value
(#DIV/0!) as empty.  Both matter to the readers (a formula without a result is refused, a formula is not
data, an error is not a number), so the worksheet XML is searched for ``<f`` and ``t="e"``: most returned forms
have neither and are done; the others have their special cells read with one regular expression.  A sheet whose
XML this cannot follow (a namespace prefix, cells without their ``r`` address: no Excel, WPS, LibreOffice or
openpyxl writes those), or a file calamine cannot read, makes :func:`read_xlsx` return None, and the caller reads
it with openpyxl (which reads it, or refuses it with the message it always gave).
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import re
from html import unescape
from pathlib import Path

from models.documents.xlsx_io import MARK_SHEET, XLSX, mark_from_rows
from models.documents.zip_gate import read_container

CORE = "docProps/core.xml"
_WORKBOOK, _RELS = "xl/workbook.xml", "xl/_rels/workbook.xml.rels"
_FORMULA_TAG = re.compile(rb"<f[ \t\n\r\f\v>/]")  # a formula (not <formula1>)
_ERROR_TYPE = re.compile(rb'\st="e"')
_CELL = re.compile(rb"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
_ADDRESS = re.compile(rb'\br="([A-Z]{1,3})(\d+)"')
_TYPE = re.compile(rb'\bt="(\w+)"')
_FORMULA = re.compile(rb"<f\b([^>]*?)(?:/>|>(.*?)</f>)", re.S)
_VALUE = re.compile(rb"<v>([^<]*)</v>")
_SHARED_INDEX = re.compile(rb'\bsi="(\d+)"')


def _kept(name: str) -> bool:
    """The parts this reader looks at itself (a large file's others are checked, never held)."""
    return name.startswith("xl/worksheets/") or name in (CORE, _WORKBOOK, _RELS)


def read_xlsx(path: Path, max_rows: int):
    """``(sheets, mark, core)``: every visible worksheet as ``(title, rows, merges, formulas, hidden rows, hidden
    columns)``, the app's hidden
    mark, the bytes of docProps/core.xml; or None when a worksheet's XML needs openpyxl (see the module)."""
    data, parts = read_container(path, XLSX, _kept)  # the zip gate first: sizes, ratios, DTDs, lying parts
    try:
        from python_calamine import CalamineWorkbook

        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        special = _special_cells(parts, max_rows)
        if special is None:
            return None
        sheets, mark = [], None
        hidden = _hidden_cells(parts)
        for meta in book.sheets_metadata:
            if meta.name == MARK_SHEET:
                mark = mark_from_rows(book.get_sheet_by_name(meta.name).to_python(nrows=2))
                continue
            if _enum(meta.visible) != "visible" or _enum(meta.typ) != "worksheet":
                continue
            sheet = book.get_sheet_by_name(meta.name)
            rows = [_row(row) for row in sheet.to_python(skip_empty_area=False, nrows=max_rows)]
            spans = sheet.merged_cell_ranges or ()
            merges = [(r0 + 1, c0 + 1, r1 + 1, c1 + 1) for (r0, c0), (r1, c1) in spans if (r0, c0) != (r1, c1)]
            errors, formulas = special.get(meta.name, ({}, {}))
            for (r, c), text in errors.items():
                _put(rows, r, c, text)
            sheets.append((meta.name, rows, merges, formulas, *hidden.get(meta.name, (set(), set()))))
        book.close()
    except Exception:  # noqa: BLE001 - what calamine cannot read, openpyxl reads or refuses, as it always has
        return None
    return sheets, mark, parts.get(CORE)


def _enum(value) -> str:
    return str(value).lower().rsplit(".", 1)[-1]


def _row(values: list) -> list:
    """Calamine's values as openpyxl gives them: no '' for empty, whole numbers as int, dates as datetime."""
    return [
        (value or None)
        if (kind := type(value)) is str
        else (int(value) if value.is_integer() else value)
        if kind is float
        else dt.datetime(value.year, value.month, value.day)
        if kind is dt.date
        else value
        for value in values
    ]


def _put(rows: list[list], r: int, c: int, value) -> None:
    while len(rows) < r:
        rows.append([])
    row = rows[r - 1]
    if len(row) < c:
        row.extend([None] * (c - len(row)))
    row[c - 1] = value


def _special_cells(parts: dict[str, bytes], max_rows: int) -> dict | None:
    """Sheet name → ({(row, col): error text}, {(row, col): "=formula"}) for the sheets that have any; None when
    a sheet's XML cannot be followed here (or its sheet not found by name)."""
    special = {
        name: xml
        for name, xml in parts.items()
        if name.startswith("xl/worksheets/") and name.endswith(".xml") and _special(xml)
    }
    if not special:
        return {}
    titles = {part: title for title, part in _sheet_parts(parts).items()}
    found = {}
    for part, xml in special.items():
        if part not in titles or b"<sheetData" not in xml:  # unnamed, or a namespace prefix (<x:sheetData>)
            return None
        cells = _scan(xml, max_rows)
        if cells is None:
            return None
        found[titles[part]] = cells
    return found


_ROW_TAG = re.compile(rb"<row\b([^>]*)>")
_COL_TAG = re.compile(rb"<col\b([^>]*?)/?>")
_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
_R = re.compile(rb'\br="(\d+)"')
_MIN, _MAX = re.compile(rb'\bmin="(\d+)"'), re.compile(rb'\bmax="(\d+)"')


def _hidden_cells(parts: dict[str, bytes]) -> dict[str, tuple[set[int], set[int]]]:
    """Sheet name → (hidden row numbers, hidden column numbers), for the sheets that hide any (a unit hides the
    liaison who left rather than delete the row): from the worksheet XML already read for the formulas."""
    hiding = {name: xml for name, xml in parts.items() if name.startswith("xl/worksheets/") and b'hidden="' in xml}
    if not hiding:
        return {}
    found = {}
    for title, part in _sheet_parts(parts).items():
        xml = hiding.get(part)
        if xml is None:
            continue
        rows = {int(r[1]) for m in _ROW_TAG.finditer(xml) if _HIDDEN.search(m[1]) and (r := _R.search(m[1]))}
        head = xml[: xml.find(b"<sheetData")] if b"<sheetData" in xml else b""
        columns: set[int] = set()
        for m in _COL_TAG.finditer(head):
            low, high = _MIN.search(m[1]), _MAX.search(m[1])
            if _HIDDEN.search(m[1]) and low and high:
                columns.update(range(int(low[1]), min(int(high[1]), 200) + 1))  # a hidden tail of 16,384 columns
        found[title] = (rows, columns)
    return found


def _special(xml: bytes) -> bool:
    """Whether a worksheet has a formula or an error value (the plain searches first: they are much faster)."""
    return _has_formula_tag(xml) or (b't="e"' in xml and _ERROR_TYPE.search(xml) is not None)


def _has_formula_tag(xml: bytes) -> bool:
    """Whether *xml* has a ``<f>`` tag (not a data validation's ``<formula1>``): one search of the regular
    expression (half the time of looking at each ``<f`` found by bytes.find)."""
    return _FORMULA_TAG.search(xml) is not None


def _sheet_parts(parts: dict[str, bytes]) -> dict[str, str]:
    """Sheet name → the zip name of its worksheet XML, from xl/workbook.xml and its relationships."""
    from defusedxml.ElementTree import fromstring

    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    targets = {}
    for item in fromstring(parts.get(_RELS, b"<Relationships/>")):
        target = item.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        targets[item.get("Id")] = target
    found = {}
    for sheet in fromstring(parts[_WORKBOOK]).iter(f"{main}sheet"):
        if sheet.get(rel) in targets:
            found[sheet.get("name")] = targets[sheet.get(rel)]
    return found


def _scan(xml: bytes, max_rows: int):
    """The error values and formulas of one worksheet's cells (formulas as openpyxl gives them, shared ones
    translated to their cell); None when a special cell has no address."""
    errors, formulas, shared = {}, {}, {}
    for cell in _CELL.finditer(xml):
        attributes, body = cell.group(1), cell.group(2) or b""
        kind = _TYPE.search(attributes)
        is_error = kind is not None and kind.group(1) == b"e"
        formula = _FORMULA.search(body) if b"<f" in body else None
        if not is_error and formula is None:
            continue
        address = _ADDRESS.search(attributes)
        if address is None:
            return None
        r, c = int(address.group(2)), _column_number(address.group(1))
        if formula is not None:
            text = _formula_text(formula, (r, c), address, shared)
            if r <= max_rows:
                formulas[(r, c)] = text
        value = _VALUE.search(body)
        if is_error and value is not None and value.group(1) and r <= max_rows:
            errors[(r, c)] = unescape(value.group(1).decode())
    return errors, formulas


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _formula_text(formula, at: tuple[int, int], address, shared: dict) -> str:
    """``=`` and the formula's text; a shared formula's other cells get the first cell's, moved (as openpyxl)."""
    attributes, body = formula.group(1), formula.group(2)
    text = "=" + (unescape(body.decode()) if body else "")
    if b't="shared"' not in attributes:
        return text
    index = _SHARED_INDEX.search(attributes)
    key = index.group(1) if index else None
    coordinate = (address.group(1) + address.group(2)).decode()
    if key in shared:
        return shared[key].translate_formula(coordinate)
    if text != "=":
        from openpyxl.formula.translate import Translator

        shared[key] = Translator(text, coordinate)
    return text
