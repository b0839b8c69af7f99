"""Chinese text rules for documents: 8,420人次, 2021年7月3日; folding text for matching names and labels."""

from __future__ import annotations

import re
import unicodedata
from datetime import date

# Measures a unit may write after a number ("15场", "300人次"); the indicator's own measure always counts.
MEASURE_WORDS = (
    "场次",
    "人次",
    "条次",
    "家次",
    "台次",
    "辆次",
    "户次",
    "班次",
    "期次",
    "车次",
    "架次",
    "艘次",
    "批次",
    "场",
    "次",
    "人",
    "份",
    "条",
    "处",
    "篇",
    "个",
    "项",
    "起",
    "张",
    "幅",
    "期",
    "户",
    "家",
    "台",
    "辆",
    "块",
    "件",
    "册",
    "套",
    "艘",
    "栋",
    "万元",
    "元",
    "千元",
    "亿元",
    "小时",
    "公里",
    "千米",
    "吨",
    "平方米",
    "处次",
    "课时",
    "学时",
)

NUMERALS = "〇一二三四五六七八九十"


def number(value) -> str:
    """Whole numbers with thousands separators (8,420); decimals without trailing zeros."""
    if value is None:
        return "—"
    if type(value) is int:
        return f"{value:,}"
    as_float = float(value)
    if as_float.is_integer():
        return f"{int(as_float):,}"
    return f"{as_float:,.2f}".rstrip("0").rstrip(".")


def cn_date(value: str | date | None) -> str:
    """ISO date → 2021年7月3日 (no leading zeros, as GB/T 9704 asks)."""
    if not value:
        return ""
    day = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return f"{day.year}年{day.month}月{day.day}日"


def month_day(value: str | date) -> str:
    day = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return f"{day.month}月{day.day}日"


def ordinal(n: int) -> str:
    """1 → 一, 12 → 十二 (heading numbers 一、二、…)."""
    if n <= 10:
        return NUMERALS[n]
    if n < 20:
        return "十" + (NUMERALS[n - 10] if n > 10 else "")
    tens, ones = divmod(n, 10)
    return NUMERALS[tens] + "十" + (NUMERALS[ones] if ones else "")


def percent(ratio: float) -> str:
    return f"{ratio * 100:.1f}%".replace(".0%", "%")


def fold(text) -> str:
    """Trim and fold full-width to half-width, drop inner spaces (for matching names and labels)."""
    if text is None:
        return ""
    folded = unicodedata.normalize("NFKC", str(text))
    return re.sub(r"\s+", "", folded)
