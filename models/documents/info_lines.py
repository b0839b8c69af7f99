"""Info lines of a table (填报单位, 日期, 填报人, 电话, 审核人, 统计时段): found in any cell, read, filled."""

from __future__ import annotations

import re


def clean(text) -> str:
    return re.sub(r"\s+", "", str(text)) if text is not None else ""


INFO = {
    "unit": re.compile(r"((填报|报送|填表|考核)单位|^单位(名称)?)[（(]?(盖章|章|公章)?[)）]?[:：]"),
    "date": re.compile(r"((填报|报送|填表|制表)(日期|时间)|^日期)[:：]"),
    "filler": re.compile(r"(填报人|填表人|制表人|经办人)[:：]"),
    "phone": re.compile(r"(联系电话|电话)[:：]"),
    "reviewer": re.compile(r"审核人?[:：]"),
    "leader": re.compile(r"单位负责人[（(]?(签字|签章)?[)）]?[:：]"),
    "period": re.compile(r"统计(时段|周期|时间|期间)[:：]|截至|截止"),
}


def info_kinds(text: str) -> list[str]:
    return [kind for kind, pattern in INFO.items() if pattern.search(clean(text))]


def info_value(text: str, kind: str) -> str:
    """The value written after an info label: "填报单位（盖章）：金沙镇　填报人：…" → "金沙镇"."""
    folded = clean(text)
    match = INFO[kind].search(folded)
    if not match:
        return ""
    rest = folded[match.end() :]
    cut = len(rest)
    for other, pattern in INFO.items():
        found = pattern.search(rest)
        if found and other != kind:
            cut = min(cut, found.start())
    return rest[:cut].strip()


def fill_label(text: str, kind: str, value: str) -> str:
    """The line with *value* written after its *kind* label: "填报单位：　填报人：" → "填报单位：某办　　填报人："."""
    match = INFO[kind].search(text)
    if match is None:
        return text
    rest = text[match.end() :]
    cut = len(rest)
    for other, pattern in INFO.items():
        found = pattern.search(rest)
        if found and other != kind:
            cut = min(cut, found.start())
    tail = rest[cut:]
    spacer = "\u3000\u3000" if tail else ""
    return text[: match.end()] + value + spacer + tail
