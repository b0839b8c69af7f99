"""Hostile or broken files offered for merge are refused with a clear message; nothing changes."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from models.errors import ImportRejected
from models.exchange import checks as merge_check
from models.exchange import merge


@pytest.fixture
def incoming(demo_path, tmp_path):
    target = tmp_path / "来件.db"
    shutil.copy(demo_path, target)
    conn = sqlite3.connect(target)
    conn.execute("UPDATE meta SET value = 'other-office' WHERE key = 'office_id'")
    conn.commit()
    conn.close()
    return target


def _refused(store, path, pattern):
    before = store.scalar("SELECT count(*) FROM changes"), store.scalar("SELECT count(*) FROM figures")
    with pytest.raises(ImportRejected, match=pattern) as info:
        merge.merge(store, path)
    assert "本机数据未改动" in str(info.value)
    assert (store.scalar("SELECT count(*) FROM changes"), store.scalar("SELECT count(*) FROM figures")) == before
    assert store.conn.execute("PRAGMA database_list").fetchall()[-1][1] != "inc"


def test_not_sqlite(demo_store, tmp_path):
    bad = tmp_path / "通知.db"
    bad.write_text("这不是数据库", encoding="utf-8")
    _refused(demo_store, bad, "不是 SQLite")


def test_truncated(demo_store, incoming):
    data = incoming.read_bytes()
    incoming.write_bytes(data[: len(data) // 3])
    _refused(demo_store, incoming, "损坏|完整性")


def test_bit_flipped_pages(demo_store, incoming):
    data = bytearray(incoming.read_bytes())
    page = 4096
    for offset in range(3 * page + 100, len(data), 7 * page):
        data[offset] ^= 0xFF
        data[offset + 1] ^= 0x5A
    incoming.write_bytes(bytes(data))
    _refused(demo_store, incoming, "损坏|完整性")


@pytest.mark.parametrize(
    "ddl",
    [
        "CREATE VIEW v AS SELECT load_extension('evil')",
        "CREATE TRIGGER t AFTER INSERT ON units BEGIN SELECT load_extension('evil'); END",
    ],
)
def test_view_or_trigger_calling_a_function(demo_store, incoming, ddl):
    conn = sqlite3.connect(incoming)
    conn.execute(ddl)
    conn.commit()
    conn.close()
    _refused(demo_store, incoming, "触发器或视图")


def test_unknown_table(demo_store, incoming):
    conn = sqlite3.connect(incoming)
    conn.execute("CREATE TABLE payload (x)")
    conn.commit()
    conn.close()
    _refused(demo_store, incoming, "不认识的表")


def test_20_mb_text_cell(demo_store, incoming):
    conn = sqlite3.connect(incoming)
    conn.execute("UPDATE notices SET body = ? WHERE rowid = (SELECT min(rowid) FROM notices)", ("安" * (7 * 1024**2),))
    conn.commit()
    conn.close()
    assert incoming.stat().st_size > 20 * 1024**2
    _refused(demo_store, incoming, "超大的内容")


def test_newer_schema(demo_store, incoming):
    conn = sqlite3.connect(incoming)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('safety_month_desk', '0099_future', 'x')"
    )
    conn.commit()
    conn.close()
    _refused(demo_store, incoming, "更新版本")


def test_file_too_large(demo_store, incoming, monkeypatch):
    monkeypatch.setattr(merge_check, "MAX_FILE_BYTES", 1000)
    _refused(demo_store, incoming, "文件过大")


def test_plain_sqlite_of_someone_else(demo_store, tmp_path):
    other = tmp_path / "别人的.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE meta (key, value)")
    conn.commit()
    conn.close()
    _refused(demo_store, other, "不是安全生产月工作台")


def test_missing_file(demo_store, tmp_path):
    _refused(demo_store, tmp_path / "没有.db", "找不到")


def test_original_is_never_modified(demo_store, incoming):
    before = incoming.read_bytes()
    merge.merge(demo_store, incoming)
    assert incoming.read_bytes() == before


def test_history_index_that_does_not_match_its_table(demo_store, incoming):
    """The change history is read through its indexes: one that lies (quick_check cannot see it) is refused."""
    conn = sqlite3.connect(incoming)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "UPDATE sqlite_master SET sql = 'CREATE INDEX changes_record ON changes(record_id, table_name)'"
        " WHERE name = 'changes_record'"
    )
    conn.commit()
    conn.close()
    check = sqlite3.connect(incoming)
    assert check.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    check.close()
    _refused(demo_store, incoming, "完整性")
