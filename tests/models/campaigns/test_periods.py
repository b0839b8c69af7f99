"""Reporting periods: Monday–Sunday weeks, partial first and last weeks, due dates from the notice."""

from __future__ import annotations

from datetime import date

import pytest

from models.campaigns.periods import list_periods, period_by_seq, plan_periods, update_period
from models.errors import ValidationError
from models.new_campaign import create_campaign


def test_weeks_cross_month_end_with_partial_first_and_last():
    weeks = plan_periods(date(2023, 5, 31), date(2023, 7, 4), due_weekday=4, due_time="12:00")
    spans = [(w["start_date"], w["end_date"]) for w in weeks]
    assert spans[0] == ("2023-05-31", "2023-06-04")  # Wednesday to Sunday: partial
    assert spans[1] == ("2023-06-05", "2023-06-11")
    assert spans[4] == ("2023-06-26", "2023-07-02")  # a full week across the month end
    assert spans[-1] == ("2023-07-03", "2023-07-04")  # partial last week
    assert [w["seq"] for w in weeks] == [1, 2, 3, 4, 5, 6]
    assert weeks[0]["due_date"] == "2023-06-08" and weeks[0]["due_time"] == "12:00"  # the next Thursday
    assert weeks[4]["label"] == "第5周（6月26日—7月2日）"


def test_default_due_is_the_monday_after():
    weeks = plan_periods(date(2021, 6, 1), date(2021, 6, 30))
    assert weeks[0]["end_date"] == "2021-06-06" and weeks[0]["due_date"] == "2021-06-07"
    assert weeks[-1]["start_date"] == "2021-06-28" and weeks[-1]["due_date"] == "2021-07-05"


def test_end_before_start_is_refused():
    with pytest.raises(ValidationError, match="早于"):
        plan_periods(date(2023, 6, 30), date(2023, 6, 1))


def test_due_date_and_time_are_editable(store):
    made = create_campaign(store, 2023)
    week = period_by_seq(store, made["campaign_id"], 2)
    assert update_period(store, week["id"], due_date="2023-06-15", due_time="9:30")
    assert store.get("periods", week["id"])["due_time"] == "09:30"
    with pytest.raises(ValidationError, match="不是有效日期"):
        update_period(store, week["id"], due_date="2023-02-30", due_time=None)
    with pytest.raises(ValidationError, match="截止时间"):
        update_period(store, week["id"], due_date=None, due_time="25:00")
    assert store.get("periods", week["id"])["due_date"] == "2023-06-15"
    assert len(list_periods(store, made["campaign_id"])) == 5


def test_due_dates_follow_the_notice_weekly_deadline(store):
    made = create_campaign(store, 2023)
    with store.batch("通知") as batch:
        batch.insert(
            "deadlines",
            {"campaign_id": made["campaign_id"], "kind": "weekly", "weekday": 4, "due_time": "12:00", "what": "周报"},
        )
    from models.campaigns.periods import due_from_notice

    assert due_from_notice(store, made["campaign_id"]) == 5
    first = period_by_seq(store, made["campaign_id"], 1)
    assert (first["end_date"], first["due_date"], first["due_time"]) == ("2023-06-04", "2023-06-08", "12:00")
