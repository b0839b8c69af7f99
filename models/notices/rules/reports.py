"""Rules for recurring reports: 每周一…, 每月15日前…, 每日下午15时前…, 每五天…, a 零报告 regime, and the weekly
reports a list of dates a week apart stands for."""

from __future__ import annotations

import re
from datetime import date

from models.notices.rules.dates import RANGE_SEP, make_date
from models.notices.rules.layout import NoticeText
from models.notices.rules.script import compile_tolerant, simplified, tolerant
from models.notices.rules.tasks import DUE_TAIL, SEND, sentences, tidy_what, time_of


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
    # 在每个法定节假日放假前5天，将…值班安排表报送…: N days before each public holiday
    r"|每(?:个|逢)?(?:法定)?节假日(?:放假)?前\s*(?P<hdays>[两二三四五六七八九十\d]{1,3})\s*(?:天|日)"
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
    if match["hdays"]:  # 节假日放假前5天报送值班安排表
        return f"holidays:-{_count(match['hdays'])}", None, None
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
        who = tidy_what(re.sub(tolerant(r"汇总后$"), "汇总", step["who"]))
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
        return tidy_what(re.split(SEND + r"(?![名单表])", re.sub(take, "", clause))[0])
    return tidy_what(re.sub(r"^(?:向[^，,]{1,20}?(?:书面|电话)?(?:传报|报送|报告|上报|报))", "", clause))


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
            head = DUE_TAIL.match(clause)
            hour = time_of(clause[: head.end()])
            what = _what(clause[head.end() :], window[len(clause) :])
            if match["quarter"] or match["half"]:
                what = tidy_what(re.sub(r"^[^，,。；;]{0,4}?" + SEND + r"(?:一次)?", "", clause)) or what
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
    for sentence in sentences(notice):
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
