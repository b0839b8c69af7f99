"""Each unit's usual figure before a week (the median of its earlier weeks), read once and kept until data changes.

The grid warns of a figure five times a unit's usual one.  For a city the earlier weeks are 170k figures
or more, so each week's figures are read once and each week's usual figures worked out once, and both are
kept while the file's version stays the same: this connection's own writes (``total_changes``), another
connection's (``PRAGMA data_version``) and a restore over the open file (the backup API bumps ``PRAGMA
schema_version``).  The grid's own saves write only their week, so everything else is kept
(``kept_after_save``); a week change reads only the weeks not read yet."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from models.progress.figures import week_rows
from models.store.database import Store

# store → {"version", "rows": period id → week_rows, "usual": (campaign id, seq) → Usual}; weak, so a
# closed file's entries go with it.
_KEPT: WeakKeyDictionary = WeakKeyDictionary()


def version(store: Store) -> tuple[int, int, int]:
    """What changes whenever the file's data may have changed (three cheap reads, no table scanned)."""
    conn = store.conn
    data = conn.execute("PRAGMA data_version").fetchone()[0]
    cookie = conn.execute("PRAGMA schema_version").fetchone()[0]
    return conn.total_changes, data, cookie


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


def kept_after_save(store: Store, campaign_id: str, period: dict, before: tuple) -> None:
    """After the grid saved figures of *period* only: the other weeks' figures still hold, and so do the
    usual figures of that week and the ones before it; the saved week's and later weeks' are dropped."""
    kept = _KEPT.get(store)
    if kept is None:
        return
    if kept["version"] != before:
        _KEPT.pop(store, None)
        return
    kept["version"] = version(store)
    kept["rows"].pop(period["id"], None)
    for key in [k for k in kept["usual"] if k[0] == campaign_id and k[1] > period["seq"]]:
        del kept["usual"][key]


def _current(store: Store) -> dict:
    now = version(store)
    kept = _KEPT.get(store)
    if kept is None or kept["version"] != now:
        kept = _KEPT[store] = {"version": now, "rows": {}, "usual": {}}
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
