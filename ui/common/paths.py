"""Where the user's files go: the data folder (QStandardPaths), or portable beside the exe."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths

DEFAULT_DB_NAME = "安全生产月工作台.db"


def portable_dir() -> Path | None:
    """A writable ``data`` folder next to the frozen executable means portable mode."""
    if not getattr(sys, "frozen", False):
        return None
    folder = Path(sys.executable).resolve().parent / "data"
    return folder if folder.is_dir() and os.access(folder, os.W_OK) else None


def user_data_dir() -> Path:
    folder = portable_dir() or Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def default_db_path() -> Path:
    return user_data_dir() / DEFAULT_DB_NAME


def log_path() -> Path:
    return user_data_dir() / "error.log"
