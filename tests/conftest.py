"""Shared fixtures: a real SQLite file per test, the demo database, Qt offscreen."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.demo import load_demo  # noqa: E402
from models.store.opening import open_store  # noqa: E402

_DEMO_CACHE: dict[str, Path] = {}


def _find_libreoffice() -> str | None:
    return shutil.which("libreoffice") or shutil.which("soffice")


@pytest.fixture
def libreoffice() -> str:
    """The LibreOffice program, for tests that let a real spreadsheet recalculate a file; skipped without it."""
    found = _find_libreoffice()
    if found is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui)")
    return found


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "desk.db"


@pytest.fixture
def store(db_path: Path):
    opened = open_store(db_path)
    yield opened
    opened.close()


@pytest.fixture
def demo_path(tmp_path: Path, tmp_path_factory) -> Path:
    """A fresh copy of the demo database (built once per session)."""
    if "demo" not in _DEMO_CACHE:
        built = tmp_path_factory.mktemp("demo") / "demo.db"
        made = open_store(built)
        load_demo(made)
        made.close()
        _DEMO_CACHE["demo"] = built
    target = tmp_path / "demo.db"
    shutil.copy(_DEMO_CACHE["demo"], target)
    return target


@pytest.fixture
def demo_store(demo_path: Path):
    opened = open_store(demo_path)
    yield opened
    opened.close()


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory, monkeypatch):
    """Qt settings and the user data folder in a temp dir, never the developer's own."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("APPDATA", str(home / "AppData"))
