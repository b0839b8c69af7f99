"""Change history and undo/redo: the only writer of the undo log (tables ``batches`` and ``changes``).

Every write goes through a :class:`Batch` (one user action, e.g. "导入 12 个文件"); it knows tables and
rows, no feature (figures are written by models.progress.figures over ``write_many``).
Each changed row is recorded with its old and new state as JSON (whole rows; the changed fields only for
the many-row updates of ``write_many``), so a batch can be undone and redone, and the history travels with the file.
Undo works strictly in stack order: the newest done batch is undone first;
a new action drops whatever could still be redone.
"""

from __future__ import annotations

import base64
import json
import sqlite3
from typing import TYPE_CHECKING, Any

from models.clock import new_id, now, ordered_ids
from models.store.text_gate import clean_row, clean_rows

if TYPE_CHECKING:
    from models.store.database import Store

# Tables whose changes are not worth an undo entry of their own.
UNTRACKED = {"meta", "batches", "changes"}


def _refuse(value):
    raise TypeError(f"Object of type {value.__class__.__name__} is not JSON serializable")


def _encoder():
    """``json.JSONEncoder(ensure_ascii=False).encode`` without what it sets up anew for every row (a dict of
    the rows seen, a closure and the C encoder itself): the same text, 18,000 figure rows in 0.031 s instead
    of 0.045–0.052.  Rows are flat (values of SQLite), so nothing circular needs looking for."""
    make = json.encoder.c_make_encoder
    if make is None:  # a Python without the C part of json
        return json.JSONEncoder(ensure_ascii=False).encode
    encode = make(None, _refuse, json.encoder.encode_basestring, None, ": ", ", ", False, False, True)
    return lambda row: "".join(encode(row, 0))


_ENCODE = _encoder()  # one encoder for every row (json.dumps builds one per call)


def _dump(row: dict | None) -> str | None:
    if row is None:
        return None
    try:
        return _ENCODE(row)  # nearly every row: no look at each value for bytes first
    except TypeError:  # bytes (an attachment's content) are not JSON: written as base64
        row = {k: {"$b64": base64.b64encode(v).decode()} if isinstance(v, bytes) else v for k, v in row.items()}
        return _ENCODE(row)


# UPDATE … FROM came with SQLite 3.33 (python.org's Python 3.11 for Windows brings a newer one; a Linux
# Python uses the system's, which may be older): there many rows a statement, else one (a flag: the tests
# run both ways).
UPDATE_FROM = sqlite3.sqlite_version_info >= (3, 33, 0)
_PARAMS = 999  # parameters per statement: the lowest limit of any SQLite (3.32 and later allow 32,766)


