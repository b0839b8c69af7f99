"""线索曝光 tab: the companion campaign's 违法线索 and 曝光案例 — entered, imported from returned lists, exported,
checked against the notice's quotas (which units have no lead yet, which month has no exposed case)."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.campaigns.campaign import campaign_by_year, campaign_units
from models.clock import today
from models.register.lists import apply_list, export_list, read_lists
from models.register.quotas import quota_status, set_quotas
from models.register.records import CASES, LEADS, Kind, delete_record, list_records
from ui.common import msgbox, operation
from ui.common.list_tab import ListTab
from ui.common.table_model import Column
from ui.register.record_dialog import RecordDialog


class RegisterList(ListTab):
    """The records of one kind, newest first, searchable."""

    def __init__(self, store, kind: Kind, parent: QWidget | None = None):
        self.kind = kind
        super().__init__(store, parent)

    def columns(self) -> list[Column]:
        columns = []
        for field in self.kind.fields:
            key = "unit_name" if field.kind == "unit" else f"{field.name}_label" if field.choices else field.name
            columns.append(Column(key, field.label))
        return columns

    def load(self, campaign: dict) -> list[dict]:
        return list_records(self.store, self.kind, campaign["id"])

    def caption_text(self, rows: list[dict]) -> str:
        return self.tr("共 {0} 条").format(len(rows))

    def selected(self) -> dict | None:
        index = self.view.currentIndex()
        return self.model.row_at(self.proxy.mapToSource(index)) if index.isValid() else None


class RegisterTab(QWidget):
    def __init__(self, store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.campaign: dict | None = None
        self.lists = {kind.table: RegisterList(store, kind, self) for kind in (LEADS, CASES)}
        self.pages = QTabWidget(self)
        self.pages.addTab(self.lists["leads"], self.tr("违法线索"))
        self.pages.addTab(self.lists["cases"], self.tr("曝光案例"))
        self.quota_label = QLabel(self)
        self.quota_label.setWordWrap(True)
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("登记(&N)…"), self.add),
            (self.tr("修改(&M)…"), self.edit),  # not &E: Alt+E opens the 编辑 menu
            (self.tr("删除(&D)"), self.delete),
            (self.tr("导入报回的表(&I)…"), self.import_lists),
            (self.tr("导出登记表(&X)…"), self.export),
            (self.tr("设置目标(&Q)…"), self.set_targets),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _checked=False, run=slot: run())
            buttons.addWidget(button)
        buttons.addStretch(1)
        for view in self.lists.values():
            view.view.doubleClicked.connect(lambda _index: self.edit())
        QShortcut(QKeySequence.StandardKey.Delete, self, self.delete)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.quota_label)
        layout.addWidget(self.pages)

    # -- reading -----------------------------------------------------------
    @property
    def kind(self) -> Kind:
        return (LEADS, CASES)[self.pages.currentIndex()]

    def current_list(self) -> RegisterList:
        return self.lists[self.kind.table]

    @property
    def view(self):
        """The table shown (as every tab has one: the window's language switch and tests read it)."""
        return self.current_list().view

    @property
    def model(self):
        return self.current_list().model

    def set_campaign(self, campaign: dict | None) -> None:
        self.campaign = campaign
        self.refresh()

    def refresh(self) -> None:
        if self.campaign:  # re-read: quotas may have changed, or an undo happened
            self.campaign = campaign_by_year(self.store, self.campaign["year"])
        for view in self.lists.values():
            view.set_campaign(self.campaign)
        self.quota_label.setText(self._quota_text())

    def _quota_text(self) -> str:
        if not self.campaign:
            return ""
        status = quota_status(self.store, self.campaign, today())
        parts = []
        if status["lead_quota"]:
            missing = [u["unit_name"] for u in status["units_without_leads"]]
            parts.append(
                self.tr("线索目标：每个单位至少 {0} 条；尚未达标 {1} 个单位：{2}").format(
                    status["lead_quota"], len(missing), "、".join(missing) or self.tr("无")
                )
            )
        if status["case_quota"]:
            months = [m["label"] for m in status["months_without_cases"]]
            parts.append(
                self.tr("曝光目标：每月至少 {0} 个；尚未达标的月份：{1}").format(
                    status["case_quota"], "、".join(months) or self.tr("无")
                )
            )
        return "\n".join(parts) or self.tr("未设目标（设置目标…：按通知填写每个单位的线索数和每月曝光数）")

    # -- actions -----------------------------------------------------------
    def _after_change(self) -> None:
        window = self.window()
        if hasattr(window, "refresh"):
            window.refresh()  # undo texts and the status line follow
        self.refresh()

    def add(self) -> None:
        if self.campaign:
            self._open_dialog(None)

    def edit(self) -> None:
        record = self.current_list().selected()
        if record and self.campaign:
            self._open_dialog(record)

    def _open_dialog(self, record: dict | None) -> None:
        units = campaign_units(self.store, self.campaign["id"])
        dialog = RecordDialog(self.store, self.kind, self.campaign, units, record, self)
        if dialog.exec():
            self._after_change()

    def delete(self) -> None:
        record = self.current_list().selected()
        if not record:
            return
        kind = self.kind
        if msgbox.question(self, self.tr("删除"), self.tr("删除这条{0}？（可以撤销）").format(kind.noun)):
            operation.quick(self, lambda: delete_record(self.store, kind, record["id"]))
            self._after_change()

    def choose_import_files(self) -> list[str]:
        names, _ = QFileDialog.getOpenFileNames(
            self, self.tr("选择报回的{0}表").format(self.kind.noun), "", "Excel (*.xlsx)"
        )
        return names

    def choose_export_path(self) -> str:
        suggested = f"{self.campaign['year']}年{self.kind.noun}登记表.xlsx"
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("导出{0}登记表").format(self.kind.noun), suggested, "Excel (*.xlsx)"
        )
        return name

    def import_lists(self) -> None:
        if not self.campaign:
            return
        kind, campaign = self.kind, self.campaign
        paths = self.choose_import_files()
        if not paths:
            return

        done = operation.run(
            self,
            self.tr("读取{0}表").format(kind.noun),
            lambda store, progress: read_lists(store, kind, campaign, paths, progress),
            store=self.store,
        )
        if not done.ok:
            return
        previews, refused = done.value[0], [r["message"] for r in done.value[1]]
        new = sum(len(p["new"]) for p in previews)
        lines = [
            self.tr("{0}：新增 {1} 条，已有 {2} 条，错误 {3} 处").format(
                p["file"], len(p["new"]), p["same"], len(p["errors"])
            )
            for p in previews
        ] + refused
        detail = "\n".join(e for p in previews for e in p["errors"])
        if not new:
            msgbox.warning(
                self, self.tr("导入{0}").format(kind.noun), "\n".join(lines) + "\n" + self.tr("没有要写入的。"), detail
            )
            return
        if msgbox.question(
            self,
            self.tr("导入{0}").format(kind.noun),
            "\n".join(lines) + "\n" + self.tr("写入这 {0} 条？（可以撤销；有错误的行不写入）").format(new),
        ):
            operation.run(  # one batch: written whole or not at all
                self,
                self.tr("导入{0}").format(kind.noun),
                lambda store, _: apply_list(store, kind, campaign, previews),
                store=self.store,
                write=True,
            )
            self._after_change()

    def export(self) -> None:
        if not self.campaign:
            return
        path = self.choose_export_path()
        if not path:
            return
        kind, campaign = self.kind, self.campaign
        operation.run(
            self,
            self.tr("导出{0}登记表").format(kind.noun),
            lambda store, _: export_list(store, kind, campaign, path),
            store=self.store,
            success=str,
            success_title=self.tr("已导出"),
        )

    def set_targets(self) -> None:
        if not self.campaign:
            return
        leads, ok = QInputDialog.getInt(
            self,
            self.tr("设置目标"),
            self.tr("每个单位至少上报的违法线索（条）："),
            self.campaign.get("lead_quota") or 0,
            0,
            100,
        )
        if not ok:
            return
        cases, ok = QInputDialog.getInt(
            self,
            self.tr("设置目标"),
            self.tr("每月至少曝光的典型案例（个）："),
            self.campaign.get("case_quota") or 0,
            0,
            100,
        )
        if ok:
            set_quotas(self.store, self.campaign["id"], lead_quota=leads or None, case_quota=cases or None)
            self._after_change()
