"""Marked rows and warning texts read under light, dark and high-contrast themes (contrast ≥ 4.5:1)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from ui.common import colours
from ui.liaisons.model import MISSING_BACKGROUND
from ui.shell.main_window import MainWindow

pytestmark = pytest.mark.gui

THEMES = {
    "light": ("#ffffff", "#000000", "#f0f0f0", "#000000"),
    "dark": ("#1e1e1e", "#ffffff", "#2d2d2d", "#ffffff"),
    "high-contrast black": ("#000000", "#ffffff", "#000000", "#ffff00"),
    "high-contrast white": ("#ffffff", "#000000", "#ffffff", "#000000"),
    "white text on a light base": ("#fafafa", "#ffffff", "#f0f0f0", "#ffffff"),  # a broken theme
}


@pytest.fixture(params=sorted(THEMES))
def theme(request, qapp):
    base, text, window, window_text = THEMES[request.param]
    old = QApplication.palette()
    palette = QPalette(old)
    for role, colour in (
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, window_text),
    ):
        palette.setColor(role, QColor(colour))
    QApplication.setPalette(palette)
    yield request.param
    QApplication.setPalette(old)


def _cell_colours(index) -> tuple[QColor, QColor]:
    background = index.data(Qt.ItemDataRole.BackgroundRole)
    foreground = index.data(Qt.ItemDataRole.ForegroundRole)
    as_colour = lambda value: value.color() if hasattr(value, "color") else QColor(value)  # noqa: E731
    return as_colour(background), as_colour(foreground)


def test_rows_without_a_liaison_read_in_every_theme(qtbot, demo_store, theme):
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    window.select_campaign(2021)
    window.show_tab("liaisons")
    tab = window.tab_pages["liaisons"]
    model = tab.model
    row = next(n for n, r in enumerate(model.rows) if r["id"] is None)
    for column in range(model.columnCount()):
        background, foreground = _cell_colours(model.index(row, column))
        assert colours.contrast(background, foreground) >= 4.5, (theme, column, background.name(), foreground.name())
    if theme == "light":
        assert _cell_colours(model.index(row, 0))[0] == MISSING_BACKGROUND  # the usual pink on a light theme
    label = tab.missing_label
    ratio = colours.contrast(
        label.palette().color(QPalette.ColorRole.WindowText), QApplication.palette().window().color()
    )
    assert ratio >= 4.5 and label.text().startswith("⚠")


def test_grid_marks_read_in_every_theme(qtbot, demo_store, theme):
    window = MainWindow(demo_store)
    qtbot.addWidget(window)
    window.select_campaign(2021)
    window.show_tab("progress")
    model = window.tab_pages["progress"].grid_model
    checked = 0
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            if index.data(Qt.ItemDataRole.BackgroundRole) is not None:
                background, foreground = _cell_colours(index)
                assert colours.contrast(background, foreground) >= 4.5, (theme, row, column)
                checked += 1
    assert checked  # the 合计 row and units that have not reported are marked


def test_contrast_ratio_is_wcag():
    assert round(colours.contrast(QColor("#000000"), QColor("#ffffff")), 1) == 21.0
    assert colours.contrast(QColor("#777777"), QColor("#777777")) == 1.0
