"""Safe reading and writing of xlsx files (openpyxl imported lazily).

Incoming files are checked before openpyxl sees them: a folder, an encrypted or
old .xls file, a non-zip, a zip that unpacks to too much, and XML entity bombs
(defusedxml, which openpyxl uses when installed) are refused with a message
naming the file.  Outgoing text is always written as text, never as a formula,
and files are written to a temporary file first, then moved into place.
"""

from __future__ import annotations

import copy
import json
import os
from pathlib import Path
from typing import Any

from models.documents.file_output import write_atomically
from models.documents.zip_gate import (  # noqa: F401 - OLE_HEADER and the limits re-exported
    HOSTILE_XML,
    MAX_FILE_BYTES,
    OLE_HEADER,
    XLSX,
    check_container,
)
from models.documents.zip_gate import MAX_TOTAL_BYTES as MAX_UNPACKED_BYTES  # noqa: F401
from models.errors import ImportRejected

MARK_SHEET = "_desk_mark"
MARK_APP = "safety-month-desk"


def check_xlsx(path: str | os.PathLike) -> Path:
    """Raise ImportRejected if *path* cannot safely be an xlsx workbook (see models.documents.zip_gate)."""
    return check_container(path, XLSX)


def as_rejection(exc: BaseException, name: str) -> ImportRejected:
    """The refusal for an exception raised while openpyxl reads a file (also lazily, in read-only mode)."""
    chain, cause = [], exc
    while cause is not None and len(chain) < 5:
        chain.append(type(cause).__name__)
        cause = cause.__cause__ or cause.__context__
    if any("Forbidden" in kind for kind in chain):
        return ImportRejected(HOSTILE_XML, name)
    return ImportRejected(f"文件已损坏或不是有效的 Excel 文件（{chain[0]}）。", name)


def open_workbook(path: str | os.PathLike, *, read_only: bool = True, data_only: bool = True):
    """Open a checked workbook; formulas give their cached values when data_only."""
    path = check_xlsx(path)
    from openpyxl import load_workbook

    try:
        return load_workbook(path, read_only=read_only, data_only=data_only)
    except Exception as exc:  # noqa: BLE001 - every parser failure is a refused file
        raise as_rejection(exc, path.name) from exc


# Text a spreadsheet might evaluate (a formula, DDE, or a formula after a tab/CR in CSV-like pastes).
RISKY_START = ("=", "+", "-", "@", "\t", "\r")
_ILLEGAL = None


def put(cell, value: Any) -> None:
    """The one cell writer for every xlsx the app writes: text is always text.

    A string is stored as text even when it starts with '=' (never a formula), characters XML cannot
    hold are dropped (they made openpyxl raise), and text starting with ``= + - @``, tab or CR is
    marked with quotePrefix, so no spreadsheet evaluates it when the cell is edited or re-saved.
    """
    if isinstance(value, str):
        value = _legal(value)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"
        if value.startswith(RISKY_START):
            _mark_text(cell)


def _legal(text: str) -> str:
    global _ILLEGAL
    if _ILLEGAL is None:
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        _ILLEGAL = ILLEGAL_CHARACTERS_RE
    return _ILLEGAL.sub("", text)


def _mark_text(cell) -> None:
    if not cell.quotePrefix:
        cell._style = copy.copy(cell._style)  # style records are shared between cells: change this one only
        cell.quotePrefix = True


def mark_risky_text(workbook) -> None:
    """quotePrefix on every text cell that starts like a formula (a later style change may have reset it)."""
    for sheet in workbook.worksheets:
        for cell in sheet._cells.values():
            value = cell._value
            if cell.data_type == "s" and isinstance(value, str) and value.startswith(RISKY_START):
                _mark_text(cell)


def write_mark(workbook, **fields: Any) -> None:
    """Hide which campaign/unit/period a blank form is for, so its return matches exactly."""
    sheet = workbook.create_sheet(MARK_SHEET)
    sheet.sheet_state = "veryHidden"
    put(sheet["A1"], MARK_APP)
    put(sheet["A2"], json.dumps(fields, ensure_ascii=False))


def read_mark(workbook) -> dict | None:
    """The mark written by :func:`write_mark`, or None for a workbook without one."""
    if MARK_SHEET not in workbook.sheetnames:
        return None
    rows = workbook[MARK_SHEET].iter_rows(min_row=1, max_row=2, max_col=1, values_only=True)
    return mark_from_rows([list(row) for row in rows])


def mark_from_rows(rows: list[list]) -> dict | None:
    """The mark from its sheet's first rows as values (openpyxl or python-calamine), or None if it is not ours."""
    values = [row[0] if row else None for row in rows[:2]]
    if len(values) < 2 or values[0] != MARK_APP:
        return None
    try:
        mark = json.loads(values[1])
    except (TypeError, ValueError):
        return None
    return mark if isinstance(mark, dict) else None


def save_workbook(workbook, target: str | os.PathLike) -> Path:
    """Every xlsx the app writes is saved here: risky text marked, then written to a temp file and moved."""
    mark_risky_text(workbook)
    return write_atomically(target, workbook.save)
