"""All message boxes go through here, so tests can make them non-blocking.

Tests set ``msgbox.ANSWERS`` (a list consumed in order) or monkeypatch these
functions; every shown message is appended to ``msgbox.SHOWN``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # QMessageBox is loaded when a first message is shown, not before the first paint
    from PySide6.QtWidgets import QWidget

SHOWN: list[tuple[str, str]] = []
# When not None, messages are not shown; question() pops its answers from here.
ANSWERS: list[bool] | None = None


def _show(parent: QWidget | None, icon: str, title: str, text: str, detail: str = "") -> None:
    SHOWN.append((title, text))
    if icon in ("Warning", "Critical"):  # a refused input or a failure: kept in the log with what the clerk saw
        import logging

        logging.getLogger(__name__).warning("%s: %s", title, text.replace("\n", " / "))
    if ANSWERS is not None:
        return
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(getattr(QMessageBox.Icon, icon), title, text, QMessageBox.StandardButton.Ok, parent)
    if detail:
        box.setDetailedText(detail)
    box.exec()


def information(parent: QWidget | None, title: str, text: str) -> None:
    _show(parent, "Information", title, text)


def warning(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    _show(parent, "Warning", title, text, detail)


def critical(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    _show(parent, "Critical", title, text, detail)


def question(parent: QWidget | None, title: str, text: str) -> bool:
    SHOWN.append((title, text))
    if ANSWERS is not None:
        return ANSWERS.pop(0) if ANSWERS else False
    from PySide6.QtWidgets import QMessageBox

    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes
