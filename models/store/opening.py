"""Opening the database for the app: the file (``database.open_file``), upgraded only after a backup.

Above ``database``, ``copies`` and ``backups``, so that the file layer knows nothing of backups.
"""

from __future__ import annotations

import os

from models.store.database import Store, open_file


def _backup_first(store: Store) -> None:
    from models.store.backups import make_backup  # listed with the others in 备份与恢复; not read at start-up

    make_backup(store, "升级前", thin_after=False)


def open_store(path: str | os.PathLike, *, readonly: bool = False, office_name: str | None = None) -> Store:
    """Open (or create) the database at *path*, upgrading an older schema after a backup."""
    return open_file(path, readonly=readonly, office_name=office_name, before_upgrade=_backup_first)
