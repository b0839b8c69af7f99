"""Rules for what units must send: one-off deadlines and recurring reports."""

from __future__ import annotations

import re
from datetime import date

from models.notices.rules.dates import DATE, date_of
from models.notices.rules.text import NoticeText

SEND = r"(报送|上报|报至|报给|报|送至|送达|送|发送|发至|提交|交至|反馈|传真|上传|提供|汇总)"
_BEFORE = re.compile(
    r"^\s*(?:[（(](?:星期|周|礼拜)[一二三四五六日天七][）)])?\s*"
    r"(?:(?:上午|下午|中午|晚上)?\s*\d{1,2}\s*(?:[:：]\s*\d{2}|[时点](?:\d{1,2}分?)?))?\s*"
    r"(?P<before>前|之前|以前|止|下班前)?"
)
_TIME = re.compile(
    r"(?P<part>上午|下午|中午|晚上)?\s*(?P<h>\d{1,2})\s*(?:[:：]\s*(?P<m>\d{2})|[时点](?:(?P<m2>\d{1,2})分?)?)"
)
_NOT_DEADLINE_AFTER = re.compile(r"^\s*(?:[（(][^）)]*[）)])?\s*(当天|当日|前后|期间|起|开始|以来|至|到|—|-|~|～)")
_PLACES = r"(?:安委办|应急管理局|应急局|办公室|邮箱|端口|安委会)"
_ONLY_PLACE = re.compile(r"^(?:至|到|给)?[^，,]{0,12}" + _PLACES + r"[^，,]{0,16}$")
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


def _tidy(what: str) -> str:
    what = what.strip(" ，,、。；;")
    what = re.sub(r"^(?:前|之前|以前)?[，,]?\s*(?:请|务必|须|需)?\s*(?:将|把)", "", what)
    what = _DESTINATION.sub("", what) if not re.match(r"^(报送|上报)", what) else what
    what = re.sub(r"^(?:报送|上报|提交|反馈|发送|报)(?!名)", "", what)
    return what.strip(" ，,、。；;：:")


def _subject(clause: str) -> str:
    """What comes before 请于/于/在 DATE: the thing to send (without the units told to send it)."""
    clause = re.sub(r"(?:请|务必|须|需|要|应|并)?\s*(?:于|在)?\s*$", "", clause)
    clause = re.split(r"[，,]", clause)[-1]
    clause = re.sub(r"^.*?(?:单位|部门|街道|乡镇|镇|企业|县区|区县)[）)]?(?:要|须|需|应)?", "", clause)
    return _tidy(clause)


def _sentences(notice: NoticeText) -> list[str]:
    return [s for p in notice.paragraphs for s in re.split(r"(?<=[。；;！!])", p) if s.strip()]


def deadlines(notice: NoticeText, year: int | None, issued: date | None = None) -> list[dict]:
    """One-off deadlines: 于5月21日将联络员名单…报, 5月30日（星期一）前报送…, 材料请于6月5日前报送…"""
    found: list[dict] = []
    for sentence in _sentences(notice):
        if re.search(r"每(?:周|星期|月)", sentence) and not re.search(r"\d\s*月\s*\d", sentence):
            continue
        if not re.search(SEND, sentence):
            continue
        matches = list(DATE.finditer(sentence))
        for index, match in enumerate(matches):
            after_text = sentence[match.end() :]
            if _NOT_DEADLINE_AFTER.match(after_text) or re.search(r"(至|到|—|-|~|～)\s*$", sentence[: match.start()]):
                continue
            when = date_of(match, year, issued)
            if when is None:
                continue
            stop = matches[index + 1].start() if index + 1 < len(matches) else len(sentence)
            tail = after_text[: stop - match.end()]
            head = _BEFORE.match(tail)
            rest = tail[head.end() :]
            clause = re.split(r"[。；;]", rest)[0]
            local_send = re.search(SEND, re.split(r"[，,]", clause)[0] or "")
            what = ""
            if re.match(r"^[，,]?\s*(?:请|务必|须|需)?\s*(?:将|把)", clause):
                what = re.split(
                    SEND + r"(?![名单表])", re.sub(r"^[，,]?\s*(?:请|务必|须|需)?\s*(?:将|把)", "", clause)
                )[0]
                what = re.split(r"[，,](?=\s*\d{1,2}\s*月)", what)[0]
                if not re.search(SEND, sentence[match.end() :]):
                    continue
            elif local_send and local_send.start() < 4:
                what = re.split(r"[，,]", clause)[0][local_send.end() :]
                if _ONLY_PLACE.match(what):
                    what = _subject(sentence[: match.start()])
            else:
                what = _subject(sentence[: match.start()]) if re.search(SEND, clause[:12]) else ""
            what = _tidy(re.split(r"[，,](?:并|同时|逾期|如)", what)[0])
            if what and len(what) >= 2 and not re.search(r"^(的|各|和)", what):
                found.append({"date": when.isoformat(), "what": what})
    seen, unique = set(), []
    for item in found:
        if (item["date"], item["what"]) not in seen:
            seen.add((item["date"], item["what"]))
            unique.append(item)
    return unique


_WEEKDAYS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7, "七": 7}
_RECURRING = re.compile(
    r"每(?:周|星期|个星期)(?:的)?\s*(?:星期|周)?(?P<weekday>[一二三四五六日天七])(?![次遍期批个])"
    r"|每(?:个)?月(?:的)?\s*(?P<day>\d{1,2})\s*[日号]"
    r"|每(?:个)?月(?P<end>底|末|最后一天)"
)


def recurring(notice: NoticeText) -> list[dict]:
    """Recurring reports: 每周一汇总上报上一周…, 每周四12:00前报送…, 每月7日前报送…"""
    found: list[dict] = []
    for sentence in _sentences(notice):
        for match in _RECURRING.finditer(sentence):
            clause = re.split(r"[，,。；;]", sentence[match.end() :])[0]
            rest_of_sentence = sentence[match.end() :]
            if not re.search(SEND, rest_of_sentence[:80]):
                continue
            head = _BEFORE.match(clause)
            time_text = clause[: head.end()]
            what = clause[head.end() :]
            if re.match(r"^\s*(?:将|把)", what):
                what = re.split(SEND + r"(?![名单表])", re.sub(r"^\s*(?:将|把)", "", what))[0]
            elif not what.strip(" ，,"):
                what = re.split(r"[。；;]", rest_of_sentence)[0]
                what = _tidy(re.split(r"[，,]", what.lstrip("，, "))[0])
            what = _tidy(what)
            if not what:
                continue
            found.append(
                {
                    "weekday": _WEEKDAYS[match["weekday"]] if match["weekday"] else None,
                    "day_of_month": int(match["day"]) if match["day"] else (31 if match["end"] else None),
                    "time": time_of(time_text),
                    "what": what,
                }
            )
    return found
