"""The companion campaign's months after the June weeks: one period per month to its end, due in the month after."""

from __future__ import annotations

from datetime import date

import pytest

from models.campaigns.campaign import campaign_by_year
from models.campaigns.periods import add_month_periods, list_periods, months_between, plan_months
from models.errors import ValidationError
from models.new_campaign import create_campaign


def test_a_campaign_to_december_has_june_weeks_then_months(store):
    create_campaign(store, 2024, companion_title="安全生产万里行", companion_end_date="2024-12-31")
    periods = list_periods(store, campaign_by_year(store, 2024)["id"])
    weeks = [p for p in periods if p["kind"] == "week"]
    months = [p for p in periods if p["kind"] == "month"]
    assert weeks[0]["start_date"] == "2024-06-01" and weeks[-1]["end_date"] == "2024-06-30"
    assert [p["label"] for p in months] == ["6月", "7月", "8月", "9月", "10月", "11月", "12月"]
    assert months[0]["start_date"] == "2024-06-01" and months[-1]["end_date"] == "2024-12-31"
    assert months[0]["due_date"] == "2024-07-05"  # no notice rule: the 5th of the month after
    assert months[-1]["due_date"] == "2025-01-05"  # the year turns
    assert [p["seq"] for p in periods] == list(range(1, len(periods) + 1))


def test_without_a_companion_campaign_only_weeks(store):
    create_campaign(store, 2024)
    assert {p["kind"] for p in list_periods(store, campaign_by_year(store, 2024)["id"])} == {"week"}


def test_the_notice_rule_sets_the_monthly_due_day(store):
    planned = plan_months(date(2024, 7, 1), date(2024, 9, 30), 6, day_of_month=31)
    assert [p["due_date"] for p in planned] == ["2024-08-31", "2024-09-30", "2024-10-31"]  # short months clamp


def test_partial_months_at_both_ends():
    assert months_between(date(2024, 6, 20), date(2024, 8, 10)) == [
        (date(2024, 6, 20), date(2024, 6, 30)),
        (date(2024, 7, 1), date(2024, 7, 31)),
        (date(2024, 8, 1), date(2024, 8, 10)),
    ]


def test_months_added_to_an_existing_campaign_once(demo_store):
    campaign = campaign_by_year(demo_store, 2022)
    assert campaign["companion_end_date"]
    before = len(list_periods(demo_store, campaign["id"]))
    added = add_month_periods(demo_store, campaign["id"])
    periods = list_periods(demo_store, campaign["id"])
    assert added > 0 and len(periods) == before + added
    assert periods[-1]["end_date"] == campaign["companion_end_date"]
    with pytest.raises(ValidationError, match="已经有月报期"):
        add_month_periods(demo_store, campaign["id"])
