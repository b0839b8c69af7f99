"""本单位: the office that uses this file (name, short name, level, 填报人, phone, e-mail), asked once at first start
and from 文件 ▸ 本单位信息…; every document the app writes signs with it (models/campaigns/office.py)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QWidget

from models.campaigns.office import LEVELS, Office, get_office, level_from_name, mark_asked, set_office, was_asked
from models.errors import DeskError
from models.store.database import Store

FIELDS = ("name", "short_name", "filler", "phone", "email")


class OfficeDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None, *, first_start: bool = False):
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("本单位信息"))
        office = get_office(store)
        form = QFormLayout(self)
        if first_start:
            intro = QLabel(
                self.tr(
                    "请填写使用本程序的单位。总结、周报、通知的发文机关和落款，统计表的填报单位、填报人和联系电话都用它。"
                ),
                self,
            )
            intro.setWordWrap(True)
            form.addRow(intro)
        self.edits: dict[str, QLineEdit] = {}
        placeholders = {
            "name": "曲靖市麒麟区安全生产委员会办公室",
            "short_name": "区安委办",
            "filler": self.tr("填写统计表的人"),
            "phone": "0874-3123456",
            "email": "ajb@example.cn",
        }
        for field in FIELDS:
            edit = QLineEdit(getattr(office, field), self)
            edit.setPlaceholderText(placeholders[field])
            self.edits[field] = edit
        self.level = QComboBox(self)
        self.level.addItem(self.tr("按名称判断"), "")
        for level in LEVELS:
            self.level.addItem(level, level)
        self.level.setCurrentIndex(max(0, self.level.findData(office.level)))
        labels = {
            "name": self.tr("单位全称(&N)"),
            "short_name": self.tr("简称(&S)"),
            "filler": self.tr("填报人(&F)"),
            "phone": self.tr("联系电话(&P)"),
            "email": self.tr("邮箱(&E)"),
        }
        form.addRow(labels["name"], self.edits["name"])
        form.addRow(labels["short_name"], self.edits["short_name"])
        form.addRow(self.tr("级别(&L)"), self.level)
        for field in ("filler", "phone", "email"):
            form.addRow(labels[field], self.edits[field])
        self.preview = QLabel(self)
        self.preview.setStyleSheet("color: #555")
        form.addRow(self.preview)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b42318")
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(not store.readonly)
        form.addRow(buttons)
        self.edits["name"].textChanged.connect(self._update_preview)
        self.level.currentIndexChanged.connect(self._update_preview)
        self._update_preview()
        self.setMinimumWidth(520)

    def values(self) -> dict:
        return {**{k: e.text().strip() for k, e in self.edits.items()}, "level": self.level.currentData() or ""}

    def _update_preview(self, *_args) -> None:
        name = self.edits["name"].text().strip()
        level = self.level.currentData() or level_from_name(name)
        word = Office(name=name, level=level).region_word
        self.preview.setText(self.tr("生成的统计句写作：“{0}共开展……”").format(word))

    def accept(self) -> None:
        values = self.values()
        if not values["name"]:
            self.problem.setText(self.tr("请填写单位全称（例如 曲靖市麒麟区安全生产委员会办公室）。"))
            self.edits["name"].setFocus()
            return
        try:
            set_office(self.store, **values)
        except DeskError as exc:
            self.problem.setText(exc.message)
            edit = self.edits.get(getattr(exc, "where", "") or "")
            if edit is not None:
                edit.setFocus()
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget, store: Store, *, first_start: bool = False) -> bool:
        dialog = cls(store, parent, first_start=first_start)
        return dialog.exec() == QDialog.DialogCode.Accepted


def edit_office(window) -> None:
    """文件 ▸ 本单位信息…"""
    if OfficeDialog.ask(window, window.store):
        window.statusBar().showMessage(window.tr("本单位信息已保存。"), 5000)
        window.refresh()


def ask_at_first_start(window) -> None:
    """Once per file: a file whose 本单位 is not known asks for it (and never again, even when cancelled)."""
    store = window.store
    if store.readonly or was_asked(store):
        return
    mark_asked(store)
    QTimer.singleShot(0, lambda: OfficeDialog.ask(window, store, first_start=True) and window.refresh())
