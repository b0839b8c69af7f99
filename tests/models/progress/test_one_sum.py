"""One sum: the statistics table sent up, the report tables, the summary and the weekly brief agree.

Each case changes the demo the way a clerk would (deactivates a unit that reported, one that stopped
half-way, one that never reported; makes an indicator a to-date one), then exports the statistics table
to a real xlsx file, reads its 合计 row back and checks that the grid, the report's xlsx table and the
statistics sentence of the summary and of the brief say the same numbers for the same weeks.
"""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from models.campaigns.campaign import campaign_by_year
from models.campaigns.periods import list_periods
from models.campaigns.units import add_unit, campaign_unit_ids, set_active
from models.progress.forms.export import export_own
from models.progress.grid import load_week
from models.progress.totals import cumulative_table, week_table
from models.reports.brief import weekly_document
from models.reports.report import create_report, get_report
from models.reports.summary import statistics_sentence, summary_document
from models.reports.xlsx import export_tables_xlsx


def _reported_by_week(store, campaign_id) -> dict[str, set[int]]:
    rows = store.rows(
        "SELECT DISTINCT f.unit_id, p.seq FROM figures f JOIN periods p ON p.id = f.period_id"
        " WHERE p.campaign_id = ? AND f.value IS NOT NULL",
        (campaign_id,),
    )
    weeks: dict[str, set[int]] = {}
    for row in rows:
        weeks.setdefault(row["unit_id"], set()).add(row["seq"])
    return weeks


def _prepare(store, year: int, case: str) -> dict:
    campaign = campaign_by_year(store, year)
    weeks = _reported_by_week(store, campaign["id"])
    members = sorted(campaign_unit_ids(store, campaign["id"]))
    all_weeks = {p["seq"] for p in list_periods(store, campaign["id"])}
    if case in ("reported", "to_date"):  # the unit that sent the most weeks
        set_active(store, max(weeks, key=lambda u: len(weeks[u])), False)
    elif case == "stopped":  # reported some weeks, not all
        set_active(store, next(u for u in members if weeks.get(u) and weeks[u] != all_weeks), False)
    elif case == "silent":  # joined, never reported, left
        set_active(store, add_unit(store, "新设测试单位", "企业", campaign_id=campaign["id"]), False)
    if case == "to_date":
        with store.batch("测试：累计指标") as batch:
            first = store.row("SELECT id FROM indicators WHERE campaign_id = ? ORDER BY sort_order", (campaign["id"],))
            batch.update("indicators", first["id"], {"accumulation": "cumulative"})
    return store.get("campaigns", campaign["id"])


def _file_totals(path, first_col: int, header_rows: int) -> tuple[list, list[bool]]:
    """The 合计 row of an exported table, and per column whether any unit's cell holds a figure."""
    rows = list(load_workbook(path).active.iter_rows(min_row=header_rows + 1, values_only=True))
    total = next(r for r in rows if r[0] == "合计")
    units = [r for r in rows if r[0] != "合计" and r[first_col - 1] is not None]
    width = len(total) - first_col + 1
    filled = [any(r[first_col - 1 + c] is not None for r in units) for c in range(width)]
    return [v or 0 for v in total[first_col - 1 :]], filled


def _sentence(campaign: dict, table: dict, total: list, filled: list[bool]) -> str:
    sums = {i["id"]: v for i, v, has in zip(table["indicators"], total, filled) if has}
    return statistics_sentence(campaign.get("region_word") or "全区", table["indicators"], sums)


@pytest.mark.parametrize("case", ["none", "reported", "stopped", "silent", "to_date"])
@pytest.mark.parametrize("year", [2021, 2022])
def test_table_sent_up_summary_and_brief_give_the_same_totals(demo_store, tmp_path, year, case):
    campaign = _prepare(demo_store, year, case)
    for period in list_periods(demo_store, campaign["id"])[:3]:
        week = week_table(demo_store, campaign["id"], period["id"])
        export_own(week, campaign, tmp_path / "week.xlsx")
        sent_up, filled = _file_totals(tmp_path / "week.xlsx", 3, 4)
        assert load_week(demo_store, campaign["id"], period["id"]).totals() == sent_up
        report = get_report(demo_store, create_report(demo_store, campaign, "weekly", period=period))
        export_tables_xlsx(demo_store, report, tmp_path / "report.xlsx")
        assert _file_totals(tmp_path / "report.xlsx", 2, 3)[0] == sent_up
        to_date = cumulative_table(demo_store, campaign["id"], period["seq"])
        export_own(to_date, campaign, tmp_path / "to_date.xlsx")
        brief = weekly_document(demo_store, campaign, period, report).text()
        assert _sentence(campaign, week, sent_up, filled) in brief
        assert _sentence(campaign, to_date, *_file_totals(tmp_path / "to_date.xlsx", 3, 4)) in brief
    whole = cumulative_table(demo_store, campaign["id"])
    export_own(whole, campaign, tmp_path / "whole.xlsx")
    total, filled = _file_totals(tmp_path / "whole.xlsx", 3, 4)
    assert _sentence(campaign, whole, total, filled) in summary_document(demo_store, campaign).text()
    summary = get_report(demo_store, create_report(demo_store, campaign, "summary"))
    export_tables_xlsx(demo_store, summary, tmp_path / "summary.xlsx")
    assert _file_totals(tmp_path / "summary.xlsx", 2, 3)[0] == total


def test_a_deactivated_unit_keeps_what_it_reported_and_leaves_the_lists(demo_store):
    campaign = campaign_by_year(demo_store, 2021)
    weeks = _reported_by_week(demo_store, campaign["id"])
    before = cumulative_table(demo_store, campaign["id"])["total"]
    gone = max(weeks, key=lambda u: len(weeks[u]))
    silent = add_unit(demo_store, "新设测试单位", "企业", campaign_id=campaign["id"])
    set_active(demo_store, gone, False)
    set_active(demo_store, silent, False)
    after = cumulative_table(demo_store, campaign["id"])
    assert after["total"] == before  # what it sent up stays sent up
    listed = {row["unit"]["id"] for row in after["rows"]}
    assert gone in listed and silent not in listed
    text = summary_document(demo_store, campaign).text()
    silent_name = demo_store.get("units", silent)["name"]
    assert silent_name not in text  # not named as a unit that never reported
