"""Rules for what units must send once: deadlines (于5月21日将…报, 6月5日前报送…, 意见反馈截止时间为…)."""

from __future__ import annotations

import re
from datetime import date

from models.notices.rules.dates import DATE, date_of, make_date, month_end
from models.notices.rules.layout import NoticeText
from models.notices.rules.script import compile_tolerant, tolerant
from models.notices.rules.text import CJK, ORG_SUFFIX

SEND = tolerant(r"(报送|上报|报至|报给|报|送至|送达|送|发送|发至|提交|交至|反馈|传真|上传|提供|汇总|填报|申报|备案)")
# the date's own tail: (星期二) or (正月初六), an hour (上午12点, 17:00) or only the part of the day (上午下班前), 前
DUE_TAIL = re.compile(
    tolerant(
        r"^\s*(?:[（(]每?(?:星期|周|礼拜)[一二三四五六日天七][）)]|[（(][^（()）。，,]{1,8}[）)])?\s*"
        r"(?:上午|下午|中午|晚上)?\s*(?:\d{1,2}\s*(?:[:：]\s*\d{2}|[时点](?:\d{1,2}分?)?))?\s*"
        r"(?P<before>前|之前|以前|止|下班前)?"
    )
)
_TIME = re.compile(
    r"(?P<part>上午|下午|中午|晚上)?\s*(?P<h>\d{1,2})\s*(?:[:：]\s*(?P<m>\d{2})|[时点](?:(?P<m2>\d{1,2})分?)?)"
)
_NOT_DEADLINE_AFTER = re.compile(r"^\s*(?:[（(][^）)]*[）)])?\s*(当天|当日|前后|期间|起|开始|以来|至|到|—|-|~|～)")
_PLACES = r"(?:安委办|应急管理局|应急局|办公室|邮箱|端口|安委会|组委会|委员会|管委会)"
_ONLY_PLACE = re.compile(r"^(?:至|到|给)?[^，,]{0,12}" + _PLACES + r"[^，,]{0,16}$")
# 分别报省公路运输管理局和省航务管理局: bodies (an office, joined by 和/及/、), not a thing sent
_ONLY_BODIES = compile_tolerant(
    r"^(?:至|到|给)?(?:[省市县区镇委][^，,、和及与]{1,20}?(?:局|厅|办|委|室|科|中心|处|站|队)[、和及与]?){1,4}$"
)
# 各分中心、办事处值班表: a thing sent may open with the units it is asked of, when it ends with what they send
_SENT_THING = compile_tolerant(
    r"(?:表|名单|情况|材料|方案|总结|报告|意见|信息|图片|照片|清单|台账)(?:[（(][^）)]*[）)])?$"
)
# 向市安委办报送…: the office it goes to, then the verb; what is sent follows
_TO_WHOM = re.compile(
    rf"^\s*(?:向|给)[{CJK}（）()]{{1,20}}?{ORG_SUFFIX}(?:[（(][^（()）]{{1,12}}[）)])?(?:邮箱)?\s*"
    + tolerant("(?:书面|统一|集中)?")
    + SEND
)
_DESTINATION = re.compile(
    r"(?:报送|上报|报|送|发送|提交|反馈|传真|发)(?:至|到|给)?[^，,]*?(?:安委办|应急管理局|应急局|办公室|邮箱|端口)[^，,]*$"
)


def time_of(text: str) -> str | None:
    found = _TIME.search(text)
    if not found:
        return None
    hour = int(found["h"])
    if found["part"] in ("下午", "晚上") and hour < 12:
        hour += 12
    minute = int(found["m"] or found["m2"] or 0)
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None


_LIST_MARK = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}|\d{1,2}(?:[.．](?!\d)|[、）)])|[①-⑳])\s*[、.．]?"
)
# 将…/请各单位将…/各单位要把…: what follows is the thing sent
_TAKE = compile_tolerant(
    r"^[，,]?\s*(?:请|务必|须|需)?\s*(?:各[^，,。；将把]{1,14}?(?:要|须|需|务必|应)?)?\s*(?:将|把)"
)


def tidy_what(what: str) -> str:
    what = _LIST_MARK.sub("", what.strip(" ，,、。；;"))
    what = re.sub(r"^的", "", what)
    what = re.sub(r"^(?:前|之前|以前)?[，,]?\s*(?:请|务必|须|需)?\s*(?:将|把)", "", what)
    what = _DESTINATION.sub("", what) if not re.match(r"^(报送|上报)", what) else what
    what = re.sub(tolerant(r"^(?:报送|上报|提交|反馈|发送|报)(?!名)"), "", what)
    # 上报日报表的同时，报送附表: the first thing sent; 报送一次工作进展: how often is not what
    what = re.sub(tolerant(r"(?:的同时|分别|一并|书面)$|^一次"), "", what)
    return _closed(what).strip(" ，,、。；;：:")


