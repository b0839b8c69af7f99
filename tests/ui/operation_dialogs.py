"""The clerk and the operation runner's progress dialog: wait until it shows, read it, press 取消.

A verb on the demo file is too quick for the dialog (it shows after 0.5 s), so a test holds one step of
the verb (``Gate.hold``) until the clerk has seen the dialog and acted; the gate then lets the verb go on.
"""

from __future__ import annotations

import functools
import threading

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton


def shown_dialogs() -> list[QProgressDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]


class Gate:
    """Holds a step of a verb (on the worker thread) until the clerk has seen the progress dialog."""

    def __init__(self, press: str | None = "取消", label: str = ""):
        self.press = press
        self.label = label  # only a dialog whose text starts so (another may show first, e.g. reading pages)
        self.opened = threading.Event()
        self.seen: list[tuple[str, str]] = []  # (window title, label) of the dialog when the clerk looked

    def hold(self, function):
        """*function*, which first waits (at most 10 s) for the clerk."""

        @functools.wraps(function)
        def held(*args, **kwargs):
            self.opened.wait(10)
            return function(*args, **kwargs)

        return held

    def watch(self) -> Gate:
        """Look for the dialog every 30 ms; once it shows, note it, press the button and open the gate."""

        def look() -> None:
            dialogs = [d for d in shown_dialogs() if d.labelText().startswith(self.label)]
            if not dialogs:
                QTimer.singleShot(30, look)
                return
            dialog = dialogs[0]
            self.seen.append((dialog.windowTitle(), dialog.labelText()))
            if self.press:
                next(b for b in dialog.findChildren(QPushButton) if b.text() == self.press).click()
            self.opened.set()

        QTimer.singleShot(30, look)
        return self
