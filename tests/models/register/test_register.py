"""The register of leads and exposed cases: entered, checked, undone, imported from a returned list, exported,
counted against the notice's quotas."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook, load_workbook

from models.campaigns.campaign import campaign_by_year, campaign_units
from models.campaigns.periods import add_month_periods
from models.errors import ImportRejected, ValidationError
from models.register.lists import apply_list, export_list, read_list, read_lists
from models.register.quotas import quota_status, quotas_from_text, register_counts, register_sentence, set_quotas
from models.register.records import CASES, LEADS, add_record, delete_record, list_records, update_record
from models.store import history
from tests.conftest import ROOT


@pytest.fixture
def campaign(demo_store):
    return campaign_by_year(demo_store, 2022)


@pytest.fixture
def units(demo_store, campaign):
    return campaign_units(demo_store, campaign["id"])


def test_a_lead_entered_edited_and_undone(demo_store, campaign, units):
    lead = add_record(
        demo_store,
        LEADS,
        campaign,
        {"unit_id": units[0]["name"], "reported_on": "7月3日", "what": "无证经营加油点", "source": "群众举报"},
    )
    [row] = list_records(demo_store, LEADS, campaign["id"])
    assert row["unit_name"] == units[0]["name"] and row["reported_on"] == "2022-07-03"
    assert row["source_label"] == "群众举报" and row["status_label"] == "核查中"
    update_record(demo_store, LEADS, campaign, lead, {"status": "已查实", "handed_to": "县市场监管局"})
    assert list_records(demo_store, LEADS, campaign["id"])[0]["status_label"] == "已查实"
    history.undo(demo_store)
    assert list_records(demo_store, LEADS, campaign["id"])[0]["status_label"] == "核查中"
    history.undo(demo_store)
    assert list_records(demo_store, LEADS, campaign["id"]) == []
    history.redo(demo_store)
    delete_record(demo_store, LEADS, lead)
    assert list_records(demo_store, LEADS, campaign["id"]) == []


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"what": ""}, "违法行为：不能为空"),
        ({"what": "x", "unit_id": "不存在的镇"}, "不是本活动的单位"),
        ({"what": "x", "reported_on": "上周"}, "上报日期"),
        ({"what": "x", "reported_on": "2022-02-30"}, "不是有效日期"),
        ({"what": "x", "status": "办结"}, "核查状态：只能是"),
        ({"what": "长" * 501}, "过长"),
    ],
)
def test_bad_values_are_refused_by_field_and_change_nothing(demo_store, campaign, values, message):
    with pytest.raises(ValidationError, match=message):
        add_record(demo_store, LEADS, campaign, values)
    assert list_records(demo_store, LEADS, campaign["id"]) == []


def test_invisible_and_control_characters_are_removed(demo_store, campaign):
    add_record(demo_store, CASES, campaign, {"title": "某\u200b企业\x01违规\u202e动火", "medium": " 曲靖 日报 "})
    [row] = list_records(demo_store, CASES, campaign["id"])
    assert row["title"] == "某企业 违规动火" and row["medium"] == "曲靖 日报"


def _returned_list(path, units):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "线索"
    sheet.append(["2022年安全生产万里行违法线索统计表"])
    sheet.append(["填报单位：某区安委办"])
    sheet.append(["序号", "单位名称", "发现时间", "线索内容", "涉及企业", "来源", "办理状态"])
    sheet.append([1, units[0]["name"], date(2022, 7, 5), "违规储存危化品", "某化工厂", "检查发现", "核查中"])
    sheet.append([2, units[1]["name"], "2022/8/1", "非法采砂", "", "群众举报", "已查实"])
    sheet.append([3, "城南村", "8月2日", "无证施工", "", "媒体", ""])  # a unit the campaign does not have
    sheet.append([4, units[2]["name"], "8月40日", "", "", "", "已结案"])  # three bad cells
    sheet.append([])
    sheet.append(["填表人：张三", None, None, None])
    workbook.save(path)
    return path


def test_a_returned_list_previews_then_imports_once(demo_store, campaign, units, tmp_path):
    path = _returned_list(tmp_path / "线索.xlsx", units)
    preview = read_list(demo_store, LEADS, campaign, path)
    assert len(preview["new"]) == 2 and preview["same"] == 0
    assert any(e.startswith("线索!B6：") and "城南村" in e for e in preview["errors"])  # never credited elsewhere
    assert any(e.startswith("线索!C7：") for e in preview["errors"])
    assert any(e.startswith("线索!D7：") and "不能为空" in e for e in preview["errors"])
    assert any(e.startswith("线索!G7：") for e in preview["errors"])
    assert not any("填表人" in e for e in preview["errors"])
    assert list_records(demo_store, LEADS, campaign["id"]) == []  # a preview writes nothing
    assert apply_list(demo_store, LEADS, campaign, [preview]) == 2
    again = read_list(demo_store, LEADS, campaign, path)
    assert again["new"] == [] and again["same"] == 2
    history.undo(demo_store)  # the whole import is one step
    assert list_records(demo_store, LEADS, campaign["id"]) == []


def test_a_file_without_the_header_is_refused_by_name(demo_store, campaign, tmp_path):
    workbook = Workbook()
    workbook.active.append(["姓名", "电话"])
    workbook.save(tmp_path / "别的表.xlsx")
    with pytest.raises(ImportRejected, match="找不到线索表的表头") as caught:
        read_list(demo_store, LEADS, campaign, tmp_path / "别的表.xlsx")
    assert "别的表.xlsx" in str(caught.value.where or caught.value)


def test_several_lists_read_at_once_refuse_the_bad_one_by_name_and_say_each_file(demo_store, campaign, units, tmp_path):
    good = _returned_list(tmp_path / "线索.xlsx", units)
    workbook = Workbook()
    workbook.active.append(["姓名", "电话"])
    workbook.save(tmp_path / "别的表.xlsx")
    told = []
    previews, refused = read_lists(
        demo_store, LEADS, campaign, [tmp_path / "别的表.xlsx", good], lambda *step: told.append(step)
    )
    assert [len(p["new"]) for p in previews] == [2]
    [bad] = refused
    assert (
        bad["file"].endswith("别的表.xlsx")
        and "别的表.xlsx" in bad["message"]
        and "找不到线索表的表头" in bad["message"]
    )
    assert told == [(0, 2, str(tmp_path / "别的表.xlsx")), (1, 2, str(good))]


def test_the_register_is_signed_by_the_campaigns_office_unless_told_otherwise(demo_store, campaign, tmp_path):
    from models.campaigns.office import office_for

    sheet = load_workbook(export_list(demo_store, LEADS, campaign, tmp_path / "线索.xlsx")).active
    assert sheet["A2"].value == f"填报单位：{office_for(demo_store, campaign).name}"


def test_the_exported_register_reads_back(demo_store, campaign, units, tmp_path):
    add_record(
        demo_store,
        CASES,
        campaign,
        {"title": '=HYPERLINK("x")', "published_on": "2022-07-08", "unit_id": units[0]["name"], "status": "已整改"},
    )
    target = export_list(demo_store, CASES, campaign, tmp_path / "案例.xlsx", office_name="昆明市安委办")
    sheet = load_workbook(target).active
    assert sheet["A2"].value == "填报单位：昆明市安委办"
    header = [c.value for c in sheet[3]]
    assert header[:4] == ["序号", "报送单位", "曝光日期", "曝光媒体"]
    row = [c.value for c in sheet[4]]
    assert row[1] == units[0]["name"] and row[2] == "2022-07-08" and row[4] == '=HYPERLINK("x")'
    assert sheet.cell(4, 5).data_type == "s"  # text, never a formula
    assert row[-1] == "已整改"
    assert sheet.page_setup.orientation == "landscape"


def test_quotas_from_the_kunming_notice():
    text = (ROOT / "data/samples/notice-kunming-2022.txt").read_text(encoding="utf-8")
    assert quotas_from_text(text) == {"lead_quota": 1, "case_quota": 1}
    assert quotas_from_text("各单位每周报送一次。") == {}


def test_units_without_a_lead_and_months_without_a_case(demo_store, campaign, units):
    add_month_periods(demo_store, campaign["id"])
    set_quotas(demo_store, campaign["id"], lead_quota=1, case_quota=1)
    campaign = campaign_by_year(demo_store, 2022)
    add_record(demo_store, LEADS, campaign, {"unit_id": units[0]["name"], "what": "违法线索一"})
    add_record(demo_store, CASES, campaign, {"title": "案例一", "published_on": "2022-07-20"})
    status = quota_status(demo_store, campaign, date(2022, 9, 10))
    short = [u["unit_name"] for u in status["units_without_leads"]]
    assert units[0]["name"] not in short and len(short) == len(units) - 1
    assert [m["label"] for m in status["months_without_cases"]] == ["6月", "8月", "9月"]  # July has one; not Oct.


def test_counts_feed_the_report_sentence(demo_store, campaign, units):
    add_record(demo_store, LEADS, campaign, {"what": "一", "status": "已查实", "reported_on": "2022-07-01"})
    add_record(demo_store, LEADS, campaign, {"what": "二", "reported_on": "2022-09-01"})
    add_record(demo_store, CASES, campaign, {"title": "三", "status": "已整改", "published_on": "2022-07-02"})
    counts = register_counts(demo_store, campaign["id"])
    assert register_sentence(counts) == "受理违法线索2条（已查实1条），曝光典型案例1个（已整改1个）。"
    assert register_counts(demo_store, campaign["id"], until="2022-07-31")["leads"] == 1
    assert register_sentence(register_counts(demo_store, campaign_by_year(demo_store, 2021)["id"])) == ""
