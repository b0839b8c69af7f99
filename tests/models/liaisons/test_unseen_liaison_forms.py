"""Liaison tables the sample set does not have: headers by meaning, two roles per row, read and filled."""

from __future__ import annotations

from openpyxl import Workbook, load_workbook

from models.campaigns.campaign import campaign_by_year
from models.campaigns.unit_import import entries_from_rows, import_units
from models.liaisons.export import export_liaisons
from models.liaisons.importer import import_liaisons, preview
from models.new_campaign import create_campaign

UNITS = ["城关镇", "东风镇", "县水务局"]


def _campaign(store):
    create_campaign(store, 2025)
    campaign = campaign_by_year(store, 2025)
    rows = [["单位名称", "类别"], ["城关镇", "镇/街道"], ["东风镇", "镇/街道"], ["县水务局", "成员单位"]]
    import_units(store, entries_from_rows(rows), campaign["id"])
    return campaign


def _two_role_template(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "名单"
    ws["A1"] = "附件3"
    ws["A2"] = "“安全生产月”联络人员信息表"
    ws.merge_cells("A2:H2")
    ws["A3"], ws["B3"], ws["C3"], ws["F3"], ws["H3"] = "序号", "所在单位", "主要负责人", "联络员", "备注"
    ws.merge_cells("A3:A4")
    ws.merge_cells("B3:B4")
    ws.merge_cells("C3:E3")
    ws.merge_cells("F3:G3")
    ws.merge_cells("H3:H4")
    for col, text in zip("CDEFG", ("姓 名", "职务", "联系电话", "姓名", "联系电话")):
        ws[f"{col}4"] = text
    ws["A8"] = "注：请于6月3日前报送。"
    wb.save(path)
    return path


def test_two_roles_with_phone_columns_named_联系电话(store, tmp_path):
    campaign = _campaign(store)
    path = _two_role_template(tmp_path / "名单.xlsx")
    wb = load_workbook(path)
    ws = wb["名单"]
    ws["A5"], ws["B5"], ws["C5"], ws["D5"], ws["E5"] = 1, "东风镇人民政府", "张三", "镇长", "13988017777"
    ws["F5"], ws["G5"] = "李四", "0871-66668888"
    wb.save(path)
    plan = preview(store, campaign, [path])
    people = {c["fields"]["name"]: (c["unit_name"], c["fields"]) for c in plan["changes"]}
    assert set(people) == {"张三", "李四"} and plan["files"][0]["errors"] == []
    assert people["张三"][0] == "东风镇" and people["张三"][1]["role"] == "分管领导"
    assert people["张三"][1]["mobile"] == "13988017777" and people["张三"][1]["position"] == "镇长"
    assert people["李四"][1]["role"] == "联络员" and people["李四"][1]["office_phone"] == "0871-66668888"


def test_a_row_with_a_bad_name_reports_all_its_problems(store, tmp_path):
    campaign = _campaign(store)
    path = _two_role_template(tmp_path / "名单.xlsx")
    wb = load_workbook(path)
    ws = wb["名单"]
    ws["B5"], ws["F5"], ws["G5"] = "县水务局", "=A1", "0871-6666x"
    wb.save(path)
    report = preview(store, campaign, [path])["files"][0]
    cells = {e["cell"] for e in report["errors"] + report["warnings"]}
    assert {"F5", "G5"} <= cells


def test_filling_one_row_per_unit_with_both_roles(store, tmp_path):
    campaign = _campaign(store)
    path = _two_role_template(tmp_path / "名单.xlsx")
    filled = tmp_path / "填好的名单.xlsx"
    wb = load_workbook(path)
    ws = wb["名单"]
    ws["B5"], ws["C5"], ws["E5"], ws["F5"], ws["G5"] = "城关镇", "王五", "13988016666", "赵六", "0871-65550000"
    wb.save(filled)
    import_liaisons(store, campaign, [filled])
    out = tmp_path / "导出.xlsx"
    export_liaisons(store, campaign, out, template=str(path))
    ws = load_workbook(out)["名单"]
    assert [ws[f"{c}5"].value for c in "ABCEFG"] == [1, "城关镇", "王五", "13988016666", "赵六", "0871-65550000"]
    assert ws["A8"].value == "注：请于6月3日前报送。" and ws["A3"].value == "序号"
