"""The report's title and sections: add, remove, reorder, write; saved in the report (one undoable action)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ReportEditor(QWidget):
    """Edits a copy of the sections in memory; ``changed`` tells the tab there is something to save."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._sections: list[dict] = []
        self._current = -1
        self._loading = False
        self.dirty = False
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.title = QLineEdit(self)
        self.list = QListWidget(self)
        self.list.setMaximumWidth(150)
        self.list.currentRowChanged.connect(self._select)
        self.heading = QLineEdit(self)
        self.heading.setPlaceholderText(self.tr("小标题，如：主要做法和成效"))
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(
            self.tr("正文，每段一行。以“（一）”开头的短行作为二级标题。留空则打印时注明“本部分内容尚未填写”。")
        )
        self.add_button = QPushButton(self.tr("添加一节(&I)"), self)
        self.remove_button = QPushButton(self.tr("删除(&L)"), self)
        self.up_button = QPushButton(self.tr("上移(&U)"), self)
        self.down_button = QPushButton(self.tr("下移(&G)"), self)
        self.add_button.clicked.connect(self.add_section)
        self.remove_button.clicked.connect(self.remove_section)
        self.up_button.clicked.connect(lambda: self.move_section(-1))
        self.down_button.clicked.connect(lambda: self.move_section(1))
        for signal in (self.title.textChanged, self.heading.textChanged, self.text.textChanged):
            signal.connect(self._edited)
        self._build()
        self.setEnabled(False)

    def _build(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("标题："), self.title)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("各部分："), self))
        side.addWidget(self.list, 1)
        body = QVBoxLayout()
        body.addWidget(self.heading)
        body.addWidget(self.text, 1)
        middle = QHBoxLayout()
        middle.addLayout(side)
        middle.addLayout(body, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addLayout(form)
        layout.addLayout(middle, 1)
        layout.addLayout(buttons)

    # -- loading and reading back ----------------------------------------
    def load(self, report: dict | None, hint: str = "") -> None:
        self._loading = True
        self._sections = [dict(s) for s in (report or {}).get("sections_list", [])]
        self.title.setText((report or {}).get("title") or "")
        self.hint.setText(hint)
        self._current = -1
        self.list.clear()
        self.list.addItems([self._label(s) for s in self._sections])
        self.heading.clear()
        self.text.clear()
        self.setEnabled(report is not None and report.get("kind") != "notice")
        self._loading = False
        self.dirty = False
        if self._sections:
            self.list.setCurrentRow(0)

    def sections(self) -> list[dict]:
        self._store_current()
        return [dict(s) for s in self._sections]

    def title_text(self) -> str:
        return self.title.text()

    # -- editing -----------------------------------------------------------
    def add_section(self) -> None:
        self._store_current()
        self._sections.append({"heading": self.tr("新的一节"), "text": ""})
        self.list.addItem(self._label(self._sections[-1]))
        self.list.setCurrentRow(len(self._sections) - 1)
        self._mark()

    def remove_section(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        self._current = -1
        del self._sections[row]
        self.list.takeItem(row)
        self._mark()
        if self._sections:
            self.list.setCurrentRow(min(row, len(self._sections) - 1))
        else:
            self._loading = True
            self.heading.clear()
            self.text.clear()
            self._loading = False

    def move_section(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < len(self._sections):
            return
        self._store_current()
        self._sections[row], self._sections[target] = self._sections[target], self._sections[row]
        self._current = -1
        for index in (row, target):
            self.list.item(index).setText(self._label(self._sections[index]))
        self.list.setCurrentRow(target)
        self._mark()

    def _select(self, row: int) -> None:
        self._store_current()
        self._current = row
        self._loading = True
        section = self._sections[row] if 0 <= row < len(self._sections) else {"heading": "", "text": ""}
        self.heading.setText(section["heading"])
        self.text.setPlainText(section["text"])
        self._loading = False

    def _store_current(self) -> None:
        if 0 <= self._current < len(self._sections):
            section = {"heading": self.heading.text(), "text": self.text.toPlainText()}
            self._sections[self._current] = section
            self.list.item(self._current).setText(self._label(section))

    def _edited(self) -> None:
        if not self._loading:
            if self.sender() is self.heading and 0 <= self._current < len(self._sections):
                self.list.item(self._current).setText(self.heading.text() or self.tr("（未命名）"))
            self._mark()

    def _mark(self) -> None:
        self.dirty = True
        self.changed.emit()

    def _label(self, section: dict) -> str:
        return section.get("heading") or self.tr("（未命名）")
