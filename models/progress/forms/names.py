"""Matching the column titles of a form to the campaign's indicators, without guessing (unit names are matched
by models/campaigns/unit_names.py).  A title matches its indicator however it writes the measure: （人次）,
[人次], on a line of its own, in a units row, or run on ("参与群众人次"), as long as the measures agree."""

from __future__ import annotations

import re

from models.progress.values import fold

_PUNCTUATION = re.compile(r"[“”\"'‘’《》「」『』·•,，、:：;；.。!！?？\-—_/\\]")


def header_key(text) -> str:
    """A column title for matching: no spaces, no width differences, no quotes or punctuation."""
    return _PUNCTUATION.sub("", fold(text))


def _bare(label, measure) -> tuple[str, str]:
    """(the label's key without its measure, the measure's key): "参与群众[人次]" → ("参与群众", "人次")."""
    from models.progress.forms.header_words import split_measure

    text, found = split_measure(label or "")
    key, unit = header_key(text), header_key(found or measure or "")
    if unit and key.endswith(unit) and len(key) > len(unit):
        key = key[: -len(unit)]
    return key, unit


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
    _match_measure_free(columns, indicators, matched, take)
    return dict(sorted(matched.items()))


def _match_measure_free(columns, indicators: list[dict], matched: dict, take) -> None:
    """The columns left: the label without its measure, the measures alike (or one unknown); by group and label,
    then the label alone; only where exactly one indicator fits."""
    bare = {ind["id"]: _bare(ind["label"], ind.get("measure")) for ind in indicators}
    for with_group in (True, False):
        for column in columns:
            if column.col in matched:
                continue
            key, unit = _bare(column.label, column.measure)
            run_on = header_key(column.label)  # "投入资金万元": the indicator's measure written on
            fits = [
                ind["id"]
                for ind in indicators
                if (not with_group or header_key(ind["group_label"]) == header_key(column.group))
                and (
                    (bare[ind["id"]][0] == key and (not unit or not bare[ind["id"]][1] or unit == bare[ind["id"]][1]))
                    or (bare[ind["id"]][1] and run_on == bare[ind["id"]][0] + bare[ind["id"]][1])
                )
            ]
            if len(fits) == 1:
                take(column, fits[0])
