"""Rules for what units must send: one-off deadlines and recurring reports."""

from __future__ import annotations

import re
from datetime import date

from models.notices.rules.dates import DATE, RANGE_SEP, date_of, make_date, month_end
from models.notices.rules.layout import NoticeText
from models.notices.rules.script import compile_tolerant, simplified, tolerant

SEND = tolerant(r"(报送|上报|报至|报给|报|送至|送达|送|发送|发至|提交|交至|反馈|传真|上传|提供|汇总|填报|申报|备案)")
# the date's own tail: (星期二) or (正月初六), an hour (上午12点, 17:00) or only the part of the day (上午下班前), 前
_BEFORE = re.compile(
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
_PLACES = r"(?:安委办|应急管理局|应急局|办公室|邮箱|端口|安委会)"
_ONLY_PLACE = re.compile(r"^(?:至|到|给)?[^，,]{0,12}" + _PLACES + r"[^，,]{0,16}$")
# 分别报省公路运输管理局和省航务管理局: bodies (an office, joined by 和/及/、), not a thing sent
_ONLY_BODIES = compile_tolerant(
    r"^(?:至|到|给)?(?:[省市县区镇委][^，,、和及与]{1,20}?(?:局|厅|办|委|室|科|中心|处|站|队)[、和及与]?){1,4}$"
)
# 各分中心、办事处值班表: a thing sent may open with the units it is asked of, when it ends with what they send
_SENT_THING = compile_tolerant(
    r"(?:表|名单|情况|材料|方案|总结|报告|意见|信息|图片|照片|清单|台账)(?:[（(][^）)]*[）)])?$"
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
    r"^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}|\d{1,2}[.．])\s*[、.．]?"
)
# 将…/请各单位将…/各单位要把…: what follows is the thing sent
_TAKE = compile_tolerant(
    r"^[，,]?\s*(?:请|务必|须|需)?\s*(?:各[^，,。；将把]{1,14}?(?:要|须|需|务必|应)?)?\s*(?:将|把)"
)


def _tidy(what: str) -> str:
    what = _LIST_MARK.sub("", what.strip(" ，,、。；;"))
    what = re.sub(r"^的", "", what)
    what = re.sub(r"^(?:前|之前|以前)?[，,]?\s*(?:请|务必|须|需)?\s*(?:将|把)", "", what)
    what = _DESTINATION.sub("", what) if not re.match(r"^(报送|上报)", what) else what
    what = re.sub(tolerant(r"^(?:报送|上报|提交|反馈|发送|报)(?!名)"), "", what)
    what = re.sub(tolerant(r"(?:的同时|分别|一并|书面)$"), "", what)  # 上报日报表的同时，报送附表: the first thing sent
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
        if depth and cut is not None:
            what = what[:cut] if what[:cut].strip(" ，,、") else what[:cut] + what[cut + 1 :]
    return what


def _subject(clause: str) -> str:
    """What comes before 请于/于/在 DATE: the thing to send (without the units told to send it)."""
    clause = re.sub(r"(?:请|务必|须|需|要|应|并)?\s*(?:于|在)?\s*$", "", clause).rstrip(" ，,")
    clause = re.split(r"[，,]", clause)[-1]
    units = r"(?:单位|部门|街道|乡镇|镇|企业|县区|区县|市县)[）)]?"
    clause = re.sub(rf"^.*?{units}(?:要|须|需|应)?", "", clause)
    clause = re.sub(rf"^(?:(?:和|及|与|、)[^，,的]{{0,10}}?{units})+(?:要|须|需|应)?", "", clause)  # 各部门和单位的…
    clause = re.sub(r"^(?:认真|及时|按时)?(?:组织)?(?:汇总)?(?:填写|填报)", "", clause)  # …填写本辖区…调查表，于…前报送
    return _tidy(clause)


def _sentences(notice: NoticeText) -> list[str]:
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
    return _tidy(re.sub(r"^[，,]?\s*(?:请|务必|须|需|要)?\s*(?:组织|完成|做好)?", "", clause))


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
    head = _BEFORE.match(tail)
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
    elif local_send and local_send.start() < 4:
        what = re.split(r"[，,]", clause)[0][local_send.end() :]
        if not what.strip() or _ONLY_PLACE.match(what) or _ONLY_BODIES.match(what):
            what = _subject(before_text)
    elif re.search(SEND, clause[:12]):
        what = _subject(before_text)
    elif head["before"] and re.search(r"于\s*$", before_text) and _ACTION.search(re.split(r"[，,]", clause)[0]):
        what, guessed = _what_after(clause), True
    what = _tidy(re.split(r"[，,](?:并|同时|逾期|如)", what)[0])
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
    for sentence in _sentences(notice):
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


def weekly_lists(items: list[dict]) -> tuple[list[dict], list[dict]]:
    """分别于6月7日、14日、21日、28日前报送: three or more dates a week apart for one thing are a weekly report."""
    by_what: dict[str, list[dict]] = {}
    for item in items:
        by_what.setdefault(item["what"], []).append(item)
    kept, weekly = [], []
    for what, group in by_what.items():
        days = sorted(date.fromisoformat(i["date"]) for i in group)
        if len(days) >= 3 and all((b - a).days == 7 for a, b in zip(days, days[1:])):
            weekly.append(
                {
                    "rule": f"weekly:{_DAY_NAMES[days[0].isoweekday() - 1]}",
                    "weekday": days[0].isoweekday(),
                    "day_of_month": None,
                    "time": group[0].get("time"),
                    "what": what,
                    "from": days[0].isoformat(),
                    "until": days[-1].isoformat(),
                    "unsure": "由所列日期推断为每周报送，请核对",
                }
            )
        else:
            kept += group
    return kept, weekly


_DAY_NAMES = ("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN")


_WEEKDAYS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7, "七": 7}
_RECURRING = compile_tolerant(
    r"每(?:周|星期|个星期)(?:的)?\s*(?:星期|周)?(?P<weekday>[一二三四五六日天七])(?![次遍期批个])"
    r"|每(?:个)?月(?:的)?\s*(?P<days>\d{1,2}\s*[日号](?:\s*[、和及,，]\s*\d{1,2}\s*[日号]?(?=\s*[、和及,，前]))*)"
    r"|每(?:个)?月(?P<end>底|末|最后一天)"
    r"|每(?:日|天)(?P<daily>)"
    r"|每(?:隔)?(?P<ndays>[两二三四五六七八九十\d]{1,3})个?(?:天|日)(?![内以])"
    r"|每(?:个)?(?P<quarter>季度)"
    r"|每(?P<half>半年)"
    r"|每(?:一)?年(?:的)?\s*(?P<ymonth>\d{1,2})\s*月\s*(?P<yday>\d{1,2})\s*[日号]"
)
_RANGES = re.compile(
    r"(?:(?P<y>\d{4})\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日?"
    + RANGE_SEP
    + r"(?:(?P<m2>\d{1,2})\s*月\s*)?(?P<d2>\d{1,2})\s*日"
)
_ZERO_REPORT = compile_tolerant(r"[“\"]?(?:零报告|日报告|日报)[”\"]?(?:和[“\"]?(?:零报告|日报告)[”\"]?)?制度")


