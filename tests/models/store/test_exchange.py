"""Save a copy for USB: consistent, verified, manifest inside, old target intact on failure."""

from __future__ import annotations

import os
import shutil
import sqlite3

import pytest

from models.errors import DatabaseError
from models.store import copies as exchange
from models.store.opening import open_store


def test_pack_writes_a_checked_copy_with_manifest(demo_store, tmp_path):
    out = tmp_path / "给区里的副本.db"
    info = exchange.pack(demo_store, out)
    assert info["counts"]["figures"] == demo_store.scalar("SELECT count(*) FROM figures")
    assert exchange.read_manifest(out)["office_id"] == demo_store.office_id
    copy = open_store(out, readonly=True)
    assert copy.scalar("SELECT count(*) FROM figures") == info["counts"]["figures"]
    assert copy.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    copy.close()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_pack_refuses_to_overwrite_the_open_file(demo_store, demo_path):
    with pytest.raises(DatabaseError, match="正在使用"):
        exchange.pack(demo_store, demo_path)


def test_pack_into_missing_folder_says_so(demo_store, tmp_path):
    with pytest.raises(DatabaseError, match="文件夹不存在"):
        exchange.pack(demo_store, tmp_path / "U盘" / "x.db")


def test_chinese_path_with_spaces_and_long_path(demo_store, tmp_path):
    deep = ("很长的文件夹名称" * 6, ("long folder name " * 5).strip(), "第二层 " * 8)
    folder = tmp_path.joinpath("安委办 文件 夹", *deep)
    folder.mkdir(parents=True)
    out = folder / ("二〇二一年 安全生产月 副本 " * 3 + ".db")
    assert len(str(out)) > 260
    exchange.pack(demo_store, out)
    short = tmp_path / "check.db"  # SQLite itself cannot open paths this long; the copy is read back here
    shutil.copyfile(out, short)
    assert exchange.read_manifest(short)["counts"]["units"] > 0
    assert [p.name for p in folder.iterdir()] == [out.name]


def _old_target(tmp_path):
    out = tmp_path / "副本.db"
    out.write_bytes(b"old copy that must survive")
    return out


@pytest.mark.parametrize("step", ["replace", "fsync", "open"])
def test_oserror_at_each_step_leaves_old_target(demo_store, tmp_path, monkeypatch, step):
    out = _old_target(tmp_path)

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    if step == "replace":
        monkeypatch.setattr(exchange.os, "replace", fail)
    elif step == "fsync":
        monkeypatch.setattr(exchange.os, "fsync", fail)
    else:
        monkeypatch.setattr(exchange, "open", fail, raising=False)
    with pytest.raises(DatabaseError, match="磁盘已满.*原有文件未改动"):
        exchange.pack(demo_store, out)
    assert out.read_bytes() == b"old copy that must survive"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.db", "demo.db.lock", "副本.db"]  # the lock: open


def test_oserror_while_writing_the_snapshot(demo_store, tmp_path, monkeypatch):
    out = _old_target(tmp_path)
    real_connect = sqlite3.connect

    def connect(name, *args, **kwargs):
        if str(name).endswith(".tmp"):
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(name, *args, **kwargs)

    monkeypatch.setattr(exchange.sqlite3, "connect", connect)
    with pytest.raises(DatabaseError, match="无法保存副本"):
        exchange.pack(demo_store, out)
    assert out.read_bytes() == b"old copy that must survive"


def test_busy_target_is_retried_then_replaced(demo_store, tmp_path, monkeypatch):
    out = _old_target(tmp_path)
    real_replace = os.replace
    calls = []

    def busy_twice(src, dst):
        calls.append(dst)
        if len(calls) <= 2:
            raise PermissionError(13, "The process cannot access the file")
        real_replace(src, dst)

    monkeypatch.setattr(exchange.os, "replace", busy_twice)
    monkeypatch.setattr(exchange, "REPLACE_FIRST_WAIT", 0.001)
    exchange.pack(demo_store, out)
    assert len(calls) == 3
    assert exchange.read_manifest(out) is not None


def test_read_only_target_folder(demo_store, tmp_path, monkeypatch):
    """Tests run as root, where chmod does not bite: the OS refusal is simulated."""
    out = _old_target(tmp_path)
    real_connect = sqlite3.connect

    def refuse(name, *args, **kwargs):
        if str(name).endswith(".tmp"):
            raise PermissionError(13, "Permission denied", str(name))
        return real_connect(name, *args, **kwargs)

    monkeypatch.setattr(exchange.sqlite3, "connect", refuse)
    with pytest.raises(DatabaseError, match="没有写入权限"):
        exchange.pack(demo_store, out)
    assert out.read_bytes() == b"old copy that must survive"


