"""总结报告 tab: the campaign's reports with their state; edit sections, preview, print and save as PDF."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.campaigns.periods import list_periods
from models.reports import report as reports
from models.reports.report import KINDS, STATES, list_reports
from models.store.database import Store
from ui.common import keys, msgbox, operation
from ui.common.list_tab import ListTab
from ui.common.table_model import Column
from ui.reports.editor import ReportEditor


class ReportsTab(ListTab):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(store, parent)
        self.report: dict | None = None
        self.preview = None  # QtPdf is loaded on the first preview, not at start-up
        self._temp = tempfile.TemporaryDirectory(prefix="report-preview-")
        self.editor = ReportEditor(self)
        self.week = QComboBox(self)
        self.new_summary = QPushButton(self.tr("新建活动总结(&N)"), self)
        self.new_weekly = QPushButton(self.tr("新建周报(&W)"), self)
        self.delete_button = QPushButton(self.tr("删除(&D)"), self)
        self.save_button = QPushButton(self.tr("保存(&S)"), self)
        self.preview_button = QPushButton(self.tr("预览(&R)"), self)
        self.print_button = QPushButton(self.tr("打印(&P)…"), self)
        self.print_preview_button = QPushButton(self.tr("打印预览(&V)…"), self)
        self.words_button = QPushButton(self.tr("不拆分的词(&K)…"), self)
        self.export_button = QPushButton(self.tr("另存为 PDF(&A)…"), self)
        self.xlsx_button = QPushButton(self.tr("表格另存为 xlsx(&X)…"), self)
        self.pages = QTabWidget(self)
        self.placeholder = QLabel(self.tr("点击“预览”生成公文格式的 PDF。"), self)
        self._build()
        keys.bind(self, {keys.SAVE: self.save, keys.PRINT: self.print_report, keys.EXPORT: self.export_pdf})
        self._connect()
        self._update_buttons()

    # -- the list ------------------------------------------------------------
    def columns(self) -> list[Column]:
        return [
            Column("kind", self.tr("类型"), lambda r: KINDS.get(r["kind"], r["kind"])),
            Column("title", self.tr("标题")),
            Column("period_label", self.tr("周次")),
            Column("state", self.tr("状态"), lambda r: STATES.get(r["state"], r["state"])),
            Column("updated_at", self.tr("修改时间"), lambda r: (r["updated_at"] or "").replace("T", " ")),
            Column("exported_at", self.tr("导出时间"), lambda r: (r["exported_at"] or "").replace("T", " ")),
        ]

    def load(self, campaign: dict) -> list[dict]:
        return list_reports(self.store, campaign["id"])

    def caption_text(self, rows: list[dict]) -> str:
        return self.tr("共 {0} 份报告").format(len(rows))

    # -- layout ----------------------------------------------------------------
    def _build(self) -> None:
        self.layout().removeWidget(self.view)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.view, 1)
        create = QHBoxLayout()
        for widget in (self.new_summary, self.delete_button):
            create.addWidget(widget)
        create.addStretch(1)
        weekly = QHBoxLayout()
        weekly.addWidget(self.week, 1)
        weekly.addWidget(self.new_weekly)
        left_layout.addLayout(create)
        left_layout.addLayout(weekly)
        self.pages.addTab(self.editor, self.tr("内容"))
        self.pages.addTab(self.placeholder, self.tr("预览"))
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        actions = QHBoxLayout()
        buttons = (self.save_button, self.preview_button, self.print_button, self.print_preview_button)
        for button in (*buttons, self.export_button, self.xlsx_button, self.words_button):
            actions.addWidget(button)
        actions.addStretch(1)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.pages, 1)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([360, 640])
        self.week.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.layout().addWidget(splitter, 1)

    def _connect(self) -> None:
        self.view.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self.new_summary.clicked.connect(lambda: self.create("summary"))
        self.new_weekly.clicked.connect(lambda: self.create("weekly"))
        self.delete_button.clicked.connect(self.delete)
        self.save_button.clicked.connect(self.save)
        self.preview_button.clicked.connect(self.show_preview)
        self.print_button.clicked.connect(self.print_report)
        self.print_preview_button.clicked.connect(self.print_preview)
        self.words_button.clicked.connect(self.edit_protected_words)
        self.export_button.clicked.connect(self.export_pdf)
        self.xlsx_button.clicked.connect(self.export_xlsx)
        self.editor.changed.connect(self._update_buttons)

    # -- state -----------------------------------------------------------------
    def refresh(self) -> None:
        keep = self.report["id"] if self.report else None
        super().refresh()
        self.week.clear()
        for period in list_periods(self.store, self.campaign["id"]) if self.campaign else []:
            self.week.addItem(period["label"] or str(period["seq"]), period)
        self.select_report(keep)

    def select_report(self, report_id: str | None) -> None:
        rows = self.model.rows
        ids = [r["id"] for r in rows]
        row = ids.index(report_id) if report_id in ids else (0 if rows else -1)
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            self.view.setCurrentIndex(index)
        self._show(rows[row]["id"] if row >= 0 else None)

    def _on_row_changed(self, current, _previous) -> None:
        row = self.model.row_at(self.proxy.mapToSource(current))
        if row and (not self.report or row["id"] != self.report["id"]):
            self._save_if_dirty()
            self._show(row["id"])

    def _show(self, report_id: str | None) -> None:
        if self.editor.dirty and self.report and report_id == self.report["id"]:
            return  # keep what the clerk is typing
        self.report = reports.get_report(self.store, report_id) if report_id else None
        self.editor.load(self.report, self._hint())
        self._update_buttons()

    def _hint(self) -> str:
        kind = self.report["kind"] if self.report else None
        if kind == "summary":
            return self.tr("统计段落、报送情况、各单位统计表和各周进展图由程序按数据生成（统计段落接在第一部分之后）。")
        if kind == "weekly":
            return self.tr("本周情况、报送情况、亮点和问题由程序生成；这里添加的部分排在其后。")
        if kind == "notice":
            return self.tr("通知的内容在“通知”页中编辑。")
        return self.tr("请在左侧选择或新建一份报告。")

    def _update_buttons(self) -> None:
        has = self.report is not None
        self.save_button.setEnabled(has and self.editor.dirty)
        for button in (self.preview_button, self.print_button, self.export_button, self.delete_button):
            button.setEnabled(has)
        self.print_preview_button.setEnabled(has)
        self.xlsx_button.setEnabled(has and self.report["kind"] != "notice")
        self.new_summary.setEnabled(self.campaign is not None and not self.store.readonly)
        self.new_weekly.setEnabled(self.week.count() > 0 and not self.store.readonly)

    # -- actions -----------------------------------------------------------------
    def _run(self, action) -> bool:
        """A short action (create, delete, save a report): the one error path; nothing half-written."""
        return operation.quick(self, action).ok

    def _after_write(self) -> None:
        window = self.window()
        if hasattr(window, "refresh") and window is not self:
            window.refresh()
        else:
            self.refresh()

    def create(self, kind: str) -> None:
        if not self.campaign:
            return
        period = self.week.currentData() if kind == "weekly" else None
        self._save_if_dirty()
        made: list[str] = []
        if self._run(lambda: made.append(reports.create_report(self.store, self.campaign, kind, period=period))):
            self.report = {"id": made[0]}
            self._after_write()

    def delete(self) -> None:
        if not self.report:
            return
        title = self.report.get("title") or KINDS.get(self.report["kind"], "")
        if not msgbox.question(self, self.tr("删除报告"), self.tr("删除“{0}”？可用“撤销”恢复。").format(title)):
            return
        report_id, self.report = self.report["id"], None
        self.editor.dirty = False
        if self._run(lambda: reports.delete_report(self.store, report_id)):
            self._after_write()

    def save(self) -> None:
        if self.report and self.editor.dirty:
            report_id = self.report["id"]
            if self._run(
                lambda: reports.save_report(self.store, report_id, self.editor.title_text(), self.editor.sections())
            ):
                self.editor.dirty = False
                self._after_write()

    def _save_if_dirty(self) -> None:
        if self.editor.dirty and self.report and not self.store.readonly:
            self.save()

    def _preview_file(self) -> Path | None:
        """Build the PDF of the current report (saving first) into the preview folder."""
        self._save_if_dirty()
        if not self.report:
            return None
        path = Path(self._temp.name) / f"preview-{self.report['id']}.pdf"
        report_id = self.report["id"]
        missing: list = []
        done = operation.run(
            self,
            self.tr("生成预览"),
            lambda store, _: reports.export_report(store, report_id, path, record=False, missing=missing),
            store=self.store,
        )
        if done.ok and missing:
            self._tell_missing(missing)
        return path if done.ok else None

    def _tell_missing(self, missing: list) -> None:
        """Before anything is printed: which characters no font has (they would print blank), and where."""
        from models.documents.pdf.glyphs import describe

        msgbox.warning(self, self.tr("有字打印不出来"), describe(missing))

    def show_preview(self) -> bool:
        path = self._preview_file()
        if path is None:
            return False
        if self.preview is None:
            from ui.reports.preview import ReportPreview

            self.preview = ReportPreview(self)
            index = self.pages.indexOf(self.placeholder)
            self.pages.removeTab(index)
            self.pages.insertTab(index, self.preview, self.tr("预览"))
            self.placeholder.hide()
        self.preview.show_file(path)
        self.pages.setCurrentWidget(self.preview)
        return True

    def print_report(self) -> None:
        if self.show_preview():
            self._run(self.preview.print_document)

    def edit_protected_words(self) -> None:
        from ui.reports.words_dialog import ProtectedWordsDialog

        ProtectedWordsDialog.ask(self, self.store)

    def print_preview(self) -> None:
        if self.show_preview():
            self._run(self.preview.print_preview)

    def export_pdf(self) -> None:
        from ui.reports.preview import SavePath

        self._save_if_dirty()
        if not self.report:
            return
        suggested = self.report.get("exported_path") or f"{self.report.get('title') or '报告'}.pdf"
        path = SavePath.ask(self, suggested)
        if not path:
            return
        report_id = self.report["id"]
        write = not self.store.readonly
        missing: list = []
        done = operation.run(
            self,
            self.tr("保存 PDF"),
            lambda store, _: reports.export_report(store, report_id, path, missing=missing),
            store=self.store,
            write=write,
            success=self.tr("PDF 已保存到：\n{0}").format(path),
            success_title=self.tr("已保存"),
        )
        if done.ok and missing:
            self._tell_missing(missing)
        if done.ok:
            self._after_write()

    def export_xlsx(self) -> None:
        """The report's table with every indicator, as the clerk's colleagues ask for it."""
        from models.reports.xlsx import export_tables_xlsx
        from ui.reports.preview import SavePath

        if not self.report:
            return
        path = SavePath.ask(self, f"{self.report.get('title') or '报告'}-统计表.xlsx", ".xlsx")
        report = self.report
        if path:
            operation.run(
                self,
                self.tr("保存表格"),
                lambda store, _: export_tables_xlsx(store, report, path),
                store=self.store,
                success=self.tr("表格已保存到：\n{0}").format(path),
                success_title=self.tr("已保存"),
            )
