"""Plain Chinese words for the faults of files and SQLite: locked, disk full, read-only, damaged, I/O.

One place turns a ``sqlite3.Error`` or an ``OSError`` into a sentence a clerk understands, so that no
command or dialog shows "database is locked" or a traceback, and a locked or full disk is never
called "damaged".
"""

from __future__ import annotations

import errno
import sqlite3

from models.errors import DatabaseError, DeskError

# SQLite's primary result codes (the low byte of an extended code).
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR = 5, 6, 8, 10
SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 11, 13, 14, 26

LOCKED = (
    "数据库文件正被其他程序占用（已锁定），例如另一个程序正在写入、同步盘或杀毒软件正在读取。"
    "请关闭该程序后再试；文件未被修改。"
)
DISK_FULL = "磁盘已满，操作未完成，数据保持操作之前的样子。请腾出磁盘空间后再试。"
READ_ONLY = "文件或所在文件夹是只读的，无法写入。请复制到本机可写的文件夹后再打开，或以只读方式打开。"
DAMAGED = "数据库文件已损坏"
IO_ERROR = "读写文件时出错（磁盘或 U 盘可能有问题、已拔出）。操作未完成。"
CANT_OPEN = "无法打开数据库文件（文件夹不存在、没有权限或路径过长）。"


def kind(exc: BaseException) -> str:
    """'locked', 'full', 'readonly', 'damaged', 'io', 'cantopen' or 'other' for a sqlite3 or OS error."""
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        text = str(exc).lower()
        primary = code & 0xFF if isinstance(code, int) else None
        if primary in (SQLITE_BUSY, SQLITE_LOCKED) or "locked" in text or "busy" in text:
            return "locked"
        if primary == SQLITE_FULL or "disk is full" in text or "disk full" in text:
            return "full"
        if primary == SQLITE_READONLY or "readonly" in text or "read-only" in text:
            return "readonly"
        if primary in (SQLITE_CORRUPT, SQLITE_NOTADB) or "malformed" in text or "not a database" in text:
            return "damaged"
        if primary == SQLITE_IOERR or "disk i/o" in text:
            return "io"
        if primary == SQLITE_CANTOPEN or "unable to open" in text:
            return "cantopen"
        return "other"
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
            return "full"
        if exc.errno == errno.EROFS or isinstance(exc, PermissionError):
            return "readonly"
        return "io"
    return "other"


def explain(exc: BaseException) -> str:
    """The sentence for *exc*; a damaged file keeps SQLite's own reason in brackets."""
    found = kind(exc)
    if found == "locked":
        return LOCKED
    if found == "full":
        return DISK_FULL
    if found == "readonly":
        if isinstance(exc, PermissionError):
            return "没有写入权限或文件正被其他程序占用，操作未完成，文件未被修改。"
        return READ_ONLY
    if found == "damaged":
        return f"{DAMAGED}（{exc}）。"
    if found == "cantopen":
        return CANT_OPEN
    if found == "io":
        reason = getattr(exc, "strerror", None) or str(exc)
        return f"{IO_ERROR}（{reason}）" if isinstance(exc, OSError) else IO_ERROR
    return f"操作未完成（{exc}），数据保持操作之前的样子。"


def as_desk_error(exc: BaseException, where: str | None = None) -> DeskError:
    """A DeskError for any error (a DeskError stays as it is)."""
    if isinstance(exc, DeskError):
        return exc
    where = where or getattr(exc, "filename", None)
    return DatabaseError(explain(exc), str(where) if where else None)
