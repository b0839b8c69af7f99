"""Writing an exported file (PDF, xlsx) safely: a temp file beside the target, on the disk, then replace.

The old file stays as it was on any failure, and the temp file is removed.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from models.errors import DeskError
from models.store import faults


class WriteError(DeskError):
    """The file cannot be written where the clerk asked (read-only stick, file open in Excel/WPS, disk full)."""


def write_atomically(out: str | os.PathLike, write: Callable[[str], None]) -> Path:
    """Call ``write(temp_path)`` for a temp file beside *out*, fsync it, then move it into place."""
    target = Path(out)
    kind = target.suffix.lstrip(".").upper() or "文件"
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise WriteError("保存位置的文件夹不存在，请换一个位置。", str(target))
    try:
        handle, temp = tempfile.mkstemp(prefix=".~", suffix=f"{target.suffix}.tmp", dir=folder)
        os.close(handle)
    except OSError as exc:
        raise WriteError(
            f"无法在这个文件夹中写入文件（{exc.strerror or exc}）：可能是只读的U盘或没有写入权限。原文件未改动。",
            str(target),
        ) from exc
    try:
        write(temp)
        with open(temp, "rb") as written:  # on the disk before it replaces the old file (USB sticks get pulled)
            os.fsync(written.fileno())
        os.replace(temp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.remove(temp)
        if faults.kind(exc) == "full":
            raise WriteError(
                f"无法保存 {kind}：磁盘已满。请腾出空间或换一个位置后重试。原文件未改动。", str(target)
            ) from exc
        raise WriteError(
            f"无法保存 {kind}（{exc.strerror or exc}）：文件可能正被其他程序打开（如 Excel、WPS），"
            "或磁盘已满、位置是只读的。请关闭该文件或换一个位置后重试。原文件未改动。",
            str(target),
        ) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(temp)
        raise
    return target
