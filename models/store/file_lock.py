"""One writer per database file: the lock beside it (``X.db.lock``), taken by the window and the command line alike.

An OS lock on the lock file (``flock``; ``msvcrt.locking`` on Windows): the OS drops it when its process
ends, killed too, so a lock is never stale and never needs clearing by hand.  The file says who holds it
(the process id) and what it does: ``closing`` while a closed window finishes its backup, so that a new
start waits for it a while instead of calling the file open elsewhere.  Within one process a file may be
taken several times (the window, its worker, a reopened store): the OS lock is held until the last
handle is released.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from pathlib import Path

from models.errors import DatabaseError

CLOSING_WAIT_S = 60.0  # a closed window's backup of a city's file takes a few seconds
POLL_S = 0.05
WINDOWS_LOCK_OFFSET = 1 << 20  # Windows locks are mandatory: lock a byte past the text so it stays readable


class FileInUse(DatabaseError):
    """Another process (a window, a command) holds the file for writing."""


def lock_path(db: str | os.PathLike) -> Path:
    return Path(db).with_name(Path(db).name + ".lock")


class _Held:
    def __init__(self, fd: int | None, path: Path):
        self.fd, self.path, self.count = fd, path, 0


_HELD: dict[str, _Held] = {}
_GUARD = threading.Lock()


class FileLock:
    """One handle on a file's lock; :meth:`release` once (again is a no-op)."""

    def __init__(self, key: str):
        self.key = key
        self.released = False

    def set_state(self, state: str) -> None:
        """What the holder does now ('open', 'closing'), read by a start that finds the file held."""
        with _GUARD:
            held = _HELD.get(self.key)
            if held is not None and held.fd is not None:
                _write_state(held.fd, state)

    def release(self) -> None:
        with _GUARD:
            if self.released:
                return
            self.released = True
            held = _HELD.get(self.key)
            if held is None:
                return
            held.count -= 1
            if held.count > 0:
                return
            del _HELD[self.key]
            if held.fd is not None:
                _unlock_and_remove(held)


def take(db: str | os.PathLike, *, wait_s: float = CLOSING_WAIT_S) -> FileLock:
    """The write lock of the database *db*; raises :class:`FileInUse` if another process holds it.

    A holder that is closing (finishing its backup) is waited for up to *wait_s*.  In a folder where no
    lock file can be made (a read-only stick) the handle holds nothing: such a file cannot be written anyway.
    """
    key = str(Path(db).resolve())
    deadline = time.monotonic() + wait_s
    while True:
        with _GUARD:
            held = _HELD.get(key)
            if held is None:
                fd, state = _try_lock(lock_path(key))
                if fd is not False:
                    held = _HELD[key] = _Held(fd, lock_path(key))
            if held is not None:
                held.count += 1
                return FileLock(key)
        if state.startswith("closing") and time.monotonic() < deadline:
            time.sleep(POLL_S)
            continue
        who = state.split()[-1] if state.split() else "?"
        raise FileInUse(
            f"这个数据库正由另一个安全生产月工作台窗口或命令使用（进程 {who}），不能同时修改。"
            "请先关闭那个窗口或等命令结束，或以只读方式打开。",
            str(db),
        )


def _try_lock(path: Path) -> tuple[int | None | bool, str]:
    """(fd, '') when locked by us, (None, '') when no lock can be made here, (False, holder's state) when held."""
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            return None, ""
        if not _os_lock(fd):
            state = _read_state(path)
            os.close(fd)
            return False, state
        try:  # the holder before us may have removed the file after we opened it: lock the one in place
            same = os.path.samestat(os.fstat(fd), os.stat(path))
        except OSError:
            same = False
        if same:
            _write_state(fd, "open")
            return fd, ""
        os.close(fd)


def _os_lock(fd: int) -> bool:
    if os.name == "nt":
        import msvcrt

        os.lseek(fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _write_state(fd: int, state: str) -> None:
    with contextlib.suppress(OSError):
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, f"{state} {os.getpid()}\n".encode())


def _read_state(path: Path) -> str:
    try:
        with open(path, encoding="ascii", errors="replace") as handle:
            return handle.read(64).strip()
    except OSError:
        return ""


def _unlock_and_remove(held: _Held) -> None:
    if os.name == "nt":  # an open file cannot be removed: close first; a newcomer's open makes the removal fail
        with contextlib.suppress(OSError):
            import msvcrt

            os.lseek(held.fd, WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(held.fd, msvcrt.LK_UNLCK, 1)
        os.close(held.fd)
        with contextlib.suppress(OSError):
            held.path.unlink()
        return
    with contextlib.suppress(OSError):  # removed while still locked: a newcomer then locks a file of its own
        held.path.unlink()
    os.close(held.fd)
