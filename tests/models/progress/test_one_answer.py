"""One answer to "has this unit reported?": the 报送情况 page, the weeks overview, the brief, the 截止事项 page
and the status line agree unit by unit, whatever the clerk changed (due time, due day, a hand mark, a late
report on the due day)."""

from __future__ import annotations

import pytest

from models.campaigns.campaign import campaign_by_year
from models.campaigns.periods import period_by_seq, update_period
from models.clock import today
from models.progress import completeness, reporting
from models.progress.deadlines import deadline_tasks, due_items, mark_delivered
from models.progress.narratives import save_narrative
from models.reports.brief import completeness as brief_completeness


def _silent_unit(store, campaign, period) -> dict:
    rows = completeness.unit_status(store, campaign["id"], period["id"])
    return next(r for r in rows if r["status"] in reporting.NOT_REPORTED)


def _stats_task(store, campaign, period) -> dict:
    return next(
        t
        for t in deadline_tasks(store, campaign["id"], today())
        if t["kind"] == "weekly" and t["period_id"] == period["id"]
    )


def _change(store, campaign, period, case: str) -> None:
    first = completeness.unit_status(store, campaign["id"], period["id"])[0]
    if case == "due_time":  # a report on the due day, after the due hour
        update_period(store, period["id"], due_date=period["due_date"], due_time="12:00")
        save_narrative(
            store, first["unit_id"], period["id"], {"activities": "宣传"}, received_at=f"{period['due_date']}T15:00:00"
        )
    elif case == "due_day":  # the clerk moved the week's deadline off the notice's weekday
        update_period(store, period["id"], due_date="2021-06-19", due_time=None)
        save_narrative(store, first["unit_id"], period["id"], {"activities": "宣传"}, received_at="2021-06-20T09:00:00")
    elif case == "hand_mark":  # delivered on paper: the clerk marks it on the 截止事项 page
        task = _stats_task(store, campaign, period)
        mark_delivered(
            store, task["deadline_id"], _silent_unit(store, campaign, period)["unit_id"], today(), period["id"]
        )


@pytest.mark.parametrize("case", ["as_loaded", "due_time", "due_day", "hand_mark"])
def test_every_page_gives_the_same_status_per_unit(demo_store, case):
    campaign = campaign_by_year(demo_store, 2021)
    period = period_by_seq(demo_store, campaign["id"], 3)
    _change(demo_store, campaign, period, case)
    period = demo_store.get("periods", period["id"])
    page = {r["unit_id"]: r["status"] for r in completeness.unit_status(demo_store, campaign["id"], period["id"])}
    task = _stats_task(demo_store, campaign, period)
    assert {u["unit_id"]: u["status"] for u in task["units"]} == page
    assert set(page.values()) >= {reporting.ON_TIME, reporting.OVERDUE}
    if case in ("due_time", "due_day"):
        assert reporting.LATE in page.values()
    counts = completeness.counts(completeness.unit_status(demo_store, campaign["id"], period["id"]))
    week = next(w for w in reporting.week_overview(demo_store, campaign["id"]) if w["id"] == period["id"])
    keys = ("expected", "reported", "on_time", "late", "missing")
    assert {k: week[k] for k in keys} == {k: counts[k] for k in keys}
    assert task["counts"][reporting.ON_TIME] == counts["on_time"] and task["counts"][reporting.LATE] == counts["late"]
    brief = brief_completeness(demo_store, campaign, period)
    names = {r["unit_id"]: r["unit"] for r in completeness.unit_status(demo_store, campaign["id"], period["id"])}
    assert sorted(brief["late"]) == sorted(names[u] for u, s in page.items() if s == reporting.LATE)
    assert sorted(brief["missing"]) == sorted(names[u] for u, s in page.items() if s in reporting.NOT_REPORTED)
    assert brief["reported"] == counts["reported"]


def test_the_status_line_counts_the_same_missing_units(demo_store):
    campaign = campaign_by_year(demo_store, 2021)
    period = period_by_seq(demo_store, campaign["id"], 3)
    _change(demo_store, campaign, period, "hand_mark")
    missing = completeness.counts(completeness.unit_status(demo_store, campaign["id"], period["id"]))["missing"]
    for at, overdue in ((period["due_date"] + "T18:00:00", False), ("2021-06-22T08:00:00", True)):
        items = due_items(demo_store, campaign["id"], at)
        line = next(i for i in items if i["date"] == period["due_date"] and "上一周" in i["what"])
        assert (line["missing"], line["overdue"]) == (missing, overdue)


def test_labels_are_put_on_at_the_edge(demo_store, tmp_path):
    from openpyxl import load_workbook

    from models.progress.chase import chase_lines, export_chase_list

    campaign = campaign_by_year(demo_store, 2021)
    period = period_by_seq(demo_store, campaign["id"], 3)
    rows = completeness.unit_status(demo_store, campaign["id"], period["id"])
    assert {r["status"] for r in rows} <= set(reporting.LABELS)
    chase = completeness.chase_list(rows)
    export_chase_list(chase, "催报", tmp_path / "c.xlsx")
    sheet = load_workbook(tmp_path / "c.xlsx").active
    firsts = [4 + i for i, line in enumerate(chase_lines(chase)) if line["first"]]  # a unit's first person's row
    assert [sheet.cell(r, 3).value for r in firsts] == [reporting.LABELS[r["status"]] for r in chase]
    assert sheet.cell(4, 3).value == "未交（逾期）"
