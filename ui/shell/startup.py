"""Start-up steps of the GUI: which database to open, damaged files, one instance per file, screenshots."""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from models.store import backups, file_lock, health, leftovers, writes
from models.store.database import Store
from models.store.opening import open_store
from ui.common import msgbox, operation, settings
from ui.common.paths import default_db_path

_LOCKS: dict[str, file_lock.FileLock] = {}
UNCHECKED: set[str] = set()  # files opened before their whole-file check (run after the first paint)


def tr(text: str) -> str:
    return QCoreApplication.translate("startup", text)


# -- one writer per file (the window here, the command line through open_store) -----------------
lock_path = file_lock.lock_path


def acquire_lock(db: Path | str) -> bool:
    """Take the file's write lock for this window (models.store.file_lock); False if another process has it."""
    key = str(Path(db).resolve())
    if key in _LOCKS:
        return True
    try:
        _LOCKS[key] = file_lock.take(db)
    except file_lock.FileInUse:
        return False
    return True


def release_lock(db: Path | str | None) -> None:
    """This window is done with *db*: its close-time backup (if any) is finished first."""
    if db is None:
        return
    finish_closing(db)
    UNCHECKED.discard(str(Path(db).resolve()))
    writes.release(db)  # no check of this window's is pending any more
    lock = _LOCKS.pop(str(Path(db).resolve()), None)
    if lock is not None:
        lock.release()


def _open_locked(path: Path, readonly: bool, *, defer_check: bool) -> Store | None:
    """Take the file's lock, roll back an unfinished write and check the file (or leave the whole-file check
    for after the first paint, writes held), then open it.  None if the clerk declines a file open elsewhere."""
    if not readonly and not acquire_lock(path):
        readonly = msgbox.question(
            None,
            tr("文件已被打开"),
            tr("这个数据库已在另一个窗口中打开：\n{0}\n\n要以只读方式打开吗？（选“否”则退出）").format(path),
        )
        if not readonly:
            return None
    try:
        unchecked = False
        if not readonly:  # the other window may be writing: a read-only look decides nothing
            unchecked = recover_if_damaged(path, whole_file=not defer_check) == health.UNCHECKED
            if not unchecked:  # else with the check, after the first paint (the temp folder may be long)
                leftovers.sweep_for(path, backups.FOLDER_NAME)  # temp copies of runs that were killed
        store = open_store(path, readonly=readonly)
    except BaseException:
        release_lock(path)
        raise
    if unchecked:
        writes.hold(path)
        UNCHECKED.add(str(Path(path).resolve()))
    return store


# -- a damaged file at start -----------------------------------------------------------
def recover_if_damaged(path: Path, *, whole_file: bool = True) -> str:
    """Set a damaged database aside (never deleted, with its journal) and offer the newest good backup.

    A file SQLite can roll back is not damaged (models.store.health); a file that is not ours, or is
    locked, raises DatabaseError and stays as it is.  Returns health.UNCHECKED when the whole-file check
    is left for later (*whole_file* False), else SOUND (also after a damaged file was replaced).
    """
    verdict = health.examine(path, settings.get(settings.VERIFIED_DB), whole_file=whole_file)
    if verdict == health.SOUND:
        remember_sound(path)
    if verdict != health.DAMAGED:
        return verdict
    replace_damaged(path)
    return health.SOUND


def replace_damaged(path: Path) -> None:
    """The damaged file (closed) set aside; the newest good backup put in its place if the clerk wants."""
    moved = health.set_aside(path)
    good = backups.latest_good(path.parent / backups.FOLDER_NAME, path.stem)
    if good is None:
        msgbox.warning(
            None,
            tr("数据库已损坏"),
            tr("数据库文件已损坏，已改名保存为：\n{0}\n\n没有找到可用的备份，将新建一个空数据库。").format(moved),
        )
        return
    when = good["when"].strftime("%Y年%m月%d日 %H:%M")
    if msgbox.question(
        None,
        tr("数据库已损坏"),
        tr("数据库文件已损坏，已改名保存为：\n{0}\n\n找到 {1} 的备份，要用它恢复吗？（选“否”则新建空数据库）").format(
            moved, when
        ),
    ):
        backups.restore_file(good["path"], path)


