"""通知 tab: notices received and issued, their editor, deadlines per unit and what is due."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.campaigns.periods import follow_weekly_rule, weekly_deadline
from models.clock import today
from models.errors import DeskError
from models.notices.notice import DIRECTIONS, delete_notice, get_notice, list_notices, update_notice
from models.progress.deadlines import STATUS_LABELS, deadline_tasks, mark_delivered, overview
from models.store.database import Store
from ui.common import keys, msgbox, operation
from ui.common.table_model import Column, RowsModel
from ui.common.table_sort import SortProxy
from ui.common.table_tools import equip
from ui.notices.editor import NoticeEditor


def _view(model, parent) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setResizeContentsPrecision(50)  # widths from the first rows, as in ListTab
    view.verticalHeader().setDefaultSectionSize(24)
    return view


class NoticesTab(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.campaign: dict | None = None
        self.current_id: str | None = None
        self.model = RowsModel(self.columns(), self)
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.view = _view(self.proxy, self)
        self.view.selectionModel().currentRowChanged.connect(self._on_current)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索（文号、标题、机关……）"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.caption = QLabel(self)
        self.editor = NoticeEditor(self)
        self.editor.edited.connect(self.autosave)
        # notice id → (fields, contacts, attachments, why not saved): an edit that could not be saved yet is
        # kept here, shown again when its notice is, until it is corrected
        self.unsaved: dict[str, tuple[dict, list, list, str]] = {}
        self.save_state = QLabel(self)
        self.save_state.setWordWrap(True)
        self.tasks = RowsModel(
            [
                Column("due_date", self.tr("截止")),
                Column("what", self.tr("事项")),
                *[Column(k, v, lambda r, k=k: r["counts"][k], True) for k, v in STATUS_LABELS.items()],
            ],
            self,
        )
        self.tasks_view = _view(self.tasks, self)
        self.tasks_view.horizontalHeader().setStretchLastSection(False)
        self.tasks_view.selectionModel().currentRowChanged.connect(self._on_task)
        self.units = RowsModel(
            [
                Column("unit_name", self.tr("单位")),
                Column("status", self.tr("状态"), lambda r: STATUS_LABELS[r["status"]]),
                Column("delivered_at", self.tr("报送日期")),
                Column("source", self.tr("来源"), lambda r: {"manual": "手工标记"}.get(r["source"], r["source"])),
            ],
            self,
        )
        self.units_view = _view(self.units, self)
        self.overview = RowsModel(
            [
                Column("unit_name", self.tr("单位")),
                Column("overdue", self.tr("逾期未交"), lambda r: "；".join(r["overdue"])),
                Column("soon", self.tr("7 天内到期"), lambda r: "；".join(r["soon"])),
            ],
            self,
        )
        self.overview_view = _view(self.overview, self)
        year = lambda: f"{self.campaign['year']}年" if self.campaign else ""  # noqa: E731
        equip(self.view, "notices/list", lambda: year() + self.tr("通知"), search=self.search)
        equip(self.tasks_view, "notices/deadlines", lambda: year() + self.tr("截止事项"))
        equip(self.units_view, "notices/deliveries", self._deliveries_title)
        equip(self.overview_view, "notices/overview", lambda: year() + self.tr("到期概览"))
        self._build()
        keys.bind(
            self,
            {
                keys.SAVE: self.save_current,
                keys.PRINT: self.view.tools.print_table,
                keys.EXPORT: self.view.tools.export_xlsx,
            },
        )

    def _deliveries_title(self) -> str:
        task = self.tasks.row_at(self.tasks_view.currentIndex())
        return self.tr("{0} 报送情况").format(task["what"]) if task else self.tr("报送情况")

    def columns(self) -> list[Column]:
        return [
            Column("direction", self.tr("类别"), lambda r: DIRECTIONS.get(r["direction"], r["direction"])),
            Column("doc_number", self.tr("文号")),
            Column("title", self.tr("标题")),
            Column("issuer", self.tr("发文机关")),
            Column("issue_date", self.tr("成文日期")),
            Column("attachment_count", self.tr("附件"), align_right=True),
        ]

    def _build(self) -> None:
        buttons = {
            self.tr("粘贴/打开通知(&P)…"): self.register_notice,
            self.tr("起草本级通知(&D)…"): self.draft_notice,
            self.tr("删除通知(&R)"): self.delete_current,
        }
        top = QHBoxLayout()
        top.addWidget(self.caption, 1)
        for text, slot in buttons.items():
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            top.addWidget(button)
        top.addWidget(self.search)
        QShortcut(QKeySequence("Ctrl+Shift+V"), self, self.register_notice)
        QShortcut(QKeySequence.StandardKey.Find, self, self.view.tools.start_filter)  # active while the tab shows
        detail = QWidget(self)
        detail_layout = QVBoxLayout(detail)
        detail_layout.addWidget(self.save_state)
        detail_layout.addWidget(self.editor)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(detail)
        deliveries = QWidget(self)
        mark = QPushButton(self.tr("标记所选单位已交(&M)"), self)
        mark.clicked.connect(lambda: self.mark_selected(True))
        unmark = QPushButton(self.tr("取消标记(&U)"), self)
        unmark.clicked.connect(lambda: self.mark_selected(False))
        marks = QHBoxLayout()
        marks.addStretch(1)
        marks.addWidget(mark)
        marks.addWidget(unmark)
        split = QSplitter(Qt.Orientation.Vertical, deliveries)
        split.addWidget(self.tasks_view)
        split.addWidget(self.units_view)
        deliveries_layout = QVBoxLayout(deliveries)
        deliveries_layout.addWidget(split)
        deliveries_layout.addLayout(marks)
        self.pages = QTabWidget(self)
        self.pages.addTab(scroll, self.tr("通知详情"))
        self.pages.addTab(deliveries, self.tr("截止事项与报送"))
        self.pages.addTab(self.overview_view, self.tr("到期概览（按单位）"))
        splitter = QSplitter(self)
        splitter.addWidget(self.view)
        splitter.addWidget(self.pages)
        splitter.setSizes([520, 680])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter)

    # -- state -------------------------------------------------------------
    def set_campaign(self, campaign: dict | None) -> None:
        self.campaign = campaign
        self.refresh()

    def refresh(self) -> None:
        rows = list_notices(self.store, self.campaign["id"]) if self.campaign else []
        selection = self.view.selectionModel()
        selection.blockSignals(True)  # one _on_current below, for the notice shown before (its edit is kept)
        self.model.set_rows(rows)
        self.caption.setText(self.tr("共 {0} 份通知").format(len(rows)))
        self.view.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.view.setColumnWidth(column, min(self.view.columnWidth(column), 300))
        ids = [r["id"] for r in rows]
        row = ids.index(self.current_id) if self.current_id in ids else 0
        if rows:
            self.view.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
        selection.blockSignals(False)
        self._on_current()
        self._load_tasks()

    def _on_current(self, *_args) -> None:
        row = self.model.row_at(self.proxy.mapToSource(self.view.currentIndex()))
        if self.editor.dirty and self.current_id and (row is None or row["id"] != self.current_id):
            self.autosave()  # the clerk's edit is kept before another notice is shown
        self.current_id = row["id"] if row else None
        pending = self.unsaved.get(self.current_id) if self.current_id else None
        if pending:
            fields, contacts, attachments, why = pending
            self.editor.set_values({**fields, "contacts": contacts, "attachments": attachments}, dirty=True)
            self._show_state(why, error=True)
        elif row:
            self.editor.set_values(get_notice(self.store, row["id"]))
            self._show_state(self.tr("修改随时自动保存（离开一栏、按回车或换一份通知时），可用“撤销”退回。"))
        else:
            self.editor.set_values({})
            self._show_state("")
        self.editor.setEnabled(row is not None and not self.store.readonly)

    def _show_state(self, text: str, *, error: bool = False) -> None:
        self.save_state.setText(text)
        self.save_state.setStyleSheet("color: #b42318; font-weight: bold" if error else "color: #666")

    def _load_tasks(self) -> None:
        if not self.campaign:
            self.tasks.set_rows([])
            self.overview.set_rows([])
            self.units.set_rows([])
            return
        self.tasks.set_rows(deadline_tasks(self.store, self.campaign["id"], today()))
        self.overview.set_rows(overview(self.store, self.campaign["id"], today()))
        self.tasks_view.resizeColumnsToContents()
        self.overview_view.resizeColumnsToContents()
        self._on_task()

    def _on_task(self, *_args) -> None:
        task = self.tasks.row_at(self.tasks_view.currentIndex())
        self.units.set_rows(task["units"] if task else [])
        self.units_view.resizeColumnsToContents()

    def _changed(self) -> None:
        window = self.window()
        if hasattr(window, "refresh"):
            window.refresh()
        else:
            self.refresh()

    # -- actions -----------------------------------------------------------
    def register_notice(self) -> None:
        if not self.campaign:
            return
        from ui.notices.confirm_dialog import NoticeConfirmDialog  # the parser loads only when asked for

        rule = weekly_deadline(self.store, self.campaign["id"])
        saved = NoticeConfirmDialog.ask(self.store, self.campaign["id"], self)
        if saved:
            self.current_id = saved
            self._follow_rule(rule)
            self._changed()

    def _follow_rule(self, before) -> None:
        """The weeks' due dates follow the weekly deadline the notice just brought (one rule per week)."""
        try:
            moved = follow_weekly_rule(self.store, self.campaign["id"], before)
        except DeskError as exc:
            self._status(exc.message)
            return
        if moved:
            self._status(self.tr("已按通知的每周报送时间重设 {0} 周的截止时间（可撤销）。").format(moved))

    def draft_notice(self) -> None:
        if not self.current_id:
            msgbox.information(self, self.tr("起草本级通知"), self.tr("请先在列表中选择一份收到的通知。"))
            return
        from models.campaigns.office import office_for
        from ui.notices.draft_dialog import NoticeDraftDialog

        office = office_for(self.store, self.campaign).name
        dialog = NoticeDraftDialog(self.store, self.current_id, office, self)
        if dialog.exec() and dialog.saved_id:
            from models.reports.report import create_report

            self.current_id = dialog.saved_id
            if self.campaign:  # listed in 总结报告, where it is previewed, printed and saved as PDF
                create_report(self.store, self.campaign, "notice", notice_id=dialog.saved_id)
            self._changed()
            self._status(self.tr("已起草本级通知；在“总结报告”页可预览、打印或保存为 PDF。"))

    def save_current(self) -> bool:
        """Save what the editor shows for the current notice now (one undoable step)."""
        self.editor.dirty = True
        return self.autosave()

    def autosave(self) -> bool:
        """Save the clerk's edit of the current notice as one undoable step; a refused one is kept, and said."""
        notice_id = self.current_id
        if not notice_id or not self.editor.dirty or self.store.readonly:
            return False
        fields, contacts, attachments = self.editor.values(), self.editor.contact_rows(), self.editor.attachment_rows()

        def save() -> DeskError | None:
            try:
                update_notice(self.store, notice_id, fields, contacts, attachments)
            except DeskError as exc:  # a refused edit is kept and said in the editor, not in a message box
                return exc
            return None

        done = operation.quick(self, save)  # anything else: the one error path, nothing saved
        if not done.ok or done.value is not None:
            why = self.tr("未保存：{0}").format(done.value.message) if done.ok else str(done.error)
            self.unsaved[notice_id] = (fields, contacts, attachments, why)
            if done.ok:
                self._show_state(why, error=True)
                self._status(why)
            return False
        self.unsaved.pop(notice_id, None)
        self.editor.dirty = False
        if notice_id == self.current_id:
            self.editor.set_values(get_notice(self.store, notice_id))  # the new contacts/attachments get their ids
            self._show_state(self.tr("已自动保存，可用“撤销”退回。"))
        self._status(self.tr("已保存通知：{0}").format(fields.get("doc_number") or fields.get("title") or ""))
        QTimer.singleShot(0, self._changed)  # after the focus change that saved it has been handled
        return True

    def _status(self, text: str) -> None:
        bar = getattr(self.window(), "statusBar", None)
        if bar is not None:
            bar().showMessage(text, 8000)

    def delete_current(self) -> None:
        if not self.current_id:
            return
        if msgbox.question(self, self.tr("删除通知"), self.tr("删除所选通知及其附件、截止事项？（可撤销）")):
            delete_notice(self.store, self.current_id)
            self.current_id = None
            self._changed()

    def mark_selected(self, delivered: bool) -> None:
        task = self.tasks.row_at(self.tasks_view.currentIndex())
        unit = self.units.row_at(self.units_view.currentIndex())
        if not task or not unit:
            return
        when = today() if delivered else None
        if not operation.quick(
            self, lambda: mark_delivered(self.store, task["deadline_id"], unit["unit_id"], when, task["period_id"])
        ).ok:
            return
        keep = self.tasks_view.currentIndex().row()
        self._changed()
        self.tasks_view.selectRow(keep)
