"""The editor of one notice: every field, its contacts and its attachments (with blank xlsx templates)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.notices.notice import ATTACHMENT_KINDS, DIRECTIONS, read_template
from ui.common import colours, file_dialogs, operation
from ui.common.table_model import Column
from ui.notices.tables import EditableRowsModel

LINE_FIELDS = ("doc_number", "title", "issuer", "issue_date", "recipients", "theme", "period_start", "period_end")


class KindDelegate(QStyledItemDelegate):
    """A drop-down of the attachment kinds."""

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt override
        box = QComboBox(parent)
        box.addItems(ATTACHMENT_KINDS)
        return box

    def setEditorData(self, editor, index):  # noqa: N802
        editor.setCurrentText(index.data() or "其他")

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.currentText())


def _table(model, parent) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().setDefaultSectionSize(24)
    view.setMinimumHeight(90)
    return view


class NoticeEditor(QWidget):
    """Every field of one notice. ``dirty`` says the clerk changed something since it was shown or saved;
    ``edited`` is emitted where a change is complete (a field left, Enter, a choice, a table cell committed)."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.dirty = False
        self._loading = False
        labels = {
            "doc_number": self.tr("文号(&N)"),
            "title": self.tr("标题(&T)"),
            "issuer": self.tr("发文机关"),
            "issue_date": self.tr("成文日期"),
            "recipients": self.tr("主送"),
            "theme": self.tr("主题"),
            "period_start": self.tr("活动开始"),
            "period_end": self.tr("活动结束"),
        }
        self.edits = {key: QLineEdit(self) for key in LINE_FIELDS}
        for key in ("issue_date", "period_start", "period_end"):
            self.edits[key].setPlaceholderText("2021-05-17")
        self.direction = QComboBox(self)
        for key, label in DIRECTIONS.items():
            self.direction.addItem(label, key)
        self.body = QPlainTextEdit(self)
        self.body.setMaximumHeight(110)
        self.contacts = EditableRowsModel(
            [Column("name", self.tr("联系人")), Column("phone", self.tr("电话")), Column("email", self.tr("邮箱"))],
            {"name", "phone", "email"},
            self,
        )
        self.attachments = EditableRowsModel(
            [
                Column("title", self.tr("附件标题")),
                Column("kind", self.tr("类别")),
                Column("template_name", self.tr("空白模板"), lambda r: r.get("template_name") or ""),
            ],
            {"title", "kind"},
            self,
        )
        form = QFormLayout()
        form.addRow(self.tr("类别"), self.direction)
        for key in LINE_FIELDS:
            form.addRow(labels[key], self.edits[key])
        form.addRow(self.tr("正文"), self.body)
        self.contacts_view = _table(self.contacts, self)
        self.attachments_view = _table(self.attachments, self)
        self.attachments_view.setItemDelegateForColumn(1, KindDelegate(self))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addLayout(
            self._list_bar(self.contacts_view, self.contacts, self.tr("添加联系人(&C)"), self.tr("删除联系人(&O)"))
        )
        layout.addWidget(self.contacts_view)
        bar = self._list_bar(self.attachments_view, self.attachments, self.tr("添加附件(&A)"), self.tr("删除附件(&L)"))
        template = QPushButton(self.tr("附加空白模板(&B)…"), self)
        template.clicked.connect(self.choose_template)
        bar.addWidget(template)
        layout.addLayout(bar)
        layout.addWidget(self.attachments_view)
        self._watch_changes()

    # -- the clerk's changes -------------------------------------------------
    def _watch_changes(self) -> None:
        for edit in self.edits.values():
            edit.textEdited.connect(self._touch)
            edit.editingFinished.connect(self._commit)
        self.direction.activated.connect(lambda _i: (self._touch(), self._commit()))
        self.body.textChanged.connect(self._touch)
        self.body.installEventFilter(self)
        for model in (self.contacts, self.attachments):
            model.dataChanged.connect(lambda *_a: (self._touch(), self._commit()))
            model.rowsRemoved.connect(lambda *_a: (self._touch(), self._commit()))
            model.rowsInserted.connect(self._touch)

    def _touch(self, *_args) -> None:
        if not self._loading:
            self.dirty = True

    def _commit(self) -> None:
        if self.dirty and not self._loading:
            self.edited.emit()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.body and event.type() == QEvent.Type.FocusOut:
            self._commit()
        return super().eventFilter(watched, event)

    def _list_bar(self, view: QTableView, model: EditableRowsModel, add_text: str, remove_text: str) -> QHBoxLayout:
        add = QPushButton(add_text, self)
        add.clicked.connect(lambda: (model.append({}), view.edit(model.index(model.rowCount() - 1, 0))))
        remove = QPushButton(remove_text, self)
        remove.clicked.connect(lambda: model.remove(view.currentIndex().row()))
        bar = QHBoxLayout()
        bar.addStretch(1)
        bar.addWidget(add)
        bar.addWidget(remove)
        return bar

    # -- values ------------------------------------------------------------
    def set_values(self, values: dict, *, dirty: bool = False) -> None:
        """Show *values*; a field that already shows its value is left alone (the cursor stays where it is)."""
        self._loading = True
        try:
            for key, edit in self.edits.items():
                if edit.text() != (values.get(key) or ""):
                    edit.setText(values.get(key) or "")
                    edit.setCursorPosition(0)
            index = self.direction.findData(values.get("direction") or "received")
            self.direction.setCurrentIndex(max(index, 0))
            if self.body.toPlainText() != (values.get("body") or ""):
                self.body.setPlainText(values.get("body") or "")
            self.contacts.replace_rows([dict(c) for c in values.get("contacts", [])])
            self.attachments.replace_rows(
                [dict(a) if isinstance(a, dict) else {"title": a, "kind": None} for a in values.get("attachments", [])]
            )
        finally:
            self._loading = False
        self.dirty = dirty
        for view in (self.contacts_view, self.attachments_view):
            view.resizeColumnsToContents()

    def mark_unsure(self, unsure: dict[str, str], confidence: dict[str, float]) -> None:
        """Fields the parser is unsure of get a yellow background and the reason as tooltip, until edited."""
        for key, edit in self.edits.items():
            why = unsure.get(key)
            edit.setProperty("unsure", bool(why))
            edit.setStyleSheet(colours.field_style("#fff3b0") if why else "")
            edit.setToolTip(self.tr("请核对：{0}").format(why) if why else "")
            if why and not edit.text():
                edit.setPlaceholderText(self.tr("未填入：{0}").format(why))
            elif not edit.text() and key not in ("issue_date", "period_start", "period_end"):
                edit.setPlaceholderText(self.tr("未识别：原文有则照原文填写"))
            if why:
                edit.textEdited.connect(lambda _text, e=edit: self._checked(e))

    def _checked(self, edit: QLineEdit) -> None:
        edit.setProperty("unsure", False)
        edit.setStyleSheet("")
        edit.setToolTip("")

    def unsure_fields(self) -> list[str]:
        return [key for key, edit in self.edits.items() if edit.property("unsure")]

    def values(self) -> dict:
        fields = {key: edit.text().strip() or None for key, edit in self.edits.items()}
        fields["direction"] = self.direction.currentData()
        fields["body"] = self.body.toPlainText()
        return fields

    def contact_rows(self) -> list[dict]:
        return [dict(r) for r in self.contacts.rows]

    def attachment_rows(self) -> list[dict]:
        return [dict(r) for r in self.attachments.rows]

    def attach_template(self, row: int, path: str) -> None:
        name, data = read_template(path)
        self.attachments.rows[row].update(template=data, template_name=name)
        self.attachments.dataChanged.emit(self.attachments.index(row, 0), self.attachments.index(row, 2))  # saved

    def choose_template(self) -> None:
        row = self.attachments_view.currentIndex().row()
        if row < 0:
            return
        path = file_dialogs.open_file(
            self, file_dialogs.TEMPLATE, self.tr("选择空白模板"), self.tr("Excel 工作簿 (*.xlsx)")
        )
        if path:
            operation.quick(self, lambda: self.attach_template(row, path))  # a refused file is said, nothing kept
