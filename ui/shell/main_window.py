"""The main window: campaign selector, the four tabs, status line, menus."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.campaigns.campaign import list_campaigns
from models.clock import today
from models.store.database import Store
from ui.common import settings
from ui.shell import file_open

if TYPE_CHECKING:
    from ui.shell.welcome import WelcomePanel

STANDARD_SIZE = (1200, 680)  # fits a 1366×768 screen less a taskbar (a 728 px work area) with its frame
TAB_KEYS = ("notices", "liaisons", "progress", "reports", "register")


# Tab key → (module, class); imported when the tab is first shown.
_TAB_CLASSES = {
    "notices": ("ui.notices.tab", "NoticesTab"),
    "liaisons": ("ui.liaisons.tab", "LiaisonsTab"),
    "progress": ("ui.progress.tab", "ProgressTab"),
    "reports": ("ui.reports.tab", "ReportsTab"),
    "register": ("ui.register.tab", "RegisterTab"),
}


def _tab_class(key: str):
    module, name = _TAB_CLASSES[key]
    return getattr(importlib.import_module(module), name)


class TabPages(dict):
    """The tab pages, each built the first time it is asked for (start-up stays fast)."""

    def __init__(self, window: MainWindow):
        super().__init__()
        self.window = window
        self.holders: dict[str, QWidget] = {}

    def __missing__(self, key: str) -> QWidget:
        if key not in TAB_KEYS:
            raise KeyError(key)
        from ui.common import keys  # Qt's namespace (≈27 ms): after the first paint

        page = _tab_class(key)(self.window.store, self.window)
        self.holders[key].layout().addWidget(page)
        keys.follow_layout(page)
        self[key] = page
        return page


class MainWindow(QMainWindow):
    """The window; with *fill_after_paint* its frame is painted first and the data read just after.

    ``first_painted`` and ``ready`` mark those two moments (the start-up timing of bench/ listens to them).
    With *remember_layout* False (screenshots) it opens at the standard size on the first tab and leaves
    the clerk's saved size and tab alone.
    """

    campaign_changed = Signal(object)
    first_painted = Signal()
    ready = Signal()

    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        fill_after_paint: bool = False,
        remember_layout: bool = True,
    ):
        super().__init__(parent)
        self.store = store
        self.remember_layout = remember_layout
        self.fill_pending = fill_after_paint  # until the first paint: tabs and status line not read yet
        self.campaigns: list[dict] = []
        self._menus_pending: tuple | None = None  # the menus whose entries are added after the first paint
        self.selector = QComboBox(self)
        self.selector.setMinimumWidth(320)
        self.selector.currentIndexChanged.connect(self._on_campaign_selected)
        self.tabs = QTabWidget(self)
        self.tab_pages = TabPages(self)
        for key, title in zip(TAB_KEYS, self._tab_titles()):
            holder = QWidget(self.tabs)
            layout = QVBoxLayout(holder)
            layout.setContentsMargins(0, 0, 0, 0)
            self.tab_pages.holders[key] = holder
            self.tabs.addTab(holder, title)
        self._stale: set[str] = set()  # tabs to re-read when next shown (start-up stays fast)
        self.tabs.currentChanged.connect(self._refresh_current_tab)
        self.welcome: WelcomePanel | None = None  # built when the database has no campaign
        self.stack = QStackedWidget(self)
        self.campaign_page = self._campaign_page()
        self.stack.addWidget(self.campaign_page)
        self.setCentralWidget(self.stack)
        self.due_label = QLabel(self)
        self.statusBar().addWidget(self.due_label, 1)  # a message (a refused value, a save) shows over it a while
        self._build_menus()
        self._restore_window()
        self.reload()
        if not fill_after_paint:
            self.ready.emit()

    # -- layout ----------------------------------------------------------
    def _campaign_page(self) -> QWidget:
        page = QWidget(self)
        top = QHBoxLayout()
        label = self.campaign_label = QLabel(self.tr("活动："), page)
        label.setBuddy(self.selector)
        top.addWidget(label)
        top.addWidget(self.selector)
        top.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(top)
        layout.addWidget(self.tabs)
        return page

    def make_welcome(self) -> WelcomePanel:
        """The panel shown while the database has no campaign, wired to its actions."""
        from ui.shell.welcome import WelcomePanel

        welcome = WelcomePanel(self)
        from ui.shell import file_menu

        welcome.demo_requested.connect(lambda: file_menu.load_demo(self))
        welcome.campaign_requested.connect(self.new_campaign)
        return welcome

    def new_campaign(self) -> None:
        from ui.progress.campaign_dialog import CampaignDialog

        year = CampaignDialog.ask(self, self.store)
        if year:
            self.reload()
            self.select_campaign(year)

    def _tab_titles(self) -> tuple[str, ...]:
        return (self.tr("通知"), self.tr("联络员"), self.tr("每周进展"), self.tr("总结报告"), self.tr("线索曝光"))

    def retranslate(self) -> None:
        """Re-read every text of the window in the language now installed (帮助 ▸ 语言)."""
        from ui.shell import language_menu

        language_menu.rebuild_menu_bar(self)
        for index, title in enumerate(self._tab_titles()):
            self.tabs.setTabText(index, title)
        self.campaign_label.setText(self.tr("活动："))
        for page in self.tab_pages.values():
            language_menu.retranslate_page(page)
        language_menu.replace_welcome(self)
        self.reload()  # window title, status line, undo/redo texts

    def _build_menus(self) -> None:
        """The menu bar; with *fill_after_paint* only its three titles now (the first frame looks the same),
        their entries just after the first paint, before the data (:meth:`_fill_after_first_paint`)."""
        bar = self.menuBar()
        menus = bar.addMenu(self.tr("文件(&F)")), bar.addMenu(self.tr("编辑(&E)")), bar.addMenu(self.tr("帮助(&H)"))
        if self.fill_pending:
            self._menus_pending = menus
        else:
            self._fill_menus(*menus)

    def _fill_menus(self, file, edit, help_) -> None:
        # QAction, QKeySequence, the menus' modules (≈3 ms with the entries): after the first paint
        from PySide6.QtGui import QAction, QKeySequence

        from ui.shell import file_menu, help_menu

        file_menu.populate(file, self)
        # setShortcuts: all the platform's bindings (Ctrl+Y and Ctrl+Shift+Z for redo on Windows); setShortcut
        # would also build Qt's whole key-enum namespace (≈25 ms) before the first paint.
        self.undo_action = QAction(self.tr("撤销"), self)
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo)
        self.redo_action = QAction(self.tr("重做"), self)
        self.redo_action.setShortcuts(QKeySequence.StandardKey.Redo)
        self.redo_action.triggered.connect(self.redo)
        edit.addActions([self.undo_action, self.redo_action])
        help_menu.populate(help_, self)

    def _restore_window(self) -> None:
        geometry = settings.get(settings.GEOMETRY) if self.remember_layout else None
        restored = isinstance(geometry, QByteArray) and not geometry.isEmpty()
        if restored:
            self.restoreGeometry(geometry)
        else:
            self.resize(*STANDARD_SIZE)
        screen = self.screen().availableGeometry() if restored and self.screen() else None
        if screen is not None and (self.height() > screen.height() - 40 or self.width() > screen.width()):
            # a size saved on a bigger screen: the status line must stay above the taskbar
            self.resize(min(self.width(), screen.width()), min(self.height(), screen.height() - 40))
        if self.remember_layout:
            self.tabs.setCurrentIndex(settings.get(settings.LAST_TAB))

    # -- state -----------------------------------------------------------
    @property
    def campaign(self) -> dict | None:
        index = self.selector.currentIndex()
        return self.campaigns[index] if 0 <= index < len(self.campaigns) else None

    def reload(self) -> None:
        """Re-read the campaigns and everything shown (after open, undo, import …)."""
        wanted = self.campaign["year"] if self.campaign else settings.get(settings.LAST_CAMPAIGN_YEAR)
        self.campaigns = list_campaigns(self.store)
        self.selector.blockSignals(True)
        self.selector.clear()
        for campaign in self.campaigns:
            title = campaign["title"]
            self.selector.addItem(title if str(campaign["year"]) in title else f"{campaign['year']}年 {title}")
        years = [c["year"] for c in self.campaigns]
        self.selector.setCurrentIndex(years.index(wanted) if wanted in years else 0)
        self.selector.blockSignals(False)
        if self.campaigns:
            self.stack.setCurrentWidget(self.campaign_page)
        else:
            if self.welcome is None:
                self.welcome = self.make_welcome()
                self.stack.addWidget(self.welcome)
            self.stack.setCurrentWidget(self.welcome)
        self._on_campaign_selected()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self.fill_pending:
            # Queued: runs once this paint (children included) is done, so the frame shows at once.
            QTimer.singleShot(0, self._fill_after_first_paint)

    def _fill_after_first_paint(self) -> None:
        if not self.fill_pending:
            return
        self.fill_pending = False
        self.first_painted.emit()
        if self._menus_pending:
            menus, self._menus_pending = self._menus_pending, None
            self._fill_menus(*menus)
        self.refresh()
        self.ready.emit()

    def refresh(self) -> None:
        """Re-read the data of the current campaign: the visible tab now, the others when shown."""
        self._stale = set(TAB_KEYS)
        if self.fill_pending:
            return  # read just after the first paint
        self._refresh_current_tab()
        self._update_status()
        self._update_undo_actions()

    def _refresh_current_tab(self, *_args) -> None:
        key = TAB_KEYS[self.tabs.currentIndex()]
        if key in self._stale and not self.fill_pending:
            self._stale.discard(key)
            self.tab_pages[key].set_campaign(self.campaign)

    def _on_campaign_selected(self, *_args) -> None:
        if self.campaign:
            settings.put(settings.LAST_CAMPAIGN_YEAR, self.campaign["year"])
        self.refresh()
        self.campaign_changed.emit(self.campaign)
        name = file_open.title_for(self.store)
        mode = self.tr("（只读）") if self.store.readonly else ""
        self.setWindowTitle(f"{name}{mode} — " + self.tr("安全生产月工作台"))

    def _update_status(self) -> None:
        if not self.campaign:
            self.due_label.setText(self.tr("还没有活动：可载入演示数据或新建活动。"))
            return
        from models.progress.deadlines import due_items  # this and history (json): read after the first paint

        items = due_items(self.store, self.campaign["id"], today())
        overdue = [i for i in items if i["overdue"]]
        soon = [i for i in items if not i["overdue"]]
        parts = []
        if overdue:
            first = overdue[0]
            parts.append(
                self.tr("逾期 {0} 项（最早：{1} {2}，{3} 个单位未报）").format(
                    len(overdue), first["date"], first["what"], first["missing"]
                )
            )
        if soon:
            parts.append(
                self.tr("7 天内到期 {0} 项：{1}").format(
                    len(soon), "；".join(f"{i['date']} {i['what']}" for i in soon[:3])
                )
            )
        self.due_label.setText("    ".join(parts) or self.tr("没有到期或逾期的事项。"))

    def _update_undo_actions(self) -> None:
        from models.store import history

        last, next_ = history.undoable(self.store), history.redoable(self.store)
        self.undo_action.setEnabled(last is not None and not self.store.readonly)
        self.undo_action.setText(self.tr("撤销 {0}").format(last["label"]) if last else self.tr("撤销"))
        self.redo_action.setEnabled(next_ is not None and not self.store.readonly)
        self.redo_action.setText(self.tr("重做 {0}").format(next_["label"]) if next_ else self.tr("重做"))

    # -- actions ---------------------------------------------------------
    def undo(self) -> None:
        from models.store import history

        self._step_history(self.tr("撤销"), lambda store, _progress: history.undo(store), self.tr("已撤销：{0}"))

    def redo(self) -> None:
        from models.store import history

        self._step_history(self.tr("重做"), lambda store, _progress: history.redo(store), self.tr("已重做：{0}"))

    def _step_history(self, title: str, step, done: str) -> None:
        """Undo or redo one action on a worker (a city's pasted sheet takes ~1 s; an error shown by the one
        path, data rolled back whole), then re-read."""
        from ui.common import operation

        outcome = operation.run(self, title, step, store=self.store, write=True, cancellable=False)
        if not outcome.ok:
            return
        if outcome.value:
            self.statusBar().showMessage(done.format(outcome.value), 5000)
        self.reload()

    def select_campaign(self, year: int) -> None:
        years = [c["year"] for c in self.campaigns]
        if year in years:
            self.selector.setCurrentIndex(years.index(year))

    def show_tab(self, key: str) -> None:
        self.tabs.setCurrentIndex(TAB_KEYS.index(key))
        self._refresh_current_tab()

    def set_store(self, store: Store) -> None:
        """Switch to another open database (File ▸ Open)."""
        old, self.store = self.store, store
        for page in self.tab_pages.values():
            page.store = store
        if old is not store:
            old.close()
        self.reload()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.remember_layout:
            settings.put(settings.GEOMETRY, self.saveGeometry())
            settings.put(settings.LAST_TAB, self.tabs.currentIndex())
        super().closeEvent(event)
