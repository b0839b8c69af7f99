"""Is the database file sound at start?  Checked the SQLite way, and set aside with its journal.

After a kill or a power cut during a write SQLite leaves a hot journal (``X.db-journal``) beside the
file; it is normal, and SQLite rolls it back on the next *read-write* open, which gives the file as
it was before the interrupted write.  So the check opens the file read-write first, lets SQLite read
(and roll back), and only then checks it: a file is damaged only if it fails after that.  A read-only
connection cannot roll back and would call a sound file damaged.

What is not for this check to decide is refused in words, never renamed: a file that is not ours, a
file another program holds locked, a read-only file with an unfinished write.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from pathlib import Path

from models.clock import now
from models.errors import DatabaseError, SchemaTooNew
from models.store import faults
from models.store.database import SQLITE_HEADER, check_schema, connect_readonly

SOUND, DAMAGED, UNCHECKED = "sound", "damaged", "unchecked"
KEEP_STAMPS = 20  # the files a clerk switches between (the district's, a town's, last year's …)
COMPANIONS = ("-journal", "-wal", "-shm")  # SQLite pairs these with the file by name
LOCK_WAIT_S = 2.0
# Our schema's names and the app's mark, which a damaged file of ours still holds in its first pages
# (most of them: the damage may have hit one or two).
OUR_MARKS = (b"_sqlite_migrations", b"safety-month-desk", b"campaign_units", b"liaisons", b"indicators", b"figures")
OUR_MARKS_NEEDED = 4
MARK_SCAN_BYTES = 4 * 1024 * 1024


def companions(path: Path) -> list[Path]:
    """The -journal/-wal/-shm files beside *path* that exist now."""
    path = Path(path)
    return [path.with_name(path.name + suffix) for suffix in COMPANIONS if path.with_name(path.name + suffix).exists()]


def file_stamp(path: Path) -> str:
    """Size and modification time of a file: equal stamps mean nobody wrote to it in between."""
    info = Path(path).stat()
    return f"{Path(path).resolve()}|{info.st_size}|{info.st_mtime_ns}"


def is_verified(stamps: str | None, path: Path) -> bool:
    """Whether *path* is unchanged since it was last found sound (*stamps*: one :func:`file_stamp` a line)."""
    return bool(stamps) and file_stamp(path) in stamps.splitlines()


def with_stamp(stamps: str | None, path: Path) -> str:
    """*stamps* with the file's stamp of now in place of its older one, newest first, the oldest dropped."""
    stamp = file_stamp(path)
    name = stamp.rsplit("|", 2)[0] + "|"
    others = [line for line in (stamps or "").splitlines() if line and not line.startswith(name)]
    return "\n".join([stamp, *others][:KEEP_STAMPS])


def looks_ours(path: Path) -> bool:
    """Whether a file that SQLite cannot read still carries our schema's names (a damaged file of ours)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(MARK_SCAN_BYTES)
    except OSError:
        return False
    return sum(mark in head for mark in OUR_MARKS) >= OUR_MARKS_NEEDED


def examine(path: Path, verified: str | None = None, *, whole_file: bool = True) -> str:
    """SOUND or DAMAGED for the database at *path*, after SQLite has rolled back any hot journal.

    A missing or empty file is SOUND (open_store makes it).  *verified* holds the stamps of files
    when last found sound (:func:`with_stamp`): a file unchanged since is not checked again.  Without
    *whole_file* the full-file quick_check is left to :func:`whole_file_check` (after the first paint)
    and UNCHECKED returned, unless the file is to be upgraded (that writes: checked first).  Raises
    DatabaseError, changing nothing, for a file that is not ours, one locked by another program, or
    a read-only file with an unfinished write.
    """
    path = Path(path)
    where = str(path)
    if not path.is_file():
        return SOUND
    hot = bool(companions(path))
    if path.stat().st_size == 0 and not hot:
        return SOUND
    with open(path, "rb") as handle:
        head = handle.read(16)
    if head and head != SQLITE_HEADER:
        if looks_ours(path):
            return DAMAGED
        raise DatabaseError("不是本程序的数据库文件（不是 SQLite 格式）。文件未作任何修改。", where)
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        if hot:
            raise DatabaseError(
                "上次写入没有完成（旁边有未回滚的日志文件），但文件或文件夹是只读的，无法恢复。"
                "请把数据库和同名的 -journal 文件一起复制到本机可写的文件夹后再打开。",
                where,
            )
        return SOUND  # open_store says it is read-only; nothing to decide here
    try:
        conn = sqlite3.connect(str(path), timeout=LOCK_WAIT_S)
    except sqlite3.Error as exc:
        raise faults.as_desk_error(exc, where) from exc
    try:
        return _verdict(conn, path, verified, hot, whole_file)
    finally:
        conn.close()


def _verdict(conn: sqlite3.Connection, path: Path, verified: str | None, hot: bool, whole_file: bool) -> str:
    where = str(path)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # a hot journal is rolled back here
        try:
            pending = check_schema(conn, where)  # refuses a file that is not ours, or a newer one
        except SchemaTooNew:
            raise
        except DatabaseError:  # no migrations read: a foreign file, or ours with that page damaged
            if looks_ours(path) and conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                return DAMAGED
            raise
        if hot:
            _drop_stale_journal(conn, path)
        elif is_verified(verified, path):
            return SOUND
        if not whole_file and not pending:
            return UNCHECKED
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.Error as exc:
        if faults.kind(exc) != "damaged":
            raise faults.as_desk_error(exc, where) from exc
        if looks_ours(path):
            return DAMAGED
        message = f"这个文件不是安全生产月工作台的数据库，或已损坏（{exc}）。文件未作任何修改。"
        raise DatabaseError(message, where) from exc
    return SOUND if result == "ok" else DAMAGED


def whole_file_check(path: Path) -> str:
    """SOUND or DAMAGED after reading every page of the file, on a read-only connection of its own (a worker
    thread while the window reads; writes are held meanwhile, see models.store.writes).  A file that
    cannot be read now (locked, gone) raises DatabaseError."""
    try:
        conn = connect_readonly(path)
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(LOCK_WAIT_S * 1000)}")
            result = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        if faults.kind(exc) == "damaged":
            return DAMAGED
        raise faults.as_desk_error(exc, str(path)) from exc
    return SOUND if result == "ok" else DAMAGED


def _drop_stale_journal(conn: sqlite3.Connection, path: Path) -> None:
    """A -journal left after the read (SQLite rolls back only a valid one; a kill before its header was
    written leaves one that is not) is removed while we hold the write lock: no writer can own it then."""
    journal = path.with_name(path.name + "-journal")
    if not journal.exists():
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        with contextlib.suppress(OSError):
            journal.unlink()
    finally:
        conn.rollback()


def set_aside(path: Path) -> Path:
    """Move a damaged file out of the way under a new name, with its -journal/-wal/-shm; never delete.

    The companions keep their pairing with the moved file (``X.db.损坏-T-journal``), so SQLite never
    rolls the old journal into whatever file takes the name next.
    """
    path = Path(path)
    target = path.with_name(f"{path.name}.损坏-{now().replace(':', '')}")
    count = 1
    while target.exists():
        count += 1
        target = path.with_name(f"{path.name}.损坏-{now().replace(':', '')}-{count}")
    shutil.move(str(path), str(target))
    for companion in companions(path):
        suffix = companion.name[len(path.name) :]
        with contextlib.suppress(OSError):
            shutil.move(str(companion), str(target.with_name(target.name + suffix)))
    return target
