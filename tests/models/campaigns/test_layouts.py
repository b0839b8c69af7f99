"""Indicator layouts: the default one, editing, and reading one from a received template's header."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from models.campaigns.campaign import campaign_by_year
from models.campaigns.layouts import default_layout, layout_of, save_layout, validate_layout
from models.errors import ImportRejected, ValidationError
from models.progress.forms.template import layout_from_template
from tests.conftest import ROOT
from tests.models.stats_files import make_template


def test_layout_from_two_level_merged_header(tmp_path):
    template = make_template(tmp_path / "模板.xlsx", ["甲镇", "乙镇"])
    layout = layout_from_template(template)
    assert [(i["group"], i["label"], i["measure"]) for i in layout] == [
        ("应急演练", "场次", "场次"),
        ("应急演练", "参演人数", "人次"),
        ("隐患排查", "排查隐患", "处"),
        ("隐患排查", "已整改", "处"),
        (None, "新闻报道", "篇"),
    ]
    fixed = next(i for i in layout if i["label"] == "已整改")
    assert fixed["max_of"] == next(i["code"] for i in layout if i["label"] == "排查隐患")


def test_template_without_header_is_refused_by_name(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active["A1"] = "只有一行字"
    wb.save(tmp_path / "空表.xlsx")
    with pytest.raises(ImportRejected, match="空表.xlsx.*找不到表头"):
        layout_from_template(tmp_path / "空表.xlsx")


def test_layout_command_reads_template_into_campaign(demo_path, tmp_path):
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "new-campaign", "--db", str(demo_path), "--year", "2024"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    template = make_template(tmp_path / "t.xlsx", ["甲镇"])
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "layout",
            "--from-template",
            str(template),
            "--db",
            str(demo_path),
            "--campaign",
            "2024",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    labels = [i["label"] for i in json.loads(done.stdout)["indicators"]]
    assert labels == ["场次", "参演人数", "排查隐患", "已整改", "新闻报道"]


def test_layout_with_figures_cannot_be_replaced_from_template(demo_path, tmp_path):
    template = make_template(tmp_path / "t.xlsx", ["甲镇"])
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "layout",
            "--from-template",
            str(template),
            "--db",
            str(demo_path),
            "--campaign",
            "2021",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "已有数据" in done.stderr


def test_default_layout_counts_the_usual_indicators():
    labels = {(i["group"], i["label"]) for i in default_layout()}
    assert ("应急演练", "参演人数") in labels and ("隐患排查", "已整改") in labels
    validate_layout(default_layout())


def test_edit_layout_rename_add_and_refuse_removing_used(demo_store):
    campaign = campaign_by_year(demo_store, 2021)
    layout = layout_of(demo_store, campaign["id"])
    layout[0]["label"] = "咨询场次"
    layout.append({"group": "其他", "label": "发放告知卡", "measure": "份"})
    counts = save_layout(demo_store, campaign["id"], layout)
    assert counts["added"] == 1
    again = layout_of(demo_store, campaign["id"])
    assert again[0]["label"] == "咨询场次" and again[-1]["label"] == "发放告知卡"
    fixed = next(i for i in again if i["label"] == "已整改")
    assert next(i for i in again if i["code"] == fixed["max_of"])["label"] == "排查隐患"
    with pytest.raises(ValidationError, match="已有 .* 个数据，不能删除"):
        save_layout(demo_store, campaign["id"], again[1:])
    assert len(layout_of(demo_store, campaign["id"])) == len(again)


@pytest.mark.parametrize(
    "layout, message",
    [
        ([], "至少"),
        ([{"label": " "}], "没有名称"),
        ([{"group": "甲", "label": "场次"}, {"group": "甲", "label": "场次"}], "重复"),
        ([{"label": "甲", "max_of": "nope"}], "上限指标不存在"),
    ],
)
def test_bad_layouts_are_refused(layout, message):
    with pytest.raises(ValidationError, match=message):
        validate_layout(layout)
