"""本单位 in every document: 发文机关 and signatures, 填报单位/填报人/联系电话, the region word, a merge's "from".

Read back as a reader would: the PDFs' text, the xlsx cells.
"""

from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook

from models.campaigns.campaign import campaign_by_year
from models.campaigns.office import office_for, set_office
from models.campaigns.periods import period_by_seq
from models.documents.pdf.build import build_pdf
from models.exchange import merge
from models.liaisons.export import export_liaisons
from models.notices.notice import draft_issued_notice
from models.progress.forms.export import export_own
from models.progress.totals import week_table
from models.reports.brief import weekly_document
from models.reports.report import notice_fields
from models.reports.summary import summary_document
from tests.models.files_helpers import other_office
from tests.models.pdf_reading import text_of

COUNTY = "宜良县安全生产委员会办公室"


@pytest.fixture
def bare(demo_store):
    """The demo's 2021 campaign as a clerk's own file has it: no office written on the campaign itself."""
    demo_store.conn.execute("UPDATE campaigns SET office_name = NULL, region_word = NULL")
    demo_store.set_meta("office_name", "")
    return demo_store, campaign_by_year(demo_store, 2021)


def _flat(path) -> str:
    return "".join(line for line in text_of(path).splitlines() if not re.fullmatch(r"— \d+ —", line))


def _documents(store, campaign, tmp_path) -> dict[str, str]:
    """Text of the summary, the week-2 brief and an issued notice drafted from the received one."""
    period = period_by_seq(store, campaign["id"], 2)
    received = store.scalar("SELECT id FROM notices WHERE campaign_id = ?", (campaign["id"],))
    issued = draft_issued_notice(store, received, {"issuer": None, "doc_number": "宜安办〔2021〕3号"})
    from models.documents.pdf.notice import notice_document

    texts = {}
    for name, doc in (
        ("summary", summary_document(store, campaign)),
        ("brief", weekly_document(store, campaign, period)),
        ("notice", notice_document(notice_fields(store, issued))),
    ):
        build_pdf(doc, tmp_path / f"{name}.pdf")
        texts[name] = _flat(tmp_path / f"{name}.pdf")
    return texts


def test_without_the_office_the_gaps_show(bare, tmp_path):
    store, campaign = bare
    texts = _documents(store, campaign, tmp_path)
    assert "【待补充】发文机关" in texts["summary"] and "【待补充】发文机关" in texts["brief"]


def test_a_county_office_signs_every_document_and_says_全县(bare, tmp_path):
    store, campaign = bare
    set_office(store, name=COUNTY, filler="李明", phone="0871-67512345")
    texts = _documents(store, campaign, tmp_path)
    for name, text in texts.items():
        assert "【待补充】发文机关" not in text, name
        assert COUNTY in text, name
    assert "全县共开展" in texts["summary"] and "全区" not in texts["summary"]
    assert "全县共开展" in texts["brief"]
    assert f"{COUNTY}文件" in texts["notice"]  # the red 发文机关标志
    assert texts["summary"].startswith("宜良县2021年“安全生产月”活动总结")


def test_statistics_table_names_the_office_filler_and_phone(bare, tmp_path):
    store, campaign = bare
    set_office(store, name=COUNTY, filler="李明", phone="0871-67512345")
    period = period_by_seq(store, campaign["id"], 2)
    target = tmp_path / "统计表.xlsx"
    export_own(week_table(store, campaign["id"], period["id"]), campaign, target, office=office_for(store, campaign))
    cells = [c.value for row in load_workbook(target).active.iter_rows() for c in row if isinstance(c.value, str)]
    assert f"填报单位：{COUNTY}" in cells
    assert "填报人：李明" in cells and "联系电话：0871-67512345" in cells
    assert not any(text.strip() == "填报单位：" for text in cells)


def test_liaison_list_carries_the_office(bare, tmp_path):
    store, campaign = bare
    set_office(store, name=COUNTY)
    target = export_liaisons(store, campaign, tmp_path / "名单.xlsx")
    cells = [c.value for row in load_workbook(target).active.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(COUNTY in text for text in cells)


def test_the_campaign_own_office_fills_in_when_none_is_set(demo_store):
    campaign = campaign_by_year(demo_store, 2022)  # the demo's city campaign says 昆明市… and 全市
    office = office_for(demo_store, campaign)
    assert office.name == campaign["office_name"] and office.region_word == "全市"
    set_office(demo_store, name=COUNTY)
    assert office_for(demo_store, campaign).region_word == "全县"  # the file's own office wins


def test_a_merge_says_which_office_the_file_came_from(demo_store, demo_path, tmp_path):
    town = other_office(demo_path, tmp_path / "town.db", name="")
    set_office(town, name="宜良县匡远街道安全生产委员会办公室")
    town.close()
    plan = merge.preview(demo_store, tmp_path / "town.db")
    assert plan["office_name"] == "宜良县匡远街道安全生产委员会办公室"
    assert "来自：宜良县匡远街道安全生产委员会办公室" in "\n".join(merge.summary_lines(plan))
