"""Merging another office's file: preview, conflicts, one undoable action, idempotent."""

from __future__ import annotations

import json

import pytest

from models.errors import ImportRejected
from models.exchange import merge
from models.store import backups, history
from tests.models.files_helpers import first_figure, other_office, value


@pytest.fixture
def town(demo_path, tmp_path):
    """The district's demo file, carried to a town that then works on it."""
    opened = other_office(demo_path, tmp_path / "town.db")
    yield opened
    opened.close()


def _town_edits(town, figure_id):
    with town.batch("镇里填报") as batch:
        batch.update("figures", figure_id, {"value": 999})
        district = town.scalar("SELECT id FROM units WHERE parent_id IS NULL ORDER BY name LIMIT 1")
        batch.insert("units", {"name": "新设社区", "category": "镇/街道", "parent_id": district})


def test_preview_counts_and_writes_nothing(demo_store, town):
    fid = first_figure(demo_store)
    _town_edits(town, fid)
    before = demo_store.scalar("SELECT count(*) FROM changes")
    plan = merge.preview(demo_store, town.path)
    assert plan["tables"]["figures"]["updated"] == 1
    assert plan["tables"]["units"]["added"] == 1
    assert plan["tables"]["figures"]["unchanged"] == demo_store.scalar("SELECT count(*) FROM figures") - 1
    assert plan["total_conflicts"] == 0
    text = "\n".join(merge.summary_lines(plan))
    assert "城关镇安委办" in text and "统计数据：新增 0，更新 1" in text
    assert demo_store.scalar("SELECT count(*) FROM changes") == before
    assert value(demo_store, fid) != 999


def test_merge_applies_once_keeps_parents_and_undoes(demo_store, town, tmp_path):
    fid = first_figure(demo_store)
    old = value(demo_store, fid)
    _town_edits(town, fid)
    taken = []
    plan = merge.merge(demo_store, town.path, backup=lambda s, why: taken.append(backups.make_backup(s, why)))
    assert plan["applied"] and len(taken) == 1 and taken[0].exists()
    assert value(demo_store, fid) == 999
    unit = demo_store.row("SELECT * FROM units WHERE name = '新设社区'")
    assert unit["parent_id"] is not None
    assert history.undoable(demo_store)["label"] == "合并 城关镇安委办 的文件"
    # the town's own history came along, but not into this office's undo stack
    assert demo_store.scalar("SELECT state FROM batches WHERE label = '镇里填报'") == "dropped"
    assert len(history.record_history(demo_store, "figures", fid)) >= 2
    # twice changes nothing
    again = merge.merge(demo_store, town.path)
    assert not again["applied"] and again["total_changes"] == 0
    assert history.undoable(demo_store)["label"] == "合并 城关镇安委办 的文件"
    history.undo(demo_store)
    assert value(demo_store, fid) == old
    assert demo_store.scalar("SELECT count(*) FROM units WHERE name = '新设社区'") == 0
    history.redo(demo_store)
    assert value(demo_store, fid) == 999
    assert demo_store.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_merge_leaves_the_connection_as_it_found_it(demo_store, town):
    settings = ("trusted_schema", "temp_store", "cache_size")
    before = [demo_store.scalar(f"PRAGMA {name}") for name in settings]
    _town_edits(town, first_figure(demo_store))
    merge.preview(demo_store, town.path)
    assert merge.merge(demo_store, town.path)["applied"]
    assert [demo_store.scalar(f"PRAGMA {name}") for name in settings] == before
    assert [row[1] for row in demo_store.conn.execute("PRAGMA database_list")] == ["main"]


