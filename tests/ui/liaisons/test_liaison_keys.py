"""Typing into the liaison list as in a spreadsheet, in the real window: Tab along a person, Enter down, Delete."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.gui


@pytest.fixture
def tab(window, qtbot):
    window.select_campaign(2021)
    window.show_tab("liaisons")
    page = window.tab_pages["liaisons"]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(page.view.isVisible)
    return page


def _cell(tab, unit, field):
    model = tab.model
    row = next(i for i, r in enumerate(model.rows) if r["unit_name"] == unit and r["id"])
    return tab.proxy.mapFromSource(model.index(row, model.column_of(field)))


def _click(qtbot, tab, index):
    tab.view.scrollTo(index)
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=tab.view.visualRect(index).center())
    assert QApplication.focusWidget() is tab.view


def _type(qtbot, *keys):
    for key in keys:
        if isinstance(key, str):
            for char in key:
                qtbot.keyClicks(QApplication.focusWidget(), char)
        else:
            qtbot.keyClick(QApplication.focusWidget(), key)


def test_office_phone_tab_mobile_enter_saves_both(tab, qtbot, window):
    start = _cell(tab, "南宁街道", "office_phone")
    person = tab.model.rows[tab.proxy.mapToSource(start).row()]["id"]
    campaign = window.selector.currentText()
    _click(qtbot, tab, start)
    _type(qtbot, "0874-3110001", Qt.Key.Key_Tab, "13908741234", Qt.Key.Key_Return)
    qtbot.wait(20)
    saved = window.store.get("liaisons", person)
    assert (saved["office_phone"], saved["mobile"]) == ("0874-3110001", "13908741234")
    assert QApplication.focusWidget() is tab.view
    assert tab.view.currentIndex().row() == start.row() + 1
    assert tab.view.currentIndex().column() == tab.model.column_of("mobile")
    assert window.selector.currentText() == campaign


def test_tab_skips_the_unit_columns_and_never_leaves_the_table(tab, qtbot):
    last = tab.model.columnCount() - 1
    first_row = tab.proxy.index(0, last)
    _click(qtbot, tab, first_row)
    _type(qtbot, Qt.Key.Key_Tab)
    index = tab.view.currentIndex()
    assert index.row() in (1, 2) and tab.proxy.flags(index) & Qt.ItemFlag.ItemIsEditable  # not 单位 or 类别
    bottom = tab.proxy.index(tab.proxy.rowCount() - 1, last)
    _click(qtbot, tab, bottom)
    for _ in range(3):
        _type(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tab.view


def test_refused_number_stays_red_with_the_reason_in_the_status_line(tab, qtbot, window):
    cell = _cell(tab, "南宁街道", "mobile")
    person = tab.model.rows[tab.proxy.mapToSource(cell).row()]["id"]
    old = window.store.get("liaisons", person)["mobile"]
    _click(qtbot, tab, cell)
    _type(qtbot, "1381234", Qt.Key.Key_Return)
    qtbot.wait(20)
    assert "11 位" in window.statusBar().currentMessage() and "南宁街道" in window.statusBar().currentMessage()
    assert cell.data() == "1381234"
    assert window.store.get("liaisons", person)["mobile"] == old


def test_delete_empties_contact_cells_not_names(tab, qtbot, window):
    phone, mobile = _cell(tab, "南宁街道", "office_phone"), _cell(tab, "南宁街道", "mobile")
    name = _cell(tab, "南宁街道", "name")
    person = tab.model.rows[tab.proxy.mapToSource(phone).row()]["id"]
    before = window.store.get("liaisons", person)
    _click(qtbot, tab, name)
    qtbot.mouseClick(
        tab.view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,
        tab.view.visualRect(mobile).center(),
    )
    _type(qtbot, Qt.Key.Key_Delete)
    qtbot.wait(20)
    after = window.store.get("liaisons", person)
    assert (after["name"], after["office_phone"], after["mobile"]) == (before["name"], None, None)
    window.undo_action.trigger()
    assert window.store.get("liaisons", person)["mobile"] == before["mobile"]
