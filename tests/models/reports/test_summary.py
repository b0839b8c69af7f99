"""The summary and the weekly brief: generated figures, what is missing, the per-unit table, the report command."""

from __future__ import annotations

import json
import re

import pytest

from models import cli
from models.campaigns.campaign import campaign_by_year
from models.campaigns.layouts import add_layout, default_layout
from models.documents.pdf import blocks as b
from models.reports.brief import weekly_document
from models.reports.report import create_report, export_report, get_report, list_reports, save_report
from models.reports.summary import statistics_sentence, summary_document
from models.store.opening import open_store
from tests.models.pdf_reading import fonts, text_of


def _flat(path) -> str:
    """The text as one string, page numbers left out (a sentence may run over a page break)."""
    return "".join(line for line in text_of(path).splitlines() if not re.fullmatch(r"— \d+ —", line))


def _total(store, campaign_id, code, upto=None, seq=None) -> int:
    sql = (
        "SELECT sum(f.value) FROM figures f JOIN indicators i ON i.id = f.indicator_id"
        " JOIN periods p ON p.id = f.period_id WHERE i.campaign_id = ? AND i.code = ?"
    )
    params = [campaign_id, code]
    if seq is not None:
        sql, params = sql + " AND p.seq = ?", [*params, seq]
    return int(store.scalar(sql, params) or 0)


def test_statistics_sentence_reads_like_the_office_writes_it():
    indicators = [
        {"id": "a", "group_label": "应急演练", "label": "场次", "measure": "场次"},
        {"id": "b", "group_label": "应急演练", "label": "参演人数", "measure": "人次"},
        {"id": "c", "group_label": "宣传资料", "label": "发放宣传资料", "measure": "份"},
        {"id": "d", "group_label": "隐患排查", "label": "排查隐患", "measure": "处"},
    ]
    sentence = statistics_sentence("全区", indicators, {"a": 126, "b": 8420, "c": 12000.0})
    assert sentence == "全区共开展应急演练126场次，参演8,420人次；发放宣传资料12,000份。"


def test_demo_summary_pdf_has_title_headings_and_the_figures(demo_store, tmp_path):
    campaign = campaign_by_year(demo_store, 2021)
    report = list_reports(demo_store, campaign["id"])[0]
    out = tmp_path / "总结.pdf"
    export_report(demo_store, report["id"], out)
    text = _flat(out)
    drills = _total(demo_store, campaign["id"], "drill_sessions")
    people = _total(demo_store, campaign["id"], "drill_people")
    assert "麒麟区2021年“安全生产月”活动总结" in text
    for heading in ("一、总体情况", "二、主要做法和成效", "三、特色亮点", "四、存在问题", "五、下一步工作"):
        assert heading in text
    assert f"开展应急演练{drills}场次，参演{people:,}人次" in text
    assert "附件1" in text and "各单位活动开展情况统计表" in text and "南宁街道" in text
    assert "曲靖市麒麟区安全生产委员会办公室" in text and "2021年7月3日" in text
    assert "【待补充】本部分内容尚未填写" in text  # the demo's empty 特色亮点
    assert "尚未明确联络员的单位" in text  # the demo has units without a liaison
    assert all(embedded for _, embedded in fonts(out))
    assert get_report(demo_store, report["id"])["state"] == "exported"


def test_sections_are_saved_reordered_and_printed(demo_store, tmp_path):
    campaign = campaign_by_year(demo_store, 2021)
    report_id = create_report(demo_store, campaign, "summary")
    sections = [
        {"heading": "下一步工作", "text": "持续巩固成果。"},
        {"heading": "总体情况", "text": "（一）组织领导\n成立领导小组。"},
    ]
    assert save_report(demo_store, report_id, "测试总结", sections)
    saved = get_report(demo_store, report_id)
    assert [s["heading"] for s in saved["sections_list"]] == ["下一步工作", "总体情况"]
    out = tmp_path / "s.pdf"
    export_report(demo_store, report_id, out)
    text = text_of(out)
    assert text.index("一、下一步工作") < text.index("二、总体情况")
    assert "（一）组织领导" in text and "成立领导小组。" in text


def test_per_unit_table_has_every_indicator_split_over_two_tables(demo_store):
    from models.documents.pdf.paged import PagedTable
    from models.documents.pdf.render import flowables
    from models.documents.pdf.tables import InBlock

    campaign = campaign_by_year(demo_store, 2021)
    doc = summary_document(demo_store, campaign)
    tables = [block for block in doc.blocks if isinstance(block, b.Table)]
    assert len(tables) == 1 and len(tables[0].rows) == 18 + 1
    assert len(tables[0].header) == 1 + 18 and tables[0].groups[6:8] == ["应急演练", "应急演练"]
    drills = _total(demo_store, campaign["id"], "drill_sessions")
    assert tables[0].rows[-1][0] == "合计" and tables[0].rows[-1][7] == f"{drills:,}"
    built = [f.inner for f in flowables(doc) if isinstance(f, InBlock) and isinstance(f.inner, PagedTable)]
    assert len(built) == 2  # 18 columns do not fit across the page at 7.5 pt: two tables, units repeated


