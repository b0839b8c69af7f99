"""Numbers as the office writes them in documents: thousands separators, no trailing zeros."""

from __future__ import annotations

from models.documents.cn_text import number


def test_numbers_read_like_the_office_writes_them():
    assert number(8420) == "8,420"
    assert number(1234567) == "1,234,567"
    assert number(0) == "0"
    assert number(12.0) == "12"
    assert number(12.5) == "12.5"
    assert number(1.25) == "1.25"
    assert number(8420.0) == "8,420"
    assert number(None) == "—"