def remember_sound(path: Path | None) -> None:
    """Note the stamp of a file just found sound, so the next start need not check it again (the last
    files used are remembered, each with its own stamp)."""
    try:
        if path is not None and Path(path).exists():
            settings.put(settings.VERIFIED_DB, health.with_stamp(settings.get(settings.VERIFIED_DB), Path(path)))
    except OSError:
        pass


def open_initial_store(requested: str | None, *, readonly: bool = False, defer_check: bool = False) -> Store | None:
    """The --db file, else the last file used, else the default one.  None if --db fails.

    With *defer_check* the whole-file check of a file not known sound is left for :func:`check_after_paint`.
    """
    if requested:
        outcome = operation.quick(None, lambda: _open_locked(Path(requested), readonly, defer_check=defer_check))
        if not outcome.ok:
            return None  # shown (or declined), then the app exits non-zero
        settings.put(settings.LAST_DB, str(Path(requested).resolve()))
        return outcome.value
    last = settings.get(settings.LAST_DB)
    candidates = [Path(last)] if last and Path(last).exists() else []
    candidates.append(default_db_path())
    for path in candidates:
        outcome = operation.quick(None, lambda path=path: _open_locked(path, readonly, defer_check=defer_check))
        if outcome.ok:
            return outcome.value  # None: declined
    return None  # each failure shown; the default file failed too


# -- the whole-file check after the first paint -----------------------------------------------
DAMAGED_REFUSAL = "数据库文件已损坏，不能再修改；窗口将把它改名保存并提供备份恢复。"


class StartupCheck(QObject):
    """The whole-file check of the window's file on a worker thread; ``finished(verdict)`` on the GUI thread."""

    finished = Signal(str)
    _done = Signal(str, str)  # verdict, error text: from the worker to the GUI thread

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.path = Path(window.store.path)
        self._done.connect(self._on_done)

    def start(self) -> None:
        from ui.common import operation

        self.window.statusBar().showMessage(tr("正在检查数据库文件是否完好……（可以查看，稍后再修改）"))
        operation.hold_collection()  # a worker beside the window: no cyclic GC meanwhile (see operation.run)
        threading.Thread(target=self._work, name="whole-file check", daemon=True).start()

    def _work(self) -> None:
        try:
            leftovers.sweep_for(self.path, backups.FOLDER_NAME)  # temp copies of runs that were killed
            verdict, error = health.whole_file_check(self.path), ""
        except Exception as exc:  # noqa: BLE001 - handed to the GUI thread, logged there
            verdict, error = "", str(exc)
        with contextlib.suppress(RuntimeError):  # the window is gone (the app quit meanwhile)
            self._done.emit(verdict, error)

    def _on_done(self, verdict: str, error: str) -> None:
        from ui.common import operation

        operation.release_collection()
        UNCHECKED.discard(str(self.path.resolve()))
        self.window.statusBar().clearMessage()
        if verdict == health.DAMAGED:
            writes.refuse(self.path, DAMAGED_REFUSAL)
            if self.window.store.path is not None and Path(self.window.store.path) == self.path:
                self._replace_in_window()  # (another file opened meanwhile: this one is checked at its next start)
        else:
            if verdict == health.SOUND:
                remember_sound(self.path)  # writes were held: the stamp is the file that was checked
            else:  # locked by another program, unplugged …: not checked this time, the next start checks it
                logging.getLogger(__name__).warning("whole-file check not done: %s", error)
            writes.release(self.path)
        self.finished.emit(verdict)

    def _replace_in_window(self) -> None:
        """Today's damaged-file path, after the window showed: set aside, a backup offered, the window reopened."""
        self.window.store.close()  # the file is moved next (Windows moves no open file); the lock stays ours

        def replace() -> Store:
            replace_damaged(self.path)
            writes.release(self.path)
            return open_store(self.path)

        outcome = operation.quick(self.window, replace)
        if outcome.ok:
            self.window.set_store(outcome.value)
            remember_sound(self.path)
        else:
            self.window.close()


