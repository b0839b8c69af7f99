"""Returned forms read on every core: the reader processes give what reading here gives, in the files' order,
with progress file by file, and a cancel stops the import and leaves the processes usable."""

from __future__ import annotations

import os
import signal
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from models.campaigns.campaign import campaign_by_year
from models.campaigns.periods import period_by_seq
from models.progress.forms import pool
from models.progress.forms.blank import write_blank_forms
from models.progress.forms.importer import preview_forms
from tests.models.stats_files import fill_own_form


def _pid_and_name(context, path):
    """A reader for the processes (module level, so that it can be sent): who read which file."""
    time.sleep(0.03)  # slow enough that the processes' round trips are shorter than this process's reading
    return os.getpid(), path.name, context


def _pid_after(seconds: float) -> int:
    time.sleep(seconds)  # busy for a while, so that the next task goes to another process
    return os.getpid()


@pytest.fixture
def processes(monkeypatch):
    monkeypatch.setattr(pool, "PROCESSES", 2)  # also on a one-core machine
    yield
    pool.shutdown()


def _warm() -> None:
    """Start the processes and wait until every one has answered, so that they (not only this process) read:
    on a loaded machine a process still starting let this one read every file (a test failed now and then)."""
    executor, _queue, _job = pool._pool()
    answered: set[int] = set()
    deadline = time.monotonic() + 60
    while len(answered) < pool.processes() - 1 and time.monotonic() < deadline:  # the readers besides this one
        answered.update(f.result(timeout=60) for f in [executor.submit(_pid_after, 0.05) for _ in range(4)])


def test_processes_read_every_file_in_order_with_progress(processes, tmp_path):
    files = [tmp_path / f"{n:02d}.xlsx" for n in range(40)]
    _warm()
    seen = []
    found = pool.read_all("ctx", files, _pid_and_name, lambda done, total, name: seen.append((done, total, name)))
    assert [name for _pid, name, _ctx in found] == [f.name for f in files]
    assert {ctx for *_rest, ctx in found} == {"ctx"}
    assert len({pid for pid, _name, _ctx in found} - {os.getpid()}) >= 1  # another process read some
    assert {name for _done, _total, name in seen if name} == {f.name for f in files}
    assert seen[-1][:2] == (40, 40) and [done for done, *_ in seen] == sorted(done for done, *_ in seen)


def test_a_process_given_a_chunk_before_the_context_gets_it_again_with_it(processes, tmp_path, monkeypatch):
    monkeypatch.setattr(pool, "CONTEXT_CHUNKS", 0)  # no chunk carries the context at first
    files = [tmp_path / f"{n:02d}.xlsx" for n in range(30)]
    _warm()
    found = pool.read_all("ctx", files, _pid_and_name)
    assert [name for _pid, name, _ctx in found] == [f.name for f in files]
    assert {ctx for *_rest, ctx in found} == {"ctx"}
    assert len({pid for pid, _name, _ctx in found} - {os.getpid()}) >= 1  # read there, once it had the context


@pytest.mark.parametrize(("total", "readers"), [(12, 1), (300, 1), (300, 3), (1000, 1)])
def test_chunks_are_every_file_once_in_order_and_small_where_the_readers_meet(total, readers):
    chunks = pool._chunks(total, readers)
    assert [index for chunk in chunks for index in chunk] == list(range(total))
    meet = total * readers // (readers + 1)
    near = [chunk for chunk in chunks if abs(chunk[0] - meet) <= 3]
    assert near and all(len(chunk) <= 2 for chunk in near)
    assert max(len(chunk) for chunk in chunks) <= pool.MAX_CHUNK


class Stop(Exception):
    pass


def test_a_cancel_stops_the_import_and_the_processes_stay_usable(processes, tmp_path):
    files = [tmp_path / f"{n:02d}.xlsx" for n in range(40)]
    _warm()

    def cancel_after_five(done, total, name):
        if done >= 5:
            raise Stop

    with pytest.raises(Stop):
        pool.read_all(None, files, _pid_and_name, cancel_after_five)
    seen = []
    found = pool.read_all(None, files[:20], _pid_and_name, lambda done, total, name: seen.append(done))
    assert [name for _pid, name, _ctx in found] == [f.name for f in files[:20]]
    assert seen[-1] == 20 and max(seen) == 20  # nothing of the cancelled job counted here


