"""The one-pass reader of returned .xlsx files: python-calamine's values, and from the worksheet XML which cells
are formulas (shared ones moved to their cell) and which hold an error value; openpyxl for a sheet it cannot
follow."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from models.documents.sheet_grids import MAX_ROWS, form_sheets
from models.documents.xlsx_grid import read_xlsx
from models.documents.xlsx_io import put

# Cells as Excel saves them: formulas with their cached results, a shared formula, an error result.
SPECIAL = (
    b'<c r="E2"><f>B2+1</f></c>'
    b'<c r="G2"><f t="shared" ref="G2:G3" si="0">B2*2</f><v>24</v></c>'
    b'<c r="H2" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
)


def _workbook(tmp_path: Path, special: bytes = SPECIAL, *, shared: bool = True, strip_addresses: bool = False) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "表"
    ws["A1"] = "单位"
    ws["B2"], ws["C2"], ws["D2"] = 12, 2.5, dt.datetime(2025, 6, 5)
    put(ws["F2"], "=不是公式")  # text that starts like a formula stays text
    ws["B3"], ws["E3"] = 13, "x"
    ws.merge_cells("A5:B6")
    ws.sheet_properties.tabColor = "FF0000"
    hidden = wb.create_sheet("隐藏")
    hidden["A1"] = "不读"
    hidden.sheet_state = "hidden"
    path = tmp_path / "form.xlsx"
    wb.save(path)
    _patch(path, special, shared, strip_addresses)
    return path


def _patch(path: Path, special: bytes, shared: bool, strip_addresses: bool) -> None:
    with zipfile.ZipFile(path) as src:
        parts = {i.filename: src.read(i) for i in src.infolist()}
    xml = parts["xl/worksheets/sheet1.xml"]
    if shared:
        more = b'<c r="G3"><f t="shared" si="0"/><v>26</v></c>'
        xml = re.sub(rb'(<c r="E3".*?</c>)', lambda m: m.group(1) + more, xml, count=1, flags=re.S)
    xml = re.sub(
        rb'(<row r="2"[^>]*>.*?)(</row>)', lambda m: m.group(1) + special + m.group(2), xml, count=1, flags=re.S
    )
    if strip_addresses:
        xml = re.sub(rb'<c r="[A-Z]+\d+"', b"<c", xml)
    parts["xl/worksheets/sheet1.xml"] = xml
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)


def _trimmed(rows: list[list]) -> list[list]:
    """Rows without their empty ends (openpyxl gives each row its own length, calamine one width for all)."""
    found = [list(row) for row in rows]
    for row in found:
        while row and row[-1] is None:
            row.pop()
    while found and not found[-1]:
        found.pop()
    return found


def test_one_pass_reads_values_formulas_errors_and_merges(tmp_path):
    sheets, mark, core = read_xlsx(_workbook(tmp_path), MAX_ROWS)
    assert mark is None and b"modified" in core
    assert [title for title, *_ in sheets] == ["表"]  # the hidden sheet is not read
    _title, rows, merges, formulas, *_hidden = sheets[0]
    assert rows[0][0] == "单位"
    assert rows[1][1:4] == [12, 2.5, dt.datetime(2025, 6, 5)]
    assert rows[1][5] == "=不是公式" and (2, 6) not in formulas
    assert rows[1][4] is None  # a formula without a cached result
    assert rows[1][6] == 24 and rows[2][6] == 26  # the cached results
    assert rows[1][7] == "#DIV/0!"  # calamine alone gives an error result as empty
    assert formulas == {(2, 5): "=B2+1", (2, 7): "=B2*2", (3, 7): "=B3*2", (2, 8): "=1/0"}
    assert merges == [(5, 1, 6, 2)]


def test_one_pass_gives_what_openpyxl_gives(tmp_path):
    from models.documents.sheet_grids import _openpyxl_sheets

    path = _workbook(tmp_path)
    ((_title, rows, merges, formulas, *_hidden),) = read_xlsx(path, MAX_ROWS)[0]
    (old,), _mark = _openpyxl_sheets(path)
    assert _trimmed(rows) == _trimmed(old.rows)
    assert merges == old.merges
    assert {k: v for k, v in old.formulas.items() if k != (2, 6)} == formulas  # openpyxl took text "=…" too


def test_cells_without_their_address_are_read_by_openpyxl(tmp_path):
    path = _workbook(tmp_path, b'<c r="E2"><f>B2+1</f></c>', shared=False, strip_addresses=True)
    assert read_xlsx(path, MAX_ROWS) is None
    (sheet,), _mark = form_sheets(path)
    assert sheet.rows[1][:2] == [12, 2.5] and sheet.formulas == {(2, 5): "=B2+1"}  # cells one after another


def _damaged(path: Path, how: str) -> Path:
    """*path* with its worksheet part's bytes changed as *how* says (the zip directory left as it was)."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.orig_filename) + len(info.extra)
    if how == "bytes":
        data[start + 10] ^= 0xFF  # the deflated bytes are broken
    elif how == "checksum":
        entry = bytes(data).rindex(info.filename.encode()) - 46  # the directory's entry comes after the part
        data[entry + 16] ^= 0xFF  # the directory records another checksum
    elif how == "name":
        data[info.header_offset + 30] = ord("y")  # the local header names another part
    elif how == "header":
        data[info.header_offset : info.header_offset + 4] = b"PK\x05\x06"
    target = path.with_name(f"{how}.xlsx")
    target.write_bytes(bytes(data))
    return target


