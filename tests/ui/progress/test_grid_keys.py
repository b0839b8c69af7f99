"""Typing into the weekly grid as in Excel/WPS, in the real window: Tab, Enter, arrows, Esc, Delete."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.progress.grid import load_week

pytestmark = pytest.mark.gui


@pytest.fixture
def grid(window, qtbot):
    window.select_campaign(2021)
    window.show_tab("progress")
    tab = window.tab_pages["progress"]
    tab.week.setCurrentIndex(1)  # 第2周
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(tab.grid_view.isVisible)
    return tab


def _stored(tab, row, col):
    return load_week(tab.store, tab.campaign["id"], tab.period["id"]).values[row][col]


def _click(qtbot, tab, row, col):
    view = tab.grid_view
    view.scrollTo(tab.grid_model.index(row, col))
    rect = view.visualRect(tab.grid_model.index(row, col))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert QApplication.focusWidget() is view


def _type(qtbot, *keys):
    """Keys go where the keyboard focus is, as for the clerk."""
    for key in keys:
        if isinstance(key, str):
            for char in key:
                qtbot.keyClicks(QApplication.focusWidget(), char)
        elif isinstance(key, tuple):
            qtbot.keyClick(QApplication.focusWidget(), *key)
        else:
            qtbot.keyClick(QApplication.focusWidget(), key)


def _at(tab):
    index = tab.grid_view.currentIndex()
    return index.row(), index.column()


def test_type_tab_type_enter_stores_both_and_keeps_the_campaign(grid, qtbot, window):
    campaign, week = window.selector.currentText(), grid.week.currentText()
    _click(qtbot, grid, 0, 0)
    _type(qtbot, "8", Qt.Key.Key_Tab, "2", Qt.Key.Key_Return)
    qtbot.wait(20)  # the window's refresh after each edit runs from the event loop
    assert (_stored(grid, 0, 0), _stored(grid, 0, 1)) == (8, 2)
    assert grid.grid_model.index(0, 0).data() == "8" and grid.grid_model.index(0, 1).data() == "2"
    assert _at(grid) == (1, 1)  # Enter went down from the cell typed last
    assert QApplication.focusWidget() is grid.grid_view
    assert window.selector.currentText() == campaign and grid.week.currentText() == week


def test_tab_wraps_to_the_next_row_and_shift_tab_back(grid, qtbot):
    last = grid.grid_model.columnCount() - 1
    _click(qtbot, grid, 2, last)
    _type(qtbot, "5", Qt.Key.Key_Tab)
    qtbot.wait(20)
    assert _at(grid) == (3, 0)
    assert _stored(grid, 2, last) == 5
    _type(qtbot, (Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier))
    assert _at(grid) == (2, last)
    _type(qtbot, Qt.Key.Key_Backtab)
    assert _at(grid) == (2, last - 1)


def test_tab_never_leaves_the_grid(grid, qtbot, window):
    model = grid.grid_model
    last_unit, last_col = len(model.grid.units) - 1, model.columnCount() - 1
    _click(qtbot, grid, last_unit, last_col - 1)
    for _ in range(4):
        _type(qtbot, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is grid.grid_view
    assert _at(grid) == (last_unit, last_col)  # the last cell the clerk can type in: it stays there
    _click(qtbot, grid, 0, 1)
    for _ in range(3):
        _type(qtbot, (Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier))
    assert _at(grid) == (0, 0) and QApplication.focusWidget() is grid.grid_view
    campaign = window.selector.currentText()
    _type(qtbot, "7", Qt.Key.Key_Tab, "3", Qt.Key.Key_Tab, "1", Qt.Key.Key_Return)
    qtbot.wait(20)
    assert [_stored(grid, 0, c) for c in range(3)] == [7, 3, 1]
    assert window.selector.currentText() == campaign


def test_escape_cancels_and_arrows_commit_a_typed_value(grid, qtbot):
    before = _stored(grid, 4, 2)
    _click(qtbot, grid, 4, 2)
    _type(qtbot, "99", Qt.Key.Key_Escape)
    qtbot.wait(20)
    assert _stored(grid, 4, 2) == before and grid.grid_model.index(4, 2).data() == (
        "" if before is None else str(before)
    )
    assert _at(grid) == (4, 2) and QApplication.focusWidget() is grid.grid_view
    _type(qtbot, "6", Qt.Key.Key_Right, "4", Qt.Key.Key_Down)
    qtbot.wait(20)
    assert (_stored(grid, 4, 2), _stored(grid, 4, 3)) == (6, 4)
    assert _at(grid) == (5, 3)


def test_f2_edits_in_place_arrows_move_the_cursor(grid, qtbot):
    grid.grid_model.paste(1, 0, [["12"]])
    _click(qtbot, grid, 1, 0)
    _type(qtbot, Qt.Key.Key_F2, Qt.Key.Key_Left, "5", Qt.Key.Key_Return)  # 12 → 152
    qtbot.wait(20)
    assert _stored(grid, 1, 0) == 152
    assert _at(grid) == (2, 0)


def test_delete_clears_a_block_in_one_step(grid, qtbot, window):
    grid.grid_model.paste(2, 0, [["1", "2"], ["3", "4"]])
    _click(qtbot, grid, 2, 0)
    qtbot.mouseClick(
        grid.grid_view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,
        grid.grid_view.visualRect(grid.grid_model.index(3, 1)).center(),
    )
    _type(qtbot, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: window.undo_action.text() == "撤销 清除 4 个单元格")
    assert [_stored(grid, r, c) for r in (2, 3) for c in (0, 1)] == [None] * 4
    window.undo_action.trigger()
    assert [_stored(grid, r, c) for r in (2, 3) for c in (0, 1)] == [1, 2, 3, 4]


def test_refused_value_stays_red_with_the_reason_in_the_status_line(grid, qtbot, window):
    unit = grid.grid_model.grid.units[3]["name"]
    _click(qtbot, grid, 3, 0)
    _type(qtbot, "abc", Qt.Key.Key_Return)
    message = window.statusBar().currentMessage()
    assert "不是数字" in message and unit in message and "场次" in message
    assert grid.grid_model.index(3, 0).data() == "abc"
    window.statusBar().clearMessage()
    _click(qtbot, grid, 3, 0)  # coming back to the red cell says again what is wrong
    assert "不是数字" in window.statusBar().currentMessage()


def test_impossible_value_is_left_out_of_the_total_until_corrected(grid, qtbot):
    model = grid.grid_model
    found = next(c for c, i in enumerate(model.grid.indicators) if i["label"] == "排查隐患")
    total_row = model.rowCount() - 1
    model.paste(0, found, [["5", "2"]])
    qtbot.wait(20)
    before = int(model.index(total_row, found + 1).data())
    _click(qtbot, grid, 0, found + 1)
    _type(qtbot, "8", Qt.Key.Key_Return)  # 已整改 8 > 排查 5: stored, red, not counted
    qtbot.wait(20)
    assert _stored(grid, 0, found + 1) == 8
    total = model.index(total_row, found + 1)
    assert total.data() == f"{before - 2}*"
    assert "不含本列 1 处错误数字" in total.data(Qt.ItemDataRole.ToolTipRole)
    _click(qtbot, grid, 0, found)
    _type(qtbot, "9", Qt.Key.Key_Return)  # 排查 9: now 8 is possible and counted
    qtbot.wait(20)
    assert model.index(total_row, found + 1).data() == str(before - 2 + 8)


def test_unit_names_are_not_cut(grid):
    header = grid.grid_view.verticalHeader()
    names = [grid.grid_model.headerData(r, Qt.Orientation.Vertical) for r in range(grid.grid_model.rowCount())]
    assert header.width() >= max(header.fontMetrics().horizontalAdvance(n) for n in names)
