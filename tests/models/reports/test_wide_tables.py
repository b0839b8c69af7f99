"""Read back: a 30-indicator campaign's summary shows every indicator and every total, legibly, in the block."""

from __future__ import annotations

import pdfplumber
import pytest

from models.documents.cn_text import number
from models.documents.pdf import blocks as b
from models.documents.pdf.build import build_pdf
from models.progress.totals import load_figures
from models.reports.summary import summary_document
from tests.models.pdf_reading import MM

BLOCK_LEFT, BLOCK_RIGHT, BLOCK_FOOT = 28 * MM, (28 + 156) * MM, (37 + 225) * MM


@pytest.fixture
def large_summary(tmp_path, large_store):
    campaign = large_store.row("SELECT * FROM campaigns WHERE year = 2024")
    out = tmp_path / "large.pdf"
    build_pdf(summary_document(large_store, campaign), out)
    return out, load_figures(large_store, campaign["id"])


def _table_pages(path):
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            if page.rects or page.lines:
                yield page


def test_every_indicator_has_a_column(large_summary):
    path, figures = large_summary
    heads = set()
    for page in _table_pages(path):
        heads.update(w["text"] for w in page.extract_words() if w["text"].startswith("指标"))
    assert len(figures.indicators) == 30
    assert {f"指标{n}" for n in range(1, 31)} <= heads


def test_every_total_reads_back_whole_in_the_total_rows(large_summary):
    path, figures = large_summary
    read = []
    for page in _table_pages(path):
        for row in _rows(page):
            if row and row[0]["text"] == "合计":
                cells = row[1:]
                for left, right in zip(cells, cells[1:]):
                    assert left["x1"] < right["x0"], "figures overprint each other"
                read.extend(c["text"] for c in cells)
    expected = [number(figures.totals[i["id"]]) for i in figures.indicators]
    assert read == expected
    assert any(len(t.replace(",", "")) >= 6 for t in expected)  # 6-digit totals among them


def _rows(page):
    rows: dict[float, list] = {}
    for word in page.extract_words(keep_blank_chars=False, x_tolerance=1.0):
        rows.setdefault(round(word["top"]), []).append(word)
    return [sorted(words, key=lambda w: w["x0"]) for _, words in sorted(rows.items())]


def test_the_tables_stay_inside_the_text_block_in_a_readable_size(large_summary):
    path, _ = large_summary
    pages = list(_table_pages(path))
    assert len(pages) >= 3 * 7  # 300 units in three tables of ten indicators
    for page in pages:
        edges = page.rects + page.lines
        assert max(e["bottom"] for e in edges) <= BLOCK_FOOT + 0.5
        assert min(e["x0"] for e in edges) >= BLOCK_LEFT - 0.5
        assert max(e["x1"] for e in edges) <= BLOCK_RIGHT + 0.5
        assert min(c["size"] for c in page.chars if c["text"].strip()) >= 7.5 - 0.01
        assert page.extract_text().count("单位") >= 1  # the unit column's head repeated on every page


def test_a_table_that_fits_is_one_table_at_the_largest_size(tmp_path):
    rows = [[f"单位{n}", str(n), str(2 * n)] for n in range(1, 6)] + [["合计", "15", "30"]]
    doc = b.Document("表")
    doc.add(b.Table("", ["单位", "场次\n(场次)", "人数\n(人次)"], rows, groups=["演练", "演练"]))
    out = tmp_path / "t.pdf"
    build_pdf(doc, out)
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        sizes = {round(c["size"], 1) for c in page.chars if c["text"].isdigit() and c["size"] < 12}
        assert sizes == {9.0}
        assert "续表" not in page.extract_text() and "演练" in page.extract_text()
