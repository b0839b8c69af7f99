"""Qt table model over one week's grid (models.progress.grid): units down, indicators across, a 合计 row last."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from models.campaigns.layouts import header_text
from models.errors import DeskError
from models.progress.grid import Entry, WeekGrid, load_week, parse_block, save_entries
from models.store.database import Store
from ui.common import colours

Index = QModelIndex | QPersistentModelIndex
GROUP_ROLE = Qt.ItemDataRole.UserRole + 1
ERROR_COLOR = QColor("#f5c2c0")
WARNING_COLOR = QColor("#ffe2a8")
MISSING_COLOR = QColor("#eeeeee")
TOTAL_COLOR = QColor("#e3ebf6")


def _shape(grid: WeekGrid) -> tuple:
    return [u["id"] for u in grid.units], [i["id"] for i in grid.indicators]


class WeekGridModel(QAbstractTableModel):
    """Editable figures of one week; bad typed values stay visible in red until corrected."""

    saved = Signal(dict)
    failed = Signal(object)
    refused = Signal(str)  # why a typed or pasted value was not saved, for the status line

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.grid: WeekGrid | None = None
        # (unit id, indicator id) → (typed text, why it was refused): kept across reloads of the same week
        self.pending: dict[tuple[str, str], tuple[str, str]] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    # -- loading ---------------------------------------------------------
    def load(self, campaign_id: str | None, period_id: str | None) -> None:
        """Read the week; the same week with the same units and indicators is updated in place, so an open
        editor, the current cell and the keyboard focus stay where the clerk is typing."""
        old = self.grid
        same_week = old is not None and period_id == old.period["id"]
        grid = load_week(self.store, campaign_id, period_id) if campaign_id and period_id else None
        if same_week and grid is not None and _shape(grid) == _shape(old):
            self.grid = grid
            if self.rowCount() and self.columnCount():
                self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))
                self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.rowCount() - 1)
            return
        self.beginResetModel()
        self.grid = grid
        if not same_week:
            self.pending = {}
        self.endResetModel()

    def _units(self) -> int:
        return len(self.grid.units) if self.grid else 0

    def is_total_row(self, row: int) -> bool:
        return self.grid is not None and row == len(self.grid.units)

    def _key(self, row: int, col: int) -> tuple[str, str]:
        return self.grid.units[row]["id"], self.grid.indicators[col]["id"]

    # -- Qt model --------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        if parent.isValid() or not self.grid or not self.grid.indicators:
            return 0
        return self._units() + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.grid else len(self.grid.indicators)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.is_total_row(index.row()) or self.store.readonly:
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.grid is None:
            return None
        row, col = index.row(), index.column()
        if self.is_total_row(row):
            return self._total_data(col, role)
        pending = self.pending.get(self._key(row, col))
        issue = self.grid.issues.get((row, col))
        value = self.grid.values[row][col]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if pending:
                return pending[0]
            return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            if pending:
                return self.tr("未保存：{0}").format(pending[1])
            return issue.message if issue else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if pending or (issue and issue.level == "error"):
                return colours.cell_background(ERROR_COLOR)
            if issue:
                return colours.cell_background(WARNING_COLOR)
            if not self.grid.reported(row):
                return colours.cell_background(MISSING_COLOR)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:  # text that reads on the tint, whatever the theme
            background = self.data(index, Qt.ItemDataRole.BackgroundRole)
            return colours.text_on(background) if background is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _left_out(self, col: int) -> int:
        return sum(1 for _r, c in self.grid.error_cells() if c == col)

    def _total_data(self, col: int, role: int):
        if role == Qt.ItemDataRole.DisplayRole:
            total = self.grid.totals()[col]
            text = f"{total:g}" if isinstance(total, float) else str(total)
            return f"{text}*" if self._left_out(col) else text
        if role == Qt.ItemDataRole.ToolTipRole and self._left_out(col):
            return self.tr("不含本列 {0} 处错误数字（改正后计入合计）").format(self._left_out(col))
        if role == Qt.ItemDataRole.BackgroundRole:
            return colours.cell_background(ERROR_COLOR if self._left_out(col) else TOTAL_COLOR)
        if role == Qt.ItemDataRole.ForegroundRole:
            return colours.text_on(colours.cell_background(ERROR_COLOR if self._left_out(col) else TOTAL_COLOR))
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if self.grid is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.grid.indicators):
                return None
            indicator = self.grid.indicators[section]
            if role == Qt.ItemDataRole.DisplayRole:
                measure = indicator["measure"]
                label = indicator["label"]
                return f"{label}（{measure}）" if measure and measure not in label else label
            if role == GROUP_ROLE:
                group = indicator["group_label"]
                return group if group and group != indicator["label"] else None
            if role == Qt.ItemDataRole.ToolTipRole:
                return header_text(indicator)
            return None
        if not 0 <= section <= self._units():
            return None
        if self.is_total_row(section):
            return self.tr("合计") if role == Qt.ItemDataRole.DisplayRole else None
        unit = self.grid.units[section]
        reported = self.grid.reported(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return unit["name"] if reported else self.tr("{0}（未报）").format(unit["name"])
        if role == Qt.ItemDataRole.ToolTipRole:
            return unit["category"]
        return None

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.is_total_row(index.row()):
            return False
        unit = self.grid.units[index.row()]["name"]
        label = self.tr("录入 {0}").format(unit)
        return self.apply(parse_block(self.grid, index.row(), index.column(), [[str(value)]]), label)

    # -- edits -----------------------------------------------------------
    def paste(self, top: int, left: int, block: list[list[str]]) -> bool:
        entries = parse_block(self.grid, top, left, block)
        return self.apply(entries, self.tr("粘贴 {0} 个单元格").format(len(entries)))

    def clear(self, cells: list[tuple[int, int]]) -> bool:
        entries = [Entry(r, c, None) for r, c in cells if r < self._units()]
        return self.apply(entries, self.tr("清除 {0} 个单元格").format(len(entries)))

    def apply(self, entries: list[Entry], label: str) -> bool:
        if not entries or self.grid is None:
            return False
        refused = []
        for entry in entries:
            key = self._key(entry.row, entry.col)
            if entry.error:
                self.pending[key] = (entry.text, entry.error)
                refused.append(entry)
            else:
                self.pending.pop(key, None)
        try:
            counts = save_entries(self.store, self.grid, entries, label)
        except DeskError as exc:
            self.failed.emit(exc)
            return False
        rows = [e.row for e in entries]
        self.dataChanged.emit(self.index(min(rows), 0), self.index(self._units(), self.columnCount() - 1))
        self.headerDataChanged.emit(Qt.Orientation.Vertical, min(rows), max(rows))
        self.saved.emit(counts)
        if refused:
            self.refused.emit(self.refusal(refused))
        return True

    def cell_place(self, row: int, col: int) -> str:
        return f"{self.grid.units[row]['name']} · {header_text(self.grid.indicators[col])}"

    def refusal(self, refused: list[Entry]) -> str:
        first = refused[0]
        text = self.tr("未保存 {0}：{1}").format(self.cell_place(first.row, first.col), first.error)
        if len(refused) > 1:
            text += self.tr("（另有 {0} 处未保存，红色单元格）").format(len(refused) - 1)
        return text

    def cell_problem(self, row: int, col: int) -> str | None:
        """What is wrong with a cell (refused or breaking a rule), with its place; None when fine."""
        if self.grid is None or self.is_total_row(row) or not 0 <= col < len(self.grid.indicators):
            return None
        pending = self.pending.get(self._key(row, col))
        if pending:
            return self.tr("未保存 {0}：{1}").format(self.cell_place(row, col), pending[1])
        issue = self.grid.issues.get((row, col))
        return f"{self.cell_place(row, col)}：{issue.message}" if issue else None
