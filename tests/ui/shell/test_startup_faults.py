"""The window started after a kill (SIGKILL, as a power cut) at many points of a large write.

The clerk must see the data as it was before the write or after it, and no "damaged" prompt: SQLite
rolls the hot journal back when the start-up check opens the file read-write.
"""

from __future__ import annotations

import signal
import sqlite3
import time
from pathlib import Path

import pytest

from models.campaigns.campaign import campaign_by_year
from models.campaigns.periods import period_by_seq
from models.progress.grid import load_week
from models.store import health
from models.store.opening import open_store
from tests.models.fault_child import IMPORT_BASE
from tests.models.store.test_faults import _run
from ui.common import msgbox
from ui.shell import startup

pytestmark = [
    pytest.mark.gui,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL needs a POSIX system"),
]
KILLS = 24


def _first_cell(path: Path) -> int | None:
    store = open_store(path, readonly=True)
    try:
        campaign = campaign_by_year(store, 2021)
        period = period_by_seq(store, campaign["id"], 1)
        return load_week(store, campaign["id"], period["id"]).values[0][0]
    finally:
        store.close()


def _shown_cell(qtbot, store) -> str:
    """Start the window on *store* and read what the clerk sees in week 1's first cell."""
    from ui.shell.main_window import MainWindow

    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.select_campaign(2021)
    window.show_tab("progress")
    page = window.tab_pages["progress"]
    page.week.setCurrentIndex(0)
    shown = page.grid_model.index(0, 0).data()
    window.close()
    return shown


def test_window_after_a_kill_at_24_points_of_a_large_write(qtbot, demo_path, tmp_path):
    pristine = demo_path.read_bytes()
    journal = demo_path.with_name(demo_path.name + "-journal")
    args = ["bigwrite", str(demo_path)]
    before = _first_cell(demo_path)
    finished, took = _run(args, None)
    assert finished
    after = _first_cell(demo_path)
    assert before != after
    total = sqlite3.connect(demo_path).execute("SELECT count(*) FROM figures").fetchone()[0]
    states, hot = set(), 0
    for k in range(KILLS):
        demo_path.write_bytes(pristine)
        journal.unlink(missing_ok=True)
        _run(args, took * (k + 0.5) / KILLS)
        hot += journal.exists()
        msgbox.SHOWN.clear()
        started = time.monotonic()
        deferred = bool(k % 2)  # every other start as main.py does it: the whole-file check after the first paint
        store = startup.open_initial_store(str(demo_path), defer_check=deferred)
        try:
            assert store is not None, msgbox.SHOWN
            assert msgbox.SHOWN == [], f"kill {k}: the clerk was asked {msgbox.SHOWN}"
            assert not deferred or health.whole_file_check(demo_path) == health.SOUND
            rewritten = store.scalar("SELECT count(*) FROM figures WHERE value >= ?", (IMPORT_BASE,))
            assert rewritten in (0, total), f"kill {k}: {rewritten} of {total} figures rewritten"
            shown = _shown_cell(qtbot, store)
            assert shown == str(before if rewritten == 0 else after)
            assert store.scalar("PRAGMA integrity_check") == "ok"
        finally:
            if store is not None:
                store.close()
            startup.release_lock(demo_path)
        assert time.monotonic() - started < 20
        assert not journal.exists()
        assert not list(demo_path.parent.glob("demo.db.损坏-*"))  # nothing set aside
        states.add(rewritten)
    assert hot >= 3, f"only {hot} of {KILLS} kills left a journal behind"
    assert 0 in states


