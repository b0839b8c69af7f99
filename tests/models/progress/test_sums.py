"""The kept sums (figure_sums, kept by triggers) equal a fresh GROUP BY after every way figures change.

Each case changes the demo the way a clerk or another office would — a paste, its undo and redo, a crash in
the middle of a write, a merge of another office's file, an import of returned forms, a deactivated unit,
decimals — then compares the kept sums with the figures aggregated afresh, and the cumulative table (all
weeks, and up to a week) with a GROUP BY over the same weeks.
"""

from __future__ import annotations

import sqlite3

import pytest

from models.campaigns.campaign import campaign_by_year
from models.campaigns.layouts import list_indicators
from models.campaigns.periods import add_month_periods, list_periods, period_by_seq
from models.campaigns.units import set_active
from models.errors import ImportRejected
from models.exchange import merge
from models.progress.figures import set_figures
from models.progress.forms.blank import write_blank_forms
from models.progress.forms.importer import import_forms
from models.progress.grid import load_week, parse_block, save_entries
from models.progress.sums import _from_kept, fresh_sums, kept_sums
from models.progress.totals import cumulative_table
from models.store.database import copy_database
from models.store.history import redo, undo
from models.store.opening import open_store
from tests.models.stats_files import fill_own_form


def _all_indicators(store) -> list[str]:
    return [row[0] for row in store.conn.execute("SELECT id FROM indicators")]


def _grouped_table(store, campaign_id: str, upto: int | None = None) -> tuple[dict, list]:
    """(unit id → values) and 合计 of the counted units, by one GROUP BY over the chosen weeks' figures."""
    indicators = list_indicators(store, campaign_id)
    weeks = [p["id"] for p in list_periods(store, campaign_id) if upto is None or p["seq"] <= upto]
    marks = ",".join("?" * len(weeks))
    sums: dict[str, dict] = {}
    sql = (
        "SELECT unit_id, indicator_id, SUM(value) FROM figures WHERE value IS NOT NULL"
        f" AND period_id IN ({marks}) GROUP BY unit_id, indicator_id"
    )
    for unit_id, indicator_id, total in store.conn.execute(sql, weeks):
        sums.setdefault(unit_id, {})[indicator_id] = total
    units = store.rows(
        "SELECT u.id, u.active FROM campaign_units cu JOIN units u ON u.id = cu.unit_id WHERE cu.campaign_id = ?",
        (campaign_id,),
    )
    counted = [u["id"] for u in units if u["active"] or u["id"] in sums]
    rows = {u: [sums.get(u, {}).get(i["id"]) for i in indicators] for u in counted}
    total = [sum(row[c] or 0 for row in rows.values()) for c in range(len(indicators))]
    return rows, total


def _assert_sums_hold(store, year: int = 2021) -> None:
    ids = _all_indicators(store)
    assert kept_sums(store, ids) == fresh_sums(store, ids)
    campaign = campaign_by_year(store, year)
    for upto in (None, *range(1, len(list_periods(store, campaign["id"])) + 1)):
        table = cumulative_table(store, campaign["id"], upto)
        rows, total = _grouped_table(store, campaign["id"], upto)
        assert {row["unit"]["id"]: row["values"] for row in table["rows"]} == rows
        assert table["total"] == total


def _paste(store, seq: int, block: list[list[str]]) -> None:
    campaign = campaign_by_year(store, 2021)
    grid = load_week(store, campaign["id"], period_by_seq(store, campaign["id"], seq)["id"])
    save_entries(store, grid, parse_block(grid, 0, 0, block), "粘贴")


def test_the_demo_starts_with_sums_equal_to_its_figures(demo_store):
    assert demo_store.scalar("SELECT count(*) FROM figure_sums") > 0
    _assert_sums_hold(demo_store)


def test_paste_clear_undo_and_redo_keep_the_sums(demo_store):
    _paste(demo_store, 2, [["7", "", "900"], ["", "3"]])  # changes, a cleared cell, new figures
    _assert_sums_hold(demo_store)
    undo(demo_store)
    _assert_sums_hold(demo_store)
    redo(demo_store)
    _assert_sums_hold(demo_store)


def test_a_crash_in_the_middle_of_a_write_leaves_figures_and_sums_as_before(demo_store):
    before = kept_sums(demo_store, _all_indicators(demo_store))
    figure = demo_store.row("SELECT * FROM figures WHERE value IS NOT NULL LIMIT 1")
    with pytest.raises(RuntimeError), demo_store.batch("写到一半") as batch:
        set_figures(batch, [(figure["unit_id"], figure["period_id"], figure["indicator_id"], figure["value"] + 50)])
        raise RuntimeError("power cut")
    assert kept_sums(demo_store, _all_indicators(demo_store)) == before
    _assert_sums_hold(demo_store)


def test_merge_of_another_offices_file_keeps_the_sums(demo_store, tmp_path):
    other_path = tmp_path / "town.db"
    copy_database(demo_store, other_path)
    other = open_store(other_path)
    campaign = campaign_by_year(other, 2021)
    period = period_by_seq(other, campaign["id"], 3)
    figures = other.rows("SELECT * FROM figures WHERE period_id = ? AND value IS NOT NULL LIMIT 40", (period["id"],))
    with other.batch("镇里改数") as batch:
        set_figures(batch, [(f["unit_id"], f["period_id"], f["indicator_id"], f["value"] + 11) for f in figures[:30]])
        set_figures(batch, [(f["unit_id"], f["period_id"], f["indicator_id"], None) for f in figures[30:]])
    other.close()
    merge.merge(demo_store, other_path, take="theirs")
    changed = figures[0]
    assert demo_store.scalar("SELECT value FROM figures WHERE id = ?", (changed["id"],)) == changed["value"] + 11
    _assert_sums_hold(demo_store)
    undo(demo_store)  # the merge undone as one action
    _assert_sums_hold(demo_store)


