"""Each unit's sum of each indicator over chosen weeks (the statistics table), mostly from the sums SQLite keeps.

The triggers of models.store.schema (0005) keep table figure_sums — per unit and indicator the sum of its
whole-number figures over every week, how many figures, how many are not whole numbers — at every write of
a figure: a paste, an import, an undo, a merge, a repair, in the same transaction, so the sums cannot drift
from the figures.  A city's cumulative totals (3,000 units × 30 indicators, 430k figures) are then 90k
sums read in 30 rows, one per indicator, instead of a GROUP BY over every figure.  Weeks left out (a table
up to week 3 of 5) are taken away, read from the figures, when they hold far fewer figures than the chosen
ones (the weeks still to come hold none); otherwise the chosen weeks' figures are added up unit by unit as
the grid reads them (by SQLite when a value has decimals).  A to-date indicator ("累计") takes the unit's
newest week.  models.progress.totals builds every table from these columns.
"""

from __future__ import annotations

import json

from models.progress.earlier import kept_rows
from models.store.database import Store

_SEP = "\x1f"  # between the unit ids of one indicator
_FROM = " FROM figures f JOIN p ON p.id = f.period_id WHERE f.value IS NOT NULL"

Columns = dict[str, dict[str, int | float]]  # indicator id → unit id → its sum over the chosen weeks


def _weeks_table(weeks: list[dict]) -> tuple[str, list]:
    """The weeks as a table of (period id, seq) in the query itself: no join with periods (campaigns')."""
    head = "WITH p(id, seq) AS (VALUES " + ", ".join("(?, ?)" for _ in weeks) + ")"
    return head, [value for p in weeks for value in (p["id"], p["seq"])]


def unit_columns(store: Store, indicators: list[dict], periods: list[dict], weeks: list[dict]) -> Columns:
    """indicator id → unit id → the sum of its figures in *weeks* (of the campaign's *periods*), for the
    units that reported it; a to-date indicator: the unit's newest figure of those weeks."""
    if not weeks:
        return {}
    columns = _from_kept(store, indicators, periods, weeks)
    if columns is None:
        columns = _from_weeks(store, weeks)
    head, params = _weeks_table(weeks)
    if columns is None:
        columns = _aggregated(store, head, params)
    newest = [i["id"] for i in indicators if i["accumulation"] == "cumulative"]
    if newest:
        marks = ",".join("?" * len(newest))
        sql = (
            head
            + " SELECT f.unit_id, f.indicator_id, f.value, MAX(p.seq)"
            + _FROM
            + f" AND f.indicator_id IN ({marks}) GROUP BY f.unit_id, f.indicator_id"
        )
        for unit_id, indicator_id, value, _seq in store.conn.execute(sql, [*params, *newest]):
            columns.setdefault(indicator_id, {})[unit_id] = value
    return columns


def _from_kept(store: Store, indicators: list[dict], periods: list[dict], weeks: list[dict]) -> Columns | None:
    """The kept sums, less the weeks left out; None when those weeks hold many figures or a sum is not whole."""
    chosen = {p["id"] for p in weeks}
    rest = [p for p in periods if p["id"] not in chosen]
    if rest and _figures_in(store, rest, any_at_all=True):  # usually the weeks still to come: empty
        if 2 * _figures_in(store, rest) > _figures_in(store, weeks):
            return None  # taking them away would cost more than adding up the chosen weeks
    else:
        rest = []
    later = []
    if rest:
        head, params = _weeks_table(rest)
        sql = head + " SELECT f.unit_id, f.indicator_id, SUM(f.value), count(*)" + _FROM + " GROUP BY 1, 2"
        later = store.conn.execute(sql, params).fetchall()
    kept = kept_columns(store, [i["id"] for i in indicators], counts=bool(later))
    if kept is None or not later:
        return kept
    for unit_id, indicator_id, total, n in later:
        column = kept.get(indicator_id)
        if column is not None and unit_id in column:
            whole, many = column[unit_id]
            column[unit_id] = (whole - total, many - n)
    return {i: {u: whole for u, (whole, many) in column.items() if many} for i, column in kept.items()}


