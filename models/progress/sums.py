"""Each unit's sum of each indicator over every week, read from the sums SQLite keeps (table figure_sums).

The triggers of models.store.schema (0005) add and take away at every write of a figure — a paste, an
import, an undo, a merge, a repair — in the same transaction, so the sums cannot drift from the figures.
A city's cumulative totals (3,000 units × 30 indicators, 430k figures) are 90k sums read in 30 rows, one
per indicator, instead of a GROUP BY over every figure.  Sums of whole numbers only: when a sum holds a
decimal (or a value that is not a number) the reader says so and the caller aggregates the figures.
"""

from __future__ import annotations

import json

from models.store.database import Store

_SEP = "\x1f"  # between the unit ids of one indicator


def unit_sums(store: Store, indicator_ids: list[str], known: set[str], counts: bool = False) -> dict | None:
    """unit id → indicator id → its sum over every week, for the units in *known* that reported it.

    With *counts*, each value is (sum, number of figures).  None when a sum is not of whole numbers.
    """
    if not indicator_ids:
        return {}
    marks = ",".join("?" * len(indicator_ids))
    sql = (
        f"SELECT indicator_id, group_concat(unit_id, '{_SEP}'), json_group_array(whole),"
        f" json_group_array(figures), count(*), sum(odd) FROM figure_sums WHERE indicator_id IN ({marks})"
        " GROUP BY indicator_id"
    )
    rows = store.conn.execute(sql, indicator_ids).fetchall()
    if any(row[5] for row in rows):
        return None
    wholes = json.loads("[" + ",".join(row[2] for row in rows) + "]")
    numbers = json.loads("[" + ",".join(row[3] for row in rows) + "]") if counts else wholes
    per_unit: dict[str, dict] = {}
    for (indicator_id, units, _, _, size, _), sums, many in zip(rows, wholes, numbers):
        ids = units.split(_SEP)
        if len(ids) != size:  # an id holding the separator: read them one by one
            return None
        for unit_id, value, n in zip(ids, sums, many):
            if unit_id in known:
                row = per_unit.get(unit_id)
                if row is None:
                    row = per_unit[unit_id] = {}
                row[indicator_id] = (value, n) if counts else value
    return per_unit


def fresh_sums(store: Store, indicator_ids: list[str]) -> dict[tuple[str, str], tuple]:
    """(unit id, indicator id) → (sum, number of figures) aggregated from the figures: the yardstick the
    kept sums are checked against (tests, the whole-file check)."""
    marks = ",".join("?" * len(indicator_ids))
    sql = (
        "SELECT unit_id, indicator_id, SUM(value), count(value) FROM figures"
        f" WHERE value IS NOT NULL AND indicator_id IN ({marks}) GROUP BY unit_id, indicator_id"
    )
    return {(u, i): (total, n) for u, i, total, n in store.conn.execute(sql, indicator_ids)}


def kept_sums(store: Store, indicator_ids: list[str]) -> dict[tuple[str, str], tuple]:
    """(unit id, indicator id) → (sum, number of figures) as kept in figure_sums (whole numbers only)."""
    marks = ",".join("?" * len(indicator_ids))
    sql = f"SELECT unit_id, indicator_id, whole, figures FROM figure_sums WHERE indicator_id IN ({marks})"
    return {(u, i): (total, n) for u, i, total, n in store.conn.execute(sql, indicator_ids)}
