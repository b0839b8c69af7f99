"""One due-date rule per week (the notice's 每周四12:00前), and the reporting rate over every week due so far."""

from __future__ import annotations

from models.campaigns.campaign import campaign_by_year
from models.campaigns.periods import follow_weekly_rule, list_periods, update_period, weekly_deadline
from models.new_campaign import create_campaign
from models.progress.reporting import week_overview
from models.progress.totals import load_figures
from models.reports.summary import completeness_paragraphs, weeks_due
from models.store import history


def _thursday_rule(store, campaign_id):
    with store.batch("登记通知") as batch:
        batch.insert(
            "deadlines",
            {
                "campaign_id": campaign_id,
                "kind": "weekly",
                "weekday": 4,
                "due_time": "12:00",
                "what": "每周四12:00前报送上周活动情况",
                "deliverable": "stats",
            },
        )


def test_weeks_follow_the_notice_rule_except_one_changed_by_hand(demo_store):
    create_campaign(demo_store, 2023)
    campaign = campaign_by_year(demo_store, 2023)
    weeks = list_periods(demo_store, campaign["id"])
    assert {w["due_date"] and __import__("datetime").date.fromisoformat(w["due_date"]).isoweekday() for w in weeks} == {
        1
    }
    update_period(demo_store, weeks[2]["id"], due_date="2023-06-21", due_time="18:00")  # the clerk's own
    before = weekly_deadline(demo_store, campaign["id"])
    _thursday_rule(demo_store, campaign["id"])
    moved = follow_weekly_rule(demo_store, campaign["id"], before)
    after = list_periods(demo_store, campaign["id"])
    assert moved == len(weeks) - 1
    for old, new in zip(weeks, after):
        if old["seq"] == 3:
            assert (new["due_date"], new["due_time"]) == ("2023-06-21", "18:00")
        else:
            import datetime

            assert datetime.date.fromisoformat(new["due_date"]).isoweekday() == 4 and new["due_time"] == "12:00"
            assert new["due_date"] > new["end_date"]
    assert history.undoable(demo_store)["label"].startswith("按通知设置截止时间")
    assert follow_weekly_rule(demo_store, campaign["id"], weekly_deadline(demo_store, campaign["id"])) == 0


def test_rate_counts_every_week_due_not_only_weeks_with_reports(demo_store):
    campaign = campaign_by_year(demo_store, 2021)
    last = list_periods(demo_store, campaign["id"])[-1]
    demo_store.conn.execute("DELETE FROM figures WHERE period_id = ?", (last["id"],))
    demo_store.conn.execute("DELETE FROM narratives WHERE period_id = ?", (last["id"],))
    demo_store.conn.commit()
    weeks = weeks_due(demo_store, campaign["id"], at="2030-01-01T00:00:00")
    all_weeks = [w for w in week_overview(demo_store, campaign["id"]) if (w.get("kind") or "week") == "week"]
    assert len(weeks) == len(all_weeks) == 5  # the week nobody reported is due too
    text = "".join(
        p.text for p in completeness_paragraphs(demo_store, load_figures(demo_store, campaign["id"]), campaign["id"])
    )
    expected = sum(w["expected"] for w in weeks)
    assert f"5周累计应报{expected}份" in text
    assert (
        len(weeks_due(demo_store, campaign["id"], at="2021-06-14T12:00:00")) == 1
    )  # week 2 is due at the end of 14 June
