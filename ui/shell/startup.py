"""Start-up steps of the GUI: which database to open, damaged files, one instance per file, screenshots."""

from __future__ import annotations

import os
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile
from PySide6.QtWidgets import QApplication, QWidget

from models.store import backups, health, leftovers
from models.store.database import Store
from models.store.opening import open_store
from ui.common import errors, msgbox, settings
from ui.common.paths import default_db_path

_LOCKS: dict[str, QLockFile] = {}


def tr(text: str) -> str:
    return QCoreApplication.translate("startup", text)


# -- one instance per file -------------------------------------------------------
def lock_path(db: Path) -> Path:
    return Path(db).with_name(Path(db).name + ".lock")


def acquire_lock(db: Path | str) -> bool:
    """Take the lock file next to *db* (it holds our pid); False if another instance has it."""
    key = str(Path(db).resolve())
    if key in _LOCKS:
        return True
    lock = QLockFile(str(lock_path(Path(db))))
    lock.setStaleLockTime(0)  # only a lock whose process is gone counts as stale
    if not lock.tryLock(0):
        if lock.error() == QLockFile.LockError.LockFailedError:
            return False
        return True  # a folder where no lock can be made (read-only stick): go on without one
    _LOCKS[key] = lock
    return True


def release_lock(db: Path | str | None) -> None:
    if db is None:
        return
    lock = _LOCKS.pop(str(Path(db).resolve()), None)
    if lock is not None:
        lock.unlock()


def _open_locked(path: Path, readonly: bool) -> Store:
    """Take the file's lock, check it (rolling back an unfinished write), then open it."""
    if not readonly and not acquire_lock(path):
        readonly = msgbox.question(
            None,
            tr("文件已被打开"),
            tr("这个数据库已在另一个窗口中打开：\n{0}\n\n要以只读方式打开吗？（选“否”则退出）").format(path),
        )
        if not readonly:
            raise _Declined
    try:
        if not readonly:  # the other window may be writing: a read-only look decides nothing
            recover_if_damaged(path)
            leftovers.sweep_for(path, backups.FOLDER_NAME)  # temp copies of runs that were killed
        return open_store(path, readonly=readonly)
    except BaseException:
        release_lock(path)
        raise


class _Declined(Exception):
    """The clerk chose not to open a file already open elsewhere."""


# -- a damaged file at start -----------------------------------------------------------
def recover_if_damaged(path: Path) -> None:
    """Set a damaged database aside (never deleted, with its journal) and offer the newest good backup.

    A file SQLite can roll back is not damaged (models.store.health); a file that is not ours, or is
    locked, raises DatabaseError and stays as it is.
    """
    if health.examine(path, settings.get(settings.VERIFIED_DB)) == health.SOUND:
        remember_sound(path)
        return
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
    """Note the stamp of a file just found sound, so the next start need not check it again."""
    try:
        if path is not None and Path(path).exists():
            settings.put(settings.VERIFIED_DB, health.file_stamp(path))
    except OSError:
        pass


def open_initial_store(requested: str | None, *, readonly: bool = False) -> Store | None:
    """The --db file, else the last file used, else the default one.  None if --db fails."""
    if requested:
        try:
            store = _open_locked(Path(requested), readonly)
        except _Declined:
            return None
        except Exception as exc:  # noqa: BLE001 - shown, then the app exits non-zero
            errors.show_exception(None, exc)
            return None
        settings.put(settings.LAST_DB, str(Path(requested).resolve()))
        return store
    last = settings.get(settings.LAST_DB)
    candidates = [Path(last)] if last and Path(last).exists() else []
    candidates.append(default_db_path())
    for path in candidates:
        try:
            return _open_locked(path, readonly)
        except _Declined:
            return None
        except Exception as exc:  # noqa: BLE001 - fall back to the default file
            errors.show_exception(None, exc)
    return None


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
