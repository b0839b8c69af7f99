"""The campaign's figures summed for reports: per unit, per week, in total (one query per table)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from itertools import repeat

from models.campaigns.campaign import campaign_units
from models.store.database import Store


@dataclass
class Figures:
    indicators: list[dict]
    periods: list[dict]
    units: list[dict]
    per_unit: dict[str, dict[str, float]] = field(default_factory=dict)  # unit id → indicator id → value
    per_week: dict[int, dict[str, float]] = field(default_factory=dict)  # period seq → indicator id → value
    reported: dict[int, set[str]] = field(default_factory=dict)  # period seq → units with figures

    def total(self, indicator_id: str) -> float | None:
        values = [row[indicator_id] for row in self.per_unit.values() if indicator_id in row]
        return sum(values) if values else None

    @property
    def totals(self) -> dict[str, float]:
        """indicator id → the sum over units, for the indicators anyone reported (one pass over the units)."""
        rows = list(self.per_unit.values())
        keys = list(rows[0]) if rows else []
        if all(list(row) == keys for row in rows):  # every unit has the same indicators: sum() column by column
            sums = dict(zip(keys, [sum(column) for column in zip(*(row.values() for row in rows))]))
        else:
            sums = {}
            for row in rows:
                for indicator_id, value in row.items():
                    sums[indicator_id] = sums[indicator_id] + value if indicator_id in sums else value
        return {i["id"]: sums[i["id"]] for i in self.indicators if i["id"] in sums}

    def last_period(self) -> dict | None:
        seqs = [p for p in self.periods if self.reported.get(p["seq"])]
        return seqs[-1] if seqs else None


def load_figures(store: Store, campaign_id: str, *, upto: int | None = None, only: int | None = None) -> Figures:
    """Figures of the campaign's units, up to week *upto* (cumulative) or of week *only*."""
    indicators = store.rows(
        "SELECT id, group_label, label, measure, code, accumulation, sort_order FROM indicators"
        " WHERE campaign_id = ? ORDER BY sort_order",
        (campaign_id,),
    )
    periods = store.rows(
        "SELECT id, seq, label, start_date, end_date, due_date, due_time FROM periods"
        " WHERE campaign_id = ? ORDER BY seq",
        (campaign_id,),
    )
    units = campaign_units(store, campaign_id, active_only=False)
    where, params = " WHERE p.campaign_id = ? AND f.value IS NOT NULL", [campaign_id]
    if only is not None:
        where, params = where + " AND p.seq = ?", [*params, only]
    elif upto is not None:
        where, params = where + " AND p.seq <= ?", [*params, upto]
    cumulative = {i["id"] for i in indicators if i["accumulation"] == "cumulative"}
    groups = _unit_weeks(store, where, params)
    whole = groups is not None
    if not whole:  # a figure with decimals: read it exactly, one row a figure
        groups = _unit_weeks_exact(store, where, params)
    figures = Figures(indicators, periods, units)
    known = {u["id"] for u in units}
    figures.per_unit, figures.per_week, figures.reported = _sum_up(groups, known, cumulative, whole)
    return figures


_FROM = " FROM figures f JOIN periods p ON p.id = f.period_id"
_SEP = "\x1f"  # between the ids of one unit's week


def _unit_weeks(store: Store, where: str, params: list) -> list | None:
    """(week seq, unit id, indicator ids, values) in week order, one row per unit and week, grouped by SQLite.

    Whole numbers only (JSON carries them exactly): None when a figure has decimals (JSON keeps 15 digits)
    or an id holds the separator.  Far fewer rows than figures cross into Python (1.4k instead of 42k for
    300 units): this is what makes a large summary quick.  Units mostly report the same indicators, so each
    list of ids is split once.
    """
    sql = (
        f"SELECT p.seq, f.unit_id, group_concat(f.indicator_id, '{_SEP}'), json_group_array(f.value)"
        + _FROM
        + where
        + " GROUP BY p.seq, f.unit_id ORDER BY p.seq"
    )
    rows = store.conn.execute(sql, params).fetchall()
    joined = "[" + ",".join(row[3] for row in rows) + "]"
    if "." in joined or "e" in joined or "E" in joined:
        return None
    keys_of: dict[str, tuple] = {}
    groups = []
    for (seq, unit_id, ids, _), numbers in zip(rows, json.loads(joined)):  # one parse for all the values
        keys = keys_of.get(ids)
        if keys is None:
            keys = keys_of[ids] = tuple(ids.split(_SEP))
        if len(numbers) != len(keys):
            return None
        groups.append((seq, unit_id, keys, numbers))
    return groups


