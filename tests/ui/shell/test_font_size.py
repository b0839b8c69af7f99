"""帮助 ▸ 字号 scales the text of the whole window and is kept for the next start."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QPushButton

from ui.common import settings
from ui.shell import font_menu
from ui.shell.app import create_application

pytestmark = pytest.mark.gui


@pytest.fixture
def restore_font(qapp):
    old = QApplication.font()
    yield
    QApplication.setFont(old)


def _size_menu(window):
    help_menu = window.menuBar().actions()[-1].menu()
    return next(a.menu() for a in help_menu.actions() if a.menu() is not None and "字号" in a.text())


def test_choosing_a_size_scales_the_open_window(window, qtbot, restore_font):
    base = font_menu.system_point_size(QApplication.instance())
    button = window.tab_pages["notices"].findChild(QPushButton)
    before = button.fontInfo().pointSizeF()
    entry = next(a for a in _size_menu(window).actions() if a.data() == 130)
    entry.trigger()
    qtbot.wait(20)  # the widgets are told of the new font by events
    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.3, abs=0.1)
    assert button.fontInfo().pointSizeF() > before * 1.2
    assert window.tab_pages["notices"].view.font().pointSizeF() == pytest.approx(base * 1.3, abs=0.1)
    assert settings.get(settings.FONT_SCALE) == 130
    assert entry.isChecked()


def test_the_size_is_kept_for_the_next_start(qapp, restore_font):
    base = font_menu.system_point_size(qapp)
    settings.put(settings.FONT_SCALE, 150)
    create_application([])
    assert QApplication.font().pointSizeF() == pytest.approx(base * 1.5, abs=0.1)
    settings.put(settings.FONT_SCALE, 7)  # an odd value in the .ini: the standard size
    assert font_menu.scale() == 100
