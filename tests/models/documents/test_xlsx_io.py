"""Safe xlsx reading and writing: hostile files refused by name, text never a formula."""

from __future__ import annotations

import os
import zipfile

import pytest
from openpyxl import Workbook, load_workbook

from models.documents import xlsx_io
from models.errors import DeskError, ImportRejected


def _workbook(path, value="张三"):
    book = Workbook()
    xlsx_io.put(book.active["A1"], value)
    xlsx_io.save_workbook(book, path)
    return path


def test_text_starting_with_equals_stays_text(tmp_path):
    path = _workbook(tmp_path / "a.xlsx", '=HYPERLINK("http://x","张三")')
    cell = load_workbook(path)["Sheet"]["A1"]
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("http://x","张三")'


def test_mark_round_trip_in_read_only_mode(tmp_path):
    book = Workbook()
    xlsx_io.write_mark(book, campaign="c1", unit="u1", kind="liaison")
    xlsx_io.save_workbook(book, tmp_path / "m.xlsx")
    opened = xlsx_io.open_workbook(tmp_path / "m.xlsx")
    assert xlsx_io.read_mark(opened) == {"campaign": "c1", "unit": "u1", "kind": "liaison"}
    assert load_workbook(tmp_path / "m.xlsx")[xlsx_io.MARK_SHEET].sheet_state == "veryHidden"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "空的"),
        (b"hello, this is text", "不是 Excel"),
        (xlsx_io.OLE_HEADER + b"\0" * 600, "已加密"),
    ],
)
def test_bad_files_are_refused_by_name(tmp_path, content, message):
    path = tmp_path / "坏文件.xlsx"
    path.write_bytes(content)
    with pytest.raises(ImportRejected, match=message) as caught:
        xlsx_io.open_workbook(path)
    assert caught.value.where == "坏文件.xlsx"


def test_zip_that_is_not_a_workbook(tmp_path):
    path = tmp_path / "x.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(ImportRejected, match="缺少工作簿"):
        xlsx_io.open_workbook(path)


def test_truncated_workbook(tmp_path):
    path = _workbook(tmp_path / "t.xlsx")
    path.write_bytes(path.read_bytes()[:300])
    with pytest.raises(ImportRejected):
        xlsx_io.open_workbook(path)


def test_xml_entity_bomb_is_refused(tmp_path):
    good = _workbook(tmp_path / "good.xlsx")
    bomb = tmp_path / "bomb.xlsx"
    lol = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>'
    )
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bomb, "w") as dst:
        for item in src.infolist():
            data = lol.encode() if item.filename == "xl/worksheets/sheet1.xml" else src.read(item.filename)
            dst.writestr(item, data)
    with pytest.raises(ImportRejected, match="不安全"):
        xlsx_io.open_workbook(bomb, read_only=False)
    # defusedxml is what stops a DTD placed where the cheap pre-check does not look:
    from openpyxl import load_workbook as raw_load

    with pytest.raises(Exception) as caught:
        raw_load(bomb)
    assert "不安全" in str(xlsx_io.as_rejection(caught.value, "bomb.xlsx"))


def test_failed_save_leaves_old_file(tmp_path, monkeypatch):
    path = _workbook(tmp_path / "out.xlsx", "旧")

    def busy(*_args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", busy)
    with pytest.raises(DeskError, match="原文件未改动"):
        _workbook(path, "新")
    assert load_workbook(path)["Sheet"]["A1"].value == "旧"
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]
