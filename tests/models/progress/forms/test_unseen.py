"""Templates and returned forms the sample set does not have: the table model reads them by structure.

A county table with an unmerged two-row header (group names repeated), a unit column titled 乡（镇）, 合计（全县）
on top with SUM formulas, pre-printed towns, two empty rows and a note; a unit's returned copy with a renamed
row, a row naming a unit outside the campaign and a typed 合计 that disagrees.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Border, Side

from models.campaigns.campaign import campaign_by_year
from models.campaigns.office import set_office
from models.campaigns.periods import period_by_seq
from models.campaigns.unit_import import entries_from_rows, import_units
from models.new_campaign import create_campaign
from models.progress.figures import set_figures
from models.progress.forms.export import export_into_template
from models.progress.forms.importer import import_forms
from models.progress.forms.template import layout_from_template
from models.progress.totals import week_table
from tests.models.progress.forms.yardstick import stored_figures

TOWNS = ["城关镇", "东风镇", "西山乡", "南湖街道"]
DEPARTMENTS = ["县应急管理局", "县教育局", "县水务局"]


def _template(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "统计"
    thin = Side(style="thin")
    ws["A1"] = "某县“安全生产月”活动情况统计表"
    ws.merge_cells("A1:G1")
    ws["A2"], ws["E2"] = "单位名称：", "日期：　　年　　月　　日"
    for col, text in enumerate(["序号", "乡（镇）", "宣传活动", "宣传活动", "隐患排查", "隐患排查", "备注"], start=1):
        ws.cell(3, col, text)
    for col, text in enumerate([None, None, "场次", "人次", "排查隐患（处）", "其中：已整改（处）"], start=1):
        ws.cell(4, col, text)
    ws["A5"] = "合计（全县）"
    for col in "CDEF":
        ws[f"{col}5"] = f"=SUM({col}6:{col}11)"
    for number, town in enumerate(TOWNS, start=1):
        ws.cell(5 + number, 1, number)
        ws.cell(5 + number, 2, town)
    for r in range(3, 12):
        for c in range(1, 8):
            ws.cell(r, c).border = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws["A12"] = "附注：请于每周一报送。"
    ws.merge_cells("A12:G12")
    ws.print_area = "A1:G12"
    wb.save(path)
    return path


@pytest.fixture
def county(store, tmp_path):
    template = _template(tmp_path / "某县模板.xlsx")
    set_office(store, name="某县安委会办公室", filler="王强", phone="0871-60000000")
    create_campaign(store, 2025, layout=layout_from_template(template))
    campaign = campaign_by_year(store, 2025)
    rows = [["单位名称", "类别"]] + [[t, "镇/街道"] for t in TOWNS] + [[d, "成员单位"] for d in DEPARTMENTS]
    import_units(store, entries_from_rows(rows), campaign["id"])
    return campaign, template


def test_layout_of_an_unmerged_two_row_header(county):
    _campaign, template = county
    items = layout_from_template(template)
    names = [(i["group"], i["label"], i["measure"]) for i in items]
    assert names == [
        ("宣传活动", "场次", "场次"),
        ("宣传活动", "人次", "人次"),
        ("隐患排查", "排查隐患", "处"),
        ("隐患排查", "其中：已整改", "处"),
    ]
    assert items[3]["max_of"] == items[2]["code"]


def test_filling_places_towns_by_name_and_inserts_a_row_for_the_seventh_unit(store, county, tmp_path):
    campaign, template = county
    period = period_by_seq(store, campaign["id"], 2)
    indicators = store.rows("SELECT * FROM indicators WHERE campaign_id = ? ORDER BY sort_order", (campaign["id"],))
    units = store.rows("SELECT u.* FROM units u ORDER BY sort_order")
    figures = [
        (u["id"], period["id"], i["id"], n * 10 + k) for n, u in enumerate(units, 1) for k, i in enumerate(indicators)
    ]
    with store.batch("figures", source="test") as batch:
        set_figures(batch, figures, source="test")
    out = tmp_path / "填好的.xlsx"
    report = export_into_template(week_table(store, campaign["id"], period["id"]), template, out, store=store)
    ws = load_workbook(out)["统计"]
    by_name = {ws.cell(r, 2).value: r for r in range(6, ws.max_row + 1) if ws.cell(r, 2).value}
    assert [by_name[t] for t in TOWNS] == [6, 7, 8, 9]  # pre-printed rows kept their towns
    assert set(DEPARTMENTS) <= set(by_name) and by_name[DEPARTMENTS[-1]] == 12  # one row inserted
    assert [ws.cell(r, 1).value for r in (10, 11, 12)] == [5, 6, 7]
    assert ws["C5"].value == "=SUM(C6:C12)"  # the total covers the inserted row
    assert ws["A13"].value == "附注：请于每周一报送。" and "A13:G13" in {str(m) for m in ws.merged_cells.ranges}
    assert ws.print_area == "'统计'!$A$1:$G$13"
    assert ws["A2"].value.startswith("单位名称：某县安委会办公室")
    assert ws.cell(12, 2).border.left.style == "thin"  # the inserted row has the empty rows' borders
    assert report["unplaced_units"] == [] and report["rows"] == 7


def test_returned_copy_never_credits_a_stranger_row(store, county, tmp_path):
    campaign, template = county
    wb = load_workbook(template)
    ws = wb["统计"]
    ws["A2"] = "单位名称：城关镇人民政府"
    ws["B6"] = "城关镇人民政府"
    for col, value in zip("CDEF", (3, "120人次", 5, 4)):
        ws[f"{col}6"] = value
    ws["B10"] = "城关镇农技站"  # not a unit of the campaign: its figures belong to nobody
    for col, value in zip("CDEF", (1, 30, 2, 2)):
        ws[f"{col}10"] = value
    for col, value in zip("CDEF", (9, 150, 7, 6)):
        ws[f"{col}5"] = value  # a typed 合计 over the formulas
    path = tmp_path / "城关镇.xlsx"
    wb.save(path)
    result = import_forms(store, campaign, [path], week=2)[0]
    assert result.status == "imported" and result.unit == "城关镇"
    assert stored_figures(store, campaign["id"]) == {
        ("城关镇", 2): {"宣传活动·场次": 3, "宣传活动·人次": 120, "隐患排查·排查隐患": 5, "隐患排查·其中：已整改": 4}
    }
    errors = {e["cell"]: e["message"] for e in result.errors}
    assert list(errors) == ["B10"] and "城关镇农技站" in errors["B10"] and "不在" in errors["B10"]
    notes = " ".join(n["message"] for n in result.notes)
    assert "合计（全县）与明细不符" in notes and "120人次" in notes
