"""The merge preview: what another office's file adds and changes, and a decision per conflict."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.exchange.merge import FIELD_NAMES, TABLE_NAMES, summary_lines

SHOWN_FIELDS = {
    "figures": ("value",),
    "units": ("name", "category"),
    "liaisons": ("name", "mobile", "office_phone"),
    "narratives": ("activities",),
    "campaigns": ("title",),
}


def _brief(table: str, row: dict, other: dict) -> str:
    """The fields that differ (or the first few), as short text."""
    keys = [k for k in row if k not in ("id", "created_at", "updated_at") and row[k] != other.get(k)]
    keys = keys or list(SHOWN_FIELDS.get(table, ()))
    return "；".join(f"{FIELD_NAMES.get(k, k)} {row[k]}" for k in keys[:3])[:80]


class ConflictModel(QAbstractTableModel):
    """One row per conflict: table, record, mine, theirs, and a check box 采用对方."""

    HEADERS = ("类别", "记录", "本机的版本", "对方的版本", "采用对方")

    def __init__(self, conflicts: list[dict], parent=None):
        super().__init__(parent)
        self.conflicts = conflicts
        self.take_theirs = [False] * len(conflicts)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.conflicts)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        c = self.conflicts[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and col == 4:
            return Qt.CheckState.Checked if self.take_theirs[index.row()] else Qt.CheckState.Unchecked
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == 0:
            return TABLE_NAMES.get(c["table"], c["table"])
        if col == 1:
            return c["label"]
        if col == 2:
            return _brief(c["table"], c["mine"], c["theirs"])
        if col == 3:
            return _brief(c["table"], c["theirs"], c["mine"])
        return "采用对方" if self.take_theirs[index.row()] else "保留本机"

    def flags(self, index):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 4 else base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 4:
            return False
        self.take_theirs[index.row()] = Qt.CheckState(value) == Qt.CheckState.Checked
        self.dataChanged.emit(index, index)
        return True

    def set_all(self, theirs: bool) -> None:
        self.beginResetModel()
        self.take_theirs = [theirs] * len(self.conflicts)
        self.endResetModel()

    def decisions(self) -> dict[str, str]:
        return {
            f"{c['table']}:{c['id']}": ("theirs" if t else "mine") for c, t in zip(self.conflicts, self.take_theirs)
        }


class MergeDialog(QDialog):
    """Build with a plan from models.exchange.merge.preview; accept() confirms.  Tests drive it directly."""

    def __init__(self, plan: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(self.tr("导入合并：预览"))
        self.resize(820, 520)
        self.summary = QLabel("\n".join(summary_lines(plan)), self)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model = ConflictModel(plan["conflicts"], self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((80, 300, 150, 150)):
            self.view.setColumnWidth(column, width)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        if plan["conflicts"]:
            layout.addWidget(QLabel(self.tr("下面的记录两边都改过，请逐条决定（默认保留本机）："), self))
            layout.addWidget(self.view, 1)
            row = QHBoxLayout()
            mine = QPushButton(self.tr("全部保留本机"), self)
            mine.clicked.connect(lambda: self.model.set_all(False))
            theirs = QPushButton(self.tr("全部采用对方"), self)
            theirs.clicked.connect(lambda: self.model.set_all(True))
            row.addWidget(mine)
            row.addWidget(theirs)
            row.addStretch(1)
            layout.addLayout(row)
        else:
            self.view.hide()
            layout.addStretch(1)
        note = QLabel(self.tr("合并前会自动备份；合并后可用“编辑 ▸ 撤销”撤回整次合并。"), self)
        layout.addWidget(note)
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton(self.tr("合并"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def decisions(self) -> dict[str, str]:
        return self.model.decisions()

    @classmethod
    def ask(cls, parent, plan: dict) -> dict[str, str] | None:
        """Show the preview; the decisions per conflict, or None if cancelled."""
        dialog = cls(plan, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.decisions()
