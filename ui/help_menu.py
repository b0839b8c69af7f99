"""The 帮助 menu: about (and the manual)."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox

from models.version import APP_NAME, APP_VERSION


def populate(menu: QMenu, window) -> None:
    about = QAction(window.tr("关于…"), window)
    about.triggered.connect(lambda: show_about(window))
    menu.addAction(about)


def about_text(window) -> str:
    return window.tr("{0} {1}\n\n区县安委办“安全生产月”活动的通知、联络员、每周进展和总结报告工作台。").format(
        APP_NAME, APP_VERSION
    )


def show_about(window) -> None:
    QMessageBox.about(window, window.tr("关于"), about_text(window))
