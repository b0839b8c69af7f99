"""Who reported a week, on time or late, and the 催报清单 (chase list) with liaison phones."""

from __future__ import annotations

from models.campaigns.campaign import campaign_units
from models.clock import now
from models.liaisons.liaison import liaisons_by_unit
from models.progress.reporting import LABELS, LATE, ON_TIME, OVERDUE, PENDING, tally, week_statuses
from models.store.database import Store


def unit_status(store: Store, campaign_id: str, period_id: str, at: str | None = None) -> list[dict]:
    """Per expected unit: status code (models.progress.reporting), when received, its liaison(s) with phones."""
    period = store.get("periods", period_id)
    units = campaign_units(store, campaign_id)
    statuses = week_statuses(store, campaign_id, period, at or now(), units)
    people = liaisons_by_unit(store, campaign_id)
    rows = []
    for unit in units:
        status, when = statuses[unit["id"]]
        contacts = people.get(unit["id"], [])
        first = contacts[0] if contacts else {}
        rows.append(
            {
                "unit_id": unit["id"],
                "unit": unit["name"],
                "category": unit["category"],
                "status": status,
                "status_label": LABELS[status],
                "received_at": when,
                "liaison": "、".join(p["name"] for p in contacts) or "（未报联络员）",
                "office_phone": first.get("office_phone"),
                "mobile": "、".join(p["mobile"] for p in contacts if p.get("mobile")),
            }
        )
    return rows


def counts(rows: list[dict]) -> dict:
    return tally(r["status"] for r in rows)


CHASE_ORDER = {OVERDUE: 0, PENDING: 1, LATE: 2, ON_TIME: 3}


def chase_list(rows: list[dict]) -> list[dict]:
    """Units still to chase (not reported) and those that reported late, overdue first."""
    wanted = [r for r in rows if r["status"] != ON_TIME]
    return sorted(wanted, key=lambda r: CHASE_ORDER[r["status"]])


def export_chase_list(rows: list[dict], title: str, target) -> None:
    """The chase list as a printable xlsx (A4 portrait, borders, header repeated)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, Side

    from models.documents.xlsx_io import put, save_workbook

    workbook = Workbook()
    ws = workbook.active
    ws.title = "催报清单"
    thin = Side(style="thin")
    cell_style = NamedStyle("chase_cell", border=Border(thin, thin, thin, thin), font=Font(name="宋体", size=11))
    cell_style.alignment = Alignment(vertical="center", wrap_text=True)
    workbook.add_named_style(cell_style)
    ws.merge_cells("A1:F1")
    put(ws["A1"], title)
    ws["A1"].font = Font(name="黑体", size=16)
    ws["A1"].alignment = Alignment(horizontal="center")
    heads = ("序号", "单位", "状态", "联络员", "办公电话", "手机")
    for col, text in enumerate(heads, start=1):
        put(ws.cell(2, col), text)
        ws.cell(2, col).style = "chase_cell"
        ws.cell(2, col).font = Font(name="宋体", size=11, bold=True)
    for number, row in enumerate(rows, start=1):
        values = (number, row["unit"], LABELS[row["status"]], row["liaison"], row["office_phone"], row["mobile"])
        for col, value in enumerate(values, start=1):
            cell = ws.cell(2 + number, col)
            put(cell, value)
            cell.style = "chase_cell"
    for col, width in zip("ABCDEF", (6, 26, 10, 16, 16, 18)):
        ws.column_dimensions[col].width = width
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.print_title_rows = "2:2"
    save_workbook(workbook, target)
