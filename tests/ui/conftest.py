"""GUI fixtures: the main window on a real database, message boxes that never block."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QStandardPaths

from ui.common import msgbox, settings


@pytest.fixture(autouse=True)
def _quiet_dialogs(monkeypatch, tmp_path):
    QStandardPaths.setTestModeEnabled(True)
    monkeypatch.setattr(settings, "INI_FILE", str(tmp_path / "settings.ini"))
    monkeypatch.setattr(msgbox, "ANSWERS", [])
    monkeypatch.setattr(msgbox, "SHOWN", [])
    yield
    from ui.shell import startup

    startup.finish_closing()  # the close-time backups of this test's windows, as the process does before it exits
    from ui.common import operation

    operation.stop_collecting()  # a test that made the application (create_application) leaves Python's collector


@pytest.fixture
def window(qtbot, demo_store):
    from ui.shell.main_window import MainWindow

    win = MainWindow(demo_store)
    qtbot.addWidget(win)
    win.show()
    return win
