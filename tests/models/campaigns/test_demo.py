"""The demo database: both sample campaigns with something real in every tab."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from models.campaigns.campaign import campaign_by_year, campaign_units
from models.demo import load_demo
from models.errors import NotFound, ValidationError
from models.liaisons.liaison import liaison_rows, units_without_liaison
from models.notices.notice import list_notices, notice_attachments, notice_contacts
from models.progress.reporting import week_overview
from models.reports.report import list_reports
from tests.conftest import ROOT


def test_both_campaigns_with_their_notices(demo_store):
    qilin = campaign_by_year(demo_store, 2021)
    kunming = campaign_by_year(demo_store, 2022)
    assert qilin["theme"] == "落实安全责任，推动安全发展"
    assert kunming["companion_title"] == "安全生产万里行"
    [notice] = list_notices(demo_store, qilin["id"])
    assert notice["doc_number"] == "麒区安办〔2021〕16号"
    assert notice["issue_date"] == "2021-05-17"
    assert "安全生产月" in notice["body"]
    assert notice_contacts(demo_store, notice["id"])[0]["phone"] == "0874—6172266"
    assert [a["title"] for a in notice_attachments(demo_store, notice["id"])][1] == "联络员名单"
    [notice] = list_notices(demo_store, kunming["id"])
    assert notice["doc_number"] == "昆安办〔2022〕35号"


def test_units_in_three_categories_with_liaisons(demo_store):
    qilin = campaign_by_year(demo_store, 2021)
    units = campaign_units(demo_store, qilin["id"])
    assert len(units) >= 10
    assert {u["category"] for u in units} == {"镇/街道", "成员单位", "企业"}
    assert len(liaison_rows(demo_store, qilin["id"])) > len(units) // 2
    assert 0 < len(units_without_liaison(demo_store, qilin["id"])) < len(units)


def test_weeks_of_june_with_late_and_missing_units(demo_store):
    weeks = week_overview(demo_store, campaign_by_year(demo_store, 2021)["id"])
    assert [w["start_date"] for w in weeks] == ["2021-06-01", "2021-06-07", "2021-06-14", "2021-06-21", "2021-06-28"]
    assert weeks[0]["due_date"] == "2021-06-07"  # 每周一汇总上报上一周
    assert all(0 < w["reported"] <= w["expected"] for w in weeks)
    assert sum(w["late"] for w in weeks) > 0
    assert sum(w["missing"] for w in weeks) > 0


def test_summary_draft(demo_store):
    [report] = list_reports(demo_store, campaign_by_year(demo_store, 2021)["id"])
    assert report["kind"] == "summary" and report["state"] == "draft"


def test_demo_twice_is_refused(demo_store):
    with pytest.raises(ValidationError, match="2021"):
        load_demo(demo_store)


def test_unknown_year_names_the_years_there(demo_store):
    with pytest.raises(NotFound, match="2021"):
        campaign_by_year(demo_store, 1999)


def test_demo_command(tmp_path):
    target = tmp_path / "演示 数据.db"
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "demo", "--db", str(target), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout)["campaigns"]["2021"]["units"] == 18


@pytest.mark.parametrize("bad", ["folder", "missing", "text"])
def test_commands_refuse_bad_db_with_message(tmp_path, bad):
    target = {"folder": tmp_path, "missing": tmp_path / "nope" / "x.db", "text": tmp_path / "x.txt"}[bad]
    if bad == "text":
        target.write_text("hello", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "demo", "--db", str(target)], capture_output=True, text=True
    )
    assert done.returncode == 2
    assert "错误" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "nope").exists()
