"""Editable Qt table model over the campaign's liaison rows; each edit is one undoable action."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from models.documents.contacts import ERROR, check_field
from models.errors import DeskError
from models.liaisons.liaison import ROLES, add_liaison, edit_liaison
from models.store.database import Store
from ui.common import colours, msgbox

Index = QModelIndex | QPersistentModelIndex
MISSING_BACKGROUND = QColor("#fde2e1")
ERROR_BACKGROUND = QColor("#f8b4b4")
EDITABLE = ("role", "name", "position", "office_phone", "mobile", "email", "fax", "remarks")
CLEARABLE = ("position", "office_phone", "mobile", "email", "fax", "remarks")  # Delete empties these


def tr(text: str) -> str:
    return QCoreApplication.translate("LiaisonModel", text)


def _shape(rows: list[dict]) -> list[str]:
    return [row["unit_id"] for row in rows]


class LiaisonModel(QAbstractTableModel):
    """Rows from ``models.liaisons.liaison.liaison_rows``; a unit without a liaison is one highlighted row."""

    edited = Signal(str)  # the label of the action just saved
    refused = Signal(str)  # why a typed value was not saved, with where (for the status line)

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.campaign_id: str | None = None
        self.rows: list[dict] = []
        # (row, field) → (the text typed, why it was refused): shown in the cell, red, until corrected
        self.cell_errors: dict[tuple[int, str], tuple[str, str]] = {}
        self.columns = [
            ("unit_name", tr("单位")),
            ("category", tr("类别")),
            ("role", tr("角色")),
            ("name", tr("姓名")),
            ("position", tr("职务")),
            ("office_phone", tr("办公电话")),
            ("mobile", tr("手机")),
            ("email", tr("邮箱")),
            ("fax", tr("传真")),
            ("remarks", tr("备注")),
        ]

    def set_rows(self, campaign_id: str | None, rows: list[dict]) -> None:
        """New rows; the same units in the same order are updated in place (an open editor, the current
        cell and the keyboard focus stay), refused values kept."""
        rows = list(rows)
        if campaign_id == self.campaign_id and _shape(rows) == _shape(self.rows) and rows:
            self.rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(self.columns) - 1))
            return
        self.beginResetModel()
        self.campaign_id = campaign_id
        self.rows = list(rows)
        self.cell_errors.clear()
        self.endResetModel()

    def field(self, column: int) -> str:
        return self.columns[column][0]

    def column_of(self, field: str) -> int:
        return [key for key, _title in self.columns].index(field)

    def row_at(self, row: int) -> dict | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    # -- Qt model --------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section][1]
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        field = self.field(index.column())
        missing = self.rows[index.row()]["id"] is None
        if field in EDITABLE and (not missing or field == "name") and not self.store.readonly:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        field = self.field(index.column())
        missing = row["id"] is None
        problem = self.cell_errors.get((index.row(), field))
        if role == Qt.ItemDataRole.DisplayRole:
            if problem:
                return problem[0]
            if missing and field == "name":
                return tr("（未报联络员）")
            return row.get(field) or ""
        if role == Qt.ItemDataRole.EditRole:
            if problem:
                return problem[0]
            return "" if missing else (row.get(field) or "")
        if role == Qt.ItemDataRole.ToolTipRole:
            if problem:
                return problem[1]
            if missing:
                return tr("这个单位还没有报联络员：双击“姓名”直接填写，或用“新增联络员”。")
            return row.get(field) or None
        if role == Qt.ItemDataRole.BackgroundRole:
            if problem:
                return QBrush(colours.cell_background(ERROR_BACKGROUND))
            if missing:
                return QBrush(colours.cell_background(MISSING_BACKGROUND))
        if role == Qt.ItemDataRole.ForegroundRole and (problem or missing):
            # An explicit text colour on every tinted cell: a dark theme's white text on light pink was unreadable.
            background = colours.cell_background(ERROR_BACKGROUND if problem else MISSING_BACKGROUND)
            return QBrush(
                colours.warning_on(background) if missing and field == "name" else colours.text_on(background)
            )
        if role == Qt.ItemDataRole.FontRole and missing and field == "name":
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        row = self.rows[index.row()]
        field = self.field(index.column())
        text = str(value or "").strip()
        if (row.get(field) or "") == text:
            if self.cell_errors.pop((index.row(), field), None):
                self.dataChanged.emit(index, index)
            return False
        check = self._check(field, text)
        if check.level == ERROR:
            self._refuse(index, text, check.message)
            return False
        if self.cell_errors.pop((index.row(), field), None):
            self.dataChanged.emit(index, index)
        if not check.ok:
            question = tr("{0}\n\n仍然保存“{1}”吗？").format(check.message, text)
            if not msgbox.question(self._widget(), tr("请确认"), question):
                return False
        try:
            label = self._save(row, field, text)
        except DeskError as exc:
            self._refuse(index, text, exc.message)
            return False
        row[field] = text or None
        self.dataChanged.emit(index, index)
        self.edited.emit(label)
        return True

    def clear(self, cells: list[tuple[int, int]]) -> int:
        """Delete on a block: empty the contact fields in it (one undoable step per person); names and roles stay."""
        by_row: dict[int, dict] = {}
        for row, column in cells:
            field = self.field(column)
            if field in CLEARABLE and self.rows[row]["id"] and self.rows[row].get(field):
                by_row.setdefault(row, {})[field] = ""
        for row, fields in by_row.items():
            try:
                edit_liaison(self.store, self.rows[row]["id"], fields, confirmed=True)
            except DeskError as exc:
                self.refused.emit(exc.message)
                return 0
            for field in fields:
                self.rows[row][field] = None
                self.cell_errors.pop((row, field), None)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
        if by_row:
            self.edited.emit(tr("清除 {0} 名联络员的联系方式").format(len(by_row)))
        return len(by_row)

    # -- helpers ---------------------------------------------------------
    def place(self, row: int, field: str) -> str:
        person = self.rows[row]
        title = dict(self.columns)[field]
        who = f"{person['unit_name']} {person.get('name') or ''}".strip() if person["id"] else person["unit_name"]
        return f"{who} · {title}"

    def cell_problem(self, row: int, column: int) -> str | None:
        if not 0 <= row < len(self.rows) or not 0 <= column < len(self.columns):
            return None
        problem = self.cell_errors.get((row, self.field(column)))
        return tr("未保存 {0}：{1}").format(self.place(row, self.field(column)), problem[1]) if problem else None

    def _refuse(self, index: Index, text: str, message: str) -> None:
        self.cell_errors[(index.row(), self.field(index.column()))] = (text, message)
        self.dataChanged.emit(index, index)
        self.refused.emit(self.cell_problem(index.row(), index.column()))

    def _check(self, field: str, text: str):
        from models.documents.contacts import Check

        if field == "role" and text not in ROLES:
            return Check(ERROR, tr("角色应为：{0}。").format("、".join(ROLES)))
        return check_field(field, text)

    def _save(self, row: dict, field: str, text: str) -> str:
        if row["id"] is None:
            add_liaison(self.store, self.campaign_id, row["unit_id"], {field: text}, confirmed=True)
            return tr("新增联络员 {0}").format(text)
        edit_liaison(self.store, row["id"], {field: text}, confirmed=True)
        return tr("修改联络员 {0}").format(row.get("name") or "")

    def _widget(self):
        parent = self.parent()
        return parent if parent is not None and hasattr(parent, "window") else None
