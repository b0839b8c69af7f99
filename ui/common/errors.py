"""Turning errors into plain Chinese messages; the excepthook that logs the unexpected ones."""

from __future__ import annotations

import logging
import sqlite3
import sys
import threading
import traceback
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from models.errors import DeskError
from models.store import faults
from ui.common import msgbox

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


def show_exception(parent: QWidget | None, exc: BaseException) -> None:
    """Show an error of the core as a message; anything else as an unexpected fault."""
    if isinstance(exc, DeskError):
        msgbox.warning(parent, tr("操作未完成"), str(exc))
    elif isinstance(exc, (OSError, sqlite3.Error)):  # locked, disk full, read-only … in plain words
        log.info("file operation failed: %r", exc)  # the errno behind the message msgbox logs
        msgbox.warning(parent, tr("文件操作失败"), str(faults.as_desk_error(exc)))
    else:
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
        msgbox.critical(
            parent,
            tr("程序出错"),
            tr("发生了意外错误，操作未完成，数据未被修改。"),
            "".join(traceback.format_exception(exc)),
        )


def install_excepthook(log_file: Path) -> None:
    """Log to *log_file* (rotating, ui/common/logs.py) and show a plain message instead of a traceback; a
    background thread's unexpected error is logged (it has no window to show it in)."""
    from ui.common.logs import setup_logging

    setup_logging(log_file)

    def hook(kind, value, tb):
        text = "".join(traceback.format_exception(kind, value, tb))
        if isinstance(value, (DeskError, OSError, sqlite3.Error)):
            show_exception(QApplication.activeWindow(), value)
            return
        log.error("unexpected error", exc_info=(kind, value, tb))
        msgbox.critical(
            QApplication.activeWindow(),
            tr("程序出错"),
            tr("发生了意外错误，已记录到日志文件：")
            + f"\n{log_file}\n"
            + tr("最近一次操作可能未完成，已保存的数据不受影响。"),
            text,
        )

    def thread_hook(args) -> None:  # a background thread's fault: logged, never printed on a console
        if args.exc_type is not SystemExit:
            fault = (args.exc_type, args.exc_value, args.exc_traceback)
            log.error("unexpected error in thread %s", getattr(args.thread, "name", "?"), exc_info=fault)

    sys.excepthook = hook
    threading.excepthook = thread_hook
