"""A file-path field with its 选择… button beside it, as the export dialogs show it."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget


def path_row(parent: QWidget, edit: QLineEdit, button_text: str, slot) -> QHBoxLayout:
    """*edit* stretched, then a button (*button_text*, translated by the caller) that calls *slot*."""
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    button = QPushButton(button_text, parent)
    button.clicked.connect(slot)
    row.addWidget(button)
    return row
