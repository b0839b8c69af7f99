"""Files between offices in the window: the starter file for a town, the merge preview with unit matches."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QInputDialog

from models.campaigns.office import get_office
from models.store.opening import open_store
from ui.common import msgbox
from ui.exchange import starter_dialog

pytestmark = pytest.mark.gui


def _texts() -> str:
    return "\n".join(f"{t}：{m}" for t, m in msgbox.SHOWN)


def _answer_input(qtbot, text: str) -> None:
    """When the recipient question opens, type *text* into it and press Enter."""

    def answer():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, answer)
            return
        combo = dialog.findChild(QComboBox)
        combo.lineEdit().setText(text)  # QTest cannot type CJK characters
        qtbot.keyClick(combo.lineEdit(), Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)


def test_file_menu_offers_the_starter_file(window):
    menu = window.menuBar().actions()[0].menu()
    assert "给下级单位一份起始文件(&G)…" in [a.text() for a in menu.actions()]


def test_starter_file_for_a_typed_town(qtbot, window, tmp_path):
    target = tmp_path / "U盘" / "城关镇.db"
    target.parent.mkdir()
    _answer_input(qtbot, "城关镇人民政府")
    assert starter_dialog.give_starter(window, target=target) == target
    assert "已保存给“城关镇人民政府”的起始文件" in _texts()
    made = open_store(target, readonly=True)
    try:
        assert get_office(made).name == "城关镇人民政府" and made.office_id != window.store.office_id
    finally:
        made.close()


def test_starter_file_to_a_pulled_stick_says_so(window, tmp_path):
    assert starter_dialog.give_starter(window, "城关镇人民政府", tmp_path / "拔出了" / "x.db") is None
    assert "U 盘是否已拔出" in _texts()
