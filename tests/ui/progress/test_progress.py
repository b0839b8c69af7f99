"""The 每周进展 tab as the clerk uses it: typing, pasting, errors in red, completeness, import and export."""

from __future__ import annotations

import shutil

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit

from models.campaigns.campaign import campaign_by_year
from models.campaigns.periods import period_by_seq
from models.progress.forms.blank import write_blank_forms
from models.progress.grid import load_week
from tests.models.stats_files import fill_own_form
from ui.common import msgbox
from ui.progress.grid_model import ERROR_COLOR, GROUP_ROLE, WARNING_COLOR

pytestmark = pytest.mark.gui


def _stored(page, row, col):
    grid = load_week(page.store, page.campaign["id"], page.period["id"])
    return grid.values[row][col]


def test_grid_has_two_level_header_total_row_and_missing_units(tab, qtmodeltester):
    model = tab.grid_model
    qtmodeltester.check(model)
    assert model.headerData(0, Qt.Orientation.Horizontal, GROUP_ROLE) == "安全宣传咨询"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "场次"
    assert model.headerData(4, Qt.Orientation.Horizontal) == "发放宣传资料（份）"
    last = model.rowCount() - 1
    assert model.headerData(last, Qt.Orientation.Vertical) == "合计"
    total = sum(int(model.index(r, 0).data() or 0) for r in range(last))
    assert model.index(last, 0).data() == str(total)
    missing = [r for r in range(last) if "（未报）" in model.headerData(r, Qt.Orientation.Vertical)]
    assert missing and model.index(missing[0], 0).data(Qt.ItemDataRole.BackgroundRole) is not None


def test_typing_and_enter_move_down_like_a_spreadsheet(tab, qtbot, window):
    view = tab.grid_view
    view.setFocus()
    view.setCurrentIndex(tab.grid_model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_4)  # any key starts editing, as in Excel
    editor = view.findChild(QLineEdit)
    qtbot.keyClicks(editor, "2")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.undo_action.text().startswith("撤销 录入"))
    assert _stored(tab, 0, 0) == 42
    assert view.currentIndex().row() == 1 and view.currentIndex().column() == 0
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.currentIndex().column() == 1


def test_paste_block_with_a_bad_cell_shows_it_in_red(tab, qtbot, window):
    view = tab.grid_view
    view.setCurrentIndex(tab.grid_model.index(2, 1))
    before = [_stored(tab, 2, 1), _stored(tab, 2, 2), _stored(tab, 3, 1)]
    QGuiApplication.clipboard().setText("11\t12\r\n13\tabc\r\n")
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.undo_action.text() == "撤销 粘贴 4 个单元格")
    assert [_stored(tab, 2, 1), _stored(tab, 2, 2), _stored(tab, 3, 1)] == [11, 12, 13]
    bad = tab.grid_model.index(3, 2)
    assert bad.data() == "abc"
    assert bad.data(Qt.ItemDataRole.BackgroundRole) == ERROR_COLOR
    assert "不是数字" in bad.data(Qt.ItemDataRole.ToolTipRole)
    assert "错误 1 处" in tab.caption.text()
    window.undo_action.trigger()
    assert [_stored(tab, 2, 1), _stored(tab, 2, 2), _stored(tab, 3, 1)] == before


def test_rule_error_outlier_warning_and_delete(tab, qtbot, window):
    model = tab.grid_model
    found = next(c for c, i in enumerate(model.grid.indicators) if i["label"] == "排查隐患")
    tab.week.setCurrentIndex(3)
    model.paste(1, found, [["2", "9"]])
    model.paste(1, 0, [["900"]])
    qtbot.waitUntil(lambda: window.undo_action.text() == "撤销 粘贴 1 个单元格")
    fixed = model.index(1, found + 1)
    assert fixed.data(Qt.ItemDataRole.BackgroundRole) == ERROR_COLOR
    assert "不能大于" in fixed.data(Qt.ItemDataRole.ToolTipRole)
    outlier = model.index(1, 0)
    assert outlier.data(Qt.ItemDataRole.BackgroundRole) == WARNING_COLOR
    assert "中位数" in outlier.data(Qt.ItemDataRole.ToolTipRole)
    tab.grid_view.setCurrentIndex(outlier)
    qtbot.keyClick(tab.grid_view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: window.undo_action.text() == "撤销 清除 1 个单元格")
    assert model.index(1, 0).data() == ""


