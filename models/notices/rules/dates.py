"""Rules for dates: single dates with or without year, the date of issue (成文日期), the campaign period."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from models.notices.rules.found import NOTHING, Found
from models.notices.rules.layout import NoticeText
from models.notices.rules.script import compile_tolerant, tolerant
from models.notices.rules.text import DATE_LINE, ORG_LINE, arabic_dates, spaced

# 2021年5月17日 / 5月17日 / 5月17号 / 2021.5.17 / 2021-05-17 / 2021/5/17
DATE = re.compile(
    r"(?:(?P<year>\d{4})\s*年\s*)?(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*"
    + tolerant("[日号]")
    + r"|(?P<y2>\d{4})[.\-/](?P<m2>\d{1,2})[.\-/](?P<d2>\d{1,2})(?!\d)"
)
RANGE_SEP = r"\s*(?:至|到|—+|–|-|~|～|－)\s*"
_DAY_ONLY = re.compile(r"(?P<day>\d{1,2})\s*[日号]")


def make_date(year: int | None, month: int, day: int, notice_year: int | None) -> date | None:
    year = year or notice_year
    if not year:
        return None
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def month_end(year: int, month: int) -> date | None:
    if not 1 <= month <= 12:
        return None
    return date(year, month, calendar.monthrange(year, month)[1])


def date_of(match: re.Match, notice_year: int | None, after: date | None = None) -> date | None:
    """The date a DATE match names; a date without year takes the notice's year (next year if it wrapped)."""
    if match["y2"]:
        return make_date(int(match["y2"]), int(match["m2"]), int(match["d2"]), None)
    explicit = int(match["year"]) if match["year"] else None
    found = make_date(explicit, int(match["month"]), int(match["day"]), notice_year)
    if found and not explicit and after and found < after - timedelta(days=90):
        found = make_date(found.year + 1, found.month, found.day, None)
    return found


def parse_date(text: str) -> date | None:
    found = DATE.search(text or "")
    if found and (found["year"] or found["y2"]):
        return date_of(found, None)
    return _garbled(re.sub(r"\s+", "", text or ""))


def _readings(line: str) -> list[date]:
    """The dates 202365, 2019年64 or 20251211 can be (年/月/日 lost with their HTML spans), earliest first."""
    found = re.fullmatch(r"((?:19|20)\d\d)\s*年?\s*(\d{2,4})", line)
    if not found:
        return []
    year, rest = int(found[1]), found[2]
    readings = {
        make_date(year, int(rest[:cut]), int(rest[cut:]), None)
        for cut in (1, 2)
        if cut < len(rest) and len(rest) - cut <= 2 and rest[cut] != "0"
    } - {None}
    return sorted(readings)


def _listed_reading(notice: NoticeText, readings: list[date]) -> tuple[str, date] | None:
    """The one reading of a garbled date that a dated field of the page's metadata prints (发布日期, 公开日期);
    the field naming the date of issue itself (成文日期) settles it before the others."""
    listed = [
        (label, on)
        for label, value in notice.metadata.items()
        if re.search(tolerant("日期|时间"), label) and (on := parse_date(value)) in readings
    ]
    signed = [(label, on) for label, on in listed if re.fullmatch(tolerant("成文日期|发文日期"), label)]
    listed = signed or listed
    return listed[0] if len({on for _, on in listed}) == 1 else None


def _garbled(line: str) -> date | None:
    """202365 or 20251211 (only digits): its date, only where one reading is possible."""
    readings = _readings(line) if line.isdigit() else []
    return readings[0] if len(readings) == 1 else None


_NO_DAY_MARK = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})$")  # 2023年6月5 (日 lost)
_DATE_AFTER_ORG = re.compile(r"^.{3,60}?\s*(\d{4}年\d{1,2}月\d{1,2}日)$")
_HEADING_BEFORE = compile_tolerant(r"(?:时间|日期|期限|[：:])$")
# 附件： with nothing after it (the form was not copied): what follows is the signature, not the label's value
_EMPTY_ATTACHMENT_LABEL = compile_tolerant(r"^附(?:件|表)?\s*[：:]$")


