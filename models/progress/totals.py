"""The one aggregation of a campaign's figures: per unit, per week, in total; the tables built from it.

Every figure shown or sent up is summed here — the grid's 合计 row, the statistics table (one week or
cumulative, by unit category or parent unit), the summary and the weekly brief — so they cannot disagree.
The rule of which units count is here too (``counted``): the campaign's active units, and a deactivated
unit only for the weeks it sent figures (what it reported stays in the totals; a unit that left without
reporting is not listed).

A "table" is a plain dict: indicators, rows [{unit, values}], total — what the grid totals view and the
exports read.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from itertools import repeat

from models.campaigns.campaign import campaign_units
from models.campaigns.layouts import list_indicators
from models.campaigns.periods import list_periods
from models.progress.sums import unit_columns
from models.store.database import Store


def counted(units: list[dict], reporting: set[str] | dict) -> list[dict]:
    """THE rule: which of the campaign's units (active or not) count, given those that sent figures."""
    return [u for u in units if u["active"] or u["id"] in reporting]


def column_totals(values: list[list], width: int) -> list:
    if values and all(len(row) == width for row in values):
        try:  # no empty cell: sum() column by column
            return [sum(column) for column in zip(*values)]
        except TypeError:
            pass
    totals = [0] * width
    for row in values:
        for col, value in enumerate(row):
            if value is not None:
                totals[col] += value
    return totals


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


def load_figures(
    store: Store, campaign_id: str, *, upto: int | None = None, only: int | None = None, by_week: bool = True
) -> Figures:
    """Figures of the campaign's units, up to week *upto* (cumulative), of week *only*, or of every week.

    Weekly indicators add up over the weeks; a to-date one ("累计") takes the unit's newest week.  Without
    *by_week* only the per-unit sums are read (the statistics table), by SQLite's SUM: figures are whole
    numbers (the rules refuse decimals), so the sums are the same exact numbers as the ones by week.
    """
    indicators = list_indicators(store, campaign_id)
    periods = list_periods(store, campaign_id)
    units = campaign_units(store, campaign_id, active_only=False)
    weeks = [p for p in periods if (only is None or p["seq"] == only) and (upto is None or p["seq"] <= upto)]
    # The chosen weeks as a table of (period id, seq) in the query itself: figures are read by week order
    # without joining the periods table (the campaigns package's).
    head = "WITH p(id, seq) AS (VALUES " + ", ".join("(?, ?)" for _ in weeks) + ")" if weeks else ""
    params = [value for p in weeks for value in (p["id"], p["seq"])]
    cumulative = {i["id"] for i in indicators if i["accumulation"] == "cumulative"}
    if not by_week:
        figures = Figures(indicators, periods, units)
        known = {u["id"] for u in units}
        for indicator_id, column in unit_columns(store, indicators, periods, weeks).items():
            for unit_id, value in column.items():
                if unit_id in known:
                    figures.per_unit.setdefault(unit_id, {})[indicator_id] = value
        figures.units = counted(units, figures.per_unit)
        return figures
    groups = _unit_weeks(store, head, params) if weeks else []
    whole = groups is not None
    if not whole:  # a figure with decimals: read it exactly, one row a figure
        groups = _unit_weeks_exact(store, head, params)
    figures = Figures(indicators, periods, units)
    known = {u["id"] for u in units}
    figures.per_unit, figures.per_week, figures.reported = _sum_up(groups, known, cumulative, whole)
    figures.units = counted(units, figures.per_unit)
    return figures


_FROM = " FROM figures f JOIN p ON p.id = f.period_id WHERE f.value IS NOT NULL"
_SEP = "\x1f"  # between the ids of one unit's week


