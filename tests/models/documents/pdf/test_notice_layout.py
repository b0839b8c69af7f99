"""The issued notice measured against GB/T 9704-2012 §7: 版头 spacing, 版记 at the foot, 附件说明 空一行."""

from __future__ import annotations

import pdfplumber
import pytest

from models.documents.pdf import geometry as g
from models.documents.pdf.build import build_notice_pdf
from tests.models.pdf_reading import MM, all_lines

FIELDS = {
    "doc_number": "麒区安办〔2021〕16号",
    "title": "关于开展2021年“安全生产月”活动的通知",
    "issuer": "曲靖市麒麟区安全生产委员会办公室",
    "issue_date": "2021-05-17",
    "recipients": "各镇人民政府、街道办事处",
    "body": "一、总体思路\n以习近平新时代中国特色社会主义思想为指导。\n二、工作要求\n各单位要高度重视。",
    "attachments": ["联络员名单"],
    "cc": "市安委办，区委办公室，区政府办公室",
    "print_date": "2021-05-18",
}
LINE = g.LINE_PITCH / MM  # one line of the body grid, in mm


@pytest.fixture
def notice(tmp_path):
    out = tmp_path / "notice.pdf"
    build_notice_pdf(FIELDS, out)
    return out


def test_head_spacing_follows_the_standard(notice):
    with pdfplumber.open(notice) as pdf:
        page = pdf.pages[0]
        red = [c for c in page.chars if tuple(c["non_stroking_color"] or (0,))[0] > 0.5]
        number = [c for c in page.chars if c["text"] == "〔"]
        rule = next(line for line in page.lines if abs(line["x1"] - line["x0"] - 156 * MM) < 1)
    mark_top, mark_bottom = min(c["top"] for c in red) / MM, max(c["bottom"] for c in red) / MM
    number_top, number_bottom = number[0]["top"] / MM, number[0]["bottom"] / MM
    title = all_lines(notice, 22.0)[0][0]
    assert abs(mark_top - (37 + 35)) < 1  # 发文机关标志 上边缘距版心上边缘 35 mm
    assert abs(number_top - mark_bottom - 2 * LINE) < 1  # 发文字号 在标志下空二行
    assert abs(rule["top"] / MM - number_bottom - 4) < 1  # 分隔线 在发文字号之下 4 mm
    assert abs(title["top"] / MM - rule["top"] / MM - 2 * LINE) < 1  # 标题 在分隔线下空二行


def test_colophon_sits_at_the_foot_of_the_last_page(notice):
    with pdfplumber.open(notice) as pdf:
        last = pdf.pages[-1]
        text = last.extract_text()
        rules = sorted((r for r in last.lines if abs(r["x1"] - r["x0"] - 156 * MM) < 1), key=lambda r: r["top"])
    assert "抄送：市安委办，区委办公室，区政府办公室。" in text
    assert "曲靖市麒麟区安全生产委员会办公室" in text and "2021年5月18日印发" in text
    assert len(rules) == 3
    assert abs(rules[-1]["top"] / MM - (37 + 225)) < 1  # 末条分隔线与版心下边缘重合
    assert rules[0]["linewidth"] > rules[1]["linewidth"]  # 首末条粗线，中间细线
    office = [line for line in all_lines(notice, 14.0)[-1] if "印发" in line["text"]][0]
    assert abs(office["x0"] / MM - 28 - 14 / 72 * 25.4) < 1  # 印发机关 左空一字
    assert abs(28 + 156 - office["x1"] / MM - 14 / 72 * 25.4) < 1  # 印发日期 右空一字


def test_attachment_note_follows_one_blank_line(notice):
    lines = [line for page in all_lines(notice, 16.0) for line in page]
    at = next(i for i, line in enumerate(lines) if line["text"].startswith("附件："))
    gap = (lines[at]["top"] - lines[at - 1]["top"]) / MM
    assert abs(gap - 2 * LINE) < 1  # 正文下空一行


def test_summary_and_brief_leave_the_blank_line_too(tmp_path, demo_store):
    from models.documents.pdf.build import build_pdf
    from models.reports.brief import weekly_document
    from models.reports.summary import summary_document

    campaign = demo_store.row("SELECT * FROM campaigns WHERE year = 2021")
    period = demo_store.row("SELECT * FROM periods WHERE campaign_id = ? AND seq = 1", (campaign["id"],))
    for name, document in (
        ("summary", summary_document(demo_store, campaign)),
        ("brief", weekly_document(demo_store, campaign, period)),
    ):
        out = tmp_path / f"{name}.pdf"
        build_pdf(document, out)
        lines = [line for page in all_lines(out, 16.0) for line in page]
        at = next(i for i, line in enumerate(lines) if line["text"].startswith("附件："))
        assert abs((lines[at]["top"] - lines[at - 1]["top"]) / MM - 2 * LINE) < 1, name


def test_only_the_mark_is_red_and_only_titles_are_drawn_heavier(notice):
    """The 发文字号 and body are plain black text (the mark's red outline must not carry over)."""
    from models.documents.pdf.replay import GlyphRun, read_pages

    runs = [item for item in read_pages(notice.read_bytes())[0].items if isinstance(item, GlyphRun)]
    number = next(r for r in runs if "〔2021〕" in r.text)
    assert number.color == (0, 0, 0) and number.stroke is None
    assert all(r.stroke is None for r in runs if "思路" in r.text or "指导" in r.text)
