"""Rules for the head of a notice: 文号, title, issuing office, 主送 (recipients), theme."""

from __future__ import annotations

import re

from models.notices.rules.found import NOTHING, Found, best
from models.notices.rules.layout import NoticeText
from models.notices.rules.script import compile_tolerant, tolerant
from models.notices.rules.text import CJK, DOC_TYPES, ORG_LINE, ORG_SUFFIX, clean_line

_OPEN = "〔\\[【（(［﹝{"
_CLOSE = "〕\\]】）)］﹞}"
# 麒区安办〔2021〕16号, 云安办[2018]7号, 安办函2015〔33〕号 (malformed order), 昆安办 2022 35 号
DOC_NUMBER = re.compile(
    rf"(?P<org>[{CJK}]{{1,15}}?)\s*(?:"
    rf"[{_OPEN}]\s*(?P<year>(?:19|20)\d{{2}})\s*[{_CLOSE}]\s*(?P<num>\d{{1,4}})"
    rf"|(?P<year2>(?:19|20)\d{{2}})\s*[{_OPEN}]\s*(?P<num2>\d{{1,4}})\s*[{_CLOSE}]"
    rf"|(?P<year3>(?:19|20)\d{{2}})\s*年?\s+(?P<num3>\d{{1,4}})"
    r")\s*(?P<hao>[号號])"
)
_AFTER_NUMBER = compile_tolerant(r"^\s*(?:[（(]?(?:签发人|签发|急|特急|加急|特提|平急)|《|$)")  # 《: its title after it
_TITLE_END = re.compile(tolerant(r"的?") + DOC_TYPES + r"[》”\"]?(?:[（(][^（()）]{1,10}[）)])?$")
_NOT_TITLE = compile_tolerant(r"签发人|^(?:特急|加急|急件|明电|平急|特提)$|文件$|^(?:抄送|抄报|主题词|附件)")


def normalize_doc_number(match: re.Match) -> str:
    year = match["year"] or match["year2"] or match["year3"]
    number = match["num"] or match["num2"] or match["num3"]
    return f"{match['org']}〔{year}〕{int(number)}{match['hao']}"


_BRACKETED = re.compile(r"^\s*[（(〔\[【［]\s*(?P<inner>.+?)\s*[）)〕\]】］]\s*$")


def _whole_number(text: str) -> str | None:
    """A line that is a 文号 (and what may follow one: 签发人, 特急 …), or one in brackets of its own:
    `（本安委发[2006]4号）` under the title of a copy in a law site or a 公报 is the notice's own."""
    if bracketed := _BRACKETED.match(text):
        text = bracketed["inner"]
    found = DOC_NUMBER.match(text.strip())
    if found and _AFTER_NUMBER.match(text.strip()[found.end() :]):
        return normalize_doc_number(found)
    return None


def _trailing_number(line: str) -> tuple[str, str | None]:
    """国家能源局…的通知 国能综通安全〔2021〕108号: the title line with the 文号 printed after it."""
    for end in re.finditer(DOC_TYPES, line):
        own = _whole_number(line[end.end() :]) if end.end() >= 4 and end.end() < len(line) else None
        if own and _TITLE_END.search(line[: end.end()]):
            return line[: end.end()], own
    return line, None


# 麒区安办〔202116号 / 麒区安办〔2021〕16 / 新府办〔200980 (a bracket or 号 lost with its HTML span): the year is four
# digits, so one reading
_DAMAGED_NUMBER = re.compile(
    rf"^(?P<org>[{CJK}]{{1,15}}?)\s*(?:[{_OPEN}]\s*(?P<year>(?:19|20)\d{{2}})\s*(?:[{_CLOSE}]\s*(?P<n1>\d{{1,4}})|(?P<n2>\d{{1,4}})\s*(?P<hao>[号號])?)"
    rf"|(?P<year2>(?:19|20)\d{{2}})(?P<n3>[1-9]\d{{0,3}})\s*(?P<hao2>[号號]))$"  # 建会函2023190号: both brackets lost
)


def _damaged_number(line: str) -> str | None:
    found = _DAMAGED_NUMBER.match(line.strip())
    if not found:
        return None
    year, number = found["year"] or found["year2"], found["n1"] or found["n2"] or found["n3"]
    return f"{found['org']}〔{year}〕{int(number)}{found['hao'] or found['hao2'] or '号'}"


