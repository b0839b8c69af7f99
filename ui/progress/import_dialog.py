"""Importing returned forms: choose files or a folder, preview per file and per cell, then write in one step.

The files are read on every core (models/progress/forms/pool.py) through ``operation.run``: progress file by file,
取消 stops the reading and nothing is written."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.campaigns.periods import list_periods
from models.errors import DeskError, ValidationError
from models.progress.forms import pool
from models.progress.forms.importer import apply_import, located, preview_forms
from models.store import backups
from ui.common import file_dialogs, msgbox, operation
from ui.common.table_model import Column, RowsModel

log = logging.getLogger(__name__)

STATUS = {"ready": "待导入", "imported": "已导入", "unchanged": "无变化", "rejected": "未导入"}


class ImportDialog(QDialog):
    """Preview first; 导入 writes every readable file as one undoable step."""

    def __init__(self, parent: QWidget | None, store, campaign: dict, period: dict | None, paths=()):
        super().__init__(parent)
        pool.warm()  # the reader processes start while the clerk picks the files
        self.store, self.campaign = store, campaign
        self.paths: list[str] = list(paths)
        self.results = []
        self.setWindowTitle(self.tr("导入进展统计表"))
        self.resize(900, 560)
        self.week = QComboBox(self)
        self.periods = list_periods(store, campaign["id"])
        for p in self.periods:
            self.week.addItem(p["label"], p["seq"])
        if period:
            self.week.setCurrentIndex(period["seq"] - 1)
        self.week.currentIndexChanged.connect(self.preview)
        files = QPushButton(self.tr("选择文件…"), self)
        files.clicked.connect(self.choose_files)
        folder = QPushButton(self.tr("选择文件夹…"), self)
        folder.clicked.connect(self.choose_folder)
        self.model = RowsModel(
            [
                Column("file", self.tr("文件")),
                Column("status", self.tr("状态"), lambda r: self.tr(STATUS.get(r["status"], r["status"]))),
                Column("unit", self.tr("单位")),
                Column("week", self.tr("周次"), lambda r: f"第{r['week']}周" if r["week"] else ""),
                Column("added", self.tr("新增"), align_right=True),
                Column("changed", self.tr("修改"), align_right=True),
                Column("unchanged", self.tr("未变"), align_right=True),
                Column("errors", self.tr("错误"), lambda r: len(r["errors"]) or "", align_right=True),
                Column("received_at", self.tr("收到时间"), lambda r: (r.get("received_at") or "").replace("T", " ")),
            ],
            self,
        )
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.clicked.connect(self.show_details)
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(140)
        self.summary = QLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(self.tr("导入"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(files)
        top.addWidget(folder)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("非本程序空白表的周次："), self))
        top.addWidget(self.week)
        self.received = QLineEdit(self)
        self.received.setPlaceholderText(self.tr("留空：按各文件的保存时间"))
        self.received.setToolTip(self.tr("迟报按收到时间判断；邮件收到的表可填邮件的日期，如 2021-06-14 09:30"))
        received_row = QHBoxLayout()
        received_row.addWidget(QLabel(self.tr("收到时间(&T)："), self))
        received_row.addWidget(self.received, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(received_row)
        layout.addWidget(self.view)
        layout.addWidget(self.details)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.preview()

    def choose_files(self) -> None:
        kinds = "Excel / WPS / ODS / CSV (*.xlsx *.xlsm *.xls *.et *.ods *.csv)"
        names = file_dialogs.open_files(self, file_dialogs.FORMS, self.tr("选择交回的表格"), kinds)
        if names:
            self.set_paths(names)

    def choose_folder(self) -> None:
        name = file_dialogs.folder(self, file_dialogs.FORMS, self.tr("选择文件夹"))
        if name:
            self.set_paths([name])

    def set_paths(self, paths) -> None:
        self.paths = [str(p) for p in paths]
        self.preview()

    def preview(self) -> None:
        if not self.paths:
            self.results = []
        else:
            week, paths = self.week.currentData(), self.paths
            done = operation.run(
                self,
                self.tr("读取报回的表"),
                lambda store, progress: _read_while_backing_up(
                    store, self.campaign, paths, week, progress, backup=not self.store.readonly
                ),
                store=self.store,
            )
            self.results = done.value if done.ok else []
        self.model.set_rows([r.public() for r in self.results])
        self.view.resizeColumnsToContents()
        ready = [r for r in self.results if r.status == "ready"]
        self.import_button.setEnabled(bool(ready))
        self.summary.setText(
            self.tr("{0} 个文件：可导入 {1}，未导入 {2}；新增 {3}，修改 {4}，未变 {5}，错误 {6} 处").format(
                len(self.results),
                len(ready),
                len(self.results) - len(ready),
                sum(r.added for r in ready),
                sum(r.changed for r in ready),
                sum(r.unchanged for r in ready),
                sum(len(r.errors) for r in self.results),
            )
        )
        if self.results:
            self.show_details(self.model.index(0, 0))

    def show_details(self, index) -> None:
        result = self.results[index.row()] if index.isValid() else None
        if result is None:
            return
        lines = [located(item) for item in [*result.errors, *result.notes]]
        self.details.setPlainText(f"{result.file}\n" + ("\n".join(lines) or self.tr("没有错误。")))

    def typed_received_at(self) -> str | None:
        """The time typed for every file (2021-06-14 09:30 or 2021-06-14), ISO; None when left empty."""
        from datetime import datetime

        text = self.received.text().strip().replace("/", "-").replace("：", ":")
        if not text:
            return None
        for pattern in ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d"):
            try:
                moment = datetime.strptime(text, pattern)
            except ValueError:
                continue
            return moment.isoformat(timespec="seconds")
        raise ValidationError(self.tr("收到时间“{0}”看不懂，请写成 2021-06-14 09:30。").format(text))

    def accept(self) -> None:
        try:
            received_at = self.typed_received_at()
        except ValidationError as exc:
            msgbox.warning(self, self.windowTitle(), exc.message)
            return
        results = self.results
        done = operation.run(  # one transaction: cancelled or failed, nothing is written
            self,
            self.tr("导入进展统计表"),
            lambda store, _: apply_import(store, results, received_at),
            store=self.store,
            write=True,
        )
        if done.ok:
            super().accept()

    @classmethod
    def ask(cls, parent, store, campaign: dict, period: dict | None) -> bool:
        return cls(parent, store, campaign, period).exec() == QDialog.DialogCode.Accepted


def _read_while_backing_up(store, campaign: dict, paths, week, progress, *, backup: bool) -> list:
    """The preview, with the backup an import needs made meanwhile on a second connection (nothing is written
    while both run): 导入 then finds the file backed up and writes at once — a city's file takes as long to
    copy as its forms to read.  A backup that fails here is only logged: 导入 makes it again, and stops if it
    fails then.  *store* is the worker's read-only connection; *backup* says whether the file is open to write."""
    if not backup or not backups.changed_since_backup(store):
        return preview_forms(store, campaign, paths, week, progress)
    backed_up = backups.backup_in_background(store, "导入前")
    try:
        return preview_forms(store, campaign, paths, week, progress)
    finally:
        try:
            backed_up()
        except (DeskError, OSError) as exc:
            log.warning("backup while previewing an import failed: %s", getattr(exc, "message", exc))
