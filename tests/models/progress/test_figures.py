"""Writing figures in a batch: what each write did, many at once, and undo of a whole paste."""

from __future__ import annotations

from models.progress.figures import set_figure, set_figures
from models.store.history import undo


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
