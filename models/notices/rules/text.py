"""Cleaning the text of a notice: full-width digits, stray spaces, broken lines, noise lines."""

from __future__ import annotations

import re

from models.notices.rules.script import strip_pinyin, tolerant

CJK = "\u3400-\u9fff"
_FULLWIDTH = str.maketrans(
    "０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ＠．－\u3000\xa0\t",
    "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz@.-   ",
)
# 〇 is also typed as ○, ◯, 零, an ASCII 0 or a letter O (二00七年, 二O一二年)
_CN_DIGITS = {"〇": 0, "○": 0, "◯": 0, "零": 0, "0": 0, "O": 0, "o": 0}
_CN_DIGITS |= {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

# Lines that are never part of the notice: links, page numbers, mail links.
NOISE = (
    re.compile(r"^(https?://|www\.|ftp://)\S*$", re.I),
    re.compile(r"^mailto:", re.I),
    re.compile(r"^[-—–－一\s]*\d{1,3}[-—–－一\s]*$"),
    re.compile(r"^第\s*\d+\s*页(\s*[，,/]?\s*共\s*\d+\s*页)?$"),
    re.compile(r"^\d+\s*/\s*\d+$"),
)
ORG_SUFFIX = tolerant(
    r"(办公室|委员会|人民政府|政府|办事处|局|厅|部|委|办|中心|总队|支队|大队|司|署|院|会|处|站|所|公司|集团|学校|管委会)"
)
DOC_TYPES = tolerant(r"(通知|通报|方案|意见|函|决定|办法|报告|请示|公告|通告|纪要|批复|规定|要点|计划|安排)")
ORG_LINE = re.compile(rf"^[{CJK}（）() ]{{3,60}}{ORG_SUFFIX}$")
DATE_LINE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日([（(][^）)]*[）)])?$")
DOC_NUMBER_LINE = re.compile(tolerant(rf"^[{CJK}]{{1,15}}[〔\[【（(［﹝]?\d{{4}}[〕\]】）)］﹝]?\d{{1,4}}号"))
MARKER = re.compile(
    r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d{1,2}[.、．，](?!\d)|\d{1,2}\.(?=(?:19|20)\d\d年)|[①-⑳]|附件|联\s*系|电话|传真|邮箱|电子邮箱|E-?mail)",
    re.I,
)


def _cn_number(text: str) -> int:
    if text in _CN_DIGITS:
        return _CN_DIGITS[text]
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return int("".join(str(_CN_DIGITS[c]) for c in text))


_CN_DATE = re.compile(
    r"([一二][〇○◯零0Oo一二三四五六七八九]{3})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)


def arabic_dates(text: str) -> str:
    """二〇二一年五月十七日 → 2021年5月17日 (official dates are often written in Chinese numerals)."""
    return _CN_DATE.sub(lambda m: f"{_cn_number(m[1])}年{_cn_number(m[2])}月{_cn_number(m[3])}日", text)


def _is_ascii_word(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "@._")


def clean_line(line: str, keep_cjk_space: bool = False) -> str:
    """One line without stray spaces; a space stays only between two ASCII words (or CJK runs if asked)."""
    line = re.sub(r"\s+", " ", strip_pinyin(line.translate(_FULLWIDTH))).strip()
    parts = line.split(" ")
    out = parts[0]
    for part in parts[1:]:
        left, right = out[-1:], part[:1]
        both_cjk = re.match(f"[{CJK}]", left or "") and re.match(f"[{CJK}]", right or "")
        if _is_ascii_word(left) and _is_ascii_word(right) and not (left.isdigit() and right.isdigit()):
            out += " " + part
        elif keep_cjk_space and both_cjk and len(part) > 1 and len(out.split(" ")[-1]) > 1:
            out += " " + part
        else:
            out += part
    return arabic_dates(out)


def spaced(line: str) -> str:
    """The line with its spaces kept (as one), for blocks whose fields are separated by them."""
    return re.sub(r"\s+", " ", strip_pinyin(line.translate(_FULLWIDTH))).strip()


def is_noise(line: str) -> bool:
    return any(p.search(line) for p in NOISE)


def _hard_line(line: str) -> bool:
    return bool(ORG_LINE.match(line) or DATE_LINE.match(line) or DOC_NUMBER_LINE.match(line))


def _join(left: str, right: str) -> str:
    if left and right and _is_ascii_word(left[-1]) and _is_ascii_word(right[0]) and not left[-1].isdigit():
        return left + " " + right
    return left + right


def paragraphs_of(lines: list[tuple[str, int]]) -> list[str]:
    """Join lines into paragraphs; (line, blank lines before it)."""
    paragraphs: list[str] = []
    for line, blanks in lines:
        starts_new = (
            not paragraphs
            or blanks >= 2
            or MARKER.match(line)
            or _hard_line(line)
            or _hard_line(paragraphs[-1])
            or paragraphs[-1][-1] in "。！？!?：:"
            or (re.search(DOC_TYPES + "[》”]?$", paragraphs[-1]) and len(paragraphs[-1]) < 60)
        )
        if starts_new:
            paragraphs.append(line)
        else:
            paragraphs[-1] = _join(paragraphs[-1], line)
    return paragraphs