def test_a_week_read_afresh_marks_its_outliers_at_once_and_counts_them_after_the_first_paint(
    tab, qtbot, window, monkeypatch
):
    from models.progress import earlier
    from models.progress import grid as grid_module

    model = tab.grid_model
    tab.week.setCurrentIndex(3)
    model.paste(1, 0, [["900"]])
    qtbot.waitUntil(lambda: window.undo_action.text() == "撤销 粘贴 1 个单元格")
    monkeypatch.setattr(earlier, "_KEPT_FILES", {})  # as in a new session: nothing kept of the file
    monkeypatch.setattr(grid_module, "JUDGED_TOGETHER", 4)  # a city's screenful of rows, for the demo's 18
    tab.week.setCurrentIndex(2)
    tab.week.setCurrentIndex(3)
    assert "需核实 … 处" in tab.caption.text()  # the earlier weeks are not read with the week
    outlier = model.index(1, 0)
    assert outlier.data(Qt.ItemDataRole.BackgroundRole) == WARNING_COLOR  # the rows in sight: judged as shown
    assert "中位数" in outlier.data(Qt.ItemDataRole.ToolTipRole)
    stored = load_week(tab.store, tab.campaign["id"], tab.period["id"]).issues.values()
    warnings = sum(1 for issue in stored if issue.level == "warning")
    assert warnings >= 1
    qtbot.waitUntil(lambda: f"需核实 {warnings} 处" in tab.caption.text())


def test_completeness_view_and_chase_list(tab, tmp_path):
    tab.pages.setCurrentWidget(tab.completeness)
    view = tab.completeness
    rows = view.units_model.rows
    assert view.weeks_model.rows[0]["label"] == "第1周（6月1日—6月6日）"
    assert "应报 18" in view.summary.text()
    assert rows[0]["status"] in ("overdue", "late")
    assert view.units_model.index(0, 1).data() in ("未交（逾期）", "逾期交")
    target = tmp_path / "催报.xlsx"
    view.save_chase_list(str(target))
    ws = load_workbook(target).active
    assert ws["A1"].value == "第2周（6月7日—6月13日）催报清单"
    assert ws["B4"].value == rows[0]["unit"]


def test_totals_view_by_category(tab):
    tab.pages.setCurrentWidget(tab.totals)
    tab.totals.by.setCurrentIndex(1)
    names = [r["name"] for r in tab.totals.model.rows]
    assert "镇/街道" in names and names[-1] == "合计"


def test_import_dialog_previews_then_imports_as_one_step(tab, window, tmp_path):
    from ui.progress.import_dialog import ImportDialog

    campaign = campaign_by_year(tab.store, 2021)
    period = period_by_seq(tab.store, campaign["id"], 5)
    files = write_blank_forms(tab.store, campaign, period, tmp_path)
    fill_own_form(files[0], {2: "5场", 3: -1})
    (tmp_path / "坏文件.xlsx").write_text("x", encoding="utf-8")
    dialog = ImportDialog(tab, tab.store, campaign, tab.period, [files[0], tmp_path / "坏文件.xlsx"])
    rows = dialog.model.rows
    assert [r["status"] for r in rows] == ["ready", "rejected"]
    assert "导入" in dialog.import_button.text() and dialog.import_button.isEnabled()
    assert "E6" in dialog.details.toPlainText() or "C6" in dialog.details.toPlainText()
    dialog.accept()
    window.refresh()
    assert window.undo_action.text() == "撤销 导入 1 个进展统计表"


def test_import_dialog_names_a_unit_week_sent_twice_when_its_row_is_clicked(tab, tmp_path, qtbot):
    from PySide6.QtCore import Qt

    from ui.progress.import_dialog import ImportDialog

    campaign = campaign_by_year(tab.store, 2021)
    files = write_blank_forms(tab.store, campaign, period_by_seq(tab.store, campaign["id"], 5), tmp_path)
    fill_own_form(files[0], {2: 5})
    again = tmp_path / f"再次-{files[0].name}"
    shutil.copy(files[0], again)
    dialog = ImportDialog(tab, tab.store, campaign, tab.period, [files[0], again])
    qtbot.addWidget(dialog)
    second = dialog.view.visualRect(dialog.model.index(1, 0)).center()
    qtbot.mouseClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=second)
    shown = dialog.details.toPlainText()
    assert shown.splitlines() == [
        again.name,
        f"与“{files[0].name}”有 1 个单位同一周的数重复：两份一起导入时以本文件为准，请核对",
    ]
    dialog.reject()


