"""Safe reading and writing of xlsx files (openpyxl imported lazily).

Incoming files are checked before openpyxl sees them: a folder, an encrypted or
old .xls file, a non-zip, a zip that unpacks to too much, and XML entity bombs
(defusedxml, which openpyxl uses when installed) are refused with a message
naming the file.  Outgoing text is always written as text, never as a formula,
and files are written to a temporary file first, then moved into place.
"""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path
from typing import Any

from models.documents.file_output import write_atomically
from models.errors import ImportRejected

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
OLE_HEADER = bytes.fromhex("D0CF11E0A1B11AE1")  # encrypted xlsx and old .xls files
MARK_SHEET = "_desk_mark"
MARK_APP = "safety-month-desk"


def check_xlsx(path: str | os.PathLike) -> Path:
    """Raise ImportRejected if *path* cannot safely be an xlsx workbook."""
    path = Path(path)
    name = path.name
    if path.is_dir():
        raise ImportRejected("这是一个文件夹，不是 Excel 文件。", name)
    if not path.exists():
        raise ImportRejected("文件不存在。", name)
    size = path.stat().st_size
    if size == 0:
        raise ImportRejected("文件是空的。", name)
    if size > MAX_FILE_BYTES:
        raise ImportRejected(
            f"文件过大（{size // (1024 * 1024)} MB，上限 {MAX_FILE_BYTES // (1024 * 1024)} MB）。", name
        )
    with open(path, "rb") as handle:
        head = handle.read(8)
    if head == OLE_HEADER:
        raise ImportRejected("文件已加密，或是旧版 Excel（.xls）格式：请去掉密码并另存为 .xlsx 后再导入。", name)
    if not zipfile.is_zipfile(path):
        raise ImportRejected("不是 Excel 工作簿（.xlsx）文件。", name)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            names = {m.filename for m in members}
            if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
                raise ImportRejected("不是 Excel 工作簿（.xlsx）文件（缺少工作簿内容）。", name)
            if sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
                raise ImportRejected("文件解压后过大，可能是恶意文件，已拒绝。", name)
            if _declares_entities(archive, members):
                raise ImportRejected(HOSTILE_XML, name)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportRejected(f"文件已损坏，无法读取（{exc}）。", name) from exc
    return path


HOSTILE_XML = "文件含有不安全的 XML 内容（实体声明），已拒绝。"


def _declares_entities(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo]) -> bool:
    """Real xlsx parts never carry a DTD; look at the start of each XML part (cheap)."""
    for member in members:
        if member.filename.endswith((".xml", ".rels")):
            with archive.open(member) as part:
                head = part.read(4096)
            if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                return True
    return False


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


def put(cell, value: Any) -> None:
    """Write a value into a cell; strings stay text even when they start with '='."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"


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
    values = [row[0] for row in workbook[MARK_SHEET].iter_rows(min_row=1, max_row=2, max_col=1, values_only=True)]
    if len(values) < 2 or values[0] != MARK_APP:
        return None
    try:
        mark = json.loads(values[1])
    except (TypeError, ValueError):
        return None
    return mark if isinstance(mark, dict) else None


def save_workbook(workbook, target: str | os.PathLike) -> Path:
    return write_atomically(target, workbook.save)