def _closed(what: str) -> str:
    """*what* without a bracket it opens and never closes: 进展情况（含纸质 (cut at 传真, a way to send) →
    进展情况; 《周报表 → 周报表 (nothing before the mark: only the mark goes).  A clerk reads a half
    parenthesis as a fault; the part before it is still what is sent."""
    for opening, closing in (("（(", "）)"), ("《", "》")):
        depth, cut = 0, None
        for at, char in enumerate(what):
            if char in opening:
                depth, cut = depth + 1, at if depth == 0 else cut
            elif char in closing and depth:
                depth -= 1
        if depth and cut is not None:  # 《考核表》和《处… cut off: the whole first one, without the 和
            kept = re.sub(r"(?:和|及|与|以及|、|，|,|\s)+$", "", what[:cut])
            what = kept if kept else what[:cut] + what[cut + 1 :]
    return what


def _subject(clause: str) -> str:
    """What comes before 请于/于/在 DATE: the thing to send (without the units told to send it)."""
    clause = re.sub(r"(?:请|务必|须|需|要|应|并)?\s*(?:于|在)?\s*$", "", clause).rstrip(" ，,")
    clause = re.split(r"[，,]", clause)[-1]
    units = r"(?:单位|部门|街道|乡镇|镇|企业|县区|区县|市县)[）)]?"
    clause = re.sub(rf"^.*?{units}(?:要|须|需|应)?", "", clause)
    clause = re.sub(rf"^(?:(?:和|及|与|、)[^，,的]{{0,10}}?{units})+(?:要|须|需|应)?", "", clause)  # 各部门和单位的…
    clause = re.sub(r"^(?:认真|及时|按时)?(?:组织)?(?:汇总)?(?:填写|填报)", "", clause)  # …填写本辖区…调查表，于…前报送
    clause = re.sub(r"(?<=.)经[^，,]{1,30}?后$", "", clause)  # 方案经县长签署印发后，于…前报: the plan
    return tidy_what(clause)


def sentences(notice: NoticeText) -> list[str]:
    return [s for p in notice.paragraphs for s in re.split(r"(?<=[。；;！!])", p) if s.strip()]


_MONTH_END = re.compile(r"(?P<y>\d{4}\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?:底|末|份?最后一天)")
_DAY_LIST = re.compile(
    r"(?P<y>\d{4}\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日(?P<more>(?:\s*[、和及]\s*\d{1,2}\s*日)+)"
)
# 于6月14日前组织…填写《申报表》: something is delivered (a 完成/整改 milestone is not a deadline to track)
_ACTION = compile_tolerant(r"填写|填报|报名|推荐|申报|上传|录入|提交|报送|上报|备案|反馈|汇总|报")


def _spelled_out(sentence: str, year: int | None, issued: date | None = None) -> str:
    """3月底 → 3月31日; 本月底 → the issue month's last day; 6月7日、14日、21日 → 6月7日、6月14日、6月21日."""
    if issued:
        sentence = re.sub(
            r"本月(?:底|末)", f"{issued.year}年{issued.month}月{month_end(issued.year, issued.month).day}日", sentence
        )

    def end_of(m: re.Match) -> str:
        y = int(m["y"].strip(" 年")) if m["y"] else year or 2001
        return f"{m['y'] or ''}{m['m']}月{month_end(y, int(m['m'])).day if 1 <= int(m['m']) <= 12 else 1}日"

    def each_day(m: re.Match) -> str:
        more = re.sub(r"(\d{1,2})\s*日", lambda d: f"{m['m']}月{d[1]}日", m["more"])
        return f"{m['y'] or ''}{m['m']}月{m['d']}日{more}"

    return _DAY_LIST.sub(each_day, _MONTH_END.sub(end_of, sentence))


_CHAINED = re.compile(r"^\s*(?:[（(](?:星期|周)[一二三四五六日天][）)])?\s*[、，,和及与]\s*$")


def _what_after(clause: str) -> str:
    """于6月14日前组织…填写《案例申报表》: what follows the date when nothing is 将…报送."""
    clause = re.split(r"[，,](?:进行|并|确保|同时|逾期)", clause)[0]
    return tidy_what(re.sub(r"^[，,]?\s*(?:请|务必|须|需|要)?\s*(?:组织|完成|做好)?", "", clause))