def test_a_preview_through_the_processes_equals_one_read_here(processes, demo_store, tmp_path, monkeypatch):
    campaign = campaign_by_year(demo_store, 2021)
    period = period_by_seq(demo_store, campaign["id"], 5)
    files = write_blank_forms(demo_store, campaign, period, tmp_path)
    assert len(files) >= pool.POOL_FROM
    for number, path in enumerate(files):
        fill_own_form(path, {2: number, 3: "很多" if number == 3 else 10 * number})
    files[4].write_bytes(b"not a workbook")
    _warm()
    pooled = preview_forms(demo_store, campaign, [tmp_path])
    monkeypatch.setattr(pool, "PROCESSES", 1)
    here = preview_forms(demo_store, campaign, [tmp_path])
    assert [r.public() for r in pooled] == [r.public() for r in here]
    assert [r.status for r in pooled].count("rejected") == 1
    assert "不是 Excel 工作簿" in pooled[4].errors[0]["message"]
    assert pooled[3].errors[0]["cell"] == "C6" and "很多" in pooled[3].errors[0]["message"]


CHILD = """
import os, sys, time
sys.path.insert(0, {root!r})
from models.progress.forms import pool
pool.PROCESSES = 3
executor = pool._pool()[0]
pids = {{executor.submit(os.getpid).result(timeout=60) for _ in range(8)}}
print(" ".join(map(str, sorted(pids))), flush=True)
time.sleep(120)
"""


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ")[1][0] not in "ZX"  # a zombie has ended, waiting to be reaped
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not os.path.isdir("/proc") or not hasattr(signal, "SIGKILL"), reason="reads /proc, sends SIGKILL")
def test_the_readers_end_when_the_application_is_killed():
    root = str(Path(__file__).resolve().parents[4])
    child = subprocess.Popen([sys.executable, "-c", CHILD.format(root=root)], stdout=subprocess.PIPE, text=True)
    readers = [int(pid) for pid in child.stdout.readline().split()]
    assert readers and child.pid not in readers and all(_running(pid) for pid in readers)
    child.kill()
    child.wait(30)
    deadline = time.monotonic() + 30
    while any(_running(pid) for pid in readers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_running(pid) for pid in readers)


def _lying_bomb(form: Path, target: Path) -> Path:
    """*form* with its worksheet padded by 30 MB of blanks, the zip directory and local header saying 4,000 bytes."""
    sheet = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(form) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == sheet:
                head, tail = data.rsplit(b"</worksheet>", 1)
                data = head + b" " * (30 << 20) + b"</worksheet>" + tail
            dst.writestr(item.filename, data)
    data = bytearray(target.read_bytes())
    with zipfile.ZipFile(target) as archive:
        info = archive.getinfo(sheet)
    entry = bytes(data).rindex(sheet.encode()) - 46  # its directory entry (after the parts)
    struct.pack_into("<I", data, entry + 24, 4000)
    struct.pack_into("<I", data, info.header_offset + 22, 4000)
    target.write_bytes(bytes(data))
    return target


def test_a_lying_bomb_among_the_forms_is_refused_with_its_message(processes, demo_store, tmp_path):
    """A part that unpacks to more than the zip directory says, read in the processes: refused by name, the
    others read; the gate stops it at the declared size (the processes stay usable)."""
    campaign = campaign_by_year(demo_store, 2021)
    period = period_by_seq(demo_store, campaign["id"], 5)
    files = write_blank_forms(demo_store, campaign, period, tmp_path)
    for number, path in enumerate(files):
        fill_own_form(path, {2: number})
    bomb = _lying_bomb(files[0], tmp_path / "000谎报.xlsx")  # first in the folder: the processes' end
    assert zipfile.ZipFile(bomb).getinfo("xl/worksheets/sheet1.xml").file_size == 4000
    _warm()
    results = preview_forms(demo_store, campaign, [tmp_path])
    by_file = {r.file: r for r in results}
    assert by_file[bomb.name].status == "rejected"
    message = by_file[bomb.name].errors[0]["message"]
    assert "xl/worksheets/sheet1.xml 的内容与文件目录的记录不符" in message and "已拒绝" in message
    assert all(r.status == "ready" for r in results if r.file != bomb.name) and len(results) == len(files) + 1
    assert all(r.status == "ready" for r in preview_forms(demo_store, campaign, files))
