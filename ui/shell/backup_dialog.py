"""备份与恢复: the backups of the open database with their dates; back up now; restore one."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from models.store import backups
from ui.common import msgbox, operation


class BackupModel(QAbstractTableModel):
    HEADERS = ("时间", "原因", "大小")

    def __init__(self, rows: list[dict], parent=None):
        super().__init__(parent)
        self.rows = rows

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("时间"), self.tr("原因"), self.tr("大小"))[section]  # HEADERS, translated
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.rows[index.row()]
        return (
            row["when"].strftime("%Y年%m月%d日 %H:%M:%S"),
            row["reason"],
            f"{row['size'] / 1024 / 1024:.1f} MB",
        )[index.column()]

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()


class BackupDialog(QDialog):
    """Tests build it, select a row and call restore_selected() (msgbox.ANSWERS answers the question)."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("备份与恢复"))
        self.resize(620, 420)
        self.model = BackupModel([], self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setColumnWidth(0, 220)
        self.folder_label = QLabel(self)
        self.folder_label.setWordWrap(True)
        now = QPushButton(self.tr("立即备份"), self)
        now.clicked.connect(self.backup_now)
        self.restore_button = QPushButton(self.tr("用所选备份恢复…"), self)
        self.restore_button.clicked.connect(self.restore_selected)
        close = QPushButton(self.tr("关闭"), self)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (now, self.restore_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("自动备份：每隔一段时间（有修改时）、关闭程序时、导入合并和恢复之前。"), self))
        layout.addWidget(self.view, 1)
        layout.addWidget(self.folder_label)
        layout.addLayout(buttons)
        self.refresh()

    @property
    def store(self):
        return self.window_.store

    def refresh(self) -> None:
        done = operation.quick(self, lambda: (backups.list_backups(self.store), backups.folder(self.store)))
        rows = done.value[0] if done.ok else []
        if done.ok:
            self.folder_label.setText(self.tr("备份文件夹：{0}").format(done.value[1]))
        self.model.set_rows(rows)
        self.restore_button.setEnabled(bool(rows) and not self.store.readonly)

    def backup_now(self) -> None:
        operation.run(self, self.tr("立即备份"), lambda store, _: backups.make_backup(store, "手动"), store=self.store)
        self.refresh()

    def selected(self) -> dict | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def restore_selected(self) -> bool:
        chosen = self.selected()
        if chosen is None:
            msgbox.information(self, self.tr("备份与恢复"), self.tr("请先在列表中选一个备份。"))
            return False
        when = chosen["when"].strftime("%Y年%m月%d日 %H:%M")
        if not msgbox.question(
            self,
            self.tr("用备份恢复"),
            self.tr("要把数据库恢复到 {0} 的状态吗？\n恢复前会先备份当前状态，之后仍可再恢复回来。").format(when),
        ):
            return False
        done = operation.run(  # cancellable until the contents are replaced (one transaction: all or nothing)
            self,
            self.tr("用备份恢复"),
            lambda store, progress: backups.restore(store, chosen["path"], progress=progress),
            store=self.store,
            write=True,
        )
        if not done.ok:
            return False
        before = done.value
        self.window_.reload()
        self.refresh()
        msgbox.information(
            self,
            self.tr("已恢复"),
            self.tr("已恢复到 {0} 的状态。恢复前的状态已备份（{1}）。").format(when, before.name),
        )
        return True