def test_import_of_returned_forms_keeps_the_sums(demo_store, tmp_path):
    campaign = campaign_by_year(demo_store, 2021)
    period = period_by_seq(demo_store, campaign["id"], 5)
    folder = tmp_path / "returned"
    folder.mkdir()
    files = write_blank_forms(demo_store, campaign, period, folder)
    fill_own_form(files[0], {2: 15, 3: 120, 4: 30})
    fill_own_form(files[1], {2: 4, 3: 200})
    for extra in files[2:]:
        extra.unlink()
    assert [r.status for r in import_forms(demo_store, campaign, [folder])] == ["imported", "imported"]
    _assert_sums_hold(demo_store)
    undo(demo_store)
    _assert_sums_hold(demo_store)


def test_a_deactivated_unit_counts_only_for_the_weeks_it_reported(demo_store):
    campaign = campaign_by_year(demo_store, 2021)
    week = period_by_seq(demo_store, campaign["id"], 1)
    reporter = demo_store.scalar(
        "SELECT unit_id FROM figures WHERE value IS NOT NULL AND period_id = ? LIMIT 1", (week["id"],)
    )
    set_active(demo_store, reporter, False)
    _assert_sums_hold(demo_store)
    table = cumulative_table(demo_store, campaign["id"])
    assert reporter in {row["unit"]["id"] for row in table["rows"]}  # what it reported stays in the totals


def test_decimals_are_summed_exactly_from_the_figures_and_the_kept_sums_come_back(demo_store):
    campaign = campaign_by_year(demo_store, 2021)
    indicator = list_indicators(demo_store, campaign["id"])[0]
    figure = demo_store.row(
        "SELECT * FROM figures WHERE indicator_id = ? AND value IS NOT NULL LIMIT 1", (indicator["id"],)
    )
    key = (figure["unit_id"], figure["period_id"], figure["indicator_id"])
    with demo_store.batch("允许小数") as batch:
        batch.update("indicators", indicator["id"], {"integer_only": 0})
        set_figures(batch, [(*key, 0.1)])
    assert demo_store.scalar("SELECT sum(odd) FROM figure_sums") == 1
    rows, total = _grouped_table(demo_store, campaign["id"])
    assert cumulative_table(demo_store, campaign["id"])["total"] == total
    with demo_store.batch("改回整数") as batch:
        set_figures(batch, [(*key, figure["value"])])
    assert demo_store.scalar("SELECT sum(odd) FROM figure_sums") == 0
    _assert_sums_hold(demo_store)


def test_a_file_whose_sums_trigger_was_altered_is_not_merged(demo_store, tmp_path):
    other_path = tmp_path / "altered.db"
    copy_database(demo_store, other_path)
    conn = sqlite3.connect(other_path)
    conn.execute("DROP TRIGGER figure_sums_insert")
    conn.execute("CREATE TRIGGER figure_sums_insert AFTER INSERT ON figures BEGIN SELECT 1; END")
    conn.commit()
    conn.close()
    before = demo_store.scalar("SELECT count(*) FROM changes")
    with pytest.raises(ImportRejected, match="触发器"):
        merge.merge(demo_store, other_path, take="theirs")
    assert demo_store.scalar("SELECT count(*) FROM changes") == before


def test_each_way_of_summing_is_taken_where_it_is_cheapest_and_all_agree(demo_store):
    campaign = campaign_by_year(demo_store, 2021)
    add_month_periods(demo_store, campaign["id"])  # the companion campaign's months: no figures yet
    periods = list_periods(demo_store, campaign["id"])
    indicators = list_indicators(demo_store, campaign["id"])
    weeks = [p for p in periods if p["kind"] == "week"]
    assert len(periods) > len(weeks)

    def kept(upto):
        return _from_kept(demo_store, indicators, periods, [p for p in periods if p["seq"] <= upto]) is not None

    assert kept(weeks[-1]["seq"])  # the months to come are empty: the kept sums as they are
    assert kept(weeks[-2]["seq"])  # the last week taken away from them
    assert not kept(1)  # most figures left out: the first week added up
    _assert_sums_hold(demo_store)


def test_a_whole_week_written_at_once_and_its_undo_keep_the_sums(demo_store):
    campaign = campaign_by_year(demo_store, 2021)
    period = period_by_seq(demo_store, campaign["id"], 2)["id"]
    units = [
        r[0]
        for r in demo_store.conn.execute("SELECT unit_id FROM campaign_units WHERE campaign_id = ?", (campaign["id"],))
    ]
    indicators = [i["id"] for i in list_indicators(demo_store, campaign["id"])]
    # every cell of the week: new figures, changed ones, cleared ones
    rows = [
        (u, period, i, None if n % 7 == 0 else n) for n, (u, i) in enumerate((u, i) for u in units for i in indicators)
    ]
    with demo_store.batch("导入一周") as batch:
        counts = set_figures(batch, rows, source="import")
    assert counts["added"] and counts["changed"] and counts["cleared"]
    _assert_sums_hold(demo_store)
    undo(demo_store)
    _assert_sums_hold(demo_store)
    redo(demo_store)
    _assert_sums_hold(demo_store)
