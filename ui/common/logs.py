"""The log file: stdlib logging into error.log in the data folder, rotated so it never grows without end.

Unexpected errors (with their traceback), warnings and every refused input (the message the clerk saw) go there;
``log`` in each module is ``logging.getLogger(__name__)``.
"""

from __future__ import annotations

import logging
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
        handler = _RotatingLater(log_file)
    except OSError:
        return None  # a read-only data folder must not stop the app
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(min(root.level or level, level) if root.level else level)
    _handlers[key] = handler
    return handler


class _RotatingLater(logging.Handler):
    """A RotatingFileHandler made at the first record, so that logging.handlers (it imports socket, pickle and
    queue: ≈5 ms) is not loaded before the window's first paint; the file is opened then too, as with delay."""

    def __init__(self, path: Path):
        super().__init__()
        self.path = path
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            from logging.handlers import RotatingFileHandler

            self._file = RotatingFileHandler(
                self.path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
            )
            self._file.setFormatter(self.formatter)
        self._file.emit(record)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
        super().close()


def stop_logging(log_file: Path) -> None:
    """Detach and close the handler of *log_file* (tests, or when the data folder changes)."""
    handler = _handlers.pop(str(log_file), None)
    if handler is not None:
        logging.getLogger().removeHandler(handler)
        handler.close()
