"""The main window on the demo database, as the clerk sees it."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt

from models.store.opening import open_store
from tests.conftest import ROOT
from ui.shell.main_window import STANDARD_SIZE, TAB_KEYS, MainWindow

pytestmark = pytest.mark.gui


def _cells(page) -> list[list[str]]:
    model = page.view.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_every_tab_lists_rows_of_the_selected_campaign(window):
    assert [window.tabs.tabText(i) for i in range(4)] == ["通知", "联络员", "每周进展", "总结报告"]
    assert window.selector.currentText().startswith("2022")
    for key in TAB_KEYS[:3]:
        window.show_tab(key)
        assert window.tab_pages[key].view.model().rowCount() > 0, key
    window.selector.setCurrentIndex(1)
    for key in TAB_KEYS:
        window.show_tab(key)
    assert window.campaign["year"] == 2021
    notices = _cells(window.tab_pages["notices"])
    assert notices[0][1] == "麒区安办〔2021〕16号"
    assert _cells(window.tab_pages["reports"])[0][0] == "活动总结"
    weeks = _cells(window.tab_pages["progress"])
    assert weeks[0][0] == "第1周（6月1日—6月6日）"
    liaisons = _cells(window.tab_pages["liaisons"])
    assert any(row[3] == "（未报联络员）" for row in liaisons)


def test_status_line_names_overdue_items(window):
    assert "逾期" in window.due_label.text()


def test_search_filters_rows(window, qtbot):
    window.show_tab("liaisons")
    page = window.tab_pages["liaisons"]
    before = page.view.model().rowCount()
    page.search.setText("市应急")  # qtbot.keyClicks aborts on non-ASCII text
    assert 0 < page.view.model().rowCount() < before


def test_undo_and_redo_from_the_edit_menu(qtbot, store):
    win = MainWindow(store)
    qtbot.addWidget(win)
    assert win.stack.currentWidget() is win.welcome
    assert not win.undo_action.isEnabled()
    win.welcome.demo_button.click()
    assert win.stack.currentWidget() is win.campaign_page and win.selector.count() == 2
    assert win.undo_action.text() == "撤销 载入演示数据"
    win.undo_action.trigger()
    assert win.selector.count() == 0 and win.stack.currentWidget() is win.welcome
    assert win.redo_action.isEnabled()
    win.redo_action.trigger()
    assert win.selector.count() == 2


def test_table_models_pass_qt_model_tester(window, qtmodeltester):
    for key in TAB_KEYS:
        window.show_tab(key)
        page = window.tab_pages[key]
        qtmodeltester.check(page.model)


def test_readonly_store_disables_undo(qtbot, demo_path):
    win = MainWindow(open_store(demo_path, readonly=True))
    qtbot.addWidget(win)
    assert "只读" in win.windowTitle()
    assert not win.undo_action.isEnabled()
    win.store.close()


@pytest.mark.parametrize("tab", TAB_KEYS)
def test_screenshot_command_writes_png(tmp_path, demo_path, tab):
    target = tmp_path / f"{tab}.png"
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(demo_path), "--tab", tab, "--screenshot", str(target)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_gui_with_bad_db_exits_with_message(tmp_path):
    bad = tmp_path / "x.db"
    bad.write_text("not a database", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(bad), "--screenshot", str(tmp_path / "s.png")],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "不是 SQLite" in done.stderr
    assert bad.read_text(encoding="utf-8") == "not a database"


def test_keyboard_reaches_the_campaign_selector(window):
    assert window.findChild(type(window.selector)) is window.selector
    assert Qt.Key.Key_Z  # Ctrl+Z is the standard undo shortcut
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"


def test_a_new_user_creates_a_campaign_from_the_welcome_panel(qtbot, store, monkeypatch):
    from ui.progress.campaign_dialog import CampaignDialog

    def fill_and_accept(parent, store_):
        dialog = CampaignDialog(parent, store_)
        dialog.year.setValue(2026)
        dialog.accept()
        return dialog.created_year

    monkeypatch.setattr(CampaignDialog, "ask", staticmethod(fill_and_accept))
    win = MainWindow(store)
    qtbot.addWidget(win)
    assert win.stack.currentWidget() is win.welcome
    win.welcome.campaign_button.click()
    assert win.stack.currentWidget() is win.campaign_page
    assert win.campaign["year"] == 2026 and "2026" in win.selector.currentText()
    win.undo_action.trigger()  # creating the campaign is one undoable step
    assert win.stack.currentWidget() is win.welcome


def test_the_frame_paints_first_and_the_data_shows_just_after(qtbot, demo_store):
    win = MainWindow(demo_store, fill_after_paint=True)
    qtbot.addWidget(win)
    assert win.selector.currentText().startswith("2022")  # the frame: campaigns, tabs, menus
    assert "notices" not in win.tab_pages and win.due_label.text() == ""
    menus = [action.menu() for action in win.menuBar().actions()]
    assert [menu.title() for menu in menus] == ["文件(&F)", "编辑(&E)", "帮助(&H)"]  # the bar as it will look
    with qtbot.waitSignals([win.first_painted, win.ready], order="strict", timeout=5000):
        win.show()
    assert _cells(win.tab_pages["notices"])  # the first tab lists its notices
    assert "逾期" in win.due_label.text()
    assert not win.fill_pending
    entries = [[action.text() for action in menu.actions() if action.text()] for menu in menus]
    assert "打开(&O)…" in entries[0] and "使用手册(&M)" in entries[2]  # filled just after the first paint
    assert entries[1][0].startswith("撤销") and win.undo_action.shortcut().toString() == "Ctrl+Z"


def test_start_up_times_are_written_when_asked(tmp_path, demo_path):
    times, shot = tmp_path / "times.txt", tmp_path / "shot.png"
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(demo_path), "--screenshot", str(shot)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "DESK_STARTUP_TIMES": str(times)},
    )
    assert done.returncode == 0, done.stderr
    stamps = [line.split() for line in times.read_text(encoding="utf-8").splitlines()]
    assert [what for what, _ in stamps] == ["painted", "ready"]
    painted, ready = (float(when) for _, when in stamps)
    assert painted <= ready <= shot.stat().st_mtime + 0.01  # the screenshot shows the filled window


def test_screenshots_keep_the_standard_size_and_the_clerks_layout(tmp_path, demo_path):
    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config")}
    sizes = []
    for run in range(2):
        shot = tmp_path / f"shot{run}.png"
        done = subprocess.run(
            [
                sys.executable,
                str(ROOT / "main.py"),
                "--db",
                str(demo_path),
                "--tab",
                "liaisons",
                "--screenshot",
                str(shot),
            ],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
        )
        assert done.returncode == 0, done.stderr
        header = shot.read_bytes()[16:24]
        sizes.append((int.from_bytes(header[:4], "big"), int.from_bytes(header[4:], "big")))
    assert sizes == [STANDARD_SIZE, STANDARD_SIZE]  # fits a 1366×768 screen with a taskbar
    saved = "\n".join(p.read_text(encoding="utf-8") for p in home.rglob("*.conf"))
    assert "geometry" not in saved and "last_tab" not in saved


def test_the_file_opened_is_remembered_for_the_next_start(tmp_path, demo_path):
    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config")}
    shot = tmp_path / "shot.png"
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(demo_path), "--screenshot", str(shot)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    saved = "\n".join(p.read_text(encoding="utf-8") for p in home.rglob("*.conf"))
    # written just after the first paint: the last file (opened next time), 最近打开, the campaign shown
    assert f"last_db={demo_path.resolve()}" in saved and f"recent={demo_path.resolve()}" in saved
    assert "last_campaign_year=2022" in saved
