"""The one SQLite file that holds everything: opening, checks, transactions.

Opening refuses what is not ours (a folder, a missing folder, a non-SQLite
file, a read-only file, a file from a newer version) with a Chinese message
and without creating or changing anything.  Writes go through
:meth:`Store.batch`, which records every change for history and undo.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from models.clock import new_id, now
from models.errors import DatabaseError, SchemaTooNew
from models.store import faults, schema, writes

if TYPE_CHECKING:
    from models.store.history import Batch

SQLITE_HEADER = b"SQLite format 3\x00"
APP_MARK = "safety-month-desk"


def _check_path(path: Path, readonly: bool) -> None:
    if path.is_dir():
        raise DatabaseError("这是一个文件夹，不是数据库文件，请选择 .db 文件。", str(path))
    if not path.parent.is_dir():
        raise DatabaseError("所在的文件夹不存在，请先创建文件夹或换一个位置。", str(path))
    if not path.exists():
        if readonly:
            raise DatabaseError("数据库文件不存在。", str(path))
        if not os.access(path.parent, os.W_OK):
            raise DatabaseError("所在的文件夹不可写，无法新建数据库。", str(path))
        return
    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
    except OSError as exc:
        raise DatabaseError(f"无法读取文件（{exc.strerror}）。", str(path)) from exc
    if head and head != SQLITE_HEADER:
        raise DatabaseError("不是本程序的数据库文件（不是 SQLite 格式）。", str(path))
    if not readonly and not os.access(path, os.W_OK):
        raise DatabaseError("文件是只读的，无法保存修改。请复制到本机后再打开，或以只读方式打开。", str(path))


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    if readonly:
        uri = path.resolve().as_uri() + "?mode=ro"
        return sqlite3.connect(uri, uri=True, check_same_thread=False)
    return sqlite3.connect(str(path), check_same_thread=False)


class Store:
    """An open database file.  Use :func:`models.store.opening.open_store` to get one."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None, readonly: bool = False):
        self.conn = conn
        self.path = path
        self.readonly = readonly
        self._in_batch = False
        self._db = None
        self.lock = None  # the file's write lock (models.store.file_lock), released by close()
        self.closed = False  # a deferred step (a 0 ms timer) asks before it reads

    @property
    def db(self):
        """A sqlite-utils Database over the same connection (imported on first use)."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    @contextlib.contextmanager
    def atomic(self) -> Iterator[None]:
        """A transaction (a savepoint when nested): all or nothing."""
        if self.conn.in_transaction:
            name = f"sp_{new_id().replace('-', '')}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    self.conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            self.conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        if not self.readonly:
            writes.wait_until_allowed(self.path)  # held while the whole-file check runs after the first paint
        self.conn.execute("BEGIN")
        try:
            yield
        except BaseException:
            self.conn.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.rollback()
            raise

    # -- reading -------------------------------------------------------
    def rows(self, sql: str, params: tuple | list | dict = ()) -> list[dict]:
        cursor = self.conn.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def row(self, sql: str, params: tuple | list | dict = ()) -> dict | None:
        found = self.rows(sql, params)
        return found[0] if found else None

    def scalar(self, sql: str, params: tuple | list | dict = ()):
        found = self.conn.execute(sql, params).fetchone()
        return found[0] if found else None

    def get(self, table: str, record_id: str) -> dict | None:
        return self.row(f"SELECT * FROM [{table}] WHERE id = ?", (record_id,))

    def meta(self, key: str, default: str | None = None) -> str | None:
        value = self.scalar("SELECT value FROM meta WHERE key = ?", (key,))
        return default if value is None else value

    @property
    def office_id(self) -> str:
        return self.meta("office_id") or ""

    # -- writing -------------------------------------------------------
    @contextlib.contextmanager
    def batch(self, label: str, source: str = "manual") -> Iterator[Batch]:
        """One user action: all its writes in one transaction, recorded for undo."""
        from models.store.history import Batch

        if self.readonly:
            raise DatabaseError("数据库以只读方式打开，不能修改。", str(self.path))
        if self._in_batch:
            raise RuntimeError("batches do not nest")
        self._in_batch = True
        try:
            with self.atomic():
                batch = Batch(self, label, source)
                yield batch
                batch.finish()
        finally:
            self._in_batch = False

    def set_meta(self, key: str, value: str) -> None:
        if isinstance(value, str):
            from models.store.text_gate import clean_text  # its patterns are compiled when first written

            value = clean_text(value, multiline=False)  # the office's name signs every export
        with self.atomic():
            self.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def close(self) -> None:
        self.closed = True
        self.conn.close()
        if self.lock is not None:
            self.lock.release()


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='_sqlite_migrations'").fetchone()
    if not exists:
        return []
    rows = conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", (schema.MIGRATION_SET,)
    ).fetchall()
    return [r[0] for r in rows]


def _user_tables(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")
    return {r[0] for r in rows}


def check_schema(conn: sqlite3.Connection, where: str) -> list[str]:
    """Raise if the file is not ours or is newer; return pending migration names."""
    tables = _user_tables(conn)
    applied = applied_migrations(conn)
    if tables and not applied:
        raise DatabaseError("这个 SQLite 文件不是安全生产月工作台的数据库。", where)
    unknown = set(applied) - set(schema.known_names())
    if unknown:
        raise SchemaTooNew(
            "这个数据库由更新版本的安全生产月工作台创建（数据结构版本更高），请先升级本程序再打开。文件未作任何修改。",
            where,
        )
    done = set(applied)
    return [name for name in schema.known_names() if name not in done]


CACHE_KIB = 16 * 1024


def _configure(conn: sqlite3.Connection, readonly: bool) -> None:
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if mode.lower() != "delete":
            raise DatabaseError(f"无法设置日志模式（{mode}）。")
    conn.execute("PRAGMA synchronous = FULL")
    # 16 MiB of page cache instead of SQLite's 2 MiB: a campaign's figures index (≈4 MB for a large
    # district) stays in memory, so totals over all weeks read ≈25 % faster.
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")


def connect_readonly(path: str | os.PathLike) -> sqlite3.Connection:
    """A read-only connection to any SQLite file (a backup, a copy on the stick) without the checks of
    :func:`open_file`, to verify or copy it (``Store(conn, path, readonly=True)`` to read it).  The one
    place besides :func:`open_file` that connects to a file; sqlite3 errors pass through."""
    return _connect(Path(path), readonly=True)


def open_file(
    path: str | os.PathLike,
    *,
    readonly: bool = False,
    office_name: str | None = None,
    before_upgrade: Callable[[Store], None] | None = None,
) -> Store:
    """Open (or create) the database file at *path*; an older schema is upgraded after *before_upgrade*.

    The app opens through :func:`models.store.opening.open_store`, which takes a backup first; without
    *before_upgrade* a file that needs upgrading is refused unchanged (read-only opens never upgrade).
    """
    path = Path(path)
    where = str(path)
    _check_path(path, readonly)
    is_new = not path.exists() or path.stat().st_size == 0
    conn = None
    try:
        conn = _connect(path, readonly)
        _configure(conn, readonly)
        pending = check_schema(conn, where)
    except sqlite3.Error as exc:
        with contextlib.suppress(Exception):
            if conn is not None:
                conn.close()
        if faults.kind(exc) in ("damaged", "other"):
            raise DatabaseError(f"数据库文件已损坏或无法读取（{exc}）。", where) from exc
        raise faults.as_desk_error(exc, where) from exc
    except DatabaseError:
        conn.close()
        raise
    store = Store(conn, path, readonly)
    if pending:
        if readonly:
            conn.close()
            raise DatabaseError("这个数据库需要升级，不能以只读方式打开。", where)
        if not is_new and applied_migrations(conn):
            if before_upgrade is None:
                conn.close()
                raise DatabaseError("这个数据库需要升级，请用本程序打开。", where)
            before_upgrade(store)
        try:
            _migrate(store, office_name)
        except sqlite3.Error as exc:
            conn.close()
            raise DatabaseError(f"数据库升级失败（{faults.explain(exc)}），文件保持原样。", where) from exc
    return store


def memory_store() -> Store:
    """A fresh in-memory database (tests, previews of incoming files)."""
    conn = sqlite3.connect(":memory:", check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    store = Store(conn, None)
    _migrate(store, None)
    return store


def _migrate(store: Store, office_name: str | None) -> None:
    schema.migration_set().apply(store.db)
    with store.atomic():
        defaults = {
            "app": APP_MARK,
            "office_id": new_id(),
            "office_name": office_name or "",
            "created_at": now(),
        }
        for key, value in defaults.items():
            store.conn.execute("INSERT OR IGNORE INTO meta (key, value) VALUES (?, ?)", (key, value))
        store.conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
            (str(schema.SCHEMA_VERSION),),
        )


def copy_database(source: Store, target: Path) -> None:
    """Consistent copy of an open database (SQLite backup API)."""
    dest = sqlite3.connect(str(target))
    try:
        source.conn.backup(dest)
    finally:
        dest.close()
