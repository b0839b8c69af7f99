"""Formula payloads in every text the clerk controls, through every xlsx the app writes.

Read back (the raw sheet XML and openpyxl): no formula the app did not put there (a template's own
SUM rows stay), and every text starting with ``= + - @``, tab or CR is text marked with quotePrefix.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from models.campaigns.campaign import campaign_by_year, campaign_units
from models.campaigns.periods import period_by_seq
from models.documents.xlsx_io import RISKY_START
from models.liaisons.export import export_liaisons
from models.liaisons.forms import blank_forms as blank_liaison_forms
from models.progress import completeness
from models.progress.forms.blank import write_blank_forms
from models.progress.forms.export import export_into_template, export_own
from models.progress.totals import week_table
from models.reports.report import list_reports
from models.reports.xlsx import export_tables_xlsx
from tests.models.liaisons.test_liaison_export import _received_template
from tests.models.stats_files import make_template

PAYLOADS = ['=HYPERLINK("http://evil.example","点此")', "+1+1", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=cmd|' /C calc'!A0"]
FORMULA = re.compile(rb"<(?:\w+:)?f[ >/]")


def _formula_cells(path: Path) -> set[str]:
    book = load_workbook(path)
    return {
        f"{ws.title}!{c.coordinate}"
        for ws in book.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.data_type == "f"
    }


def _formulas(path: Path) -> int:
    with zipfile.ZipFile(path) as archive:
        return sum(len(FORMULA.findall(archive.read(n))) for n in archive.namelist() if n.startswith("xl/worksheets/"))


@pytest.fixture
def hostile(demo_store):
    """The demo campaign 2021 with a payload in its title, units, liaisons, an indicator and the report."""
    campaign = campaign_by_year(demo_store, 2021)
    units = campaign_units(demo_store, campaign["id"])
    liaisons = demo_store.rows("SELECT id FROM liaisons WHERE campaign_id = ? ORDER BY id", (campaign["id"],))
    indicator = demo_store.row("SELECT id FROM indicators WHERE campaign_id = ? LIMIT 1", (campaign["id"],))
    report = list_reports(demo_store, campaign["id"])[0]
    with demo_store.batch("注入测试") as batch:
        batch.update("campaigns", campaign["id"], {"title": PAYLOADS[0], "office_name": "@办公室"})
        for unit, payload in zip(units, PAYLOADS):
            batch.update("units", unit["id"], {"name": f"{payload}镇"})
        for liaison, payload in zip(liaisons, PAYLOADS):
            batch.update("liaisons", liaison["id"], {"name": payload, "mobile": payload, "remarks": payload})
        batch.update("indicators", indicator["id"], {"label": "=2*3"})
        batch.update("reports", report["id"], {"title": '=HYPERLINK("http://evil.example","报告")'})
    return campaign_by_year(demo_store, 2021), report


def _exports(store, campaign, report, folder: Path) -> dict[Path, set[str]]:
    """Every xlsx writer of the app; each file with the formula cells its template had."""
    period = period_by_seq(store, campaign["id"], 1)
    table = week_table(store, campaign["id"], period["id"])
    made: dict[Path, set[str]] = {}
    made[Path(export_own(table, campaign, folder / "统计表.xlsx")["file"])] = set()
    template = make_template(folder / "附件1.xlsx", [], empty_rows=40)
    made[Path(export_into_template(table, template, folder / "填好的附件1.xlsx")["file"])] = _formula_cells(template)
    for sub in ("blank", "liaison-blank"):
        (folder / sub).mkdir()
    made.update(dict.fromkeys(write_blank_forms(store, campaign, period, folder / "blank"), set()))
    made.update(dict.fromkeys(blank_liaison_forms(store, campaign, folder / "liaison-blank", one_for_all=True), set()))
    made[Path(export_liaisons(store, campaign, folder / "联络员名单.xlsx"))] = set()
    liaison_template = _received_template(folder / "联络员模板.xlsx")
    made[Path(export_liaisons(store, campaign, folder / "填好的名单.xlsx", template=str(liaison_template)))] = set()
    status = completeness.unit_status(store, campaign["id"], period["id"], at="2030-01-01T00:00:00")
    from models.progress.chase import export_chase_list

    export_chase_list(completeness.chase_list(status), PAYLOADS[0], folder / "催报清单.xlsx")
    made[folder / "催报清单.xlsx"] = set()
    made[Path(export_tables_xlsx(store, report, folder / "报告表格.xlsx"))] = set()
    return made


def test_no_export_holds_a_formula_it_did_not_put_there(demo_store, hostile, tmp_path):
    campaign, report = hostile
    made = _exports(demo_store, campaign, report, tmp_path)
    assert len(made) >= 9
    risky_seen = 0
    for path, template_formulas in made.items():
        assert _formulas(path) == len(template_formulas), path.name
        assert _formula_cells(path) == template_formulas, path.name
        book = load_workbook(path)
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.data_type == "f":
                        continue  # the template's own SUM rows, checked above
                    if isinstance(cell.value, str) and cell.value.startswith(RISKY_START):
                        risky_seen += 1
                        assert cell.data_type == "s" and cell.quotePrefix, f"{path.name}!{cell.coordinate}"
    assert risky_seen >= 20  # the payloads did reach the files


def test_control_characters_in_stored_names_do_not_break_exports(demo_store, tmp_path):
    campaign = campaign_by_year(demo_store, 2021)
    unit = campaign_units(demo_store, campaign["id"])[0]
    demo_store.conn.execute("UPDATE units SET name = ? WHERE id = ?", ("白水\x01镇\x0b", unit["id"]))  # an old file
    demo_store.conn.commit()
    period = period_by_seq(demo_store, campaign["id"], 1)
    out = export_own(week_table(demo_store, campaign["id"], period["id"]), campaign, tmp_path / "x.xlsx")
    names = [c.value for c in load_workbook(out["file"]).active["B"]]
    assert "白水镇" in names
