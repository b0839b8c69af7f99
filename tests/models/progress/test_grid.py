"""The weekly grid: loading, rules, outliers, pasting a block, totals."""

from __future__ import annotations

from models.campaigns.campaign import campaign_by_year
from models.campaigns.periods import period_by_seq
from models.progress.grid import load_week, parse_block, parse_clipboard, save_entries
from models.progress.totals import cumulative_table, grouped, week_table
from models.store import history


def _week(store, seq, year=2021):
    campaign = campaign_by_year(store, year)
    return load_week(store, campaign["id"], period_by_seq(store, campaign["id"], seq)["id"])


def _col(grid, label, group=None):
    return next(
        c for c, i in enumerate(grid.indicators) if i["label"] == label and (group is None or i["group_label"] == group)
    )


def test_grid_shape_matches_units_and_indicators(demo_store):
    grid = _week(demo_store, 1)
    assert len(grid.values) == len(grid.units) and all(len(r) == len(grid.indicators) for r in grid.values)
    stored = demo_store.scalar("SELECT count(*) FROM figures WHERE period_id = ?", (grid.period["id"],))
    assert sum(v is not None for row in grid.values for v in row) == stored
    assert grid.totals()[0] == sum(r[0] or 0 for r in grid.values)


def test_paste_block_saves_good_cells_and_reports_the_bad_one(demo_store):
    grid = _week(demo_store, 2)
    before = [row[:3] for row in grid.values[:2]]
    block = parse_clipboard("7\t８\t9\r\n10\tabc\t１２\r\n")
    entries = parse_block(grid, 0, 0, block)
    counts = save_entries(demo_store, grid, entries, "粘贴 6 个单元格")
    assert counts["errors"] == 1
    bad = next(e for e in entries if e.error)
    assert (bad.row, bad.col) == (1, 1) and "不是数字" in bad.error
    again = _week(demo_store, 2)
    assert [again.values[0][:3], again.values[1][0], again.values[1][2]] == [[7, 8, 9], 10, 12]
    assert history.undoable(demo_store)["label"] == "粘贴 6 个单元格"
    history.undo(demo_store)
    assert [row[:3] for row in _week(demo_store, 2).values[:2]] == before


def test_paste_is_clipped_at_the_grid_edge(demo_store):
    grid = _week(demo_store, 2)
    last_row, last_col = len(grid.units) - 1, len(grid.indicators) - 1
    entries = parse_block(grid, last_row, last_col, [["1", "2"], ["3", "4"]])
    assert [(e.row, e.col) for e in entries] == [(last_row, last_col)]


def test_rule_errors_and_outlier_warnings(demo_store):
    grid = _week(demo_store, 4)
    found, fixed = _col(grid, "排查隐患"), _col(grid, "已整改")
    drills = _col(grid, "场次", "应急演练")
    entries = parse_block(grid, 0, found, [["3", "5"]])
    save_entries(demo_store, grid, entries, "录入")
    entries = parse_block(grid, 0, drills, [["500"]])
    save_entries(demo_store, grid, entries, "录入")
    reloaded = _week(demo_store, 4)
    issue = reloaded.issues[(0, fixed)]
    assert issue.level == "error" and "已整改（5）不能大于隐患排查·排查隐患（3）" in issue.message
    warning = reloaded.issues[(0, drills)]
    assert warning.level == "warning" and "中位数" in warning.message
    assert (0, found) not in reloaded.issues
    negative = parse_block(reloaded, 1, drills, [["-2", "3.5"]])
    assert "不能为负数" in negative[0].error and "须为整数" in negative[1].error


def test_outlier_needs_earlier_weeks(demo_store):
    grid = _week(demo_store, 1)
    save_entries(demo_store, grid, parse_block(grid, 0, 0, [["9999"]]), "录入")
    assert (0, 0) not in _week(demo_store, 1).issues


def test_cumulative_totals_add_weeks_and_group_by_category(demo_store):
    campaign = campaign_by_year(demo_store, 2021)
    weeks = [week_table(demo_store, campaign["id"], period_by_seq(demo_store, campaign["id"], s)["id"]) for s in (1, 2)]
    upto2 = cumulative_table(demo_store, campaign["id"], upto_seq=2)
    assert upto2["total"] == [a + b for a, b in zip(weeks[0]["total"], weeks[1]["total"])]
    assert "截至2021-06-13" in upto2["title"]
    by_category = grouped(upto2, "category")
    assert {r["unit"]["name"] for r in by_category["rows"]} >= {"镇/街道", "成员单位"}
    assert by_category["total"] == upto2["total"]
    by_parent = grouped(upto2, "parent_name")
    assert by_parent["total"] == upto2["total"]


def test_cumulative_indicator_takes_the_newest_week(demo_store):
    campaign = campaign_by_year(demo_store, 2021)
    demo_store.conn.execute(
        "UPDATE indicators SET accumulation = 'cumulative' WHERE campaign_id = ? AND sort_order = 0", (campaign["id"],)
    )
    table = cumulative_table(demo_store, campaign["id"], upto_seq=2)
    week2 = week_table(demo_store, campaign["id"], period_by_seq(demo_store, campaign["id"], 2)["id"])
    week1 = week_table(demo_store, campaign["id"], period_by_seq(demo_store, campaign["id"], 1)["id"])
    for row, w1, w2 in zip(table["rows"], week1["rows"], week2["rows"]):
        assert row["values"][0] == (w2["values"][0] if w2["values"][0] is not None else w1["values"][0])
