"""The register in the reports: the summary's and brief's sentence, the cases table, the year-end summary."""

from __future__ import annotations

from models.campaigns.campaign import campaign_by_year, campaign_units
from models.campaigns.periods import add_month_periods
from models.cli import run
from models.register.records import CASES, LEADS, add_record
from tests.models.pdf_reading import text_of


def _register(store):
    campaign = campaign_by_year(store, 2022)
    units = campaign_units(store, campaign["id"])
    add_record(
        store,
        LEADS,
        campaign,
        {"unit_id": units[0]["id"], "what": "违规动火", "reported_on": "2022-06-10", "status": "已查实"},
    )
    add_record(store, LEADS, campaign, {"unit_id": units[1]["id"], "what": "非法储存", "reported_on": "2022-09-02"})
    add_record(
        store,
        CASES,
        campaign,
        {"title": "某加油站卸油无人监护", "medium": "昆明日报", "published_on": "2022-06-20", "status": "已整改"},
    )
    add_record(
        store, CASES, campaign, {"title": "某工地塔吊带病运行", "medium": "昆明电视台", "published_on": "2022-10-15"}
    )
    return campaign


def test_summary_counts_the_june_register_and_attaches_the_cases(demo_store, demo_path, tmp_path):
    _register(demo_store)
    demo_store.close()
    out = tmp_path / "summary.pdf"
    assert run(["report", "--db", str(demo_path), "--campaign", "2022", "--out", str(out)]) == 0
    text = "".join(text_of(out).split())
    assert "受理违法线索1条（已查实1条），曝光典型案例1个（已整改1个）" in text  # June only: the weeks' end
    assert "曝光典型案例一览表" in text and "某加油站卸油无人监护" in text
    assert "某工地塔吊带病运行" not in text


def test_brief_says_the_register_to_date(demo_store, demo_path, tmp_path):
    _register(demo_store)
    demo_store.close()
    out = tmp_path / "brief.pdf"
    assert (
        run(
            [
                "report",
                "--db",
                str(demo_path),
                "--campaign",
                "2022",
                "--kind",
                "weekly",
                "--week",
                "3",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    assert "活动开展以来，受理违法线索1条" in "".join(text_of(out).split())


def test_year_end_summary_of_the_companion_campaign(demo_store, demo_path, tmp_path):
    campaign = _register(demo_store)
    add_month_periods(demo_store, campaign["id"])
    demo_store.close()
    out = tmp_path / "companion.pdf"
    assert run(["report", "--db", str(demo_path), "--campaign", "2022", "--kind", "companion", "--out", str(out)]) == 0
    text = "".join(text_of(out).split())
    assert "2022年" in text and "工作总结" in text
    assert "受理违法线索2条（已查实1条），曝光典型案例2个（已整改1个）" in text
    assert "某工地塔吊带病运行" in text and "2022年12月31日" in text
