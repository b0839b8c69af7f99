"""催报清单: the units to chase for a week, each with every person it named and their phones, to phone down a list.

One line per person (a unit that named nobody gets one line saying so); the unit, its status and number stand
once for all its people. The same lines are printed from the window and written as an A4 xlsx.
"""

from __future__ import annotations

from models.campaigns.office import Office

HEADS = ("序号", "单位", "状态", "角色", "姓名", "办公电话", "手机")
NOBODY = "（未报联络员）"
_WIDTHS = (5, 26, 11, 9, 9, 17, 15)  # characters: fits A4 portrait at 100 % with 1.5 cm margins


def status_text(row: dict) -> str:
    return row.get("status_label") or row["status"]


def chase_lines(rows: list[dict]) -> list[dict]:
    """The chase list (models.progress.completeness.chase_list) as lines to phone, one per person."""
    lines = []
    for number, row in enumerate(rows, start=1):
        people = row.get("contacts") or [{}]
        for index, person in enumerate(people):
            lines.append(
                {
                    "number": number,
                    "unit": row["unit"],
                    "status": status_text(row),
                    "first": index == 0,
                    "span": len(people),
                    "role": person.get("role") or "",
                    "name": person.get("name") or NOBODY,
                    "office_phone": person.get("office_phone") or "",
                    "mobile": person.get("mobile") or "",
                }
            )
    return lines


def line_values(line: dict) -> tuple:
    return (
        line["number"],
        line["unit"],
        line["status"],
        line["role"],
        line["name"],
        line["office_phone"],
        line["mobile"],
    )


def byline(office: Office | None, made_on: str) -> str:
    """The line under the title: who made the list, and when."""
    who = office.name if office and office.name else ""
    return f"{who}　制表日期：{made_on}".strip("　")


def export_chase_list(rows: list[dict], title: str, target, office: Office | None = None, made_on: str = "") -> None:
    """The chase list as an xlsx that prints on A4 portrait: borders, header repeated, one page wide."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    from models.documents.xlsx_io import put, save_workbook

    workbook = Workbook()
    ws = workbook.active
    ws.title = "催报清单"
    width = len(HEADS)
    thin = Side(style="thin")
    border = Border(thin, thin, thin, thin)
    body = Font(name="宋体", size=11)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(vertical="center", wrap_text=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    put(ws["A1"], title)
    ws["A1"].font = Font(name="黑体", size=16)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 30
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    put(ws["A2"], byline(office, made_on))
    ws["A2"].font = body
    ws["A2"].alignment = Alignment(horizontal="right")
    for col, text in enumerate(HEADS, start=1):
        cell = ws.cell(3, col)
        put(cell, text)
        cell.font, cell.border, cell.alignment = Font(name="宋体", size=11, bold=True), border, centre
    row = 4
    for line in chase_lines(rows):
        for col, value in enumerate(line_values(line), start=1):
            cell = ws.cell(row, col)
            if line["first"] or col > 3:
                put(cell, value)
            cell.font, cell.border = body, border
            cell.alignment = centre if col in (1, 3, 4) else left
        if line["first"] and line["span"] > 1:
            for col in (1, 2, 3):
                ws.merge_cells(start_row=row, start_column=col, end_row=row + line["span"] - 1, end_column=col)
        ws.row_dimensions[row].height = 20
        row += 1
    for col, chars in enumerate(_WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(col)].width = chars
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.6
    ws.page_margins.top, ws.page_margins.bottom = 0.8, 0.8
    ws.print_options.horizontalCentered = True
    ws.print_title_rows = "3:3"
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.freeze_panes = "A4"
    save_workbook(workbook, target)


def chase_html(rows: list[dict], title: str, office: Office | None = None, made_on: str = "") -> str:
    """The same list as HTML for printing from the window (QTextDocument)."""
    from html import escape

    head = "".join(f"<th>{h}</th>" for h in HEADS)
    body = []
    for line in chase_lines(rows):
        cells = []
        for col, value in enumerate(line_values(line)):
            if col < 3 and not line["first"]:
                continue
            span = f" rowspan='{line['span']}'" if col < 3 and line["span"] > 1 else ""
            cells.append(f"<td{span}>{escape(str(value or ''))}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (
        f"<h2 align='center'>{escape(title)}</h2>"
        f"<p align='right'>{escape(byline(office, made_on))}</p>"
        "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
        f"<thead><tr>{head}</tr></thead>{''.join(body)}</table>"
    )
