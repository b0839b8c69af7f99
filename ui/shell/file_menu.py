"""The 文件 menu: new, open (USB files via a local copy), save a copy, merge, backups, check, exit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from models.store import backups
from models.store.opening import open_store
from ui.common import file_dialogs, msgbox, operation, settings
from ui.common.paths import user_data_dir
from ui.shell import file_drop, recent_menu, startup
from ui.shell.file_open import ORIGINS

FILE_FILTER = "安全生产月工作台数据库 (*.db *.sqlite);;所有文件 (*)"
AUTO_BACKUP_MS = 10 * 60 * 1000
USB_FOLDER = "U盘文件副本"


def _office_dialog():
    from ui.shell import office_dialog  # loaded when first used, not before the first paint

    return office_dialog


def tr(text: str) -> str:
    return QCoreApplication.translate("file_menu", text)


def populate(menu: QMenu, window) -> None:
    def add(text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, window)
        if shortcut is not None:
            action.setShortcuts(shortcut)  # every binding of the standard key (setShortcut costs ≈25 ms once)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    add(tr("新建数据库(&N)…"), lambda: new_database(window), QKeySequence.StandardKey.New)
    add(tr("打开(&O)…"), lambda: open_database_dialog(window), QKeySequence.StandardKey.Open)
    add(tr("打开 U 盘上的文件（先复制到本机）(&U)…"), lambda: open_database_dialog(window, from_stick=True))
    recent_menu.populate(menu.addMenu(tr("最近打开(&R)")), window)
    menu.addSeparator()
    add(tr("保存副本（U盘）(&C)…"), lambda: save_copy(window))
    add(tr("导入合并(&M)…"), lambda: import_merge(window))
    add(tr("给下级单位一份起始文件(&G)…"), lambda: give_starter(window))
    add(tr("备份与恢复(&B)…"), lambda: show_backups(window))
    add(tr("检查数据库(&K)"), lambda: check_database(window))
    menu.addSeparator()
    add(tr("本单位信息(&I)…"), lambda: _office_dialog().edit_office(window))
    add(tr("载入演示数据(&D)"), lambda: load_demo(window))
    menu.addSeparator()
    add(tr("退出(&X)"), QApplication.closeAllWindows, QKeySequence.StandardKey.Quit)
    recent_menu.remember(window.store.path)
    file_drop.install(window)
    install_autobackup(window)


# -- automatic backups -------------------------------------------------------
class _BackupOnClose(QObject):
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Close:
            startup.backup_after_close(watched)  # on a worker: the window goes at once, the process waits for it
        return False


def install_autobackup(window) -> None:
    """A backup every few minutes while changes happen, and one when the window closes (installed once: the menu
    is rebuilt on a language switch, the timer and the close filter are not doubled)."""
    if getattr(window, "backup_timer", None) is not None:
        return
    timer = QTimer(window)
    timer.setInterval(AUTO_BACKUP_MS)
    timer.timeout.connect(lambda: auto_backup(window))
    timer.start()
    window.backup_timer = timer
    window.backup_filter = _BackupOnClose(window)
    window.installEventFilter(window.backup_filter)


def auto_backup(window) -> Path | None:
    try:
        return backups.backup_if_changed(window.store)
    except Exception as exc:  # noqa: BLE001 - a failed backup must never stop the work
        window.statusBar().showMessage(tr("自动备份失败：{0}").format(exc), 10000)
        return None


# -- open --------------------------------------------------------------------
def switch_to(window, path: Path, *, origin: Path | None = None) -> bool:
    """Open *path* in the window; on failure show why and keep the current file."""
    readonly = False
    if not startup.acquire_lock(path):
        if not msgbox.question(
            window,
            tr("文件已被打开"),
            tr("这个数据库已在另一个窗口中打开：\n{0}\n\n要以只读方式打开吗？").format(path),
        ):
            return False
        readonly = True
    # Opening checks the file (and upgrades an older one after a backup): off the GUI thread.
    done = operation.run(
        window, tr("打开数据库"), lambda _s, _p: open_store(path, readonly=readonly), cancellable=False
    )
    if not done.ok:
        startup.release_lock(path)
        return False
    store = done.value
    if origin is not None:
        ORIGINS[str(path)] = str(origin)
    old = window.store.path
    window.set_store(store)
    if old is not None and Path(old) != Path(path):
        startup.release_lock(old)
    settings.put(settings.LAST_DB, str(path))
    recent_menu.remember(path)
    return True


def new_database(window) -> None:
    name = file_dialogs.save_file(window, file_dialogs.DATABASE, tr("新建数据库"), "", FILE_FILTER)
    if not name:
        return
    path = Path(name)
    if path.exists():
        msgbox.warning(window, tr("新建数据库"), tr("文件已存在，请换一个名字：") + f"\n{path}")
        return
    switch_to(window, path)


def open_database_dialog(window, from_stick: bool = False) -> None:
    name = file_dialogs.open_file(window, file_dialogs.DATABASE, tr("打开数据库"), FILE_FILTER)
    if name:
        open_path(window, Path(name), from_stick=from_stick)


def open_path(window, path: Path, *, from_stick: bool = False) -> bool:
    """Open a file; one on a stick (or marked so by the clerk) is first copied to this PC."""
    from models.store import copies as exchange  # loaded when used, not at start-up

    if not (from_stick or exchange.is_removable(path)):
        return switch_to(window, path)
    done = operation.run(
        window, tr("复制 U 盘上的文件"), lambda _s, _p: exchange.copy_in(path, user_data_dir() / USB_FOLDER)
    )
    if not done.ok:
        return False
    local = done.value
    if not switch_to(window, local, origin=path):
        return False
    msgbox.information(
        window,
        tr("已复制到本机"),
        tr(
            "U 盘上的文件已复制到本机，现在打开的是本机副本：\n{0}\n\n"
            "修改只保存在本机；要带走时请用“文件 ▸ 保存副本（U盘）”。"
        ).format(local),
    )
    return True


# -- save a copy, merge, backups, check ----------------------------------------
def save_copy(window, target: Path | None = None) -> Path | None:
    if target is None:
        suggested = f"{window.store.path.stem if window.store.path else '副本'}-副本.db"
        name = file_dialogs.save_file(window, "copy", tr("保存副本（U盘）"), suggested, FILE_FILTER)
        if not name:
            return None
        target = Path(name)
    from models.store import copies as exchange

    done = operation.run(
        window,
        tr("保存副本（U盘）"),
        lambda store, progress: exchange.pack(store, target, progress),
        store=window.store,
        success=lambda info: tr("已保存并检查无误：\n{0}\n\n单位 {1} 个，统计数据 {2} 个。可以安全拔出 U 盘。").format(
            target, info["counts"]["units"], info["counts"]["figures"]
        ),
        success_title=tr("副本已保存"),
    )
    return target if done.ok else None


def give_starter(window) -> None:
    from ui.exchange.starter_dialog import give_starter as ask_and_write

    ask_and_write(window)


def import_merge(window, path: Path | None = None) -> dict | None:
    from ui.exchange.merging import import_merge as preview_and_merge

    if path is None:
        name = file_dialogs.open_file(window, "merge", tr("导入合并"), FILE_FILTER)
        if not name:
            return None
        path = Path(name)
    return preview_and_merge(window, path)


def show_backups(window) -> None:
    from ui.shell.backup_dialog import BackupDialog

    BackupDialog(window).exec()


def check_database(window) -> dict | None:
    from models.store import check as checking

    repair = not window.store.readonly
    done = operation.run(
        window,
        tr("检查数据库"),
        lambda store, progress: checking.check(store, repair=repair, progress=progress),
        store=window.store,
        write=repair,
    )
    if not done.ok:
        return None
    result = done.value
    if result["ok"]:
        msgbox.information(window, tr("检查数据库"), tr("检查完毕：没有发现问题。"))
        return result
    lines = [tr("发现 {0} 个问题：").format(len(result["problems"]))]
    lines += [f"· {p}" for p in result["problems"][:15]]
    lines += [tr("已修复：{0}").format(r) for r in result["repaired"]]
    if result["damaged"]:
        lines.append(tr("文件本身已损坏：请在“备份与恢复”中选一个备份恢复。"))
    elif result["remaining"]:
        lines.append(tr("仍有 {0} 个问题需要人工处理。").format(len(result["remaining"])))
    msgbox.warning(window, tr("检查数据库"), "\n".join(lines))
    window.reload()
    return result


def load_demo(window) -> None:
    from models import demo  # only when asked: not needed at start-up

    if not operation.run(
        window, tr("载入演示数据"), lambda store, _: demo.load_demo(store), store=window.store, write=True
    ).ok:
        return
    window.reload()
    window.statusBar().showMessage(tr("已载入演示数据，可用 Ctrl+Z 撤销。"), 8000)
