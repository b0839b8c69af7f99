"""Editing liaisons (validated, undoable, in the history) and carrying them over to a new campaign."""

from __future__ import annotations

import pytest

from models.campaigns.campaign import campaign_by_year
from models.campaigns.units import add_unit
from models.errors import ValidationError
from models.liaisons.liaison import add_liaison, carry_over, edit_liaison, liaison_rows, units_without_liaison
from models.store import history


@pytest.fixture
def campaign(store):
    with store.batch("活动") as batch:
        return batch.insert("campaigns", {"year": 2023, "title": "2023年安全生产月"})


def test_edit_is_one_undoable_batch_in_history(store, campaign):
    unit = add_unit(store, "越州镇", "镇/街道", campaign_id=campaign)
    person = add_liaison(store, campaign, unit, {"name": "张三", "mobile": "13812345678"})
    assert edit_liaison(store, person, {"mobile": "139 0000 1111", "position": "站长"})
    assert store.get("liaisons", person)["mobile"] == "139 0000 1111"
    trail = history.record_history(store, "liaisons", person)
    assert trail[-1]["label"] == "修改联络员 张三 的职务、手机"
    assert history.undo(store) == "修改联络员 张三 的职务、手机"
    assert store.get("liaisons", person)["mobile"] == "13812345678"
    assert not edit_liaison(store, person, {"mobile": "13812345678"})


def test_errors_refused_warnings_need_confirmation(store, campaign):
    unit = add_unit(store, "越州镇", "镇/街道", campaign_id=campaign)
    person = add_liaison(store, campaign, unit, {"name": "张三"})
    with pytest.raises(ValidationError, match="手机：手机号应为 11 位"):
        edit_liaison(store, person, {"mobile": "1381234"})
    with pytest.raises(ValidationError, match="需要确认"):
        edit_liaison(store, person, {"office_phone": "6172266"})
    assert edit_liaison(store, person, {"office_phone": "6172266"}, confirmed=True)
    assert edit_liaison(store, person, {"office_phone": "0874—6172266转8001"})
    assert store.get("liaisons", person)["office_phone"] == "0874—6172266转8001"  # kept as typed


def test_units_without_liaison(store, campaign):
    named = add_unit(store, "甲镇", "镇/街道", campaign_id=campaign)
    add_unit(store, "乙镇", "镇/街道", campaign_id=campaign)
    add_liaison(store, campaign, named, {"name": "李四"})
    assert [r["unit_name"] for r in units_without_liaison(store, campaign)] == ["乙镇"]


def test_carry_over_from_previous_campaign(demo_store):
    old = campaign_by_year(demo_store, 2022)
    with demo_store.batch("新活动") as batch:
        new = batch.insert("campaigns", {"year": 2023, "title": "2023年安全生产月"})
    before = liaison_rows(demo_store, old["id"])
    result = carry_over(demo_store, new)
    assert result["from_year"] == 2022
    after = liaison_rows(demo_store, new)
    assert [(r["unit_name"], r["name"], r["mobile"]) for r in after] == [
        (r["unit_name"], r["name"], r["mobile"]) for r in before
    ]
    again = carry_over(demo_store, new)
    assert again["liaisons_copied"] == 0 and again["units_joined"] == 0
    assert history.undo(demo_store) == "沿用 2022 年联络员名单"  # the second run recorded nothing
    assert liaison_rows(demo_store, new) == []


def test_carry_over_keeps_liaisons_already_named(demo_store):
    old = campaign_by_year(demo_store, 2022)
    with demo_store.batch("新活动") as batch:
        new = batch.insert("campaigns", {"year": 2023, "title": "2023年安全生产月"})
    first = liaison_rows(demo_store, old["id"])[0]
    from models.campaigns.units import add_units_to_campaign

    add_units_to_campaign(demo_store, new, [first["unit_id"]])
    add_liaison(demo_store, new, first["unit_id"], {"name": "新来的"})
    result = carry_over(demo_store, new)
    assert result["units_kept"] == 1
    names = [r["name"] for r in liaison_rows(demo_store, new) if r["unit_id"] == first["unit_id"]]
    assert names == ["新来的"]
