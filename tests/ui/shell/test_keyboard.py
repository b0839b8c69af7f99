"""The keyboard as in Windows programs: Alt+letter on buttons and menus, Ctrl+P/S/E, Tab in layout order."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QTabWidget

from models.reports.report import get_report
from ui.shell.main_window import TAB_KEYS

pytestmark = pytest.mark.gui

MNEMONIC = re.compile(r"&([^&\s])")
MENU_BAR_LETTERS = {"F", "E", "H"}  # 文件(&F) 编辑(&E) 帮助(&H)


def _letter(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).upper() if found else None


def _shown(window, key: str) -> None:
    """The tab shown in the active window (shortcuts work only there)."""
    from PySide6.QtTest import QTest

    window.show_tab(key)
    page = window.tab_pages[key]
    window.activateWindow()
    for _ in range(200):  # a tab page made now is shown by a queued call
        if page.isVisible() and QApplication.activeWindow() is window:
            return
        QTest.qWait(10)
    raise AssertionError(f"{key} is not shown in the active window")


def _buttons(page) -> list[QAbstractButton]:
    return [b for b in page.findChildren(QAbstractButton) if b.isVisible() and b.isEnabled() and b.text()]


def _states(window, key: str):
    """Each page of the tab's inner tab widgets in turn (their buttons show one page at a time)."""
    _shown(window, key)
    page = window.tab_pages[key]
    yield "", page
    for inner in page.findChildren(QTabWidget):
        for n in range(inner.count()):
            inner.setCurrentIndex(n)
            QApplication.processEvents()
            yield inner.tabText(n), page
        inner.setCurrentIndex(0)


@pytest.mark.parametrize("key", TAB_KEYS)
def test_most_buttons_of_every_tab_have_their_own_alt_letter(window, key):
    window.select_campaign(2021)
    counted = 0
    for state, page in _states(window, key):
        buttons = _buttons(page)
        if not buttons:
            continue
        counted += 1
        letters = [_letter(b.text()) for b in buttons]
        with_letter = [x for x in letters if x]
        assert len(with_letter) >= 0.8 * len(buttons), (key, state, [b.text() for b in buttons])
        assert len(set(with_letter)) == len(with_letter), (key, state, letters)  # one button per letter
        assert not MENU_BAR_LETTERS & set(with_letter), (key, state, letters)  # Alt+F/E/H open the menus
    assert counted


def _menu_entries(window):
    def walk(menu):
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            yield action
            if action.menu() is not None:
                action.menu().aboutToShow.emit()  # 最近打开 fills itself when opened
                yield from walk(action.menu())

    for top in window.menuBar().actions():
        yield top
        yield from walk(top.menu())


def test_every_menu_entry_has_an_alt_letter(window):
    from ui.shell.app import LANGUAGES

    missing = []
    for action in _menu_entries(window):
        if action.data() in LANGUAGES or action.data() == "" or not action.isEnabled():
            continue  # language names are written in their own language; disabled entries take no key
        if action in (window.undo_action, window.redo_action):
            continue  # their text names the action to undo; Ctrl+Z / Ctrl+Y are their keys
        if not _letter(action.text()):
            missing.append(action.text())
    assert missing == []


def test_alt_letter_presses_the_button(window, qtbot, monkeypatch):
    from ui.liaisons.export_dialog import LiaisonExportDialog

    window.select_campaign(2021)
    _shown(window, "liaisons")
    asked = []
    monkeypatch.setattr(LiaisonExportDialog, "ask", classmethod(lambda cls, default, parent=None: asked.append(1)))
    page = window.tab_pages["liaisons"]
    qtbot.keyClick(page.view, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: asked == [1])


def test_ctrl_e_exports_and_ctrl_s_saves_where_they_apply(window, qtbot, monkeypatch):
    from ui.liaisons.export_dialog import LiaisonExportDialog

    window.select_campaign(2021)
    _shown(window, "liaisons")
    asked = []
    monkeypatch.setattr(LiaisonExportDialog, "ask", classmethod(lambda cls, default, parent=None: asked.append(1)))
    qtbot.keyClick(window.tab_pages["liaisons"].view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked == [1]
    _shown(window, "reports")
    tab = window.tab_pages["reports"]
    assert tab.report is not None, "the demo has reports"
    tab.editor.title.setText("二〇二一年活动总结（改）")
    assert tab.editor.dirty
    qtbot.keyClick(tab.editor.title, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not tab.editor.dirty
    assert get_report(window.store, tab.report["id"])["title"] == "二〇二一年活动总结（改）"


def test_ctrl_p_prints_the_page_that_shows(window, qtbot):
    from PySide6.QtPrintSupport import QPrintDialog

    window.select_campaign(2021)
    _shown(window, "progress")
    page = window.tab_pages["progress"]
    page.pages.setCurrentWidget(page.totals)
    seen = []

    def answer():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, answer)
            return
        seen.append(dialog)
        dialog.reject()

    QTimer.singleShot(0, answer)
    qtbot.keyClick(page.totals.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(seen[0], QPrintDialog)


def test_tab_goes_through_the_notices_tab_in_layout_order(window, qtbot):
    _shown(window, "notices")
    page = window.tab_pages["notices"]
    buttons = {b.text(): b for b in _buttons(page)}
    order = [
        buttons["粘贴/打开通知(&P)…"],
        buttons["起草本级通知(&D)…"],
        buttons["删除通知(&R)"],
        page.search,
        page.view,
    ]
    order[0].setFocus()
    for expected in order[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is expected