def _ranges(text: str, year: int | None) -> list[tuple[str, str]]:
    out = []
    for m in _RANGES.finditer(text):
        start = make_date(int(m["y"]) if m["y"] else None, int(m["m"]), int(m["d"]), year)
        end = make_date(start.year, int(m["m2"] or m["m"]), int(m["d2"]), None) if start else None
        if start and end and end >= start:
            out.append((start.isoformat(), end.isoformat()))
    return out


def _rule(match: re.Match, day: int | None, hour: str | None) -> tuple[str, int | None, int | None]:
    if match["weekday"]:
        weekday = _WEEKDAYS[match["weekday"]]
        return f"weekly:{_DAY_NAMES[weekday - 1]}{' ' + hour if hour else ''}", weekday, None
    if day:
        return f"monthly:{day}", None, day
    if match["daily"] is not None or (match["ndays"] and _count(match["ndays"]) == 1):
        return f"daily{' ' + hour if hour else ''}", None, None
    if match["ndays"]:  # 每五天…报: every N days
        return f"days:{_count(match['ndays'])}{' ' + hour if hour else ''}", None, None
    if match["ymonth"]:  # 每年1月15日前报送上年情况
        return f"yearly:{int(match['ymonth'])}-{int(match['yday'])}", None, None
    return ("quarterly" if match["quarter"] else "semiannual"), None, None


