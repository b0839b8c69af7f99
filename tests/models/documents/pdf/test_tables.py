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


def _columns(page) -> list[float]:
    """x of the table's vertical grid lines on a page, left to right."""
    return sorted({round(line["x0"], 1) for line in page.lines if abs(line["x0"] - line["x1"]) < 0.01})


def test_every_row_once_in_order_each_cell_aligned_in_its_column_on_every_page(tmp_path):
    rows = [[f"单位{n:03d}", str(n), f"{n * 1000:,}"] for n in range(1, 151)] + [["合计", "11,325", "11,325,000"]]
    doc = b.Document("表格")
    doc.add(b.Table("", ["单位", "场次\n(场次)", "人数\n(人次)"], rows))
    out = tmp_path / "table.pdf"
    build_pdf(doc, out)
    names = []
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) >= 3
        for page in pdf.pages:
            left, first, second, right = _columns(page)
            foot = max(line["bottom"] for line in page.lines)
            for word in (w for w in page.extract_words() if w["bottom"] < foot):  # not the page number
                if word["text"].startswith("单位") and word["text"] != "单位" or word["text"] == "合计":
                    names.append(word["text"])
                    assert abs(word["x0"] - (left + 1.5)) < 0.6  # names from the left, 1.5 pt in
                elif word["text"][0].isdigit():
                    edge = first if word["x1"] < first else (second if word["x1"] < second else right)
                    assert abs(word["x1"] - (edge - 1.5)) < 0.6, word  # figures to the right, 1.5 pt in
    assert names == [row[0] for row in rows]


def test_a_remark_across_the_row_stays_one_cell_on_a_later_page(tmp_path):
    rows = [[str(n), f"单位{n:03d}", "主任", "张三"] for n in range(1, 91)]
    rows[80] = ["81", "单位081", "（尚未明确联络员）", ""]
    doc = b.Document("名单")
    doc.add(b.ListTable(["序号", "单位", "职务", "姓名"], rows, [1, 3, 3, 3], spans={80: 2}))
    out = tmp_path / "list.pdf"
    build_pdf(doc, out)
    with pdfplumber.open(out) as pdf:
        page = next(p for p in pdf.pages if "尚未明确联络员" in (p.extract_text() or ""))
        assert page.page_number > 1 and "序号" in page.extract_text()  # the header repeated above it
        remark = next(w for w in page.extract_words() if "尚未明确联络员" in w["text"])
        middle = (remark["top"] + remark["bottom"]) / 2
        crossing = [
            line["x0"]
            for line in page.lines
            if abs(line["x0"] - line["x1"]) < 0.01 and line["top"] < middle < line["bottom"]
        ]
        assert len(crossing) == 4  # the block's edges, the lines after 序号 and 单位: none inside the remark
        assert all(x < remark["x0"] or x > remark["x1"] for x in crossing)
