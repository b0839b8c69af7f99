"""帮助 ▸ 语言: choose the UI language; menus, tab titles and table headers switch at once, the rest on restart."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QApplication, QMenu, QMenuBar

from ui.common import msgbox, settings
from ui.shell import app as app_module

SEARCH_PLACEHOLDER = "搜索（输入任意文字筛选）"  # ui/common/list_tab.py's, in its ListTab context


def populate(menu: QMenu, window) -> None:
    group = QActionGroup(menu)
    chosen = settings.get(settings.LANGUAGE)
    choices = [("", window.tr("跟随系统"))] + list(app_module.LANGUAGES.items())
    for code, name in choices:
        action = QAction(name, menu, checkable=True)
        action.setData(code)
        action.setChecked(code == chosen or (code == "" and chosen not in app_module.LANGUAGES))
        action.triggered.connect(lambda _checked=False, c=code: switch_language(window, c))
        group.addAction(action)
        menu.addAction(action)


def switch_language(window, code: str) -> str:
    """Saves the choice ("" = the system's), installs its translators and retranslates the window.

    Returns the language now in use.
    """
    settings.put(settings.LANGUAGE, code)
    lang = app_module.language()
    app_module.install_translators(QApplication.instance(), lang)
    window.retranslate()
    msgbox.information(
        window,
        window.tr("语言"),
        window.tr("界面语言已切换。已打开的对话框在重新打开后切换；个别部分可能要在重新启动程序后才切换。"),
    )
    return lang


def rebuild_menu_bar(window) -> None:
    """A new menu bar built by the window in the language now installed."""
    # Actions owned by the window (undo, redo …) outlive the old menus; drop them so shortcuts are not doubled.
    owned = [action for action in _menu_actions(window.menuBar()) if action.parent() is window]
    window.setMenuBar(QMenuBar(window))  # Qt deletes the old bar and its menus
    for action in owned:
        window.removeAction(action)
        action.deleteLater()
    window._build_menus()


def retranslate_page(page) -> None:
    from PySide6.QtCore import Qt  # the Qt namespace costs ≈25 ms on first use: not before the first paint

    if hasattr(page, "retranslate"):  # a tab that knows how to retranslate itself
        page.retranslate()
        return
    model = getattr(page, "model", None)
    if model is not None and hasattr(page, "columns") and hasattr(model, "columns"):
        model.columns = page.columns()
        if model.columnCount():
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)
    search = getattr(page, "search", None)
    if search is not None and hasattr(search, "setPlaceholderText"):
        search.setPlaceholderText(page.tr(SEARCH_PLACEHOLDER))


def replace_welcome(window) -> None:
    """The welcome page has no references to its texts: a new one replaces it, wired as the window does."""
    old, stack = getattr(window, "welcome", None), getattr(window, "stack", None)
    if old is None or stack is None or stack.indexOf(old) < 0:
        return
    new = window.make_welcome()
    index, current = stack.indexOf(old), stack.currentWidget() is old
    stack.insertWidget(index, new)
    stack.removeWidget(old)
    old.deleteLater()
    window.welcome = new
    if current:
        stack.setCurrentWidget(new)


def _menu_actions(widget) -> list[QAction]:
    found = []
    for action in widget.actions():
        found.append(action)
        if action.menu() is not None:
            found.extend(_menu_actions(action.menu()))
    return found