def _count(text: str) -> int:
    """5, 五, 十, 两: a small count written either way."""
    if text.isdigit():
        return int(text)
    digits = "一二三四五六七八九"
    tens, _, ones = text.replace("两", "二").partition("十")
    if "十" not in text:
        return digits.index(tens) + 1
    return (digits.index(tens) + 1 if tens else 1) * 10 + (digits.index(ones) + 1 if ones else 0)


# 每天…报省局，省局汇总后于当天下午5点30分前报省厅: the next step of a daily report, daily too, at its own hour
_SAME_DAY = compile_tolerant(
    r"[，,]\s*(?P<who>[^，,。；;]{0,30}?)(?:于|在)?\s*(?:当天|当日)\s*(?P<time>(?:上午|下午|中午|晚上)?\s*\d{1,2}\s*"
    r"(?:[:：]\s*\d{2}|[时点](?:\d{1,2}分?)?))\s*(?:前|之前)\s*" + SEND
)


def _same_day_steps(window: str) -> list[dict]:
    """The later steps of a daily report in its sentence (当天下午5点30分前报省厅), each daily at its hour."""
    steps = []
    for step in _SAME_DAY.finditer(window):
        hour = time_of(step["time"])
        who = _tidy(re.sub(tolerant(r"汇总后$"), "汇总", step["who"]))
        if hour and who:
            steps.append(
                {
                    "rule": f"daily {hour}",
                    "weekday": None,
                    "day_of_month": None,
                    "time": hour,
                    "what": who,
                    "unsure": "由“当天…前报”推断为每日报送，请核对",
                }
            )
    return steps


_MANNER = re.compile(r"^\s*(?:以|通过|按|用|采取|采用)[^，,。；;将把]{1,15}?(?=将|把)")


def _what(clause: str, following: str) -> str:
    """What is sent: 将X报…, 报送X, or (每日下午15时前，向值班室传报X) the clause after the time."""
    clause = re.sub(r"^\s*[）)]\s*(?:前|之前|以前)?", "", clause)  # 每周五）前报送… inside a parenthesis
    if not clause.strip(" ，,"):
        clause = re.split(r"[。；;，,]", following.lstrip("，, "))[0]
    clause = _MANNER.sub("", clause)  # 以纸质和电子文档将上年情况报送…: how it is sent is not what is sent
    take = tolerant(r"^\s*(?:要|须|需|请|应)?\s*(?:将|把)")
    if re.match(take, clause):
        return _tidy(re.split(SEND + r"(?![名单表])", re.sub(take, "", clause))[0])
    return _tidy(re.sub(r"^(?:向[^，,]{1,20}?(?:书面|电话)?(?:传报|报送|报告|上报|报))", "", clause))


_DAILY_CLAUSE = compile_tolerant(r"^\s*(?:上午|下午|中午|晚上|\d|将|把|向|报|上报|报送|汇总)")


_SECTION = re.compile(r"^(?:[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}\s*、)")
_OPEN_END = re.compile(r"(?:(?P<y>\d{4})\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*(?:起|开始|至(?!\s*\d))")


def _since(text: str, year: int | None) -> list[tuple[str | None, str | None]]:
    """从2月3日起，每天… / 3月3日至两会结束: a report that starts on a day and runs on (no end printed)."""
    found = _OPEN_END.search(simplified(text))
    if not found:
        return []
    start = make_date(int(found["y"]) if found["y"] else None, int(found["m"]), int(found["d"]), year)
    return [(start.isoformat(), None)] if start else []


