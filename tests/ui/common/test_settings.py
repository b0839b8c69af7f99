"""Settings over a real .ini file: what put() saves, when it reaches the disk, and what it never rewrites."""

from __future__ import annotations

from pathlib import Path

import pytest

from ui.common import settings


@pytest.fixture
def ini(qapp) -> Path:
    settings._OPEN.clear()  # a fresh QSettings over the test's own file (ui/conftest.py)
    yield Path(settings.settings_file())
    settings.write_held()
    settings._OPEN.clear()


def _saved(ini: Path) -> str:
    return ini.read_text(encoding="utf-8") if ini.exists() else ""


def test_a_value_put_is_on_disk_at_once(ini):
    settings.put(settings.LAST_DB, "/data/区应急局.db")
    assert "last_db=/data/" in _saved(ini)
    assert settings.get(settings.LAST_DB) == "/data/区应急局.db"


def test_values_held_at_start_are_read_back_at_once_and_written_together_after(ini):
    settings.hold_writes()
    settings.put(settings.LAST_DB, "/data/区应急局.db")
    settings.put(settings.RECENT_DBS, ["/data/区应急局.db"])
    settings.put(settings.LAST_CAMPAIGN_YEAR, 2025)
    assert settings.get(settings.LAST_DB) == "/data/区应急局.db"
    assert settings.get(settings.RECENT_DBS) == ["/data/区应急局.db"]
    assert settings.get(settings.LAST_CAMPAIGN_YEAR) == 2025
    assert "last_db" not in _saved(ini)  # nothing written before the first paint
    settings.write_held()
    saved = _saved(ini)
    assert "last_db=/data/" in saved and "recent=/data/" in saved and "last_campaign_year=2025" in saved
    settings.put(settings.LAST_CAMPAIGN_YEAR, 2026)  # saved at once again
    assert "last_campaign_year=2026" in _saved(ini)


def test_an_unchanged_one_file_recent_list_is_not_rewritten(ini):
    settings.put(settings.RECENT_DBS, ["/data/区应急局.db"])  # an .ini gives a one-item list back as its item
    settings._OPEN.clear()  # as the next start reads it
    written = ini.stat().st_ino  # a sync writes a new file and renames it over the old one
    settings.put(settings.RECENT_DBS, ["/data/区应急局.db"])
    assert ini.stat().st_ino == written
    settings.put(settings.RECENT_DBS, ["/data/镇.db", "/data/区应急局.db"])
    assert ini.stat().st_ino != written
    assert settings.get(settings.RECENT_DBS) == ["/data/镇.db", "/data/区应急局.db"]
