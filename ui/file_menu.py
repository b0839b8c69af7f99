"""The 文件 menu: new, open, demo, exit (and, later, copies, merge, backups)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu

from models.store import open_store
from ui import errors, msgbox, settings

FILE_FILTER = "安全生产月工作台数据库 (*.db *.sqlite);;所有文件 (*)"


def populate(menu: QMenu, window) -> None:
    def add(text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    tr = window.tr
    add(tr("新建数据库…"), lambda: new_database(window), QKeySequence.StandardKey.New)
    add(tr("打开…"), lambda: open_database_dialog(window), QKeySequence.StandardKey.Open)
    menu.addSeparator()
    add(tr("载入演示数据"), lambda: load_demo(window))
    menu.addSeparator()
    add(tr("退出"), QApplication.closeAllWindows, QKeySequence.StandardKey.Quit)


def switch_to(window, path: Path) -> bool:
    """Open *path* in the window; on failure show why and keep the current file."""
    try:
        store = open_store(path)
    except Exception as exc:  # noqa: BLE001 - every failure becomes a message
        errors.show_exception(window, exc)
        return False
    window.set_store(store)
    settings.put(settings.LAST_DB, str(path))
    return True


def new_database(window) -> None:
    name, _ = QFileDialog.getSaveFileName(window, window.tr("新建数据库"), "", FILE_FILTER)
    if not name:
        return
    path = Path(name)
    if path.exists():
        msgbox.warning(window, window.tr("新建数据库"), window.tr("文件已存在，请换一个名字：") + f"\n{path}")
        return
    switch_to(window, path)


def open_database_dialog(window) -> None:
    name, _ = QFileDialog.getOpenFileName(window, window.tr("打开数据库"), "", FILE_FILTER)
    if name:
        switch_to(window, Path(name))


def load_demo(window) -> None:
    from models import demo  # only when asked: not needed at start-up

    try:
        demo.load_demo(window.store)
    except Exception as exc:  # noqa: BLE001
        errors.show_exception(window, exc)
        return
    window.reload()
    window.statusBar().showMessage(window.tr("已载入演示数据，可用 Ctrl+Z 撤销。"), 8000)
