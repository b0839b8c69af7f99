"""Writing figures in a batch: one cell, or many at once (a paste, an import), each change undoable; one week read.

The figures table is this package's: the SQL that reads the old values is here; the rows are written
and recorded by the generic ``Batch.write_many``.
"""

from __future__ import annotations

import json

from models.clock import ordered_ids
from models.store.database import Store
from models.store.history import Batch

_CHUNK = 500  # units per query reading the old values (well under SQLite's limit of parameters)


def set_figure(batch: Batch, unit_id: str, period_id: str, indicator_id: str, value, source: str | None = None) -> str:
    """Set one figure; None clears it.  Returns 'added', 'changed', 'unchanged' or 'cleared'."""
    counts = set_figures(batch, [(unit_id, period_id, indicator_id, value)], source)
    return next(outcome for outcome, count in counts.items() if count)


def set_figures(batch: Batch, rows, source: str | None = None) -> dict[str, int]:
    """Set many figures at once: rows of (unit_id, period_id, indicator_id, value); None clears.

    Existing values are read with one query per period (for the units written) and written with executemany,
    each change still recorded for history and undo.  Returns counts per outcome.
    """
    counts = {"added": 0, "changed": 0, "unchanged": 0, "cleared": 0}
    # A cell written more than once in one call gets its last value, counted once by what that does to it
    # (cleared then set again is a change of the stored figure, not a deletion).
    last = {(unit_id, period_id, indicator_id): value for unit_id, period_id, indicator_id, value in rows}
    rows = [(*key, value) for key, value in last.items()]
    existing: dict[tuple, dict] = {}
    units_of: dict[str, set] = {}
    for row in rows:
        units_of.setdefault(row[1], set()).add(row[0])
    for period_id, units in units_of.items():  # only the units written: a city's week is 90k figures
        for old in figures_of_units(batch.store, period_id, units):
            existing[(old["unit_id"], old["period_id"], old["indicator_id"])] = old
    source = source or batch.source
    # New rows get ids in increasing order (at most one per row written): a week's 9,000 new figures then
    # go into a few neighbouring pages of the figures' id index instead of one random page each.
    ids = iter(ordered_ids(sum(1 for u, p, i, v in rows if v is not None and (u, p, i) not in existing)))
    inserts, updates, deletes = [], [], []
    for unit_id, period_id, indicator_id, value in rows:
        old = existing.get((unit_id, period_id, indicator_id))
        if value is None:
            if old is not None:
                deletes.append(old)
                counts["cleared"] += 1
            else:
                counts["unchanged"] += 1
        elif old is None:
            new = {
                "id": next(ids),
                "unit_id": unit_id,
                "period_id": period_id,
                "indicator_id": indicator_id,
                "value": value,
                "source": source,
                "created_at": batch.stamp,
                "updated_at": batch.stamp,
            }
            inserts.append(new)
            counts["added"] += 1
        elif old["value"] == value:
            counts["unchanged"] += 1
        else:
            updates.append((old, {"value": value, "source": source}))
            counts["changed"] += 1
    batch.write_many("figures", inserts, updates, deletes)
    return counts


def figures_of_units(store: Store, period_id: str, unit_ids, columns: str = "*") -> list:
    """The stored figures of some units in one week, by unit and indicator (rows as dicts; *columns* as in a
    SELECT): one query per 500 units, never the whole week (a city's week is 90,000 figures)."""
    units = sorted(unit_ids)
    found = []
    for start in range(0, len(units), _CHUNK):
        part = units[start : start + _CHUNK]
        marks = ",".join("?" * len(part))
        where = f"period_id = ? AND unit_id IN ({marks})"
        sql = f"SELECT {columns} FROM figures WHERE {where} ORDER BY unit_id, indicator_id"
        found += store.rows(sql, (period_id, *part))
    return found


def by_unit(triples) -> list[tuple[str, list[str], list]]:
    """(unit id, indicator id, value) rows in unit order, grouped as week_rows gives them."""
    out: list[tuple[str, list[str], list]] = []
    for unit_id, indicator_id, value in triples:
        if not out or out[-1][0] != unit_id:
            out.append((unit_id, [], []))
        out[-1][1].append(indicator_id)
        out[-1][2].append(value)
    return out


def figure_counts(store: Store, indicator_ids: list[str]) -> dict[str, int]:
    """indicator id → how many figures it holds (those holding none are left out)."""
    if not indicator_ids:
        return {}
    marks = ", ".join("?" * len(indicator_ids))
    sql = f"SELECT indicator_id, count(*) FROM figures WHERE indicator_id IN ({marks}) GROUP BY indicator_id"
    return dict(store.conn.execute(sql, list(indicator_ids)).fetchall())


_SEP = "\x1f"  # between the indicator ids of one unit's week


def week_rows(store: Store, period_id: str) -> list[tuple[str, list[str], list]]:
    """One week's figures by unit: (unit id, indicator ids, values), empty values included.

    Grouped by unit in SQLite (the figures_by_period index is in that order: no sort), the values as one
    JSON array per unit: 3,000 rows cross into Python instead of 90,000 for a city.  When JSON may not
    carry a value exactly (decimals, text) or an id holds the separator, the figures are read one by one.
    """
    sql = (
        f"SELECT unit_id, group_concat(indicator_id, '{_SEP}'), json_group_array(value), count(*)"
        " FROM figures WHERE period_id = ? GROUP BY unit_id"
    )
    rows = store.conn.execute(sql, (period_id,)).fetchall()
    joined = "[" + ",".join(row[2] for row in rows) + "]"
    if not any(mark in joined for mark in '.eE"'):
        keys_of: dict[str, list] = {}
        out = []
        for (unit_id, ids, _, size), values in zip(rows, json.loads(joined)):
            keys = keys_of.get(ids)
            if keys is None:
                keys = keys_of[ids] = ids.split(_SEP)
            if len(keys) != size:
                break
            out.append((unit_id, keys, values))
        else:
            return out
    sql = "SELECT unit_id, indicator_id, value FROM figures WHERE period_id = ? ORDER BY unit_id"
    return by_unit(store.conn.execute(sql, (period_id,)))
