"""The structure rules one case at a time: what stands above the 主送, what is a 主送, what a list of dates means."""
# ruff: noqa: E501 - one case per line reads best

from __future__ import annotations

import pytest

from models.notices.parser import parse_notice

SIGNED = "\n某县安全生产委员会办公室\n2024年5月20日"


@pytest.mark.parametrize(
    ("text", "recipients"),
    [
        ("关于开展检查的通知\n主送：各乡镇人民政府，县直各部门\n现将有关事项通知如下。", "各乡镇人民政府，县直各部门"),
        ("某区咨询日活动方案\n参加单位：区安委会各成员单位\n一、活动内容\n开展咨询。", None),
        (
            "您当前的位置：首页 > 通知公告\n发布时间：2024-05-20 来源：县应急局\n各乡镇：\n现将有关事项通知如下。",
            "各乡镇",
        ),
        ("2024-05-20 09:30 来源：县应急管理局\n各乡镇、县直各部门：现将有关事项通知如下。", "各乡镇、县直各部门"),
        ("政策解读：某县安全生产三年行动方案\n各乡镇：\n现印发给你们。", "各乡镇"),
    ],
)
def test_recipients_after_site_lines(text, recipients):
    assert parse_notice(text)["recipients"] == recipients


@pytest.mark.parametrize(
    ("head", "title"),
    [
        (
            ["某县应急管理局关于征求安全生产条例修改意见的函（征求意见稿）"],
            "某县应急管理局关于征求安全生产条例修改意见的函（征求意见稿）",
        ),
        (["某县应急管理局", "关于开展检查的通知", "某安〔2024〕3号"], "某县应急管理局关于开展检查的通知"),
        (["政策解读：某县安全生产三年行动方案（2024—2026年）"], None),
        (["标题：关于开展检查的通知", "索引号：11530000-2024-00012"], None),  # metadata is evidence, never the title
    ],
)
def test_title_from_the_head_only(head, title):
    assert parse_notice("\n".join([*head, "各乡镇：", "现将有关事项通知如下。"]))["title"] == title


@pytest.mark.parametrize(
    ("sentence", "weekday", "since", "until"),
    [
        ("请于6月7日、14日、21日、28日（每周五）前报送活动开展情况。", 5, "2024-06-07", "2024-06-28"),
        ("请分别于6月7日、6月14日、6月21日前将活动开展情况报县安委办。", 5, "2024-06-07", "2024-06-21"),
        ("请于6月3日、10日、17日前报送周报。", 1, "2024-06-03", "2024-06-17"),
    ],
)
def test_weekly_dates_listed_are_one_weekly_report(sentence, weekday, since, until):
    parsed = parse_notice("关于开展活动的通知\n各乡镇：\n" + sentence + SIGNED)
    assert parsed["deadlines"] == []
    assert [(r["weekday"], r.get("from"), r.get("until")) for r in parsed["recurring"]] == [(weekday, since, until)]


def test_dates_listed_that_are_no_week_apart_stay_deadlines():
    parsed = parse_notice("关于开展活动的通知\n各乡镇：\n请于6月5日、6月20日前报送活动情况。" + SIGNED)
    assert [d["date"] for d in parsed["deadlines"]] == ["2024-06-05", "2024-06-20"] and parsed["recurring"] == []


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("各单位联系人要保持24小时通讯畅通。", []),
        ("请在邮件中注明联系人及联系方式，以备审核。", []),
        (
            "联系人：张雷，马楠，电话：010-64463229，010-64463230。",
            [("张雷", "010-64463229"), ("马楠", "010-64463230")],
        ),
        ("（联系人：苏丹、武顺，bsqanweiban@163.com）", [("苏丹", None), ("武顺", None)]),
        ("联系电话：88150313；传真：88580908。", [(None, "88150313")]),
    ],
)
def test_contacts(sentence, names):
    parsed = parse_notice("关于开展活动的通知\n各乡镇：\n现将有关事项通知如下。\n" + sentence + SIGNED)
    assert [(c["name"], c["phone"]) for c in parsed["contacts"]] == names


def test_a_holiday_is_no_campaign_period_and_a_reporting_window_no_period():
    text = (
        "关于做好国庆期间值班工作的通知\n各乡镇：\n10月1日至7日国庆节放假调休。从9月28日至10月8日实行“零报告”制度。"
        + SIGNED
    )
    parsed = parse_notice(text)
    assert (parsed["period_start"], parsed["period_end"]) == (None, None)
    assert [(r["rule"], r.get("from"), r.get("until")) for r in parsed["recurring"]] == [
        ("daily", "2024-09-28", "2024-10-08")
    ]
    assert "recurring" in parsed["unsure"]