def _unit_weeks_exact(store: Store, where: str, params: list) -> list:
    sql = "SELECT p.seq, f.unit_id, f.indicator_id, f.value" + _FROM + where + " ORDER BY p.seq, f.unit_id"
    groups: list = []
    for seq, unit_id, indicator_id, value in store.conn.execute(sql, params):
        if not groups or groups[-1][0] != seq or groups[-1][1] != unit_id:
            groups.append((seq, unit_id, [], []))
        groups[-1][2].append(indicator_id)
        groups[-1][3].append(value)
    return groups


def _sum_up(groups: list, known_units: set, cumulative: set, whole: bool) -> tuple[dict, dict, dict]:
    """Per unit (summed over weeks; a to-date figure: its latest week), per week (summed over units), who reported."""
    by_unit: dict[str, list[tuple]] = {}
    by_week: dict[int, list[tuple]] = {}
    reported: dict[int, set[str]] = {}
    for seq, unit_id, keys, values in groups:  # week order: the latest week of a to-date figure comes last
        if unit_id not in known_units:
            continue
        reported.setdefault(seq, set()).add(unit_id)
        by_week.setdefault(seq, []).append((keys, values))
        by_unit.setdefault(unit_id, []).append((keys, values))
    per_unit = {unit_id: _add_up(parts, 0, cumulative, whole) for unit_id, parts in by_unit.items()}
    per_week = {seq: _add_up(parts, 0.0, set(), whole) for seq, parts in by_week.items()}
    return per_unit, per_week, reported


def _add_up(parts: list[tuple], start, latest: set, whole: bool) -> dict:
    """Key by key: start + the values in order (the last one for keys in *latest*), keys in first-seen order.

    *parts* are (keys, values) pairs.  Whole numbers under the same keys (the usual case) add up column by
    column with sum(); the sums are the same as one by one.
    """
    keys = parts[0][0]
    if whole and all(other is keys or other == keys for other, _ in parts):
        out = dict(zip(keys, map(sum, zip(*[values for _, values in parts]), repeat(start))))
        for key in latest.intersection(out):
            out[key] = parts[-1][1][keys.index(key)]
        return out
    out = {}
    for keys, values in parts:
        for key, value in zip(keys, values):
            out[key] = value if key in latest else out.get(key, start) + value
    return out


def liaison_counts(store: Store, campaign_id: str) -> dict[str, int]:
    """unit id → number of liaisons named for the campaign."""
    rows = store.rows(
        "SELECT unit_id, count(*) AS n FROM liaisons WHERE campaign_id = ? GROUP BY unit_id", (campaign_id,)
    )
    return {r["unit_id"]: r["n"] for r in rows}


def narratives_of(store: Store, period_id: str) -> list[dict]:
    return store.rows(
        "SELECT n.unit_id, u.name AS unit_name, n.received_at, n.activities, n.highlights, n.problems"
        " FROM narratives n JOIN units u ON u.id = n.unit_id WHERE n.period_id = ? ORDER BY u.sort_order, u.name",
        (period_id,),
    )


def summary_due_date(store: Store, campaign_id: str) -> str | None:
    """The date the summary is due (the 活动总结 deadline of the campaign's notice), if known."""
    return store.scalar(
        "SELECT due_date FROM deadlines WHERE campaign_id = ? AND deliverable = 'summary' ORDER BY due_date LIMIT 1",
        (campaign_id,),
    )
