"""A pack copies the file's bytes past SQLite's lock-byte page, compares them back, and is a sound database."""

from __future__ import annotations

import os
import sqlite3
import threading

import pytest

from models.errors import DatabaseError
from models.store import copies, file_copy


def test_pack_copies_the_bytes_and_the_copy_opens(demo_store, tmp_path):
    out = tmp_path / "副本.db"
    info = copies.pack(demo_store, out)
    assert copies.read_manifest(out)["counts"] == info["counts"]
    conn = sqlite3.connect(out)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM figures").fetchone()[0] == info["counts"]["figures"]


def test_the_lock_byte_page_is_never_read_and_left_zeros(demo_path, tmp_path, monkeypatch):
    page = 4096
    monkeypatch.setattr(file_copy, "LOCK_BYTE_OFFSET", 8 * page)  # the demo file is far below 1 GiB
    monkeypatch.setattr(file_copy, "CHUNK", 3 * page)  # chunks that do not end at the lock-byte page
    read_at, compared_at = [], []
    real_copy, real_same = file_copy._copy_piece, file_copy._same

    def copy_spy(reading, writing, at, start, view):
        read_at.append((start, start + len(view)))
        return real_copy(reading, writing, at, start, view)

    def same_spy(back, start, ours, theirs, length):
        compared_at.append((start, start + length))
        return real_same(back, start, ours, theirs, length)

    monkeypatch.setattr(file_copy, "_copy_piece", copy_spy)
    monkeypatch.setattr(file_copy, "_same", same_spy)
    out = tmp_path / "copy.db"
    file_copy.copy_bytes(str(demo_path), str(out), compare=True)
    source, copied = demo_path.read_bytes(), out.read_bytes()
    assert len(copied) == len(source)
    assert copied[8 * page : 9 * page] == bytes(page)
    assert copied[: 8 * page] == source[: 8 * page] and copied[9 * page :] == source[9 * page :]
    assert compared_at == read_at  # every chunk read is compared back, in order …
    assert (6 * page, 8 * page) in read_at and read_at[read_at.index((6 * page, 8 * page)) + 1][0] == 9 * page
    assert not [r for r in read_at if r[0] < 9 * page and r[1] > 8 * page]  # … and none touches the page
    covered = sum(end - start for start, end in read_at)
    assert covered == len(source) - page


def test_a_copy_that_reads_back_different_is_refused(demo_store, tmp_path, monkeypatch):
    monkeypatch.setattr(file_copy, "_same", lambda *args: False)
    out = tmp_path / "副本.db"
    with pytest.raises(DatabaseError, match="与原文件不一致"):
        copies.pack(demo_store, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.db", "demo.db.lock"]


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of two pages and a sync every four: the demo file runs many rounds of all three threads."""
    monkeypatch.setattr(file_copy, "CHUNK", 8192)
    monkeypatch.setattr(file_copy, "SYNC_EVERY", 4 * 8192)


def _threads_left():
    return [t.name for t in threading.enumerate() if t.name in ("copy", "sync", "pack")]


def test_a_copy_in_small_chunks_is_the_file(demo_path, tmp_path, small_chunks):
    out = tmp_path / "copy.db"
    file_copy.copy_bytes(str(demo_path), str(out), compare=True)
    assert out.read_bytes() == demo_path.read_bytes()
    plain = tmp_path / "plain.db"
    file_copy.copy_bytes(str(demo_path), str(plain))  # without the comparison (a quick_check follows)
    assert plain.read_bytes() == demo_path.read_bytes()


def test_one_chunk_that_reads_back_different_stops_the_copy(demo_store, tmp_path, monkeypatch, small_chunks):
    real_same, calls = file_copy._same, []

    def fifth_differs(*args):
        calls.append(args[1])
        return len(calls) != 5 and real_same(*args)

    monkeypatch.setattr(file_copy, "_same", fifth_differs)
    with pytest.raises(DatabaseError, match="与原文件不一致"):
        copies.pack(demo_store, tmp_path / "副本.db")
    assert len(calls) == 5 and not _threads_left()  # the copier stopped, nothing waits
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.db", "demo.db.lock"]
    assert not demo_store.conn.in_transaction


def test_a_full_disk_while_copying_leaves_the_old_copy(demo_store, tmp_path, monkeypatch, small_chunks):
    out = tmp_path / "副本.db"
    out.write_bytes(b"old copy")
    real_copy, calls = file_copy._copy_piece, []

    def full_at_the_third(*args):
        calls.append(args[3])
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real_copy(*args)

    monkeypatch.setattr(file_copy, "_copy_piece", full_at_the_third)
    with pytest.raises(DatabaseError, match="磁盘已满.*原有文件未改动"):
        copies.pack(demo_store, out)
    assert out.read_bytes() == b"old copy" and not _threads_left()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.db", "demo.db.lock", "副本.db"]


def test_a_sync_that_fails_midway_is_not_a_saved_copy(demo_store, tmp_path, monkeypatch, small_chunks):
    real_fsync, synced = os.fsync, []

    def second_fails(fd):
        synced.append(fd)
        if len(synced) == 2:
            raise OSError(5, "Input/output error")
        real_fsync(fd)

    monkeypatch.setattr(file_copy.os, "fsync", second_fails)
    with pytest.raises(DatabaseError, match="无法保存副本.*原有文件未改动"):
        copies.pack(demo_store, tmp_path / "副本.db")
    assert len(synced) >= 2 and not _threads_left()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.db", "demo.db.lock"]


def test_a_source_cut_short_while_copied_is_refused(demo_path, tmp_path, monkeypatch, small_chunks):
    source = tmp_path / "source.db"
    source.write_bytes(demo_path.read_bytes())
    real_copy, calls = file_copy._copy_piece, []

    def cut_after_the_first(*args):
        calls.append(args[3])
        if len(calls) == 2:
            os.truncate(source, 3 * 8192 + 100)
        return real_copy(*args)

    monkeypatch.setattr(file_copy, "_copy_piece", cut_after_the_first)
    with pytest.raises(DatabaseError, match="变短了"):
        file_copy.copy_bytes(str(source), str(tmp_path / "copy.db"), compare=True)
    assert not _threads_left()
