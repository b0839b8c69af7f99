"""Every table of the window as in Excel/WPS: header clicks sort, widths are kept, Ctrl+F filters, Ctrl+C copies
a block as TSV, and the table exports to xlsx and prints."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QTableView

from ui.common.table_sort import compare
from ui.progress.grid_view import GridView
from ui.shell.main_window import TAB_KEYS, MainWindow

pytestmark = pytest.mark.gui


def _all_tables(window) -> list[QTableView]:
    for key in TAB_KEYS:
        window.show_tab(key)
    return [view for page in window.tab_pages.values() for view in page.findChildren(QTableView)]


def _click_header(qtbot, view: QTableView, column: int) -> None:
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def _column(view: QTableView, column: int) -> list[str]:
    model = view.model()
    return [model.index(r, column).data() or "" for r in range(model.rowCount()) if not view.isRowHidden(r)]


def _liaisons(window):
    window.select_campaign(2021)
    window.show_tab("liaisons")
    return window.tab_pages["liaisons"]


def _totals(window, by: str = "unit"):
    window.select_campaign(2021)
    window.show_tab("progress")
    tab = window.tab_pages["progress"]
    tab.pages.setCurrentWidget(tab.totals)
    tab.totals.by.setCurrentIndex(tab.totals.by.findData(by))
    return tab.totals


def test_every_list_of_every_tab_is_equipped_and_sorts_except_the_grid(window):
    tables = [v for v in _all_tables(window) if v.parent() is not None and v.model() is not None]
    lists = [v for v in tables if not isinstance(v, GridView)]
    editors = {
        v for page in window.tab_pages.values() if hasattr(page, "editor") for v in page.editor.findChildren(QTableView)
    }
    lists = [v for v in lists if v not in editors]  # the editable tables inside a notice are form fields
    assert len(lists) >= 8
    for view in lists:
        assert hasattr(view, "tools"), view.objectName() or type(view.parent()).__name__
        assert view.isSortingEnabled()
    grid = window.tab_pages["progress"].grid_view
    assert hasattr(grid, "tools") and not grid.isSortingEnabled()


def test_header_click_sorts_names_and_numbers(window, qtbot):
    tab = _liaisons(window)
    name = tab.model.column_of("unit_name")
    _click_header(qtbot, tab.view, name)
    names = _column(tab.view, name)
    assert all(compare(a, b) <= 0 for a, b in zip(names, names[1:]))
    totals = _totals(window)
    first = 1
    _click_header(qtbot, totals.view, first)
    _click_header(qtbot, totals.view, first)  # second click: descending
    values = _column(totals.view, first)
    numbers = [float(v or 0) for v in values[:-1]]
    assert numbers == sorted(numbers, reverse=True) and numbers[0] > numbers[-1]
    assert _column(totals.view, 0)[-1] == "合计"  # the total stays last


def test_sorted_weeks_still_select_their_week(window, qtbot):
    window.select_campaign(2021)
    window.show_tab("progress")
    tab = window.tab_pages["progress"]
    tab.pages.setCurrentWidget(tab.completeness)
    view = tab.completeness.weeks_view
    _click_header(qtbot, view, 0)
    _click_header(qtbot, view, 0)  # descending: the last week first
    label = view.model().index(0, 0).data()
    rect = view.visualRect(view.model().index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.period["label"] == label


def _drag_divider(qtbot, view: QTableView, column: int, by: int) -> None:
    header = view.horizontalHeader()
    edge = header.sectionViewportPosition(column) + header.sectionSize(column) - 1
    y = header.height() // 2
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge, y))
    qtbot.mouseMove(header.viewport(), QPoint(edge + by // 2, y))
    qtbot.mouseMove(header.viewport(), QPoint(edge + by, y))
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge + by, y))


def test_column_widths_are_kept_across_refresh_and_restart(window, qtbot, demo_store):
    tab = _liaisons(window)
    column = tab.model.column_of("position")
    before = tab.view.columnWidth(column)
    _drag_divider(qtbot, tab.view, column, 90)
    qtbot.wait(10)
    wide = tab.view.columnWidth(column)
    assert wide >= before + 60
    window.refresh()
    qtbot.wait(10)
    assert tab.view.columnWidth(column) == wide
    again = MainWindow(demo_store)
    qtbot.addWidget(again)
    again.show()
    again.select_campaign(2021)
    again.show_tab("liaisons")
    qtbot.wait(10)
    assert again.tab_pages["liaisons"].view.columnWidth(column) == wide


def test_ctrl_f_filters_a_table_without_a_search_box_and_esc_ends_it(window, qtbot):
    window.select_campaign(2021)
    window.show_tab("notices")
    tab = window.tab_pages["notices"]
    tab.pages.setCurrentIndex(1)
    view = tab.tasks_view
    assert view.model().rowCount() >= 3
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    edit = view.tools.filter_edit
    assert edit.isVisible() and edit.hasFocus()
    wanted = view.model().index(1, 0).data()  # a date: QTest types ASCII only
    qtbot.keyClicks(edit, wanted)
    shown = _column(view, 0)
    assert shown and all(wanted in text for text in shown) and len(shown) < view.model().rowCount()
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert not edit.isVisible() and len(_column(view, 1)) == view.model().rowCount()


def test_ctrl_f_in_a_list_with_a_search_box_goes_to_it(window, qtbot):
    tab = _liaisons(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window and tab.isVisible())  # shortcuts need both
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.search.hasFocus()
    tab.buttons["add"].setFocus()  # anywhere in the tab
    qtbot.keyClick(tab.buttons["add"], Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert tab.search.hasFocus()


def test_ctrl_c_copies_the_selected_block_as_tsv(window, qtbot):
    totals = _totals(window)
    view, model = totals.view, totals.view.model()
    selection = QItemSelection(model.index(1, 0), model.index(2, 2))
    view.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    expected = "".join("\t".join(model.index(r, c).data() for c in range(3)) + "\n" for r in (1, 2))
    assert QGuiApplication.clipboard().text() == expected
    assert expected.count("\t") == 4


def test_a_liaison_block_copies_for_excel(window, qtbot):
    tab = _liaisons(window)
    proxy = tab.view.model()
    block = QItemSelection(proxy.index(0, 0), proxy.index(1, proxy.columnCount() - 1))
    tab.view.selectionModel().select(block, QItemSelectionModel.SelectionFlag.ClearAndSelect)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().split("\n")
    assert len(lines) == 3 and lines[2] == ""
    cells = lines[0].split("\t")
    assert len(cells) == tab.model.columnCount() and cells[0] == proxy.index(0, 0).data()


def test_totals_by_category_export_to_xlsx_with_numbers(window, tmp_path):
    totals = _totals(window, "category")
    out = totals.view.tools.export_xlsx(str(tmp_path / "按类别.xlsx"))
    sheet = load_workbook(out).active
    assert sheet["A1"].value == totals.caption.text()
    assert sheet["A2"].value == "单位"
    labels = [sheet.cell(r, 1).value for r in range(3, sheet.max_row + 1)]
    assert labels == _column(totals.view, 0) and labels[-1] == "合计"
    total_row = sheet.max_row
    assert isinstance(sheet.cell(total_row, 2).value, int | float)
    assert sheet.cell(total_row, 2).value == sum(sheet.cell(r, 2).value or 0 for r in range(3, total_row))


def test_deadlines_export_only_the_filtered_rows(window, qtbot, tmp_path):
    window.show_tab("notices")
    view = window.tab_pages["notices"].tasks_view
    view.tools.start_filter()
    wanted = view.model().index(0, 1).data()
    view.tools.filter_edit.setText(wanted)
    sheet = load_workbook(view.tools.export_xlsx(str(tmp_path / "截止.xlsx"))).active
    rows = [sheet.cell(r, 2).value for r in range(3, sheet.max_row + 1)]
    assert rows and all(wanted in r for r in rows) and len(rows) == len(_column(view, 1))


def test_export_to_a_missing_folder_says_so(window, tmp_path):
    tab = _liaisons(window)
    assert tab.view.tools.export_xlsx(str(tmp_path / "没有" / "x.xlsx")) is None
    from ui.common import msgbox

    assert "文件夹不存在" in msgbox.SHOWN[-1][1]


@pytest.mark.parametrize("which", ["liaisons", "grid", "totals"])
def test_tables_print_to_pdf(window, tmp_path, which):
    import pdfplumber
    from PySide6.QtPrintSupport import QPrinter

    if which == "liaisons":
        view = _liaisons(window).view
    elif which == "totals":
        view = _totals(window).view
    else:
        window.select_campaign(2021)
        window.show_tab("progress")
        view = window.tab_pages["progress"].grid_view
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "表.pdf"))
    assert view.tools.print_table(printer)
    with pdfplumber.open(tmp_path / "表.pdf") as pdf:
        text = "".join(page.dedupe_chars().extract_text() for page in pdf.pages).replace(" ", "")  # bold: twice
    assert view.tools.title().replace(" ", "") in text
    model = view.model()
    last = model.rowCount() - 1  # a unit (the grid's row header), or 合计
    label = model.headerData(last, Qt.Orientation.Vertical) if which == "grid" else model.index(last, 0).data()
    assert label.replace(" ", "")[:4] in text


def test_right_click_menu_offers_copy_filter_export_print(window):
    view = _liaisons(window).view
    texts = [a.text() for a in view.tools.context_menu().actions()]
    assert texts == ["复制(&C)", "筛选(&F)…", "导出为 Excel(&E)…", "打印(&P)…"]
