"""The one write lock per file (models.store.file_lock): taken by open_store, so by every command and window."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from models.cli import run
from models.store import file_lock
from models.store.opening import open_store

ROOT = Path(__file__).resolve().parents[3]


def _holder(path: Path, then: str = "sys.stdin.read()") -> subprocess.Popen:
    """Another process that opened *path* for writing as every command does, until its stdin closes."""
    code = (
        f"import sys,time; sys.path.insert(0, {str(ROOT)!r})\n"
        "from models.store.opening import open_store\n"
        f"store = open_store({str(path)!r}); print('held', flush=True)\n{then}\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_the_same_process_may_take_a_file_twice_and_the_lock_goes_with_the_last(demo_path):
    first = open_store(demo_path)
    second = open_store(demo_path)
    assert file_lock.lock_path(demo_path).exists()
    first.close()
    assert file_lock.lock_path(demo_path).exists()
    second.close()
    assert not file_lock.lock_path(demo_path).exists()


def test_a_command_is_refused_a_file_another_process_writes(demo_path, capsys):
    data = demo_path.read_bytes()
    holder = _holder(demo_path)
    try:
        assert run(["demo", "--db", str(demo_path)]) == 2
        err = capsys.readouterr().err
        assert "正由另一个安全生产月工作台窗口或命令使用" in err and str(holder.pid) in err
        assert run(["info", "--db", str(demo_path)]) == 0  # reading is not refused
    finally:
        holder.stdin.close()
        holder.wait(10)
    assert demo_path.read_bytes() == data
    store = open_store(demo_path)  # free again once the other process is done
    store.close()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL needs a POSIX system")
def test_a_killed_holder_leaves_no_lock_behind(demo_path):
    holder = _holder(demo_path)
    with pytest.raises(file_lock.FileInUse):
        file_lock.take(demo_path, wait_s=0)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(10)
    assert file_lock.lock_path(demo_path).exists()  # the file stays; the OS dropped its lock
    store = open_store(demo_path)
    store.close()


def test_a_start_waits_for_a_window_that_finishes_its_backup(demo_path):
    then = (
        "store.lock.set_state('closing'); print('closing', flush=True); time.sleep(1.0)\n"
        "store.close(); print('released', flush=True); sys.stdin.read()"
    )
    holder = _holder(demo_path, then)
    try:
        assert holder.stdout.readline().strip() == "closing"
        store = open_store(demo_path)  # waits instead of refusing
        assert holder.stdout.readline().strip() == "released"
        store.close()
    finally:
        holder.stdin.close()
        holder.wait(10)
