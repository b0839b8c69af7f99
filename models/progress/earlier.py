"""Each unit's usual figure before a week (the median of its earlier weeks), read once and kept until data changes.

The grid warns of a figure five times a unit's usual one.  For a city the earlier weeks are 170k figures
or more, so each week's figures are read once and each week's usual figures worked out once, and both are
kept per file while its version stays the same.  The version of a file is read from its header (the
change counter every commit bumps, the schema cookie a restore bumps) with its size, time and inode, so it
holds across connections (a worker thread opens its own) and sees other programs and restores; inside a
transaction, or in memory, it is the connection's own count of writes.  The grid's own saves write only
their week, so everything else is kept and that week's figures are brought up to date with what was
written (``kept_after_save``); a week change reads only the weeks not read
yet, and the statistics tables of some weeks add up the same kept weeks (models.progress.sums).
"""

from __future__ import annotations

import os
from weakref import WeakKeyDictionary

from models.progress.figures import by_unit, figures_of_units, week_rows
from models.store.database import Store

# file path (or, in memory, the store) → {"version", "rows": period id → week_rows, "usual": (campaign id,
# seq) → Usual}.  The last few files only; a store in memory goes with its object.
_KEPT_FILES: dict[str, dict] = {}
_KEPT_MEMORY: WeakKeyDictionary = WeakKeyDictionary()
_FILES_KEPT = 2


def version(store: Store) -> tuple:
    """What changes whenever the file's data may have changed (a stat and 100 bytes read; no table read)."""
    conn = store.conn
    if store.path is None or conn.in_transaction:
        data = conn.execute("PRAGMA data_version").fetchone()[0]
        return ("connection", id(conn), conn.total_changes, data)
    try:
        with open(store.path, "rb") as file:
            header = file.read(100)
            stat = os.fstat(file.fileno())
    except OSError:
        return ("unknown", id(conn), conn.total_changes)
    # bytes 24–27: the change counter (rollback journal: every commit); 40–43: the schema cookie
    return ("file", stat.st_ino, stat.st_size, stat.st_mtime_ns, header[24:28], header[40:44])


def _table_of(store: Store) -> tuple[dict | WeakKeyDictionary, object]:
    if store.path is None:
        return _KEPT_MEMORY, store
    return _KEPT_FILES, os.path.realpath(store.path)


