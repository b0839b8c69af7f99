"""文件 ▸ 最近打开: the databases opened last (setting RECENT_DBS), newest first, each with a number key."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from ui.common import msgbox, settings

MAX_RECENT = 9


def tr(text: str) -> str:
    return QCoreApplication.translate("recent_menu", text)


def recent() -> list[str]:
    return [p for p in settings.get(settings.RECENT_DBS) if isinstance(p, str) and p]


def remember(path: str | Path | None) -> None:
    """Put *path* first in the list (once), keeping the newest MAX_RECENT."""
    if not path:
        return
    text = str(Path(path).resolve())
    settings.put(settings.RECENT_DBS, [text, *[p for p in recent() if p != text]][:MAX_RECENT])


def forget(path: str) -> None:
    settings.put(settings.RECENT_DBS, [p for p in recent() if p != path])


def populate(menu: QMenu, window) -> None:
    """Fill the submenu each time it opens, so it shows the list as it is now."""
    menu.aboutToShow.connect(lambda: _fill(menu, window))
    _fill(menu, window)


def _fill(menu: QMenu, window) -> None:
    menu.clear()
    paths = recent()
    for number, path in enumerate(paths, start=1):
        shown = Path(path)
        action = QAction(f"&{number} {shown.name}  （{shown.parent}）", menu)
        action.setData(path)
        action.setToolTip(path)
        action.triggered.connect(lambda _checked=False, p=path: open_recent(window, p))
        menu.addAction(action)
    if not paths:
        empty = menu.addAction(tr("（还没有打开过的文件）"))
        empty.setEnabled(False)
        return
    menu.addSeparator()
    clear = menu.addAction(tr("清除列表(&C)"))
    clear.triggered.connect(lambda: settings.put(settings.RECENT_DBS, []))


def open_recent(window, path: str) -> bool:
    from ui.shell import file_menu

    if not Path(path).is_file():
        msgbox.warning(window, tr("最近打开"), tr("文件已不存在（已从列表中去掉）：\n{0}").format(path))
        forget(path)
        return False
    return file_menu.open_path(window, Path(path))
