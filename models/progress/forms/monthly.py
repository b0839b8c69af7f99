"""A monthly table (rows 6月…12月, one unit per sheet: the companion campaign's 月报表): each month's row goes to
that unit's period of the month; months the campaign has no period for, and rows without a month, are named."""

from __future__ import annotations

import re

from models.errors import ImportRejected
from models.progress.values import fold

_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_MONTH = re.compile(r"^(?:\d{4}年)?(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月(?:份)?$")


def month_number(label: str | None) -> int | None:
    """6月, 06月, 2025年6月, 六月份, 十二月 → the month; None for anything else."""
    found = _MONTH.match(fold(label or "").replace(" ", ""))
    if not found:
        return None
    text = found.group(1)
    if text.isdigit():
        return int(text)
    if text.startswith("十"):
        return 10 + (_DIGITS.get(text[1:], 0) if len(text) > 1 else 0)
    return _DIGITS[text]


def month_blocks(reader, unit_in_file_name) -> dict:
    """The blocks of a period_rows form (see reading._FormReader): one per month row that holds figures."""
    model, context, name = reader.model, reader.context, reader.name
    months = {}
    for period in context.periods.values():
        if (period.get("kind") or "week") == "month":
            months.setdefault(int(period["start_date"][5:7]), period)
    rows = model.rows_of("period")
    if not months:
        shown = "、".join(r.label for r in rows[:3])
        raise ImportRejected(
            f"这是月报表（行为月份：{shown}…），本活动还没有按月的时段：请在活动里填上延续活动（如万里行）的"
            "结束日期并加上月报期（add-months），再导入；月份不会当作单位导入。",
            name,
        )
    unit = context.find_unit(model.unit_text)
    if unit is None and not model.unit_text:
        unit = unit_in_file_name(name, context)
        if unit is not None:
            reader.note(model.first_row, 1, f"表上没有填报单位，按文件名认作 {unit['name']}")
    if unit is None:
        shown = model.unit_text or "（未填）"
        raise ImportRejected(f"月报表的报送单位“{shown}”不在本活动的单位名单中，未导入。", name)
    data_rows = [r.row for r in rows]
    bad = reader._merged_cells(data_rows)
    label_col = model.period_col or 1
    blocks, seen = [], {}
    for row in model.rows:
        if row.kind == "total":
            reader._check_sum(row, data_rows)
            continue
        if row.kind != "period":
            continue
        cells = reader._cells(row.row, bad)
        if not any(value not in (None, "") for _, value in cells.values()):
            continue  # a month not reported yet
        month = month_number(row.label)
        period = months.get(month) if month else None
        if period is None:
            what = f"{month}月" if month else f"“{row.label}”"
            reader.error(row.row, label_col, f"本活动没有{what}的月报期，该行的数未导入")
            continue
        if period["id"] in seen:
            reader.error(row.row, label_col, f"{period['label']}在第 {seen[period['id']]} 行已有一行，这一行未导入")
            continue
        seen[period["id"]] = row.row
        blocks.append({"unit": unit, "period": period, "cells": cells, "narrative": reader._narrative(row.row)})
    return reader._result(blocks)
