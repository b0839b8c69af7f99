"""Blank forms → filled by a unit → re-import, matched exactly by the hidden mark; plain tables by their header."""

from __future__ import annotations

import json
import shutil
import zipfile

import openpyxl
import pytest
from openpyxl import Workbook, load_workbook

from models.campaigns.campaign import campaign_by_year
from models.liaisons.forms import blank_forms
from models.liaisons.importer import apply, describe, import_liaisons, preview
from models.liaisons.liaison import liaison_rows
from models.store import history


@pytest.fixture
def campaign(demo_store):
    return campaign_by_year(demo_store, 2021)


def _people(store, campaign, unit_name):
    return [r for r in liaison_rows(store, campaign["id"]) if r["unit_name"] == unit_name and r["id"]]


def _fill(path, rows, *, unit_cell=None):
    """Type into a blank form as a unit would: data rows start under the header (row 3)."""
    book = load_workbook(path)
    sheet = book["联络员名单"]
    for offset, values in enumerate(rows):
        for column, value in values.items():
            sheet[f"{column}{4 + offset}"] = value
    if unit_cell:
        sheet["B4"] = unit_cell
    book.save(path)


def test_blank_forms_look_like_office_forms(demo_store, campaign, tmp_path):
    files = blank_forms(demo_store, campaign, tmp_path)
    assert len(files) == 18 and files[0].name == "2021年联络员反馈表_南宁街道.xlsx"
    book = load_workbook(files[0])
    sheet = book["联络员名单"]
    assert sheet["A1"].value == "2021年“安全生产月”活动联络员名单"
    assert "A1:J1" in {str(r) for r in sheet.merged_cells.ranges}
    assert [c.value for c in sheet[3]] == [
        "序号",
        "单位名称",
        "角色",
        "姓名",
        "职务",
        "办公电话",
        "手机号码",
        "电子邮箱",
        "传真",
        "备注",
    ]
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9
    assert sheet["D4"].border.left.style == "thin"
    footer = [c.value for row in sheet.iter_rows(min_row=7) for c in row if c.value]
    assert any(v.startswith("填报单位（盖章）：南宁街道") and "填报人" in v for v in footer)
    assert any("5月21日" in v for v in footer)
    assert book["_desk_mark"].sheet_state == "veryHidden"
    one = blank_forms(demo_store, campaign, tmp_path, one_for_all=True)
    assert load_workbook(one[0])["联络员名单"].max_row > 36


def test_round_trip_matches_exactly_by_mark(demo_store, campaign, tmp_path):
    forms = tmp_path / "forms"
    forms.mkdir()
    files = {p.name: p for p in blank_forms(demo_store, campaign, forms)}
    returned = tmp_path / "returned"
    returned.mkdir()
    # 太和街道 had named nobody; the unit renames the file and even mistypes its own name.
    taihe = shutil.copy(files["2021年联络员反馈表_太和街道.xlsx"], returned / "太和（已填）.xlsx")
    _fill(
        taihe, [{"D": "王芳", "E": "安监站站长", "F": "0874—6172266转8001", "G": "139 8740 1234"}], unit_cell="太和街"
    )
    plan = preview(demo_store, campaign, [returned])
    assert plan["counts"]["added"] == 1 and plan["counts"]["errors"] == 0
    assert _people(demo_store, campaign, "太和街道") == []  # preview wrote nothing
    apply(demo_store, plan)
    person = _people(demo_store, campaign, "太和街道")[0]
    assert (person["name"], person["office_phone"], person["mobile"]) == ("王芳", "0874—6172266转8001", "139 8740 1234")
    assert history.undoable(demo_store)["label"] == "导入联络员表 1 个文件"
    again = preview(demo_store, campaign, [returned])
    assert again["counts"] == {**again["counts"], "added": 0, "changed": 0, "unchanged": 1}
    batches = demo_store.scalar("SELECT count(*) FROM batches")
    apply(demo_store, again)
    assert demo_store.scalar("SELECT count(*) FROM batches") == batches  # twice-import is a no-op


def test_changed_cells_reported_per_cell(demo_store, campaign, tmp_path):
    nanning = _people(demo_store, campaign, "南宁街道")[0]
    path = blank_forms(demo_store, campaign, tmp_path)[0]
    _fill(path, [{"C": "联络员", "D": nanning["name"], "G": "13900001111"}])
    plan = preview(demo_store, campaign, [path])
    change = plan["changes"][0]
    assert change["action"] == "changed" and change["diff"] == {"mobile": (nanning["mobile"], "13900001111")}
    assert any("手机（G4）" in line for line in describe(plan))


def test_dry_run_writes_nothing(demo_store, campaign, tmp_path, demo_path):
    path = blank_forms(demo_store, campaign, tmp_path)[5]
    _fill(path, [{"D": "赵六", "G": "13800001111"}])
    before = demo_path.read_bytes()
    plan = import_liaisons(demo_store, campaign, [path], dry_run=True)
    assert plan["counts"]["added"] == 1
    assert demo_path.read_bytes() == before


