"""The earlier weeks' usual figures are kept between grid loads, and never outlive a change of the data.

The outlier warning (five times the unit's usual figure) is what the clerk sees of them: each case makes a
cell of week 3 an outlier by changing the weeks before it — through the grid, by another program writing
to the file, by restoring a backup, by undo — and reloads week 3.
"""

from __future__ import annotations

import sqlite3

from models.campaigns.campaign import campaign_by_year
from models.campaigns.periods import period_by_seq
from models.progress import grid as grid_module
from models.progress.figures import set_figures
from models.progress.grid import load_week, parse_block, save_entries
from models.store.backups import make_backup, restore
from models.store.history import undo
from models.store.opening import open_store


def _week(store, seq):
    campaign = campaign_by_year(store, 2021)
    return load_week(store, campaign["id"], period_by_seq(store, campaign["id"], seq)["id"])


def _reported_cell(store) -> tuple[int, int, str, str, int]:
    """(row, col, unit id, indicator id, value) of a figure > 10 in week 3."""
    grid = _week(store, 3)
    for r, row in enumerate(grid.values):
        for c, value in enumerate(row):
            if value is not None and value > 10 and (r, c) not in grid.issues:
                return r, c, grid.units[r]["id"], grid.indicators[c]["id"], value
    raise AssertionError("no figure above 10 in week 3 of the demo")


def _warned(store, row: int, col: int) -> bool:
    issue = _week(store, 3).issues.get((row, col))
    return issue is not None and issue.level == "warning" and "中位数" in issue.message


def _earlier_weeks(store, unit_id, indicator_id, value) -> None:
    campaign = campaign_by_year(store, 2021)
    with store.batch("改前两周") as batch:
        set_figures(
            batch,
            [(unit_id, period_by_seq(store, campaign["id"], s)["id"], indicator_id, value) for s in (1, 2)],
        )


def test_a_save_in_an_earlier_week_through_the_grid_changes_the_warning(demo_store):
    row, col, unit_id, indicator_id, value = _reported_cell(demo_store)
    assert not _warned(demo_store, row, col)
    for seq in (1, 2):  # the grid's own saves: only later weeks' usual figures are dropped
        grid = _week(demo_store, seq)
        earlier_row = next(r for r, u in enumerate(grid.units) if u["id"] == unit_id)
        entries = parse_block(grid, earlier_row, col, [["1"]])
        save_entries(demo_store, grid, entries, "改一格")
    assert _warned(demo_store, row, col)
    undo(demo_store)  # week 2 back: the median of 1 and the old figure
    undo(demo_store)
    assert not _warned(demo_store, row, col)


def test_another_program_writing_to_the_file_is_seen(demo_store):
    row, col, unit_id, indicator_id, value = _reported_cell(demo_store)
    assert not _warned(demo_store, row, col)
    campaign = campaign_by_year(demo_store, 2021)
    other = sqlite3.connect(demo_store.path)
    for seq in (1, 2):
        period = period_by_seq(demo_store, campaign["id"], seq)
        other.execute(
            "UPDATE figures SET value = 1 WHERE unit_id = ? AND indicator_id = ? AND period_id = ?",
            (unit_id, indicator_id, period["id"]),
        )
    other.commit()
    other.close()
    assert _warned(demo_store, row, col)


def test_a_restored_backup_is_seen(demo_store, tmp_path):
    row, col, unit_id, indicator_id, value = _reported_cell(demo_store)
    _earlier_weeks(demo_store, unit_id, indicator_id, 1)
    assert _warned(demo_store, row, col)
    _earlier_weeks(demo_store, unit_id, indicator_id, value)
    assert not _warned(demo_store, row, col)
    backup = make_backup(demo_store, "测试", tmp_path / "backups")
    _earlier_weeks(demo_store, unit_id, indicator_id, 1)
    assert _warned(demo_store, row, col)
    restore(demo_store, backup, tmp_path / "backups")
    assert not _warned(demo_store, row, col)


def test_a_second_connection_to_the_file_shares_what_is_kept_and_its_writes_are_seen(demo_store):
    from models.progress import earlier

    row, col, unit_id, indicator_id, value = _reported_cell(demo_store)
    worker = open_store(demo_store.path)  # what ui.common.operation opens for a worker thread
    try:
        campaign = campaign_by_year(worker, 2021)
        period = period_by_seq(worker, campaign["id"], 3)
        assert not load_week(worker, campaign["id"], period["id"]).issues.get((row, col))
        kept = earlier._current(demo_store)
        assert kept is earlier._current(worker) and kept["usual"]  # read once, whoever reads it
        _earlier_weeks(worker, unit_id, indicator_id, 1)
    finally:
        worker.close()
    assert _warned(demo_store, row, col)


