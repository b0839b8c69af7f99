"""Writing figures in a batch: what each write did, many at once (ids in order, all or nothing), and undo."""

from __future__ import annotations

import json
import sqlite3
import uuid

import pytest

from models.campaigns.campaign import campaign_by_year
from models.campaigns.periods import list_periods
from models.progress.figures import set_figure, set_figures
from models.progress.sums import kept_sums
from models.store.history import record_history, redo, undo
from tests.models.progress.test_sums import _assert_sums_hold as assert_sums_hold
from tests.models.store.test_history_many import update_from  # noqa: F401 (a fixture: both ways of updating)


def test_set_figure_reports_what_it_did(demo_store):
    figure = demo_store.row("SELECT * FROM figures LIMIT 1")
    key = (figure["unit_id"], figure["period_id"], figure["indicator_id"])
    with demo_store.batch("改数") as batch:
        assert set_figure(batch, *key, figure["value"]) == "unchanged"
        assert set_figure(batch, *key, figure["value"] + 1) == "changed"
        assert set_figure(batch, *key, None) == "cleared"
        assert set_figure(batch, *key, 7) == "added"
    assert demo_store.scalar("SELECT value FROM figures WHERE unit_id=? AND period_id=? AND indicator_id=?", key) == 7


def test_many_figures_in_one_batch_undo_as_one(demo_store):
    period = demo_store.row("SELECT id FROM periods ORDER BY seq LIMIT 1")["id"]
    cells = demo_store.rows("SELECT unit_id, indicator_id, value FROM figures WHERE period_id = ? LIMIT 3", (period,))
    before = demo_store.rows("SELECT * FROM figures ORDER BY id")
    fresh = demo_store.row(
        "SELECT u.id AS unit_id, i.id AS indicator_id FROM units u, indicators i WHERE NOT EXISTS"
        " (SELECT 1 FROM figures f WHERE f.unit_id = u.id AND f.indicator_id = i.id AND f.period_id = ?) LIMIT 1",
        (period,),
    )
    rows = [
        (cells[0]["unit_id"], period, cells[0]["indicator_id"], cells[0]["value"] + 5),
        (cells[1]["unit_id"], period, cells[1]["indicator_id"], None),
        (cells[2]["unit_id"], period, cells[2]["indicator_id"], cells[2]["value"]),
        (fresh["unit_id"], period, fresh["indicator_id"], 42),
    ]
    with demo_store.batch("粘贴 4 个单元格") as batch:
        counts = set_figures(batch, rows, source="grid")
    assert counts == {"added": 1, "changed": 1, "unchanged": 1, "cleared": 1}
    value = demo_store.scalar(
        "SELECT value FROM figures WHERE unit_id = ? AND indicator_id = ? AND period_id = ?",
        (fresh["unit_id"], fresh["indicator_id"], period),
    )
    assert value == 42
    recorded = "SELECT count(*) FROM changes c JOIN batches b ON b.id = c.batch_id WHERE b.label = ?"
    assert demo_store.scalar(recorded, ("粘贴 4 个单元格",)) == 3
    assert undo(demo_store) == "粘贴 4 个单元格"
    assert demo_store.rows("SELECT * FROM figures ORDER BY id") == before


def test_a_cell_cleared_and_set_again_in_one_write_keeps_its_last_value(demo_store):
    stored = demo_store.rows("SELECT unit_id, period_id, indicator_id, value FROM figures ORDER BY id LIMIT 2")
    first, second = ((f["unit_id"], f["period_id"], f["indicator_id"]) for f in stored)
    rows = [(*first, None), (*second, 7), (*first, stored[0]["value"] + 3), (*second, None)]
    with demo_store.batch("粘贴") as batch:
        counts = set_figures(batch, rows)
    assert counts == {"added": 0, "changed": 1, "unchanged": 0, "cleared": 1}
    where = "SELECT value FROM figures WHERE unit_id=? AND period_id=? AND indicator_id=?"
    assert demo_store.scalar(where, first) == stored[0]["value"] + 3
    assert demo_store.scalar(where, second) is None
    assert undo(demo_store) == "粘贴"
    assert [demo_store.scalar(where, key) for key in (first, second)] == [f["value"] for f in stored]


def _emptied_last_week(store) -> str:
    """The id of the campaign's last week, its figures cleared (one batch: 清空一周)."""
    period = store.row("SELECT id FROM periods ORDER BY seq DESC LIMIT 1")["id"]
    with store.batch("清空一周") as batch:
        old = store.rows("SELECT unit_id, indicator_id FROM figures WHERE period_id = ?", (period,))
        set_figures(batch, [(f["unit_id"], period, f["indicator_id"], None) for f in old])
    return period


def test_new_figures_get_ids_in_increasing_order_and_one_key_written_twice_is_one_row(demo_store):
    period = _emptied_last_week(demo_store)
    units = [r[0] for r in demo_store.conn.execute("SELECT id FROM units ORDER BY name")]
    indicators = [r[0] for r in demo_store.conn.execute("SELECT id FROM indicators ORDER BY sort_order")]
    rows = [(u, period, i, n) for n, (u, i) in enumerate((u, i) for u in units for i in indicators)]
    rows.append((units[0], period, indicators[0], 99))  # the same cell again in the same paste: its last value
    with demo_store.batch("导入一周") as batch:
        counts = set_figures(batch, rows, source="import")
    assert counts["added"] == len(rows) - 1 and counts["changed"] == 0  # one new figure, its last value
    written = demo_store.rows("SELECT id FROM figures WHERE period_id = ? ORDER BY rowid", (period,))
    ids = [f["id"] for f in written]
    assert len(ids) == len(rows) - 1 > 124 and ids == sorted(ids)  # more rows than one INSERT statement holds
    assert all(uuid.UUID(i).version == 7 for i in ids)
    key = (units[0], period, indicators[0])
    assert demo_store.scalar("SELECT value FROM figures WHERE unit_id=? AND period_id=? AND indicator_id=?", key) == 99
    assert undo(demo_store) == "导入一周"
    assert demo_store.scalar("SELECT count(*) FROM figures WHERE period_id = ?", (period,)) == 0


