"""The store: creation, refusals, migrations, timestamps, history and undo."""

from __future__ import annotations

import os
import sqlite3

import pytest

from models.errors import DatabaseError, SchemaTooNew
from models.store import history, schema
from models.store.opening import open_store


def test_new_file_gets_schema_and_settings(db_path):
    store = open_store(db_path)
    assert store.meta("schema_version") == str(schema.SCHEMA_VERSION)
    assert store.meta("app") == "safety-month-desk"
    assert len(store.office_id) == 36
    assert store.scalar("PRAGMA foreign_keys") == 1
    assert store.scalar("PRAGMA journal_mode") == "delete"
    assert store.scalar("PRAGMA synchronous") == 2  # FULL
    tables = {r["name"] for r in store.rows("SELECT name FROM sqlite_master WHERE type='table'")}
    assert set(schema.TABLES) <= tables
    store.close()


def test_reopening_keeps_office_id(db_path):
    first = open_store(db_path)
    office = first.office_id
    first.close()
    assert open_store(db_path).office_id == office


def test_directory_is_refused(tmp_path):
    with pytest.raises(DatabaseError, match="文件夹"):
        open_store(tmp_path)


def test_missing_folder_is_refused_and_not_created(tmp_path):
    target = tmp_path / "no" / "such" / "desk.db"
    with pytest.raises(DatabaseError, match="文件夹不存在"):
        open_store(target)
    assert not (tmp_path / "no").exists()


def test_non_sqlite_file_is_refused_unchanged(tmp_path):
    target = tmp_path / "notes.db"
    target.write_text("这不是数据库", encoding="utf-8")
    with pytest.raises(DatabaseError, match="不是 SQLite"):
        open_store(target)
    assert target.read_text(encoding="utf-8") == "这不是数据库"


def test_foreign_sqlite_file_is_refused(tmp_path):
    target = tmp_path / "other.db"
    conn = sqlite3.connect(target)
    conn.execute("CREATE TABLE accounts (id)")
    conn.commit()
    conn.close()
    with pytest.raises(DatabaseError, match="不是安全生产月工作台"):
        open_store(target)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write read-only files")
def test_read_only_file_is_refused(db_path):
    open_store(db_path).close()
    db_path.chmod(0o444)
    with pytest.raises(DatabaseError, match="只读"):
        open_store(db_path)


def test_read_only_file_is_refused_even_for_root(db_path, monkeypatch):
    open_store(db_path).close()
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if str(p) == str(db_path) and mode == os.W_OK else real_access(p, mode)
    )
    with pytest.raises(DatabaseError, match="只读"):
        open_store(db_path)
    assert open_store(db_path, readonly=True).readonly


def test_newer_schema_is_refused_and_file_untouched(db_path):
    open_store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
        (schema.MIGRATION_SET, "9999_from_the_future", "2030-01-01"),
    )
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    with pytest.raises(SchemaTooNew, match="更新版本"):
        open_store(db_path)
    assert db_path.read_bytes() == before


def test_damaged_file_is_refused(db_path):
    db_path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 2000)
    with pytest.raises(DatabaseError):
        open_store(db_path)


def test_batch_stamps_and_history(store):
    with store.batch("新建单位") as batch:
        unit_id = batch.insert("units", {"name": "越州镇", "category": "镇/街道"})
    unit = store.get("units", unit_id)
    assert len(unit["id"]) == 36 and unit["created_at"] == unit["updated_at"]
    with store.batch("改名") as batch:
        assert batch.update("units", unit_id, {"name": "越州镇人民政府"})
        assert not batch.update("units", unit_id, {"name": "越州镇人民政府"})
    changes = history.record_history(store, "units", unit_id)
    assert [c["label"] for c in changes] == ["新建单位", "改名"]


def test_batch_rolls_back_wholly_on_error(store):
    with pytest.raises(RuntimeError):
        with store.batch("半途失败") as batch:
            batch.insert("units", {"name": "甲", "category": "企业"})
            raise RuntimeError("disk full")
    assert store.scalar("SELECT count(*) FROM units") == 0
    assert store.scalar("SELECT count(*) FROM batches") == 0


def test_foreign_keys_are_enforced(store):
    with pytest.raises(sqlite3.IntegrityError):
        with store.batch("坏数据") as batch:
            batch.insert("liaisons", {"campaign_id": "nope", "unit_id": "nope", "name": "张三"})


def test_undo_and_redo_in_stack_order(store):
    with store.batch("新建甲") as batch:
        unit_id = batch.insert("units", {"name": "甲", "category": "企业"})
    with store.batch("改名乙") as batch:
        batch.update("units", unit_id, {"name": "乙"})
    assert history.undo(store) == "改名乙"
    assert store.get("units", unit_id)["name"] == "甲"
    assert history.undo(store) == "新建甲"
    assert store.get("units", unit_id) is None
    assert history.undo(store) is None
    assert history.redo(store) == "新建甲"
    assert history.redo(store) == "改名乙"
    assert store.get("units", unit_id)["name"] == "乙"


def test_new_action_drops_redo(store):
    with store.batch("新建甲") as batch:
        batch.insert("units", {"name": "甲", "category": "企业"})
    history.undo(store)
    with store.batch("新建丙") as batch:
        batch.insert("units", {"name": "丙", "category": "企业"})
    assert history.redo(store) is None


def test_undo_restores_blobs(store):
    with store.batch("通知") as batch:
        notice = batch.insert("notices", {"title": "通知"})
        attachment = batch.insert("attachments", {"notice_id": notice, "title": "统计表", "template": b"PK\x03\x04"})
    with store.batch("删除附件") as batch:
        batch.delete("attachments", attachment)
    history.undo(store)
    assert store.get("attachments", attachment)["template"] == b"PK\x03\x04"


def test_older_schema_is_upgraded_after_backup(db_path, monkeypatch):
    store = open_store(db_path)
    store.close()
    extra = ("0002_test_extra", lambda db: db.execute("CREATE TABLE extra_test (id)"))
    monkeypatch.setattr(schema, "STEPS", [*schema.STEPS, extra])
    store = open_store(db_path)
    assert store.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'extra_test'") == 1
    store.close()
    from models.store.backups import folder

    backups = list(folder(store).glob("desk_*_升级前.db"))
    assert len(backups) == 1
    import sqlite3 as raw

    before = raw.connect(backups[0])
    assert before.execute("SELECT count(*) FROM sqlite_master WHERE name = 'extra_test'").fetchone()[0] == 0
    before.close()


def test_many_rows_are_recorded_in_order_and_undone_exactly(store):
    import uuid

    with store.batch("三个单位") as batch:
        batch.write_many("units", [{"name": name, "category": "企业"} for name in ("甲", "乙", "丙")])
    with store.batch("改名与删除") as batch:
        first, second, third = store.rows("SELECT * FROM units ORDER BY name")  # 丙, 乙, 甲
        batch.write_many("units", updates=[(first, {"name": "丁"})], deletes=[second])
    changes = store.rows("SELECT id, seq FROM changes ORDER BY created_at, batch_id, seq")
    assert len({c["id"] for c in changes}) == 5 and all(uuid.UUID(c["id"]).version == 7 for c in changes)
    history.undo(store)
    assert [u["name"] for u in store.rows("SELECT name FROM units ORDER BY name")] == ["丙", "乙", "甲"]
    assert store.get("units", first["id"]) == first and store.get("units", second["id"]) == second
    history.redo(store)
    assert sorted(u["name"] for u in store.rows("SELECT name FROM units")) == sorted(["丁", "甲"])
