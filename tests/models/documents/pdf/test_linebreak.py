"""Breaking text that wraps by character (table cells, body text) by the rules of Chinese typesetting (避头尾):
no closing mark first on a line, no opening one last, numbers with their units whole, never wider than a cell."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.documents.pdf.linebreak import CANNOT_END, CANNOT_START, break_lines, wrap_text

CORPUS = Path(__file__).parents[2] / "notices" / "corpus"  # real notices


def em(text: str) -> float:
    """Width in characters as the faces set them: Latin letters and digits half, Chinese characters whole."""
    return sum(0.5 if char.isascii() else 1.0 for char in text)


def cell(text: str, width: float) -> list[str]:
    lines = wrap_text(text, em, width).split("\n")
    assert all(em(line) <= width + 0.01 for line in lines), lines  # never wider than the cell
    assert "".join(lines).replace(" ", "") == text.replace(" ", "").replace("\n", "")  # nothing lost, nothing added
    return lines


def test_a_bracketed_part_is_not_broken_after_its_opening_bracket():
    assert cell("城关镇（城关片区）", 6) == ["城关镇", "（城关片区）"]  # whole on the next line where it fits
    assert cell("城关镇（城关片区）", 5) == ["城关镇（城", "关片区）"]  # too long to move whole
    assert cell("（城关片区）", 5) == ["（城关", "片区）"]  # neither “（” alone nor “）” first, nor “区）” alone
    assert cell("县应急管理局(县安委办)", 7) == ["县应急管理局", "(县安委办)"]  # ASCII brackets alike
    assert cell("开展“安全生产月”宣传活动", 7) == ["开展", "“安全生产月”", "宣传活动"]  # quotes alike


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("一二三四。”五六", 4, ["一二三", "四。”", "五六"]),  # two closing marks: one more character comes down
        ("一二三四五，六七", 5, ["一二三四", "五，六七"]),
        ("甲乙丙丁……”戊", 5, ["甲乙丙", "丁……”戊"]),
        ("甲乙丙丁：《戊己》", 5, ["甲乙丙丁：", "《戊己》"]),
    ],
)
def test_consecutive_punctuation_stays_with_the_character_before_it(text, width, lines):
    assert cell(text, width) == lines


def test_a_cell_narrower_than_two_characters_breaks_anyway_and_still_fits():
    assert cell("（城）", 1.5) == ["（", "城", "）"]  # the rules cannot be kept: the text fits all the same
    assert cell("《安全》）。", 1.9) == ["《", "安", "全", "》", "）", "。"]
    assert cell("12.5%", 1) == ["1", "2.", "5%"]  # a number wider than the cell: by characters, “.” not first
    assert cell("（12.5%）", 3) == ["（12.", "5%）"]  # rather a number split than “（” alone or “）” first
    assert wrap_text("安全", em, 0.8) == "安\n全"  # a character wider than the cell: alone on its line


def test_numbers_and_latin_words_are_not_split_where_a_line_can_break_elsewhere():
    assert cell("完成率12.5%，较2021年提高", 5) == ["完成率", "12.5%，较", "2021年提高"]
    assert cell("检查企业共计8,420家次", 6) == ["检查企业共计", "8,420家次"]
    assert cell("检查Hello World安全", 6) == ["检查Hello", "World安全"]  # a space breaks; it is dropped
    assert cell("2021年5月17日前完成", 4) == ["2021年", "5月17日", "前完成"]  # a date too long: by its parts
    assert cell("v2.0版共３０５家", 4) == ["v2.0版共", "３０５家"]  # full-width digits kept with their unit


def test_the_clerks_own_line_breaks_are_kept():
    assert wrap_text("很长的单位名称\n第二行", em, 20) == "很长的单位名称\n第二行"
    assert cell("城关镇（城关片区）\n备注", 6) == ["城关镇", "（城关片区）", "备注"]


def test_in_real_notices_no_line_starts_or_ends_badly_and_none_is_too_wide():
    """Even 文号, e-mail addresses and dates as wide as the line: split rather than leave “（” last or “。” first."""
    paragraphs = [
        line.strip()
        for path in sorted(CORPUS.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert len(paragraphs) > 300
    lines = [line for text in paragraphs for width in (6, 9, 14) for line in cell(text, width)]
    assert len(lines) > 5000
    assert not [line for line in lines if line[0] in CANNOT_START or line[-1] in CANNOT_END][:5]


def test_body_text_may_squeeze_a_number_in_a_cell_may_not():
    text = "共计一二8,420人次"  # 8.5 characters: half a character past a line of 8
    assert ["".join(line) for line in break_lines(text, em, 8)] == ["共计一二8,420人次"]  # set a little tighter
    assert cell(text, 8) == ["共计一二", "8,420人次"]
