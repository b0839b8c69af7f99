"""Automatic, verified backups: taken, listed with dates, thinned over time, restored.

A backup is a snapshot (see models.store.copies) whose bytes, copied under SQLite's shared lock, read back
equal to the file's (``check="copy"``, as a pack; through the backup API it gets ``quick_check``), named
``<file>_<office>_<YYYYmmdd-HHMMSS>_<reason>.db`` so that files of the same name
from different offices never overwrite each other; restoring one first runs the
full ``integrity_check``.  Old backups are thinned to
the newest few, then one a day for a week, one a week for two months, one a
month for a year.  Restoring first backs up the current state.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from datetime import datetime, timedelta
from pathlib import Path

from models.errors import DatabaseError
from models.store import faults, writes
from models.store.database import Store, check_schema, connect_readonly, open_file

FOLDER_NAME = "备份"
KEEP_RECENT = 10
KEEP_DAILY_DAYS = 7
KEEP_WEEKLY_WEEKS = 8
KEEP_MONTHLY_MONTHS = 12
_NAME = re.compile(r"^(?P<stem>.+)_(?P<office>[0-9A-Za-z-]{1,8})_(?P<when>\d{8}-\d{6})(?:-\d+)?_(?P<reason>[^_]+)\.db$")


def folder(store: Store, root: Path | None = None) -> Path:
    """Where this database's backups go: *root*, else a 备份 folder next to the file."""
    if root is None:
        if store.path is None:
            raise DatabaseError("内存数据库没有备份文件夹。")
        root = store.path.parent / FOLDER_NAME
    root = Path(root)
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(f"无法创建备份文件夹（{exc.strerror or exc}）。", str(root)) from exc
    return root


def _prefix(store: Store) -> str:
    stem = store.path.stem if store.path else "内存"
    return f"{stem}_{(store.office_id or 'none')[:8]}_"


def make_backup(store: Store, reason: str = "自动", root: Path | None = None, *, thin_after: bool = True) -> Path:
    """Take a verified backup now; returns its path."""
    from models.store import copies as exchange  # zipfile, json …: not needed for the check at start-up

    where = folder(store, root)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    reason = reason.replace("_", "-") or "自动"
    target = where / f"{_prefix(store)}{stamp}_{reason}.db"
    count = 1
    while target.exists():
        count += 1
        target = where / f"{_prefix(store)}{stamp}-{count}_{reason}.db"
    try:
        # The bytes compared back (as fast as cp) instead of quick_check (which reads every page again, ≈2× cp).
        exchange.snapshot(store, target, check="copy")
    except DatabaseError as exc:
        raise DatabaseError(f"备份失败：{exc.message}", str(target)) from exc
    if thin_after:
        thin(store, root)
    return target


def list_backups(store: Store, root: Path | None = None) -> list[dict]:
    """This database's backups, newest first: path, when (datetime), reason, size."""
    where = folder(store, root)
    prefix = _prefix(store)
    found = []
    for path in where.glob("*.db"):
        match = _NAME.match(path.name)
        if not match or not path.name.startswith(prefix):
            continue
        when = datetime.strptime(match["when"], "%Y%m%d-%H%M%S")
        found.append({"path": path, "when": when, "reason": match["reason"], "size": path.stat().st_size})
    found.sort(key=lambda b: (b["when"], b["path"].name), reverse=True)
    return found


def _kept(backups: list[dict], today: datetime) -> set[Path]:
    keep = {b["path"] for b in backups[:KEEP_RECENT]}
    seen: set[tuple] = set()
    for b in backups:  # newest first: the first one seen in each slot is kept
        age = today - b["when"]
        when = b["when"]
        if age <= timedelta(days=KEEP_DAILY_DAYS):
            slot = ("d", when.date())
        elif age <= timedelta(weeks=KEEP_WEEKLY_WEEKS):
            slot = ("w", *when.isocalendar()[:2])
        elif age <= timedelta(days=31 * KEEP_MONTHLY_MONTHS):
            slot = ("m", when.year, when.month)
        else:
            continue
        if slot not in seen:
            seen.add(slot)
            keep.add(b["path"])
    return keep


def thin(store: Store, root: Path | None = None, today: datetime | None = None) -> list[Path]:
    """Delete backups no longer needed (see module doc); returns the deleted paths."""
    backups = list_backups(store, root)
    keep = _kept(backups, today or datetime.now())
    removed = []
    for b in backups:
        if b["path"] not in keep:
            try:
                b["path"].unlink()
                removed.append(b["path"])
            except OSError:
                pass  # a backup that cannot be deleted now is thinned next time
    return removed


