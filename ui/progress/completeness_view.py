"""报送情况: per week who reported on time, late or not at all; the 催报清单 to export and print."""

from __future__ import annotations

import heapq

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.progress import completeness
from models.progress.reporting import week_overview
from ui.common import file_dialogs, msgbox, operation
from ui.common.table_model import Column, RowsModel
from ui.common.table_tools import equip, fit_columns

WIDEST_AMONG = 10  # the units with the most people named, among which the widest contact texts are sought


def _each(row: dict, field: str) -> str:
    """One value per person the unit named, in the same order in every column ("—" where one has none)."""
    people = row.get("contacts") or []
    if not any(p.get(field) for p in people):
        return ""
    return " / ".join(p.get(field) or "—" for p in people)


def _table(model: RowsModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class CompletenessView(QWidget):
    """Weeks on the left (reported / expected …), the chosen week's units on the right."""

    def __init__(self, tab, parent: QWidget | None = None):
        super().__init__(parent)
        self.tab = tab
        tr = self.tr
        self.weeks_model = RowsModel(
            [
                Column("label", tr("周次")),
                Column("due", tr("截止"), lambda r: f"{r['due_date'] or ''} {r['due_time'] or ''}".strip()),
                Column("expected", tr("应报"), align_right=True),
                Column("reported", tr("已报"), align_right=True),
                Column("on_time", tr("按时"), align_right=True),
                Column("late", tr("迟报"), align_right=True),
                Column("missing", tr("未报"), align_right=True),
                Column("rate", tr("报送率"), lambda r: f"{r['rate']:.0%}", align_right=True),
            ],
            self,
        )
        self.units_model = RowsModel(
            [
                Column("unit", tr("单位")),
                Column("status", tr("状态"), lambda r: r["status_label"]),
                Column("received_at", tr("收到时间"), lambda r: (r["received_at"] or "").replace("T", " ")),
                Column("liaison", tr("联络员"), lambda r: _each(r, "name") or tr("（未报联络员）")),
                Column("office_phone", tr("办公电话"), lambda r: _each(r, "office_phone")),
                Column("mobile", tr("手机"), lambda r: _each(r, "mobile")),
            ],
            self,
        )
        self.weeks_view = _table(self.weeks_model, self)
        self.units_view = _table(self.units_model, self)
        year = lambda: f"{self.tab.campaign['year']}年" if self.tab.campaign else ""  # noqa: E731
        equip(self.weeks_view, "progress/weeks", lambda: year() + tr("各周报送情况"))
        equip(self.units_view, "progress/week_units", lambda: self.summary.text().split("：")[0] + tr("报送情况"))
        self.summary = QLabel(self)
        self.export_button = QPushButton(tr("导出催报清单(&C)…"), self)
        self.export_button.clicked.connect(self.export_chase_list)
        self.due_button = QPushButton(tr("修改截止时间(&D)…"), self)
        self.due_button.clicked.connect(self.edit_due)
        self.notice_due_button = QPushButton(tr("按通知设截止(&T)"), self)
        self.notice_due_button.setToolTip(tr("按通知中的每周报送时间（如 每周四12:00前）重设各周截止时间"))
        self.notice_due_button.clicked.connect(self.due_from_notice)
        self.print_button = QPushButton(tr("打印催报清单(&P)…"), self)
        self.print_button.clicked.connect(lambda: self.print_chase_list())  # clicked(bool) is no printer
        right = QWidget(self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.notice_due_button)
        buttons.addWidget(self.due_button)
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.export_button)
        column = QVBoxLayout(right)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.summary)
        column.addLayout(buttons)
        column.addWidget(self.units_view)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.weeks_view)
        splitter.addWidget(right)
        splitter.setSizes([560, 800])
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(splitter)
        self.rows: list[dict] = []

    def refresh(self) -> None:
        campaign, period = self.tab.campaign, self.tab.period
        self.weeks_model.set_rows(week_overview(self.tab.store, campaign["id"]) if campaign else [])
        fit_columns(self.weeks_view)
        self.rows = completeness.unit_status(self.tab.store, campaign["id"], period["id"]) if period else []
        self.units_model.set_rows(sorted(self.rows, key=lambda r: completeness.CHASE_ORDER[r["status"]]))
        fit_columns(self.units_view, self._widest_unit_row)
        if period:
            seqs = [r["seq"] for r in self.weeks_model.rows]
            if period["seq"] in seqs:
                self.weeks_view.selectRow(seqs.index(period["seq"]))
            c = completeness.counts(self.rows)
            self.summary.setText(
                self.tr("{0}：应报 {1}，已报 {2}（按时 {3}，迟报 {4}），未报 {5}，报送率 {6:.0%}").format(
                    period["label"], c["expected"], c["reported"], c["on_time"], c["late"], c["missing"], c["rate"]
                )
            )
        else:
            self.summary.clear()

    def _widest_unit_row(self, column: int) -> list[int]:
        """Where a column's longest text is, from the rows' fields (a city's 3,000 rows, no text made each):
        the longest unit name; for the people and phones, among the units that named the most people."""
        rows, field = self.units_model.rows, self.units_model.columns[column]
        if not rows:
            return []
        if field.key == "unit":
            return [max(range(len(rows)), key=lambda r: len(rows[r]["unit"]))]
        if field.key in ("liaison", "office_phone", "mobile"):
            most = heapq.nlargest(WIDEST_AMONG, range(len(rows)), key=lambda r: len(rows[r].get("contacts") or []))
            return [max(most, key=lambda r: len(field.text(rows[r])))]
        return []  # a status or a time: short texts of one shape, the sample has them

    def export_chase_list(self) -> None:
        period = self.tab.period
        if not period:
            return
        chase = self._chase_parts()[0]
        if not chase:
            msgbox.information(self, self.tr("催报清单"), self.tr("本周所有单位都已按时报送。"))
            return
        name = file_dialogs.save_file(
            self, file_dialogs.EXPORT, self.tr("导出催报清单"), f"{period['label']}催报清单.xlsx", "Excel (*.xlsx)"
        )
        if name:
            self.save_chase_list(name)

    def _chase_title(self) -> str:
        return self.tr("{0}催报清单").format(self.tab.period["label"])

    def _chase_parts(self) -> tuple[list[dict], str, object, str]:
        from models.campaigns.office import get_office
        from models.clock import today
        from models.documents.cn_text import cn_date
        from models.register.quotas import lead_chase_rows

        self.tab.ensure_fresh(self)  # the rows of the week shown
        rows = completeness.chase_list(self.rows)
        from models.campaigns.campaign import campaign_by_year

        campaign = campaign_by_year(self.tab.store, self.tab.campaign["year"]) if self.tab.campaign else None
        if campaign and campaign.get("lead_quota"):  # the notice's 至少上报1条违法线索
            rows += lead_chase_rows(self.tab.store, campaign, self.rows, today())
        return rows, self._chase_title(), get_office(self.tab.store), cn_date(today().isoformat())

    def save_chase_list(self, path: str) -> None:
        from models.progress.chase import export_chase_list

        rows, title, office, made_on = self._chase_parts()

        def write(_store, _progress):
            export_chase_list(rows, title, path, office, made_on)

        if not operation.run(self, self.tr("导出催报清单"), write, cancellable=False).ok:  # a city's: thousands of rows
            return
        self.window().statusBar().showMessage(self.tr("已导出催报清单：{0}").format(path), 8000)

    def chase_list_html(self) -> str:
        """The chase list as printable HTML: each unit with every person it named and both their phones."""
        from models.progress.chase import chase_html

        return chase_html(*self._chase_parts())

    def ask_printer(self):
        """The printer the clerk chooses (A4 portrait offered), or None; tests give a PDF printer here."""
        from PySide6.QtCore import QMarginsF
        from PySide6.QtGui import QPageLayout, QPageSize
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(
            QPageLayout(
                QPageSize(QPageSize.PageSizeId.A4),
                QPageLayout.Orientation.Portrait,
                QMarginsF(15, 15, 15, 15),
                QPageLayout.Unit.Millimeter,
            )
        )
        return printer if QPrintDialog(printer, self).exec() == QPrintDialog.DialogCode.Accepted else None

    def print_chase_list(self, printer=None) -> bool:
        """Print the chase list on *printer*, or on the one the clerk chooses."""
        from PySide6.QtGui import QTextDocument

        if not self.tab.period:
            return False
        self.tab.ensure_fresh(self)
        if not completeness.chase_list(self.rows):
            msgbox.information(self, self.tr("催报清单"), self.tr("本周所有单位都已按时报送。"))
            return False
        printer = printer or self.ask_printer()
        if printer is None:
            return False
        document = QTextDocument(self)
        document.setHtml(self.chase_list_html())
        document.print_(printer)
        where = printer.outputFileName() or printer.printerName()
        self.window().statusBar().showMessage(self.tr("催报清单已打印：{0}").format(where), 8000)
        return True

    def due_from_notice(self) -> None:
        from models.campaigns.periods import due_from_notice

        if operation.quick(self, lambda: due_from_notice(self.tab.store, self.tab.campaign["id"])).ok:
            self.window().refresh()

    def edit_due(self) -> None:
        from ui.progress.period_dialog import PeriodDialog

        if self.tab.period and PeriodDialog.ask(self, self.tab.store, self.tab.period):
            self.window().refresh()