# 意见反馈截止时间为2024年7月24日 / 报名截止日期：6月5日: the thing and its closing day, no 前
_CLOSING = compile_tolerant(
    r"(?P<what>[^，,。；;：:（(）)]{2,30}?)的?(?:截止|截至)(?:时间|日期)\s*(?:为|是|[:：])?\s*$"
)
_CLOSING_THING = compile_tolerant(SEND + r"|意见|报名|征集|征文|投稿|材料|作品|名单")
# 报名于6月5日17时截止: the day a thing closes, said after it
_CLOSES_AFTER = compile_tolerant(r"^\s*(?:[（(][^（()）]{1,8}[）)])?\s*(?:\d{1,2}\s*[时点])?\s*截止")


_OUTSIDE_BRACKETS = re.compile(r"[（(][^（()）]*[）)]")


def _year_printed(match: re.Match, printed: dict[tuple[int, int], set[int]]) -> int | None:
    """6月18日 with no year, where the notice prints that day with its year elsewhere (截止：2019-06-18)."""
    if match["year"] or match["y2"]:
        return None
    years = printed.get((int(match["month"]), int(match["day"])), set())
    return next(iter(years)) if len(years) == 1 else None


def _one_deadline(
    sentence: str,
    matches: list,
    index: int,
    year: int | None,
    issued: date | None,
    first: int | None = None,
    printed: dict | None = None,
    signed: date | None = None,
) -> dict | None:
    """The deadline at matches[index]; `first` is where a list of dates it ends (6月7日、14日、21日前…) starts.

    `printed` holds the days the notice prints with their year; `signed` is its 成文日期."""
    match = matches[index]
    after_text = sentence[match.end() :]
    before_text = sentence[: match.start() if first is None else first]
    if _NOT_DEADLINE_AFTER.match(after_text) or re.search(r"(至|到|—|-|~|～|[（(])\s*$", before_text):
        return None
    printed_year = _year_printed(match, printed or {})
    when = make_date(printed_year, int(match["month"]), int(match["day"]), None) if printed_year else None
    when = when or date_of(match, year, issued)
    if when is None:
        return None
    stop = matches[index + 1].start() if index + 1 < len(matches) else len(sentence)
    tail = after_text[: stop - match.end()]
    head = DUE_TAIL.match(tail)
    if when == signed and not before_text.strip(" ，,") and not head["before"]:
        return None  # the 成文日期 opening a sentence: the signature (a form's header may follow), not a task
    rest = tail[head.end() :]
    clause = re.split(r"[。；;]", rest)[0]
    local_send = re.search(SEND, re.split(r"[，,]", clause)[0] or "")
    what, guessed = "", False
    closing = _CLOSING.search(before_text)
    if closing and not _CLOSING_THING.search(closing["what"]):
        return None  # 活动截止时间为6月30日: the end of a campaign, not a thing to send
    if closing:
        what = re.sub(SEND + "$", "", _subject(closing["what"])) or closing["what"]
    elif _CLOSES_AFTER.match(tail) and re.search(r"于\s*$", before_text):
        what = _subject(before_text)
    elif _TAKE.match(clause):
        what = re.split(SEND + r"(?![名单表])", _TAKE.sub("", clause))[0]
        what = re.split(r"[，,](?=\s*\d{1,2}\s*月)|[，,](?=\s*(?:通过|以|经|按|采用|用))", what)[0]
        what = re.sub(r"经[^，,]{1,30}?后$", "", what)  # 将修改意见经单位主要负责人签字并盖章后，…反馈
        if not re.search(SEND, sentence[match.end() :]):
            return None
    elif to_whom := _TO_WHOM.match(re.split(r"[，,]", clause)[0]):  # 前向市安委办报送《考核表》
        what = re.split(r"[，,]", clause)[0][to_whom.end() :]
        if len(tidy_what(what)) < 2:
            what = _subject(before_text)
    elif local_send and local_send.start() < 4:
        what = re.split(r"[，,]", clause)[0][local_send.end() :]
        if not what.strip() or _ONLY_PLACE.match(what) or _ONLY_BODIES.match(what):
            what = _subject(before_text)
    elif re.search(SEND, clause[:12]):
        what = _subject(before_text)
    elif head["before"] and re.search(r"于\s*$", before_text) and _ACTION.search(re.split(r"[，,]", clause)[0]):
        what, guessed = _what_after(clause), True
    what = tidy_what(re.split(r"[，,](?:并|同时|逾期|如)", what)[0])
    if not what or len(what) < 2 or re.search(r"^(的|和)", what) or re.search("[:：]", _OUTSIDE_BRACKETS.sub("", what)):
        return None  # a label's colon outside brackets (填报区县：填报时间：): a form's header, not a thing sent
    if what[0] == "各" and not _SENT_THING.search(what):
        return None
    item = {"date": when.isoformat(), "what": what}
    hour = time_of(tail[: head.end()])
    if hour:
        item["time"] = hour
    if guessed:
        item["unsure"] = "报送内容由句意推断，请核对"
    return item


