"""The statistics table per parent unit: one row per town, its villages and communities summed into it."""

from __future__ import annotations

from openpyxl import load_workbook

from models.campaigns.campaign import campaign_by_year
from models.campaigns.periods import period_by_seq
from models.cli import run
from models.progress.totals import by_top_unit, week_table
from tests.models.exchange.offices import own_file

UNITS = [("城关镇", None), ("新村", "城关镇"), ("老街社区", "城关镇"), ("上坝村", "新村"), ("县应急管理局", None)]


def test_villages_are_summed_into_their_town(tmp_path):
    store = own_file(tmp_path / "town.db", "某县安委办", UNITS, {1: 5})
    try:
        campaign = campaign_by_year(store, 2021)
        table = week_table(store, campaign["id"], period_by_seq(store, campaign["id"], 1)["id"])
        rolled = by_top_unit(store, table)
    finally:
        store.close()
    assert [r["unit"]["name"] for r in rolled["rows"]] == ["城关镇", "县应急管理局"]
    assert rolled["rows"][0]["values"][:3] == [20, 20, 20]  # the town, two villages and a village's hamlet
    assert rolled["rows"][1]["values"][:3] == [5, 5, 5]
    assert rolled["total"][:3] == table["total"][:3] == [25, 25, 25]


def test_export_stats_by_parent(tmp_path, capsys):
    own_file(tmp_path / "town.db", "某县安委办", UNITS, {1: 5}).close()
    out = tmp_path / "按镇汇总.xlsx"
    args = ["export-stats", "--db", str(tmp_path / "town.db"), "--campaign", "2021", "--week", "1"]
    assert run([*args, "--by-parent", "--out", str(out)]) == 0
    assert "已导出 2 个单位" in capsys.readouterr().out
    sheet = load_workbook(out).active
    names = {sheet.cell(r, 2).value: r for r in range(1, sheet.max_row + 1)}
    assert "城关镇" in names and "新村" not in names and "县应急管理局" in names
    assert [sheet.cell(names["城关镇"], c).value for c in (3, 4, 5)] == [20, 20, 20]
