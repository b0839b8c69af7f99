"""Units of another office's file matched by name: no doubles, twice changes nothing, remembered, chains."""

from __future__ import annotations

import json

import pytest

from models.cli import run
from models.errors import ValidationError
from models.exchange import merge
from models.exchange.starter import make_starter
from models.exchange.unit_matches import name_key
from models.store.opening import open_store
from tests.models.exchange.offices import own_file, totals, unit_figures

TOWN_UNITS = [
    ("南宁街道办事处", None),
    ("区应急　管理局", None),  # a full-width space typed in the middle
    ("曲靖麒麟建材有限公司 ", None),
    ("新村村委会", "南宁街道办事处"),
]


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("城关镇人民政府", "城关镇"),
        ("城关镇政府", "城关镇人民政府"),
        ("区应急　管理局", "区应急管理局"),
        ("ＡＢＣ公司", "abc公司"),
        ("南宁街道办事处", "南宁街道"),
        ("大河村村民委员会", "大河村委会"),
        ("大河村民委员会", "大河村"),
        ("新华社区居民委员会", "新华社区居委会"),
    ],
)
def test_names_that_mean_the_same_unit(one, other):
    assert name_key(one) == name_key(other)


@pytest.mark.parametrize(("one", "other"), [("城关镇", "城南镇"), ("区应急管理局", "市应急管理局"), ("大河村", "大河")])
def test_names_that_do_not(one, other):
    assert name_key(one) != name_key(other)


@pytest.fixture
def town(tmp_path):
    made = own_file(tmp_path / "town.db", "南宁街道办事处", TOWN_UNITS, {1: 11011, 2: 12012})
    yield made
    made.close()


def test_preview_proposes_matches_in_the_clerks_words(demo_store, town):
    plan = merge.preview(demo_store, town.path)
    shown = {r["their_name"]: r for r in plan["unit_matches"]}
    assert shown["南宁街道办事处"]["mine_name"] == "南宁街道" and shown["南宁街道办事处"]["how"] == "name"
    assert shown["区应急　管理局"]["mine_name"] == "区应急管理局"
    assert shown["新村村委会"]["mine_id"] is None
    text = "\n".join(merge.summary_lines(plan))
    assert "南宁街道办事处 = 南宁街道（本机）" in text and "单位按名称对应 3 个" in text
    assert plan["tables"]["units"]["added"] == 1  # only the village


def test_a_town_file_made_from_scratch_adds_no_unit_twice(demo_store, town):
    names_before = demo_store.scalar("SELECT count(DISTINCT name) FROM units")
    units_before = demo_store.scalar("SELECT count(*) FROM units")
    merge.merge(demo_store, town.path, take="theirs")
    assert demo_store.scalar("SELECT count(*) FROM units") == units_before + 1  # 新村村委会
    assert demo_store.scalar("SELECT count(DISTINCT name) FROM units") == names_before + 1
    village = demo_store.row(
        "SELECT u.*, p.name AS parent FROM units u JOIN units p ON p.id = u.parent_id WHERE u.name = '新村村委会'"
    )
    assert village["parent"] == "南宁街道"  # follows its matched parent
    week = [v for seq, _, v in unit_figures(demo_store, "南宁街道") if seq in (1, 2)]
    assert week.count(11011) == 3 and week.count(12012) == 3  # the town's figures landed on our unit
    assert demo_store.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    before = totals(demo_store)
    again = merge.merge(demo_store, town.path)
    assert not again["applied"] and again["total_changes"] == 0 and again["total_conflicts"] == 0
    assert totals(demo_store) == before


def test_matches_are_remembered_and_the_clerks_choice_wins(demo_store, town):
    plan = merge.preview(demo_store, town.path)
    their = {r["their_name"]: r["their_id"] for r in plan["unit_matches"]}
    firm = demo_store.scalar("SELECT id FROM units WHERE name = '区消防救援大队'")
    choices = {their["曲靖麒麟建材有限公司 "]: None, their["新村村委会"]: firm}
    merge.merge(demo_store, town.path, take="theirs", unit_choices=choices)
    memory = json.loads(demo_store.meta(f"unit_matches:{town.office_id}"))
    assert memory[their["新村村委会"]] == firm and memory[their["曲靖麒麟建材有限公司 "]] is None
    assert demo_store.scalar("SELECT count(*) FROM units WHERE name = '曲靖麒麟建材有限公司 '") == 1
    assert demo_store.scalar("SELECT count(*) FROM units WHERE name = '新村村委会'") == 0
    again = merge.preview(demo_store, town.path)  # the next file from that office: the same decisions
    rows = {r["their_name"]: r for r in again["unit_matches"]}
    assert rows.get("新村村委会") is None or rows["新村村委会"]["mine_id"] == firm
    assert again["total_changes"] == 0


