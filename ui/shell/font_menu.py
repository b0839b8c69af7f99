"""帮助 ▸ 字号: the whole window's text size, for older eyes (on top of Windows' own scaling); kept in the settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

from ui.common import settings

SCALES = (100, 115, 130, 150)  # percent of the system's font size
_system_point_size: list[float] = []  # the system's size, read once before the first change


def tr(text: str) -> str:
    return QCoreApplication.translate("font_menu", text)


def _names() -> dict[int, str]:
    return {100: tr("标准(&N)"), 115: tr("较大(&L)"), 130: tr("大(&B)"), 150: tr("特大(&X)")}


def system_point_size(app: QApplication) -> float:
    if not _system_point_size:
        size = app.font().pointSizeF()
        _system_point_size.append(size if size > 0 else 9.0)
    return _system_point_size[0]


def scale() -> int:
    chosen = settings.get(settings.FONT_SCALE)
    return chosen if chosen in SCALES else 100


def apply(app: QApplication, percent: int | None = None) -> float:
    """Set the application font to *percent* (the saved choice by default) of the system size; the new size."""
    percent = scale() if percent is None else percent
    if percent == 100 and not _system_point_size:
        return app.font().pointSizeF()  # the system's size, untouched (start-up stays fast)
    font = app.font()
    size = round(system_point_size(app) * percent / 100, 1)
    font.setPointSizeF(size)
    app.setFont(font)  # every widget without a font of its own follows, the open window too
    return size


def apply_saved(app: QApplication) -> None:
    """At start: the size saved by the clerk; the system's own size needs nothing (not even QFont's Python type,
    ≈1 ms before the first paint)."""
    if scale() != 100:
        apply(app)


def choose(percent: int) -> float:
    settings.put(settings.FONT_SCALE, percent)
    return apply(QApplication.instance(), percent)


def populate(menu: QMenu, window) -> None:
    from PySide6.QtGui import QAction, QActionGroup  # the menus are filled after the first paint; apply() before it

    group = QActionGroup(menu)
    current = scale()
    for percent, name in _names().items():
        action = QAction(f"{name}  {percent}%", menu, checkable=True)
        action.setData(percent)
        action.setChecked(percent == current)
        action.triggered.connect(lambda _checked=False, p=percent: choose(p))
        group.addAction(action)
        menu.addAction(action)
