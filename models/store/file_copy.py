"""A database file's bytes copied as fast as ``cp``, past SQLite's lock-byte page, compared back and synced.

The caller holds SQLite's shared lock (a read transaction), so no writer can commit meanwhile.  The page
holding the lock bytes (at 1 GiB, see the SQLite file format) is never used by SQLite, and Windows
refuses to read those bytes while any connection takes a lock: the copy has zeros there.  With
*compare*, three threads run at once: the copy (in the kernel where it can, ``copy_file_range``),
the comparison of what was written with the file, trailing it piece by piece, and the writeback to
the disk, so that the copy is verified and on the disk soon after ``cp`` would only have copied it.
"""

from __future__ import annotations

import os
import threading

from models.errors import DatabaseError

LOCK_BYTE_OFFSET = 0x40000000
CHUNK = 4 << 20  # one read or compare
PIECE = 64 << 20  # copied, then compared and synced, while the next piece is copied
SYNC_EVERY = 256 << 20


def page_size(header: bytes) -> int:
    size = int.from_bytes(header[16:18], "big") if len(header) >= 18 else 0
    return 65536 if size == 1 else (size or 4096)


def pieces(size: int, page: int) -> list[tuple[int, int]]:
    """The (start, end) pieces of a database file to copy: all of it but the lock-byte page."""
    ranges = [(0, size)] if size <= LOCK_BYTE_OFFSET else [(0, LOCK_BYTE_OFFSET), (LOCK_BYTE_OFFSET + page, size)]
    return [(at, min(at + PIECE, end)) for start, end in ranges for at in range(start, end, PIECE)]


def _copy_piece(reading: int, writing: int, start: int, end: int, view: memoryview) -> None:
    if hasattr(os, "copy_file_range"):  # in the kernel, as fast as cp; another file system may refuse it
        try:
            at = start
            while at < end:
                done = os.copy_file_range(reading, writing, end - at, at, at)
                if not done:
                    break
                at += done
            if at == end:
                return
        except OSError:
            pass
    # Plain reads and writes (Windows lets them read a file SQLite has open); the fds' offsets are the copier's.
    with open(reading, "rb", buffering=0, closefd=False) as a, open(writing, "wb", buffering=0, closefd=False) as b:
        a.seek(start)
        b.seek(start)
        while start < end:
            got = a.readinto(view[: min(CHUNK, end - start)])
            if not got:
                raise DatabaseError("原文件在复制时变短了，副本未保存。")
            b.write(view[:got])
            start += got


def _same(source: str, target: str, start: int, end: int, ours: bytearray, theirs: bytearray) -> bool:
    """Whether the piece reads back the same from both files (handles of its own: the copier's move on)."""
    with open(source, "rb", buffering=0) as a, open(target, "rb", buffering=0) as b:
        a.seek(start)
        b.seek(start)
        while start < end:
            want = min(CHUNK, end - start)
            got = a.readinto(memoryview(ours)[:want])
            if not got or b.readinto(memoryview(theirs)[:got]) != got:
                return False
            if ours != theirs if got == CHUNK else ours[:got] != theirs[:got]:  # whole buffers: one memcmp
                return False
            start += got
    return True


def copy_bytes(source: str, target: str, *, compare: bool = False) -> None:
    """*source*'s bytes into the new file *target* (zeros for the lock-byte page); with *compare*, read back
    equal to *source* and synced to the disk, else DatabaseError (the caller removes *target*)."""
    reading = os.open(source, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        writing = os.open(target, os.O_RDWR | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), 0o644)
        try:
            size = os.fstat(reading).st_size  # under the shared lock: no writer makes it grow
            os.lseek(reading, 0, os.SEEK_SET)
            page = page_size(os.read(reading, 100))
            # Written in order from the start (no file of full size made first: FAT would write zeros all
            # through it); the lock-byte page is passed over and reads back as zeros.
            _run(reading, writing, pieces(size, page), (source, target) if compare else None)
            if os.fstat(writing).st_size < size:  # only if the lock-byte page were the last one
                os.ftruncate(writing, size)
        finally:
            os.close(writing)
    finally:
        os.close(reading)


def _run(reading: int, writing: int, todo: list[tuple[int, int]], compare: tuple[str, str] | None) -> None:
    view = memoryview(bytearray(CHUNK))
    if compare is None:
        for start, end in todo:
            _copy_piece(reading, writing, start, end, view)
        return
    copied = threading.Semaphore(0)
    sync_wanted, done = threading.Event(), threading.Event()
    failed: list[BaseException] = []

    def copier() -> None:  # one thread copies (in the kernel) …
        unsynced = 0
        try:
            for start, end in todo:
                _copy_piece(reading, writing, start, end, view)
                copied.release()
                unsynced += end - start
                if unsynced >= SYNC_EVERY:
                    sync_wanted.set()
                    unsynced = 0
        except BaseException as exc:  # noqa: BLE001 - handed to the comparing thread
            failed.append(exc)
            for _ in todo:
                copied.release()
        finally:
            done.set()
            sync_wanted.set()

    def syncer() -> None:  # … one has the disk write what is copied meanwhile …
        while not done.is_set():
            sync_wanted.wait()
            sync_wanted.clear()
            try:
                os.fsync(writing)
            except OSError as exc:
                failed.append(exc)
                return

    threads = [threading.Thread(target=copier, name="copy", daemon=True)]
    threads.append(threading.Thread(target=syncer, name="sync", daemon=True))
    for thread in threads:
        thread.start()
    ours, theirs = bytearray(CHUNK), bytearray(CHUNK)
    try:
        for start, end in todo:  # … and this one compares each piece copied with the file
            copied.acquire()
            if failed:
                break
            if not _same(*compare, start, end, ours, theirs):
                raise DatabaseError("写出的副本与原文件不一致（磁盘或 U 盘可能有问题），原文件未改动。")
    finally:
        for thread in threads:
            thread.join()
    if failed:
        raise failed[0]
    os.fsync(writing)  # what the last sync left
