"""A long session of clicks does not abort the interpreter (PySide6 6.12.0 drops a reference to None per slot call)."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import ROOT

SESSION = """
import sys
sys.path.insert(0, sys.argv[1])
import ui  # the work-around is applied when the GUI package is imported
from PySide6.QtWidgets import QApplication, QCheckBox, QPushButton
app = QApplication([])
box, button = QCheckBox(), QPushButton()
box.toggled.connect(lambda checked: None)
button.clicked.connect(lambda checked=False: None)
for _ in range(30_000):
    box.toggle()
    button.click()
print("still here")
"""


def test_sixty_thousand_slot_calls_do_not_crash():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", SESSION, str(ROOT)], capture_output=True, text=True, timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "still here"
