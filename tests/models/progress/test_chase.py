"""The 催报清单: every late unit with each person it named and both their phones, an xlsx that prints on A4."""

from __future__ import annotations

import subprocess

import pdfplumber
import pytest
from openpyxl import load_workbook

from models.campaigns.campaign import campaign_by_year
from models.campaigns.office import Office
from models.campaigns.periods import period_by_seq
from models.liaisons.liaison import add_liaison
from models.progress import completeness
from models.progress.chase import HEADS, NOBODY, chase_lines, export_chase_list

LATER = "2030-01-01T00:00:00"


@pytest.fixture
def chase(demo_store):
    campaign = campaign_by_year(demo_store, 2021)
    period = period_by_seq(demo_store, campaign["id"], 3)
    rows = completeness.unit_status(demo_store, campaign["id"], period["id"], at=LATER)
    late = next(r for r in completeness.chase_list(rows) if r["contacts"])
    add_liaison(  # a second person: the leader first in the file, the liaison's own phones must show too
        demo_store,
        campaign["id"],
        late["unit_id"],
        {"role": "分管领导", "name": "赵分管", "office_phone": "0874-3999001", "mobile": "13988880001"},
        confirmed=True,
    )
    rows = completeness.unit_status(demo_store, campaign["id"], period["id"], at=LATER)
    return completeness.chase_list(rows), late["unit"]


def test_every_person_of_a_late_unit_has_a_line_with_both_phones(chase, demo_store):
    rows, unit = chase
    people = {r["unit_id"]: r["contacts"] for r in rows}
    lines = chase_lines(rows)
    mine = [line for line in lines if line["unit"] == unit]
    assert [line["name"] for line in mine][-1] == "赵分管" and len(mine) >= 2
    assert ("0874-3999001", "13988880001") in {(line["office_phone"], line["mobile"]) for line in mine}
    for row in rows:  # nobody's phone is lost or moved to another person
        for person in people[row["unit_id"]]:
            line = next(li for li in lines if li["unit"] == row["unit"] and li["name"] == person["name"])
            assert (line["office_phone"], line["mobile"]) == (person["office_phone"] or "", person["mobile"] or "")
    nobody = [r for r in rows if not r["contacts"]]
    assert all(any(li["unit"] == r["unit"] and li["name"] == NOBODY for li in lines) for r in nobody)


def test_xlsx_one_line_per_person_with_a4_print_setup(chase, tmp_path):
    rows, unit = chase
    target = tmp_path / "第3周催报清单.xlsx"
    office = Office(name="曲靖市麒麟区安全生产委员会办公室")
    export_chase_list(rows, "第3周催报清单", target, office, "2021年6月22日")
    ws = load_workbook(target).active
    assert ws["A1"].value == "第3周催报清单"
    assert ws["A2"].value == "曲靖市麒麟区安全生产委员会办公室　制表日期：2021年6月22日"
    assert tuple(ws.cell(3, c).value for c in range(1, 8)) == HEADS
    found = [r for r in range(4, ws.max_row + 1) if ws.cell(r, 5).value == "赵分管"][0]
    assert (ws.cell(found, 6).value, ws.cell(found, 7).value) == ("0874-3999001", "13988880001")
    merged = next(m for m in ws.merged_cells.ranges if m.min_col == 2 and m.min_row <= found <= m.max_row)
    assert ws.cell(merged.min_row, 2).value == unit
    setup = ws.page_setup
    assert (setup.paperSize, setup.orientation, setup.fitToWidth, setup.fitToHeight) == (9, "portrait", 1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.print_title_rows == "$3:$3"


def test_xlsx_prints_one_page_wide_on_a4_in_libreoffice(chase, tmp_path, libreoffice):
    rows, _unit = chase
    target = tmp_path / "催报清单.xlsx"
    export_chase_list(rows, "第3周催报清单", target, Office(), "2021年6月22日")
    subprocess.run(
        [
            libreoffice,
            f"-env:UserInstallation=file://{tmp_path / 'lo'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(target),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    with pdfplumber.open(tmp_path / "催报清单.pdf") as pdf:
        pages = pdf.pages
        assert all(abs(p.width - 595) < 2 and abs(p.height - 842) < 2 for p in pages)  # A4 portrait
        text = "\n".join(p.extract_text() for p in pages)
        first = pages[0].extract_text().splitlines()
    assert len(pages) == 1  # the demo's late units fit one page, no column spilt onto a second
    person = rows[0]["contacts"][0] if rows[0]["contacts"] else None
    if person and person["mobile"]:
        line = next(li for li in first if person["name"] in li)
        assert person["mobile"] in line  # name and phones on one printed line
    assert "赵分管 0874-3999001 13988880001" in text