# 于6512:00前: 6月5日12:00 whose 月 and 日 were lost with their HTML spans
_LOST_MARKS = re.compile(r"(?<=于)\s*(?P<digits>\d{3,6})\s*[:：]\s*(?P<minute>\d{2})(?=\s*(?:前|之前|以前))")


def _day_and_hour(digits: str) -> list[tuple[int, int, int]]:
    """Every (month, day, hour) the digits before a time's colon can be: 6512 → 6月5日12时 only."""
    out = []
    for hour_digits in (1, 2):
        rest, hour = digits[:-hour_digits], int(digits[-hour_digits:])
        for cut in (1, 2):
            month, day = rest[:cut], rest[cut:]
            if hour <= 23 and 1 <= len(day) <= 2 and month[0] != "0" and day[0] != "0":
                if make_date(2000, int(month), int(day), None):
                    out.append((int(month), int(day), hour))
    return out


def _lost_marks(sentence: str) -> tuple[str, str | None]:
    """The sentence with a date and hour that lost their marks written out, where one reading is possible."""
    found = _LOST_MARKS.search(sentence)
    readings = _day_and_hour(found["digits"]) if found else []
    if len(readings) != 1:
        return sentence, None
    (month, day, hour), minute = readings[0], found["minute"]
    written = f"{month}月{day}日{hour}:{minute}"
    note = f"日期印刷不全（{found[0].strip()}），读作{written}，请核对"
    return sentence[: found.start()] + written + sentence[found.end() :], note


def _days_printed(notice: NoticeText) -> dict[tuple[int, int], set[int]]:
    """(month, day) → the years the notice prints that day with, on any line (its page's 截止 field too)."""
    printed: dict[tuple[int, int], set[int]] = {}
    for line in notice.lines:
        for m in DATE.finditer(line):
            if m["year"] or m["y2"]:
                when = date_of(m, None)
                if when:
                    printed.setdefault((when.month, when.day), set()).add(when.year)
    return printed


def deadlines(notice: NoticeText, year: int | None, issued: date | None = None) -> list[dict]:
    """One-off deadlines: 于5月21日将联络员名单…报, 5月30日（星期一）前报送…, 材料请于6月5日前报送…

    A date before the notice was issued is history (a plan's yearly task), not a deadline of this notice.
    Dates listed together (分别于6月7日、14日、21日前报送) share what follows the last of them.
    """
    after = issued or (date(year, 1, 1) if year else None)
    printed = _days_printed(notice)
    found: list[dict] = []
    for sentence in sentences(notice):
        if re.search(tolerant(r"每(?:周|星期|月|日|天|季度|半年)"), sentence) and not re.search(
            r"\d\s*月\s*\d", sentence
        ):
            continue
        if not re.search(SEND, sentence):
            continue
        sentence, repaired = _lost_marks(_spelled_out(sentence, year, issued))
        matches = list(DATE.finditer(sentence))
        chain: list[re.Match] = []
        for index, match in enumerate(matches):
            following = matches[index + 1] if index + 1 < len(matches) else None
            if following and _CHAINED.match(sentence[match.end() : following.start()]):
                chain.append(match)
                continue
            first = chain[0].start() if chain else None
            item = _one_deadline(sentence, matches, index, year, after, first, printed, issued)
            if item and repaired:
                item["unsure"] = repaired
            if item:
                for earlier in chain:
                    when = date_of(earlier, year, after)
                    if when:
                        found.append({**item, "date": when.isoformat()})
                found.append(item)
            chain = []
    if issued:
        found = [item for item in found if item["date"] >= issued.isoformat()]
    seen, unique = set(), []
    for item in found:
        if (item["date"], item["what"]) not in seen:
            seen.add((item["date"], item["what"]))
            unique.append(item)
    return unique
