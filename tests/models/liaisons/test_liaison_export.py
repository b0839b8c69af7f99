"""The filled liaison attachment: own layout, masking, formula text stays text, template fill, PDF."""

from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Border, Font, PatternFill, Side

from models.campaigns.campaign import campaign_by_year
from models.errors import ValidationError
from models.liaisons.export import export_liaisons
from models.liaisons.liaison import liaison_rows


@pytest.fixture
def campaign(demo_store):
    return campaign_by_year(demo_store, 2021)


def _cells(path):
    return [c for row in load_workbook(path).active.iter_rows() for c in row]


def test_own_layout_lists_every_named_liaison(demo_store, campaign, tmp_path):
    out = export_liaisons(demo_store, campaign, tmp_path / "名单.xlsx")
    sheet = load_workbook(out).active
    named = [r for r in liaison_rows(demo_store, campaign["id"]) if r["id"]]
    assert sheet["A1"].value == "2021年“安全生产月”活动联络员名单"
    assert sheet["A4"].value == 1 and sheet.cell(3 + len(named), 1).value == len(named)
    assert sheet["D4"].value == named[0]["name"] and sheet["G4"].value == named[0]["mobile"]


def test_masked_export_hides_mobiles_and_emails(demo_store, campaign, tmp_path):
    out = export_liaisons(demo_store, campaign, tmp_path / "m.xlsx", mask=True)
    named = [r for r in liaison_rows(demo_store, campaign["id"]) if r["id"]]
    texts = {str(c.value) for c in _cells(out) if c.value is not None}
    for person in named:
        assert person["mobile"] not in texts
        if person["email"]:
            assert person["email"] not in texts
    mobile = named[0]["mobile"]
    assert f"{mobile[:3]}****{mobile[-4:]}" in texts
    assert any(t.endswith("****@163.com") for t in texts)


def test_formula_text_stays_text(demo_store, campaign, tmp_path):
    person = next(r for r in liaison_rows(demo_store, campaign["id"]) if r["id"])
    with demo_store.batch("测试") as batch:
        batch.update("liaisons", person["id"], {"name": '=HYPERLINK("http://x","张三")', "remarks": "=1+1"})
    for out in (
        export_liaisons(demo_store, campaign, tmp_path / "f.xlsx"),
        _template_fill(demo_store, campaign, tmp_path),
    ):
        cells = _cells(out)
        assert not [c.coordinate for c in cells if c.data_type == "f"]
        assert '=HYPERLINK("http://x","张三")' in {c.value for c in cells}


def _received_template(path):
    """A blank attachment as a superior office sends it: merged title, styled header, 4 rows, footer."""
    book = Workbook()
    sheet = book.active
    sheet.title = "附件1"
    sheet.merge_cells("A1:G1")
    sheet["A1"] = "昆明市2022年“安全生产月”联络员反馈表"
    sheet["A1"].font = Font(name="方正小标宋简体", size=20)
    sheet.merge_cells("A2:G2")
    sheet["A2"] = "填报单位（盖章）："
    thin = Side(style="thin")
    for column, label in enumerate(["序号", "单位", "姓 名", "职务", "手机", "办公电话", "电子邮箱"], start=1):
        cell = sheet.cell(3, column, label)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.font = Font(bold=True)
        for row in range(4, 8):
            sheet.cell(row, column).border = Border(left=thin, right=thin, top=thin, bottom=thin)
    sheet.merge_cells("A8:G8")
    sheet["A8"] = "填报人：            联系电话：            日期："
    sheet.column_dimensions["C"].width = 13
    sheet.page_setup.orientation = "landscape"
    sheet.print_title_rows = "3:3"
    book.save(path)
    return path


def _template_fill(store, campaign, tmp_path):
    template = _received_template(tmp_path / "模板.xlsx")
    return export_liaisons(store, campaign, tmp_path / "填好的.xlsx", template=str(template))


def test_template_fill_keeps_layout(demo_store, campaign, tmp_path):
    out = _template_fill(demo_store, campaign, tmp_path)
    named = [r for r in liaison_rows(demo_store, campaign["id"]) if r["id"]]
    sheet = load_workbook(out)["附件1"]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    footer_row = 4 + len(named)
    assert merged == {"A1:G1", "A2:G2", f"A{footer_row}:G{footer_row}"}
    assert sheet[f"A{footer_row}"].value.startswith("填报人")
    assert sheet["A1"].font.name == "方正小标宋简体" and sheet["A1"].font.size == 20
    assert sheet["C3"].fill.fgColor.rgb.endswith("DDEBF7") and sheet["C3"].value == "姓 名"
    assert sheet.column_dimensions["C"].width == 13
    assert sheet.page_setup.orientation == "landscape"
    last = 3 + len(named)
    assert sheet[f"C{last}"].value == named[-1]["name"] and sheet[f"A{last}"].value == len(named)
    assert sheet["E4"].value == named[0]["mobile"] and sheet["B4"].value == named[0]["unit_name"]
    assert sheet[f"G{last}"].border.left.style == "thin"  # inserted rows keep the template's borders


def test_template_without_header_refused(demo_store, campaign, tmp_path):
    book = Workbook()
    book.active["A1"] = "随便什么"
    book.save(tmp_path / "x.xlsx")
    with pytest.raises(ValidationError, match="表头"):
        export_liaisons(demo_store, campaign, tmp_path / "o.xlsx", template=str(tmp_path / "x.xlsx"))


def test_pdf_table(demo_store, campaign, tmp_path):
    pdfplumber = pytest.importorskip("pdfplumber")
    out = export_liaisons(demo_store, campaign, tmp_path / "名单.pdf", mask=True)
    with pdfplumber.open(out) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    named = [r for r in liaison_rows(demo_store, campaign["id"]) if r["id"]]
    assert "联络员名单" in text and named[0]["name"] in text
    assert named[0]["mobile"] not in text and "****" in text
