"""Shared helpers for the file-exchange tests: a second office's copy of the demo database."""

from __future__ import annotations

import shutil
from pathlib import Path

from models.store.opening import open_store


def other_office(source: Path, target: Path, office_id: str = "town-b", name: str = "城关镇安委办"):
    """A copy of *source* that now belongs to another office (as if carried there and worked on)."""
    shutil.copy(source, target)
    store = open_store(target)
    store.set_meta("office_id", office_id)
    store.set_meta("office_name", name)
    return store


def first_figure(store) -> str:
    return store.scalar("SELECT id FROM figures ORDER BY id LIMIT 1")


def value(store, figure_id: str):
    return store.scalar("SELECT value FROM figures WHERE id = ?", (figure_id,))


def town_file_with_one_change(demo_path: Path, target: Path, new_value=4321) -> str:
    """A town's copy of the demo file at *target* in which the town changed one figure; returns that figure's id."""
    town = other_office(demo_path, target)
    figure_id = first_figure(town)
    with town.batch("镇里填报") as batch:
        batch.update("figures", figure_id, {"value": new_value})
    town.close()
    return figure_id
