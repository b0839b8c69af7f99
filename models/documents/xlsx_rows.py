"""Inserting rows into a worksheet so that everything below follows: merged ranges, formulas (a SUM range ending
just above the new rows grows over them), the print area, data validations, row heights; new rows take the
styles of a given row.  openpyxl's insert_rows moves only the cells."""

from __future__ import annotations

import re

_REF = re.compile(r"(?<![A-Za-z_\d])(\$?)([A-Z]{1,3})(\$?)(\d+)(?::(\$?)([A-Z]{1,3})(\$?)(\d+))?(?![\d(])")


def shift_formula(formula: str, at: int, count: int) -> str:
    """References at or below row *at* move down *count* rows; a range ending just above *at* grows over them."""

    def move(match):
        c1, col1, r1d, row1 = match.group(1), match.group(2), match.group(3), int(match.group(4))
        if match.group(6) is None:
            return f"{c1}{col1}{r1d}{row1 + count if row1 >= at else row1}"
        c2, col2, r2d, row2 = match.group(5), match.group(6), match.group(7), int(match.group(8))
        new1 = row1 + count if row1 >= at else row1
        new2 = row2 + count if row2 >= at - 1 and row1 < at or row2 >= at else row2
        return f"{c1}{col1}{r1d}{new1}:{c2}{col2}{r2d}{new2}"

    return _REF.sub(move, formula)


def insert_rows(ws, at: int, count: int, style_row: int) -> None:
    """Insert *count* rows before row *at*, styled like *style_row*; merges, formulas, print area, validations,
    row heights follow."""
    from copy import copy

    from openpyxl.worksheet.cell_range import CellRange

    merges = [CellRange(m.coord) for m in ws.merged_cells.ranges]
    for m in list(ws.merged_cells.ranges):
        ws.merged_cells.remove(m)
    heights = {r: copy(d) for r, d in ws.row_dimensions.items() if r >= at}
    ws.insert_rows(at, count)
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.value = shift_formula(cell.value, at, count)
    for m in merges:
        if m.min_row >= at:
            m.shift(row_shift=count)
        ws.merge_cells(m.coord)
    for r in sorted(heights, reverse=True):
        ws.row_dimensions[r + count].height = heights[r].height
    style_height = ws.row_dimensions[style_row].height
    for r in range(at, at + count):
        ws.row_dimensions[r].height = style_height
        for c in range(1, ws.max_column + 1):
            source = ws.cell(style_row, c)
            if source.has_style:
                ws.cell(r, c)._style = copy(source._style)
    for validation in ws.data_validations.dataValidation:
        validation.sqref = _shift_ranges(str(validation.sqref), at, count)
    if ws.print_area:
        areas = []
        for area in ws.print_area.split(","):
            sheet, _, ref = area.rpartition("!")
            areas.append(_shift_ranges(ref.replace("$", ""), at, count))
        ws.print_area = ",".join(areas)


def _shift_ranges(sqref: str, at: int, count: int) -> str:
    parts = []
    for ref in sqref.split():
        if ":" not in ref:
            ref = f"{ref}:{ref}"
        parts.append(shift_formula(ref, at, count))
    return " ".join(parts)
