"""Matching a unit name written on a form to the campaign's units, without guessing.

城关镇 = 城关镇人民政府 = 城关镇政府; spaces, line breaks and full-width characters do not count; a short form
matches the one unit whose name holds its characters in order with the same first and last character
(县市场监管局 → 县市场监督管理局).  Anything that could mean two units means none; a longer name
(城关镇农技站) never matches the unit it starts with.
"""

from __future__ import annotations

import re

from models.documents.cn_text import fold

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