def _from_weeks(store: Store, weeks: list[dict]) -> Columns | None:
    """The chosen weeks' figures added up unit by unit, each week read by unit in index order (no sort) and
    kept by models.progress.earlier, as the grid reads it.  None when a value is not a whole number: SQLite
    adds those up, as it always did."""
    by_unit: dict[str, list] = {}
    for period in weeks:
        for unit_id, keys, values in kept_rows(store, period["id"]):
            found = by_unit.get(unit_id)
            if found is None:
                by_unit[unit_id] = [(keys, values)]
            else:
                found.append((keys, values))
    columns: Columns = {}
    for unit_id, parts in by_unit.items():
        keys = parts[0][0]
        if all(other is keys or other == keys for other, _ in parts):  # the usual case: the same indicators
            pairs = zip(keys, zip(*[values for _, values in parts]))
        else:
            lists: dict[str, list] = {}
            for other, values in parts:
                for key, value in zip(other, values):
                    lists.setdefault(key, []).append(value)
            pairs = lists.items()
        for key, column in pairs:
            try:
                total = sum(column)
            except TypeError:  # an empty cell (or a value that is not a number)
                present = [value for value in column if value is not None]
                if not present:
                    continue
                if any(type(value) is not int for value in present):
                    return None
                total = sum(present)
            if type(total) is not int:
                return None
            found = columns.get(key)
            if found is None:
                found = columns[key] = {}
            found[unit_id] = total
    return columns


def _figures_in(store: Store, weeks: list[dict], any_at_all: bool = False) -> int:
    """How many figures the weeks hold (counted in the figures_by_period index), or whether any."""
    marks = ",".join("?" * len(weeks))
    ids = [p["id"] for p in weeks]
    if any_at_all:
        return store.scalar(f"SELECT EXISTS (SELECT 1 FROM figures WHERE period_id IN ({marks}))", ids)
    return store.scalar(f"SELECT count(*) FROM figures WHERE period_id IN ({marks})", ids)


def kept_columns(store: Store, indicator_ids: list[str], counts: bool = False) -> dict | None:
    """indicator id → unit id → its kept sum over every week (with *counts*: (sum, number of figures)).

    One row per indicator crosses into Python (the ids joined, the sums as a JSON array).  None when a sum
    is not of whole numbers only, or an id holds the separator.
    """
    if not indicator_ids:
        return {}
    marks = ",".join("?" * len(indicator_ids))
    numbers = "json_group_array(figures)" if counts else "''"
    sql = (
        f"SELECT indicator_id, group_concat(unit_id, '{_SEP}'), json_group_array(whole), {numbers}, count(*),"
        f" sum(odd) FROM figure_sums WHERE indicator_id IN ({marks}) GROUP BY indicator_id"
    )
    rows = store.conn.execute(sql, indicator_ids).fetchall()
    if any(row[5] for row in rows):
        return None
    wholes = json.loads("[" + ",".join(row[2] for row in rows) + "]")
    many = json.loads("[" + ",".join(row[3] for row in rows) + "]") if counts else None
    columns = {}
    split: dict[str, list[str]] = {}  # the indicators mostly share one list of units: split it once
    for n, ((indicator_id, units, _, _, size, _), sums) in enumerate(zip(rows, wholes)):
        ids = split.get(units)
        if ids is None:
            ids = split[units] = units.split(_SEP)
        if len(ids) != size:
            return None
        columns[indicator_id] = dict(zip(ids, zip(sums, many[n]) if counts else sums))
    return columns


def _aggregated(store: Store, head: str, params: list) -> Columns:
    columns: Columns = {}
    sql = head + " SELECT f.indicator_id, f.unit_id, SUM(f.value)" + _FROM + " GROUP BY f.unit_id, f.indicator_id"
    for indicator_id, unit_id, total in store.conn.execute(sql, params):
        column = columns.get(indicator_id)
        if column is None:
            column = columns[indicator_id] = {}
        column[unit_id] = total
    return columns


def fresh_sums(store: Store, indicator_ids: list[str]) -> dict[tuple[str, str], tuple]:
    """(unit id, indicator id) → (sum, number of figures) aggregated from the figures: the yardstick the
    kept sums are checked against."""
    marks = ",".join("?" * len(indicator_ids))
    sql = (
        "SELECT unit_id, indicator_id, SUM(value), count(value) FROM figures"
        f" WHERE value IS NOT NULL AND indicator_id IN ({marks}) GROUP BY unit_id, indicator_id"
    )
    return {(u, i): (total, n) for u, i, total, n in store.conn.execute(sql, indicator_ids)}


def kept_sums(store: Store, indicator_ids: list[str]) -> dict[tuple[str, str], tuple]:
    """(unit id, indicator id) → (sum, number of figures) as kept in figure_sums (whole numbers)."""
    marks = ",".join("?" * len(indicator_ids))
    sql = f"SELECT unit_id, indicator_id, whole, figures FROM figure_sums WHERE indicator_id IN ({marks})"
    return {(u, i): (total, n) for u, i, total, n in store.conn.execute(sql, indicator_ids)}
