"""Edits in 通知详情 are kept as the clerk goes: saved on leaving a field or the notice, each an undoable step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from models.notices.notice import draft_issued_notice, get_notice

pytestmark = pytest.mark.gui


@pytest.fixture
def tab(window, qtbot):
    window.show_tab("notices")
    window.select_campaign(2021)
    page = window.tab_pages["notices"]
    first = page.model.rows[0]["id"]
    draft_issued_notice(page.store, first, {"doc_number": "麒区安办〔2021〕18号", "issue_date": "2021-05-18"})
    window.refresh()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(page.view.isVisible)
    return page


def _click_notice(qtbot, tab, notice_id):
    row = next(i for i, r in enumerate(tab.model.rows) if r["id"] == notice_id)
    index = tab.proxy.mapFromSource(tab.model.index(row, 1))
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=tab.view.visualRect(index).center())
    assert tab.current_id == notice_id


def _retype(qtbot, edit, text):
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is edit
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, text)


def test_edit_switch_back_it_is_there_and_undo_takes_it_back(tab, qtbot, window):
    one, two = (r["id"] for r in tab.model.rows[:2])
    _click_notice(qtbot, tab, one)
    before = get_notice(tab.store, one)["issue_date"]
    _retype(qtbot, tab.editor.edits["issue_date"], "2021-05-20")
    _click_notice(qtbot, tab, two)  # no save button pressed
    qtbot.wait(20)
    assert get_notice(tab.store, one)["issue_date"] == "2021-05-20"
    assert tab.editor.edits["issue_date"].text() == get_notice(tab.store, two)["issue_date"]
    _click_notice(qtbot, tab, one)
    assert tab.editor.edits["issue_date"].text() == "2021-05-20"
    assert window.undo_action.text().startswith("撤销 修改通知")
    qtbot.keyClick(tab.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert get_notice(tab.store, one)["issue_date"] == before
    assert tab.current_id == one and tab.editor.edits["issue_date"].text() == (before or "")


def test_leaving_a_field_saves_it_as_one_step(tab, qtbot, window):
    one = tab.model.rows[0]["id"]
    _click_notice(qtbot, tab, one)
    _retype(qtbot, tab.editor.edits["theme"], "Safety first")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # on to the next field
    qtbot.wait(20)
    assert get_notice(tab.store, one)["theme"] == "Safety first"
    assert QApplication.focusWidget() is tab.editor.edits["period_start"]  # the refresh did not take the focus
    _retype(qtbot, tab.editor.edits["period_start"], "2021-06-02")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.wait(20)
    assert get_notice(tab.store, one)["period_start"] == "2021-06-02"
    window.undo_action.trigger()
    assert get_notice(tab.store, one)["theme"] == "Safety first"  # one undo, one field
    window.undo_action.trigger()
    assert get_notice(tab.store, one)["theme"] != "Safety first"


def test_a_refused_edit_is_kept_said_in_place_and_saved_once_corrected(tab, qtbot, window):
    one, two = (r["id"] for r in tab.model.rows[:2])
    _click_notice(qtbot, tab, one)
    before = get_notice(tab.store, one)["issue_date"]
    _retype(qtbot, tab.editor.edits["issue_date"], "5/20")
    _click_notice(qtbot, tab, two)
    assert get_notice(tab.store, one)["issue_date"] == before
    assert "不是日期" in window.statusBar().currentMessage()
    _click_notice(qtbot, tab, one)
    assert tab.editor.edits["issue_date"].text() == "5/20" and "不是日期" in tab.save_state.text()
    _retype(qtbot, tab.editor.edits["issue_date"], "2021-05-21")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert get_notice(tab.store, one)["issue_date"] == "2021-05-21"
    assert "已自动保存" in tab.save_state.text()
