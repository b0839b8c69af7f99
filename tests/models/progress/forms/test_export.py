"""Exporting the filled statistics table: the app's own layout, and a received template filled in place."""

from __future__ import annotations

import csv
import subprocess
import sys

import pytest
from openpyxl import load_workbook

from models.campaigns.campaign import campaign_by_year, campaign_units
from models.campaigns.periods import period_by_seq
from models.new_campaign import create_campaign
from models.progress.forms.export import export_into_template, export_own
from models.progress.forms.template import layout_from_template
from models.progress.grid import load_week, parse_block, save_entries
from models.progress.totals import week_table
from tests.conftest import ROOT
from tests.models.stats_files import make_template


def libreoffice_csv(xlsx, out_dir, program="libreoffice") -> list[list[str]]:
    """The first sheet as LibreOffice computes it (formulas recalculated), UTF-8 CSV."""
    profile = out_dir / "lo-profile"
    subprocess.run(
        [
            program,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(out_dir),
            str(xlsx),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    with open(out_dir / (xlsx.stem + ".csv"), encoding="utf-8") as handle:
        return list(csv.reader(handle))


def test_own_layout_export(demo_path, tmp_path):
    target = tmp_path / "第1周.xlsx"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "export-stats",
            "--db",
            str(demo_path),
            "--campaign",
            "2021",
            "--week",
            "1",
            "--out",
            str(target),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    ws = load_workbook(target).active
    assert ws["A1"].value == "2021年“安全生产月”活动进展情况统计表"
    assert ws["A2"].value.startswith("填报单位：曲靖市麒麟区")
    assert (ws["A3"].value, ws["B3"].value, ws["C3"].value, ws["C4"].value, ws["G4"].value) == (
        "序号",
        "单位",
        "安全宣传咨询",
        "场次",
        "发放宣传资料（份）",
    )
    assert "C3:D3" in {str(r) for r in ws.merged_cells.ranges}
    assert ws["B5"].value == "南宁街道" and ws["C5"].style == "desk_number"
    total_row = next(r for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value == "合计")
    assert ws.cell(total_row, 3).value == sum(ws.cell(r, 3).value or 0 for r in range(5, total_row))
    assert ws.cell(total_row + 2, 1).value == "填报人："
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9


def test_text_starting_with_equals_stays_text(demo_store, tmp_path):
    campaign = campaign_by_year(demo_store, 2021)
    table = week_table(demo_store, campaign["id"], period_by_seq(demo_store, campaign["id"], 1)["id"])
    table["rows"][0]["unit"] = {**table["rows"][0]["unit"], "name": "=1+1"}
    export_own(table, campaign, tmp_path / "x.xlsx")
    cell = load_workbook(tmp_path / "x.xlsx").active["B5"]
    assert cell.value == "=1+1" and cell.data_type == "s"


@pytest.fixture
def filled_template_campaign(demo_store, tmp_path):
    template = make_template(
        tmp_path / "附件1.xlsx", ["建宁街道", "南宁街道"], empty_rows=20, extra_column="其他活动（次）"
    )
    plain = make_template(tmp_path / "layout.xlsx", [])  # the layout the campaign was set up with
    create_campaign(demo_store, 2025, copy_from=2021, layout=layout_from_template(plain))
    campaign = campaign_by_year(demo_store, 2025)
    period = period_by_seq(demo_store, campaign["id"], 1)
    grid = load_week(demo_store, campaign["id"], period["id"])
    block = [[str(r + c + 1) for c in range(len(grid.indicators))] for r in range(len(grid.units))]
    save_entries(demo_store, grid, parse_block(grid, 0, 0, block), "录入")
    return campaign, period, template


def test_template_export_keeps_sum_row_working_in_libreoffice(
    demo_store, filled_template_campaign, tmp_path, libreoffice
):
    campaign, period, template = filled_template_campaign
    table = week_table(demo_store, campaign["id"], period["id"])
    target = tmp_path / "out" / "填好的附件1.xlsx"
    target.parent.mkdir()
    report = export_into_template(table, template, target)
    assert report["unmatched_columns"] == ["其他活动（次）"]
    assert report["unplaced_units"] == [] and report["rows"] == len(campaign_units(demo_store, campaign["id"]))
    ws = load_workbook(target).active
    assert ws["B5"].value == "建宁街道" and ws["C5"].value == table["rows"][1]["values"][0]  # pre-printed row
    assert ws["B7"].value == "南宁街道" or ws["B6"].value == "南宁街道"
    assert ws["B7"].value == table["rows"][2]["unit"]["name"] and ws["A7"].value == 3  # first empty row
    total = next(r for r in range(5, ws.max_row + 1) if ws.cell(r, 1).value == "合计")
    assert ws.cell(total, 3).value.startswith("=SUM(") and "A3:A4" in {str(m) for m in ws.merged_cells.ranges}
    assert ws.page_setup.orientation == "landscape"
    rows = libreoffice_csv(target, tmp_path / "out", libreoffice)
    computed = next(r for r in rows if r and r[0] == "合计")
    assert int(computed[2]) == table["total"][0] and int(computed[6]) == table["total"][4]


def test_template_columns_mapped_once_are_filled(demo_store, filled_template_campaign, tmp_path):
    campaign, period, template = filled_template_campaign
    table = week_table(demo_store, campaign["id"], period["id"])
    mapping = {"其他活动（次）": table["indicators"][0]["id"]}
    report = export_into_template(table, template, tmp_path / "m.xlsx", mapping)
    assert report["unmatched_columns"] == ["场次"]  # the indicator now went to the mapped column
    ws = load_workbook(tmp_path / "m.xlsx").active
    assert ws["H5"].value == table["rows"][1]["values"][0] and ws["C5"].value is None