def test_two_of_theirs_on_one_of_ours_is_refused(demo_store, town):
    plan = merge.preview(demo_store, town.path)
    ours = demo_store.scalar("SELECT id FROM units WHERE name = '南宁街道'")
    choices = {r["their_id"]: ours for r in plan["unit_matches"][:2]}
    before = totals(demo_store)
    with pytest.raises(ValidationError, match="不能都对应本机的“南宁街道”"):
        merge.merge(demo_store, town.path, take="theirs", unit_choices=choices)
    assert totals(demo_store) == before


def test_two_separate_demo_files_merge_without_doubles(demo_store, tmp_path):
    from models.demo import load_demo

    other = open_store(tmp_path / "other-demo.db")
    load_demo(other)
    other.close()
    from models.store.schema import TABLES

    kept = [t for t in TABLES if t not in ("meta", "batches", "changes")]
    before = {t: demo_store.scalar(f"SELECT count(*) FROM [{t}]") for t in kept}
    merge.merge(demo_store, tmp_path / "other-demo.db", take="mine")
    assert {t: demo_store.scalar(f"SELECT count(*) FROM [{t}]") for t in kept} == before


def test_headless_merge_applies_matches_and_the_flag_turns_them_off(demo_path, tmp_path, capsys):
    town = own_file(tmp_path / "town.db", "南宁街道办事处", TOWN_UNITS, {1: 11})
    town.close()
    copy = tmp_path / "copy.db"
    copy.write_bytes(demo_path.read_bytes())
    assert run(["merge", str(tmp_path / "town.db"), "--db", str(demo_path), "--take", "theirs"]) == 0
    assert "南宁街道办事处 = 南宁街道（本机）" in capsys.readouterr().out
    assert run(["merge", str(tmp_path / "town.db"), "--db", str(copy), "--take", "theirs", "--no-match"]) == 0
    capsys.readouterr()
    for path, doubled in ((demo_path, 0), (copy, 1)):
        store = open_store(path, readonly=True)
        try:
            assert store.scalar("SELECT count(*) FROM units WHERE name = '南宁街道办事处'") == doubled
        finally:
            store.close()


def _chain(tmp_path, demo_store):
    """District (the demo) → a town made from its starter file → a village that built its own file."""
    town_path = tmp_path / "南宁街道.db"
    make_starter(demo_store, town_path, "南宁街道办事处")
    town = open_store(town_path)
    parent = town.scalar("SELECT id FROM units WHERE name = '南宁街道'")
    with town.batch("增设村") as batch:
        batch.insert("units", {"name": "新村", "category": "镇/街道", "parent_id": parent})
    village = own_file(tmp_path / "新村.db", "新村村民委员会", [("新村村民委员会", None)], {1: 5, 2: 6})
    village.close()
    merge.merge(town, tmp_path / "新村.db", take="mine")
    town.close()
    return town_path, tmp_path / "新村.db"


def test_three_levels_twice_or_by_two_routes_change_nothing(demo_store, demo_path, tmp_path):
    town_path, village_path = _chain(tmp_path, demo_store)
    other_path = tmp_path / "district-b.db"
    other_path.write_bytes(demo_path.read_bytes())
    # route 1: the town's file (which holds the village's), then the village's own file
    merge.merge(demo_store, town_path, take="mine")
    first = totals(demo_store)
    village_figures = unit_figures(demo_store, "新村")
    assert len(village_figures) == 6 and {v for *_, v in village_figures} == {5, 6}
    for path in (town_path, village_path, town_path):
        again = merge.merge(demo_store, path, take="mine")
        assert again["total_changes"] == 0, path
    assert totals(demo_store) == first and unit_figures(demo_store, "新村") == village_figures
    # route 2, in another copy of the district: the village's file first, then the town's
    other = open_store(other_path)
    try:
        merge.merge(other, village_path, take="mine")
        merge.merge(other, town_path, take="mine")
        assert merge.merge(other, village_path, take="mine")["total_changes"] == 0
        assert other.scalar("SELECT count(*) FROM units WHERE name IN ('新村', '新村村民委员会')") == 1
        assert sorted(unit_figures(other, "新村") + unit_figures(other, "新村村民委员会")) == village_figures
        assert totals(other)["figures"] == first["figures"]
    finally:
        other.close()
