"""The conflict list in the clerk's words: unit, week, indicator or field, both values, who and when."""

from __future__ import annotations

import re

import pytest

from models.campaigns.office import set_office
from models.cli import run
from models.exchange import conflicts, merge
from tests.models.files_helpers import other_office

COLUMN = re.compile(r"\b(None|due_date|theme|value|unit_id|period_id|[0-9a-f]{8})\b")


@pytest.fixture
def both_changed(demo_store, demo_path, tmp_path):
    set_office(demo_store, name="麒麟区安委办")
    town = other_office(demo_path, tmp_path / "town.db")
    figure = demo_store.row(
        "SELECT f.id, u.name AS unit, p.label AS week, i.label AS indicator FROM figures f"
        " JOIN units u ON u.id = f.unit_id JOIN periods p ON p.id = f.period_id"
        " JOIN indicators i ON i.id = f.indicator_id ORDER BY f.id LIMIT 1"
    )
    period = demo_store.row("SELECT id, label FROM periods ORDER BY id LIMIT 1")
    campaign = demo_store.row("SELECT id, theme FROM campaigns ORDER BY year LIMIT 1")
    with demo_store.batch("区里核对") as batch:
        batch.update("figures", figure["id"], {"value": 50005})
        batch.update("periods", period["id"], {"due_date": "2021-06-08"})
        batch.update("campaigns", campaign["id"], {"theme": None})
    with town.batch("镇里填报") as batch:
        batch.update("figures", figure["id"], {"value": 70007})
        batch.update("periods", period["id"], {"due_date": "2021-06-09"})
        batch.update("campaigns", campaign["id"], {"theme": "人人讲安全"})
    town.close()
    return {"figure": figure, "period": period, "path": tmp_path / "town.db"}


def test_each_conflict_says_where_what_and_who(demo_store, both_changed):
    plan = merge.preview(demo_store, both_changed["path"])
    found = {c["table"]: c for c in plan["conflicts"]}
    assert set(found) == {"figures", "periods", "campaigns"}
    figure = both_changed["figure"]
    one = found["figures"]
    assert (one["unit"], one["period"]) == (figure["unit"], figure["week"])
    assert figure["indicator"] in one["item"] and one["label"].startswith(f"{figure['unit']} · {figure['week']}")
    assert one["fields"] == [{"field": "数值", "mine": "50005", "theirs": "70007"}]
    assert one["mine_by"].startswith("麒麟区安委办，") and "区里核对" in one["mine_by"]
    assert one["theirs_by"].startswith("城关镇安委办，") and "镇里填报" in one["theirs_by"]
    assert found["periods"]["fields"] == [{"field": "截止日期", "mine": "2021-06-08", "theirs": "2021-06-09"}]
    assert found["campaigns"]["fields"] == [{"field": "主题", "mine": "（空）", "theirs": "人人讲安全"}]
    for conflict in plan["conflicts"]:
        text = conflicts.sentence(conflict)
        assert not COLUMN.search(text), text


def test_the_command_lists_conflicts_in_words(demo_path, both_changed, capsys):
    assert run(["merge", str(both_changed["path"]), "--db", str(demo_path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "冲突：统计数据：" in out and "数值 本机 50005，对方 70007" in out and "截止日期 本机 2021-06-08" in out
    listed = [line for line in out.splitlines() if "冲突：" in line]
    assert listed and not any(COLUMN.search(line) for line in listed)
