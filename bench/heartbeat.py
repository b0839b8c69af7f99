"""The one event-loop heartbeat: a 10 ms timer on the GUI thread whose longest gap is the longest stall.

Used by bench/stalls.py and by tests/ui/common/test_operation.py.  While it beats it also notes whether a
progress dialog was visible (``dialog_seen``), so a bench case can tell that a long action showed one.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QTimer


def progress_dialog_visible() -> bool:
    """True while any QProgressDialog of the application is on screen."""
    from PySide6.QtWidgets import QApplication, QProgressDialog

    return any(isinstance(w, QProgressDialog) and w.isVisible() for w in QApplication.topLevelWidgets())


class Heartbeat:
    """``with Heartbeat() as beat: …`` then ``beat.longest`` (ms) and ``beat.dialog_seen``."""

    def __init__(self, interval_ms: int = 10, watch_dialogs: bool = False):
        self.clock, self.last, self.longest = QElapsedTimer(), 0, 0
        self.watch_dialogs, self.dialog_seen = watch_dialogs, False
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)

    def tick(self) -> None:
        now = self.clock.elapsed()
        self.longest, self.last = max(self.longest, now - self.last), now
        if self.watch_dialogs and not self.dialog_seen:
            self.dialog_seen = progress_dialog_visible()

    def start(self) -> Heartbeat:
        self.clock.start()
        self.last, self.longest, self.dialog_seen = 0, 0, False
        self.timer.start()
        return self

    def stop(self) -> None:
        self.timer.stop()
        self.tick()

    def __enter__(self) -> Heartbeat:
        return self.start()

    def __exit__(self, *_) -> None:
        self.stop()
