"""Completeness of a week: reported / expected, on time / late by the due moment, the chase list."""

from __future__ import annotations

from models.campaigns.campaign import campaign_by_year
from models.campaigns.periods import period_by_seq, update_period
from models.progress import completeness, reporting
from models.progress.chase import export_chase_list
from models.progress.narratives import get_narrative, save_narrative
from models.progress.reporting import week_overview


def _setup(store):
    campaign = campaign_by_year(store, 2021)
    period = period_by_seq(store, campaign["id"], 3)
    return campaign, period


def test_counts_match_the_weeks_overview(demo_store):
    campaign, period = _setup(demo_store)
    rows = completeness.unit_status(demo_store, campaign["id"], period["id"], at="2030-01-01T00:00:00")
    counts = completeness.counts(rows)
    overview = next(w for w in week_overview(demo_store, campaign["id"]) if w["seq"] == 3)
    assert (counts["expected"], counts["reported"], counts["late"], counts["missing"]) == (
        overview["expected"],
        overview["reported"],
        overview["late"],
        overview["missing"],
    )
    assert counts["on_time"] + counts["late"] + counts["missing"] == counts["expected"]


def test_late_detection_uses_due_date_and_time(demo_store):
    campaign, period = _setup(demo_store)
    unit = demo_store.row(
        "SELECT unit_id FROM campaign_units WHERE campaign_id = ? ORDER BY sort_order", (campaign["id"],)
    )
    demo_store.conn.execute("DELETE FROM figures WHERE unit_id = ? AND period_id = ?", (unit["unit_id"], period["id"]))
    demo_store.conn.execute(
        "DELETE FROM narratives WHERE unit_id = ? AND period_id = ?", (unit["unit_id"], period["id"])
    )
    update_period(demo_store, period["id"], due_date="2021-06-24", due_time="12:00")
    before = completeness.unit_status(demo_store, campaign["id"], period["id"], at="2021-06-24T11:00:00")
    mine = next(r for r in before if r["unit_id"] == unit["unit_id"])
    assert mine["status"] == reporting.PENDING
    after = completeness.unit_status(demo_store, campaign["id"], period["id"], at="2021-06-24T12:30:00")
    assert next(r for r in after if r["unit_id"] == unit["unit_id"])["status"] == reporting.OVERDUE
    save_narrative(
        demo_store, unit["unit_id"], period["id"], {"activities": "开展宣传"}, received_at="2021-06-24T12:01:00"
    )
    late = completeness.unit_status(demo_store, campaign["id"], period["id"], at="2021-06-25T00:00:00")
    row = next(r for r in late if r["unit_id"] == unit["unit_id"])
    assert row["status"] == reporting.LATE and row["liaison"]
    assert get_narrative(demo_store, unit["unit_id"], period["id"])["activities"] == "开展宣传"


def test_chase_list_names_liaisons_and_exports(demo_store, tmp_path):
    from openpyxl import load_workbook

    campaign, period = _setup(demo_store)
    rows = completeness.unit_status(demo_store, campaign["id"], period["id"], at="2030-01-01T00:00:00")
    chase = completeness.chase_list(rows)
    assert chase and chase[0]["status"] in (reporting.OVERDUE, reporting.LATE)
    assert all(r["status"] != reporting.ON_TIME for r in chase)
    target = tmp_path / "催报清单.xlsx"
    export_chase_list(chase, "第3周催报清单", target)
    ws = load_workbook(target).active
    assert ws["A1"].value == "第3周催报清单"
    assert [ws.cell(3, c).value for c in range(1, 8)] == ["序号", "单位", "状态", "角色", "姓名", "办公电话", "手机"]
    first = chase[0]["contacts"][0]["name"] if chase[0]["contacts"] else "（未报联络员）"
    assert ws.cell(4, 2).value == chase[0]["unit"] and ws.cell(4, 5).value == first
