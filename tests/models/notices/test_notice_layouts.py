"""Layouts the corpus has few of, written for the rules' sake: each file holds one kind of wrapper or trap."""
# ruff: noqa: E501 - one case per line reads best

from __future__ import annotations

from pathlib import Path

import pytest

from models.notices.parser import parse_notice, read_notice_file

LAYOUTS = Path(__file__).parent / "layouts"

CASES = {
    "web-signature-indented-garbled-date": {
        "title": "曲靖市应急管理局关于开展2023年“安全生产月”活动的通知",
        "issuer": "曲靖市应急管理局",
        "issue_date": "2023-06-05",  # printed 202365 (年/月/日 lost): one reading only, proposed and marked
        "unsure": ["issue_date"],
        "period": ("2023-06-01", "2023-06-30"),  # 第22个全国“安全生产月”
        "deadlines": ["2023-06-10", "2023-07-05"],
        "recurring": [(5, None, "12:00")],
        "contacts": [("张雷", "010-64463229"), ("马楠", "010-64463230")],  # names and phones paired in order
    },
    "daily-and-listed-weekly-reports": {
        "doc_number": "宜安办〔2024〕9号",
        "issuer": "宜良县安全生产委员会办公室",
        "period": ("2024-06-01", "2024-09-30"),
        "deadlines": ["2024-06-05"],
        "deadline_times": ["18:00"],
        "recurring": [(None, None, "16:00"), (5, None, None)],  # 每日下午16时前; 分别于6月7日、14日、21日、28日前
        "unsure": ["recurring"],
        "contacts": [("李明", "0871-1234567"), ("王芳", "13912345678")],
    },
    "metadata-table-winter-phases": {
        "doc_number": "云应急函〔2022〕45号",
        "issue_date": "2022-11-08",
        "period": ("2022-11-15", "2023-03-15"),  # 至次年3月15日; phases after the turn of the year
        "deadlines": ["2023-03-20"],
        "recurring": [(None, 25, None)],
    },
    "signature-and-date-one-line": {
        "issuer": "鼓楼区安全生产委员会办公室",
        "issue_date": "2025-03-12",
        "deadlines": ["2025-03-31"],  # 本月底前
        "contacts": [("赵一", "0591-87654321")],  # in parentheses after the date
    },
    "metadata-without-colons": {
        "doc_number": "西安办〔2022〕12号",
        "title": "西山区安委办关于开展2022年“安全生产月”活动的通知",
        "issuer": "西山区安全生产委员会办公室",
        "period": ("2022-06-01", "2022-06-30"),
        "deadlines": ["2022-05-27"],
        "recurring": [(None, 5, None)],
        "attachments": ["联络员名单", "活动情况统计表"],
    },
    "cover-notice-with-plan": {
        "doc_number": None,
        "issuer": "镇雄县应急管理局",
        "issue_date": "2020-06-01",  # not 发布时间 2020-06-02
        "theme": "消除事故隐患，筑牢安全防线",
        "period": ("2020-06-01", "2020-06-30"),
        "recurring": [(1, None, "10:00")],
        "contacts": [("刘洋", "0870-5123456")],
    },
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_layout(name):
    want = CASES[name]
    got = parse_notice(read_notice_file(LAYOUTS / f"{name}.txt"))
    for key in ("doc_number", "title", "issuer", "issue_date", "theme"):
        if key in want:
            assert got[key] == want[key], key
    if "period" in want:
        assert (got["period_start"], got["period_end"]) == want["period"]
    if "deadlines" in want:
        assert [d["date"] for d in got["deadlines"]] == want["deadlines"]
    if "deadline_times" in want:
        assert [d.get("time") for d in got["deadlines"]] == want["deadline_times"]
    if "recurring" in want:
        assert [(r["weekday"], r["day_of_month"], r["time"]) for r in got["recurring"]] == want["recurring"]
    if "contacts" in want:
        assert [(c["name"], c["phone"]) for c in got["contacts"]] == want["contacts"]
    if "attachments" in want:
        assert got["attachments"] == want["attachments"]
    assert sorted(got["unsure"]) == sorted(want.get("unsure", []))
