"""Printing from the 总结报告 tab sends the document itself: text, the saved PDF's geometry, quickly and small."""

from __future__ import annotations

import time

import pdfplumber
import pytest

from ui.common import msgbox
from ui.reports import preview as preview_module

pytestmark = pytest.mark.gui
MM = 72 / 25.4


@pytest.fixture
def tab(window):
    window.select_campaign(2021)
    window.show_tab("reports")
    return window.tab_pages["reports"]


def _to_pdf_printer(target):
    from PySide6.QtPrintSupport import QPrinter

    def ask(cls, printer, parent, *paint):
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        if paint:  # the print preview: what it shows is what it prints
            paint[0](printer)
        return True

    return classmethod(ask)


def _compare(saved, printed) -> None:
    with pdfplumber.open(saved) as a, pdfplumber.open(printed) as b:
        assert len(a.pages) == len(b.pages) >= 4
        for page_a, page_b in zip(a.pages, b.pages):
            assert abs(page_a.width - page_b.width) < MM and abs(page_a.height - page_b.height) < MM
            assert not page_b.images  # no picture of the page: the page itself
            chars_a = [c for c in page_a.chars if c["text"].strip()]
            chars_b = [c for c in page_b.chars if c["text"].strip()]
            assert "".join(c["text"] for c in chars_b) == "".join(c["text"] for c in chars_a)
            for char_a, char_b in zip(chars_a, chars_b):
                assert abs(char_a["x0"] - char_b["x0"]) < MM, char_a["text"]
                assert abs(char_a["top"] - char_b["top"]) < MM, char_a["text"]
            graphics_a = page_a.rects + page_a.lines + page_a.curves
            graphics_b = [g for g in page_b.rects + page_b.lines + page_b.curves if not _on_text(g, chars_b)]
            assert bool(graphics_a) == bool(graphics_b)
            if graphics_a:  # the table grid and the chart where they were
                for edge_a, edge_b in zip(_bounds(graphics_a), _bounds(graphics_b)):
                    assert abs(edge_a - edge_b) < MM


def _on_text(shape, chars) -> bool:
    """An outline stroked over a character (a title drawn heavier), not a rule of its own."""
    return any(
        c["x0"] - 1 <= shape["x0"]
        and shape["x1"] <= c["x1"] + 1
        and c["top"] - 1 <= shape["top"]
        and shape["bottom"] <= c["bottom"] + 1
        for c in chars
    )


def _bounds(objects) -> tuple[float, float, float, float]:
    return (
        min(o["x0"] for o in objects),
        min(o["top"] for o in objects),
        max(o["x1"] for o in objects),
        max(o["bottom"] for o in objects),
    )


def test_printing_the_summary_sends_vector_pages_with_the_saved_geometry(tab, tmp_path, monkeypatch):
    target = tmp_path / "printed.pdf"
    monkeypatch.setattr(preview_module.PrintDialog, "ask", _to_pdf_printer(target))
    start = time.perf_counter()
    tab.print_button.click()
    elapsed = time.perf_counter() - start
    assert elapsed < 5
    assert target.stat().st_size < 5 * 1024 * 1024
    with pdfplumber.open(target) as printed:
        text = printed.pages[0].extract_text()
    assert "麒麟区2021年“安全生产月”活动总结" in text
    _compare(tab.preview.path, target)


def test_print_preview_paints_the_same_pages(tab, tmp_path, monkeypatch):
    target = tmp_path / "preview.pdf"
    monkeypatch.setattr(preview_module.PrintPreview, "ask", _to_pdf_printer(target))
    tab.print_preview_button.click()
    _compare(tab.preview.path, target)


def test_a_file_that_cannot_be_read_is_refused_in_chinese(tab, tmp_path, monkeypatch):
    from ui.common import msgbox

    tab.preview_button.click()
    tab.preview.path.write_bytes(b"not a pdf")
    asked = []
    monkeypatch.setattr(preview_module.PrintDialog, "ask", classmethod(lambda cls, p, parent: asked.append(1)))
    tab._run(tab.preview.print_document)
    assert not asked
    assert "PDF" in msgbox.SHOWN[-1][1] or "PDF" in msgbox.SHOWN[-1][0]


def test_the_clerk_is_told_of_characters_no_font_has_before_printing(tab, tmp_path, monkeypatch):
    from ui.common import msgbox

    target = tmp_path / "printed.pdf"
    monkeypatch.setattr(preview_module.PrintDialog, "ask", _to_pdf_printer(target))
    tab.editor.list.setCurrentRow(4)
    tab.editor.text.setPlainText("请联系王\U00031350同志。")
    tab.print_button.click()
    title, text = msgbox.SHOWN[-1]
    assert title == "有字打印不出来"
    assert "“请联系王" in text and "U+31350" in text and "页" in text
    assert target.exists()  # told, then printed


def test_the_clerk_adds_a_name_that_is_then_never_split(tab, qtbot, demo_store):
    from models.reports.protected import clerk_words
    from ui.reports.words_dialog import ProtectedWordsDialog

    dialog = ProtectedWordsDialog(tab, demo_store)
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("张国栋\n欧阳娜娜\n")
    dialog.accept()
    assert clerk_words(demo_store) == ["张国栋", "欧阳娜娜"]
    bad = ProtectedWordsDialog(tab, demo_store)
    qtbot.addWidget(bad)
    bad.text.setPlainText("王\n")
    from ui.common import msgbox

    bad.accept()
    assert "第1行" in msgbox.SHOWN[-1][1] and clerk_words(demo_store) == ["张国栋", "欧阳娜娜"]


def test_printing_shows_the_page_it_is_at_and_cancel_stops_between_pages(tab, tmp_path, monkeypatch):
    from tests.ui.operation_dialogs import Gate
    from ui.common import operation
    from ui.reports import printing

    target = tmp_path / "printed.pdf"
    monkeypatch.setattr(preview_module.PrintDialog, "ask", _to_pdf_printer(target))
    monkeypatch.setattr(operation, "SHOW_AFTER_MS", 0)  # the demo's 4 pages print faster than 0.5 s
    painted = []
    slow = printing.paint_page

    def paint_page(painter, page, dpi_x, dpi_y, cache):  # a slow printer driver: 0.2 s a page
        painted.append(page)
        slow(painter, page, dpi_x, dpi_y, cache)
        time.sleep(0.2)

    monkeypatch.setattr(printing, "paint_page", paint_page)
    gate = Gate(label="正在打印").watch()
    tab.print_button.click()
    assert gate.seen and gate.seen[0][0] == "打印"
    assert gate.seen[0][1].startswith("正在打印")
    assert 1 <= len(painted) < tab.preview.page_count()  # stopped between pages
    assert msgbox.SHOWN == []  # cancelled: nothing to say
    if target.exists():  # a real printer drops the aborted job; Qt's PDF printer keeps the pages painted so far
        with pdfplumber.open(target) as printed:
            assert len(printed.pages) == len(painted)
