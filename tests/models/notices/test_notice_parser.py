"""The two sample notices parse to the fields a careful reader finds; files and the command line."""
# ruff: noqa: E501 - tables of real phrasings read best one case per line

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from models.errors import ImportRejected, ValidationError
from models.notices.parser import FIELDS, found_anything, parse_notice, read_notice_file
from tests.conftest import ROOT
from tests.models.notices.docx_files import write_docx

SAMPLES = ROOT / "data" / "samples"

QILIN = {
    "doc_number": "麒区安办〔2021〕16号",
    "title": "曲靖市麒麟区安全生产委员会办公室关于开展2021年“安全生产月”和“安全生产专项整治云南行”活动的通知",
    "issuer": "曲靖市麒麟区安全生产委员会办公室",
    "issue_date": "2021-05-17",
    "recipients": "各镇人民政府、街道办事处，区安委会成员单位，有关企业",
    "theme": "落实安全责任，推动安全发展",
    "period_start": "2021-06-01",
    "period_end": "2021-06-30",
    "deadlines": [
        {"date": "2021-05-21", "what": "联络员名单"},
        {"date": "2021-05-28", "what": "“安全生产月”活动方案"},
        {"date": "2021-07-03", "what": "“安全生产月”活动总结"},
    ],
    "recurring": [
        {"rule": "weekly:MON", "weekday": 1, "day_of_month": None, "time": None, "what": "汇总上报上一周来活动情况"}
    ],
    "attachments": [
        "全国“安全生产月”活动进展情况统计表",
        "联络员名单",
        "“安全生产月”活动宣传标语",
        "关于做好2021年全国“安全生产月”活动系列宣教产品征订工作的通知",
    ],
    "contacts": [{"name": "夏欣", "phone": "0874—6172266", "email": "qlqajjbgs@163.com"}],
}

KUNMING = {
    "doc_number": "昆安办〔2022〕35号",
    "title": "昆明市安全生产委员会办公室关于印发《昆明市2022年“安全生产月”及“安全生产万里行”活动方案》的通知",
    "issuer": "昆明市安全生产委员会办公室",
    "issue_date": "2022-05-16",
    "recipients": "各县（市）区、开发（度假）园区安全生产委员会，市安委会各成员单位，有关企业",
    "theme": "遵守安全生产法 当好第一责任人",
    "period_start": "2022-06-01",
    "period_end": "2022-06-30",
    "deadlines": [
        {"date": "2022-05-30", "what": "联络员反馈表（附件1）"},
        {
            "date": "2022-07-01",
            "what": "活动进展情况统计表（附件2）和活动情况总结报告和好的经验、特色做法、重要事项以及视频、图片、文字等电子版资料",
        },
    ],
    "recurring": [],
    "attachments": [
        "昆明市2022年“安全生产月”联络员反馈表",
        "昆明市2022年“安全生产月”活动进展情况统计表",
    ],
    "contacts": [{"name": "赵师佳", "phone": "63104019", "email": "kmyjxwxcc@163.com"}],
}


@pytest.mark.parametrize(("name", "expected"), [("notice-qilin-2021.txt", QILIN), ("notice-kunming-2022.txt", KUNMING)])
def test_sample_notice_parses_to_its_fields(name, expected):
    parsed = parse_notice(read_notice_file(SAMPLES / name))
    assert list(parsed)[: len(FIELDS)] == list(FIELDS)
    assert parsed["unsure"] == {}
    for key in FIELDS:
        assert parsed[key] == expected[key], key


def test_nothing_recognisable_gives_empty_fields():
    parsed = parse_notice("今天天气很好。\n我们去公园散步。")
    assert not found_anything(parsed)
    assert parsed["deadlines"] == [] and parsed["doc_number"] is None


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_text_file_encodings(tmp_path, encoding):
    source = (SAMPLES / "notice-qilin-2021.txt").read_text(encoding="utf-8")
    path = tmp_path / "notice.txt"
    path.write_bytes(source.encode(encoding))
    assert parse_notice(read_notice_file(path))["doc_number"] == "麒区安办〔2021〕16号"


def test_docx_file(tmp_path):
    lines = (SAMPLES / "notice-kunming-2022.txt").read_text(encoding="utf-8").splitlines()
    path = write_docx(tmp_path / "通知.docx", lines)
    parsed = parse_notice(read_notice_file(path))
    assert {key: parsed[key] for key in FIELDS} == KUNMING


def test_broken_docx_is_refused_by_name(tmp_path):
    path = tmp_path / "坏文档.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ImportRejected) as caught:
        read_notice_file(path)
    assert "坏文档.docx" in str(caught.value)


@pytest.mark.parametrize(
    ("name", "data", "error"),
    [
        ("a.pdf", b"%PDF-1.4", ImportRejected),
        ("a.wps", b"\xd0\xcf\x11\xe0", ImportRejected),
        ("a.doc", b"\xd0\xcf\x11\xe0", ImportRejected),
        ("a.bin", b"\x00\x01\x02\x03binary", ImportRejected),
        ("a.zip", b"PK\x03\x04abc", ImportRejected),
        ("empty.txt", b"   \n\n", ValidationError),
    ],
)
def test_files_that_are_not_notices_are_refused(tmp_path, name, data, error):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(error) as caught:
        read_notice_file(path)
    assert name in str(caught.value)


def _run(*args):
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, timeout=60, encoding="utf-8"
    )


def test_parse_notice_command_prints_exactly_the_issue_keys():
    done = _run("parse-notice", str(SAMPLES / "notice-qilin-2021.txt"), "--json")
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    assert {key: printed[key] for key in FIELDS} == QILIN
    assert printed["unsure"] == {} and printed["confidence"]["doc_number"] >= 0.75


def test_parse_notice_command_summary_and_bad_file(tmp_path):
    done = _run("parse-notice", str(SAMPLES / "notice-kunming-2022.txt"))
    assert "文号：昆安办〔2022〕35号" in done.stdout
    bad = tmp_path / "x.docx"
    bad.write_bytes(b"garbage")
    done = _run("parse-notice", str(bad))
    assert done.returncode == 2 and "x.docx" in done.stderr
