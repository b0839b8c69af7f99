"""Start-up steps of the GUI: which database to open, the screenshot mode."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from models.store import Store, open_store
from ui import errors, settings
from ui.paths import default_db_path


def open_initial_store(requested: str | None, *, readonly: bool = False) -> Store | None:
    """The --db file, else the last file used, else the default one.  None if --db fails."""
    if requested:
        try:
            store = open_store(requested, readonly=readonly)
        except Exception as exc:  # noqa: BLE001 - shown, then the app exits non-zero
            errors.show_exception(None, exc)
            return None
        settings.put(settings.LAST_DB, str(Path(requested).resolve()))
        return store
    last = settings.get(settings.LAST_DB)
    if last and Path(last).exists():
        try:
            return open_store(last, readonly=readonly)
        except Exception as exc:  # noqa: BLE001 - fall back to the default file
            errors.show_exception(None, exc)
    try:
        return open_store(default_db_path())
    except Exception as exc:  # noqa: BLE001
        errors.show_exception(None, exc)
        return None


def save_screenshot(app: QApplication, window: QWidget, target: Path) -> int:
    for _ in range(5):
        app.processEvents()
    if not window.grab().save(str(target)):
        print(f"无法保存截图：{target}")
        return 2
    window.close()
    return 0
