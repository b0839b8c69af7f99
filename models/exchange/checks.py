"""Checks on an incoming file before it is merged: kind, size, integrity, schema, hostile content.

The file is first copied to a private temp folder (the stick may be pulled, and
the original must never be touched); every check runs on that copy with
``trusted_schema=OFF`` and ``cell_size_check=ON``.  Anything odd is refused with a Chinese message.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import threading
from pathlib import Path

from models.errors import ImportRejected
from models.exchange.staging import TABLES as SCANNED
from models.store import attached_history, leftovers, schema, text_gate
from models.store.database import SQLITE_HEADER, applied_migrations

MAX_FILE_BYTES = 2 * 1024**3
MAX_CELL_BYTES = 16 * 1024**2  # a notice body or an xlsx template is far smaller
ALLOWED_EXTRA = {"_sqlite_migrations", "sqlite_sequence", "sqlite_stat1", "sqlite_stat4"}


class IncomingFile:
    """A checked private copy of another office's file; use as a context manager."""

    def __init__(self, source: Path):
        self.source = Path(source)
        leftovers.sweep_temp_folders()  # the copies of merges that were killed
        self.folder = leftovers.temp_folder("merge")
        self.path = self.folder / "incoming.db"
        self.meta: dict[str, str] = {}
        self._verifier: threading.Thread | None = None
        self._integrity_result = "ok"
        self._text_refusal: str | None = None  # the text gate's verdict, found beside the integrity check
        try:
            self._copy()
            self._check()
        except BaseException:
            self.close()
            raise

    def __enter__(self) -> IncomingFile:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._verifier is not None:
            self._verifier.join()
        shutil.rmtree(self.folder, ignore_errors=True)

    @property
    def office_id(self) -> str:
        return self.meta.get("office_id", "")

    @property
    def office_name(self) -> str:
        return self.meta.get("office_name", "") or "（未命名单位）"

    def _refuse(self, why: str) -> None:
        raise ImportRejected(f"{why}文件未合并，本机数据未改动。", str(self.source))

    def _copy(self) -> None:
        src = self.source
        if not src.is_file():
            self._refuse("找不到这个文件，或它不是文件。")
        size = src.stat().st_size
        if size > MAX_FILE_BYTES:
            self._refuse(f"文件过大（{size // 1024**2} MB，上限 {MAX_FILE_BYTES // 1024**2} MB）。")
        try:
            with open(src, "rb") as handle:
                head = handle.read(16)
            if head != SQLITE_HEADER:
                self._refuse("这不是安全生产月工作台的数据库文件（不是 SQLite 格式）。")
            shutil.copyfile(src, self.path)
        except OSError as exc:
            self._refuse(f"无法读取文件（{exc.strerror or exc}）。")

    def connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(str(self.path))
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("PRAGMA cell_size_check = ON")
        return conn

    def _check(self) -> None:
        try:
            conn = self.connect()
        except sqlite3.Error as exc:
            self._refuse(f"文件已损坏，无法打开（{exc}）。")
        try:
            self._check_conn(conn)
        except sqlite3.Error as exc:
            self._refuse(f"文件已损坏或无法读取（{exc}）。")
        finally:
            with contextlib.suppress(sqlite3.Error):
                conn.close()

    def _check_conn(self, conn: sqlite3.Connection) -> None:
        # Schema first: nothing in it may run code, and only our tables are allowed.
        objects = conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
        ours = schema.TRIGGERS  # the figures' sums, kept by SQLite: accepted only word for word
        odd = [
            f"{kind} {name}"
            for kind, name, sql in objects
            if kind == "view" or (kind == "trigger" and ours.get(name) != sql)
        ]
        if odd:
            self._refuse(f"文件中含有触发器或视图（{'、'.join(odd[:3])}），可能被改动过，出于安全不予合并。")
        tables = {name for kind, name, _ in objects if kind == "table"}
        unknown = sorted(tables - set(schema.TABLES) - ALLOWED_EXTRA)
        if unknown:
            self._refuse(f"文件中有本程序不认识的表（{'、'.join(unknown[:3])}）。")
        result = conn.execute("PRAGMA quick_check").fetchall()  # fast: pages, cells, sizes
        if result != [("ok",)]:
            self._refuse(f"文件未通过完整性检查（{result[0][0]}），可能已损坏或被截断。")
        applied = applied_migrations(conn)
        if not applied or "meta" not in tables:
            self._refuse("这个 SQLite 文件不是安全生产月工作台的数据库。")
        if set(applied) - set(schema.known_names()):
            self._refuse("这个文件由更新版本的安全生产月工作台创建，请先升级本程序再合并。")
        if set(schema.known_names()) - set(applied):  # an older file: upgrade the private copy only
            from sqlite_utils import Database  # only for an older file: not at start-up

            schema.migration_set().apply(Database(conn, execute_plugins=False))
        self._check_cells(conn)
        self.meta = attached_history.meta(conn)
        # The full integrity_check (indexes against tables) is slow on a big file: it runs on
        # its own connection while the preview is staged, and wait_verified() joins it.
        self._verifier = threading.Thread(target=self._integrity, daemon=True)
        self._verifier.start()

    def _integrity(self) -> None:
        """integrity_check (indexes against their table, UNIQUE) of the tables the merge reads through indexes.

        The merged data tables are only ever read whole, by scanning the table (merge_stage's views), so
        their indexes cannot mislead the merge, and their pages, cells and NOT NULL constraints passed
        quick_check already; a duplicate id among them is refused when written.  Checking their indexes
        too cost 1.2 s of CPU on a large district's 200,000 figures, beside the merge itself.
        """
        try:
            conn = self.connect()
            try:
                names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
                scanned = {table for table, _ in SCANNED}
                for name in sorted(set(names) - scanned):
                    result = conn.execute(f"PRAGMA integrity_check([{name}])").fetchone()[0]
                    if result != "ok":
                        self._integrity_result = result
                        return
                self._text_refusal = self._check_text(conn)
            finally:
                conn.close()
        except sqlite3.Error as exc:
            self._integrity_result = str(exc)

    def wait_verified(self) -> None:
        """Refuse the file if the full integrity_check failed (waits for it to finish)."""
        if self._verifier is not None:
            self._verifier.join()
            self._verifier = None
        if self._integrity_result != "ok":
            self._refuse(f"文件未通过完整性检查（{self._integrity_result}），可能已损坏或被改动过。")
        if self._text_refusal:
            self._refuse(self._text_refusal)

    def _check_text(self, conn: sqlite3.Connection) -> str | None:
        """The text gate's rules (models.store.text_gate) on every merged table: why, naming table, row, column."""
        for table, _ in SCANNED:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info([{table}])") if r[2].upper() == "TEXT"]
            found = text_gate.refused_cell(conn, "main", table, columns)
            if found:
                row, record_id, column, why = found
                return f"表 {table} 第 {row} 行（id {record_id}）的 {column} 列{why}，可能被改动过，不予合并。"
        return None

    def _check_cells(self, conn: sqlite3.Connection) -> None:
        limit = MAX_CELL_BYTES
        for table in schema.TABLES:
            columns = [r[1] for r in conn.execute(f"PRAGMA table_info([{table}])")]
            wide = [c for c in columns if c not in ("id", "created_at", "updated_at")]
            if not wide:
                continue
            parts = ", ".join(f"max(length(CAST([{c}] AS BLOB)))" for c in wide)
            sizes = conn.execute(f"SELECT {parts} FROM [{table}]").fetchone()
            for column, size in zip(wide, sizes):
                if size and size > limit:
                    self._refuse(
                        f"表 {table} 的 {column} 列中有超大的内容（{size // 1024**2} MB，"
                        f"上限 {limit // 1024**2} MB），可能被改动过。"
                    )
