"""A reader process that dies while forms are read: no file is lost, nothing is printed, the next read works."""

from __future__ import annotations

import multiprocessing
import os
import time

import pytest

from models.progress.forms import pool


def _dies_at(context, path):
    """Reads as a reader would; a reader process (never this one) dies at the file named *context*."""
    time.sleep(0.01)
    if path.name == context and multiprocessing.parent_process() is not None:
        os._exit(3)
    return os.getpid(), path.name


@pytest.fixture
def processes(monkeypatch):
    monkeypatch.setattr(pool, "PROCESSES", 3)  # two readers, also on a one-core machine
    yield
    pool.shutdown()


def test_a_reader_that_dies_costs_no_file_and_prints_nothing(processes, tmp_path, capfd):
    files = [tmp_path / f"{n:02d}.xlsx" for n in range(40)]
    executor, _queue, _job = pool._pool()
    executor.submit(os.getpid).result(timeout=60)  # the reader is up: it, not only this process, takes chunks
    readers = {child.pid for child in multiprocessing.active_children()}
    found = pool.read_all("02.xlsx", files, _dies_at)
    assert [name for _pid, name in found] == [f.name for f in files]
    deadline = time.monotonic() + 30  # the broken pool's readers are stopped, not left waiting for work
    while readers & {child.pid for child in multiprocessing.active_children()} and time.monotonic() < deadline:
        time.sleep(0.05)
    assert readers and not readers & {child.pid for child in multiprocessing.active_children()}
    again = pool.read_all("", files, _dies_at)  # a new pool: its reader reads some of them
    assert [name for _pid, name in again] == [f.name for f in files]
    assert {pid for pid, _name in again} - {os.getpid()}
    # Before the fix the pool's thread printed InvalidStateError here (pytest.ini makes it an error too).
    assert capfd.readouterr() == ("", "")