def _labels_date(line: str) -> bool:
    """时间： / 报送日期 on the line before: the date after it is that label's value, not the 成文日期."""
    return bool(_HEADING_BEFORE.search(line)) and not ORG_LINE.match(line) and not _EMPTY_ATTACHMENT_LABEL.match(line)


_STRAY_MARKS = re.compile(r"[|｜]+$")  # 2018年9月30日 | : a table cell's border left on a page copy
# 附表。 二〇一二年一月五日 填报区县…: a whole notice on one line; its date stands alone after the last sentence
_SIGNED_IN_LINE = re.compile(r"[。！!]\s+(\d{4}年\d{1,2}月\d{1,2}日)(?=\s|$)(?P<rest>[^。！!]*)$")


def _date_in_line(notice: NoticeText) -> Found:
    """The 成文日期 inside a line that holds the body too: a full date between spaces after the last sentence."""
    for index, kind in enumerate(notice.kinds):
        if kind not in ("body", "recipients"):
            continue
        found = _SIGNED_IN_LINE.search(arabic_dates(spaced(notice.raw_lines[index])))
        if found and not _labels_date(notice.lines[index - 1] if index else ""):
            return Found(parse_date(found[1]), 0.7, "日期取自正文末尾（文本未分行），请核对")
    return NOTHING


def issue_date(notice: NoticeText) -> tuple[Found, int | None]:
    """成文日期: the first line after the 主送 that holds only a date (or an office and a date), else the metadata."""
    signed, at = NOTHING, None
    for index, line in notice.body_lines:
        line = _STRAY_MARKS.sub("", line)
        before = notice.lines[index - 1] if index else ""
        if _labels_date(before):
            continue
        if DATE_LINE.match(line):
            signed, at = Found(parse_date(line), 0.9), index
        elif _DATE_AFTER_ORG.match(line) and ORG_LINE.match(line[: _DATE_AFTER_ORG.match(line).start(1)].strip()):
            signed, at = Found(parse_date(line), 0.9), index
        elif ORG_LINE.match(before) and (readings := _readings(line)):
            if len(readings) == 1:
                signed = Found(readings[0], 0.6, f"日期印刷不全（{line}），请核对")
            elif listed := _listed_reading(notice, readings):  # 2024123 and 发布日期:2024-12-03
                label, on = listed
                read_as = f"按网页信息栏“{label}”读作{on.month}月{on.day}日"
                signed = Found(on, 0.7, f"日期印刷不全（{line}），{read_as}，请核对")
            else:  # 2024123: 1月23日 or 12月3日: withheld, the clerk told which it may be
                may_be = "或".join(f"{d.month}月{d.day}日" for d in readings)
                signed = Found(readings[0], 0.3, f"日期印刷不全（{line}），可能是{may_be}，请核对")
            at = index
        elif ORG_LINE.match(before) and (cut := _NO_DAY_MARK.match(line)):
            found = make_date(int(cut[1]), int(cut[2]), int(cut[3]), None)
            signed, at = Found(found, 0.7, f"日期印刷不全（{line}），请核对"), index
        if at is not None:
            break
    if at is None:
        signed = _date_in_line(notice)
    for label in ("成文日期", "发文日期"):
        listed = parse_date(notice.metadata.get(label, ""))
        if listed and not signed.value:
            return Found(listed, 0.85, f"取自网页信息栏“{label}”"), at
        if listed and signed.value and listed != signed.value:
            return Found(signed.value, 0.6, f"与网页信息栏“{label}”{listed.isoformat()}不一致"), at
    return signed, at


# ---- the campaign period -------------------------------------------------------------------------------

