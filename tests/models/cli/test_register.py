"""The register's headless commands: months, quotas, import (exit 2 when every file is refused), export."""

from __future__ import annotations

import json

from openpyxl import Workbook, load_workbook

from models.cli import run


def test_months_quotas_import_export(demo_path, tmp_path, capsys):
    db = str(demo_path)
    assert run(["add-months", "--db", db, "--campaign", "2022"]) == 0
    assert "7 个月报期" in capsys.readouterr().out
    lists = tmp_path / "cases.xlsx"
    workbook = Workbook()
    workbook.active.append(["序号", "曝光日期", "曝光媒体", "案例标题", "整改状态"])
    workbook.active.append([1, "2022-07-12", "昆明日报", "某工地未设防护栏", "整改中"])
    workbook.save(lists)
    assert run(["register-import", "--db", db, "--campaign", "2022", "--kind", "cases", str(lists), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["added"] == 1
    assert run(["register-quotas", "--db", db, "--campaign", "2022", "--cases", "1", "--today", "2022-08-20"]) == 0
    assert "曝光未达标的月份：6月、8月" in capsys.readouterr().out
    out = tmp_path / "out.xlsx"
    assert run(["register-export", "--db", db, "--campaign", "2022", "--kind", "cases", "--out", str(out)]) == 0
    assert load_workbook(out).active["E4"].value == "某工地未设防护栏"


def test_import_exits_2_when_every_file_is_refused(demo_path, tmp_path, capsys):
    bad = tmp_path / "not.xlsx"
    bad.write_text("单位,线索\n", encoding="utf-8")
    code = run(["register-import", "--db", str(demo_path), "--campaign", "2022", "--kind", "leads", str(bad)])
    err = capsys.readouterr().err
    assert code == 2 and "not.xlsx" in err and "Traceback" not in err


def test_new_campaign_with_its_companion_has_weeks_then_months(tmp_path, capsys):
    db = str(tmp_path / "new.db")
    args = [
        "new-campaign",
        "--db",
        db,
        "--year",
        "2024",
        "--companion",
        "安全生产万里行",
        "--companion-end",
        "2024-12-31",
    ]
    assert run(args) == 0
    capsys.readouterr()
    assert run(["info", "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["counts"]["periods"] == 5 + 7  # June's weeks, then 6月…12月