def _holding_lock(path: Path, sql: str):
    """Another program holding *path* with *sql* (an exclusive transaction) until its stdin closes."""
    import subprocess
    import sys

    code = (
        "import sqlite3,sys\n"
        f"c=sqlite3.connect({str(path)!r}, isolation_level=None); c.execute({sql!r})\n"
        "print('held', flush=True); sys.stdin.read()"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


@pytest.mark.parametrize("defer_check", [False, True], ids=["checked-at-open", "checked-after-paint"])
def test_locked_database_is_reported_locked_and_left_alone(demo_path, defer_check):
    data = demo_path.read_bytes()
    holder = _holding_lock(demo_path, "BEGIN EXCLUSIVE")
    try:
        started = time.monotonic()
        assert startup.open_initial_store(str(demo_path), defer_check=defer_check) is None
        took = time.monotonic() - started
    finally:
        holder.stdin.close()
        holder.wait(10)
    shown = " ".join(text for _, text in msgbox.SHOWN)
    assert "已锁定" in shown and "损坏" not in shown and took < 10
    assert demo_path.read_bytes() == data and not list(demo_path.parent.glob("demo.db.*"))


@pytest.mark.parametrize("defer_check", [False, True], ids=["checked-at-open", "checked-after-paint"])
@pytest.mark.parametrize("damage", ["sound", "corrupt"])
def test_foreign_sqlite_file_given_with_db_is_refused_never_renamed(tmp_path, damage, defer_check):
    foreign = tmp_path / "别的程序.db"
    conn = sqlite3.connect(foreign)
    conn.executescript(
        "CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT);"
        "INSERT INTO orders (item) SELECT hex(randomblob(200)) FROM (WITH RECURSIVE n(x) AS"
        " (SELECT 1 UNION ALL SELECT x+1 FROM n WHERE x < 2000) SELECT x FROM n);"
    )
    conn.close()
    if damage == "corrupt":
        data = bytearray(foreign.read_bytes())
        for offset in range(100, len(data), 3 * 4096):
            data[offset : offset + 64] = b"\xee" * 64
        foreign.write_bytes(bytes(data))
    data = foreign.read_bytes()
    msgbox.ANSWERS[:] = [True, True]  # "restore?" would be answered yes: it must not be asked
    assert startup.open_initial_store(str(foreign), defer_check=defer_check) is None
    shown = " ".join(text for _, text in msgbox.SHOWN)
    assert "不是安全生产月工作台的数据库" in shown and "改名" not in shown
    assert sorted(p.name for p in tmp_path.iterdir()) == ["别的程序.db"]
    assert foreign.read_bytes() == data


def test_damaged_file_is_set_aside_with_its_journal(demo_path):
    data = bytearray(demo_path.read_bytes())
    for offset in range(2 * 4096 + 10, len(data), 5 * 4096):
        data[offset : offset + 8] = b"\xff" * 8
    demo_path.write_bytes(bytes(data))
    journal = demo_path.with_name("demo.db-journal")
    journal.write_bytes(b"\x00" * 512)  # a journal SQLite cannot use: left from some other file
    msgbox.ANSWERS[:] = []
    store = startup.open_initial_store(str(demo_path))
    try:
        assert store is not None and "已改名保存为" in msgbox.SHOWN[0][1]
        moved = list(demo_path.parent.glob("demo.db.损坏-*"))
        assert len([p for p in moved if not p.name.endswith("-journal")]) == 1
        assert [p for p in moved if p.name.endswith("-journal")] and not journal.exists()
        assert store.scalar("SELECT count(*) FROM figures") == 0  # an empty database under the name
    finally:
        store.close()
        startup.release_lock(demo_path)


def test_window_start_after_a_killed_merge_or_restore_asks_nothing(demo_path, tmp_path):
    """The other writes of the fault suite: the start-up check finds the file sound, before or after."""
    from tests.models.files_helpers import other_office

    pristine = demo_path.read_bytes()
    town = other_office(demo_path, tmp_path / "town.db")
    with town.batch("镇里填报") as batch:
        batch.insert("units", {"name": "新设社区", "category": "镇/街道"})
    town.close()
    rewritten = tmp_path / "改写后.db"
    rewritten.write_bytes(pristine)
    assert _run(["bigwrite", str(rewritten)], None)[0]
    merged = "SELECT count(*) FROM units WHERE name = '新设社区'"
    restored = f"SELECT count(*) > 0 FROM figures WHERE value >= {IMPORT_BASE}"
    cases = {
        "merge": (["merge", str(demo_path), str(tmp_path / "town.db")], merged),
        "restore": (["restore", str(demo_path), str(rewritten)], restored),
    }
    for mode, (args, after_sql) in cases.items():
        demo_path.write_bytes(pristine)
        _, took = _run(args, None)
        for k in range(4):
            demo_path.write_bytes(pristine)
            _run(args, took * (k + 0.5) / 4)
            msgbox.SHOWN.clear()
            store = startup.open_initial_store(str(demo_path))
            try:
                assert store is not None and msgbox.SHOWN == [], f"{mode} kill {k}: {msgbox.SHOWN}"
                assert store.scalar(after_sql) in (0, 1)
                assert store.scalar("PRAGMA integrity_check") == "ok"
            finally:
                store.close()
                startup.release_lock(demo_path)
            journal = demo_path.with_name("demo.db-journal")
            assert not journal.exists(), (mode, k, journal.read_bytes()[:40])
            assert not list(demo_path.parent.glob("demo.db.损坏-*"))
            assert not [p for p in (demo_path.parent / "备份").glob(".*.tmp*")]  # swept at start
