"""How table cells sort: numbers by value (1,234 / 85% / 12.5), text in Chinese (pinyin) order, empty cells last."""

from __future__ import annotations

import functools
import re

from PySide6.QtCore import QCollator, QLocale, QSortFilterProxyModel, Qt

_NUMBER = re.compile(r"^\s*(-?[\d,]*\.?\d+)\s*%?\s*$")
_collator: QCollator | None = None


def _collate(a: str, b: str) -> int:
    global _collator
    if _collator is None:
        _collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
        _collator.setNumericMode(True)
    return _collator.compare(a, b)


def _number(text: str) -> float | None:
    match = _NUMBER.match(text)
    if not match:
        return None
    try:
        return float(match.group(1).replace(",", ""))
    except ValueError:
        return None


def compare(a, b) -> int:
    """-1, 0 or 1: numbers before text, each in its order; empty cells after both."""
    a, b = "" if a is None else str(a), "" if b is None else str(b)
    if not a or not b:
        return (not a) - (not b)
    x, y = _number(a), _number(b)
    if x is not None and y is not None:
        return (x > y) - (x < y)
    if (x is None) != (y is None):
        return -1 if x is not None else 1
    return _collate(a, b)


sort_key = functools.cmp_to_key(compare)


class SortProxy(QSortFilterProxyModel):
    """A filtering proxy whose header clicks sort as :func:`compare` does (not "10" before "9")."""

    def lessThan(self, left, right) -> bool:  # noqa: N802 - Qt override
        role = Qt.ItemDataRole.DisplayRole
        return compare(left.data(role), right.data(role)) < 0