def test_conflict_is_never_overwritten_silently(demo_store, town):
    # values no demo figure has: a change to the value a figure already holds is no change at all
    fid = first_figure(demo_store)
    with demo_store.batch("区里改") as batch:
        batch.update("figures", fid, {"value": 50005})
    with town.batch("镇里改") as batch:
        batch.update("figures", fid, {"value": 70007})
    plan = merge.preview(demo_store, town.path)
    assert plan["total_conflicts"] == 1
    conflict = plan["conflicts"][0]
    assert (conflict["mine"]["value"], conflict["theirs"]["value"]) == (50005, 70007)
    with pytest.raises(ImportRejected, match="1 处冲突"):
        merge.merge(demo_store, town.path)
    assert value(demo_store, fid) == 50005
    merge.merge(demo_store, town.path, decisions={f"figures:{fid}": "mine"})
    assert value(demo_store, fid) == 50005
    # decided once: the same file again is no longer a conflict
    assert merge.preview(demo_store, town.path)["total_conflicts"] == 0


def test_take_theirs_for_all_conflicts(demo_store, town):
    fid = first_figure(demo_store)
    with demo_store.batch("区里改") as batch:
        batch.update("figures", fid, {"value": 50005})
    with town.batch("镇里改") as batch:
        batch.update("figures", fid, {"value": 70007})
    merge.merge(demo_store, town.path, take="theirs")
    assert value(demo_store, fid) == 70007


def test_change_only_here_is_kept(demo_store, town):
    fid = first_figure(demo_store)
    with demo_store.batch("区里改") as batch:
        batch.update("figures", fid, {"value": 50005})
    plan = merge.merge(demo_store, town.path)
    assert plan["tables"]["figures"]["kept"] == 1 and plan["total_conflicts"] == 0
    assert value(demo_store, fid) == 50005


def test_merge_with_itself_is_a_no_op(demo_store, demo_path, tmp_path):
    import shutil

    copy = tmp_path / "自己的副本.db"
    shutil.copy(demo_path, copy)
    count = demo_store.scalar("SELECT count(*) FROM batches")
    plan = merge.merge(demo_store, copy)
    assert plan["same_office"] and not plan["applied"]
    assert "本单位自己文件的副本" in "\n".join(merge.summary_lines(plan))
    assert demo_store.scalar("SELECT count(*) FROM batches") == count


def test_separately_created_campaign_maps_by_year(store, demo_path, tmp_path):
    """An office that typed its own 2021 campaign gets the other office's figures under it."""
    with store.batch("新建活动") as batch:
        batch.insert("campaigns", {"year": 2021, "title": "2021年安全生产月"})
    plan = merge.preview(store, demo_path)
    assert plan["tables"]["campaigns"]["conflicts"] == 1  # both offices wrote their own 2021 campaign
    merge.merge(store, demo_path, take="theirs")
    assert store.scalar("SELECT count(*) FROM campaigns WHERE year = 2021") == 1
    assert store.scalar("SELECT title FROM campaigns WHERE year = 2021") != "2021年安全生产月"
    assert store.scalar("SELECT count(*) FROM figures") > 0
    assert store.conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_merge_command_dry_run_and_json(demo_path, tmp_path, capsys):
    from models.cli import run

    town = other_office(demo_path, tmp_path / "town.db")
    fid = first_figure(town)
    with town.batch("镇里填报") as batch:
        batch.update("figures", fid, {"value": 999})
    town.close()
    assert run(["merge", str(tmp_path / "town.db"), "--db", str(demo_path), "--dry-run"]) == 0
    assert "预览，未写入" in capsys.readouterr().out
    assert run(["merge", str(tmp_path / "town.db"), "--db", str(demo_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["applied"] and data["tables"]["figures"]["updated"] == 1
    assert list((demo_path.parent / "备份").glob("*合并前.db"))


def test_very_large_merge_is_undone_by_the_backup(demo_store, town, monkeypatch):
    monkeypatch.setattr(merge, "LARGE_MERGE_ROWS", 0)
    fid = first_figure(demo_store)
    old = value(demo_store, fid)
    _town_edits(town, fid)
    plan = merge.merge(demo_store, town.path, backup=backups.make_backup)
    assert plan["undo"] == "backup" and "合并前" in plan["backup"]
    assert value(demo_store, fid) == 999
    assert history.undoable(demo_store) is None  # Ctrl+Z cannot step past it
    backups.restore(demo_store, plan["backup"])
    assert value(demo_store, fid) == old
