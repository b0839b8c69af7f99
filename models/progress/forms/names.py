"""Matching a unit name written on a returned form to the campaign's units, without guessing.

城关镇 = 城关镇人民政府 = 城关镇政府; spaces, line breaks and full-width characters do not count; a short form
matches the one unit whose name holds its characters in order with the same first and last character
(县市场监管局 → 县市场监督管理局).  Anything that could mean two units means none.
"""

from __future__ import annotations

import re

from models.progress.values import fold

_SUFFIX = re.compile(r"(人民政府|政府|办事处|党委|党工委)$")


def normal_name(text) -> str:
    """A unit name without spaces and without the 人民政府/办事处 ending."""
    return _SUFFIX.sub("", fold(text))


def _abbreviates(short: str, full: str) -> bool:
    if len(short) < 3 or len(short) >= len(full) or short[0] != full[0] or short[-1] != full[-1]:
        return False
    position = 0
    for ch in short:
        position = full.find(ch, position)
        if position < 0:
            return False
        position += 1
    return True


def find_unit(text, units_by_name: dict[str, dict]) -> dict | None:
    key = fold(text)
    if not key:
        return None
    if key in units_by_name:
        return units_by_name[key]
    normal = {normal_name(name): unit for name, unit in units_by_name.items()}
    short = normal_name(key)
    if short in normal:
        return normal[short]
    abbreviated = [u for name, u in normal.items() if _abbreviates(short, name)]
    if len({u["id"] for u in abbreviated}) == 1:
        return abbreviated[0]
    return None


_PUNCTUATION = re.compile(r"[“”\"'‘’《》「」『』·•,，、:：;；.。!！?？\-—_/\\]")


def header_key(text) -> str:
    """A column title for matching: no spaces, no width differences, no quotes or punctuation."""
    return _PUNCTUATION.sub("", fold(text))


def match_indicators(columns, indicators: list[dict], mapping: dict | None = None) -> dict[int, str]:
    """Table column → indicator id: the clerk's mapping first, then group and label, then the label alone
    where only one indicator has it; an indicator is used once, nothing is guessed beyond that."""
    known = {i["id"] for i in indicators}
    by_pair, by_label = {}, {}
    for ind in indicators:
        by_pair[(header_key(ind["group_label"]), header_key(ind["label"]))] = ind["id"]
        by_label.setdefault(header_key(ind["label"]), []).append(ind["id"])
    folded_mapping = {fold(text): target for text, target in (mapping or {}).items() if target in known}
    matched, used = {}, set()

    def take(column, found) -> None:
        if found and found not in used and column.col not in matched:
            matched[column.col] = found
            used.add(found)

    for column in columns:
        take(column, folded_mapping.get(fold(column.leaf)) or folded_mapping.get(fold(column.text)))
    for column in columns:
        take(column, by_pair.get((header_key(column.group), header_key(column.label))))
    for column in columns:
        label = header_key(column.label)
        if len(by_label.get(label, [])) == 1:
            take(column, by_label[label][0])
    return dict(sorted(matched.items()))
