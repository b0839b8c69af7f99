"""Opening the database for the app and the command line: the file's write lock (``file_lock``), the file
(``database.open_file``), upgraded only after a backup.

Above ``database``, ``copies`` and ``backups``, so that the file layer knows nothing of backups.
"""

from __future__ import annotations

import os

from models.store import file_lock
from models.store.database import Store, open_file


def _backup_first(store: Store) -> None:
    from models.store.backups import make_backup  # listed with the others in 备份与恢复; not read at start-up

    make_backup(store, "升级前", thin_after=False)


def open_store(path: str | os.PathLike, *, readonly: bool = False, office_name: str | None = None) -> Store:
    """Open (or create) the database at *path*, upgrading an older schema after a backup.

    A read-write open holds the file's lock until ``store.close()``: another process (a window, a command)
    that holds it makes this raise :class:`file_lock.FileInUse`, changing nothing.
    """
    lock = None if readonly else file_lock.take(path)
    try:
        store = open_file(path, readonly=readonly, office_name=office_name, before_upgrade=_backup_first)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    store.lock = lock
    return store
