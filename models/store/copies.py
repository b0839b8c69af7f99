"""Save a copy for the USB stick: consistent snapshot, fsync, check, then rename into place.

The copy is written to a temp file next to the target and only renamed over it
once it is complete, synced to disk and proven whole (its bytes read back equal to
the file's, or SQLite's check on it); on any failure the old target stays as it was
and the temp file is removed.  The copy
carries a manifest (office, app and schema version, time, counts) in its meta table.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path

from models.clock import now
from models.errors import DatabaseError
from models.store import faults, leftovers, schema
from models.store.database import Store, connect_readonly, open_file
from models.store.file_copy import copy_bytes
from models.version import APP_VERSION

COUNTED = ("units", "liaisons", "notices", "periods", "indicators", "figures", "narratives")
REPLACE_TRIES = 6  # antivirus or the indexer often holds a fresh file for a moment on Windows
REPLACE_FIRST_WAIT = 0.05
SQLITE_PATH_BYTES = 400  # SQLite refuses paths past 512 bytes (its journal adds a suffix)


def long_path(path: Path) -> str:
    """The path as the OS wants it; on Windows past 260 characters with the \\\\?\\ prefix."""
    text = str(Path(path).absolute())
    if os.name == "nt" and len(text) >= 240 and not text.startswith("\\\\?\\"):
        return "\\\\?\\" + text
    return text


def manifest(store: Store) -> dict:
    """What a copy says about itself: who made it, with which version, when, how much is in it."""
    counts = {t: store.scalar(f"SELECT count(*) FROM [{t}]") for t in COUNTED}
    return {
        "office_id": store.office_id,
        "office_name": store.meta("office_name", ""),
        "app_version": APP_VERSION,
        "schema_version": schema.SCHEMA_VERSION,
        "packed_at": now(),
        "counts": counts,
    }


def _fsync_file(path: str) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync on Windows
        return
    fd = os.open(long_path(folder), os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def replace_with_retry(source: str, target: str) -> None:
    """os.replace, retried with back-off while the target is busy (PermissionError on Windows)."""
    wait = REPLACE_FIRST_WAIT
    for attempt in range(REPLACE_TRIES):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == REPLACE_TRIES - 1:
                raise
            time.sleep(wait)
            wait *= 2


def _os_message(exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    if getattr(exc, "errno", None) == 28:
        reason = "磁盘已满"
    elif isinstance(exc, PermissionError):
        reason = "没有写入权限或文件正被占用"
    return reason


def snapshot(
    store: Store,
    target: Path,
    *,
    extra_meta: dict | Callable[[], dict] | None = None,
    check: str = "quick_check",
    progress=None,
) -> Path:
    """Write a verified copy of *store* to *target*; the old *target* is intact on any failure.

    The copy is checked with ``quick_check`` by default: it reads back every page and cell of
    what was written.  Its indexes are page-for-page copies of the source's, so the slower
    ``integrity_check`` (indexes against tables) would only re-check the source: that is what
    ``check`` does.  Pass ``check="integrity_check"`` for the full check, or ``check="copy"`` (a pack):
    the copy's bytes, read back, must be those read from the file (see models.store.file_copy), about as
    fast as a plain file copy and as sure for a file checked when it was opened; a copy through the backup
    API then gets quick_check.
    *extra_meta* goes into the copy's meta table; a callable is called on this thread (it may read *store*)
    under the read lock the bytes are copied under, while they are copied.
    *progress(done, total, text)*, if given, is told before the copy and before its check; if it raises,
    the old *target* is intact.
    """
    target = Path(target)
    folder = target.parent
    if not folder.is_dir():
        raise DatabaseError("目标文件夹不存在（U 盘是否已拔出？）。", str(target))
    if store.path is not None and target.exists() and os.path.samefile(long_path(target), long_path(store.path)):
        raise DatabaseError("不能把副本保存到正在使用的数据库文件上，请换一个文件名。", str(target))
    temp = folder / f".{target.name}.{os.getpid()}.tmp"
    temp_name = long_path(temp)
    staging = None
    try:
        for stale in folder.glob(glob.escape(f".{target.name}.") + "*.tmp*"):  # left by a killed save
            _remove_quietly(long_path(stale))
        leftovers.sweep_folder(folder)  # and those of killed saves under other names (backups, other copies)
        if len(os.fsencode(temp_name)) < SQLITE_PATH_BYTES:
            _write_verified(store, temp_name, extra_meta, check, target, progress)
        else:  # SQLite cannot open paths this long: build it in a short temp folder, then copy
            staging = str(leftovers.temp_folder("pack"))
            staged = os.path.join(staging, "copy.db")
            _write_verified(store, staged, extra_meta, check, target, progress)
            shutil.copyfile(staged, temp_name)
        _fsync_file(temp_name)
        _replace(temp_name, target)
        _fsync_dir(folder)
    except OSError as exc:
        _remove_quietly(temp_name)
        raise DatabaseError(f"无法保存副本：{_os_message(exc)}。原有文件未改动。", str(target)) from exc
    except sqlite3.Error as exc:
        _remove_quietly(temp_name)
        raise DatabaseError(f"无法保存副本（{faults.explain(exc)}）。原有文件未改动。", str(target)) from exc
    except BaseException:
        _remove_quietly(temp_name)
        raise
    finally:
        if staging:
            shutil.rmtree(staging, ignore_errors=True)
    return target


FREE_LATER_BYTES = 64 << 20


def _replace(temp_name: str, target: Path) -> None:
    """The copy renamed over *target*.  An old copy of a city's size takes ≈0.3 s to free when it is
    replaced: a second name keeps it alive through the rename, and it is removed on a worker (a kill
    meanwhile leaves a hidden ``.NAME.old.PID.tmp``, removed by the next save or start)."""
    old = None
    if target.exists() and target.stat().st_size >= FREE_LATER_BYTES:
        old = long_path(target.with_name(f".{target.name}.old.{os.getpid()}.tmp"))
        try:
            os.link(long_path(target), old)
        except OSError:  # FAT sticks have no second names: the rename frees it
            old = None
    try:
        replace_with_retry(temp_name, long_path(target))
    finally:
        if old is not None:
            threading.Thread(target=_remove_quietly, args=(old,), name="free old copy", daemon=True).start()


def _copy_database(store: Store, name: str, compare: bool = False, meanwhile=None) -> tuple[bool, object]:
    """The database's pages into the new file *name*, and what *meanwhile()* gives (None without it),
    called on this thread at the same moment of the file.  True when its bytes were copied (else the
    backup API), and with *compare*, read back equal to the file's and synced, still under the same lock.

    The file's bytes are copied while a read transaction holds SQLite's shared lock, so that no
    writer can commit meanwhile: the copy is the file as of one moment, as fast as a file copy (the
    backup API steps through the pages one by one: 4.5 s for a city's 1.36 GB against cp's 0.6 s).
    The backup API stays for an in-memory store, a store in the middle of a transaction (its
    uncommitted pages are not in the file) and a WAL file.  The bytes are copied on a worker while this
    thread runs *meanwhile* (the manifest's counts: 0.1 s for a city's figures), both under the lock.
    """
    conn, path = store.conn, store.path
    mode = conn.execute("PRAGMA journal_mode").fetchone()[0].lower() if path is not None else "memory"
    if path is None or conn.in_transaction or mode == "wal":
        dest = sqlite3.connect(name)
        try:
            conn.backup(dest)
        finally:
            dest.close()
        return False, meanwhile() if meanwhile else None
    conn.execute("BEGIN")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # takes the shared lock
        if meanwhile is None:
            copy_bytes(long_path(path), name, compare=compare)
            return True, None
        failed: list[BaseException] = []

        def copy() -> None:
            try:
                copy_bytes(long_path(path), name, compare=compare)
            except BaseException as exc:  # noqa: BLE001 - raised on this thread
                failed.append(exc)

        worker = threading.Thread(target=copy, name="pack", daemon=True)
        worker.start()
        try:
            found = meanwhile()
        finally:
            worker.join()
        if failed:
            raise failed[0]
        return True, found
    finally:
        conn.rollback()


def _write_verified(store: Store, name: str, extra_meta, check: str, target: Path, progress) -> None:
    """The copy, verified: with *check* "copy" its bytes read back must be the file's, else SQLite's *check*
    pragma on the copy (also for a "copy" made through the backup API)."""
    if progress is not None:
        progress(0, 2, "复制数据库…")
    later = extra_meta if callable(extra_meta) else None
    copied, found = _copy_database(store, name, check == "copy", later)
    extra_meta = found if later else extra_meta
    if progress is not None:
        progress(1, 2, "检查副本…")
    if check == "copy":
        check = "" if copied else "quick_check"
    dest = sqlite3.connect(name)
    try:
        dest.execute("PRAGMA journal_mode = DELETE")  # a WAL file's copy (backup API) becomes a plain one
        if extra_meta:
            # The temp file is renamed over the target only once this is written and snapshot() has synced it;
            # a failure here discards it: no journal to make, sync twice and delete (slow on a stick) for a row.
            dest.execute("PRAGMA journal_mode = OFF")
            dest.execute("PRAGMA synchronous = OFF")
        with dest:
            for key, value in (extra_meta or {}).items():
                dest.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))
        result = dest.execute(f"PRAGMA {check}").fetchone()[0] if check else "ok"
    finally:
        dest.close()
    if result != "ok":
        raise DatabaseError(f"写出的副本未通过完整性检查（{result}），原文件未改动。", str(target))


def _remove_quietly(name: str) -> None:
    with contextlib.suppress(OSError):
        os.remove(name)


def pack(store: Store, target: Path, progress=None) -> dict:
    """Save a copy for USB; returns the manifest written into it (counted at the moment copied).
    *progress*: see :func:`snapshot`."""
    box = {}

    def counted() -> dict:
        box["info"] = manifest(store)
        return {"manifest": json.dumps(box["info"], ensure_ascii=False)}

    snapshot(store, Path(target), extra_meta=counted, check="copy", progress=progress)
    return box["info"]


def pack_file(db: Path, target: Path) -> dict:
    """Headless: open *db* read-only and pack it."""
    store = open_file(db, readonly=True)
    try:
        return pack(store, target)
    finally:
        store.close()


def read_manifest(path: Path) -> dict | None:
    """The manifest of a packed copy, or None if it has none."""
    conn = connect_readonly(Path(path))
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'manifest'").fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return json.loads(row[0]) if row else None


REMOVABLE_ROOTS = ("/media/", "/run/media/", "/mnt/", "/Volumes/")


def is_removable(path: Path) -> bool:
    """True for a file on a USB stick or other removable drive (as far as the OS tells)."""
    text = str(Path(path).absolute())
    if os.name == "nt":
        import ctypes

        drive = os.path.splitdrive(text)[0]
        if not drive:
            return False
        return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == 2  # DRIVE_REMOVABLE
    return text.startswith(REMOVABLE_ROOTS)


def copy_in(source: Path, folder: Path) -> Path:
    """Copy a database from a stick into *folder* (a consistent copy); returns the local path.

    The app then works on the local copy; it goes back to the stick only through "save a copy".
    """
    source = Path(source)
    if not source.is_file():
        raise DatabaseError("找不到这个文件（U 盘是否已拔出？）。", str(source))
    with open(source, "rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise DatabaseError("不是本程序的数据库文件（不是 SQLite 格式）。", str(source))
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    count = 1
    while target.exists():
        count += 1
        target = folder / f"{source.stem}（{count}）{source.suffix}"
    conn = connect_readonly(source)
    try:
        store = Store(conn, source, readonly=True)
        snapshot(store, target, check="quick_check")
    except sqlite3.Error as exc:
        raise DatabaseError(f"无法复制这个文件：{faults.explain(exc)}", str(source)) from exc
    finally:
        conn.close()
    return target
