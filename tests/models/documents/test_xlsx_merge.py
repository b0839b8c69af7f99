"""The fast merge writes exactly the file openpyxl's own merge_cells writes (cells, styles, merged ranges)."""

from __future__ import annotations

import zipfile

from openpyxl import Workbook
from openpyxl.styles import Border, Side

from models.documents.xlsx_merge import merge
from models.progress.forms.own_layout import add_styles

THICK_LEFT = Border(left=Side(style="thick"), bottom=Side(style="dashed"))

# (first row, first col, last row, last col, style of the cells before merging, style of the last cell)
SHAPES = [
    (1, 1, 1, 12, "desk_title", None),
    (3, 1, 4, 1, "desk_head", None),
    (3, 2, 4, 2, "desk_head", None),
    (3, 3, 3, 4, "desk_head", None),
    (3, 5, 3, 7, "desk_head", None),
    (3, 8, 3, 9, "desk_head", None),
    (3, 10, 3, 12, "desk_head", None),
    (6, 1, 8, 3, "desk_input", None),
    (6, 4, 9, 7, "desk_input", None),
    (6, 8, 7, 9, "desk_head", "desk_input"),
    (10, 1, 10, 2, None, None),
    (11, 1, 11, 1, "desk_total", None),
    (12, 2, 12, 12, "desk_plain", None),
    (14, 1, 17, 5, THICK_LEFT, THICK_LEFT),
    (19, 1, 21, 3, THICK_LEFT, "desk_head"),
    (23, 3, 24, 6, "missing", None),
]


def _apply(cell, style) -> None:
    if isinstance(style, Border):
        cell.border = style
    elif style:
        cell.style = style


def _files(tmp_path, name: str, merger) -> bytes:
    workbook = Workbook()
    add_styles(workbook)
    ws = workbook.active
    for min_row, min_col, max_row, max_col, style, last in SHAPES:
        if style != "missing":
            for r in range(min_row, max_row + 1):
                for c in range(min_col, max_col + 1):
                    ws.cell(r, c).value = f"{r}-{c}"
                    _apply(ws.cell(r, c), style)
            _apply(ws.cell(max_row, max_col), last)
        merger(ws, min_row, min_col, max_row, max_col)
    path = tmp_path / name
    workbook.save(path)
    with zipfile.ZipFile(path) as archive:
        return archive.read("xl/worksheets/sheet1.xml") + archive.read("xl/styles.xml")


def test_merge_writes_the_same_file_as_openpyxl(tmp_path):
    def openpyxl_merge(ws, min_row, min_col, max_row, max_col):
        ws.merge_cells(start_row=min_row, start_column=min_col, end_row=max_row, end_column=max_col)

    fast = _files(tmp_path, "fast.xlsx", merge)
    plain = _files(tmp_path, "plain.xlsx", openpyxl_merge)
    assert b'<mergeCell ref="E3:G3"/>' in fast and b'<mergeCell ref="A14:E17"/>' in fast
    assert fast == plain
