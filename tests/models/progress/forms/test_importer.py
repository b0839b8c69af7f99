"""Importing returned weekly forms: own forms by mark, template-layout forms by label, messy values, bad files."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile

import pytest

from models.campaigns.campaign import campaign_by_year
from models.campaigns.periods import period_by_seq
from models.new_campaign import create_campaign
from models.progress.forms.blank import write_blank_forms
from models.progress.forms.importer import import_forms, preview_forms
from models.progress.forms.template import layout_from_template
from models.store.opening import open_store
from tests.conftest import ROOT
from tests.models.stats_files import fill_own_form, make_template


def _figures(store, unit_id, period_id) -> dict:
    rows = store.rows(
        "SELECT i.label, i.group_label, f.value FROM figures f JOIN indicators i ON i.id = f.indicator_id"
        " WHERE f.unit_id = ? AND f.period_id = ?",
        (unit_id, period_id),
    )
    return {(r["group_label"], r["label"]): r["value"] for r in rows}


@pytest.fixture
def own_forms(demo_store, tmp_path):
    campaign = campaign_by_year(demo_store, 2021)
    period = period_by_seq(demo_store, campaign["id"], 5)
    folder = tmp_path / "returned"
    folder.mkdir()
    files = write_blank_forms(demo_store, campaign, period, folder)
    # The first unit fills in messy values: "15场", full-width digits, text numbers, a negative, words.
    fill_own_form(
        files[0],
        {2: "15场", 3: "１２０", 4: " 30 ", 5: -3, 6: "很多"},
        {"B8": "组织安全宣传咨询日活动", "B11": "现场.jpg；演练.mp4"},
    )
    fill_own_form(files[1], {2: 4, 3: 200})
    for extra in files[2:]:
        extra.unlink()  # the others have not come back
    return campaign, period, files[:2]


def test_own_forms_import_with_messy_values(demo_store, own_forms):
    campaign, period, files = own_forms
    results = import_forms(demo_store, campaign, [files[0].parent])
    first, second = results
    assert first.file == files[0].name and first.unit == "南宁街道" and first.week == 5
    assert first.status == "imported" and second.status == "imported"
    assert {(e["sheet"], e["cell"]) for e in first.errors} == {("进展统计", "E6"), ("进展统计", "F6")}
    assert any("不能为负数" in e["message"] for e in first.errors)
    assert any("15场" in n["message"] for n in first.notes)
    unit = demo_store.row("SELECT id FROM units WHERE name = '南宁街道'")["id"]
    values = _figures(demo_store, unit, period["id"])
    assert values[("安全宣传咨询", "场次")] == 15
    assert values[("安全宣传咨询", "参与人次")] == 120
    assert values[("主题宣讲", "场次")] == 30
    narrative = demo_store.row("SELECT * FROM narratives WHERE unit_id = ? AND period_id = ?", (unit, period["id"]))
    assert narrative["activities"] == "组织安全宣传咨询日活动" and narrative["media"] == "现场.jpg\n演练.mp4"


def test_dry_run_writes_nothing_and_twice_import_is_a_no_op(demo_store, own_forms):
    campaign, period, files = own_forms
    count = "SELECT (SELECT count(*) FROM figures) || '/' || (SELECT count(*) FROM batches)"
    before = demo_store.scalar(count)
    preview = import_forms(demo_store, campaign, files, dry_run=True)
    assert demo_store.scalar(count) == before
    assert preview[1].added + preview[1].changed == 2 and preview[1].status == "ready"
    import_forms(demo_store, campaign, files)
    after = demo_store.scalar(count)
    again = import_forms(demo_store, campaign, files)
    assert demo_store.scalar(count) == after
    assert all(r.added == r.changed == 0 and r.status == "unchanged" for r in again)
    assert again[1].unchanged == 2


def test_form_of_another_campaign_is_refused(demo_store, own_forms):
    _campaign, _period, files = own_forms
    other = campaign_by_year(demo_store, 2022)
    result = preview_forms(demo_store, other, files[:1])[0]
    assert result.status == "rejected" and "另一个活动" in result.errors[0]["message"]


@pytest.fixture
def template_campaign(demo_store, tmp_path):
    template = make_template(tmp_path / "模板.xlsx", ["南宁街道", "建宁街道"], empty_rows=2)
    made = create_campaign(demo_store, 2025, copy_from=2021, layout=layout_from_template(template))
    return campaign_by_year(demo_store, 2025), made, template


def test_template_layout_form_with_messy_values(demo_store, template_campaign, tmp_path):
    from openpyxl import load_workbook

    campaign, _made, template = template_campaign
    path = tmp_path / "建宁街道.xlsx"
    shutil.copy(template, path)
    wb = load_workbook(path)
    ws = wb.active
    ws["B5"] = "  南宁街道 "  # padded label
    ws["C5"], ws["D5"], ws["E5"], ws["F5"], ws["G5"] = "３", "200人次", "8处", 9, "2篇"
    ws["B6"] = "建宁街道"
    ws["C6"], ws["D6"] = 1, "abc"
    ws["E6"], ws["F6"] = 4, 2
    ws.merge_cells("E6:F6")
    ws["B7"] = "不存在的单位"
    ws["C7"] = 5
    wb.save(path)
    result = import_forms(demo_store, campaign, [path], week=1)[0]
    assert result.status == "imported" and result.unit == "南宁街道、建宁街道" and result.week == 1
    messages = {e["cell"]: e["message"] for e in result.errors}
    assert "不能大于隐患排查·排查隐患（8）：9" in messages["F5"]
    assert "不是数字" in messages["D6"]
    assert "合并单元格（E6:F6）" in messages["E6"]
    assert "不存在的单位" in messages["B7"]
    period = period_by_seq(demo_store, campaign["id"], 1)
    unit = demo_store.row("SELECT id FROM units WHERE name = '南宁街道'")["id"]
    assert _figures(demo_store, unit, period["id"]) == {
        ("应急演练", "场次"): 3,
        ("应急演练", "参演人数"): 200,
        ("隐患排查", "排查隐患"): 8,
        (None, "新闻报道"): 2,
    }


def test_template_form_without_week_is_refused_by_name(demo_store, template_campaign, tmp_path):
    campaign, _made, template = template_campaign
    result = preview_forms(demo_store, campaign, [template])[0]
    assert result.status == "rejected" and "周次" in result.errors[0]["message"]


def _hostile_files(folder):
    (folder / "加密.xlsx").write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 600)
    (folder / "文本.xlsx").write_text("not a workbook", encoding="utf-8")
    with zipfile.ZipFile(folder / "炸弹.xlsx", "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("[Content_Types].xml", "<Types/>")
        bomb.writestr("xl/workbook.xml", "<workbook/>")
        bomb.writestr("xl/worksheets/sheet1.xml", b"\0" * (210 * 1024 * 1024))
    with zipfile.ZipFile(folder / "实体.xlsx", "w") as entity:
        entity.writestr("[Content_Types].xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><Types/>')
        entity.writestr("xl/workbook.xml", "<workbook/>")


def test_hostile_files_refused_by_name_while_the_others_import(demo_path, demo_store, own_forms):
    campaign, _period, files = own_forms
    folder = files[0].parent
    _hostile_files(folder)
    demo_store.close()
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "import-forms",
            str(folder),
            "--db",
            str(demo_path),
            "--campaign",
            "2021",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    by_file = {f["file"]: f for f in json.loads(done.stdout)["files"]}
    assert set(by_file) == {files[0].name, files[1].name, "加密.xlsx", "文本.xlsx", "炸弹.xlsx", "实体.xlsx"}
    for name, words in [
        ("加密.xlsx", "加密"),
        ("文本.xlsx", "不是 Excel"),
        ("炸弹.xlsx", "可能是恶意构造"),
        ("实体.xlsx", "不安全"),
    ]:
        assert by_file[name]["status"] == "rejected" and words in by_file[name]["errors"][0]["message"], name
    assert by_file[files[1].name]["status"] == "imported"
    assert set(by_file[files[0].name]) >= {"file", "status", "unit", "week", "added", "changed", "unchanged", "errors"}


def test_formula_cell_uses_its_cached_value(demo_store, template_campaign, tmp_path, libreoffice):
    from openpyxl import load_workbook

    campaign, _made, template = template_campaign
    typed = tmp_path / "typed" / "南宁街道.xlsx"
    typed.parent.mkdir()
    shutil.copy(template, typed)
    wb = load_workbook(typed)
    wb.active["C5"] = "=2+3"  # a unit that summed in the cell
    wb.save(typed)
    saved = tmp_path / "saved"  # as Excel/WPS would save it: with the computed value cached
    subprocess.run(
        [
            libreoffice,
            f"-env:UserInstallation=file://{tmp_path / 'lo'}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(saved),
            str(typed),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    result = import_forms(demo_store, campaign, [saved / typed.name], week=2)[0]
    assert result.status == "imported" and result.added == 1 and result.errors == []
    unit = demo_store.row("SELECT id FROM units WHERE name = '南宁街道'")["id"]
    assert _figures(demo_store, unit, period_by_seq(demo_store, campaign["id"], 2)["id"]) == {("应急演练", "场次"): 5}


def test_import_is_preceded_by_a_backup_of_the_state_before(demo_store, own_forms):
    from models.store import backups

    campaign, _period, files = own_forms
    before = demo_store.scalar("SELECT count(*) FROM figures")
    import_forms(demo_store, campaign, [files[0].parent])
    [backup] = backups.list_backups(demo_store)
    assert backup["reason"] == "导入前"
    saved = open_store(backup["path"], readonly=True)
    assert saved.scalar("SELECT count(*) FROM figures") == before  # taken before anything was written
    saved.close()
    assert demo_store.scalar("SELECT count(*) FROM figures") > before


def test_date_typed_into_a_figure_cell_is_an_error_of_that_cell(demo_store, own_forms):
    """Returned forms are read for values only: a cell formatted as a date still reads as a date, not a number."""
    import datetime

    from openpyxl import load_workbook

    campaign, period, files = own_forms
    wb = load_workbook(files[1])
    ws = wb["进展统计"]
    ws.cell(6, 2).value = datetime.date(2021, 6, 5)  # Excel stores 44352 with a date format
    ws.cell(6, 3).value = 200
    ws.cell(6, 3).number_format = "#,##0.00"  # a number shown with decimals stays a number
    ws.cell(6, 4).value = 7
    ws.cell(6, 4).number_format = '0"场"'
    wb.save(files[1])
    result = import_forms(demo_store, campaign, [files[1]])[0]
    assert result.status == "imported"
    assert [(e["sheet"], e["cell"]) for e in result.errors] == [("进展统计", "B6")]
    assert "不是数字" in result.errors[0]["message"] and "2021-06-05" in result.errors[0]["message"]
    unit = demo_store.row("SELECT id FROM units WHERE name = '建宁街道'")["id"]
    values = _figures(demo_store, unit, period["id"])
    assert values[("安全宣传咨询", "参与人次")] == 200 and values[("主题宣讲", "场次")] == 7


def test_a_unit_week_sent_twice_is_named_and_the_later_file_stands(demo_store, own_forms):
    campaign, period, files = own_forms
    again = files[1].with_name("再次报送-" + files[1].name)  # sorts after the first copy: read later
    shutil.copy(files[1], again)
    fill_own_form(again, {2: 9, 3: 900})
    results = import_forms(demo_store, campaign, [files[0].parent])
    assert [r.file for r in results] == [files[0].name, files[1].name, again.name]
    first_copy, later = results[1], results[2]
    assert [n["message"] for n in later.notes] == [
        f"与“{files[1].name}”有 1 个单位同一周的数重复：两份一起导入时以本文件为准，请核对"
    ]
    assert not first_copy.notes
    sql = "SELECT value FROM figures WHERE unit_id = ? AND period_id = ? AND indicator_id = ?"
    assert [demo_store.scalar(sql, row[:3]) for row in later.figures] == [9, 900]  # not the first copy's 4, 200


def test_the_command_line_names_notes_and_a_file_with_nothing_to_import(demo_path, demo_store, own_forms):
    _campaign, _period, files = own_forms
    fill_own_form(files[1], {2: "很多", 3: "若干"})  # only words where figures go: nothing to import
    demo_store.close()

    def run(path):
        args = ["import-forms", str(path), "--db", str(demo_path), "--campaign", "2021"]
        return subprocess.run(
            [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, timeout=120
        )

    done = run(files[0])
    assert done.returncode == 0, done.stderr
    assert "请注意：进展统计!B6：“15场”按 15 读入" in done.stdout  # a note only the JSON used to carry
    alone = run(files[1])
    said = alone.stdout + alone.stderr
    assert f"{files[1].name}：没有可导入的数，2 处错误" in said and "进展统计!B6" in said
    assert "None" not in said and "Traceback" not in said
    assert alone.returncode == 2