def doc_number(notice: NoticeText) -> Found:
    """The notice's own 文号: on its own line in the head, after the title, or in the metadata block."""
    for line in notice.head:
        own = _trailing_number(line)[1] or _whole_number(line)  # …的通知国能综通安全〔2021〕108号: the number after
        if own:
            return Found(own, 0.9)
    for line in notice.head:
        if own := _damaged_number(line):
            return Found(own, 0.6, f"文号印刷不全（{line}），请核对")
    for label in ("发文字号", "文号", "发文号", "文件编号", "编号", "作者"):
        value = notice.metadata.get(label)
        own = _whole_number(value) if value else None
        if own:
            return Found(own, 0.85 if label != "作者" else 0.7, f"取自网页信息栏“{label}”")
    return NOTHING


def notice_year(notice: NoticeText, issued: str | None, number: str | None) -> int | None:
    if issued:
        return int(issued[:4])
    if number:
        return int(re.search(r"〔(\d{4})〕", number)[1])
    for label in ("成文日期", "发文日期"):
        found = re.match(r"((?:19|20)\d{2})", notice.metadata.get(label, ""))
        if found:
            return int(found[1])
    for line in notice.head:
        found = re.search(r"((?:19|20)\d{2})\s*年", line)
        if found:
            return int(found[1])
    return None


_ABOUT = compile_tolerant("关于")  # 關于 and 関於 too
_OPEN_END = compile_tolerant(r"(?:关于|转发|印发|的|和|与|及|、|《[^》]*)$")  # a line a title never ends on


def _title_candidates(notice: NoticeText) -> list[str]:
    split = [_trailing_number(line) for line in notice.head]  # a title's last line may carry the 文号
    lines = [text for (text, own), line in zip(split, notice.head) if own or not _whole_number(line)]
    lines = [line for line in lines if not _NOT_TITLE.search(line) and not re.search("[:：]", line)]
    found: list[str] = []
    for end, line in enumerate(lines):
        if not _TITLE_END.search(line):
            continue
        start = end
        while not _ABOUT.search("".join(lines[start : end + 1])) and start > end - 3 and start > 0:
            start -= 1
        joined = "".join(lines[start : end + 1])
        if not _ABOUT.search(joined):
            start, joined = end, line
        while start > 0 and _OPEN_END.search(lines[start - 1]) and len(joined) < 120:  # …办公室关于 / 印发《…
            start -= 1
            joined = lines[start] + joined
        if start > 0 and re.match(tolerant("关于"), lines[start]) and ORG_LINE.match(lines[start - 1]):
            joined = lines[start - 1] + joined
        if 6 <= len(joined) <= 160:
            found.append(joined)
    return found


def title(notice: NoticeText) -> Found:
    """From the office name or 关于 down to the line ending with the kind of document (…的通知)."""
    candidates = _title_candidates(notice)
    if not candidates:
        return NOTHING
    chosen = candidates[-1]
    agree = sum(c == chosen for c in candidates) + (notice.metadata.get("名称") == chosen)
    agree += notice.metadata.get("标题") == chosen or notice.metadata.get("原标题") == chosen
    confidence = 0.9 if re.search(tolerant("关于|印发|转发|的") + DOC_TYPES, chosen) or agree > 1 else 0.65
    if len(set(candidates)) > 1 and not chosen.endswith(candidates[0]):
        confidence -= 0.15
    return Found(chosen, confidence)


_DATE_AT_END = re.compile(r"\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2})$")


def signature(notice: NoticeText, date_at: int | None) -> Found:
    """署名: the office right above the 成文日期 or on its line (`新乡市…办公室 2017年10月4日`)."""
    if date_at is None:
        return NOTHING
    same_line = _DATE_AT_END.sub("", notice.lines[date_at])
    if same_line != notice.lines[date_at] and ORG_LINE.match(same_line):
        return Found(same_line, 0.9)
    if date_at > 0 and notice.kinds[date_at - 1] == "body" and ORG_LINE.match(notice.lines[date_at - 1]):
        return Found(notice.lines[date_at - 1], 0.9)
    return NOTHING


_PASSED_ON = compile_tolerant(r"^(?:转发|印发|转批|批转)")
_TITLE_ORG = re.compile(rf"^(.{{3,60}}?{ORG_SUFFIX})" + tolerant(r"(?:关于|印发|转发)"))


