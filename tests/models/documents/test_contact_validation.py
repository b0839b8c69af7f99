"""Contact details: real formats pass or warn, impossible ones are refused with a message."""

from __future__ import annotations

import pytest

from models.documents.contacts import (
    ERROR,
    OK,
    WARNING,
    check_email,
    check_field,
    check_landline,
    check_mobile,
    check_name,
    mask_email,
    mask_mobile,
)


@pytest.mark.parametrize(
    "text",
    [
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "+86 138 1234 5678",
        "+8613812345678",
        "0086 13812345678",
        "8613812345678",
        "１３８１２３４５６７８",
        "19912345678",
        "",
        None,
    ],
)
def test_real_mobiles_pass(text):
    assert check_mobile(text).level == OK


@pytest.mark.parametrize(
    ("text", "level", "words"),
    [
        ("1381234567", ERROR, "11 位"),
        ("138123456789", ERROR, "12 位"),
        ("23812345678", ERROR, "以 1 开头"),
        ("12812345678", ERROR, "12"),
        ("138l2345678", ERROR, "数字以外"),
        ('=HYPERLINK("http://x","138")', ERROR, "公式"),
        ("0874-6172266", WARNING, "固定电话"),
        ("+1 415 555 0100", WARNING, "境外"),
    ],
)
def test_bad_mobiles_say_why(text, level, words):
    check = check_mobile(text)
    assert check.level == level
    assert words in check.message


@pytest.mark.parametrize(
    "text",
    [
        "0874-6172266",
        "0874—6172266",
        "0874－6172266",
        "0874–6172266",
        "0874 6172266",
        "08746172266",
        "(0874)6172266",
        "（0874）6172266",
        "0871-63104019",
        "010-12345678",
        "0874-6172266转8001",
        "0874-6172266-8001",
        "0874-6172266 分机 12",
        "400-810-8888",
        "13812345678",
        "+86 871 63104019",
    ],
)
def test_real_landlines_pass(text):
    assert check_landline(text).level == OK, check_landline(text).message


@pytest.mark.parametrize(
    ("text", "level", "words"),
    [
        ("63104019", WARNING, "区号"),
        ("6172266", WARNING, "区号"),
        ("12345", WARNING, "短号"),
        ("0874-61722", ERROR, "10～12 位"),
        ("0874-617226612345", ERROR, "10～12 位"),
        ("0874-617a266", ERROR, "数字以外"),
        ("00874-6172266", ERROR, "00"),
        ("1234", ERROR, "不像电话"),
    ],
)
def test_bad_landlines_say_why(text, level, words):
    check = check_landline(text)
    assert check.level == level
    assert words in check.message


@pytest.mark.parametrize("text", ["qlqajjbgs@163.com", "kmyjxwxcc@163.com", "a.b-c+d@mail.qj.gov.cn", "X@QQ.COM"])
def test_real_emails_pass(text):
    assert check_email(text).level == OK


@pytest.mark.parametrize(
    ("text", "level", "words"),
    [
        ("qlqajjbgs@163。com", ERROR, "中文标点"),
        ("qlqajjbgs＠163.com", ERROR, "中文标点"),
        ("qlqa jjbgs@163.com", ERROR, "空格"),
        ("qlqajjbgs163.com", ERROR, "@"),
        ("a@b@163.com", ERROR, "@"),
        ("a@163", ERROR, "不是有效"),
        ("a..b@163.com", ERROR, "不是有效"),
        ("aqsc@163.con", WARNING, ".com"),
        ("aqsc@example.museum", WARNING, "少见"),
    ],
)
def test_bad_emails_say_why(text, level, words):
    check = check_email(text)
    assert check.level == level
    assert words in check.message


def test_names():
    assert check_name("张三").level == OK
    assert check_name("").level == ERROR
    assert check_name('=HYPERLINK("http://x","张三")').level == ERROR
    assert check_name("张三13812345678").level == WARNING


def test_check_field_dispatches():
    assert check_field("fax", "0874-6172266").ok
    assert check_field("mobile", "123").level == ERROR
    assert check_field("remarks", "=SUM(A1)").ok  # free text: exported as text, never as formula


@pytest.mark.parametrize(
    ("text", "masked"),
    [("13812341234", "138****1234"), ("+86 138 1234 1234", "138****1234"), ("0874-6172266", "0874-6172266")],
)
def test_mask_mobile(text, masked):
    assert mask_mobile(text) == masked


def test_mask_email():
    assert mask_email("qlqajjbgs@163.com") == "ql****@163.com"
    assert mask_email(None) is None
