"""Reading a figure typed by the clerk or found in a returned form: numbers, full-width digits, "15场"."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from models.documents.cn_text import MEASURE_WORDS, fold

_MEASURE_WORDS = MEASURE_WORDS
_NUMBER = re.compile(r"^([+-]?\d+(?:\.\d+)?)\s*(\S*)$")


@dataclass(frozen=True)
class Parsed:
    """A cell's value: the number (None for blank), an error, or a note to show."""

    value: int | float | None = None
    error: str | None = None
    note: str | None = None


def _as_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def check_rules(value: int | float, indicator: dict) -> str | None:
    """The per-indicator rule (whole number ≥ minimum); None when the value is fine."""
    minimum = indicator.get("min_value")
    if minimum is not None and value < float(minimum):
        return "不能为负数" if float(minimum) == 0 else f"不能小于 {minimum}"
    if indicator.get("integer_only", 1) and not float(value).is_integer():
        return "须为整数"
    return None


def whole_floor(indicator: dict) -> float:
    """The least whole number :func:`check_rules` takes for *indicator* as it is (-inf without a minimum): the
    import takes a whole-number cell at or above it without :func:`parse_figure`.  A rule added to
    check_rules must be reflected here."""
    minimum = indicator.get("min_value")
    return float(minimum) if minimum is not None else -math.inf


def parse_figure(raw, indicator: dict) -> Parsed:
    """Turn a raw cell value into a figure for *indicator*, or say why not."""
    if raw is None:
        return Parsed()
    if type(raw) is str and len(raw) <= 15 and raw.isascii() and raw.isdigit():  # "120": most pasted cells
        value = int(raw)
        error = check_rules(value, indicator)
        return Parsed(error=f"{error}（{raw}）") if error else Parsed(value=value)
    if isinstance(raw, bool):  # a logical cell: Excel and WPS show TRUE/FALSE
        return Parsed(error=f"不是数字（{'TRUE' if raw else 'FALSE'}，是逻辑值）")
    note = None
    if isinstance(raw, (int, float)):
        value = _as_number(raw)
    else:
        text = fold(raw).replace(",", "")
        if text == "无" or text == "零":
            return Parsed(value=0)
        if re.fullmatch(r"[-/\\—–―－─]*", text):  # blank, /, —, ——, －: not applicable, not an error
            return Parsed()
        if re.search(r"约|余|多|左右|若干|以上|大概|近\d", text):
            return Parsed(error=f"不是准确数字（“{str(raw).strip()}”）：请填写准确的数")
        match = _NUMBER.match(text)
        if not match:
            return Parsed(error=f"不是数字（“{str(raw).strip()}”）")
        number, suffix = match.groups()
        if suffix:
            measure = fold(indicator.get("measure"))
            if suffix != measure and suffix not in _MEASURE_WORDS:
                return Parsed(error=f"不是数字（“{str(raw).strip()}”）")
            note = f"“{str(raw).strip()}”按 {number} 读入"
        value = _as_number(float(number))
    error = check_rules(value, indicator)
    if error:
        return Parsed(error=f"{error}（{raw}）")
    return Parsed(value=value, note=note)
