"""Rules for dates: single dates with or without year, the campaign period, the date of issue."""

from __future__ import annotations

import re
from datetime import date, timedelta

from models.notices.rules.text import DATE_LINE, NoticeText

# 2021年5月17日 / 5月17日 / 5月17号 / 2021.5.17 / 2021-05-17 / 2021/5/17
DATE = re.compile(
    r"(?:(?P<year>\d{4})\s*年\s*)?(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*[日号]"
    r"|(?P<y2>\d{4})[.\-/](?P<m2>\d{1,2})[.\-/](?P<d2>\d{1,2})(?!\d)"
)
WEEKDAY_NOTE = re.compile(r"^\s*[（(](?:星期|周|礼拜)[一二三四五六日天七][）)]")
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


def date_of(match: re.Match, notice_year: int | None, after: date | None = None) -> date | None:
    """The date a DATE match names; a date without year takes the notice's year (next year if it wrapped)."""
    if match["y2"]:
        return make_date(int(match["y2"]), int(match["m2"]), int(match["d2"]), None)
    explicit = int(match["year"]) if match["year"] else None
    found = make_date(explicit, int(match["month"]), int(match["day"]), notice_year)
    if found and not explicit and after and found < after - timedelta(days=90):
        found = make_date(found.year + 1, found.month, found.day, None)
    return found


def find_dates(text: str, notice_year: int | None) -> list[tuple[re.Match, date | None]]:
    return [(m, date_of(m, notice_year)) for m in DATE.finditer(text)]


def issue_date(notice: NoticeText) -> date | None:
    """成文日期: the first line that holds only a full date (after the heading)."""
    for line in notice.lines[1:]:
        if DATE_LINE.match(line):
            found = DATE.search(line)
            return date_of(found, None) if found else None
    return None


_RANGE = re.compile(
    r"(?P<start>(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*[日号]?)"
    + RANGE_SEP
    + r"(?P<end>(?:\d{4}\s*年\s*)?(?:\d{1,2}\s*月\s*)?\d{1,2}\s*[日号])"
)
_PERIOD_WORDS = re.compile(r"活动时间|时间为|期间|开展|举行|举办|为期|持续")


def _range_dates(match: re.Match, notice_year: int | None) -> tuple[date | None, date | None]:
    start_text = match["start"] if re.search(r"[日号]$", match["start"]) else match["start"] + "日"
    start_match = DATE.search(start_text)
    start = date_of(start_match, notice_year) if start_match else None
    end_match = DATE.search(match["end"])
    if end_match:
        end = date_of(end_match, start.year if start else notice_year)
    elif start:
        day = _DAY_ONLY.search(match["end"])
        end = make_date(start.year, start.month, int(day["day"]), None) if day else None
    else:
        end = None
    if start and end and end < start:
        return None, None
    return start, end


def period(notice: NoticeText, notice_year: int | None) -> tuple[date | None, date | None]:
    """活动时间: the first date range in a sentence about when the activity runs."""
    candidates = []
    for index, paragraph in enumerate(notice.paragraphs):
        heading = index and re.search(r"时间", notice.paragraphs[index - 1]) and len(notice.paragraphs[index - 1]) < 16
        for sentence in re.split(r"[。；;]", paragraph):
            match = _RANGE.search(sentence)
            if not match or re.search(r"报送|上报|前将", sentence[: match.start()][-6:]):
                continue
            if heading or _PERIOD_WORDS.search(sentence):
                rank = 0 if (heading or "活动时间" in sentence or "时间为" in sentence) else 1
                candidates.append((rank, index, match))
    for _rank, _index, match in sorted(candidates, key=lambda c: (c[0], c[1])):
        start, end = _range_dates(match, notice_year)
        if start and end:
            return start, end
    return None, None
