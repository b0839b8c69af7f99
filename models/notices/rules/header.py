"""Rules for the head of a notice: 文号, title, issuing office, 主送 (recipients), theme."""

from __future__ import annotations

import re

from models.notices.rules.text import CJK, DATE_LINE, DOC_TYPES, ORG_LINE, ORG_SUFFIX, NoticeText, clean_line

_OPEN = "〔\\[【（(［﹝{"
_CLOSE = "〕\\]】）)］﹞}"
# 麒区安办〔2021〕16号, 云安办[2018]7号, 安办函2015〔33〕号 (malformed order), 昆安办 2022 35 号
DOC_NUMBER = re.compile(
    rf"(?P<org>[{CJK}]{{1,15}}?)\s*(?:"
    rf"[{_OPEN}]\s*(?P<year>(?:19|20)\d{{2}})\s*[{_CLOSE}]\s*(?P<num>\d{{1,4}})"
    rf"|(?P<year2>(?:19|20)\d{{2}})\s*[{_OPEN}]\s*(?P<num2>\d{{1,4}})\s*[{_CLOSE}]"
    rf"|(?P<year3>(?:19|20)\d{{2}})\s*年?\s+(?P<num3>\d{{1,4}})"
    r")\s*号"
)


def normalize_doc_number(match: re.Match) -> str:
    year = match["year"] or match["year2"] or match["year3"]
    number = match["num"] or match["num2"] or match["num3"]
    return f"{match['org']}〔{year}〕{int(number)}号"


def doc_number(notice: NoticeText) -> str | None:
    """The notice's own 文号: one standing on its own line near the top (others are citations)."""
    for line in notice.lines[:15]:
        found = DOC_NUMBER.match(line)
        rest = line[found.end() :] if found else ""
        if found and (not rest or re.match(r"^[（(]?(签发人|签发|急|特急|加急)", rest)):
            return normalize_doc_number(found)
    return None


def notice_year(notice: NoticeText, issued: str | None, number: str | None) -> int | None:
    if issued:
        return int(issued[:4])
    if number:
        return int(re.search(r"〔(\d{4})〕", number)[1])
    for line in notice.lines[:6]:
        found = re.search(r"((?:19|20)\d{2})\s*年", line)
        if found:
            return int(found[1])
    return None


def _recipient_index(notice: NoticeText) -> int | None:
    for index, paragraph in enumerate(notice.paragraphs[:14]):
        if (
            re.search(r"[：:]$", paragraph)
            and not re.match(r"(附件|联\s*系|电话|邮箱|电子邮箱|传真|现|根据|经|为|特此|具体|主题)", paragraph)
            and "如下" not in paragraph
            and len(paragraph) <= 160
        ):
            return index
    return None


def recipients(notice: NoticeText) -> str | None:
    index = _recipient_index(notice)
    return notice.paragraphs[index].rstrip("：:") if index is not None else None


def _head_lines(notice: NoticeText) -> list[str]:
    index = _recipient_index(notice)
    if index is not None:
        stop = notice.paragraphs[index][:8]
        for number, line in enumerate(notice.lines):
            if line.startswith(stop):
                return notice.lines[:number]
    return notice.lines[:8]


def title(notice: NoticeText) -> str | None:
    """From the office name or 关于 down to the line ending with the kind of document (…的通知)."""
    lines = [
        line
        for line in _head_lines(notice)
        if not DOC_NUMBER.match(line) and not re.search(r"签发人|^(特急|加急|急件|明电)$", line)
    ]
    lines = [line for line in lines if not re.search(r"文件$", line) or "关于" in line]
    start = next((i for i, line in enumerate(lines) if "关于" in line), None)
    if start is None:
        start = next((i for i, line in enumerate(lines) if re.search(DOC_TYPES + "$", line)), None)
        if start is None:
            return None
    if start > 0 and ORG_LINE.match(lines[start - 1]) and lines[start].startswith("关于"):
        start -= 1
    for end in range(start, min(start + 5, len(lines))):
        if re.search(DOC_TYPES + "[》”]?$", lines[end]):
            return "".join(lines[start : end + 1])
    return None


def issuer(notice: NoticeText, heading: str | None) -> str | None:
    """The signing office above the date, else the office named at the start of the title."""
    for index, line in enumerate(notice.lines[1:], start=1):
        if DATE_LINE.match(line):
            above = notice.lines[index - 1]
            if ORG_LINE.match(above):
                return above
            break
    if heading:
        found = re.match(rf"^(.{{4,40}}?{ORG_SUFFIX})关于", heading)
        if found:
            return found[1]
    return None


_QUOTED_THEME = (
    re.compile(r"以[“\"「『]([^”\"」』]{2,60})[”\"」』]为(?:活动)?主题"),
    re.compile(r"主题(?:是|为|确定为|定为)?[：:]?\s*[“\"「『]([^”\"」』]{2,60})[”\"」』]"),
)


def theme(notice: NoticeText) -> str | None:
    """活动主题: 以“…”为主题, 主题是“…”, 主题：…, or the line under a heading 活动主题."""
    spaced = [clean_line(line, keep_cjk_space=True) for line in notice.raw_lines]
    for pattern in _QUOTED_THEME:
        for text in (*spaced, notice.flow):
            found = pattern.search(text)
            if found:
                return found[1].strip()
    for index, line in enumerate(notice.lines):
        plain = re.sub(r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、])", "", line)
        found = re.match(r"^(?:活动)?主题[：:]\s*(.{2,60}?)[。.]?$", plain)
        if found:
            spaced_line = clean_line(notice.raw_lines[index], keep_cjk_space=True)
            return re.split("[：:]", spaced_line, maxsplit=1)[-1].rstrip("。").strip(' “”"')
        if re.fullmatch(r"(?:活动|宣传)?主题[：:]?", plain) and index + 1 < len(notice.lines):
            following = clean_line(notice.raw_lines[index + 1], keep_cjk_space=True).rstrip("。").strip('“”"')
            if len(following) <= 40 and not re.match(r"[一二三四五六七八九十]+、", following):
                return following
    return None
