"""What the zip gate looks at before any reader: the path itself (folder, missing, empty), and a DTD or entity
declaration at the start of an XML part, the same in memory (the returned forms' one pass) and on the file."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from models.documents.zip_gate import DECLARATION_WITHIN, HOSTILE_XML, XLSX, check_container, read_container
from models.errors import ImportRejected


def _both_gates(path: Path) -> list[str | None]:
    """The message each gate refuses *path* with (None: it passes)."""
    said = []
    for gate in (lambda: check_container(path, XLSX), lambda: read_container(path, XLSX)):
        try:
            gate()
            said.append(None)
        except ImportRejected as refused:
            assert refused.where == path.name
            said.append(refused.message)
    return said


def _with_types(tmp_path: Path, types_xml: str) -> Path:
    """A real workbook whose [Content_Types].xml is *types_xml* (each part's directory entry true)."""
    good = tmp_path / "good.xlsx"
    Workbook().save(good)
    path = tmp_path / "报回.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            body = types_xml.encode() if item.filename == "[Content_Types].xml" else src.read(item.filename)
            dst.writestr(item.filename, body)
    return path


TYPES = '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'


@pytest.mark.parametrize(
    "head",
    [
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>',
        '<?xml version="1.0"?><!ENTITY a "aaaa">',  # an entity without its DOCTYPE
        '<?xml version="1.0"?><!--' + "x" * 5000 + "--><!DOCTYPE x>",  # behind a long comment
        "<!--" + "x" * (DECLARATION_WITHIN - len("<!----><!DOCTYPE x>")) + "--><!DOCTYPE x>",  # ends at the limit
    ],
    ids=["doctype", "entity", "after-comment", "at-the-limit"],
)
def test_a_declaration_at_the_start_of_a_part_is_refused_by_both_gates(tmp_path, head):
    path = _with_types(tmp_path, head + TYPES)
    assert _both_gates(path) == [HOSTILE_XML, HOSTILE_XML]


def test_both_gates_look_as_far_as_each_other(tmp_path):
    """A declaration past the first 8 KB is left to defusedxml in the readers (test_xlsx_io): both gates alike."""
    far = "<!--" + "x" * DECLARATION_WITHIN + "--><!DOCTYPE x>"
    assert _both_gates(_with_types(tmp_path, far + TYPES)) == [None, None]
    assert _both_gates(_with_types(tmp_path, '<?xml version="1.0"?>' + TYPES)) == [None, None]


def test_what_is_not_a_file_is_told_by_name(tmp_path):
    folder = tmp_path / "表.xlsx"
    folder.mkdir()
    empty = tmp_path / "空.xlsx"
    empty.write_bytes(b"")
    plain = tmp_path / "文本"
    plain.write_text("x", encoding="utf-8")
    cases = {
        folder: f"这是一个文件夹，不是 {XLSX.label}。",
        tmp_path / "没有.xlsx": "文件不存在。",
        plain / "下面.xlsx": "文件不存在。",  # a path under a file (not a folder)
        empty: "文件是空的。",
    }
    for path, message in cases.items():
        assert _both_gates(path) == [message, message], path


def _form(tmp_path: Path) -> Path:
    book = Workbook()
    book.active["A1"], book.active["B2"] = "单位", 12
    book.create_sheet("说明")["A1"] = "填表说明"
    path = tmp_path / "报回.xlsx"
    book.save(path)
    return path


def test_the_reader_gets_a_stored_copy_of_what_the_gate_unpacked(tmp_path):
    path = _form(tmp_path)
    handed, parts = read_container(path, XLSX)
    with zipfile.ZipFile(path) as original, zipfile.ZipFile(io.BytesIO(handed)) as copy:
        assert copy.testzip() is None  # every checksum true
        assert {i.compress_type for i in copy.infolist()} == {zipfile.ZIP_STORED}
        assert [i.filename for i in copy.infolist()] == [i.filename for i in original.infolist()]
        assert {i.filename: copy.read(i) for i in copy.infolist()} == parts
        assert parts == {i.filename: original.read(i) for i in original.infolist()}


def test_a_large_file_is_handed_over_as_it_is_and_reads_the_same(tmp_path, monkeypatch):
    from models.documents import zip_gate
    from models.documents.xlsx_grid import read_xlsx

    path = _form(tmp_path)
    from_copy = read_xlsx(path, 100)
    monkeypatch.setattr(zip_gate, "STORED_COPY_UP_TO", 0)
    handed, parts = read_container(path, XLSX, lambda part: part.startswith("xl/worksheets/"))
    assert handed == path.read_bytes()
    assert parts and all(part.startswith("xl/worksheets/") for part in parts)  # the others checked, not held
    assert read_xlsx(path, 100) == from_copy and from_copy[0][0][1][:2] == [["单位", None], [None, 12]]
