"""The confirm dialog as the clerk uses it: marked fields, deadlines added/changed/removed, a year that differs."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QApplication

from models.campaigns.campaign import campaign_by_year
from tests.conftest import ROOT
from ui.common import msgbox
from ui.notices.confirm_dialog import NoticeConfirmDialog

pytestmark = pytest.mark.gui
CORPUS = ROOT / "tests" / "models" / "notices" / "corpus"


@pytest.fixture
def dialog(qtbot, demo_store):
    def make(year: int, name: str) -> NoticeConfirmDialog:
        opened = NoticeConfirmDialog(demo_store, campaign_by_year(demo_store, year)["id"])
        qtbot.addWidget(opened)
        opened.show()
        opened.open_file(str(CORPUS / name))
        return opened

    return make


def _type(qtbot, widget, text: str) -> None:
    """Typing as the clerk does: ASCII as key presses, Chinese as the input method commits it."""
    for part in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if part.isascii():
            qtbot.keyClicks(widget, part)  # keyClicks aborts on non-ASCII text
        else:
            event = QInputMethodEvent()
            event.setCommitString(part)
            QApplication.sendEvent(widget, event)


def _type_into(qtbot, view, row: int, column: int, text: str) -> None:
    """Double-click-style editing: open the cell editor, select what is there, type, press Enter."""
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index)
    editor.selectAll()
    _type(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    if view.indexWidget(index) is not None:  # offscreen, an input-method commit keeps the editor open: leave the cell
        view.commitData(editor)
        view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)


def _saved_deadlines(store, notice_id):
    return store.rows(
        "SELECT kind, due_date, due_time, weekday, day_of_month, what FROM deadlines"
        " WHERE notice_id = ? ORDER BY kind, due_date, what",
        (notice_id,),
    )


def test_fields_the_parser_is_unsure_of_are_marked_until_edited(dialog, qtbot):
    opened = dialog(2021, "06-mem-2015.txt")  # issuer only from the site's 文章来源 field
    issuer = opened.editor.edits["issuer"]
    assert issuer.text() == "国务院安委会办公室"
    assert "issuer" in opened.editor.unsure_fields() and "网页信息栏" in issuer.toolTip()
    assert "doc_number" in opened.editor.unsure_fields()  # 文号 only from the 作者 field
    _type(qtbot, issuer, "（核）")
    assert "issuer" not in opened.editor.unsure_fields() and issuer.toolTip() == ""


def test_clerk_adds_changes_and_removes_deadlines(dialog, qtbot, demo_store):
    opened = dialog(2021, "02-hainan-2013.txt")
    msgbox.ANSWERS.append(True)  # the year warning: save anyway
    deadlines = opened.deadlines
    view = deadlines.view
    kinds = [row["date"] for row in deadlines.model.rows]
    assert kinds == ["2013-06-20", "2013-10-10", "每月15日", "每月30日", "每周五"]
    qtbot.mouseClick(deadlines.add_once_button, Qt.MouseButton.LeftButton)
    row = deadlines.model.rowCount() - 1
    _type_into(qtbot, view, row, 1, "2013-07-05")
    _type_into(qtbot, view, row, 3, "半年检查情况")
    _type_into(qtbot, view, 4, 1, "每周四")  # the weekly report moves to Thursday noon
    _type_into(qtbot, view, 4, 2, "12:00")
    view.setCurrentIndex(deadlines.model.index(3, 0))
    qtbot.mouseClick(deadlines.remove_button, Qt.MouseButton.LeftButton)  # the 30th is dropped
    opened.editor.edits["title"].setText(opened.editor.edits["title"].text())
    opened.accept()
    assert opened.saved_id
    saved = _saved_deadlines(demo_store, opened.saved_id)
    assert [(r["kind"], r["due_date"], r["due_time"], r["weekday"], r["day_of_month"]) for r in saved] == [
        ("monthly", None, None, None, 15),
        ("once", "2013-06-20", None, None, None),
        ("once", "2013-07-05", None, None, None),
        ("once", "2013-10-10", None, None, None),
        ("weekly", None, "12:00", 4, None),
    ]


def test_a_row_that_cannot_be_read_is_refused_and_nothing_saved(dialog, qtbot, demo_store):
    opened = dialog(2021, "24-baoshan-2024.txt")
    deadlines = opened.deadlines
    qtbot.mouseClick(deadlines.add_once_button, Qt.MouseButton.LeftButton)
    row = deadlines.model.rowCount() - 1
    _type_into(qtbot, deadlines.view, row, 1, "下周五")
    _type_into(qtbot, deadlines.view, row, 3, "整改报告")
    opened.accept()
    assert opened.saved_id is None
    assert msgbox.SHOWN[-1][1] == f"截止事项第 {row + 1} 行：日期应写成 2021-05-21 这样的格式。"


def test_a_notice_of_another_year_is_warned_before_saving(dialog, demo_store):
    opened = dialog(2021, "20-qingpu-2023.txt")
    assert opened.year_warning.isVisible()
    assert "2023" in opened.year_warning.text() and "2021" in opened.year_warning.text()
    msgbox.ANSWERS.append(False)
    opened.accept()
    assert opened.saved_id is None and msgbox.SHOWN[-1][0] == "通知年份与活动不同"
    same_year = dialog(2021, "15-suzhou-sip-2021.txt")
    assert not same_year.year_warning.isVisible()


def test_daily_and_quarterly_reports_are_shown_and_explained(dialog):
    opened = dialog(2021, "25-guangyuan-2024.txt")
    assert [row["date"] for row in opened.deadlines.model.rows] == ["2024-03-15", "每季度", "每半年"]
    assert "每季度" in opened.deadlines.note.text() or "quarterly" in opened.deadlines.note.text()
    index = opened.deadlines.model.index(1, 1)
    assert "不能按单位逐期跟踪" in opened.deadlines.model.data(index, Qt.ItemDataRole.ToolTipRole)


def test_a_report_the_parser_inferred_is_marked_until_the_clerk_edits_it(dialog, qtbot):
    opened = dialog(2021, "12-yangling-2019.txt")  # 零报告 regime → a daily report, inferred
    model = opened.deadlines.model
    daily = next(i for i, row in enumerate(model.rows) if row["date"] == "每日")
    index = model.index(daily, 3)
    assert "零报告" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    _type_into(qtbot, opened.deadlines.view, daily, 1, "每周一")
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) is None


def test_a_scanned_pdf_is_explained_and_the_pasted_text_kept(qtbot, demo_store, tmp_path):
    from reportlab.pdfgen import canvas

    scan = tmp_path / "扫描件.pdf"
    page = canvas.Canvas(str(scan))
    page.rect(50, 50, 400, 600, fill=1)  # an image of a page, no text layer
    page.save()
    opened = NoticeConfirmDialog(demo_store, campaign_by_year(demo_store, 2021)["id"])
    qtbot.addWidget(opened)
    opened.text.setPlainText("已粘贴的文字")
    opened.open_file(str(scan))
    assert msgbox.SHOWN[-1][0] == "操作未完成"
    assert "扫描件.pdf" in msgbox.SHOWN[-1][1] and "没有文字层" in msgbox.SHOWN[-1][1]
    assert opened.text.toPlainText() == "已粘贴的文字" and opened.saved_id is None


def test_a_notice_opened_as_pdf_fills_the_same_fields(qtbot, demo_store, tmp_path):
    from models.documents.pdf.build import build_notice_pdf
    from models.notices.notice import list_notices
    from models.reports.report import notice_fields

    campaign = campaign_by_year(demo_store, 2021)["id"]
    issued = next(n for n in list_notices(demo_store, campaign) if n["direction"] == "issued")
    build_notice_pdf(notice_fields(demo_store, issued["id"]), tmp_path / "通知.pdf")
    opened = NoticeConfirmDialog(demo_store, campaign)
    qtbot.addWidget(opened)
    opened.open_file(str(tmp_path / "通知.pdf"))
    assert opened.editor.edits["doc_number"].text() == "麒区安办〔2021〕16号"
    assert opened.editor.edits["period_end"].text() == "2021-06-30"
    assert [row["date"] for row in opened.deadlines.model.rows] == ["2021-05-21", "2021-05-28", "2021-07-03", "每周一"]
