"""When a returned form arrived: the time the unit last saved it (the xlsx's own 修改时间), else the file's time.

A file saved from an e-mail gets the download time as its file time, days after the unit sent it; the workbook's
document properties keep when the unit saved it, which is what lateness is judged by (the clerk can type another).
"""

from __future__ import annotations

import re
import zipfile
from datetime import datetime
from pathlib import Path

_MODIFIED = re.compile(rb"<dcterms:modified[^>]*>([^<]+)</dcterms:modified>")
_MAX_CORE_BYTES = 64 * 1024


def _local(moment: datetime) -> str:
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return moment.isoformat(timespec="seconds")


def workbook_saved_at(path: Path) -> str | None:
    """docProps/core.xml's modified time (UTC in the file) as local ISO time; None when absent or unreadable."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("docProps/core.xml")
            if info.file_size > _MAX_CORE_BYTES:
                return None
            core = archive.read(info)
    except (KeyError, OSError, zipfile.BadZipFile, RuntimeError):
        return None
    return core_saved_at(core)


def core_saved_at(core: bytes | None) -> str | None:
    """The modified time in the bytes of a docProps/core.xml (a reader that has unpacked it already)."""
    if not core or len(core) > _MAX_CORE_BYTES:
        return None
    found = _MODIFIED.search(core)
    if not found:
        return None
    try:
        return _local(datetime.fromisoformat(found.group(1).decode("ascii").strip().replace("Z", "+00:00")))
    except ValueError:
        return None


def file_received_at(path: str | Path, now: str | None = None) -> str | None:
    """When the form was sent back: the workbook's saved time if it is not in the future, else the file's time."""
    path = Path(path)
    saved = workbook_saved_at(path) if path.suffix.lower() in (".xlsx", ".xlsm") else None
    return received_at(path, saved, now)


def received_at(path: str | Path, saved: str | None, now: str | None = None) -> str | None:
    """:func:`file_received_at` given the workbook's saved time (None: it has none)."""
    from models.clock import now as clock_now

    latest = now or clock_now()
    if saved and saved <= latest:
        return saved
    try:
        stamp = _local(datetime.fromtimestamp(Path(path).stat().st_mtime))
    except OSError:
        return None
    return stamp if stamp <= latest else None
