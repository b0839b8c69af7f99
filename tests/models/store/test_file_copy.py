"""A pack copies the file's bytes past SQLite's lock-byte page, compares them back, and is a sound database."""

from __future__ import annotations

import sqlite3

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
