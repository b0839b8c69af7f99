"""Deadlines as tasks per unit: delivered, late, missing, pending; automatic deliveries; the overview."""

from __future__ import annotations

from datetime import date

import pytest

from models.campaigns.campaign import campaign_by_year, campaign_units
from models.notices.notice import save_parsed_notice
from models.progress.deadlines import deadline_tasks, due_items, list_deadlines, mark_delivered, overview

TODAY = date(2021, 6, 10)


@pytest.fixture
def campaign(demo_store):
    return campaign_by_year(demo_store, 2021)


def _task(store, campaign, what, today=TODAY):
    return next(t for t in deadline_tasks(store, campaign["id"], today) if what in t["what"])


def test_once_deadline_statuses_by_unit(demo_store, campaign):
    task = _task(demo_store, campaign, "活动方案")
    assert task["due_date"] == "2021-05-28"
    assert task["counts"]["overdue"] == len(campaign_units(demo_store, campaign["id"]))
    unit = task["units"][0]
    mark_delivered(demo_store, task["deadline_id"], unit["unit_id"], date(2021, 5, 27))
    second = task["units"][1]
    mark_delivered(demo_store, task["deadline_id"], second["unit_id"], date(2021, 5, 30))
    again = _task(demo_store, campaign, "活动方案")
    by_unit = {u["unit_id"]: u for u in again["units"]}
    assert by_unit[unit["unit_id"]]["status"] == "on_time"
    assert by_unit[unit["unit_id"]]["delivered_at"] == "2021-05-27"
    assert by_unit[second["unit_id"]]["status"] == "late"
    mark_delivered(demo_store, task["deadline_id"], unit["unit_id"], None)
    assert {u["unit_id"]: u for u in _task(demo_store, campaign, "活动方案")["units"]}[unit["unit_id"]][
        "status"
    ] == "overdue"


def test_future_deadline_is_pending(demo_store, campaign):
    task = _task(demo_store, campaign, "活动总结")
    assert task["counts"]["pending"] == len(task["units"]) and task["counts"]["overdue"] == 0


def test_weekly_stats_count_units_with_figures_automatically(demo_store, campaign):
    weekly = [t for t in deadline_tasks(demo_store, campaign["id"], TODAY) if t["kind"] == "weekly"]
    assert len(weekly) == 5
    first = weekly[0]
    assert first["due_date"] == "2021-06-07"  # the Monday after the first week
    delivered = [u for u in first["units"] if u["status"] in ("on_time", "late")]
    assert delivered and all(u["source"] == "自动" for u in delivered)


def test_liaison_deadline_counts_units_with_a_liaison(store):
    with store.batch("准备") as batch:
        campaign_id = batch.insert(
            "campaigns", {"year": 2030, "title": "t", "start_date": "2030-06-01", "end_date": "2030-06-30"}
        )
        units = [
            batch.insert("units", {"name": n, "category": c}) for n, c in (("甲镇", "镇/街道"), ("乙局", "成员单位"))
        ]
        for unit in units:
            batch.insert("campaign_units", {"campaign_id": campaign_id, "unit_id": unit})
        batch.insert("liaisons", {"campaign_id": campaign_id, "unit_id": units[0], "name": "张三"})
    parsed = {"title": "关于的通知", "deadlines": [{"date": "2099-05-21", "what": "联络员名单"}]}
    save_parsed_notice(store, campaign_id, parsed, "正文")
    task = deadline_tasks(store, campaign_id, date(2030, 5, 1))[0]
    assert {u["unit_name"]: u["status"] for u in task["units"]} == {"甲镇": "on_time", "乙局": "pending"}
    deadline = list_deadlines(store, campaign_id)[0]
    with store.batch("只给成员单位") as batch:
        batch.update("deadlines", deadline["id"], {"audience": "成员单位"})
    assert [u["unit_name"] for u in deadline_tasks(store, campaign_id, date(2030, 5, 1))[0]["units"]] == ["乙局"]


def test_monthly_deadline_has_one_occurrence_per_month(demo_store, campaign):
    parsed = {
        "title": "关于的通知",
        "recurring": [{"weekday": None, "day_of_month": 7, "time": None, "what": "曝光情况"}],
    }
    save_parsed_notice(demo_store, campaign["id"], parsed, "正文")
    monthly = [t for t in deadline_tasks(demo_store, campaign["id"], TODAY) if t["kind"] == "monthly"]
    assert [t["due_date"] for t in monthly] == [f"2021-{m:02d}-07" for m in range(6, 13)]


def test_overview_and_status_line(demo_store, campaign):
    rows = overview(demo_store, campaign["id"], TODAY)
    assert rows and all(r["overdue"] or r["soon"] for r in rows)
    assert any("活动方案" in item for item in rows[0]["overdue"])
    items = due_items(demo_store, campaign["id"], TODAY)
    assert items[0]["overdue"] and items[0]["date"] == "2021-05-28"
    assert any(not i["overdue"] for i in items)