def test_export_dialog_writes_own_layout(tab, tmp_path):
    from ui.progress.export_dialog import ExportDialog

    dialog = ExportDialog(tab, tab.store, tab.campaign, tab.period)
    dialog.target.setText(str(tmp_path / "第2周.xlsx"))
    dialog.accept()
    assert dialog.report["rows"] == 18
    assert load_workbook(tmp_path / "第2周.xlsx").active["B5"].value == "南宁街道"
    assert msgbox.SHOWN[-1][1].startswith("已导出 18 个单位")


def test_layout_and_campaign_dialogs(tab, window):
    from ui.progress.campaign_dialog import CampaignDialog
    from ui.progress.layout_dialog import LayoutDialog

    dialog = CampaignDialog(tab, tab.store)
    dialog.year.setValue(2023)
    dialog.theme.setText("人人讲安全、个个会应急")
    dialog.accept()
    assert dialog.created_year == 2023
    window.reload()
    window.select_campaign(2023)
    assert tab.week.count() == 5 and tab.grid_model.rowCount() == 15
    layout = LayoutDialog(tab, tab.store, tab.campaign)
    layout.model.setData(layout.model.index(0, 1), "咨询场次")
    layout.view.setCurrentIndex(layout.model.index(0, 0))
    layout.add_row()
    layout.accept()
    window.refresh()
    assert tab.grid_model.headerData(0, Qt.Orientation.Horizontal) == "咨询场次"
    assert tab.grid_model.columnCount() == 19


def test_narrative_dialog_marks_unit_reported(tab, window):
    from ui.progress.narrative_dialog import NarrativeDialog

    row = next(r for r in range(len(tab.grid_model.grid.units)) if not tab.grid_model.grid.reported(r))
    unit = tab.grid_model.grid.units[row]
    dialog = NarrativeDialog(tab, tab.store, unit, tab.period)
    dialog.fields["activities"].setPlainText("开展安全宣传进社区")
    dialog.accept()
    window.refresh()
    assert tab.grid_model.grid.reported(row)


def test_chase_list_button_prints_every_person_and_phone_to_pdf(tab, tmp_path, qtbot, monkeypatch, window):
    import pdfplumber
    from PySide6.QtPrintSupport import QPrinter

    def pdf_printer():
        printer = QPrinter()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "催报.pdf"))
        return printer

    monkeypatch.setattr(tab.completeness, "ask_printer", pdf_printer)
    tab.pages.setCurrentWidget(tab.completeness)
    qtbot.waitUntil(tab.completeness.print_button.isVisible)
    qtbot.mouseClick(tab.completeness.print_button, Qt.MouseButton.LeftButton)  # clicked(bool): no printer
    with pdfplumber.open(tmp_path / "催报.pdf") as pdf:
        text = "\n".join(page.dedupe_chars().extract_text() for page in pdf.pages)  # bold is drawn twice
    assert "第2周（6月7日—6月13日）催报清单" in text
    chased = [r for r in tab.completeness.rows if r["status"] != "on_time"]
    assert chased
    for row in chased:
        assert row["unit"] in text
        for person in row["contacts"]:
            assert person["name"] in text
            for phone in (person["office_phone"], person["mobile"]):
                assert not phone or phone in text
    assert "催报清单已打印" in window.statusBar().currentMessage()


def test_layout_model_passes_model_tester(tab, qtmodeltester):
    from ui.progress.layout_dialog import LayoutDialog

    qtmodeltester.check(LayoutDialog(tab, tab.store, tab.campaign).model)


def test_blank_forms_button_writes_one_form_per_unit_and_says_so(tab, tmp_path, monkeypatch):
    from ui.common import file_dialogs

    folder = tmp_path / "空白表"
    folder.mkdir()
    monkeypatch.setattr(file_dialogs, "folder", lambda *_: str(folder))
    tab.buttons["blank"].click()
    written = sorted(folder.glob("*.xlsx"))
    assert written
    assert msgbox.SHOWN[-1] == ("生成空白表", f"已为 {len(written)} 个单位生成{tab.period['label']}的空白表。")
    first = load_workbook(written[0]).active
    assert any(cell.value for row in first.iter_rows(max_row=6) for cell in row)  # a form, not an empty file


def test_blank_forms_into_a_folder_gone_meanwhile_is_told_and_writes_nothing(tab, tmp_path, monkeypatch):
    from ui.common import file_dialogs

    gone = tmp_path / "已拔出的U盘"
    monkeypatch.setattr(file_dialogs, "folder", lambda *_: str(gone))
    tab.buttons["blank"].click()
    title, text = msgbox.SHOWN[-1]
    assert title == "操作未完成" and "Traceback" not in text and not gone.exists()
