"""Totals of a campaign's figures: one week, cumulative to date, by unit category and by parent unit.

A "table" is a plain dict: indicators, rows [{unit, values}], total — what the
grid totals view, the exports and the reports all read.
"""

from __future__ import annotations

from models.campaigns.campaign import campaign_units
from models.campaigns.layouts import list_indicators
from models.campaigns.periods import list_periods
from models.progress.grid import column_totals, load_week
from models.store.database import Store


def _table(title: str, indicators: list[dict], units: list[dict], values: list[list]) -> dict:
    rows = [{"unit": unit, "values": vals} for unit, vals in zip(units, values)]
    return {"title": title, "indicators": indicators, "rows": rows, "total": column_totals(values, len(indicators))}


def week_table(store: Store, campaign_id: str, period_id: str) -> dict:
    grid = load_week(store, campaign_id, period_id)
    return _table(grid.period["label"], grid.indicators, grid.units, grid.values)


def cumulative_table(store: Store, campaign_id: str, upto_seq: int | None = None) -> dict:
    """Totals per unit up to week *upto_seq* (all weeks if None), in one grouped query.

    Weekly indicators add up; cumulative ones ("累计") take the newest week's figure.
    """
    units = campaign_units(store, campaign_id)
    indicators = list_indicators(store, campaign_id)
    row_of = {u["id"]: r for r, u in enumerate(units)}
    col_of = {i["id"]: c for c, i in enumerate(indicators)}
    values = [[None] * len(indicators) for _ in units]
    limit = upto_seq if upto_seq is not None else 10**6
    periods = list_periods(store, campaign_id)
    included = [p["id"] for p in periods if p["seq"] <= limit]
    marks = ",".join("?" * len(included))
    cursor = store.conn.execute(
        f"SELECT unit_id, indicator_id, SUM(value) FROM figures WHERE period_id IN ({marks})"
        " GROUP BY unit_id, indicator_id",
        included,
    )
    for unit_id, indicator_id, total in cursor:
        r, c = row_of.get(unit_id), col_of.get(indicator_id)
        if r is not None and c is not None:
            values[r][c] = total
    running = [i["id"] for i in indicators if i["accumulation"] == "cumulative"]
    if running and included:  # a running count ("累计") takes its newest week's figure, not a sum
        cursor = store.conn.execute(
            f"SELECT f.unit_id, f.indicator_id, f.value, MAX(p.seq) FROM figures f JOIN periods p ON p.id = f.period_id"
            f" WHERE f.period_id IN ({marks}) AND f.indicator_id IN ({','.join('?' * len(running))})"
            " GROUP BY f.unit_id, f.indicator_id",
            [*included, *running],
        )
        for unit_id, indicator_id, newest, _seq in cursor:
            r, c = row_of.get(unit_id), col_of.get(indicator_id)
            if r is not None and c is not None:
                values[r][c] = newest
    last = [p for p in periods if p["seq"] <= limit][-1:] or periods[-1:]
    title = f"累计（截至{last[0]['end_date']}）" if last else "累计"
    return _table(title, indicators, units, values)


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
    return _table(table["title"], table["indicators"], units, [sums[n] for n in order])


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
    return _table(table["title"], table["indicators"], order, [sums[u["id"]] for u in order])