@pytest.mark.parametrize("how", ["bytes", "checksum", "name", "header"])
def test_the_gate_in_memory_refuses_what_the_gate_on_the_file_refuses(tmp_path, how):
    from models.documents.zip_gate import XLSX, check_container, read_container
    from models.errors import ImportRejected

    path = _damaged(_workbook(tmp_path), how)
    with pytest.raises(ImportRejected) as on_file:
        check_container(path, XLSX)
    with pytest.raises(ImportRejected) as in_memory:
        read_container(path, XLSX)
    assert in_memory.value.message == on_file.value.message and "损坏" in on_file.value.message


def test_a_file_calamine_cannot_read_is_read_as_openpyxl_reads_it(tmp_path):
    from models.documents.sheet_grids import _openpyxl_sheets

    path = _workbook(tmp_path)
    with zipfile.ZipFile(path) as src:
        parts = {i.filename: src.read(i) for i in src.infolist() if i.filename != "xl/worksheets/sheet1.xml"}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:  # the workbook names a sheet that is not there
        for name, data in parts.items():
            out.writestr(name, data)
    assert read_xlsx(path, MAX_ROWS) is None
    assert form_sheets(path) == _openpyxl_sheets(path)  # openpyxl skips the missing sheet; the readers say why


@pytest.mark.parametrize(
    "special", [b"", b'<c r="E2"><f>B2+1</f></c>', b'<c r="E2"><f\n/></c>'], ids=["none", "f", "f/"]
)
def test_formulas_are_found_beside_a_data_validation(tmp_path, special):
    """A data validation's <formula1> (after the cells) is no formula; <f> and <f/> are."""
    path = _workbook(tmp_path, special, shared=False)
    with zipfile.ZipFile(path) as src:
        parts = {i.filename: src.read(i) for i in src.infolist()}
    rule = b'<dataValidations count="1"><dataValidation type="whole" sqref="B2"><formula1>0</formula1>'
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
        b"</sheetData>", b"</sheetData>" + rule + b"</dataValidation></dataValidations>", 1
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    ((_title, rows, _merges, formulas, *_hidden),) = read_xlsx(path, MAX_ROWS)[0]
    assert rows[1][1] == 12
    assert formulas == ({} if not special else {(2, 5): "=B2+1" if b"B2" in special else "="})