def changed_since_backup(store: Store, root: Path | None = None) -> bool:
    """Whether the file changed since its newest backup (or has none)."""
    if store.path is None or not store.path.exists():
        return False
    newest = list_backups(store, root)
    return not newest or newest[0]["path"].stat().st_mtime < store.path.stat().st_mtime


def backup_if_changed(store: Store, root: Path | None = None, reason: str = "自动") -> Path | None:
    """A backup if the file changed since the newest one (the timer, closing the window, before an import)."""
    if store.readonly or not changed_since_backup(store, root):
        return None
    return make_backup(store, reason, root)


def before_many_changes(store: Store, reason: str) -> Path | None:
    """The backup before an action that changes many rows (import, new campaign, layout, repair):
    taken when the file changed since its newest backup; a backup that fails stops the action."""
    return backup_if_changed(store, None, reason)


def verify(path: Path) -> None:
    """Refuse a backup that does not open, fails the full integrity_check, or is from a newer version.

    The full check (indexes against their tables too, not only quick_check's pages) because a
    backup with a broken index would be restored over a sound database.
    """
    try:
        conn = connect_readonly(Path(path))
        try:
            found = [row[0] for row in conn.execute("PRAGMA integrity_check(5)").fetchall()]
            if found != ["ok"]:
                raise DatabaseError(f"这个备份已损坏（{'；'.join(found)}），不能用来恢复。", str(path))
            check_schema(conn, str(path))
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise DatabaseError(f"这个备份无法打开（{faults.explain(exc)}），不能用来恢复。", str(path)) from exc


def restore(store: Store, backup: Path, root: Path | None = None, progress=None) -> Path:
    """Replace the database's contents with *backup*, after backing up the current state.

    Returns the path of the backup taken just before (so the clerk can go back).  *progress(done, total,
    text)*, if given, is told before each step; the last call comes before the contents are replaced.
    """
    step = progress or (lambda *_: None)
    step(0, 3, "检查备份文件…")
    verify(backup)
    writes.wait_until_allowed(store.path)  # the backup API writes the live file outside store.atomic
    step(1, 3, "备份当前状态…")
    before = make_backup(store, "恢复前", root, thin_after=False)
    step(2, 3, "恢复…")
    source = connect_readonly(Path(backup))
    try:
        source.backup(store.conn)  # one write transaction on the live file: all or nothing
    except sqlite3.Error as exc:
        raise DatabaseError(f"恢复失败：{faults.explain(exc)}数据库保持原样。", str(backup)) from exc
    finally:
        source.close()
    return before


def latest_good(folder_path: Path, stem: str) -> dict | None:
    """The newest backup of a file named *stem* that passes the checks (a damaged file at start)."""
    candidates = []
    for path in Path(folder_path).glob(f"{stem}_*.db"):
        match = _NAME.match(path.name)
        if match and match["stem"] == stem:
            candidates.append((datetime.strptime(match["when"], "%Y%m%d-%H%M%S"), path))
    for when, path in sorted(candidates, reverse=True):
        try:
            verify(path)
        except DatabaseError:
            continue
        return {"path": path, "when": when}
    return None


def restore_file(backup: Path, target: Path) -> None:
    """Put a verified backup in place of a missing (set-aside) database file.

    The backup passed the full check just before: its bytes compared back (``check="copy"``) make the copy as
    sure, without a quick_check that would read the whole copy again (≈2× cp for a city's file)."""
    verify(backup)
    from models.store import copies as exchange

    source = connect_readonly(Path(backup))
    try:
        exchange.snapshot(Store(source, Path(backup), readonly=True), Path(target), check="copy")
    finally:
        source.close()


def backup_in_background(store: Store, reason: str, backup=None):
    """Start *backup* (default: :func:`make_backup`; a callable taking a store and a reason) on a
    second, read-only connection, so that it runs while the caller reads its input.

    The caller must write nothing until it calls the returned function, which joins the backup
    and gives its path (or raises its error).  Both run on both cores: a backup is mostly I/O in
    SQLite, which releases the GIL.
    """
    backup = backup or make_backup
    if store.path is None:  # an in-memory store has no file to read twice
        return lambda: backup(store, reason)
    box: dict = {}

    def work() -> None:
        try:
            side = open_file(store.path, readonly=True)
            try:
                box["path"] = backup(side, reason)
            finally:
                side.close()
        except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
            box["error"] = exc

    thread = threading.Thread(target=work, name=f"backup-{reason}", daemon=True)
    thread.start()

    def result():
        thread.join()
        if "error" in box:
            raise box["error"]
        return box.get("path")

    return result
