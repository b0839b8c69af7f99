"""The headless liaison commands, run as the clerk or a script would."""

from __future__ import annotations

import json

from openpyxl import Workbook, load_workbook

from models.cli import run


def test_blank_forms_then_import_dry_run_then_real(demo_path, tmp_path, capsys):
    forms = tmp_path / "forms"
    forms.mkdir()
    assert run(["blank-liaison-forms", "--db", str(demo_path), "--campaign", "2021", "--out", str(forms)]) == 0
    path = forms / "2021年联络员反馈表_太和街道.xlsx"
    book = load_workbook(path)
    book["联络员名单"]["D4"] = "王芳"
    book["联络员名单"]["G4"] = "13987401234"
    book.save(path)
    capsys.readouterr()
    args = ["import-liaisons", str(path), "--db", str(demo_path), "--campaign", "2021", "--json"]
    before = demo_path.read_bytes()
    assert run([*args, "--dry-run"]) == 0
    assert json.loads(capsys.readouterr().out)["counts"]["added"] == 1
    assert demo_path.read_bytes() == before
    assert run(args) == 0
    assert json.loads(capsys.readouterr().out)["counts"]["added"] == 1
    assert run(args) == 0
    assert json.loads(capsys.readouterr().out)["counts"]["unchanged"] == 1


def test_export_xlsx_and_pdf(demo_path, tmp_path, capsys):
    for name in ("名单.xlsx", "名单.pdf"):
        out = tmp_path / name
        assert run(["export-liaisons", "--db", str(demo_path), "--campaign", "2021", "--mask", "--out", str(out)]) == 0
        assert out.stat().st_size > 1000
    assert (
        run(["export-liaisons", "--db", str(demo_path), "--campaign", "1999", "--out", str(tmp_path / "x.xlsx")]) == 2
    )
    assert "没有 1999 年的活动" in capsys.readouterr().err


def test_import_units(demo_path, tmp_path, capsys):
    book = Workbook()
    book.active.append(["单位名称", "类别"])
    book.active.append(["南宁街道", "镇/街道"])
    book.active.append(["新设的街道", "街道"])
    book.save(tmp_path / "u.xlsx")
    assert run(["import-units", str(tmp_path / "u.xlsx"), "--db", str(demo_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["added"] == ["新设的街道"] and data["matched"] == ["南宁街道"]
    (tmp_path / "bad.xlsx").write_text("no")
    assert run(["import-units", str(tmp_path / "bad.xlsx"), "--db", str(demo_path)]) == 2
    assert "bad.xlsx" in capsys.readouterr().err