_RANGE = re.compile(
    r"(?P<start>(?:(?P<sy>\d{4})\s*年\s*)?(?P<sm>\d{1,2})\s*月(?:份)?\s*(?:(?P<sd>\d{1,2})\s*[日号])?)"
    + r"(?:起|开始)?"  # 2011年12月21日起至2012年1月5日
    + RANGE_SEP
    + r"(?P<end>(?:(?P<ey>\d{4})\s*年\s*|(?P<next>次年|翌年|明年|下一年)\s*)?(?:(?P<em>\d{1,2})\s*月(?:份)?\s*)?"
    + r"(?:(?P<ed>\d{1,2})\s*[日号]|(?P<eom>底|末|份)?))"
)
_CAMPAIGN = compile_tolerant(r"活动|行动|整治|检查|排查|攻坚|宣传月|安全生产月|万里行|专项|竞赛|评选|防控工作")
_NOT_PERIOD = compile_tolerant(
    r"报送|上报|报告|值班|放假|调休|假期|休假|上班|截止|之前|以前|前报|前将|咨询日|节日|节期间|春节|国庆|中秋|元旦|五一|端午|清明"
)
_LABELLED = compile_tolerant(
    r"(?:活动|行动|整治|实施|检查|宣传|开展)?时间(?:为|是|安排)?[：:]?\s*$|时间为|于$|从$|自$|在$"
)
_DECIDED = compile_tolerant(r"(?:决定|[委局办厅府]|组织)(?:于|从|自|在)$")
_UNDERTAKES = compile_tolerant(r"开展|组织")


def _undertaken(before: str, after: str) -> bool:
    """决定于… says a campaign is decided: 开展 is enough; an office's 于… needs a campaign word."""
    decided = re.search(tolerant("决定") + r"\S{0,2}$", before)
    return bool(_CAMPAIGN.search(after) or (decided and _UNDERTAKES.search(after)))


_TIME_HEADING = compile_tolerant(
    r"^(?:[一二三四五六七八九十]+\s*、|[（(][一二三四五六七八九十]+[）)])?.{0,8}(?:时间|步骤|阶段)"
)
_TOP_HEADING = re.compile(r"^[一二三四五六七八九十]+\s*、")


def _range_dates(m: re.Match, notice_year: int | None, issued: date | None = None) -> tuple[date | None, date | None]:
    start_year = int(m["sy"]) if m["sy"] else notice_year
    if not start_year or (not m["sd"] and not (m["em"] or m["ed"])):
        return None, None
    start = make_date(start_year, int(m["sm"]), int(m["sd"] or 1), None)
    if not start:
        return None, None
    if not m["sy"] and issued and start < issued - timedelta(days=90):  # 3月1日 in a notice of November: next year
        start = make_date(start.year + 1, start.month, start.day, None)
    end_year = int(m["ey"]) if m["ey"] else start.year + (1 if m["next"] else 0)
    end_month = int(m["em"]) if m["em"] else start.month
    if m["ed"]:
        end = make_date(end_year, end_month, int(m["ed"]), None)
    elif m["em"] and (m["eom"] or not m["sd"]):
        end = month_end(end_year, end_month)
    else:
        return None, None
    wrapped = bool(end and end < start and not m["ey"])
    if wrapped:  # 11月1日至3月31日: into the next year, for a winter campaign, not for a typo
        end = make_date(end.year + 1, end.month, end.day, None)
    if not end or end < start or (end - start).days > (200 if wrapped else 400):
        return None, None
    return start, end


def _clauses(paragraph: str) -> list[str]:
    return [c for c in re.split(r"[。；;，,]", paragraph) if c]


