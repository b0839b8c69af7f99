"""Writing a document safely: a temp file in the target's folder, then replace; the old file stays on failure."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from models.errors import DeskError


class PdfWriteError(DeskError):
    """The PDF (or xlsx) cannot be written where the clerk asked (read-only stick, file open elsewhere)."""


def write_atomically(out: str | os.PathLike, write: Callable[[str], None], suffix: str = ".pdf") -> Path:
    target = Path(out)
    kind = suffix.lstrip(".").upper()
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise PdfWriteError("保存位置的文件夹不存在，请换一个位置。", str(target))
    try:
        handle, temp = tempfile.mkstemp(prefix=".~", suffix=f"{suffix}.tmp", dir=folder)
        os.close(handle)
    except OSError as exc:
        raise PdfWriteError(
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
        raise PdfWriteError(
            f"无法保存 {kind}（{exc.strerror or exc}）：文件可能正被其他程序打开，或位置是只读的。"
            "请关闭该文件或换一个位置后重试。原文件未改动。",
            str(target),
        ) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(temp)
        raise
    return target
