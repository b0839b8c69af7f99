"""Merging cell ranges with exactly the result of openpyxl's ``merge_cells``, without its per-cell style work.

openpyxl gives every cell of a merged range the borders of the range's edges it
lies on, one style lookup per cell and edge: most of the time of writing a
sheet's title and header.  A covered cell's style depends only on the corner
cells' styles and on which edges it lies on, so here openpyxl's own steps run
on one cell of each kind (corner, edge, inside), in openpyxl's order (so styles
are registered in the same order and the file is the same), and the others get
a copy.  What is worked out is kept per sheet for later ranges.
"""

from __future__ import annotations

_EDGE_NAMES = ("top", "left", "right", "bottom")


def merge(ws, min_row: int, min_col: int, max_row: int, max_col: int) -> None:
    """``ws.merge_cells(start_row=min_row, start_column=min_col, end_row=max_row, end_column=max_col)``."""
    from openpyxl.cell.cell import MergedCell
    from openpyxl.styles.cell_style import StyleArray
    from openpyxl.worksheet.cell_range import CellRange
    from openpyxl.worksheet.merge import MergedCellRange

    def edges(r: int, c: int) -> tuple[bool, bool, bool, bool]:
        return r == min_row, c == min_col, c == max_col, r == max_row

    cells = ws._cells
    start, end = cells.get((min_row, min_col)), cells.get((max_row, max_col))
    corners = (_style_key(start), _style_key(end) if end is not start else None)
    known = ws.__dict__.setdefault("_desk_merges", {}).setdefault(corners, {})
    # One cell of each kind: the first of its kind in openpyxl's order (rows, then columns).
    rows = sorted({min_row, min(min_row + 1, max_row), max_row})
    cols = sorted({min_col, min(min_col + 1, max_col), max_col})
    samples = [(r, c) for r in rows for c in cols]
    if not all(edges(r, c) in known for r, c in samples):
        styled = _merged_styles(ws, (min_row, min_col, max_row, max_col), samples)
        known.update((edges(r, c), style) for (r, c), style in styled.items())
    merged = MergedCellRange.__new__(MergedCellRange)
    CellRange.__init__(merged, min_col=min_col, min_row=min_row, max_col=max_col, max_row=max_row)
    merged.ws = ws
    merged.start_cell = ws.cell(min_row, min_col)
    ws.merged_cells.add(merged)
    for r in range(min_row, max_row + 1):
        for c in range(min_col, max_col + 1):
            cell = merged.start_cell if (r, c) == (min_row, min_col) else MergedCell(ws, r, c)
            style = known[edges(r, c)]
            cell._style = StyleArray(style) if style is not None else None
            cells[(r, c)] = cell


def _merged_styles(ws, bounds: tuple[int, int, int, int], samples: list[tuple[int, int]]) -> dict:
    """The styles openpyxl 3.1's MergedCellRange (``_get_borders`` then ``format``) gives *samples*."""
    import copy

    from openpyxl.cell.cell import MergedCell
    from openpyxl.styles.borders import Border

    min_row, min_col, max_row, max_col = bounds
    start = ws._cells.get((min_row, min_col)) or ws.cell(min_row, min_col)
    end = ws._cells.get((max_row, max_col))
    if end is not None:
        start.border += Border(right=end.border.right, bottom=end.border.bottom)
    sample = {(r, c): start if (r, c) == (min_row, min_col) else MergedCell(ws, r, c) for r, c in samples}
    lines = {
        "top": [(min_row, c) for c in range(min_col, max_col + 1)],
        "left": [(r, min_col) for r in range(min_row, max_row + 1)],
        "right": [(r, max_col) for r in range(min_row, max_row + 1)],
        "bottom": [(max_row, c) for c in range(min_col, max_col + 1)],
    }
    for name in _EDGE_NAMES:
        side = getattr(start.border, name)
        if side and side.style is None:
            continue
        border = Border(**{name: side})
        for spot in lines[name]:
            if spot in sample:
                sample[spot].border += border
    if start.protection is not None:
        protection = copy.copy(start.protection)
        for spot in sorted(sample):
            sample[spot].protection = protection
    return {spot: _style_key(cell) for spot, cell in sample.items()}


def _style_key(cell) -> tuple | None:
    return tuple(cell._style) if cell is not None and cell._style is not None else None
