"""Writes held while the whole-file check runs after the first paint; refused for good if the file is damaged.

The window shows and reads at once; the check reads the file on a read-only connection of its own.  Any
write of the file in this process (the window's store, a worker's own connection) passes
:func:`wait_until_allowed` at the start of its transaction: it waits for the check, a short while on the
GUI thread (the window must keep answering) and long on a worker, then is told plainly, changing nothing.
"""

from __future__ import annotations

import threading
from pathlib import Path

from models.errors import DatabaseError

GUI_WAIT_S = 2.0
WORKER_WAIT_S = 120.0
CHECKING = "正在检查数据库文件是否完好（打开后的例行检查，大文件需要几秒钟），请稍候再试。这次修改没有保存。"


class _Hold:
    def __init__(self) -> None:
        self.done = threading.Event()
        self.refusal: str | None = None


_HOLDS: dict[str, _Hold] = {}


def _key(path) -> str:
    return str(Path(path).resolve())


def hold(path) -> None:
    """Hold every write of the file at *path* until :func:`release` or :func:`refuse`."""
    _HOLDS[_key(path)] = _Hold()


def release(path) -> None:
    """The check passed: writes go on (those waiting, at once)."""
    found = _HOLDS.pop(_key(path), None)
    if found is not None:
        found.done.set()


def refuse(path, message: str) -> None:
    """The file must not be written at all (damaged): every write is refused with *message*."""
    found = _HOLDS.setdefault(_key(path), _Hold())
    found.refusal = message
    found.done.set()


def held(path) -> bool:
    found = _HOLDS.get(_key(path)) if _HOLDS else None
    return found is not None and (found.refusal is not None or not found.done.is_set())


def wait_until_allowed(path) -> None:
    """Return when the file may be written; raise DatabaseError (nothing written) while held or refused."""
    if not _HOLDS or path is None:
        return
    found = _HOLDS.get(_key(path))
    if found is None:
        return
    wait = GUI_WAIT_S if threading.current_thread() is threading.main_thread() else WORKER_WAIT_S
    if not found.done.wait(wait):
        raise DatabaseError(CHECKING, str(path))
    if found.refusal is not None:
        raise DatabaseError(found.refusal, str(path))
