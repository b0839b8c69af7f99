"""Runs of text a line must never break inside: people's names (a shipped list of leaders' names and the clerk's
own), 文号 such as 〔2022〕32号, dates, numbers with their units (8,420人次), phone numbers, e-mail addresses and URLs;
in titles also the words of campaign titles (安全生产月, 活动, 通知…), so a title breaks at word ends."""

from __future__ import annotations

import functools
import re

from models.paths import data_path

_DIGIT = r"[0-9０-９]"
_MEASURES = (
    "平方米|公里|小时|分钟|人次|场次|家次|户次|车次|台次|万元|亿元|余人|余次|余场|余份|余家|余处|多人|多次|"
    "人|名|个|份|条|处|家|项|起|场|期|篇|张|套|件|所|辆|台|元|天|周|批|户|栋|座|块|幅|册|本|支|米|吨|次|号|岁|年|月|日|"
    "km|kg|m|t"
)
NUMBER = (
    rf"第?[+-]?{_DIGIT}[0-9０-９,.．]*{_DIGIT}(?:%|‰|％|万|亿)?(?:{_MEASURES})?"
    rf"|第?{_DIGIT}(?:%|‰|％|万|亿)?(?:{_MEASURES})?"
)  # 8,420人次, 95.6%, 第3周
PATTERNS = (
    r"(?:https?://|www\.)[A-Za-z0-9./?=&%#_~:+\-]*[A-Za-z0-9/]",  # URL
    r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+",  # e-mail
    rf"[\u4e00-\u9fff]{{0,4}}[〔\[［【(（]\s*{_DIGIT}{{4}}\s*[〕\]］】)）]\s*第?{_DIGIT}+号",  # 文号
    rf"{_DIGIT}{{4}}年(?:{_DIGIT}{{1,2}}月(?:{_DIGIT}{{1,2}}日)?)?",  # 2021年5月17日, 2023年
    rf"{_DIGIT}{{1,2}}月{_DIGIT}{{1,2}}日",  # 5月21日
    rf"{_DIGIT}{{1,2}}[:：]{_DIGIT}{{2}}(?:前|后)?",  # 12:00前
    r"(?:\+?86[-\s]?)?0\d{2,3}[-—–－]{1,2}\d{7,8}(?:转\d{1,6})?",  # 0874—6172266转8001
    r"1[3-9]\d{9}",  # mobiles
    NUMBER,
)
TITLE_WORDS = (
    "安全生产月",
    "安全生产万里行",
    "专项整治云南行",
    "安全生产",
    "安委会",
    "安委办",
    "办公室",
    "委员会",
    "联络员",
    "统计表",
    "反馈表",
    "进展情况",
    "开展情况",
    "活动",
    "总结",
    "通知",
    "周报",
    "方案",
    "工作",
    "情况",
    "名单",
    "关于",
    "开展",
    "印发",
    "转发",
    "做好",
    "各单位",
)


def shipped_words() -> list[str]:
    """The names shipped in data/protected_words.txt (one a line; # starts a comment)."""
    try:
        text = data_path("protected_words.txt").read_text(encoding="utf-8")
    except OSError:
        return []
    return clean_words(text.splitlines())


def clean_words(words) -> list[str]:
    out: dict[str, None] = {}
    for word in words:
        word = str(word).split("#", 1)[0].strip()
        if 2 <= len(word) <= 30:
            out[word] = None
    return list(out)


class Protection:
    """The protected runs of one document: the fixed patterns and the given names."""

    def __init__(self, words=(), *, title: bool = False):
        self.words = tuple(sorted(set(clean_words(words)) | (set(TITLE_WORDS) if title else set()), key=len))
        self.names = tuple(w for w in self.words if w not in TITLE_WORDS)
        self.title = title
        self.pattern = _compiled(self.words[::-1])

    def for_titles(self) -> Protection:
        return Protection(self.names, title=True)

    def with_words(self, words) -> Protection:
        return Protection((*self.names, *words), title=self.title)

    def runs(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every protected run of *text*."""
        return [m.span() for m in self.pattern.finditer(text) if m.end() - m.start() > 1]


@functools.lru_cache(maxsize=32)
def _compiled(words: tuple[str, ...]) -> re.Pattern:
    names = "|".join(re.escape(w) for w in words)
    return re.compile("|".join(([names] if names else []) + [f"(?:{p})" for p in PATTERNS]))


DEFAULT = Protection(shipped_words())
