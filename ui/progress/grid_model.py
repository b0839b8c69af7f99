"""Qt table model over one week's grid (models.progress.grid): units down, indicators across, a 合计 row last.

Only the cells the view asks for are formatted; what is worth keeping (the 合计 row, the errors left out of
each column) is computed once and kept until the grid changes, so painting never walks every unit.
A week read afresh has its outlier warnings judged as its rows come into sight (a few dozen units' earlier
weeks read at a time) and the rest once the first screen has painted (judge_rest, for the caption's count).
A save of a large block (a pasted sheet: seconds at city scale) runs on a worker through
ui.common.operation on a copy of the grid, which replaces the shown one when it is written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QWidget

from models.campaigns.layouts import header_text
from models.progress.grid import Entry, WeekGrid, load_week, parse_block, save_entries
from models.progress.reporting import received_by_unit
from models.store.database import Store
from ui.common import colours, operation

Index = QModelIndex | QPersistentModelIndex
GROUP_ROLE = Qt.ItemDataRole.UserRole + 1
ERROR_COLOR = QColor("#f5c2c0")
WARNING_COLOR = QColor("#ffe2a8")
MISSING_COLOR = QColor("#eeeeee")
TOTAL_COLOR = QColor("#e3ebf6")
_R = Qt.ItemDataRole
DISPLAY, EDIT, TOOLTIP, BACKGROUND, FOREGROUND, ALIGN, FONT = (
    _R.DisplayRole,
    _R.EditRole,
    _R.ToolTipRole,
    _R.BackgroundRole,
    _R.ForegroundRole,
    _R.TextAlignmentRole,
    _R.FontRole,
)
_ROLES = frozenset(int(r) for r in (DISPLAY, EDIT, TOOLTIP, BACKGROUND, FOREGROUND, ALIGN, FONT))
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
SHOWN = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
TYPED = SHOWN | Qt.ItemFlag.ItemIsEditable
WORKER_CELLS = 500  # a save of this many cells or more runs on a worker (≈ 0.1 ms a cell at 3,000 units)


def _shape(grid: WeekGrid) -> tuple:
    return [u["id"] for u in grid.units], [i["id"] for i in grid.indicators]


class WeekGridModel(QAbstractTableModel):
    """Editable figures of one week; bad typed values stay visible in red until corrected."""

    saved = Signal(dict)
    refused = Signal(str)  # why a typed or pasted value was not saved, for the status line

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.grid: WeekGrid | None = None
        # (unit id, indicator id) → (typed text, why it was refused): kept across reloads of the same week
        self.pending: dict[tuple[str, str], tuple[str, str]] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self._total_cache: tuple[list[str], list[int]] | None = None  # 合计 texts, errors left out per column
        self._tints: dict[int, tuple[QColor, QColor]] = {}
        self.saving = False  # a save runs on a worker: the grid takes no other edit meanwhile
        self._reread = False  # what shows may differ from the file (units listed, a save meanwhile): read again

    # -- loading ---------------------------------------------------------
    def load(self, campaign_id: str | None, period_id: str | None) -> None:
        """Read the week; the same week with the same units and indicators is updated in place, so an open
        editor, the current cell and the keyboard focus stay where the clerk is typing."""
        old = self.grid
        same_week = old is not None and period_id == old.period["id"]
        grid = load_week(self.store, campaign_id, period_id) if campaign_id and period_id else None
        self._total_cache, self._reread, self._tints = None, False, {}
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

    def judged(self) -> bool:
        """Whether every row's outlier warnings are known (the rows in sight are judged as they show)."""
        return self.grid is None or not self.grid.unjudged

    def judge_rest(self) -> None:
        """Judge the rows not judged yet against their earlier weeks (one read of those weeks) and show
        the warnings found; the caption's count needs them all."""
        grid = self.grid
        if grid is None or not grid.unjudged:  # (a closed file judges nothing: WeekGrid.issues)
            return
        waiting = set(grid.unjudged)
        grid.issues  # noqa: B018 - reading every issue judges the rows left
        marked = [r for r, _c in grid.found if r in waiting]
        if marked and self.columnCount():
            self.dataChanged.emit(self.index(min(marked), 0), self.index(max(marked), self.columnCount() - 1))

    def holds(self, campaign_id: str | None, period_id: str | None) -> bool:
        """Whether the grid shown is that week's as stored (true after the clerk's own edits)."""
        grid = self.grid
        if grid is None:
            return campaign_id is None or period_id is None
        return grid.campaign_id == campaign_id and grid.period["id"] == period_id and not self._reread

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
        return SHOWN if self.is_total_row(index.row()) or self.store.readonly else TYPED

    def data(self, index: Index, role: int = DISPLAY):
        if role not in _ROLES or not index.isValid() or self.grid is None:
            return None  # most roles the view asks for say nothing here: answered first, cheaply
        row, col = index.row(), index.column()
        if row == len(self.grid.units):
            return self._total_data(col, role)
        if role == ALIGN:
            return RIGHT
        if role == DISPLAY or role == EDIT:
            return self._text(row, col)
        pending = self.pending.get(self._key(row, col)) if self.pending else None
        issue = self.grid.issue(row, col)  # the rows in sight are judged against their earlier weeks first
        if role == TOOLTIP:
            if pending:
                return self.tr("未保存：{0}").format(pending[1])
            return issue.message if issue else None
        if role == FONT:
            return None
        if pending or (issue and issue.level == "error"):
            tint = ERROR_COLOR
        elif issue:
            tint = WARNING_COLOR
        elif not self.grid.reported(row):
            tint = MISSING_COLOR
        else:
            return None
        return self._tint(tint)[0 if role == BACKGROUND else 1]

    def _text(self, row: int, col: int) -> str:
        pending = self.pending.get(self._key(row, col)) if self.pending else None
        if pending:
            return pending[0]
        value = self.grid.values[row][col]
        return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)

    def row_texts(self, row: int, columns: list[int]) -> list[str]:
        """What the cells of *row* show, without a Qt call per cell (the filter, export and print read it)."""
        if row == len(self.grid.units):
            return [self._totals()[0][c] for c in columns]
        return [self._text(row, c) for c in columns]

    def _tint(self, tint: QColor) -> tuple[QColor, QColor]:
        """A tint as the theme shows it, and the text colour that reads on it (worked out once a refresh)."""
        key = tint.rgba()
        if key not in self._tints:
            background = colours.cell_background(tint)
            self._tints[key] = (background, colours.text_on(background))
        return self._tints[key]

    def _totals(self) -> tuple[list[str], list[int]]:
        """The 合计 row's texts and, per column, how many wrong figures it leaves out (kept until a change)."""
        if self._total_cache is None:
            left_out = [0] * len(self.grid.indicators)
            for _row, col in self.grid.error_cells():
                left_out[col] += 1
            texts = [f"{t:g}" if isinstance(t, float) else str(t) for t in self.grid.totals()]
            self._total_cache = [f"{t}*" if n else t for t, n in zip(texts, left_out)], left_out
        return self._total_cache

    def _left_out(self, col: int) -> int:
        return self._totals()[1][col]

    def _total_data(self, col: int, role: int):
        if role == DISPLAY:
            return self._totals()[0][col]
        if role == TOOLTIP and self._left_out(col):
            return self.tr("不含本列 {0} 处错误数字（改正后计入合计）").format(self._left_out(col))
        if role == BACKGROUND or role == FOREGROUND:
            return self._tint(ERROR_COLOR if self._left_out(col) else TOTAL_COLOR)[0 if role == BACKGROUND else 1]
        if role == FONT:
            return self._bold
        if role == ALIGN:
            return RIGHT
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
        row, col, text = index.row(), index.column(), str(value)
        label = self.tr("录入 {0}").format(self.grid.units[row]["name"])
        return self.apply(lambda grid: parse_block(grid, row, col, [[text]]), lambda _n: label, 1)

    # -- edits -----------------------------------------------------------
    def paste(self, top: int, left: int, block: list[list[str]]) -> bool:
        label = self.tr("粘贴 {0} 个单元格")
        cells = sum(len(line) for line in block)
        return self.apply(lambda grid: parse_block(grid, top, left, block), label.format, cells)

    def clear(self, cells: list[tuple[int, int]]) -> bool:
        entries = [Entry(r, c, None) for r, c in cells if r < self._units()]
        label = self.tr("清除 {0} 个单元格")
        return self.apply(lambda _grid: entries, label.format, len(entries))

    def apply(self, read: Callable[[WeekGrid], list[Entry]], label: Callable[[int], str], cells: int) -> bool:
        """Read the entries from the grid (*read*), save the good ones as one undo step, keep the bad ones red.

        A block of WORKER_CELLS or more is read and saved on a worker, on a copy of the grid; the shown grid
        is replaced only once the copy is written, so a failure leaves the window as it was.
        """
        if self.saving:  # typed in the moment before the progress dialog shows
            self.refused.emit(self.tr("正在保存上一次的修改，请稍候再输入。"))
            return False
        if self.grid is None or cells == 0:
            return False
        parent = self.parent() if isinstance(self.parent(), QWidget) else None
        shown = self.grid
        reported = set(shown.received)  # who had reported before this edit (the quick path edits in place)

        def save(store: Store, grid: WeekGrid):
            entries = read(grid)
            return entries, (save_entries(store, grid, entries, label(len(entries))) if entries else None)

        if cells >= WORKER_CELLS and self.store.path is not None:
            self.judge_rest()  # nothing left to read while the worker writes (what shows is painted meanwhile)
            grid = replace(
                self.grid,
                values=[row[:] for row in self.grid.values],
                received=dict(self.grid.received),
                found=dict(self.grid.found),
                unjudged=set(),
            )
            self.saving = True
            try:
                done = operation.run(
                    parent,
                    self.tr("保存数据"),
                    lambda s, _progress: save(s, grid),
                    store=self.store,
                    label=self.tr("正在保存 {0} 个单元格…").format(cells),
                    write=not self.store.readonly,  # a read-only file is refused by the batch, in words
                    cancellable=False,
                )
            finally:
                self.saving = False
        else:
            grid = self.grid
            done = operation.quick(parent, lambda: save(self.store, grid))
        if done.ok and shown is not self.grid:  # the clerk went to another week meanwhile: it stays shown
            self._reread = True  # and this week is read again when it shows (it may have been read mid-save)
            self.saved.emit(done.value[1] or {})
            return True
        if not done.ok or not done.value[0]:
            return False
        entries, counts = done.value
        self.grid, self._total_cache = grid, None
        self._after_clearing(entries)
        refused = [e for e in entries if e.error]
        if self.pending or refused:  # a pasted sheet of good figures has nothing to keep red
            for entry in entries:
                key = self._key(entry.row, entry.col)
                if entry.error:
                    self.pending[key] = (entry.text, entry.error)
                else:
                    self.pending.pop(key, None)
        rows = sorted({e.row for e in entries})
        self.dataChanged.emit(self.index(rows[0], 0), self.index(self._units(), self.columnCount() - 1))
        named = [r for r in rows if (grid.units[r]["id"] in reported) != grid.reported(r)]  # （未报） comes or goes
        if named:
            self.headerDataChanged.emit(Qt.Orientation.Vertical, named[0], named[-1])
        self.saved.emit(counts)
        if refused:
            self.refused.emit(self.refusal(refused))
        return True

    def _after_clearing(self, entries: list[Entry]) -> None:
        """Cleared cells: who reported is read again (a unit whose figures are all gone has not reported)."""
        rows = {e.row for e in entries if e.error is None and e.value is None}
        if not rows:
            return
        grid = self.grid
        grid.received = received_by_unit(self.store, grid.period["id"])
        # a deactivated unit is listed only for a week it has figures in: gone now, the rows change
        self._reread = any(not grid.units[r]["active"] and all(v is None for v in grid.values[r]) for r in rows)

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
        issue = self.grid.issue(row, col)
        return f"{self.cell_place(row, col)}：{issue.message}" if issue else None