def check_after_paint(window, then=None) -> StartupCheck | None:
    """Start the whole-file check of the window's file if it was opened unchecked (writes held meanwhile);
    *then* runs once the file may be written (at once when there is nothing to check)."""
    path = window.store.path
    if path is None or str(Path(path).resolve()) not in UNCHECKED:
        if then is not None:
            then()
        return None
    check = window.startup_check = StartupCheck(window)
    if then is not None:
        check.finished.connect(lambda verdict: then() if verdict != health.DAMAGED else None)
    check.start()
    return check


# -- the backup when the window closes, finished before the process exits ------------------------
_CLOSING: list[tuple[Path, file_lock.FileLock | None, object]] = []


def backup_after_close(window, take_backup=None) -> None:
    """The close-time backup on a worker thread: the window goes at once.  The file stays locked
    ("closing": a new start waits for it) until :func:`finish_closing` has joined the backup, which
    the process does before it exits.  A kill meanwhile leaves only a hidden temp file (no backup named),
    removed at the next start."""
    store = window.store
    path = store.path
    lock = _LOCKS.pop(str(Path(path).resolve()), None) if path is not None else None
    if path is None or store.readonly or writes.held(path) or not backups.changed_since_backup(store):
        if lock is not None:  # an unchecked or damaged file is not backed up over good backups
            lock.release()
        return
    if lock is not None:
        lock.set_state("closing")
    from ui.common import operation

    operation.hold_collection()  # released when finish_closing has joined it (see operation.collect_on_this_thread)
    result = backups.backup_in_background(store, "自动", take_backup)
    _CLOSING.append((Path(path), lock, result))


def finish_closing(db: Path | str | None = None) -> list[Path]:
    """Wait for the close-time backups (of *db* only, if given); each verified one marks its file sound.
    Returns the backups made."""
    made = []
    wanted = None if db is None else Path(db).resolve()
    for entry in [e for e in _CLOSING if wanted is None or e[0].resolve() == wanted]:
        _CLOSING.remove(entry)
        path, lock, result = entry
        try:
            backup = result()
        except Exception as exc:  # noqa: BLE001 - the window is gone: logged, the next close tries again
            logging.getLogger(__name__).warning("backup at close failed: %s", exc)
            backup = None
        finally:
            from ui.common import operation

            operation.release_collection()
        if backup is not None:
            made.append(backup)
            remember_sound(path)  # a verified copy of the file as it is now, unchanged since
        if lock is not None:
            lock.release()
    return made


STARTUP_TIMES_VARIABLE = "DESK_STARTUP_TIMES"


def report_startup_times(window) -> None:
    """With DESK_STARTUP_TIMES=FILE set, append when the window was first painted and when its data showed.

    Lines ``painted <epoch seconds>`` and ``ready <epoch seconds>``: bench/ subtracts the moment it started the
    process; on a slow office PC the same numbers tell where a slow start comes from.
    """
    target = os.environ.get(STARTUP_TIMES_VARIABLE)
    if not target:
        return

    def stamp(what: str) -> None:
        moment = time.time()
        try:
            with open(target, "a", encoding="utf-8") as out:
                out.write(f"{what} {moment:.6f}\n")
        except OSError:
            pass  # a diagnostic only

    window.first_painted.connect(lambda: stamp("painted"))
    window.ready.connect(lambda: stamp("ready"))


def save_screenshot(app: QApplication, window: QWidget, target: Path) -> int:
    """Draws the window once its data is shown (not the bare frame of the first paint)."""
    for _ in range(5):
        app.processEvents()
    for _ in range(200):
        if not getattr(window, "fill_pending", False):
            break
        app.processEvents()
        time.sleep(0.005)
    if not window.grab().save(str(target)):
        print(f"无法保存截图：{target}")
        return 2
    window.close()
    return 0
