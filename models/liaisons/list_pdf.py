"""The liaison list as a PDF on the official pipeline (A4 landscape, fonts embedded, page numbers `— 1 —`):
every unit of the campaign, a unit that has named nobody listed as such."""

from __future__ import annotations

import os
from pathlib import Path

from models.documents.contacts import mask_email, mask_mobile
from models.documents.pdf import blocks as b
from models.liaisons.forms import COLUMNS, list_title
from models.liaisons.liaison import liaison_rows
from models.store.database import Store

NOBODY = "尚未明确联络员"


def list_document(store: Store, campaign: dict, *, mask: bool = False) -> b.Document:
    rows = liaison_rows(store, campaign["id"])
    title = list_title(campaign)
    doc = b.Document(title, author=campaign.get("office_name") or "", landscape=True)
    doc.protected = [r["name"] for r in rows if r.get("name")]
    units = {r["unit_id"] for r in rows}
    missing = [r["unit_name"] for r in rows if r["id"] is None]
    people = len(rows) - len(missing)
    doc.add(b.Title(title), b.Blank())
    summary = f"共{len(units)}个单位、{people}人。"
    if missing:
        summary += f"其中{len(missing)}个单位{NOBODY}：{'、'.join(missing)}。"
    doc.add(b.Paragraph(summary, missing=bool(missing)))
    table, spans = [], {}
    fields = [field for field, _label, _w in COLUMNS]
    for number, row in enumerate(rows, start=1):
        if row["id"] is None:  # the row says so across its empty cells
            cells = {"seq": number, "unit_name": row["unit_name"], "role": f"（{NOBODY}）"}
            spans[number - 1] = fields.index("role")
        else:
            cells = dict(row, seq=number)
            if mask:
                cells["mobile"], cells["email"] = mask_mobile(row.get("mobile")), mask_email(row.get("email"))
        table.append(["" if cells.get(field) is None else str(cells.get(field)) for field, _label, _w in COLUMNS])
    doc.add(b.ListTable([label for _f, label, _w in COLUMNS], table, [w for _f, _l, w in COLUMNS], spans=spans))
    return doc


def export_pdf(store: Store, campaign: dict, out: str | os.PathLike, *, mask: bool = False) -> Path:
    from models.documents.pdf.build import build_pdf

    build_pdf(list_document(store, campaign, mask=mask), out)
    return Path(out)
