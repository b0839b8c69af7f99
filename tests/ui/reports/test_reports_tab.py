"""The 总结报告 tab on the demo database: sections edited and saved, preview, print, save as PDF."""

from __future__ import annotations

import pytest

from models.reports.report import get_report
from tests.models.pdf_reading import text_of
from ui.common import msgbox
from ui.reports import preview as preview_module

pytestmark = pytest.mark.gui


@pytest.fixture
def tab(window):
    window.select_campaign(2021)
    window.show_tab("reports")
    return window.tab_pages["reports"]


def _rows(tab) -> list[list[str]]:
    model = tab.view.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def _answer_save_path(monkeypatch, target) -> None:
    def ask(cls, parent, suggested, suffix=".pdf"):
        return str(target)

    monkeypatch.setattr(preview_module.SavePath, "ask", classmethod(ask))


def test_lists_the_summary_and_opens_its_sections(tab):
    assert _rows(tab)[0][:2] == ["活动总结", "麒麟区2021年“安全生产月”活动总结"]
    assert _rows(tab)[0][3] == "草稿"
    editor = tab.editor
    assert editor.isEnabled()
    assert [editor.list.item(i).text() for i in range(editor.list.count())] == [
        "总体情况",
        "主要做法和成效",
        "特色亮点",
        "存在问题",
        "下一步工作",
    ]
    assert editor.text.toPlainText().startswith("按照区安委会统一部署")


def test_add_move_remove_and_save_sections_then_undo(tab, window, demo_store):
    editor = tab.editor
    report_id = tab.report["id"]
    editor.list.setCurrentRow(2)
    editor.text.setPlainText("组织“安全宣传进企业”活动。")
    editor.add_section()
    editor.heading.setText("工作体会")
    editor.move_section(-1)
    editor.list.setCurrentRow(0)
    editor.remove_section()
    assert tab.save_button.isEnabled()
    tab.save_button.click()
    saved = get_report(demo_store, report_id)["sections_list"]
    assert [s["heading"] for s in saved] == ["主要做法和成效", "特色亮点", "存在问题", "工作体会", "下一步工作"]
    assert saved[1]["text"] == "组织“安全宣传进企业”活动。"
    assert window.undo_action.text() == "撤销 修改报告内容"
    window.undo_action.trigger()
    assert [s["heading"] for s in get_report(demo_store, report_id)["sections_list"]][0] == "总体情况"
    assert tab.editor.list.item(0).text() == "总体情况"


def test_preview_shows_the_pdf_with_the_unsaved_text(tab):
    tab.editor.list.setCurrentRow(4)
    tab.editor.text.setPlainText("持续巩固活动成果。")
    tab.preview_button.click()
    preview = tab.preview
    assert preview is not None and tab.pages.currentWidget() is preview
    assert preview.page_count() >= 3
    text = "".join(preview.page_text(p) for p in range(preview.page_count()))
    assert "麒麟区2021年“安全生产月”活动总结" in text and "持续巩固活动成果。" in text
    assert not tab.editor.dirty  # previewing saved the edit first


def test_print_goes_through_the_dialog(tab, monkeypatch):
    asked = []
    monkeypatch.setattr(preview_module.PrintDialog, "ask", classmethod(lambda cls, printer, parent: asked.append(1)))
    tab.print_button.click()
    assert asked == [1]


def test_save_as_pdf_marks_the_report_exported(tab, tmp_path, monkeypatch):
    target = tmp_path / "总结.pdf"
    _answer_save_path(monkeypatch, target)
    tab.export_button.click()
    assert "活动总结" in text_of(target)
    assert _rows(tab)[0][3] == "已导出" and _rows(tab)[0][5]
    assert msgbox.SHOWN[-1][0] == "已保存"


def test_save_as_pdf_to_a_locked_file_says_so_and_keeps_it(tab, tmp_path, monkeypatch):
    target = tmp_path / "总结.pdf"
    target.write_bytes(b"old")
    _answer_save_path(monkeypatch, target)

    def locked(src, dst):
        raise PermissionError(13, "locked")

    monkeypatch.setattr("os.replace", locked)
    tab.export_button.click()
    assert "正被其他程序打开" in msgbox.SHOWN[-1][1]
    assert target.read_bytes() == b"old"
    assert _rows(tab)[0][3] == "草稿"


def test_new_weekly_brief_for_the_chosen_week(tab):
    tab.week.setCurrentIndex(1)
    tab.new_weekly.click()
    rows = _rows(tab)
    assert ["周报", "2021年“安全生产月”活动周报（第2周）"] in [r[:2] for r in rows]
    assert tab.report["kind"] == "weekly"
    tab.preview_button.click()
    assert "本周应报18个单位" in "".join(tab.preview.page_text(p) for p in range(tab.preview.page_count()))


def test_tables_saved_as_xlsx(tab, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    target = tmp_path / "表.xlsx"
    _answer_save_path(monkeypatch, target)
    tab.xlsx_button.click()
    sheet = load_workbook(target).active
    assert sheet["A4"].value == "南宁街道" and sheet.cell(sheet.max_row, 1).value == "合计"
    assert msgbox.SHOWN[-1][0] == "已保存"
