"""The one aggregation equals SQL's own sums: whole numbers, decimals, to-date figures, week limits."""

from __future__ import annotations

from models.campaigns.campaign import campaign_by_year
from models.progress.figures import set_figure
from models.progress.totals import load_figures


def _expected(store, campaign_id, where: str = "", params=()) -> tuple[dict, dict, dict]:
    """Straight from SQL: per unit and indicator, per week and indicator, who reported in each week."""
    base = (
        " FROM figures f JOIN periods p ON p.id = f.period_id JOIN campaign_units cu"
        " ON cu.unit_id = f.unit_id AND cu.campaign_id = p.campaign_id"
        " WHERE p.campaign_id = ? AND f.value IS NOT NULL" + where
    )
    args = (campaign_id, *params)
    per_unit: dict = {}
    for row in store.rows("SELECT f.unit_id, f.indicator_id, sum(f.value) AS v" + base + " GROUP BY 1, 2", args):
        per_unit.setdefault(row["unit_id"], {})[row["indicator_id"]] = row["v"]
    per_week: dict = {}
    for row in store.rows("SELECT p.seq, f.indicator_id, sum(f.value) AS v" + base + " GROUP BY 1, 2", args):
        per_week.setdefault(row["seq"], {})[row["indicator_id"]] = row["v"]
    reported: dict = {}
    for row in store.rows("SELECT DISTINCT p.seq, f.unit_id" + base, args):
        reported.setdefault(row["seq"], set()).add(row["unit_id"])
    return per_unit, per_week, reported


def _close(got: dict, want: dict) -> bool:
    return got.keys() == want.keys() and all(
        got[k].keys() == want[k].keys() and all(abs(got[k][i] - want[k][i]) < 1e-9 for i in want[k]) for k in want
    )


def _figures(store, campaign_id):
    return store.rows(
        "SELECT f.id, f.unit_id, f.period_id, f.indicator_id, f.value, p.seq FROM figures f"
        " JOIN periods p ON p.id = f.period_id WHERE p.campaign_id = ? ORDER BY f.id",
        (campaign_id,),
    )


def test_whole_number_figures_equal_the_sql_sums(demo_store):
    campaign = campaign_by_year(demo_store, 2021)
    figures = load_figures(demo_store, campaign["id"])
    per_unit, per_week, reported = _expected(demo_store, campaign["id"])
    assert figures.per_unit == per_unit and figures.per_week == per_week and figures.reported == reported
    assert figures.totals and all(isinstance(v, int) for v in figures.totals.values())
    week = load_figures(demo_store, campaign["id"], only=2)
    assert week.per_unit == _expected(demo_store, campaign["id"], " AND p.seq = ?", (2,))[0]
    to_date = load_figures(demo_store, campaign["id"], upto=2)
    assert to_date.per_week == _expected(demo_store, campaign["id"], " AND p.seq <= ?", (2,))[1]


def test_decimal_figures_are_summed_exactly(demo_store):
    campaign = campaign_by_year(demo_store, 2021)
    rows = _figures(demo_store, campaign["id"])
    third = rows[0]["value"] + 1 / 3  # 17 digits: a 15-digit detour would change the sum
    with demo_store.batch("测试：小数") as batch:
        batch.update("figures", rows[0]["id"], {"value": third})
        for row in rows[5::5]:
            batch.update("figures", row["id"], {"value": row["value"] + 0.1})
    figures = load_figures(demo_store, campaign["id"])
    per_unit, per_week, reported = _expected(demo_store, campaign["id"])
    assert _close(figures.per_unit, per_unit) and _close(figures.per_week, per_week)
    assert figures.reported == reported
    unit, indicator = rows[0]["unit_id"], rows[0]["indicator_id"]
    total = 0
    for row in sorted(_figures(demo_store, campaign["id"]), key=lambda r: r["seq"]):
        if (row["unit_id"], row["indicator_id"]) == (unit, indicator) and row["value"] is not None:
            total += row["value"]
    assert figures.per_unit[unit][indicator] == total


def test_to_date_figures_take_the_latest_week_and_outsiders_are_left_out(demo_store):
    campaign = campaign_by_year(demo_store, 2021)
    rows = _figures(demo_store, campaign["id"])
    indicator = rows[0]["indicator_id"]
    outsider = demo_store.scalar(
        "SELECT unit_id FROM campaign_units WHERE campaign_id = ? AND unit_id != ? LIMIT 1",
        (campaign["id"], rows[0]["unit_id"]),
    )
    with demo_store.batch("测试：累计指标") as batch:
        batch.update("indicators", indicator, {"accumulation": "cumulative"})
    demo_store.conn.execute(  # a unit taken out of the campaign after it reported
        "DELETE FROM campaign_units WHERE campaign_id = ? AND unit_id = ?", (campaign["id"], outsider)
    )
    figures = load_figures(demo_store, campaign["id"])
    latest = {}
    for row in rows:
        if row["indicator_id"] == indicator and row["value"] is not None and row["unit_id"] != outsider:
            if row["seq"] >= latest.get(row["unit_id"], (-1, 0))[0]:
                latest[row["unit_id"]] = (row["seq"], row["value"])
    assert latest
    assert {u: values[indicator] for u, values in figures.per_unit.items() if indicator in values} == {
        u: v for u, (_, v) in latest.items()
    }
    assert outsider not in figures.per_unit
    assert all(outsider not in units for units in figures.reported.values())


def test_odd_indicator_ids_are_summed_too(demo_store):
    campaign = campaign_by_year(demo_store, 2021)
    first = demo_store.row("SELECT * FROM indicators WHERE campaign_id = ? ORDER BY sort_order", (campaign["id"],))
    rows = _figures(demo_store, campaign["id"])
    odd = '甲,\x1f"乙".'  # separators, quotes and a dot in an id (ids are text; merges keep foreign ones)
    copy = {k: v for k, v in first.items() if k not in ("id", "code")} | {"id": odd, "code": "odd", "sort_order": 999}
    with demo_store.batch("测试：特殊编号") as batch:
        batch.insert("indicators", copy)
        for row in rows[:3]:
            set_figure(batch, row["unit_id"], row["period_id"], odd, 7)
    figures = load_figures(demo_store, campaign["id"])
    per_unit, per_week, reported = _expected(demo_store, campaign["id"])
    assert figures.per_unit == per_unit and figures.per_week == per_week and figures.reported == reported
    assert figures.totals[odd] == 7 * len({(r["unit_id"], r["period_id"]) for r in rows[:3]})
