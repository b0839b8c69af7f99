"""The log file: stdlib logging into error.log in the data folder, rotated so it never grows without end.

Unexpected errors (with their traceback), warnings and every refused input (the message the clerk saw) go there;
``log`` in each module is ``logging.getLogger(__name__)``.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

MAX_BYTES = 1024 * 1024  # 1 MB per file
BACKUPS = 3  # error.log.1 … error.log.3 are kept, older text is dropped
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

_handlers: dict[str, logging.Handler] = {}


def setup_logging(log_file: Path, level: int = logging.INFO) -> logging.Handler | None:
    """Send the app's log to *log_file* (rotating); once per file. None if the folder cannot be written."""
    key = str(log_file)
    if key in _handlers:
        return _handlers[key]
    try:
        Path(log_file).parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(log_file, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True)
    except OSError:
        return None  # a read-only data folder must not stop the app
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level) if root.level else level)
    _handlers[key] = handler
    return handler


def stop_logging(log_file: Path) -> None:
    """Detach and close the handler of *log_file* (tests, or when the data folder changes)."""
    handler = _handlers.pop(str(log_file), None)
    if handler is not None:
        logging.getLogger().removeHandler(handler)
        handler.close()
