"""What a killed run leaves behind, and clearing it at the next start or the next run of the same action.

Every temp file or folder the app makes carries the id of the process that made it: a merge's private
copy (``desk-merge-PID-…`` in the temp folder, 130 MB for a district), a pack's staging folder, and the
hidden ``.NAME.PID.tmp`` beside a backup or a copy on the stick.  One whose process no longer runs is
removed; one of a running process (another window) is left alone.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

TEMP_FOLDER = re.compile(r"^desk-(?:merge|pack)-(?P<pid>\d+)-")
OLD_TEMP_FOLDER = re.compile(r"^desk-(?:merge|pack)-[^0-9]")  # made before folders carried their pid
OLD_AFTER_S = 24 * 3600
TEMP_FILE = re.compile(r"^\..+\.(?P<pid>\d+)\.tmp(?:-journal|-wal|-shm)?$")


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs now (our own always does)."""
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    if os.name == "nt":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        ctypes.windll.kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        ctypes.windll.kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def temp_folder(kind: str) -> Path:
    """A private temp folder for *kind* ('merge', 'pack') that says which process made it."""
    return Path(tempfile.mkdtemp(prefix=f"desk-{kind}-{os.getpid()}-"))


def sweep_temp_folders(root: Path | None = None) -> list[Path]:
    """Remove the merge/pack temp folders of processes that are gone; returns what was removed."""
    root = Path(root or tempfile.gettempdir())
    removed = []
    try:
        entries = list(root.iterdir())
    except OSError:
        return removed
    for entry in entries:
        match = TEMP_FOLDER.match(entry.name)
        if match:
            stale = not pid_alive(int(match["pid"]))
        elif OLD_TEMP_FOLDER.match(entry.name):
            stale = _older_than(entry, OLD_AFTER_S)
        else:
            continue
        if stale and entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry)
    return removed


def sweep_folder(folder: Path) -> list[Path]:
    """Remove the hidden ``.NAME.PID.tmp`` files of gone processes in *folder* (backups, a stick)."""
    removed = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return removed
    for entry in entries:
        match = TEMP_FILE.match(entry.name)
        if match and not pid_alive(int(match["pid"])) and entry.is_file():
            with contextlib.suppress(OSError):
                entry.unlink()
                removed.append(entry)
    return removed


def sweep_for(db: Path, backup_folder_name: str) -> list[Path]:
    """At start: what killed runs left beside *db*, in its backup folder and in the temp folder."""
    db = Path(db)
    return [*sweep_temp_folders(), *sweep_folder(db.parent), *sweep_folder(db.parent / backup_folder_name)]


def _older_than(path: Path, seconds: float) -> bool:
    try:
        return time.time() - path.stat().st_mtime > seconds
    except OSError:
        return False
