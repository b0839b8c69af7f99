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


def _cells(page) -> dict[tuple[int, int], list[dict]]:
    """The table's text as a reader sees it: (row, column) → the cell's lines (chars grouped by their top), each
    with its text, x0, x1 and the cell's left and right borders."""
    xs = _columns(page)
    ys = sorted({round(line["top"], 1) for line in page.lines if abs(line["top"] - line["bottom"]) < 0.01})
    rows: dict[tuple[int, int], dict[float, list]] = {}
    for char in page.chars:
        middle_x, middle_y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
        if not (xs[0] < middle_x < xs[-1] and ys[0] < middle_y < ys[-1]):
            continue  # the caption, the page number
        column = next(i for i, x in enumerate(xs[1:]) if middle_x < x)
        row = next(i for i, y in enumerate(ys[1:]) if middle_y < y)
        rows.setdefault((row, column), {}).setdefault(round(char["top"], 0), []).append(char)
    out = {}
    for key, lines in rows.items():
        out[key] = []
        for top in sorted(lines):
            chars = sorted(lines[top], key=lambda c: c["x0"])
            text = "".join(c["text"] for c in chars)
            out[key].append({"text": text, "x0": chars[0]["x0"], "x1": chars[-1]["x1"], "left": xs[key[1]]})
            out[key][-1]["right"] = xs[key[1] + 1]
    return out


def _texts(cell: list[dict]) -> list[str]:
    return [line["text"] for line in cell]


REMARK = "已于2021年5月17日前完成整改，共检查企业8,420家次，整改率达到12.5%（其中重大隐患3项），“回头看”已开展。"


def test_cells_wrap_by_the_rules_and_text_columns_read_from_the_left(tmp_path):
    rows = [
        ["青岚县城关镇人民政府（城关片区办事处）", "1,234", REMARK, "12.5%"],
        ["金沙镇", "—", "—", "—"],
        ["县应急管理局", "305", "联系人张堃（县安委办）", "98%"],  # 堃: drawn in a fallback face
        ["合计", "1,539", "", "—"],
    ]
    doc = b.Document("表格")
    doc.add(b.Table("", ["单位", "检查企业\n(家次)", "备注", "整改率\n(%)"], rows))
    out = tmp_path / "table.pdf"
    build_pdf(doc, out)
    with pdfplumber.open(out) as pdf:
        cells = _cells(pdf.pages[0])
    assert _texts(cells[1, 0]) == ["青岚县城关镇人民政府", "（城关片区办事处）"]  # the bracketed part whole
    remark = _texts(cells[1, 2])
    assert len(remark) >= 3 and "".join(remark) == REMARK
    assert not [line for line in remark if line[0] in "，。、；：？！）》」』】〕…’”%.,;:?!)"]
    assert not [line for line in remark if line[-1] in "（《「『【〔‘“(["]
    for number in ("2021年5月17日", "8,420家次", "12.5%"):
        assert any(number in line for line in remark), (number, remark)  # never split over two lines
    assert _texts(cells[3, 2]) == ["联系人张堃（县安委办）"]
    for (row, column), lines in cells.items():
        for line in lines:
            assert line["left"] + 1.4 < line["x0"] and line["x1"] < line["right"] - 1.4, line  # inside its cell
            if row == 0:
                continue  # the heads are centred
            if column in (0, 2):  # units and remarks (text, and “—” in a text column) from the left, 1.5 pt in
                assert abs(line["x0"] - (line["left"] + 1.5)) < 0.6, line
            else:  # figures to the right, 1.5 pt in
                assert abs(line["x1"] - (line["right"] - 1.5)) < 0.6, line
    assert _texts(cells[2, 2]) == ["—"] and _texts(cells[2, 1]) == ["—"]


def test_a_list_column_narrower_than_two_characters_still_holds_its_text(tmp_path):
    rows = [["1", "（城）", "城关镇（城关片区）"], ["2", "《安全》）。", "各单位要结合实际认真开展（城关片区）"]]
    doc = b.Document("名单")
    doc.add(b.ListTable(["序号", "窄", "说明"], rows, [2.0, 0.1, 1.0]))  # the narrow one 11 pt inside
    out = tmp_path / "list.pdf"
    build_pdf(doc, out)
    with pdfplumber.open(out) as pdf:
        cells = _cells(pdf.pages[0])
    assert _texts(cells[1, 1]) == ["（", "城", "）"]  # the rules cannot be kept: broken all the same
    assert _texts(cells[2, 1]) == ["《", "安", "全", "》", "）", "。"]
    assert _texts(cells[1, 2]) == ["城关镇（城关片区）"]
    assert _texts(cells[2, 2]) == ["各单位要结合实际认真开展", "（城关片区）"]
    for lines in cells.values():
        assert all(line["left"] < line["x0"] and line["x1"] < line["right"] for line in lines)  # nothing overflows


def test_a_list_numbers_its_rows_in_the_middle_and_keeps_phone_numbers_from_the_left(tmp_path):
    rows = [[str(n), f"单位{n}", "13812345678", "0874-3702230"] for n in range(1, 13)]
    doc = b.Document("名单")
    doc.add(b.ListTable(["序号", "单位名称", "手机号码", "办公电话"], rows, [0.5, 2.0, 1.2, 1.2]))
    out = tmp_path / "list.pdf"
    build_pdf(doc, out)
    with pdfplumber.open(out) as pdf:
        cells = _cells(pdf.pages[0])
    for row in range(1, 13):
        (number,) = cells[row, 0]
        middle = (number["left"] + number["right"]) / 2
        assert number["text"] == str(row) and abs((number["x0"] + number["x1"]) / 2 - middle) < 0.6, number
        for column in (1, 2, 3):  # names and phone numbers from the left, 1.5 pt in
            (line,) = cells[row, column]
            assert abs(line["x0"] - (line["left"] + 1.5)) < 0.6, line
