"""每周进展 tab: the week's grid of figures, who has reported, totals; import, export, blank forms.

Only what shows is read: the 报送情况 and 累计汇总 pages are re-read when they are shown after a change,
and the grid is not read again after the clerk's own edit (the model already holds what was saved).
"""

from __future__ import annotations

import heapq

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.campaigns.periods import list_periods
from models.clock import now
from models.progress.reporting import tally, week_statuses
from models.store.database import Store
from ui.common import keys
from ui.common.table_tools import equip
from ui.progress.completeness_view import CompletenessView
from ui.progress.grid_model import WeekGridModel
from ui.progress.grid_view import GridView
from ui.progress.totals_view import TotalsView

FIT_SAMPLE = 20  # the longest unit names measured for the row header


class ProgressTab(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.campaign: dict | None = None
        self.periods: list[dict] = []
        self._stale_pages: set[QWidget] = set()  # pages to re-read when next shown
        self._tally: dict = {}  # the week's reporting counts shown in the caption
        self.week = QComboBox(self)
        self.week.setMinimumWidth(220)
        self.week.currentIndexChanged.connect(self._on_week_selected)
        self.caption = QLabel(self)
        self.grid_model = WeekGridModel(store, self)
        self.grid_model.saved.connect(self._after_edit)
        self._own_edit = False  # the refresh after the clerk's edit: the grid shows what was saved
        self.grid_model.refused.connect(self.show_message)
        self.grid_view = GridView(self)
        self.grid_view.setModel(self.grid_model)
        equip(self.grid_view, "progress/grid", self._grid_title, sortable=False, copy=False)  # it has its own copy
        self.grid_view.selectionModel().currentChanged.connect(self._on_cell_changed)
        self.completeness = CompletenessView(self, self)
        self.completeness.weeks_view.clicked.connect(self._on_week_clicked)
        self.totals = TotalsView(self, self)
        self.pages = QTabWidget(self)
        self.pages.addTab(self.grid_view, self.tr("数据录入"))
        self.pages.addTab(self.completeness, self.tr("报送情况"))
        self.pages.addTab(self.totals, self.tr("累计汇总"))
        self.pages.currentChanged.connect(lambda _i: self._refresh_page())
        layout = QVBoxLayout(self)
        layout.addLayout(self._top_bar())
        layout.addWidget(self.caption)
        layout.addWidget(self.pages)
        keys.bind(self, {keys.EXPORT: self.export_stats, keys.PRINT: self.print_page})

    def _top_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        label = QLabel(self.tr("周次(&K)："), self)
        label.setBuddy(self.week)
        bar.addWidget(label)
        bar.addWidget(self.week)
        bar.addStretch(1)
        self.buttons = {}
        for key, text, slot in (
            ("narrative", self.tr("本周情况(&N)…"), self.edit_narrative),
            ("import", self.tr("导入表格(&M)…"), self.import_forms),
            ("export", self.tr("导出统计表(&X)…"), self.export_stats),
            ("blank", self.tr("生成空白表(&B)…"), self.blank_forms),
            ("layout", self.tr("指标表(&L)…"), self.edit_layout),
            ("campaign", self.tr("新建活动(&W)…"), self.new_campaign),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            bar.addWidget(button)
            self.buttons[key] = button
        return bar

    def _grid_title(self) -> str:
        if not self.campaign or not self.period:
            return self.tr("数据录入")
        return self.tr("{0}年 {1} 数据").format(self.campaign["year"], self.period["label"])

    # The weeks overview is this tab's main list (as in the other tabs: .model / .view), read when asked for.
    @property
    def view(self) -> QTableView:
        self.ensure_fresh(self.completeness)
        return self.completeness.weeks_view

    @property
    def model(self):
        return self.view.model()

    @property
    def period(self) -> dict | None:
        index = self.week.currentIndex()
        return self.periods[index] if 0 <= index < len(self.periods) else None

    def set_campaign(self, campaign: dict | None) -> None:
        changed = (campaign or {}).get("id") != (self.campaign or {}).get("id")
        self.campaign = campaign
        wanted = None if changed else (self.period or {}).get("id")
        self.periods = list_periods(self.store, campaign["id"]) if campaign else []
        self.week.blockSignals(True)
        self.week.clear()
        for period in self.periods:
            self.week.addItem(period["label"])
        ids = [p["id"] for p in self.periods]
        self.week.setCurrentIndex(ids.index(wanted) if wanted in ids else self._default_week())
        self.week.blockSignals(False)
        self.refresh()

    def _default_week(self) -> int:
        """The week of today's date (the last one for a past campaign, the first for a future one)."""
        from models.clock import today

        started = [i for i, p in enumerate(self.periods) if p["start_date"] <= today().isoformat()]
        return started[-1] if started else 0

    def _on_week_clicked(self, index) -> None:
        row = self.completeness.weeks_model.row_at(index)  # the list may be sorted by a header click
        seqs = [p["seq"] for p in self.periods]
        if row and row.get("seq") in seqs:
            self.week.setCurrentIndex(seqs.index(row["seq"]))

    def _on_week_selected(self, _index: int) -> None:
        self.refresh()

    def refresh(self) -> None:
        current = self.grid_view.currentIndex()
        campaign, period = self.campaign, self.period
        campaign_id, period_id = (campaign or {}).get("id"), (period or {}).get("id")
        self.grid_model.store = self.store
        if not (self._own_edit and self.grid_model.holds(campaign_id, period_id)):
            self.grid_model.load(campaign_id, period_id)
            if current.isValid():
                self.grid_view.move_to(current.row(), current.column())
            self._fit_unit_names()
        self._stale_pages = {self.completeness, self.totals}
        self._refresh_page()
        self._update_caption()
        for button in self.buttons.values():
            button.setEnabled(not self.store.readonly and (campaign is not None or button is self.buttons["campaign"]))

    def _refresh_page(self) -> None:
        self.ensure_fresh(self.pages.currentWidget())

    def ensure_fresh(self, page: QWidget) -> None:
        """Re-read *page* (报送情况, 累计汇总) if the data changed since it was last read."""
        if page in self._stale_pages:
            self._stale_pages.discard(page)
            page.refresh()

    def _update_caption(self) -> None:
        if not self.period:
            self.caption.setText(self.tr("本活动还没有周次。") if self.campaign else "")
            return
        grid = self.grid_model.grid
        # the expected units are the campaign's active ones: the grid's rows less the deactivated that reported
        units = [u for u in grid.units if u["active"]] if grid else None
        statuses = week_statuses(self.store, self.campaign["id"], self.period, now(), units)
        self._tally = tally(status for status, _ in statuses.values())
        self._show_caption()
        if not self.grid_model.judged():  # the warnings are counted once the first screen has painted
            QTimer.singleShot(0, self._judge_week)

    def _show_caption(self) -> None:
        grid, c = self.grid_model.grid, self._tally
        issues = list(grid.found.values()) if grid else []  # every rule error; the warnings of the rows judged
        bad = sum(1 for i in issues if i.level == "error") + len(self.grid_model.pending)
        flagged = sum(1 for i in issues if i.level == "warning") if self.grid_model.judged() else "…"
        self.caption.setText(
            self.tr("应报 {0} 个单位，已报 {1}（迟报 {2}），未报 {3}；错误 {4} 处，需核实 {5} 处").format(
                c["expected"], c["reported"], c["late"], c["missing"], bad, flagged
            )
        )

    def _judge_week(self) -> None:
        """The outlier warnings of the whole week, for the caption's count: while the grid is in sight on
        its own file (a window closed, or another file opened meanwhile, judges nothing)."""
        grid = self.grid_model.grid
        if self.period and grid and not self.grid_model.judged() and grid.store is self.store and self.isVisible():
            self.grid_model.judge_rest()
            self._show_caption()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self.period and not self.grid_model.judged():  # read while hidden: counted once in sight
            QTimer.singleShot(0, self._judge_week)

    def _fit_unit_names(self) -> None:
        """The unit-name column as wide as the longest name (a city's 3,000 names are never cut).

        Only the longest names are measured: at 3,000 units, measuring every one cost more than the rest."""
        header = self.grid_view.verticalHeader()
        model = self.grid_model
        units = model.grid.units if model.grid and model.rowCount() else []
        longest = heapq.nlargest(FIT_SAMPLE, range(len(units)), key=lambda r: len(units[r]["name"]))
        names = [model.headerData(r, Qt.Orientation.Vertical) or "" for r in [*longest, len(units)]]  # 合计 too
        widest = max((header.fontMetrics().horizontalAdvance(n) for n in names), default=0)
        width = max(120, min(widest + 24, 420))
        if (header.minimumWidth(), header.maximumWidth()) != (width, width):  # a new width lays the grid out again
            header.setFixedWidth(width)

    def show_message(self, text: str) -> None:
        """A line in the window's status bar (a refused value's reason, where it is)."""
        bar = getattr(self.window(), "statusBar", None)
        if bar is not None:
            bar().showMessage(text, 15000)

    def _on_cell_changed(self, current, _previous) -> None:
        problem = self.grid_model.cell_problem(current.row(), current.column()) if current.isValid() else None
        if problem:
            self.show_message(problem)

    def _after_edit(self, _counts: dict) -> None:
        QTimer.singleShot(0, self._refresh_after_edit)  # not inside the editor's commit

    def _refresh_after_edit(self) -> None:
        """The window's refresh (status line, undo, other tabs); this tab's grid already shows the edit."""
        self._own_edit = True
        try:
            self.window().refresh() if hasattr(self.window(), "refresh") else self.refresh()
        finally:
            self._own_edit = False

    # -- actions ---------------------------------------------------------
    def _unit_row(self) -> dict | None:
        index = self.grid_view.currentIndex()
        grid = self.grid_model.grid
        if grid and index.isValid() and index.row() < len(grid.units):
            return grid.units[index.row()]
        return grid.units[0] if grid and grid.units else None

    def edit_narrative(self) -> None:
        from ui.progress.narrative_dialog import NarrativeDialog

        unit = self._unit_row()
        if unit and self.period and NarrativeDialog.ask(self, self.store, unit, self.period):
            self.window().refresh()

    def import_forms(self) -> None:
        from ui.progress.import_dialog import ImportDialog

        if ImportDialog.ask(self, self.store, self.campaign, self.period):
            self.window().refresh()

    def print_page(self) -> None:
        """Ctrl+P: the table of the page that shows (the grid, the week's reporting, the totals)."""
        page = self.pages.currentWidget()
        view = self.grid_view if page is self.grid_view else getattr(page, "units_view", getattr(page, "view", None))
        if view is not None and hasattr(view, "tools"):
            view.tools.print_table()

    def export_stats(self) -> None:
        from ui.progress.export_dialog import ExportDialog

        ExportDialog.ask(self, self.store, self.campaign, self.period)

    def blank_forms(self) -> None:
        from ui.progress.export_dialog import save_blank_forms

        save_blank_forms(self, self.store, self.campaign, self.period)

    def edit_layout(self) -> None:
        from ui.progress.layout_dialog import LayoutDialog

        if LayoutDialog.ask(self, self.store, self.campaign):
            self.window().refresh()

    def new_campaign(self) -> None:
        self.window().new_campaign()
