"""The process killed (SIGKILL) at many points of an import, a merge and a save-a-copy:
the database is wholly before or wholly after, and passes integrity_check."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from models.store import copies as exchange
from tests.models.fault_child import IMPORT_BASE
from tests.models.files_helpers import first_figure, other_office

CHILD = Path(__file__).resolve().parent.parent / "fault_child.py"
KILLS = 6

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL needs a POSIX system")


def _run(args: list[str], kill_after: float | None) -> tuple[bool, float]:
    """Run the child; kill it *kill_after* s after it is ready.  Returns (finished, seconds it worked)."""
    proc = subprocess.Popen([sys.executable, str(CHILD), *args], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "ready"
    start = time.monotonic()
    if kill_after is None:
        finished = proc.stdout.readline().strip() == "done"
        proc.wait(30)
        return finished, time.monotonic() - start
    time.sleep(kill_after)
    os.kill(proc.pid, signal.SIGKILL)
    rest = proc.stdout.read()
    proc.wait(30)
    return "done" in rest, kill_after


def _integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


def _query(path: Path, sql: str, params=()):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchone()[0]
    finally:
        conn.close()


def _delays(args, reset) -> list[float]:
    """Kill points spread over the time the action takes when left alone (measured once)."""
    reset()
    finished, took = _run(args, None)
    assert finished
    return [took * (k + 0.5) / KILLS for k in range(KILLS)] + [0.0]


def test_kill_during_import_of_1000_figures(demo_path, tmp_path):
    pristine = tmp_path / "pristine.db"
    pristine.write_bytes(demo_path.read_bytes())

    def reset():
        demo_path.write_bytes(pristine.read_bytes())

    seen = set()
    for delay in _delays(["import", str(demo_path)], reset):
        reset()
        finished, _ = _run(["import", str(demo_path)], delay)
        assert _integrity(demo_path) == "ok"
        imported = _query(demo_path, "SELECT count(*) FROM figures WHERE value >= ?", (IMPORT_BASE,))
        assert imported in (0, 1000), f"killed at {delay:.3f}s: {imported} figures"
        assert not finished or imported == 1000  # nothing committed is lost
        seen.add(imported)
    assert 0 in seen  # at least one kill landed before the commit


def test_kill_during_merge(demo_path, tmp_path):
    pristine = tmp_path / "pristine.db"
    pristine.write_bytes(demo_path.read_bytes())
    town = other_office(demo_path, tmp_path / "town.db")
    fid = first_figure(town)
    with town.batch("镇里填报") as batch:
        batch.update("figures", fid, {"value": 4242})
        batch.insert("units", {"name": "新设社区", "category": "镇/街道"})
    town.close()

    def reset():
        demo_path.write_bytes(pristine.read_bytes())

    args = ["merge", str(demo_path), str(tmp_path / "town.db")]
    for delay in _delays(args, reset):
        reset()
        finished, _ = _run(args, delay)
        assert _integrity(demo_path) == "ok"
        figure = _query(demo_path, "SELECT value FROM figures WHERE id = ?", (fid,))
        units = _query(demo_path, "SELECT count(*) FROM units WHERE name = '新设社区'")
        assert (figure == 4242) == (units == 1), f"half a merge when killed at {delay:.3f}s"
        assert not finished or units == 1


def test_kill_during_save_a_copy(demo_store, demo_path, tmp_path):
    out = tmp_path / "副本.db"
    exchange.pack(demo_store, out)
    old = out.read_bytes()
    old_stamp = exchange.read_manifest(out)["packed_at"]
    demo_store.close()
    time.sleep(1.01)  # the new copy's manifest has a later stamp

    def reset():
        out.write_bytes(old)

    args = ["pack", str(demo_path), str(out)]
    for delay in _delays(args, reset):
        reset()
        finished, _ = _run(args, delay)
        assert _integrity(out) == "ok"
        stamp = exchange.read_manifest(out)["packed_at"]
        assert stamp == old_stamp or out.read_bytes() != old
        assert not finished or stamp != old_stamp
    exchange.pack_file(demo_path, out)  # a killed save's temp file is cleared by the next save
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