def _statements(params: list[tuple], width: int):
    """(rows, their values flat) for INSERTs of many rows each.  A new figure fires the sums' trigger, and
    SQLite keeps a statement journal of the pages each such statement touches, in a file once one statement
    outgrew 64 KiB: 9,000 one-row INSERTs wrote the same few pages 9,000 times (a city import of 9,000 new
    figures: 325 MB written; 72 MB in statements of 124 rows, with ordered ids).  Measured and left one row a
    statement: DELETEs (114 MB against 140; in chunks of ``id IN (…)`` 0.31–0.33 s against 0.29 for a city
    week's 8,550) and the changes (8 against 27).  UPDATEs: see ``Batch._update``."""
    per = max(1, _PARAMS // width)
    for at in range(0, len(params), per):
        part = params[at : at + per]
        yield len(part), [value for row in part for value in row]


def _changed_part(old: dict, fields: dict, stamp: str) -> tuple[dict, dict]:
    """An update's record: the fields it changes (and the stamp) before and after, not the whole rows.  Undo
    and redo restore a row in stack order, when it exists: a part is enough (a figure's 9,000 records of a
    paste: a third of the bytes to encode and write)."""
    names = [*(k for k in fields if k != "updated_at"), "updated_at"]
    after = {**fields, "updated_at": stamp}
    return {k: old.get(k) for k in names}, {k: after[k] for k in names}


def _load(state: str) -> dict:
    row = json.loads(state)
    return {k: base64.b64decode(v["$b64"]) if isinstance(v, dict) and "$b64" in v else v for k, v in row.items()}


class Batch:
    """Writes of one user action, recorded for history and undo."""

    def __init__(self, store: Store, label: str, source: str):
        self.store = store
        self.conn = store.conn
        self.id = new_id()
        self.label = label
        self.source = source
        self.stamp = now()
        self.count = 0
        self._changes: list[tuple] = []

    # -- primitives ----------------------------------------------------
    def insert(self, table: str, row: dict[str, Any]) -> str:
        row = dict(clean_row(table, row))  # the text gate: every write of every action passes here
        row.setdefault("id", new_id())
        row.setdefault("created_at", self.stamp)
        row.setdefault("updated_at", self.stamp)
        names = ", ".join(f"[{k}]" for k in row)
        marks = ", ".join("?" for _ in row)
        self.conn.execute(f"INSERT INTO [{table}] ({names}) VALUES ({marks})", list(row.values()))
        self._record(table, row["id"], None, row)
        return row["id"]

    def update(self, table: str, record_id: str, fields: dict[str, Any]) -> bool:
        """Change some fields of one row; returns False if nothing changed."""
        old = self.store.get(table, record_id)
        if old is None:
            raise KeyError(f"{table} {record_id}")
        fields = {k: v for k, v in clean_row(table, fields).items() if old.get(k) != v}
        if not fields:
            return False
        fields["updated_at"] = self.stamp
        sets = ", ".join(f"[{k}] = ?" for k in fields)
        self.conn.execute(f"UPDATE [{table}] SET {sets} WHERE id = ?", [*fields.values(), record_id])
        self._record(table, record_id, old, {**old, **fields})
        return True

    def delete(self, table: str, record_id: str) -> None:
        old = self.store.get(table, record_id)
        if old is None:
            return
        self.conn.execute(f"DELETE FROM [{table}] WHERE id = ?", (record_id,))
        self._record(table, record_id, old, None)

    def write_many(
        self,
        table: str,
        inserts: list[dict[str, Any]] = (),
        updates: list[tuple[dict, dict[str, Any]]] = (),
        deletes: list[dict] = (),
    ) -> None:
        """Many rows of one table at once (few statements), every change recorded for history and undo.

        *inserts* are new rows (id and stamps added where missing); *updates* are (old row, changed fields);
        *deletes* the old rows.  The caller has read the old rows (one query for many), so nothing is read here.
        """
        inserts = clean_rows(table, list(inserts))  # the text gate, as for every other write
        updates = list(zip([old for old, _ in updates], clean_rows(table, [fields for _, fields in updates])))
        rows = []
        ids = iter(ordered_ids(sum(1 for row in inserts if not row.get("id"))))  # in order: neighbouring pages
        for row in inserts:
            if not row.get("id") or "created_at" not in row or "updated_at" not in row:
                row = {"created_at": self.stamp, "updated_at": self.stamp, **row, "id": row.get("id") or next(ids)}
            rows.append(row)
        changed = [(old["id"], *_changed_part(old, fields, self.stamp)) for old, fields in updates]
        self._record_many(  # in this order (seq): inserts, updates, deletes
            table,
            [(row["id"], None, row) for row in rows] + changed + [(old["id"], old, None) for old in deletes],
        )
        by_names: dict[tuple, list[tuple]] = {}
        for row in rows:
            by_names.setdefault(tuple(row), []).append(tuple(row.values()))
        for names, params in by_names.items():
            columns, marks = ", ".join(f"[{k}]" for k in names), "(" + ", ".join("?" * len(names)) + ")"
            for part, values in _statements(params, len(names)):
                self.conn.execute(f"INSERT INTO [{table}] ({columns}) VALUES {', '.join([marks] * part)}", values)
        runs: list[tuple[tuple, list[tuple]]] = []  # (names, rows of id and values): the callers' order kept
        for record_id, _before, after in changed:
            names = tuple(after)
            if not runs or runs[-1][0] != names:
                runs.append((names, []))
            runs[-1][1].append((record_id, *after.values()))
        for names, params in runs:
            self._update(table, names, params)
        if deletes:  # one row a statement (see _statements)
            self.conn.executemany(f"DELETE FROM [{table}] WHERE id = ?", [(old["id"],) for old in deletes])

    def _update(self, table: str, names: tuple, params: list[tuple]) -> None:
        """Rows of (id, *values of *names*), applied in this order.  Where SQLite has it (3.33), UPDATE … FROM
        (VALUES …) of up to 999 parameters a statement: a city import's 8,485 changed figures in 0.10–0.12 s
        instead of 0.15–0.17 one row a statement, a city paste's 9,000 in 0.12 instead of 0.13 (each row fires
        the sums' trigger either way; 500 to 4,000 parameters a statement measured the same).  Bytes written
        are mostly the statement journals, a temp file never synced: the import's 137 MB become 68 (after
        its INSERTs that journal is a file, which each one-row statement wrote again), the paste's 14 MB 41.
        A row named twice starts a new statement: one statement would write it once, with either value."""
        if not UPDATE_FROM:
            sets = ", ".join(f"[{k}] = ?" for k in names)
            self.conn.executemany(f"UPDATE [{table}] SET {sets} WHERE id = ?", [(*p[1:], p[0]) for p in params])
            return
        sets = ", ".join(f"[{k}] = v.column{n}" for n, k in enumerate(names, start=2))
        per, mark = max(1, _PARAMS // (len(names) + 1)), "(" + ", ".join("?" * (len(names) + 1)) + ")"
        at = 0
        while at < len(params):
            part, seen = params[at : at + per], set()
            for n, row in enumerate(part):
                if row[0] in seen:
                    part = part[:n]
                    break
                seen.add(row[0])
            values = ", ".join([mark] * len(part))
            sql = f"UPDATE [{table}] SET {sets} FROM (VALUES {values}) AS v WHERE [{table}].id = v.column1"
            self.conn.execute(sql, [value for row in part for value in row])
            at += len(part)

    # -- set-wise writers (a merge writes its rows and their changes with SQL) ----------------------
    def record_select(self, select_sql: str, params: dict) -> int:
        """Record the changes a query computes: *select_sql* yields (seq, table_name, record_id, old, new),
        old/new as JSON text.  Written at once; returns the batch's highest seq so far."""
        self.conn.execute(
            "INSERT INTO main.changes (id, batch_id, seq, table_name, record_id, old, new, created_at)"
            " SELECT lower(hex(randomblob(16))), :_batch, q.seq, q.table_name, q.record_id, q.old, q.new, :_stamp"
            f" FROM ({select_sql}) AS q",
            {**params, "_batch": self.id, "_stamp": self.stamp},
        )
        return self.last_seq()

    def record_rows(self, table: str, rows: list[tuple[dict | None, dict]], seq: int) -> int:
        """Record (old, new) rows of *table* at once, numbered after *seq*; returns the last seq."""
        records = [
            (change_id, self.id, seq + k, table, new["id"], _dump(old), _dump(new), self.stamp)
            for k, (change_id, (old, new)) in enumerate(zip(ordered_ids(len(rows)), rows), start=1)
        ]
        seq += len(rows)
        self.conn.executemany(
            "INSERT INTO main.changes (id, batch_id, seq, table_name, record_id, old, new, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            records,
        )
        return seq

    def last_seq(self) -> int:
        found = self.conn.execute("SELECT coalesce(max(seq), 0) FROM main.changes WHERE batch_id = ?", (self.id,))
        return found.fetchone()[0]

    def register(self, state: str = "done") -> None:
        """The batch's own row, for changes written set-wise; 'dropped' when it cannot be undone row by row
        (then earlier actions cannot be undone past it either)."""
        older = "('undone')" if state == "done" else "('undone', 'done')"
        self.conn.execute(f"UPDATE batches SET state = 'dropped' WHERE state IN {older}")
        self.conn.execute(
            "INSERT INTO batches (id, label, source, state, office_id, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (self.id, self.label, self.source, state, self.store.office_id, self.stamp, self.stamp),
        )

    # -- bookkeeping ---------------------------------------------------
    def _record(self, table: str, record_id: str, old: dict | None, new: dict | None) -> None:
        self._record_many(table, [(record_id, old, new)])

    def _record_many(self, table: str, states: list[tuple[str, dict | None, dict | None]]) -> None:
        """One change per (record id, old row, new row), in this order (None: inserted / deleted)."""
        self.count += len(states)
        if table in UNTRACKED or not states:
            return
        seq = len(self._changes)
        self._changes.extend(
            (change_id, self.id, seq + k, table, record_id, _dump(old), _dump(new), self.stamp)
            for k, (change_id, (record_id, old, new)) in enumerate(zip(ordered_ids(len(states)), states))
        )

    def finish(self) -> None:
        if not self._changes:
            return
        self.conn.execute("UPDATE batches SET state = 'dropped' WHERE state = 'undone'")
        self.conn.execute(
            "INSERT INTO batches (id, label, source, state, office_id, created_at, updated_at)"
            " VALUES (?, ?, ?, 'done', ?, ?, ?)",
            (self.id, self.label, self.source, self.store.office_id, self.stamp, self.stamp),
        )
        self.conn.executemany(  # one row a statement (see _statements)
            "INSERT INTO changes (id, batch_id, seq, table_name, record_id, old, new, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            self._changes,
        )


def adopt_history(conn, schema: str) -> int:
    """Copy the batches and changes of an attached file (*schema*) this file lacks, as 'dropped': the other
    office's history comes along, but never enters this office's undo stack.  Returns the batches copied."""
    conn.execute("DROP TABLE IF EXISTS temp.new_batches")
    conn.execute(
        f"CREATE TEMP TABLE new_batches AS SELECT id FROM [{schema}].batches b"
        " WHERE NOT EXISTS (SELECT 1 FROM main.batches x WHERE x.id = b.id)"
    )
    conn.execute(
        "INSERT INTO main.batches (id, label, source, state, office_id, created_at, updated_at)"
        " SELECT b.id, label, source, 'dropped', office_id, created_at, updated_at"
        f" FROM temp.new_batches n JOIN [{schema}].batches b ON b.id = n.id"
    )
    conn.execute(
        "INSERT OR IGNORE INTO main.changes (id, batch_id, seq, table_name, record_id, old, new, created_at)"
        " SELECT c.id, c.batch_id, c.seq, c.table_name, c.record_id, c.old, c.new, c.created_at"
        f" FROM temp.new_batches n JOIN [{schema}].changes c ON c.batch_id = n.id"
    )
    copied = conn.execute("SELECT count(*) FROM temp.new_batches").fetchone()[0]
    conn.execute("DROP TABLE temp.new_batches")
    return copied


def forget(conn, tables: tuple[str, ...] | list[str]) -> None:
    """In a copy made for another office: drop the recorded changes of *tables* (their rows are gone) and
    make every action history only, nothing the recipient can undo."""
    marks = ", ".join("?" for _ in tables)
    conn.execute(f"DELETE FROM changes WHERE table_name IN ({marks})", list(tables))
    conn.execute("UPDATE batches SET state = 'dropped' WHERE state <> 'dropped'")


# -- undo / redo ---------------------------------------------------------
def _restore(store: Store, table: str, record_id: str, state: str | None) -> None:
    exists = store.scalar(f"SELECT 1 FROM [{table}] WHERE id = ?", (record_id,))
    if state is None:
        if exists:
            store.conn.execute(f"DELETE FROM [{table}] WHERE id = ?", (record_id,))
        return
    row = _load(state)
    if exists:
        sets = ", ".join(f"[{k}] = ?" for k in row)
        store.conn.execute(f"UPDATE [{table}] SET {sets} WHERE id = ?", [*row.values(), record_id])
    else:
        names = ", ".join(f"[{k}]" for k in row)
        marks = ", ".join("?" for _ in row)
        store.conn.execute(f"INSERT INTO [{table}] ({names}) VALUES ({marks})", list(row.values()))


def undoable(store: Store) -> dict | None:
    return store.row("SELECT * FROM batches WHERE state = 'done' ORDER BY created_at DESC, rowid DESC LIMIT 1")


def redoable(store: Store) -> dict | None:
    # Undone batches are always the newest ones (a new action drops them),
    # so the one undone last is the oldest of them.
    return store.row("SELECT * FROM batches WHERE state = 'undone' ORDER BY created_at ASC, rowid ASC LIMIT 1")


def undo(store: Store) -> str | None:
    """Undo the newest action; returns its label, or None if there is nothing to undo."""
    batch = undoable(store)
    if batch is None:
        return None
    changes = store.rows("SELECT * FROM changes WHERE batch_id = ? ORDER BY seq DESC", (batch["id"],))
    with store.atomic():
        for change in changes:
            _restore(store, change["table_name"], change["record_id"], change["old"])
        store.conn.execute("UPDATE batches SET state = 'undone', updated_at = ? WHERE id = ?", (now(), batch["id"]))
    return batch["label"]


def redo(store: Store) -> str | None:
    """Redo the action undone last; returns its label, or None."""
    batch = redoable(store)
    if batch is None:
        return None
    changes = store.rows("SELECT * FROM changes WHERE batch_id = ? ORDER BY seq ASC", (batch["id"],))
    with store.atomic():
        for change in changes:
            _restore(store, change["table_name"], change["record_id"], change["new"])
        store.conn.execute("UPDATE batches SET state = 'done', updated_at = ? WHERE id = ?", (now(), batch["id"]))
    return batch["label"]


def record_history(store: Store, table: str, record_id: str) -> list[dict]:
    """Every recorded change of one record, oldest first, with its action's label."""
    return store.rows(
        "SELECT c.created_at, b.label, b.source, c.old, c.new FROM changes c"
        " JOIN batches b ON b.id = c.batch_id"
        " WHERE c.table_name = ? AND c.record_id = ? ORDER BY c.created_at, c.seq",
        (table, record_id),
    )