def _explicit_period(notice: NoticeText, year: int | None, issued: date | None = None) -> tuple[Found, bool]:
    """Ranges under a heading about time (all phases: first start to last end), labelled or campaign ones."""
    sections: list[tuple[bool, str]] = []
    heading = False
    for paragraph in notice.paragraphs:
        about_time = bool(_TIME_HEADING.match(paragraph)) and len(paragraph) < 40
        if _TOP_HEADING.match(paragraph):
            heading = about_time
        elif about_time:
            heading = True
        sections.append((heading, paragraph))
    under_heading: list[tuple[date, date]] = []
    labelled, campaign = [], []
    for heading, paragraph in sections:
        for clause in _clauses(paragraph):
            for m in _RANGE.finditer(clause):
                start, end = _range_dates(m, year, issued)
                if not start:
                    continue
                before = clause[: m.start()]
                after = _sentence_after(paragraph, clause)
                if heading and not _NOT_PERIOD.search(clause):
                    under_heading.append((start, end))
                elif _LABELLED.search(before) and _CAMPAIGN.search(clause) and not _NOT_PERIOD.search(clause):
                    labelled.append((start, end))
                elif _DECIDED.search(before) and _undertaken(before, after) and not _NOT_PERIOD.search(clause):
                    labelled.append((start, end))  # 决定于…至…对全区学校开展…检查 / 市建委于…起至…，…组织开展了大排查
                elif _CAMPAIGN.search(clause) and not _NOT_PERIOD.search(clause) and "每" not in clause:
                    campaign.append((start, end))
    if under_heading:
        return Found((min(s for s, _ in under_heading), max(e for _, e in under_heading)), 0.85), True
    if labelled:
        return Found(labelled[0], 0.8), True
    if campaign:
        return Found(campaign[0], 0.6, "活动时间由正文推断，请核对"), True
    month = _month_set(notice, year)
    if month:
        return Found(month, 0.6, "活动时间由正文推断（只写了月份），请核对"), True
    opening = _opening_range(notice, year, issued)
    if opening:
        return Found(opening, 0.6, "活动时间由正文推断（正文唯一的时间段），请核对"), True
    from_today = _from_today(notice, issued)
    if from_today:
        return Found(from_today, 0.6, "活动时间由正文推断（“即日起”读作成文日期），请核对"), True
    return NOTHING, False


def _sentence_after(paragraph: str, clause: str) -> str:
    """The rest of the sentence from *clause* on (a range's clause, then what is done in it)."""
    at = paragraph.find(clause)
    return re.split(r"[。；;！!]", paragraph[at:])[0] if at >= 0 else clause


# 定于2017年8月份对各地区大检查开展情况进行督导: a campaign set for a whole month
_MONTH_SET = compile_tolerant(
    r"(?:决定|定于|拟于|将于)\s*(?:(?P<y>\d{4})\s*年\s*)?(?P<m>\d{1,2})\s*月份?(?!\s*\d|底|末|中|上旬|下旬)"
    r"(?P<rest>[^。；;！!]*)"
)


def _month_set(notice: NoticeText, year: int | None) -> tuple[date, date] | None:
    """The one month a campaign is set for, when no day is printed (定于8月份…开展督导)."""
    months = set()
    for found in _MONTH_SET.finditer(notice.flow):
        clause = _clauses(found["rest"])[0] if _clauses(found["rest"]) else ""
        the_year = int(found["y"]) if found["y"] else year
        if the_year and _CAMPAIGN.search(found["rest"]) and not _NOT_PERIOD.search(clause) and "每" not in clause:
            end = month_end(the_year, int(found["m"]))
            if end:
                months.add((end.replace(day=1), end))
    return months.pop() if len(months) == 1 else None


# what a span opening a sentence is for: a campaign, or a window of reports taken (受理举报); not a meeting
_OPENED_FOR = compile_tolerant(_CAMPAIGN.pattern + r"|开展|受理|举报")
_GATHERING = compile_tolerant(r"会议|培训|召开|举办|参加|考试|放假")


def _opening_range(notice: NoticeText, year: int | None, issued: date | None) -> tuple[date, date] | None:
    """10月9日至10月31日，某办将…受理…: a range opening a sentence, the only span the notice names."""
    spans, opening = set(), None
    for paragraph in notice.paragraphs:
        for sentence in re.split(r"(?<=[。；;！!])", paragraph):
            for m in _RANGE.finditer(sentence):
                start, end = _range_dates(m, year, issued)
                if not start:
                    continue
                spans.add((start, end))
                following = ",".join(_clauses(sentence[m.end() :])[:1])
                if (
                    not sentence[: m.start()].strip()
                    and re.match(r"\s*[，,]", sentence[m.end() :])
                    and not _NOT_PERIOD.search(following)
                    and "每" not in following
                    and _OPENED_FOR.search(sentence[m.end() :])
                    and not _GATHERING.search(sentence)
                ):
                    opening = (start, end)
    return opening if opening and spans == {opening} else None


