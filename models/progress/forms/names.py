"""Matching the column titles of a form to the campaign's indicators, without guessing (unit names are matched
by models/campaigns/unit_names.py)."""

from __future__ import annotations

import re

from models.progress.values import fold

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
