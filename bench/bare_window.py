"""The start-up baseline: a bare PySide6 main window, painted once, then saved as PNG like the app's screenshot.

Writes ``painted <epoch seconds>`` to the file named by DESK_STARTUP_TIMES once the first paint is done,
exactly as the app does (ui/startup.report_startup_times), so both are timed from the same moments.
"""

import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def stamp() -> None:
    with open(os.environ["DESK_STARTUP_TIMES"], "a", encoding="utf-8") as out:
        out.write(f"painted {time.time():.6f}\n")


class Window(QMainWindow):
    pending = True

    def paintEvent(self, event):  # noqa: N802 - Qt override
        super().paintEvent(event)
        if self.pending:
            self.pending = False
            QTimer.singleShot(0, stamp)  # once this paint is done, as in the app


app = QApplication(sys.argv)
window = Window()
window.resize(1200, 760)
window.show()
for _ in range(5):
    app.processEvents()
window.grab().save(sys.argv[1])
