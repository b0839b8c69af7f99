"""Matching a unit name written on a form to the campaign's units, without guessing.

城关镇 = 城关镇人民政府 = 城关镇政府; spaces, line breaks and full-width characters do not count; a short form
matches the one unit whose name holds its characters in order with the same first and last character
(县市场监管局 → 县市场监督管理局); the office's own region written before a unit named by its level word
matches it (青岚县应急管理局 → 县应急管理局, when the region is 青岚县).  Anything that could mean two units
means none; a longer name (城关镇农技站) never matches the unit it starts with.
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


_REGION = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:自治县|自治旗|县|区|市|旗)")
_OFFICE_TAILS = ("安全生产委员会办公室", "安全生产委员会", "安委会办公室", "安委会", "安委办", "应急管理局", "人民政府")


def region_prefixes(office_names, unit_names) -> list[str]:
    """The region names a unit of this directory may be written with (青岚县): read off the office's name
    (青岚县安委会办公室, 岚州市青岚县安委办 → 青岚县), else the one "<place>县/区/市" that begins two or
    more of the directory's names (青岚县燃气有限公司, 青岚县公共交通有限公司) and no other."""
    found = []
    for name in office_names:
        core = fold(name)
        for tail in _OFFICE_TAILS:
            core = core.split(tail)[0]
        parts = _REGION.findall(core)
        if parts and "".join(parts) == core:
            found.append(parts[-1])
    if found:
        return list(dict.fromkeys(found))
    counts: dict[str, int] = {}
    for name in unit_names:
        key = fold(name)
        match = re.match(r"[\u4e00-\u9fff]{2,4}?(?:县|区|市|旗)", key)
        if match and len(key) > match.end():
            counts[match.group()] = counts.get(match.group(), 0) + 1
    common = [prefix for prefix, count in counts.items() if count >= 2]
    return common if len(common) == 1 else []


def find_unit(text, units_by_name: dict[str, dict], regions=()) -> dict | None:
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
    for region in regions:  # 青岚县应急管理局 on 青岚县's own list: 县应急管理局
        level = region[-1]
        if key.startswith(region) and len(key) > len(region) + 1:
            found = find_unit(level + key[len(region) :], units_by_name)
            if found is not None and fold(found["name"]).startswith(level):
                return found
    return None