def _sentences_in_sections(notice: NoticeText, year: int | None) -> list[tuple[str, tuple]]:
    """Each sentence with the span its section's short heading prints: （一）春运周报告（1月23日至3月1日）."""
    out, span = [], (None, None)
    for paragraph in notice.paragraphs:
        if _SECTION.match(paragraph):
            heading = len(paragraph) <= 40 and not re.search("[。；;]", paragraph)
            spans = (_ranges(paragraph, year) or _since(paragraph, year)) if heading else []
            span = spans[0] if spans else (None, None)
        out += [(s, span) for s in re.split(r"(?<=[。；;！!])", paragraph) if s.strip()]
    return out


def recurring(notice: NoticeText, year: int | None = None) -> list[dict]:
    """Recurring reports: 每周一汇总上报上一周…, 每周四12:00前报送…, 每月15日、30日前报送…, 每日下午15时前…,
    每季度报送一次…, and a 零报告 regime (daily) with the dates it runs."""
    found: list[dict] = []
    for sentence, section in _sentences_in_sections(notice, year):
        for match in _RECURRING.finditer(sentence):
            rest_of_sentence = sentence[match.end() :]
            window = re.sub(r"^\s*[（(][^）)]{0,60}[）)]", "", rest_of_sentence)
            if not re.search(SEND, window[:80]):
                continue
            if (match["quarter"] or match["half"]) and not re.match(r"^[^，,。；;]{0,4}" + SEND, window):
                continue
            clause = re.split(r"[，,。；;]", window)[0]
            if match["daily"] is not None and not _DAILY_CLAUSE.match(clause):
                continue
            clause = re.sub(r"^\s*的", "", clause)  # 每十天的下午4点前
            head = _BEFORE.match(clause)
            hour = time_of(clause[: head.end()])
            what = _what(clause[head.end() :], window[len(clause) :])
            if match["quarter"] or match["half"]:
                what = _tidy(re.sub(r"^[^，,。；;]{0,4}?" + SEND + r"(?:一次)?", "", clause)) or what
            what = re.sub(r"(?<=[况表料])后$", "", what)  # 汇总五天的情况后，当天…报
            if not what:
                continue
            days = [int(d) for d in re.findall(r"\d{1,2}", match["days"] or "")] or [31 if match["end"] else None]
            before = sentence[: match.start()]
            spans = (
                _ranges(rest_of_sentence[: len(rest_of_sentence) - len(window)], year)
                # （一）春运周报告（1月23日至3月1日）每周三… / 6月1日至30日期间，每周五…: the span before it
                or _ranges(before, year)
                or _since(before, year)
                or [section]
            )
            for day in days:
                for since, until in spans:
                    rule, weekday, day_of_month = _rule(match, day, hour)
                    item = {"rule": rule, "weekday": weekday, "day_of_month": day_of_month, "time": hour, "what": what}
                    if since:
                        item.update({"from": since, "until": until})
                    found.append(item)
            if rule.startswith("daily"):
                since, until = spans[0]
                steps = [step for step in _same_day_steps(window) if step["time"] != hour]
                found += [{**step, "from": since, "until": until} if since else step for step in steps]
    if not any(item["rule"].startswith("daily") for item in found):
        found += _zero_reports(notice, year)
    return found


def _zero_reports(notice: NoticeText, year: int | None) -> list[dict]:
    """从9月10日至10月15日实行…“零报告”制度: a daily report (nothing to report is reported too)."""
    for sentence in _sentences(notice):
        found = _ZERO_REPORT.search(sentence)
        if found and not re.search(tolerant(r"每(?:周|星期|月|季度|半年)"), sentence):
            spans = _ranges(sentence, year) or [(None, None)]
            what = re.sub(r"^.*?(?:实行|采取|执行|落实)+", "", sentence[: found.end()]).strip(" ，,")
            out = []
            for since, until in spans:
                item = {
                    "rule": "daily",
                    "weekday": None,
                    "day_of_month": None,
                    "time": None,
                    "what": what,
                    "unsure": "由“零报告”制度推断为每日报送，请核对",
                }
                if since:
                    item.update({"from": since, "until": until})
                out.append(item)
            return out
    return []
