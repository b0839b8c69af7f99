"""Kills (SIGKILL) during a restore and a backup, and what killed runs leave behind.

The database is wholly before or after and passes integrity_check; a killed backup never leaves a
half backup that counts, and its hidden temp file, like a killed merge's private copy, is removed at
the next start or the next run of the same action.  A backup that only a full integrity_check sees
as broken is refused for a restore.
"""

from __future__ import annotations

import shutil
import signal
import sqlite3
import tempfile
import time
from pathlib import Path

import pytest

from models.errors import DatabaseError
from models.exchange import merge
from models.store import backups, leftovers
from tests.models.fault_child import IMPORT_BASE
from tests.models.files_helpers import other_office
from tests.models.store.test_faults import _integrity, _query, _run

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL needs a POSIX system")
KILLS = 8


def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".tmp", ".tmp-journal")))


def test_kill_during_restore_gives_before_or_after(demo_path, tmp_path):
    pristine = demo_path.read_bytes()
    rewritten = tmp_path / "改写后.db"
    rewritten.write_bytes(pristine)
    finished, _ = _run(["bigwrite", str(rewritten)], None)
    assert finished
    source = tmp_path / "备份源.db"
    shutil.copy(rewritten, source)
    total = _query(demo_path, "SELECT count(*) FROM figures")

    def reset():
        demo_path.write_bytes(pristine)
        shutil.rmtree(demo_path.parent / backups.FOLDER_NAME, ignore_errors=True)

    args = ["restore", str(demo_path), str(source)]
    reset()
    finished, took = _run(args, None)
    assert finished and _query(demo_path, "SELECT count(*) FROM figures WHERE value >= ?", (IMPORT_BASE,)) == total
    states = set()
    for k in range(KILLS):
        reset()
        _run(args, took * (k + 0.5) / KILLS)
        assert _integrity(demo_path) == "ok"  # a read-write open rolls the journal back first
        restored = _query(demo_path, "SELECT count(*) FROM figures WHERE value >= ?", (IMPORT_BASE,))
        assert restored in (0, total), f"kill {k}: {restored} of {total} figures restored"
        states.add(restored)
        leftovers.sweep_for(demo_path, backups.FOLDER_NAME)  # what the next start does
        folder = demo_path.parent / backups.FOLDER_NAME
        assert not folder.exists() or _temps(folder) == []
    assert 0 in states


def test_kill_during_backup_leaves_no_half_backup_and_no_temp(demo_path):
    before = demo_path.read_bytes()
    folder = demo_path.parent / backups.FOLDER_NAME
    args = ["backup", str(demo_path)]
    finished, took = _run(args, None)
    assert finished
    shutil.rmtree(folder)
    left = 0
    for k in range(KILLS):
        _run(args, took * (k + 0.5) / KILLS)
        left += bool(folder.exists() and _temps(folder))
        assert demo_path.read_bytes() == before
        for made in folder.glob("*.db") if folder.exists() else []:
            assert _integrity(made) == "ok", made.name  # a backup that counts is a whole one
    assert left, "no kill landed while a backup was being written"
    time.sleep(1.01)  # a new name for the next backup
    _run(args, None)  # the next backup clears what the killed ones left
    assert _temps(folder) == []


def test_killed_merge_copy_is_removed_by_the_next_merge(demo_path, demo_store, tmp_path):
    town = other_office(demo_path, tmp_path / "town.db")
    town.close()
    demo_store.close()
    args = ["merge", str(demo_path), str(tmp_path / "town.db")]
    _, took = _run(args, None)
    root = Path(tempfile.gettempdir())
    before = {p.name for p in root.glob("desk-merge-*")}
    killed = None
    for k in range(1, 6):
        _run(args, took * k / 6)
        killed = {p.name for p in root.glob("desk-merge-*")} - before
        if killed:
            break
    assert killed, "no kill landed while the merge's copy existed"
    from models.store.opening import open_store

    store = open_store(demo_path)
    try:
        merge.preview(store, tmp_path / "town.db")
    finally:
        store.close()
    assert not ({p.name for p in root.glob("desk-merge-*")} & killed)


def test_restore_refuses_a_backup_whose_index_lies(demo_store):
    made = backups.make_backup(demo_store, "自动")
    conn = sqlite3.connect(made)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute(
        "UPDATE sqlite_master SET sql = 'CREATE INDEX figures_indicator ON figures(unit_id)'"
        " WHERE name = 'figures_indicator'"
    )
    conn.commit()
    conn.close()
    check = sqlite3.connect(made)
    assert check.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    check.close()
    figures = demo_store.scalar("SELECT count(*) FROM figures")
    with pytest.raises(DatabaseError, match="这个备份已损坏.*不能用来恢复"):
        backups.restore(demo_store, made)
    assert demo_store.scalar("SELECT count(*) FROM figures") == figures
    assert backups.latest_good(made.parent, demo_store.path.stem) is None
