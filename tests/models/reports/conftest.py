"""The large district of the benchmark (300 units, 30 indicators), built once per session, copied per test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

_LARGE: dict[str, Path] = {}


@pytest.fixture
def large_store(tmp_path, tmp_path_factory):
    from bench.make_fixture import make_fixture
    from models.store.opening import open_store

    if "large" not in _LARGE:
        _LARGE["large"] = make_fixture(tmp_path_factory.mktemp("large") / "large.db", units=300)
    target = tmp_path / "large.db"
    shutil.copy(_LARGE["large"], target)
    opened = open_store(target)
    yield opened
    opened.close()
