"""The per-unit table read back: row heights (a name on two lines makes its row taller), header on every page."""

from __future__ import annotations

import pdfplumber

from models.documents.pdf import blocks as b
from models.documents.pdf.build import build_pdf


def _row_heights(page) -> list[float]:
    """Heights of the table's rows on a page, from the horizontal grid lines, top to bottom."""
    ys = sorted({round(line["top"], 2) for line in page.lines if abs(line["top"] - line["bottom"]) < 0.01})
    return [round(lower - upper, 2) for upper, lower in zip(ys, ys[1:])]


def test_rows_are_as_tall_as_their_text_on_every_page(tmp_path):
    rows = [[f"单位{n:03d}", str(n), "—", f"{n * 1000:,}"] for n in range(1, 121)]
    rows[4][0] = "很长的单位名称\n第二行"  # a name the clerk broke on two lines
    rows.append(["合计", "7,260", "—", "7,260,000"])
    doc = b.Document("表格")
    doc.add(b.Table("各单位活动开展情况统计表", ["单位", "场次\n(场次)", "人数\n(人次)", "资料\n(份)"], rows))
    out = tmp_path / "table.pdf"
    build_pdf(doc, out)
    with pdfplumber.open(out) as pdf:
        pages = [(_row_heights(page), page.extract_text() or "") for page in pdf.pages]
    assert len(pages) >= 2
    body = 9 * 1.25 + 4  # one line of 9 pt at 1.25 leading, 1.5 pt padding above and 2.5 below
    head = 2 * 8 * 1.2 + 4  # header: two lines of 8 pt
    first, text = pages[0]
    assert first[0] == head and "场次" in text and "单位001" in text
    assert first[1:5] == [body] * 4 and first[5] == 2 * 9 * 1.25 + 4  # the two-line name
    assert set(first[6:]) == {body}
    for heights, text in pages[1:]:
        assert heights[0] == head and "场次" in text  # the header repeated
        assert set(heights[1:]) == {body}
    assert "合计" in pages[-1][1] and "7,260,000" in pages[-1][1]