@pytest.fixture
def empty_campaign(store):
    with store.batch("新建活动") as batch:
        campaign_id = batch.insert(
            "campaigns",
            {"year": 2030, "title": "2030年“安全生产月”活动", "region_word": "全县", "end_date": "2030-06-30"},
        )
        for order, name in enumerate(("甲镇", "乙镇")):
            unit_id = batch.insert("units", {"name": name, "sort_order": order})
            batch.insert("campaign_units", {"campaign_id": campaign_id, "unit_id": unit_id, "sort_order": order})
        add_layout(batch, campaign_id, default_layout())
        batch.insert(
            "periods",
            {"campaign_id": campaign_id, "seq": 1, "start_date": "2030-06-01", "end_date": "2030-06-02"},
        )
    return campaign_by_year(store, 2030)


def test_missing_data_still_builds_and_says_what_is_missing(store, empty_campaign, tmp_path):
    out = tmp_path / "空.pdf"
    from models.documents.pdf.build import build_pdf

    build_pdf(summary_document(store, empty_campaign), out)
    text = _flat(out)
    assert "【待补充】各单位尚未报送活动数据，统计数字暂缺。" in text
    assert "尚未报送任何数据的单位：甲镇、乙镇" in text
    assert "尚未明确联络员的单位：甲镇、乙镇" in text
    assert "【待补充】发文机关" in text  # the campaign has no office name yet
    period = store.row("SELECT * FROM periods WHERE campaign_id = ?", (empty_campaign["id"],))
    build_pdf(weekly_document(store, empty_campaign, period), out)
    assert "未报单位：甲镇、乙镇" in _flat(out)


def test_weekly_brief_says_who_was_late_and_the_highlights(demo_store, tmp_path):
    campaign = campaign_by_year(demo_store, 2021)
    period = demo_store.row("SELECT * FROM periods WHERE campaign_id = ? AND seq = 2", (campaign["id"],))
    out = tmp_path / "周报.pdf"
    from models.documents.pdf.build import build_pdf

    build_pdf(weekly_document(demo_store, campaign, period), out)
    text = _flat(out)
    due = f"{period['due_date']}T23:59:59"
    late = demo_store.rows(
        "SELECT u.name FROM narratives n JOIN units u ON u.id = n.unit_id WHERE n.period_id = ? AND n.received_at > ?"
        " ORDER BY u.sort_order",
        (period["id"], due),
    )
    assert late and f"迟报单位：{'、'.join(r['name'] for r in late)}。" in text
    drills = _total(demo_store, campaign["id"], "drill_sessions", seq=2)
    assert "第2周（6月7日—6月13日），全区共开展安全宣传咨询" in text and f"开展应急演练{drills}场次" in text
    assert "三、工作亮点" in text and "组织“安全宣传进企业”活动" in text
    assert "第2周各单位活动开展情况统计表" in text


def test_report_command_writes_summary_weekly_and_notice(demo_path, tmp_path, capsys):
    for kind, extra, expected in (
        ("summary", [], "活动总结"),
        ("weekly", ["--week", "3"], "活动周报（第3周）"),
        ("notice", [], "麒区安办〔2021〕16号"),
    ):
        out = tmp_path / f"{kind}.pdf"
        args = ["report", "--db", str(demo_path), "--campaign", "2021", "--kind", kind, *extra, "--out", str(out)]
        assert cli.run(args) == 0
        assert expected in text_of(out)
    store = open_store(demo_path)
    summary = [r for r in list_reports(store, campaign_by_year(store, 2021)["id"]) if r["kind"] == "summary"][0]
    store.close()
    assert summary["state"] == "exported" and summary["exported_path"].endswith("summary.pdf")


def test_report_command_bad_input_is_a_clear_message(demo_path, tmp_path, capsys):
    args = ["report", "--db", str(demo_path), "--campaign", "2021", "--json"]
    assert cli.run([*args, "--kind", "weekly", "--week", "9", "--out", str(tmp_path / "w.pdf")]) == 2
    assert "没有第 9 周" in json.loads(capsys.readouterr().out)["error"]
    assert cli.run([*args, "--out", str(tmp_path / "无" / "s.pdf")]) == 2
    assert "文件夹不存在" in capsys.readouterr().err
    assert not (tmp_path / "w.pdf").exists()


def test_tables_as_xlsx_have_every_indicator_and_the_total(demo_store, tmp_path):
    from openpyxl import load_workbook

    from models.reports.xlsx import export_tables_xlsx

    campaign = campaign_by_year(demo_store, 2021)
    report = list_reports(demo_store, campaign["id"])[0]
    out = tmp_path / "表.xlsx"
    export_tables_xlsx(demo_store, report, out)
    sheet = load_workbook(out).active
    assert sheet["A1"].value.endswith("各单位活动开展情况统计表")
    assert sheet["B2"].value == "安全宣传咨询" and sheet["B3"].value == "场次（场次）"
    assert sheet.max_column == 1 + 18 and sheet["A4"].value == "南宁街道"
    last = sheet.max_row
    assert sheet.cell(last, 1).value == "合计"
    drills = _total(demo_store, campaign["id"], "drill_sessions")
    column = [c.value for c in sheet[3]].index("场次（场次）", 6) + 1  # 应急演练 is the 4th group
    assert sheet.cell(2, column).value == "应急演练" and sheet.cell(last, column).value == drills