def _unit_weeks(store: Store, head: str, params: list) -> list | None:
    """(week seq, unit id, indicator ids, values) in week order, one row per unit and week, grouped by SQLite.

    Whole numbers only (JSON carries them exactly): None when a figure has decimals (JSON keeps 15 digits)
    or an id holds the separator.  Far fewer rows than figures cross into Python (1.4k instead of 42k for
    300 units): this is what makes a large summary quick.  Units mostly report the same indicators, so each
    list of ids is split once.
    """
    sql = (
        head
        + f" SELECT p.seq, f.unit_id, group_concat(f.indicator_id, '{_SEP}'), json_group_array(f.value)"
        + _FROM
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


def _unit_weeks_exact(store: Store, head: str, params: list) -> list:
    sql = head + " SELECT p.seq, f.unit_id, f.indicator_id, f.value" + _FROM + " ORDER BY p.seq, f.unit_id"
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


def _table(title: str, indicators: list[dict], units: list[dict], by_column: list[list]) -> dict:
    """The statistics table of the columns' values: one row per counted unit, 合计 the sum of the rows."""
    total = []
    for column in by_column:
        try:  # no empty cell: sum() of the column
            total.append(sum(column))
        except TypeError:
            total.append(sum(v for v in column if v is not None))
    values = [list(row) for row in zip(*by_column)] if by_column else [[] for _ in units]
    rows = [{"unit": unit, "values": vals} for unit, vals in zip(units, values)]
    return {"title": title, "indicators": indicators, "rows": rows, "total": total}


def _sum_table(store: Store, campaign_id: str, title_of, *, upto: int | None = None, only: int | None = None) -> dict:
    """The statistics table of the chosen weeks, from the per-unit sums (models.progress.sums) as columns:
    each column is read for the counted units with one map() call, then turned into rows."""
    indicators = list_indicators(store, campaign_id)
    periods = list_periods(store, campaign_id)
    weeks = [p for p in periods if (only is None or p["seq"] == only) and (upto is None or p["seq"] <= upto)]
    columns = unit_columns(store, indicators, periods, weeks)
    units = campaign_units(store, campaign_id, active_only=False)
    reported = set().union(*columns.values()) if columns else set()
    units = counted(units, reported)
    ids = [u["id"] for u in units]
    empty: dict = {}
    by_column = [list(map(columns.get(i["id"], empty).get, ids)) for i in indicators]
    return _table(title_of(periods), indicators, units, by_column)


def week_table(store: Store, campaign_id: str, period_id: str) -> dict:
    period = next(p for p in list_periods(store, campaign_id) if p["id"] == period_id)
    return _sum_table(store, campaign_id, lambda _periods: period["label"], only=period["seq"])


def cumulative_table(store: Store, campaign_id: str, upto_seq: int | None = None) -> dict:
    """Totals per unit up to week *upto_seq* (all weeks if None)."""

    def title(periods: list[dict]) -> str:
        limit = upto_seq if upto_seq is not None else 10**6
        last = [p for p in periods if p["seq"] <= limit][-1:] or periods[-1:]
        return f"累计（截至{last[0]['end_date']}）" if last else "累计"

    return _sum_table(store, campaign_id, title, upto=upto_seq)


def grouped(table: dict, key: str) -> dict:
    """The table summed by a unit field ("category" or "parent_name"); units without one stand alone."""
    order: list[str] = []
    sums: dict[str, list] = {}
    for row in table["rows"]:
        name = row["unit"].get(key) or (row["unit"]["name"] if key == "parent_name" else "其他")
        if name not in sums:
            order.append(name)
            sums[name] = [None] * len(table["indicators"])
        for col, value in enumerate(row["values"]):
            if value is not None:
                sums[name][col] = (sums[name][col] or 0) + value
    units = [{"id": None, "name": name} for name in order]
    values = [sums[n] for n in order]
    rows = [{"unit": unit, "values": vals} for unit, vals in zip(units, values)]
    return {"title": table["title"], "indicators": table["indicators"], "rows": rows, "total": table["total"]}


def by_top_unit(store: Store, table: dict) -> dict:
    """The table with one row per top-most unit: a town with its villages and communities summed into it
    (in a district's file), a district with its towns (in a city's).  Units without a parent stand alone."""
    from models.campaigns.units import top_units

    tops = top_units(store)
    order: list[dict] = []
    sums: dict[str, list] = {}
    for row in table["rows"]:
        top = tops.get(row["unit"]["id"], row["unit"])
        if top["id"] not in sums:
            order.append({"id": top["id"], "name": top["name"], "category": top.get("category")})
            sums[top["id"]] = [None] * len(table["indicators"])
        for col, value in enumerate(row["values"]):
            if value is not None:
                sums[top["id"]][col] = (sums[top["id"]][col] or 0) + value
    rows = [{"unit": unit, "values": sums[unit["id"]]} for unit in order]
    return {"title": table["title"], "indicators": table["indicators"], "rows": rows, "total": table["total"]}
