"""Blank weekly forms: one per unit, protected header, whole-number validation, the hidden mark."""

from __future__ import annotations

import subprocess
import sys

from openpyxl import load_workbook

from models.campaigns.campaign import campaign_by_year, campaign_units
from models.campaigns.periods import period_by_seq
from models.documents.xlsx_io import read_mark
from tests.conftest import ROOT


def test_blank_forms_command_writes_one_protected_form_per_unit(demo_path, tmp_path):
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "blank-forms",
            "--db",
            str(demo_path),
            "--campaign",
            "2021",
            "--week",
            "3",
            "--out",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    files = sorted(tmp_path.glob("*.xlsx"))
    assert len(files) == 18 and files[0].name == "001_南宁街道_第3周进展统计表.xlsx"
    wb = load_workbook(files[0])
    ws = wb["进展统计"]
    assert ws["A2"].value == "填报单位：南宁街道" and ws["A3"].value == "统计时段：第3周（6月14日—6月20日）"
    assert ws.protection.sheet and ws["B4"].protection.locked and not ws["B6"].protection.locked
    rule = ws.data_validations.dataValidation[0]
    assert rule.type == "whole" and rule.operator == "greaterThanOrEqual" and rule.formula1 == "0"
    assert "B6" in str(rule.sqref)
    assert wb["_desk_mark"].sheet_state == "veryHidden"


def test_mark_names_campaign_unit_week_and_columns(demo_store, tmp_path):
    from models.progress.forms.blank import write_blank_forms

    campaign = campaign_by_year(demo_store, 2022)
    period = period_by_seq(demo_store, campaign["id"], 1)
    first = write_blank_forms(demo_store, campaign, period, tmp_path)[0]
    mark = read_mark(load_workbook(first, read_only=True))
    assert mark["campaign_id"] == campaign["id"] and mark["period_id"] == period["id"]
    assert mark["unit_id"] == campaign_units(demo_store, campaign["id"])[0]["id"]
    assert sorted(mark["columns"].values()) == list(range(2, 2 + len(mark["columns"])))