def test_pack_command(demo_path, tmp_path, capsys):
    from models.cli import run

    out = tmp_path / "out.db"
    assert run(["pack", "--db", str(demo_path), "--out", str(out)]) == 0
    assert "已保存副本" in capsys.readouterr().out
    assert run(["pack", "--db", str(demo_path), "--out", str(tmp_path / "无此文件夹" / "x.db")]) == 2
    assert "文件夹不存在" in capsys.readouterr().err


def _another_writer(path, sql: str) -> str:
    """Another program's write to the file, at once (no waiting): "committed", or SQLite's refusal."""
    other = sqlite3.connect(path, timeout=0)
    try:
        other.execute(sql)
        other.commit()
        return "committed"
    except sqlite3.OperationalError as exc:
        return str(exc)
    finally:
        other.close()


def test_no_other_writer_can_commit_while_the_file_is_copied(demo_store, tmp_path, monkeypatch):
    """The copy is the file's bytes taken under SQLite's shared lock: the file cannot change meanwhile."""
    attempts = []
    real_copy = exchange.copy_bytes

    def copy_while_someone_writes(source, target, **options):
        attempts.append(_another_writer(demo_store.path, "UPDATE meta SET value = value WHERE key = 'office_id'"))
        return real_copy(source, target, **options)

    monkeypatch.setattr(exchange, "copy_bytes", copy_while_someone_writes)
    exchange.pack(demo_store, tmp_path / "副本.db")
    assert attempts == ["database is locked"]
    assert not demo_store.conn.in_transaction  # the read transaction ended with the copy


def test_the_manifest_is_counted_under_the_lock_the_bytes_are_copied_under(demo_store, tmp_path, monkeypatch):
    """The counts the clerk is shown describe the copy: no writer can commit between counting and copying."""
    real_manifest, attempts = exchange.manifest, []

    def manifest_while_someone_writes(store):
        attempts.append(_another_writer(demo_store.path, "DELETE FROM figures"))
        return real_manifest(store)

    monkeypatch.setattr(exchange, "manifest", manifest_while_someone_writes)
    out = tmp_path / "副本.db"
    info = exchange.pack(demo_store, out)
    assert attempts == ["database is locked"]
    copy = open_store(out, readonly=True)
    assert copy.scalar("SELECT count(*) FROM figures") == info["counts"]["figures"] > 0
    copy.close()
    assert not demo_store.conn.in_transaction


def test_a_count_that_fails_leaves_the_old_copy(demo_store, tmp_path, monkeypatch):
    out = _old_target(tmp_path)

    def fail(store):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(exchange, "manifest", fail)
    with pytest.raises(DatabaseError, match="无法保存副本.*原有文件未改动"):
        exchange.pack(demo_store, out)
    assert out.read_bytes() == b"old copy that must survive"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.db", "demo.db.lock", "副本.db"]
    assert not demo_store.conn.in_transaction


def test_the_manifest_written_without_a_journal_leaves_a_plain_sound_file(demo_store, tmp_path):
    out = tmp_path / "副本.db"
    exchange.pack(demo_store, out)
    assert out.read_bytes()[18:20] == b"\x01\x01"  # a rollback-journal file, as the source
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.db", "demo.db.lock", "副本.db"]  # no journal left
    conn = sqlite3.connect(out)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()


def test_a_meta_write_that_fails_leaves_the_old_copy(demo_store, tmp_path):
    out = _old_target(tmp_path)
    with pytest.raises(DatabaseError, match="无法保存副本.*原有文件未改动"):
        exchange.snapshot(demo_store, out, extra_meta={"manifest": object()}, check="copy")
    assert out.read_bytes() == b"old copy that must survive"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.db", "demo.db.lock", "副本.db"]


def test_in_memory_store_is_copied_through_the_backup_api(tmp_path):
    from models.store.database import memory_store

    store = memory_store()
    store.set_meta("office_name", "测试办")
    out = tmp_path / "内存副本.db"
    exchange.snapshot(store, out)
    copy = open_store(out, readonly=True)
    assert copy.meta("office_name") == "测试办"
    copy.close()
    packed = tmp_path / "内存包.db"
    assert exchange.pack(store, packed)["office_name"] == "测试办"  # counted after the backup API's copy
    assert exchange.read_manifest(packed)["office_name"] == "测试办"
