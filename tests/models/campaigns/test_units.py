"""Units directory: unique names among siblings, reorder, deactivate instead of delete, list import."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from models.campaigns.unit_import import entries_from_rows, import_units, pasted_rows, read_unit_rows
from models.campaigns.units import (
    add_unit,
    delete_unit,
    edit_unit,
    list_units,
    move_unit,
    set_active,
)
from models.errors import ImportRejected, ValidationError
from models.liaisons.liaison import add_liaison
from models.store import history


@pytest.fixture
def campaign(store):
    with store.batch("活动") as batch:
        return batch.insert("campaigns", {"year": 2023, "title": "2023年安全生产月"})


def test_name_unique_among_siblings_only(store):
    town = add_unit(store, "越州镇", "镇/街道")
    add_unit(store, "安监站", "其他", parent_id=town)
    other = add_unit(store, "东山镇", "镇/街道")
    add_unit(store, "安监站", "其他", parent_id=other)  # same name under another parent is fine
    with pytest.raises(ValidationError, match="越州镇.*已有"):
        add_unit(store, " 安监站 ", "其他", parent_id=town)
    with pytest.raises(ValidationError, match="同一级已有"):
        add_unit(store, "东山镇", "镇/街道")
    with pytest.raises(ValidationError, match="类别"):
        add_unit(store, "某单位", "乡镇")


def test_parent_cannot_be_own_child(store):
    town = add_unit(store, "越州镇", "镇/街道")
    child = add_unit(store, "安监站", "其他", parent_id=town)
    with pytest.raises(ValidationError, match="上级单位不能"):
        edit_unit(store, town, name="越州镇", category="镇/街道", parent_id=child)


def test_list_units_puts_children_under_parents(store):
    a = add_unit(store, "甲镇", "镇/街道")
    add_unit(store, "乙局", "成员单位")
    add_unit(store, "甲村", "其他", parent_id=a)
    assert [(u["name"], u["depth"]) for u in list_units(store)] == [("甲镇", 0), ("甲村", 1), ("乙局", 0)]


def test_reorder_and_undo(store):
    ids = [add_unit(store, n, "企业") for n in ("甲", "乙", "丙")]
    assert move_unit(store, ids[2], -1)
    assert [u["name"] for u in list_units(store)] == ["甲", "丙", "乙"]
    assert not move_unit(store, ids[0], -1)
    assert history.undo(store).startswith("调整单位顺序")
    assert [u["name"] for u in list_units(store)] == ["甲", "乙", "丙"]


def test_unit_with_data_is_deactivated_never_deleted(store, campaign):
    unit = add_unit(store, "区应急管理局", "成员单位", campaign_id=campaign)
    add_liaison(store, campaign, unit, {"name": "张三", "mobile": "13812345678"})
    with pytest.raises(ValidationError, match="只能停用"):
        delete_unit(store, unit)
    set_active(store, unit, False)
    assert store.get("units", unit)["active"] == 0
    spare = add_unit(store, "录错的单位", "其他", campaign_id=campaign)
    delete_unit(store, spare)
    assert store.get("units", spare) is None


def test_campaign_unit_names_are_the_campaign_units_in_their_order(store, campaign):
    from models.campaigns.campaign import campaign_unit_names, campaign_units

    for name in ("乙局", "甲局", "丙局"):
        add_unit(store, name, "成员单位", campaign_id=campaign)
    set_active(store, campaign_units(store, campaign)[1]["id"], False)
    add_unit(store, "不参加的单位", "其他")
    names = campaign_unit_names(store, campaign)
    assert [u["name"] for u in names] == ["乙局", "丙局"]
    assert names == [{"id": u["id"], "name": u["name"]} for u in campaign_units(store, campaign)]


def test_import_from_xlsx_matches_existing_names(store, campaign, tmp_path):
    add_unit(store, "越州镇", "镇/街道")
    book = Workbook()
    sheet = book.active
    sheet.append(["麒麟区安委会成员单位名单"])
    sheet.append(["序号", "单位名称", "类别", "上级单位"])
    sheet.append([1, "越州镇", "乡镇", None])
    sheet.append([2, "区交通运输局", "部门", None])
    sheet.append([3, "越州镇安监站", "", "越州镇"])
    sheet.append([4, "区交通运输局", "部门", None])  # a duplicate line in the file
    sheet.append(["填报人：", None])
    book.save(tmp_path / "units.xlsx")
    entries = entries_from_rows(read_unit_rows(tmp_path / "units.xlsx"), "units.xlsx")
    result = import_units(store, entries, campaign)
    assert [e["name"] for e in result["added"]] == ["区交通运输局", "越州镇安监站"]
    assert {e["name"] for e in result["matched"]} == {"越州镇", "区交通运输局"}
    names = [u["name"] for u in list_units(store)]
    assert names.count("越州镇") == 1 and names.count("区交通运输局") == 1
    child = store.row("SELECT * FROM units WHERE name = '越州镇安监站'")
    assert store.get("units", child["parent_id"])["name"] == "越州镇"
    assert store.scalar("SELECT count(*) FROM campaign_units WHERE campaign_id = ?", (campaign,)) == 3
    again = import_units(store, entries, campaign)
    assert again["added"] == [] and again["joined"] == 0


def test_import_pasted_column_without_header(store):
    entries = entries_from_rows(pasted_rows("南宁街道\n\n建宁街道\t镇/街道\n区教育体育局\t成员单位\n"))
    result = import_units(store, entries)
    assert len(result["added"]) == 3
    assert store.row("SELECT category FROM units WHERE name = '建宁街道'")["category"] == "镇/街道"


def test_unknown_category_and_formula_reported_not_imported(store):
    rows = [["单位", "类别"], ["某公司", "外星"], ['=HYPERLINK("http://x","甲")', "企业"], ["乙公司", "企业"]]
    result = import_units(store, entries_from_rows(rows))
    assert [e["line"] for e in result["errors"]] == [2, 3]
    assert [u["name"] for u in list_units(store)] == ["乙公司"]


def test_hostile_unit_file_refused_by_name(store, tmp_path):
    bad = tmp_path / "名单.xlsx"
    bad.write_bytes(b"not a zip at all")
    with pytest.raises(ImportRejected, match="名单.xlsx"):
        read_unit_rows(bad)