def issuer(notice: NoticeText, heading: str | None, date_at: int | None) -> Found:
    """The signing office, else the office opening the title, else a standalone signature or the metadata."""
    signed = signature(notice, date_at)
    if signed.shown:
        return signed
    # 转发省府办公厅关于…的通知: the office after 转发/印发 is the one above, not the one issuing
    from_title = _TITLE_ORG.match(heading) if heading and not _PASSED_ON.match(heading) else None
    if from_title:
        return Found(from_title[1], 0.85)
    for line in notice.head:
        if ORG_LINE.match(line) and not re.search(tolerant("文件$"), line):
            return Found(line, 0.7, "取自版头")
    for line in notice.head:  # 开化县桐村镇人民政府文件: the red head names the office that issues
        office = re.sub(tolerant(r"\s*文件$"), "", line)
        if office != line and ORG_LINE.match(office):
            return Found(office, 0.7, "取自版头")
    tail = _closing_office(notice)
    if tail:
        return Found(tail, 0.7, "署名下没有日期")
    for label in (
        "发文机关",
        "发文单位",
        "制发单位",
        "制发机关",
        "发布机构",
        "发布单位",
        "文章来源",
        "来源",
        "信息来源",
    ):
        value = notice.metadata.get(label, "")
        if ORG_LINE.match(value) and not re.search("网|站", value[-2:]) and not value.startswith(("区", "市", "县")):
            return Found(value, 0.6, f"取自网页信息栏“{label}”")
    return NOTHING


def _closing_office(notice: NoticeText) -> str | None:
    """An office standing alone after the last body paragraph (a signature printed without a date)."""
    body = notice.body_lines
    for position in range(len(body) - 1, 0, -1):
        index, line = body[position]
        if ORG_LINE.match(line) and len(line) >= 6:
            before = body[position - 1][1]
            if re.search(r"[。）)]$|\d$|\.[a-z]+$|[@]", before) and position >= len(body) - 3:
                return line
            return None
    return None


def recipients(notice: NoticeText) -> Found:
    if not notice.recipients:
        return NOTHING
    return Found(notice.recipients, 0.9)


_QUOTED_THEME = tuple(
    compile_tolerant(p)
    for p in (
        r"以[“\"「『]([^”\"」』]{2,60})[”\"」』]为(?:活动)?主题",
        r"主题(?:是|为|确定为|定为)[：:]?\s*[“\"「『]([^”\"」』]{2,60})[”\"」』]",
        r"主题[：:]\s*[“\"「『]([^”\"」』]{2,60})[”\"」』]",
        r"围绕[“\"「『]([^”\"」』]{2,60})[”\"」』](?:这一|这个|的)?(?:活动)?主题",
        r"突出[“\"「『]([^”\"」』]{2,60})[”\"」』]的?(?:活动)?主题",
    )
)
# 以落实安全责任，推动安全发展为主题 (quotes lost with their HTML spans)
_UNQUOTED_THEME = compile_tolerant(r"以([^以。；;“”\"]{4,30}?)为(?:活动)?主题")
_THEME_LINE = compile_tolerant(r"^(?:活动|宣传)?主题[：:]\s*(.{2,60}?)[。.]?$")
_THEME_HEAD = compile_tolerant(r"(?:活动|宣传)?主题[：:]?")


def theme(notice: NoticeText) -> Found:
    """活动主题: 以“…”为主题, 主题是“…”, 围绕“…”主题, 主题：…, or the line under a heading 活动主题."""
    spaced = [clean_line(line, keep_cjk_space=True) for line in notice.raw_lines]
    body = [spaced[i] for i, _line in notice.body_lines] + [notice.flow]
    for pattern in _QUOTED_THEME:
        for text in body:
            found = pattern.search(text)
            if found:
                return Found(found[1].strip(), 0.9)
    for text in body:
        found = _UNQUOTED_THEME.search(text)
        if found and not re.search(tolerant("安全生产月|活动|为契机|指导"), found[1]):
            return Found(found[1].strip(), 0.7, "主题没有引号，请核对")
    for index, line in notice.body_lines:
        plain = re.sub(r"^([一二三四五六七八九十]+\s*、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、])", "", line)
        found = _THEME_LINE.match(plain)
        if found:
            value = re.split("[：:]", spaced[index], maxsplit=1)[-1].rstrip("。").strip(' “”"')
            return Found(value, 0.85)
        if _THEME_HEAD.fullmatch(plain) and index + 1 < len(notice.lines):
            following = spaced[index + 1].rstrip("。").strip('“”"')
            if len(following) <= 40 and not re.match(r"[一二三四五六七八九十]+、", following):
                return Found(following, 0.8)
    return best()