def test_form_from_another_database_matched_by_unit_name(demo_store, campaign, tmp_path):
    path = blank_forms(demo_store, campaign, tmp_path)[5]
    book = load_workbook(path)
    mark = json.loads(book["_desk_mark"]["A2"].value)
    mark.update(campaign_id="another-office", unit_id="another-unit")  # same year, another office's ids
    book["_desk_mark"]["A2"] = json.dumps(mark, ensure_ascii=False)
    book["联络员名单"]["D4"] = "王芳"
    book.save(path)
    plan = preview(demo_store, campaign, [path])
    assert plan["files"][0]["rejected"] is None
    assert [(c["unit_name"], c["fields"]["name"]) for c in plan["changes"]] == [("太和街道", "王芳")]


def test_form_of_another_campaign_refused(demo_store, campaign, tmp_path):
    other = campaign_by_year(demo_store, 2022)
    path = blank_forms(demo_store, other, tmp_path)[0]
    plan = preview(demo_store, campaign, [path])
    assert "2022 年" in plan["files"][0]["rejected"]


def _plain_table(path, rows):
    book = Workbook()
    sheet = book.active
    sheet.append(["麒麟区各单位联络员汇总表"])
    sheet.append([])
    sheet.append(["手机号码", "姓 名", "单位名称", "电子邮箱（选填）", "职务", "序号", "备注"])
    for row in rows:
        sheet.append(row)
    sheet.append([])
    sheet.append(["填报人：李明", None, "日期：2021年5月20日"])
    sheet.append(["注：本表请于5月21日前报送。"])
    book.save(path)
    return path


def test_plain_table_with_shuffled_columns_and_title_footer(demo_store, campaign, tmp_path):
    path = _plain_table(
        tmp_path / "汇总.xlsx",
        [
            [13911112222, "周七", "太和街道", "zq@163.com", "副主任", 1, None],
            ["13911113333", "吴八", None, None, "科员", 2, "与上一行同单位（合并单元格）"],
            ["1391111", "郑九", "区教育体育局", "zj@163。com", "科长", 3, None],
            ["13911114444", "钱十", "不存在的单位", None, None, 4, None],
        ],
    )
    plan = preview(demo_store, campaign, [path])
    added = {c["fields"]["name"]: c for c in plan["changes"] if c["action"] == "added"}
    assert set(added) == {"周七", "吴八", "郑九"}
    assert added["周七"]["fields"]["mobile"] == "13911112222"  # typed as a number, read as text
    assert added["吴八"]["unit_name"] == "太和街道"
    assert "mobile" not in added["郑九"]["fields"] and "email" not in added["郑九"]["fields"]
    cells = {e["cell"] for e in plan["files"][0]["errors"]}
    assert cells == {"A6", "D6", "C7"}
    apply(demo_store, plan)
    assert [p["name"] for p in _people(demo_store, campaign, "太和街道")] == ["周七", "吴八"]


def test_incoming_formulas_never_stored(demo_store, campaign, tmp_path):
    path = _plain_table(
        tmp_path / "f.xlsx", [['=CONCAT("139","11112222")', '=HYPERLINK("http://x","张三")', "太和街道"]]
    )
    plan = preview(demo_store, campaign, [path])
    assert plan["changes"] == []
    assert {e["cell"] for e in plan["files"][0]["errors"]} == {"A4", "B4"}
    text = _plain_table(tmp_path / "t.xlsx", [["13911112222", "=张三", "太和街道"]])
    load = load_workbook(text)
    load.active["B4"].data_type = "s"  # text that merely starts with '='
    load.save(text)
    plan = preview(demo_store, campaign, [text])
    assert plan["changes"] == [] and "公式" in plan["files"][0]["errors"][0]["message"]


def _bomb(path):
    head = '<?xml version="1.0"?><!--' + "x" * 5000 + '--><!DOCTYPE lol [<!ENTITY lol "lol">]>'
    book = Workbook()
    book.active["A1"] = "x"
    book.save(path)
    with zipfile.ZipFile(path) as src:
        parts = {n: src.read(n) for n in src.namelist()}
    sheet = parts["xl/worksheets/sheet1.xml"].decode()
    body = sheet.split("?>", 1)[-1]  # drop a declaration if there is one
    parts["xl/worksheets/sheet1.xml"] = (head + body).encode()
    with zipfile.ZipFile(path, "w") as out:
        for name, data in parts.items():
            out.writestr(name, data)


def test_hostile_files_refused_by_name_others_import(demo_store, campaign, tmp_path):
    assert openpyxl.xml.DEFUSEDXML is True
    folder = tmp_path / "in"
    folder.mkdir()
    _plain_table(folder / "好的.xlsx", [["13911112222", "周七", "太和街道"]])
    (folder / "坏的.xlsx").write_bytes(b"PK\x03\x04 broken")
    (folder / "加密.xlsx").write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 100)
    (folder / "旧版.xls").write_bytes(b"\0" * 100)
    _bomb(folder / "炸弹.xlsx")
    (folder / "~$好的.xlsx").write_bytes(b"lock")
    plan = import_liaisons(demo_store, campaign, [folder])
    rejected = {f["file"]: f["rejected"] for f in plan["files"] if f["rejected"]}
    assert set(rejected) == {"坏的.xlsx", "加密.xlsx", "旧版.xls", "炸弹.xlsx"}
    assert "不安全的 XML" in rejected["炸弹.xlsx"] and "加密" in rejected["加密.xlsx"]
    assert [p["name"] for p in _people(demo_store, campaign, "太和街道")] == ["周七"]
