"""Reading returned forms on every core: reader processes kept for the session, fed in chunks, with per-file
progress and cancel as when the files are read here.

- The processes start ("spawn", on Linux too: the import runs on a worker thread of the Qt application, and a
  process forked from one with threads can hang) when the import dialog opens (:func:`warm`) or the first time
  an import has enough files to pay for them, and are kept for the next import.  In the Windows bundle
  (PyInstaller) main.py calls ``multiprocessing.freeze_support()`` first, so that such a process reads forms
  instead of opening a window.
- This process reads too (there is one reader process fewer than cores): it takes back (cancels) the chunks no
  process has begun, from the end, and reads them itself; so a slow start costs little, and a machine with one
  core reads everything here.  Chunks shrink to one file where the two ends meet (:func:`_chunks`), and the
  job's context (the campaign's units) goes to each process once.
- Each process says which files it has read on a queue (every 20 ms), so progress moves file by file; when
  ``progress`` raises (the clerk pressed 取消), the processes skip the rest of this import's files and the error
  goes up.
- A reader process that dies (it should not: a bad file is a refusal, not a crash) is replaced, and the files
  it had are read here.
"""

from __future__ import annotations

import contextlib
import math
import os
import pickle
import threading
import time
from concurrent.futures import FIRST_COMPLETED, InvalidStateError, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

POOL_FROM = 12  # files; fewer are read here: starting the processes would cost more than they save
PROCESSES: int | None = None  # readers, this process included; None: one per core, at most 4; 1: all here
MAX_CHUNK = 32  # files
CONTEXT_CHUNKS = 2  # per reader process: the first chunks carry the job's context
PROGRESS_EVERY = 0.02  # seconds: how often a reader process says which files it has read
_lock = threading.Lock()
_shared: dict = {}  # this process: the pool, its queue, the current job; a reader process: its queue and job


def processes() -> int:
    """How many read at once: this process and the reader processes (one fewer than this number)."""
    if PROCESSES is not None:
        return PROCESSES
    return min(os.cpu_count() or 1, 4)


def read_all(context, files: list[Path], read_one, progress=None) -> list:
    """``read_one(context, path)`` of every file, in the files' order (*read_one*: a module-level function,
    *context* picklable).  ``progress(done, total, file name)`` is called as files are read; it may raise."""
    total = len(files)
    if total < POOL_FROM or processes() < 2:
        found = []
        for number, path in enumerate(files):
            if progress is not None:
                progress(number, total, path.name)
            found.append(read_one(context, path))
        return found
    return _read_in_pool(context, files, read_one, progress)


def _read_in_pool(context, files: list[Path], read_one, progress) -> list:
    pool, queue, job_value = _pool()
    with _lock:  # a new number for every job: a cancelled job's stragglers never count for the next one
        job = _shared["jobs"] = _shared.get("jobs", 0) % 2_000_000_000 + 1
        job_value.value = job
    total = len(files)
    chunks = _chunks(total, processes() - 1)
    found: list = [None] * total
    missing = set(range(total))
    counted: set[int] = set()

    def count(index: int) -> None:
        if index not in counted:
            counted.add(index)
            if progress is not None:
                progress(len(counted), total, files[index].name)

    def read_here(chunk: list[int]) -> None:
        for index in chunk:
            found[index] = read_one(context, files[index])
            missing.discard(index)
            count(index)

    waiting: dict = {}

    def submit(chunk: list[int], with_context: bool) -> None:
        items = [(index, str(files[index])) for index in chunk]
        future = pool.submit(_read_chunk, job, read_one, packed if with_context else None, items)
        waiting[_quiet_if_cancelled(future)] = chunk

    try:
        if progress is not None:
            progress(0, total, "")
        packed = pickle.dumps(context, protocol=pickle.HIGHEST_PROTOCOL)  # once, not once per chunk
        # The context (a city's 3,000 units: 250 KB) goes with the first chunks only, those each process takes
        # first; a process that gets a chunk without it before it has it sends the chunk back (see _read_chunk).
        for number, chunk in enumerate(chunks):
            submit(chunk, number < CONTEXT_CHUNKS * (processes() - 1))
        while waiting:
            _drain(queue, job, count)
            taken = next((f for f in reversed(list(waiting)) if f.cancel()), None)
            if taken is not None:
                read_here(waiting.pop(taken))
                continue
            done, _ = wait(list(waiting), timeout=0.02, return_when=FIRST_COMPLETED)
            for future in done:
                chunk = waiting.pop(future)
                outcomes = future.result()
                if outcomes is None:  # that process had not had the context yet
                    submit(chunk, True)
                    continue
                for index, outcome in outcomes:
                    found[index] = outcome
                    missing.discard(index)
                    count(index)  # those read since the process last said
        _drain(queue, job, count)
        for index in sorted(missing):  # a chunk cut short cannot happen here (its job was not cancelled)
            read_here([index])
        for index in range(total):
            count(index)
    except BrokenProcessPool:
        _forget_pool()
        read_here(sorted(missing))
    except BaseException:
        job_value.value = 0  # the processes skip the rest of this job's files
        for future in list(waiting):
            future.cancel()
        raise
    return found