def median(values: list) -> float:
    """The middle value (statistics.median without its import cost at start-up)."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


class Usual(dict):
    """unit id → indicator id → the median of its figures in the earlier weeks."""

    def __init__(self, *args):
        super().__init__(*args)
        self._ceilings: dict[tuple, dict] = {}

    def ceilings(self, indicator_ids: list[str], factor: float) -> dict[str, list]:
        """unit id → per indicator (in this order) *factor* × its usual figure, None where there is none
        (or it is 0): what a figure may reach before it is questioned.  Worked out once per order."""
        key = (tuple(indicator_ids), factor)
        found = self._ceilings.get(key)
        if found is None:
            found = self._ceilings[key] = {
                unit_id: [factor * row[k] if row.get(k) else None for k in indicator_ids]
                for unit_id, row in self.items()
            }
        return found


def usual_figures(store: Store, campaign_id: str, periods: list[dict], seq: int) -> Usual:
    """The usual figures before week *seq* (of *periods*), worked out once for this version of the file."""
    kept = _current(store)
    found = kept["usual"].get((campaign_id, seq))
    if found is None:
        weeks = [kept_rows(store, p["id"]) for p in periods if p["seq"] < seq]
        found = kept["usual"][(campaign_id, seq)] = _usual(weeks)
    return found


def known_usual(store: Store, campaign_id: str, seq: int) -> Usual | None:
    """The usual figures before week *seq* if they are kept for this version of the file (nothing is read)."""
    return _current(store)["usual"].get((campaign_id, seq))


def usual_of_units(store: Store, period_ids: list[str], unit_ids: list[str]) -> dict[str, dict[str, float]]:
    """The usual figures of a few units over the weeks *period_ids* (the rows a grid shows first): the same
    medians as usual_figures, from the weeks kept or else from one query for these units alone."""
    if not period_ids or not unit_ids:
        return {unit_id: {} for unit_id in unit_ids}
    kept = _current(store)["rows"]
    if all(period_id in kept for period_id in period_ids):  # the weeks are kept (the status line read them)
        wanted = set(unit_ids)
        usual = _usual([[row for row in kept[period_id] if row[0] in wanted] for period_id in period_ids])
        return {unit_id: usual.get(unit_id, {}) for unit_id in unit_ids}
    columns = "unit_id, indicator_id, value"
    weeks = [
        by_unit((r["unit_id"], r["indicator_id"], r["value"]) for r in figures_of_units(store, p, unit_ids, columns))
        for p in period_ids
    ]
    usual = _usual(weeks)
    return {unit_id: usual.get(unit_id, {}) for unit_id in unit_ids}


def kept_rows(store: Store, period_id: str, rows: list | None = None) -> list:
    """One week's figures by unit (models.progress.figures.week_rows), read once for this version of the
    file; *rows* when the caller has just read them (the grid's own week)."""
    kept = _current(store)
    if rows is not None:
        kept["rows"][period_id] = rows
        return rows
    found = kept["rows"].get(period_id)
    if found is None:
        found = kept["rows"][period_id] = week_rows(store, period_id)
    return found


def kept_after_save(store: Store, campaign_id: str, period: dict, before: tuple, written=None) -> None:
    """After the grid saved figures of *period* only: the other weeks' figures still hold, and so do the
    usual figures of that week and the ones before it; the later weeks' are dropped.  The saved week's
    figures are brought up to date with *written* (the rows set_figures wrote: (unit id, period id,
    indicator id, value), None deleted), or dropped without them."""
    table, key = _table_of(store)
    kept = table.get(key)
    if kept is None:
        return
    if kept["version"] != before:
        table.pop(key, None)
        return
    kept["version"] = version(store)
    rows = kept["rows"].pop(period["id"], None)
    if rows is not None and written is not None:
        kept["rows"][period["id"]] = _patched(rows, written)
    for usual in [k for k in kept["usual"] if k[0] == campaign_id and k[1] > period["seq"]]:
        del kept["usual"][usual]


def _patched(rows: list, written) -> list:
    """A week's figures by unit (as week_rows reads them) with *written* applied: new lists for the units
    written, the others' kept as they are (the lists are shared with what read them)."""
    changes: dict[str, dict] = {}
    for unit_id, _period_id, indicator_id, value in written:
        changes.setdefault(unit_id, {})[indicator_id] = value
    out = []
    for unit_id, keys, values in rows:
        change = changes.pop(unit_id, None)
        if change is None:
            out.append((unit_id, keys, values))
        else:
            out.extend(_unit_row(unit_id, dict(zip(keys, values)), change, keys))
    fresh = [row for unit_id, change in changes.items() for row in _unit_row(unit_id, {}, change, [])]
    return sorted(out + fresh, key=lambda row: row[0]) if fresh else out  # units in the index's order, as read


def _unit_row(unit_id: str, figures: dict, change: dict, keys: list) -> list:
    for indicator_id, value in change.items():
        if value is None:
            figures.pop(indicator_id, None)  # a cleared figure is deleted
        else:
            figures[indicator_id] = value
    if not figures:
        return []
    ordered = sorted(figures)
    return [(unit_id, keys if ordered == keys else ordered, [figures[k] for k in ordered])]


def _current(store: Store) -> dict:
    now = version(store)
    table, key = _table_of(store)
    kept = table.get(key)
    if kept is None or kept["version"] != now:
        kept = {"version": now, "rows": {}, "usual": {}}
        if table is _KEPT_FILES:
            table.pop(key, None)
            while len(table) >= _FILES_KEPT:
                table.pop(next(iter(table)))
        table[key] = kept
    return kept


def _usual(weeks: list[list]) -> Usual:
    """The median per unit and indicator over *weeks* (each from week_rows), empty values left out."""
    by_unit: dict[str, list] = {}
    for rows in weeks:
        for unit_id, keys, values in rows:
            found = by_unit.get(unit_id)
            if found is None:
                by_unit[unit_id] = [(keys, values)]
            else:
                found.append((keys, values))
    usual = Usual()
    for unit_id, parts in by_unit.items():
        keys = parts[0][0]
        if all(other is keys or other == keys for other, _ in parts):  # the usual case: the same indicators
            row = dict(zip(keys, map(_middle, zip(*[values for _, values in parts]))))
        else:
            lists: dict[str, list] = {}
            for other, values in parts:
                for key, value in zip(other, values):
                    lists.setdefault(key, []).append(value)
            row = {key: _middle(found) for key, found in lists.items()}
        usual[unit_id] = {key: value for key, value in row.items() if value is not None}
    return usual


def _middle(values) -> float | None:
    """The median of the values that are there (None when none is)."""
    if None in values:
        values = [v for v in values if v is not None]
        if not values:
            return None
    if len(values) == 1:
        return values[0]
    if len(values) == 2:
        return (values[0] + values[1]) / 2
    return median(values)
