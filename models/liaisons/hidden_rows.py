"""The hidden rows and columns of a returned .xlsx, by sheet title (a unit hides the liaison who left rather than
delete the row; the grids the readers get do not say which rows are hidden).

Read from the worksheets' XML after models/documents/sheet_grids.py has passed the file through the zip gate.
.xls/.et/.ods give no row visibility through python-calamine: nothing is known hidden there.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from pathlib import Path

_ROW = re.compile(rb"<row\b([^>]*)>")
_COL = re.compile(rb"<col\b([^>]*)/?>")
_R = re.compile(rb'\br="(\d+)"')
_HIDDEN = re.compile(rb'\bhidden="(1|true)"')
_MIN, _MAX = re.compile(rb'\bmin="(\d+)"'), re.compile(rb'\bmax="(\d+)"')
_LIMIT = 64 * 1024 * 1024


def hidden_cells(path: Path) -> dict[str, tuple[set[int], set[int]]]:
    """Sheet title → (hidden row numbers, hidden column numbers); {} when not an .xlsx or not readable."""
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return {}
    try:
        with zipfile.ZipFile(path) as archive:
            parts = _sheet_parts(archive)
            found = {}
            for title, part in parts.items():
                info = archive.getinfo(part)
                if info.file_size > _LIMIT:
                    continue
                xml = archive.read(part)
                if b'hidden="' not in xml:
                    continue
                found[title] = (_hidden_rows(xml), _hidden_columns(xml))
            return found
    except (OSError, KeyError, zipfile.BadZipFile, ValueError):
        return {}


def _hidden_rows(xml: bytes) -> set[int]:
    rows = set()
    for match in _ROW.finditer(xml):
        attributes = match.group(1)
        if _HIDDEN.search(attributes) and (number := _R.search(attributes)):
            rows.add(int(number.group(1)))
    return rows


def _hidden_columns(xml: bytes) -> set[int]:
    columns = set()
    head = xml[: xml.find(b"<sheetData")] if b"<sheetData" in xml else b""
    for match in _COL.finditer(head):
        attributes = match.group(1)
        low, high = _MIN.search(attributes), _MAX.search(attributes)
        if _HIDDEN.search(attributes) and low and high:
            columns.update(range(int(low.group(1)), min(int(high.group(1)), 200) + 1))
    return columns


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    from defusedxml.ElementTree import fromstring

    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    targets = {}
    for item in fromstring(archive.read("xl/_rels/workbook.xml.rels")):
        target = item.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        targets[item.get("Id")] = target
    names = set(archive.namelist())
    found = {}
    for sheet in fromstring(archive.read("xl/workbook.xml")).iter(f"{main}sheet"):
        if targets.get(sheet.get(rel)) in names:
            found[sheet.get("name")] = targets[sheet.get(rel)]
    return found
