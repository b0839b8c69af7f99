"""Keyboard use as in Windows programs: Ctrl+P/Ctrl+S/Ctrl+E on the tab that shows, and a Tab order that follows
the layout (top to bottom, left to right) instead of the order the widgets were made in."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractScrollArea, QScrollArea, QSplitter, QStackedWidget, QTabWidget, QWidget

PRINT = QKeySequence.StandardKey.Print  # Ctrl+P
SAVE = QKeySequence.StandardKey.Save  # Ctrl+S
EXPORT = "Ctrl+E"


def bind(widget: QWidget, keys: dict) -> list[QShortcut]:
    """Shortcuts active while *widget* shows (one tab's Ctrl+P is not another's)."""
    made = []
    for key, slot in keys.items():
        sequence = QKeySequence(key) if isinstance(key, str) else QKeySequence(key)
        shortcut = QShortcut(sequence, widget, _call(slot))
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)  # only while the widget is visible
        made.append(shortcut)
    return made


def _call(slot: Callable) -> Callable[[], None]:
    return lambda: slot()  # a clicked-style slot may take a bool; a shortcut passes nothing


def _children_in_layout_order(widget: QWidget) -> list[QWidget]:
    """Direct parts of *widget* in the order its layout (or splitter, tab widget, scroll area) shows them."""
    if isinstance(widget, QSplitter):
        return [widget.widget(i) for i in range(widget.count())]
    if isinstance(widget, QTabWidget):
        return [widget.tabBar()] + [widget.widget(i) for i in range(widget.count())]
    if isinstance(widget, QStackedWidget):
        return [widget.widget(i) for i in range(widget.count())]
    if isinstance(widget, QScrollArea):
        return [widget.widget()] if widget.widget() is not None else []
    layout = widget.layout()
    found: list[QWidget] = []

    def walk(item_layout) -> None:
        for n in range(item_layout.count()):
            item = item_layout.itemAt(n)
            if item.widget() is not None:
                found.append(item.widget())
            elif item.layout() is not None:
                walk(item.layout())

    if layout is not None:
        walk(layout)
    return found


def focus_chain(root: QWidget) -> list[QWidget]:
    """The widgets that take Tab focus under *root*, in layout order."""
    chain: list[QWidget] = []

    def visit(widget: QWidget) -> None:
        takes_tab = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus) and not widget.isWindow()
        if widget is not root and takes_tab:
            chain.append(widget)
            if isinstance(widget, QAbstractScrollArea) and not isinstance(widget, QScrollArea):
                return  # a table or text box: its insides are its own
        for child in _children_in_layout_order(widget):
            if child is not None and child.parentWidget() is not None and not child.isWindow():
                visit(child)

    visit(root)
    return chain


def follow_layout(root: QWidget) -> list[QWidget]:
    """Set the Tab order of *root*'s widgets to the order of the layout; returns it."""
    chain = focus_chain(root)
    for first, second in zip(chain, chain[1:]):
        QWidget.setTabOrder(first, second)
    return chain
