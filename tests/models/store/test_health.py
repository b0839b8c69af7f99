"""The start-up check (models.store.health) on files damaged in the places that decide whose file it is."""

from __future__ import annotations

import sqlite3

import pytest

from models.errors import DatabaseError
from models.store import health


def _page_of(path, table: str) -> tuple[int, int]:
    conn = sqlite3.connect(path)
    try:
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    finally:
        conn.close()
    return root, size


@pytest.mark.parametrize("fill", [b"\x00", b"\xff"])
def test_our_file_with_its_migrations_page_destroyed_is_damaged_not_foreign(demo_path, fill):
    root, size = _page_of(demo_path, "_sqlite_migrations")
    data = bytearray(demo_path.read_bytes())
    data[(root - 1) * size : root * size] = fill * size
    demo_path.write_bytes(bytes(data))
    assert health.examine(demo_path) == health.DAMAGED


def test_sound_file_is_sound_and_a_foreign_one_refused(demo_path, tmp_path):
    assert health.examine(demo_path) == health.SOUND
    assert health.examine(demo_path, health.file_stamp(demo_path)) == health.SOUND
    foreign = tmp_path / "other.db"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="不是安全生产月工作台的数据库"):
        health.examine(foreign)
    text = tmp_path / "text.db"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(DatabaseError, match="不是本程序的数据库文件"):
        health.examine(text)