# 从即日起至9月底 / 自即日起至2018年12月31日 / 即日起至年底: from the day of issue to a printed day
_FROM_TODAY = compile_tolerant(
    r"即日起?\s*(?:至|到)\s*(?:(?P<y>\d{4})\s*)?(?:年\s*(?P<m>\d{1,2})\s*月|(?P<m2>\d{1,2})\s*月|(?P<ye>年))\s*"
    r"(?:(?P<d>\d{1,2})\s*[日号]|(?P<eom>底|末|份))"
)


def _day_until(m: re.Match, issued: date) -> date | None:
    """The last day of a 即日起至… span: the printed day, or the end of the month (year) named."""
    year = int(m["y"]) if m["y"] else issued.year
    if m["ye"]:
        return date(year, 12, 31) if not m["d"] else None
    month = int(m["m"] or m["m2"])
    end = make_date(year, month, int(m["d"]), None) if m["d"] else month_end(year, month)
    if end and not m["y"] and end < issued - timedelta(days=90):  # 即日起至3月底 in a notice of November
        end = make_date(year + 1, end.month, end.day, None) if m["d"] else month_end(year + 1, month)
    return end


def _from_today(notice: NoticeText, issued: date | None) -> tuple[date, date] | None:
    """从即日起至9月底，各县区要结合…专项行动…: a span from the day of issue, said of work to do (the only one)."""
    if not issued:
        return None
    spans = set()
    for paragraph in notice.paragraphs:
        for sentence in re.split(r"(?<=[。；;！!])", paragraph):
            for m in _FROM_TODAY.finditer(sentence):
                end = _day_until(m, issued)
                clause = next((c for c in _clauses(sentence[: m.end()])[-1:]), "")
                following = ",".join(_clauses(sentence[m.end() :])[:1])
                if (
                    end
                    and 0 < (end - issued).days <= 400
                    and not _NOT_PERIOD.search(clause + following)
                    and "每" not in following
                    and _OPENED_FOR.search(sentence)
                    and not _GATHERING.search(sentence)
                ):
                    spans.add((issued, end))
    return spans.pop() if len(spans) == 1 else None


_CN_NUMBER = "一二三四五六七八九十"
_NTH_MONTH = compile_tolerant(
    r"(?:第|是|为)\s*(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})\s*个\s*(?:全国)?\s*[“\"「]?安全生产(?:宣传)?月"
)
_TITLE_MONTH = compile_tolerant(r"开展(?P<y>\d{4})年.{0,12}[“\"「]?安全生产(?:宣传)?月[”\"」]?活动")


def _cn_int(text: str) -> int:
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_NUMBER.index(tens) + 1 if tens else 1) * 10 + (_CN_NUMBER.index(ones) + 1 if ones else 0)
    return _CN_NUMBER.index(text) + 1


def campaign_month(notice: NoticeText, title: str | None, year: int | None) -> Found:
    """第N个全国“安全生产月”: the national campaign is June, the first one (2002) N = 1."""
    for text in [notice.flow, title or ""]:
        found = _NTH_MONTH.search(text)
        if found:
            campaign_year = 2001 + _cn_int(found["n"])
            if year and abs(year - campaign_year) > 1:
                return Found((date(year, 6, 1), date(year, 6, 30)), 0.55, "活动届次与通知年份不符，请核对")
            return Found((date(campaign_year, 6, 1), date(campaign_year, 6, 30)), 0.85, "由“第N个安全生产月”推断")
    found = _TITLE_MONTH.search(title or "")
    if found:
        return Found((date(int(found["y"]), 6, 1), date(int(found["y"]), 6, 30)), 0.7, "由标题推断为当年6月")
    return NOTHING


def _year_written(notice: NoticeText) -> int | None:
    """The one year the body writes (按照2025年度…工作安排): the year of its ranges when the notice has none."""
    years = {int(y) for y in re.findall(r"((?:19|20)\d\d)\s*年", notice.flow)}
    return years.pop() if len(years) == 1 else None


def period(notice: NoticeText, year: int | None, title: str | None = None, issued: date | None = None) -> Found:
    """活动时间: printed ranges first; else June of the campaign named 第N个“安全生产月”."""
    printed, _ = _explicit_period(notice, year or _year_written(notice), issued)
    if printed.confidence >= 0.8:
        return printed
    month = campaign_month(notice, title, year)
    return month if month.shown else printed
