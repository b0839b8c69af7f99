"""本单位: asked once at first start, changed from 文件 ▸ 本单位信息…, checked in place, used by the documents."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from models.campaigns.office import get_office
from ui.shell.office_dialog import OfficeDialog, ask_at_first_start

pytestmark = pytest.mark.gui


@pytest.fixture
def fresh_window(qtbot, store):
    from ui.shell.main_window import MainWindow

    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    return win


def _fill_when_shown(qtbot, values: dict, seen: list) -> None:
    """Type into the dialog once it is open (it is modal), then press OK, as the clerk would."""

    def fill():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, OfficeDialog):
            QTimer.singleShot(20, fill)
            return
        seen.append(dialog)
        for field, text in values.items():
            if text.isascii():
                QTest.keyClicks(dialog.edits[field], text)
            else:  # Chinese arrives from the input method as committed text
                dialog.edits[field].insert(text)
        QTest.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill)


def test_first_start_asks_once(fresh_window, qtbot):
    seen: list = []
    _fill_when_shown(qtbot, {"name": "宜良县安全生产委员会办公室", "filler": "李明", "phone": "0871-67512345"}, seen)
    ask_at_first_start(fresh_window)
    qtbot.waitUntil(lambda: get_office(fresh_window.store).name != "", timeout=5000)
    office = get_office(fresh_window.store)
    assert (office.name, office.filler, office.phone, office.region_word) == (
        "宜良县安全生产委员会办公室",
        "李明",
        "0871-67512345",
        "全县",
    )
    assert "全县" in seen[0].preview.text()
    ask_at_first_start(fresh_window)  # a second start: not asked again
    qtbot.wait(50)
    assert QApplication.activeModalWidget() is None


def test_cancelled_at_first_start_is_not_asked_again(fresh_window, qtbot):
    def cancel():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, cancel)
            return
        dialog.reject()

    QTimer.singleShot(0, cancel)
    ask_at_first_start(fresh_window)
    qtbot.waitUntil(lambda: fresh_window.store.meta("office_asked") == "1")
    qtbot.wait(100)
    ask_at_first_start(fresh_window)
    qtbot.wait(50)
    assert QApplication.activeModalWidget() is None and get_office(fresh_window.store).name == ""


def test_bad_phone_is_refused_in_place_and_nothing_saved(qtbot, store):
    dialog = OfficeDialog(store)
    qtbot.addWidget(dialog)
    dialog.edits["name"].setText("曲靖市麒麟区安全生产委员会办公室")
    dialog.edits["phone"].setText("0874-12")
    dialog.accept()
    assert "联系电话" in dialog.problem.text() and dialog.result() == 0
    assert get_office(store).name == ""
    dialog.edits["name"].setText("")
    dialog.edits["phone"].setText("")
    dialog.accept()
    assert "单位全称" in dialog.problem.text()


def test_menu_entry_opens_the_dialog_and_documents_follow(window, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(OfficeDialog, "ask", classmethod(lambda cls, parent, store, **kw: shown.append(store) or True))
    action = next(a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "本单位信息(&I)…")
    action.trigger()
    assert shown == [window.store] and window.statusBar().currentMessage() == "本单位信息已保存。"


def test_dialog_fits_a_small_screen(qtbot, store):
    dialog = OfficeDialog(store, first_start=True)
    qtbot.addWidget(dialog)
    hint = dialog.sizeHint()
    assert hint.height() <= 700 and hint.width() <= 1366
    level = dialog.level
    assert [level.itemText(i) for i in range(level.count())][1:] == ["区", "县", "市", "镇", "街道", "乡"]
    assert dialog.findChild(QDialogButtonBox) is not None