def test_who_reported_the_week_follows_a_write_after_the_grid_kept_the_week(demo_store):
    from models.progress.completeness import unit_status

    campaign = campaign_by_year(demo_store, 2021)
    period = period_by_seq(demo_store, campaign["id"], 3)
    grid = _week(demo_store, 3)  # the week's figures are kept from here on
    unit_id = next(u["id"] for r, u in enumerate(grid.units) if any(v is not None for v in grid.values[r]))

    def status():
        return {r["unit_id"]: r["status"] for r in unit_status(demo_store, campaign["id"], period["id"])}[unit_id]

    assert status() in ("on_time", "late")
    demo_store.conn.execute("DELETE FROM narratives WHERE unit_id = ? AND period_id = ?", (unit_id, period["id"]))
    demo_store.conn.execute("DELETE FROM figures WHERE unit_id = ? AND period_id = ?", (unit_id, period["id"]))
    demo_store.conn.commit()
    assert status() in ("overdue", "pending")


def _first_read(store, seq, monkeypatch):
    """The week as a new process reads it: nothing kept of the file yet."""
    from models.progress import earlier

    monkeypatch.setattr(earlier, "_KEPT_FILES", {})
    return _week(store, seq)


def test_a_first_read_judges_the_rows_in_sight_and_then_all_of_them_like_a_kept_read(demo_store, monkeypatch):
    row, col, unit_id, indicator_id, value = _reported_cell(demo_store)
    _earlier_weeks(demo_store, unit_id, indicator_id, 1)
    monkeypatch.setattr(grid_module, "JUDGED_TOGETHER", 4)  # a city's screenful of rows, for the demo's 18
    grid = _first_read(demo_store, 3, monkeypatch)
    assert grid.unjudged == set(range(len(grid.units)))  # the earlier weeks not read with the week
    assert all(issue.level == "error" for issue in grid.found.values())  # the rules checked at once
    issue = grid.issue(row, col)
    assert issue.level == "warning" and "中位数" in issue.message
    assert row not in grid.unjudged and grid.unjudged  # its rows judged, not the whole week
    kept = _week(demo_store, 3)  # everything kept now that the week was judged … or read again
    assert grid.issues == kept.issues and not grid.unjudged and _warned(demo_store, row, col)


def test_a_save_into_rows_not_judged_yet_warns_of_its_outliers(demo_store, monkeypatch):
    row, col, unit_id, indicator_id, value = _reported_cell(demo_store)
    grid = _first_read(demo_store, 3, monkeypatch)
    assert (row, col) not in grid.issues
    grid = _first_read(demo_store, 3, monkeypatch)
    worker = open_store(demo_store.path)  # the big save runs on a worker with its own connection
    try:
        save_entries(worker, grid, parse_block(grid, row, col, [[str(value * 10 + 50)]]), "改一格")
    finally:
        worker.close()
    assert row not in grid.unjudged and grid.found[(row, col)].level == "warning"
    assert grid.issues == _week(demo_store, 3).issues


def test_after_the_grid_saves_the_week_kept_is_the_week_as_stored(demo_store, monkeypatch):
    from models.progress import earlier
    from models.progress.figures import week_rows

    grid = _week(demo_store, 3)
    empty = next(r for r, row in enumerate(grid.values) if all(v is None for v in row))  # a unit not reported
    full = next(r for r, row in enumerate(grid.values) if all(v is not None for v in row[:2]))
    block = parse_block(grid, full, 0, [["", "7"]]) + parse_block(grid, empty, 1, [["4"]])
    save_entries(demo_store, grid, block, "改三格")
    period_id = grid.period["id"]

    def read_again(*_args):
        raise AssertionError("the saved week was read again")

    monkeypatch.setattr(earlier, "week_rows", read_again)
    kept = earlier.kept_rows(demo_store, period_id)
    assert kept == week_rows(demo_store, period_id)  # one cleared, one changed, a unit's first figure
    assert {grid.units[empty]["id"], grid.units[full]["id"]} <= {unit_id for unit_id, _, _ in kept}
    assert _week(demo_store, 3).values == grid.values


def test_the_usual_figures_of_a_few_units_are_the_ones_worked_out_for_all(demo_store, monkeypatch):
    from models.campaigns.periods import list_periods
    from models.progress import earlier

    monkeypatch.setattr(earlier, "_KEPT_FILES", {})
    campaign = campaign_by_year(demo_store, 2021)
    periods = list_periods(demo_store, campaign["id"])
    before = [p["id"] for p in periods if p["seq"] < 4]
    grid = _week(demo_store, 4)
    units = [u["id"] for u in grid.units[::3]]
    read = earlier.usual_of_units(demo_store, before, units)  # the weeks not kept yet: one query
    whole = earlier.usual_figures(demo_store, campaign["id"], periods, 4)  # the weeks kept from here on
    assert any(read.values())
    assert read == earlier.usual_of_units(demo_store, before, units) == {u: whole.get(u, {}) for u in units}