def _quiet_if_cancelled(future):
    """*future*, whose failure when it is already cancelled (taken back) is dropped.  A reader process that
    dies makes the pool fail every future it holds, and on Python before 3.12 the pool's own thread raises
    at the first one taken back (CPython gh-107219): a traceback on the console, and the other readers left
    running.  Failing a cancelled future is nothing to tell: this is that fix, on this future only."""
    fail = future.set_exception

    def set_exception(exception) -> None:
        with contextlib.suppress(InvalidStateError):
            fail(exception)

    future.set_exception = set_exception
    return future


def _chunks(total: int, readers: int) -> list[list[int]]:
    """The files' indexes in chunks.  The reader processes take chunks from the front, this process from the end;
    they meet about where each has read its share (this process reads about as fast as one of them).  Far from
    there chunks are large (fewer round trips: a process waits for its next chunk until this busy process hands it
    over), near it they are one or two files, so that at the end no one waits long for another's last chunk
    (chunks of one size kept this process waiting a fifth of the import)."""
    meet = total * readers / (readers + 1)
    chunks, start = [], 0
    while start < total:
        left = (meet - start) / readers if start < meet else start - meet  # to read before the meeting, each
        size = max(1, min(MAX_CHUNK, math.ceil(left / 4)))
        chunks.append(list(range(start, min(start + size, total))))
        start += size
    return chunks


def _drain(queue, job: int, count) -> None:
    """The files the processes have read since the last look (messages of an earlier, cancelled job dropped)."""
    while True:
        try:
            sent_job, indexes = queue.get_nowait()
        except Exception:  # noqa: BLE001 - queue.Empty, or a queue closed under us: nothing more to say
            return
        if sent_job == job:
            for index in indexes:
                count(index)


def _pool():
    with _lock:
        if "pool" not in _shared:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            spawn = multiprocessing.get_context("spawn")
            queue, job = spawn.Queue(), spawn.Value("i", 0, lock=False)
            # one process fewer than cores: this one reads too (what no process has begun)
            pool = ProcessPoolExecutor(processes() - 1, mp_context=spawn, initializer=_start, initargs=(queue, job))
            _shared.update(pool=pool, queue=queue, job=job)
        return _shared["pool"], _shared["queue"], _shared["job"]


def warm() -> None:
    """Start the reader processes now, without waiting for them (the import dialog, while the clerk picks files)."""
    if processes() >= 2:
        executor = _pool()[0]
        for _ in range(processes() - 1):
            executor.submit(os.getpid)  # processes start when there is work for them


def _forget_pool() -> None:
    with _lock:
        pool = _shared.pop("pool", None)
        _shared.pop("queue", None)
        _shared.pop("job", None)
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)


def shutdown() -> None:
    """Stop the reader processes (they stop by themselves when the application ends)."""
    _forget_pool()


# -- in a reader process ---------------------------------------------------------------------------


def _start(queue, job) -> None:
    _shared.update(queue=queue, job=job)
    threading.Thread(target=_end_with_parent, name="parent watch", daemon=True).start()


def _end_with_parent() -> None:
    """End this reader when the application's process is gone (killed, crashed): otherwise it waits for work
    for ever, holding the files and pipes it inherited (seen: a killed window's reader kept the bench waiting)."""
    import multiprocessing
    from multiprocessing.connection import wait as wait_for

    parent = multiprocessing.parent_process()
    if parent is not None:
        wait_for([parent.sentinel])
        os._exit(0)


def _read_chunk(job: int, read_one, packed: bytes | None, items: list[tuple[int, str]]) -> list | None:
    """``(index, outcome)`` of the chunk's files; None for a chunk sent without the job's context (*packed*) to a
    process that has not had it yet: the caller sends it again with the context."""
    if _shared.get("context", (None,))[0] != job:  # the context of a job is unpacked once per process
        if packed is None:
            return None
        _shared["context"] = (job, pickle.loads(packed))
    context = _shared["context"][1]
    found, unsaid, said_at = [], [], time.monotonic()
    for index, path in items:
        if _shared["job"].value != job:  # cancelled: the caller has stopped waiting
            break
        found.append((index, read_one(context, Path(path))))
        unsaid.append(index)
        if time.monotonic() - said_at >= PROGRESS_EVERY:  # not after every file: a message costs a tenth of one
            _shared["queue"].put((job, unsaid))
            unsaid, said_at = [], time.monotonic()
    return found
