"""The sheet layout's fast merge writes exactly what openpyxl's own merge_cells writes."""

from __future__ import annotations

import zipfile

from openpyxl import Workbook

from models.stats_layout import add_styles, merge

# (first row, first col, last row, last col, style of the cells before merging)
SHAPES = [
    (1, 1, 1, 12, "desk_title"),
    (3, 1, 4, 1, "desk_head"),
    (3, 2, 4, 2, "desk_head"),
    (3, 3, 3, 4, "desk_head"),
    (3, 5, 3, 7, "desk_head"),
    (3, 8, 3, 9, "desk_head"),
    (3, 10, 3, 12, "desk_head"),
    (6, 1, 8, 3, "desk_input"),
    (6, 4, 9, 7, "desk_input"),
    (10, 1, 10, 2, None),
    (12, 2, 12, 12, "desk_plain"),
]


def _sheet_xml(tmp_path, name: str, merger) -> bytes:
    workbook = Workbook()
    add_styles(workbook)
    ws = workbook.active
    for min_row, min_col, max_row, max_col, style in SHAPES:
        for r in range(min_row, max_row + 1):
            for c in range(min_col, max_col + 1):
                ws.cell(r, c).value = f"{r}-{c}"
                if style:
                    ws.cell(r, c).style = style
        merger(ws, min_row, min_col, max_row, max_col)
    path = tmp_path / name
    workbook.save(path)
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/worksheets/sheet1.xml") + archive.read("xl/styles.xml")


def test_merge_writes_the_same_file_as_openpyxl(tmp_path):
    def openpyxl_merge(ws, min_row, min_col, max_row, max_col):
        ws.merge_cells(start_row=min_row, start_column=min_col, end_row=max_row, end_column=max_col)

    fast = _sheet_xml(tmp_path, "fast.xlsx", merge)
    plain = _sheet_xml(tmp_path, "plain.xlsx", openpyxl_merge)
    assert b"<mergeCell " in fast and b'ref="E3:G3"' in fast
    assert fast == plain
