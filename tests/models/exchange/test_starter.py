"""A starter file for a town: campaign, units, layout and notices, its own identity; its returns merge."""

from __future__ import annotations

import json

import pytest

from models.campaigns.office import get_office, set_office
from models.cli import run
from models.errors import ValidationError
from models.exchange import merge
from models.exchange.starter import make_starter
from models.progress.figures import set_figures
from models.store import history
from models.store.opening import open_store


@pytest.fixture
def starter(demo_store, tmp_path):
    set_office(demo_store, name="麒麟区安委办", level="区", filler="张三", phone="0874-1234567")
    target = tmp_path / "城关镇起始文件.db"
    info = make_starter(demo_store, target, " 城关镇人民政府 ")
    assert info["office_name"] == "城关镇人民政府"
    opened = open_store(target)
    yield opened
    opened.close()


def _count(store, table: str) -> int:
    return store.scalar(f"SELECT count(*) FROM [{table}]")


def test_starter_holds_the_frame_and_an_identity_of_its_own(demo_store, starter):
    for table in ("campaigns", "units", "campaign_units", "indicators", "periods", "notices", "deadlines"):
        assert _count(starter, table) == _count(demo_store, table) > 0, table
    for table in ("figures", "narratives", "liaisons", "deliveries", "reports"):
        assert _count(starter, table) == 0, table
    assert starter.scalar("SELECT count(*) FROM changes WHERE table_name = 'figures'") == 0
    assert starter.office_id and starter.office_id != demo_store.office_id
    office = get_office(starter)
    assert (office.name, office.level, office.filler, office.phone) == ("城关镇人民政府", "镇", "", "")
    assert office.region_word == "全镇"
    assert history.undoable(starter) is None  # the district's actions are not the town's to undo
    assert json.loads(starter.meta("starter_of"))["office_name"] == "麒麟区安委办"
    assert get_office(demo_store).name == "麒麟区安委办"  # the district's own file is unchanged


def test_returns_from_the_starter_merge_as_the_towns(demo_store, starter):
    unit_id = starter.scalar("SELECT id FROM units WHERE name = '越州镇'")
    period_id = starter.scalar("SELECT id FROM periods ORDER BY start_date LIMIT 1")
    indicator_ids = [
        r["id"]
        for r in starter.rows(
            "SELECT id FROM indicators WHERE campaign_id = (SELECT campaign_id FROM periods WHERE id = ?) LIMIT 3",
            (period_id,),
        )
    ]
    with demo_store.batch("区里先清掉") as batch:  # the district has no figure for that week yet
        for row in demo_store.rows("SELECT id FROM figures WHERE unit_id = ? AND period_id = ?", (unit_id, period_id)):
            batch.delete("figures", row["id"])
    with starter.batch("镇里填报") as batch:
        set_figures(batch, [(unit_id, period_id, i, 7) for i in indicator_ids])
        batch.insert("units", {"name": "新村村委会", "category": "镇/街道", "parent_id": unit_id})
    plan = merge.preview(demo_store, starter.path)
    assert not plan["same_office"] and plan["office_name"] == "城关镇人民政府"
    assert plan["tables"]["units"]["added"] == 1 and plan["total_conflicts"] == 0
    assert "这是本单位给“城关镇人民政府”的起始文件，由对方填报后交回。" in merge.summary_lines(plan)
    result = merge.merge(demo_store, starter.path)
    assert result["applied"]
    values = demo_store.rows("SELECT value FROM figures WHERE unit_id = ? AND period_id = ?", (unit_id, period_id))
    assert [r["value"] for r in values] == [7, 7, 7]
    assert merge.merge(demo_store, starter.path)["total_changes"] == 0


def test_a_blank_name_is_refused_and_writes_nothing(demo_store, tmp_path):
    with pytest.raises(ValidationError, match="请填写接收起始文件的单位名称"):
        make_starter(demo_store, tmp_path / "x.db", "  ")
    assert not (tmp_path / "x.db").exists()


def test_starter_command(demo_path, tmp_path, capsys):
    out = tmp_path / "起始.db"
    assert run(["starter", "--db", str(demo_path), "--for", "区应急管理局", "--out", str(out)]) == 0
    text = capsys.readouterr().out
    assert "已生成给“区应急管理局”的起始文件" in text and "单位" in text
    made = open_store(out, readonly=True)
    try:
        assert get_office(made).name == "区应急管理局"
    finally:
        made.close()
    assert run(["starter", "--db", str(demo_path), "--for", "", "--out", str(out)]) == 2
    assert "请填写接收起始文件的单位名称" in capsys.readouterr().err