def test_a_bad_row_among_many_new_ones_writes_nothing_and_leaves_the_sums(demo_store):
    period = _emptied_last_week(demo_store)
    indicators = [r[0] for r in demo_store.conn.execute("SELECT id FROM indicators")]
    before = (demo_store.rows("SELECT * FROM figures ORDER BY id"), kept_sums(demo_store, indicators))
    units = [r[0] for r in demo_store.conn.execute("SELECT id FROM units ORDER BY name")]
    rows = [(u, period, i, 3) for u in units for i in indicators]
    rows.insert(200, ("没有这个单位", period, indicators[0], 5))  # in the second INSERT statement
    with pytest.raises(sqlite3.IntegrityError), demo_store.batch("导入一周") as batch:
        set_figures(batch, rows, source="import")
    assert (demo_store.rows("SELECT * FROM figures ORDER BY id"), kept_sums(demo_store, indicators)) == before
    assert demo_store.scalar("SELECT count(*) FROM batches WHERE label = '导入一周'") == 0


def _three_weeks_pasted(store) -> tuple[list, dict, int]:
    """A paste over the first three weeks of 2021: most figures changed, some cleared, some the same, 60 new,
    one cell written twice (its last value counts).  Returns (rows, the figures it should leave by key, the
    updates written)."""
    campaign = campaign_by_year(store, 2021)
    weeks = [p["id"] for p in list_periods(store, campaign["id"])[:3]]
    marks = ",".join("?" * len(weeks))
    old = store.rows(f"SELECT * FROM figures WHERE period_id IN ({marks}) ORDER BY period_id, unit_id", weeks)
    rows = []
    for n, f in enumerate(old):
        value = None if n % 9 == 0 else f["value"] if n % 4 == 0 else f["value"] + n
        rows.append((f["unit_id"], f["period_id"], f["indicator_id"], value))
    fresh = store.rows(
        "SELECT u.id AS unit_id, i.id AS indicator_id FROM units u, indicators i WHERE NOT EXISTS"
        " (SELECT 1 FROM figures f WHERE f.unit_id = u.id AND f.indicator_id = i.id AND f.period_id = ?)"
        " ORDER BY u.id, i.id LIMIT 60",
        (weeks[0],),
    )
    rows += [(f["unit_id"], weeks[0], f["indicator_id"], 1000 + n) for n, f in enumerate(fresh)]
    rows.insert(9, (*rows[1][:3], 4321))  # the same cell again, later in the same paste (and statement)
    expected = {(f["unit_id"], f["period_id"], f["indicator_id"]): f["value"] for f in old}
    for unit_id, period_id, indicator_id, value in rows:
        expected[(unit_id, period_id, indicator_id)] = value
    updates = sum(1 for n, f in enumerate(old) if n % 9 and n % 4 and f["value"] + n != f["value"])
    return rows, {k: v for k, v in expected.items() if v is not None}, updates


def _figures_by_key(store) -> dict:
    return {
        (f[0], f[1], f[2]): f[3]
        for f in store.conn.execute("SELECT unit_id, period_id, indicator_id, value FROM figures")
    }


@pytest.mark.usefixtures("update_from")
def test_a_paste_of_many_changes_in_several_statements_is_written_summed_and_undone_as_one(demo_store):
    ids = [r[0] for r in demo_store.conn.execute("SELECT id FROM indicators")]
    before, sums_before = demo_store.rows("SELECT * FROM figures ORDER BY id"), kept_sums(demo_store, ids)
    rows, expected, updates = _three_weeks_pasted(demo_store)
    assert updates > 2 * (999 // 4)  # more than two UPDATE statements of 249 rows
    with demo_store.batch("粘贴三周") as batch:
        counts = set_figures(batch, rows, source="grid")
    assert counts["added"] == 60 and counts["changed"] == updates and counts["cleared"] > 50
    written = {k: v for k, v in _figures_by_key(demo_store).items() if k[1] in {r[1] for r in rows}}
    assert written == {k: v for k, v in expected.items() if k[1] in {r[1] for r in rows}}
    assert kept_sums(demo_store, ids) != sums_before
    assert_sums_hold(demo_store)  # the kept sums and every cumulative table against a GROUP BY
    twice = demo_store.row(
        "SELECT * FROM figures WHERE unit_id = ? AND period_id = ? AND indicator_id = ?", rows[9][:3]
    )
    assert twice["value"] == 4321 and twice["source"] == "grid"
    states = [(c["label"], c["old"], c["new"]) for c in record_history(demo_store, "figures", twice["id"])]
    pasted = [(json.loads(old)["value"], json.loads(new)["value"]) for label, old, new in states if label == "粘贴三周"]
    first = next(f["value"] for f in before if f["id"] == twice["id"])
    assert pasted == [(first, 4321)]  # one change of the stored figure to its last value
    after = demo_store.rows("SELECT * FROM figures ORDER BY id")
    assert undo(demo_store) == "粘贴三周"
    assert demo_store.rows("SELECT * FROM figures ORDER BY id") == before
    assert kept_sums(demo_store, ids) == sums_before
    assert_sums_hold(demo_store)
    assert redo(demo_store) == "粘贴三周"
    assert demo_store.rows("SELECT * FROM figures ORDER BY id") == after
    assert_sums_hold(demo_store)
