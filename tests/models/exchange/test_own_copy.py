"""A copy of this office's own file, worked on elsewhere, comes home: its new and changed records merge."""

from __future__ import annotations

import pytest

from models.errors import ImportRejected
from models.exchange import merge
from models.store import copies
from models.store.opening import open_store


@pytest.fixture
def stick_copy(demo_store, tmp_path):
    """The office's file packed for a stick, opened elsewhere (same office id)."""
    target = tmp_path / "U盘" / "副本.db"
    target.parent.mkdir()
    copies.pack(demo_store, target)
    opened = open_store(target)
    yield opened
    opened.close()


def _figures(store, count: int, offset: int = 0) -> list[dict]:
    return store.rows("SELECT id, value FROM figures ORDER BY id LIMIT ? OFFSET ?", (count, offset))


def test_twenty_changed_figures_and_a_new_unit_come_home(demo_store, stick_copy):
    changed = _figures(stick_copy, 20)
    with stick_copy.batch("在家填报") as batch:
        for n, row in enumerate(changed):
            batch.update("figures", row["id"], {"value": 80000 + n})
        batch.insert("units", {"name": "新设社区居委会", "category": "镇/街道"})
    plan = merge.preview(demo_store, stick_copy.path)
    assert plan["same_office"]
    assert plan["tables"]["figures"]["updated"] == 20 and plan["tables"]["units"]["added"] == 1
    text = "\n".join(merge.summary_lines(plan))
    assert "本单位自己文件的副本" in text and "副本保存于" in text
    assert "统计数据：新增 0，更新 20" in text and "单位：新增 1" in text
    result = merge.merge(demo_store, stick_copy.path)
    assert result["applied"] and result["changes"] == 21
    for n, row in enumerate(changed):
        assert demo_store.scalar("SELECT value FROM figures WHERE id = ?", (row["id"],)) == 80000 + n
    assert demo_store.scalar("SELECT count(*) FROM units WHERE name = '新设社区居委会'") == 1
    batches = demo_store.scalar("SELECT count(*) FROM batches")
    again = merge.merge(demo_store, stick_copy.path)
    assert not again["applied"] and again["total_changes"] == 0
    assert "合并不会改变任何数据" in "\n".join(merge.summary_lines(again))
    assert demo_store.scalar("SELECT count(*) FROM batches") == batches


def test_a_copy_without_changes_changes_nothing(demo_store, stick_copy):
    plan = merge.merge(demo_store, stick_copy.path)
    assert plan["same_office"] and not plan["applied"] and plan["total_changes"] == 0
    assert "副本中没有本机还没有的修改" in "\n".join(merge.summary_lines(plan))


def test_an_old_copy_never_brings_old_values_back(demo_store, stick_copy):
    row = _figures(demo_store, 1)[0]
    with demo_store.batch("本机后来改") as batch:
        batch.update("figures", row["id"], {"value": 61616})
    plan = merge.merge(demo_store, stick_copy.path)
    assert plan["total_changes"] == 0 and plan["tables"]["figures"]["kept"] == 1
    assert demo_store.scalar("SELECT value FROM figures WHERE id = ?", (row["id"],)) == 61616


def test_changed_on_both_sides_is_a_conflict_only_here_stays(demo_store, stick_copy):
    both, here, there = _figures(demo_store, 3)
    with demo_store.batch("本机改") as batch:
        batch.update("figures", both["id"], {"value": 50005})
        batch.update("figures", here["id"], {"value": 50006})
    with stick_copy.batch("副本里改") as batch:
        batch.update("figures", both["id"], {"value": 70007})
        batch.update("figures", there["id"], {"value": 70008})
    plan = merge.preview(demo_store, stick_copy.path)
    assert plan["total_conflicts"] == 1 and plan["conflicts"][0]["id"] == both["id"]
    with pytest.raises(ImportRejected, match="1 处冲突"):
        merge.merge(demo_store, stick_copy.path)
    merge.merge(demo_store, stick_copy.path, decisions={f"figures:{both['id']}": "theirs"})
    values = {r["id"]: r["value"] for r in demo_store.rows("SELECT id, value FROM figures")}
    assert (values[both["id"]], values[here["id"]], values[there["id"]]) == (70007, 50006, 70008)


def test_a_towns_file_merged_into_the_copy_comes_home_too(demo_store, stick_copy, tmp_path):
    from tests.models.files_helpers import other_office

    town = other_office(stick_copy.path, tmp_path / "town.db")
    row = _figures(town, 1, offset=5)[0]
    with town.batch("镇里填报") as batch:
        batch.update("figures", row["id"], {"value": 90909})
    town.close()
    assert merge.merge(stick_copy, tmp_path / "town.db")["applied"]  # merged at home, into the copy
    plan = merge.merge(demo_store, stick_copy.path)
    assert plan["applied"] and plan["tables"]["figures"]["updated"] == 1
    assert demo_store.scalar("SELECT value FROM figures WHERE id = ?", (row["id"],)) == 90909
    assert merge.merge(demo_store, tmp_path / "town.db")["total_changes"] == 0  # the town's file itself: no news
