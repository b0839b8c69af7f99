"""The app's own statistics sheet layout: named styles, title, two-level merged header, footer, A4 setup.

Shared by the blank forms and the exported table.  Styles are registered once
per workbook as named styles, so every cell only refers to a name (fast, small files).
"""

from __future__ import annotations

from models.documents.xlsx_io import put
from models.documents.xlsx_merge import merge

STYLES = (
    "desk_title",
    "desk_head",
    "desk_cell",
    "desk_center",
    "desk_number",
    "desk_input",
    "desk_total",
    "desk_plain",
)


def column_title(indicator: dict) -> str:
    label, measure = indicator["label"], indicator.get("measure")
    return f"{label}（{measure}）" if measure and measure not in label else label


def add_styles(workbook) -> None:
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Protection, Side

    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    specs = {
        "desk_title": dict(
            font=Font(name="黑体", size=16), alignment=Alignment(horizontal="center", vertical="center")
        ),
        "desk_head": dict(font=Font(name="宋体", size=10, bold=True), alignment=centre, border=box),
        "desk_cell": dict(
            font=Font(name="宋体", size=10), border=box, alignment=Alignment(vertical="center", wrap_text=True)
        ),
        "desk_center": dict(font=Font(name="宋体", size=10), border=box, alignment=centre),
        "desk_number": dict(
            font=Font(name="宋体", size=10), border=box, alignment=Alignment(horizontal="right", vertical="center")
        ),
        "desk_input": dict(
            font=Font(name="宋体", size=11),
            border=box,
            alignment=Alignment(horizontal="right", vertical="center"),
            fill=PatternFill("solid", fgColor="FFF8E1"),
            protection=Protection(locked=False),
        ),
        "desk_total": dict(font=Font(name="宋体", size=10, bold=True), border=box, alignment=centre),
        "desk_plain": dict(font=Font(name="宋体", size=11), alignment=Alignment(vertical="center")),
    }
    for name, spec in specs.items():
        if name not in workbook.named_styles:
            style = NamedStyle(name=name)
            for key, value in spec.items():
                setattr(style, key, value)
            workbook.add_named_style(style)


def write_header(ws, indicators: list[dict], top: int, first_col: int, label_heads: list[str]) -> dict[str, int]:
    """Two header rows from *top*: label columns, then groups merged over their indicators.

    Returns indicator id → column.
    """
    columns = {}
    for offset, head in enumerate(label_heads):
        col = first_col + offset
        put(ws.cell(top, col), head)
        ws.cell(top, col).style = ws.cell(top + 1, col).style = "desk_head"
        merge(ws, top, col, top + 1, col)
    col = first_col + len(label_heads)
    index = 0
    while index < len(indicators):
        group = indicators[index]["group_label"]
        span = 1
        while group and index + span < len(indicators) and indicators[index + span]["group_label"] == group:
            span += 1
        single = span == 1 and (not group or group == indicators[index]["label"])
        for k in range(span):
            indicator = indicators[index + k]
            columns[indicator["id"]] = col + k
            ws.cell(top, col + k).style = ws.cell(top + 1, col + k).style = "desk_head"
            if not single:
                put(ws.cell(top + 1, col + k), column_title(indicator))
        if single:
            put(ws.cell(top, col), column_title(indicators[index]))
            merge(ws, top, col, top + 1, col)
        else:
            put(ws.cell(top, col), group)
            if span > 1:
                merge(ws, top, col, top, col + span - 1)
        col += span
        index += span
    return columns


def write_title(ws, text: str, width: int, row: int = 1) -> None:
    put(ws.cell(row, 1), text)
    ws.cell(row, 1).style = "desk_title"
    merge(ws, row, 1, row, max(width, 1))
    ws.row_dimensions[row].height = 30


def write_footer(ws, row: int, width: int, office=None) -> None:
    """填报人/联系电话/审核人/日期 under the table; the office's 填报人 and phone, and today, when known."""
    from models.clock import today
    from models.documents.cn_text import cn_date

    filled = office is not None and office.is_set
    parts = (
        f"填报人：{office.filler if filled else ''}",
        f"联系电话：{office.phone if filled else ''}",
        "审核人：",
        f"日期：{cn_date(today()) if filled else ''}",
    )
    step = max(width // len(parts), 1)
    for number, text in enumerate(parts):
        cell = ws.cell(row, 1 + number * step)
        put(cell, text)
        cell.style = "desk_plain"


def page_setup(ws, header_rows: str, landscape: bool = True) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = header_rows
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.print_options.horizontalCentered = True


def set_widths(ws, first_widths: list[float], count: int, width: float = 9.5) -> None:
    from openpyxl.utils import get_column_letter

    for col, value in enumerate(first_widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = value
    for col in range(len(first_widths) + 1, len(first_widths) + count + 1):
        ws.column_dimensions[get_column_letter(col)].width = width
