"""A shown table as xlsx: title, header, numbers as numbers, text kept as text (also '=…' and leading zeros)."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from models.documents.file_output import WriteError
from models.documents.table_xlsx import as_number, write_table


@pytest.mark.parametrize(
    ("text", "number"),
    [("12", 12), ("1,234", 1234), ("12.5", 12.5), ("-3", -3), ("0", 0), ("0.5", 0.5)],
)
def test_numbers_are_read_as_shown(text, number):
    assert as_number(text) == number


@pytest.mark.parametrize("text", ["0874-6172266", "007", "85%", "第2周", "", "2021-05-21", "1e5"])
def test_other_text_stays_text(text):
    assert as_number(text) is None


def test_write_table_reads_back(tmp_path):
    out = write_table(
        tmp_path / "表.xlsx",
        "2021年联络员名单",
        ["单位", "电话", "人数"],
        [["南宁街道", "0874-6172266", "12"], ["=SUM(A1)", "007", "1,234"]],
    )
    sheet = load_workbook(out).active
    assert sheet["A1"].value == "2021年联络员名单" and "A1:C1" in sheet.merged_cells
    assert [c.value for c in sheet[2]] == ["单位", "电话", "人数"]
    assert [c.value for c in sheet[3]] == ["南宁街道", "0874-6172266", 12]
    assert [c.value for c in sheet[4]] == ["=SUM(A1)", "007", 1234]
    assert sheet["A4"].data_type == "s"  # text, never a formula
    assert sheet.freeze_panes == "A3" and int(sheet.page_setup.paperSize) == 9  # A4


def test_a_missing_folder_is_refused_by_name(tmp_path):
    with pytest.raises(WriteError, match="文件夹不存在"):
        write_table(tmp_path / "没有" / "表.xlsx", "表", ["a"], [["1"]])
