"""联络员 tab: each unit of the campaign and the liaisons it has named, edited in place."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.campaigns.units import CATEGORIES
from models.liaisons.liaison import carry_over, delete_liaison, edit_liaison, liaison_rows, previous_campaign
from models.store.database import Store
from ui.common import colours, file_dialogs, keys, msgbox, operation
from ui.common.table_sort import SortProxy
from ui.common.table_tools import equip
from ui.liaisons.model import LiaisonModel
from ui.liaisons.table_view import LiaisonView

ALL, MISSING = "all", "missing"


class LiaisonFilter(SortProxy):
    """Search text over every column, plus 'only units without a liaison' and a category."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.mode = ALL
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_mode(self, mode: str) -> None:
        self.beginFilterChange()
        self.mode = mode
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802 - Qt override
        row = self.sourceModel().row_at(source_row)
        if self.mode == MISSING and row["id"] is not None:
            return False
        if self.mode in CATEGORIES and row["category"] != self.mode:
            return False
        return super().filterAcceptsRow(source_row, source_parent)


class LiaisonsTab(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.campaign: dict | None = None
        self.model = LiaisonModel(store, self)
        self.model.edited.connect(self._after_edit)
        self.proxy = LiaisonFilter(self)
        self.proxy.setSourceModel(self.model)
        self.model.refused.connect(self.show_message)
        self.view = LiaisonView(self)
        self.view.setModel(self.proxy)
        self.view.selectionModel().currentChanged.connect(self._on_cell_changed)
        self.caption = QLabel(self)
        self.missing_label = QLabel(self)
        colours.set_warning(self.missing_label, bold=True)
        self.filter = QComboBox(self)
        self.filter.addItem(self.tr("全部单位"), ALL)
        self.filter.addItem(self.tr("只看未报联络员的单位"), MISSING)
        for category in CATEGORIES:
            self.filter.addItem(category, category)
        self.filter.currentIndexChanged.connect(lambda _i: self.proxy.set_mode(self.filter.currentData()))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("搜索单位、姓名、电话……"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        top = QHBoxLayout()
        top.addWidget(self.caption)
        top.addWidget(self.missing_label, 1)
        top.addWidget(self.filter)
        top.addWidget(self.search)
        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for key, text, slot in (
            ("add", self.tr("新增联络员(&A)"), self.add_liaison),
            ("edit", self.tr("编辑(&I)…"), self.edit_selected),
            ("delete", self.tr("删除(&D)"), self.delete_selected),
            ("carry", self.tr("沿用上一年名单(&Y)"), self.carry_over),
            ("blank", self.tr("生成空白表(&B)…"), self.blank_forms),
            ("import", self.tr("导入报回的表(&M)…"), self.import_forms),
            ("export", self.tr("导出名单(&X)…"), self.export_list),
            ("units", self.tr("单位名录(&U)…"), self.open_units),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            self.buttons[key] = button
            actions.addWidget(button)
            if key in ("delete", "carry", "export"):
                actions.addSpacing(12)
        actions.addStretch(1)
        hint = QLabel(self.tr("双击单元格直接修改；红色行是还没有报联络员的单位。"), self)
        colours.set_quiet(hint)
        equip(self.view, "liaisons/list", self.table_title, search=self.search)
        QShortcut(QKeySequence.StandardKey.Find, self, self.view.tools.start_filter)  # active while the tab shows
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(self.view, 1)
        layout.addWidget(hint)
        keys.bind(self, {keys.EXPORT: self.export_list, keys.PRINT: self.view.tools.print_table})

    # -- showing ---------------------------------------------------------
    def set_campaign(self, campaign: dict | None) -> None:
        self.campaign = campaign
        self.refresh()

    def refresh(self) -> None:
        rows = liaison_rows(self.store, self.campaign["id"]) if self.campaign else []
        self.model.set_rows(self.campaign["id"] if self.campaign else None, rows)
        units = len({r["unit_id"] for r in rows})
        missing = [r for r in rows if r["id"] is None]
        self.caption.setText(self.tr("{0} 个单位，{1} 名联络员").format(units, len(rows) - len(missing)))
        self.missing_label.setText(self.tr("⚠ {0} 个单位未报联络员").format(len(missing)) if missing else "")
        self.missing_label.setToolTip("、".join(r["unit_name"] for r in missing))
        writable = self.campaign is not None and not self.store.readonly
        for key, button in self.buttons.items():
            button.setEnabled(writable or (self.campaign is not None and key in ("blank", "export")))
        self.view.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.view.setColumnWidth(column, min(max(self.view.columnWidth(column), 70), 260))

    def table_title(self) -> str:
        return self.tr("{0}年联络员名单").format(self.campaign["year"]) if self.campaign else self.tr("联络员名单")

    def selected_row(self) -> dict | None:
        index = self.proxy.mapToSource(self.view.currentIndex())
        return self.model.row_at(index.row()) if index.isValid() else None

    def show_message(self, text: str) -> None:
        bar = getattr(self.window(), "statusBar", None)
        if bar is not None and text:
            bar().showMessage(text, 15000)

    def _on_cell_changed(self, current, _previous) -> None:
        index = self.proxy.mapToSource(current)
        problem = self.model.cell_problem(index.row(), index.column()) if index.isValid() else None
        if problem:
            self.show_message(problem)

    def _after_edit(self, *_args) -> None:
        # After the commit has returned: the key that committed (Tab, Enter) moves on first.
        QTimer.singleShot(0, self._after_write)

    def _after_write(self, *_args) -> None:
        window = self.window()
        if window is not self and hasattr(window, "refresh"):
            window.refresh()
        else:
            self.refresh()

    def _run(self, action):
        """A short write (one liaison, one unit): the one error path; the batch rolls back on failure."""
        done = operation.quick(self, action)
        if not done.ok:
            return None
        self._after_write()
        return done.value

    # -- liaisons --------------------------------------------------------
    def _units(self) -> list[dict]:
        seen: dict[str, dict] = {}
        for row in self.model.rows:
            seen.setdefault(row["unit_id"], {"id": row["unit_id"], "name": row["unit_name"]})
        return list(seen.values())

    def add_liaison(self) -> None:
        from models.liaisons.liaison import add_liaison
        from ui.liaisons.liaison_dialog import LiaisonDialog

        current = self.selected_row()
        dialog = LiaisonDialog(self._units(), {"unit_id": current["unit_id"]} if current else None, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._run(
                lambda: add_liaison(self.store, self.campaign["id"], dialog.unit_id(), dialog.values(), confirmed=True)
            )

    def edit_selected(self) -> None:
        from ui.liaisons.liaison_dialog import LiaisonDialog

        person = self.selected_row()
        if person is None or person["id"] is None:
            self.add_liaison()
            return
        dialog = LiaisonDialog(self._units(), person, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._run(lambda: edit_liaison(self.store, person["id"], dialog.values(), confirmed=True))

    def delete_selected(self) -> None:
        person = self.selected_row()
        if person is None or person["id"] is None:
            return
        text = self.tr("删除 {0} 的联络员 {1} 吗？（可撤销）").format(person["unit_name"], person["name"])
        if msgbox.question(self, self.tr("删除联络员"), text):
            self._run(lambda: delete_liaison(self.store, person["id"]))

    def carry_over(self) -> None:
        source = previous_campaign(self.store, self.campaign["id"])
        if source is None:
            msgbox.information(self, self.tr("沿用名单"), self.tr("没有更早的活动可以沿用。"))
            return
        text = self.tr("把 {0} 年的单位和联络员沿用到本次活动吗？已报联络员的单位保持不变。").format(source["year"])
        if not msgbox.question(self, self.tr("沿用名单"), text):
            return
        campaign_id = self.campaign["id"]
        done = operation.run(
            self,
            self.tr("沿用名单"),
            lambda store, _: carry_over(store, campaign_id, source["id"]),
            store=self.store,
            write=True,
        )
        result = done.value if done.ok else None
        if done.ok:
            self._after_write()
        if result:
            msgbox.information(
                self,
                self.tr("沿用名单"),
                self.tr("加入 {0} 个单位，复制 {1} 名联络员，{2} 个单位已有联络员未改动。").format(
                    result["units_joined"], result["liaisons_copied"], result["units_kept"]
                ),
            )

    # -- files -----------------------------------------------------------
    def ask_folder(self, title: str) -> str:
        return file_dialogs.folder(self, file_dialogs.FORMS, title)

    def ask_import_paths(self) -> list[str]:
        kinds = "Excel / WPS / ODS / CSV (*.xlsx *.xls *.et *.ods *.csv)"
        files = file_dialogs.open_files(self, file_dialogs.FORMS, self.tr("选择报回的联络员表"), kinds)
        return files

    def blank_forms(self) -> None:
        from models.liaisons.forms import blank_forms

        folder = self.ask_folder(self.tr("空白表保存到哪个文件夹"))
        if not folder:
            return
        one = msgbox.question(
            self, self.tr("空白表"), self.tr("生成一张包含全部单位的表吗？\n（选“否”则每个单位一张，可分别发送）")
        )
        campaign = self.campaign
        operation.run(
            self,
            self.tr("生成空白表"),
            lambda store, progress: blank_forms(store, campaign, folder, one_for_all=one, progress=progress),
            store=self.store,
            success=lambda files: self.tr("已生成 {0} 个文件，保存在：\n{1}").format(len(files), folder),
            success_title=self.tr("空白表"),
        )

    def import_forms(self, paths: list[str] | None = None) -> None:
        from models.liaisons.importer import apply, preview
        from ui.liaisons.import_dialog import LiaisonImportDialog

        paths = paths or self.ask_import_paths()
        if not paths:
            return
        campaign = self.campaign
        done = operation.run(
            self,
            self.tr("读取报回的联络员表"),
            lambda store, progress: preview(store, campaign, paths, progress),
            store=self.store,
        )
        if not done.ok or not LiaisonImportDialog.ask(done.value, self):
            return
        plan = done.value
        applied = operation.run(  # one batch: written whole or not at all
            self, self.tr("导入联络员表"), lambda store, _: apply(store, plan), store=self.store, write=True
        )
        if applied.ok:
            self._after_write()

    def export_list(self) -> None:
        from models.liaisons.export import export_liaisons
        from ui.liaisons.export_dialog import LiaisonExportDialog

        default = file_dialogs.suggested_path(
            file_dialogs.EXPORT, f"{self.campaign['year']}年联络员名单.xlsx", Path.home()
        )
        options = LiaisonExportDialog.ask(default, self)
        if not options:
            return
        campaign = self.campaign
        operation.run(
            self,
            self.tr("导出名单"),
            lambda store, _: export_liaisons(store, campaign, **options),
            store=self.store,
            success=lambda out: self.tr("已保存：{0}").format(out),
            success_title=self.tr("导出名单"),
        )

    def open_units(self) -> None:
        from ui.liaisons.unit_directory import show_directory

        self.unit_window = show_directory(self.store, self.campaign, self)
