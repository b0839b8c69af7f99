"""The 帮助 menu: the manual, the language, about (with the version from models/version.py)."""

from __future__ import annotations

import PySide6
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from models.version import APP_NAME, APP_NAME_EN, APP_VERSION
from ui.common import msgbox, settings
from ui.common.paths import portable_dir, user_data_dir
from ui.shell import font_menu, language_menu


def populate(menu: QMenu, window) -> None:
    manual = QAction(window.tr("使用手册(&M)"), window)
    manual.setShortcuts(QKeySequence.StandardKey.HelpContents)
    manual.triggered.connect(lambda: show_manual(window))
    menu.addAction(manual)
    language_menu.populate(menu.addMenu(window.tr("语言 (Language)(&L)")), window)
    font_menu.populate(menu.addMenu(window.tr("字号(&Z)")), window)
    menu.addSeparator()
    about = QAction(window.tr("关于(&A)…"), window)
    about.triggered.connect(lambda: show_about(window))
    menu.addAction(about)


def about_text(window) -> str:
    import platform  # ≈3 ms: only when 关于 is opened

    where = window.tr("便携模式，数据和设置在：") if portable_dir() else window.tr("数据文件夹：")
    db = window.store.path if getattr(window, "store", None) and window.store.path else window.tr("内存数据库")
    lines = [
        f"{APP_NAME} · {APP_NAME_EN}  {APP_VERSION}",
        "",
        window.tr("区县安委办“安全生产月”活动的通知、联络员、每周进展和总结报告工作台。"),
        "",
        window.tr("当前数据库：{0}").format(db),
        f"{where}{user_data_dir()}",
        window.tr("设置：{0}").format(settings.settings_file() or window.tr("系统设置")),
        f"Python {platform.python_version()} · PySide6 {PySide6.__version__} · {platform.platform(terse=True)}",
    ]
    return "\n".join(lines)


def show_about(window) -> None:
    msgbox.information(window, window.tr("关于"), about_text(window))


def show_manual(window):
    """Opens the bundled manual (docs/manual.md with its screenshots) in a window of its own."""
    from ui.shell.manual_dialog import ManualDialog

    dialog = getattr(window, "manual_dialog", None)
    if dialog is None:
        dialog = window.manual_dialog = ManualDialog(window)
    dialog.show()
    dialog.raise_()
    return dialog
