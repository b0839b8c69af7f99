"""Table models of the merge preview: the unit matches (to confirm or change) and the conflicts (to decide)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

NEW_UNIT = ""  # the choice "a unit of its own" in the match column


def tr(text: str) -> str:
    return QCoreApplication.translate("merge_models", text)


def unit_text(name: str, parent: str) -> str:
    return f"{name}（{parent}）" if parent else name


class UnitMatchModel(QAbstractTableModel):
    """One row per incoming unit this file lacks by id: their unit, ours (editable), and why."""

    HEADERS = ("对方的单位", "本机的单位", "依据")
    changed = Signal()

    def __init__(self, rows: list[dict], our_units: list[dict], parent=None):
        super().__init__(parent)
        self.rows = [dict(r) for r in rows]
        self.our_units = our_units
        self._names = {u["id"]: unit_text(u["name"], u["parent_name"]) for u in our_units}
        self.chosen: dict[str, str | None] = {}

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008 - Qt override
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return tr(self.HEADERS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        row = self.rows[index.row()]
        if index.column() == 0:
            return unit_text(row["their_name"], row["their_parent"])
        if index.column() == 1:
            if role == Qt.ItemDataRole.EditRole:
                return row["mine_id"] or NEW_UNIT
            return (
                f"= {self._names.get(row['mine_id'], row['mine_name'])}（本机）" if row["mine_id"] else tr("（新增）")
            )
        return {
            "remembered": tr("上次合并时确认"),
            "name": tr("名称相同"),
            "chosen": tr("已手动指定"),
            "ambiguous": tr("本机有多个同名单位，请指定"),
        }.get(row["how"], "")

    def flags(self, index):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == 1 else base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or index.column() != 1:
            return False
        mine = value or None
        row = self.rows[index.row()]
        if mine == row["mine_id"]:
            return False
        row["mine_id"], row["how"] = mine, "chosen"
        row["mine_name"] = self._names.get(mine, "") if mine else ""
        self.chosen[row["their_id"]] = mine
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 2))
        self.changed.emit()
        return True

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = [dict(r) for r in rows]
        self.endResetModel()


class UnitChoiceDelegate(QStyledItemDelegate):
    """The 本机的单位 column: a list of this office's units, or 新增 (a unit of its own)."""

    def __init__(self, our_units: list[dict], parent=None):
        super().__init__(parent)
        self.our_units = our_units

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt override
        combo = QComboBox(parent)
        combo.addItem(tr("（新增为一个单位）"), NEW_UNIT)
        for unit in self.our_units:
            combo.addItem(unit_text(unit["name"], unit["parent_name"]), unit["id"])
        combo.setMaxVisibleItems(20)
        return combo

    def setEditorData(self, editor, index):  # noqa: N802
        found = editor.findData(index.data(Qt.ItemDataRole.EditRole) or NEW_UNIT)
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class ConflictModel(QAbstractTableModel):
    """One row per conflict: what, where, the field, both values, who changed them and when, 采用对方."""

    HEADERS = ("类别", "单位 · 周 · 指标", "项目", "本机的值", "对方的值", "谁在何时修改", "采用对方")
    CHECK = 6

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
            return tr(self.HEADERS[section])
        return None

    def _text(self, row: int, column: int) -> str:
        c = self.conflicts[row]
        fields = c["fields"]
        if column == 0:
            return c["what"]
        if column == 1:
            return c["label"]
        if column == 2:
            return "、".join(f["field"] for f in fields) or tr("内容")
        if column == 3:
            return "；".join(f["mine"] for f in fields)
        if column == 4:
            return "；".join(f["theirs"] for f in fields)
        if column == 5:
            return "\n".join(
                p
                for p in (
                    tr("本机：{0}").format(c["mine_by"]) if c["mine_by"] else "",
                    tr("对方：{0}").format(c["theirs_by"]) if c["theirs_by"] else "",
                )
                if p
            )
        return tr("采用对方") if self.take_theirs[row] else tr("保留本机")

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == self.CHECK:
            return Qt.CheckState.Checked if self.take_theirs[index.row()] else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(index.row(), index.column())
        return None

    def flags(self, index):
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.column() == self.CHECK else base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != self.CHECK:
            return False
        self.take_theirs[index.row()] = Qt.CheckState(value) == Qt.CheckState.Checked
        self.dataChanged.emit(index, index)
        return True

    def set_all(self, theirs: bool) -> None:
        self.beginResetModel()
        self.take_theirs = [theirs] * len(self.conflicts)
        self.endResetModel()

    def set_conflicts(self, conflicts: list[dict]) -> None:
        """New conflicts after the unit matches changed; decisions kept for the records still in conflict."""
        kept = {f"{c['table']}:{c['id']}": t for c, t in zip(self.conflicts, self.take_theirs)}
        self.beginResetModel()
        self.conflicts = conflicts
        self.take_theirs = [kept.get(f"{c['table']}:{c['id']}", False) for c in conflicts]
        self.endResetModel()

    def decisions(self) -> dict[str, str]:
        return {
            f"{c['table']}:{c['id']}": ("theirs" if t else "mine") for c, t in zip(self.conflicts, self.take_theirs)
        }
