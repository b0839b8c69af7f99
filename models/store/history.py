"""Change history and undo/redo.

Every write goes through a :class:`Batch` (one user action, e.g. "导入 12 个文件").
Each changed row is recorded with its whole old and new state as JSON, so a
batch can be undone and redone, and the history travels with the file.
Undo works strictly in stack order: the newest done batch is undone first;
a new action drops whatever could still be redone.
"""

from __future__ import annotations

import base64
import json
from typing import TYPE_CHECKING, Any

from models.clock import new_id, now
from models.store.text_gate import clean_row

if TYPE_CHECKING:
    from models.store.database import Store

# Tables whose changes are not worth an undo entry of their own.
UNTRACKED = {"meta", "batches", "changes"}


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode  # one encoder for every row (json.dumps builds one per call)


def _dump(row: dict | None) -> str | None:
    if row is None:
        return None
    if any(isinstance(v, bytes) for v in row.values()):
        row = {k: {"$b64": base64.b64encode(v).decode()} if isinstance(v, bytes) else v for k, v in row.items()}
    return _ENCODE(row)


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

    def set_figure(self, unit_id: str, period_id: str, indicator_id: str, value, source: str | None = None) -> str:
        """Set one figure; None clears it.  Returns 'added', 'changed', 'unchanged' or 'cleared'."""
        old = self.store.row(
            "SELECT * FROM figures WHERE unit_id = ? AND period_id = ? AND indicator_id = ?",
            (unit_id, period_id, indicator_id),
        )
        if value is None:
            if old is None:
                return "unchanged"
            self.delete("figures", old["id"])
            return "cleared"
        if old is None:
            self.insert(
                "figures",
                {
                    "unit_id": unit_id,
                    "period_id": period_id,
                    "indicator_id": indicator_id,
                    "value": value,
                    "source": source or self.source,
                },
            )
            return "added"
        if old["value"] == value:
            return "unchanged"
        self.update("figures", old["id"], {"value": value, "source": source or self.source})
        return "changed"

    def set_figures(self, rows, source: str | None = None) -> dict[str, int]:
        """Set many figures at once: rows of (unit_id, period_id, indicator_id, value); None clears.

        Existing values are read with one query per period and written with executemany,
        each change still recorded for history and undo.  Returns counts per outcome.
        """
        counts = {"added": 0, "changed": 0, "unchanged": 0, "cleared": 0}
        rows = list(rows)
        existing: dict[tuple, dict] = {}
        for period_id in {row[1] for row in rows}:
            for old in self.store.rows("SELECT * FROM figures WHERE period_id = ?", (period_id,)):
                existing[(old["unit_id"], old["period_id"], old["indicator_id"])] = old
        source = source or self.source
        inserts, updates, deletes = [], [], []
        for unit_id, period_id, indicator_id, value in rows:
            old = existing.get((unit_id, period_id, indicator_id))
            if value is None:
                if old is not None:
                    deletes.append((old["id"],))
                    self._record("figures", old["id"], old, None)
                    counts["cleared"] += 1
                else:
                    counts["unchanged"] += 1
            elif old is None:
                new = {
                    "id": new_id(),
                    "unit_id": unit_id,
                    "period_id": period_id,
                    "indicator_id": indicator_id,
                    "value": value,
                    "source": source,
                    "created_at": self.stamp,
                    "updated_at": self.stamp,
                }
                existing[(unit_id, period_id, indicator_id)] = new
                inserts.append(tuple(new.values()))
                self._record("figures", new["id"], None, new)
                counts["added"] += 1
            elif old["value"] == value:
                counts["unchanged"] += 1
            else:
                new = {**old, "value": value, "source": source, "updated_at": self.stamp}
                existing[(unit_id, period_id, indicator_id)] = new
                updates.append((value, source, self.stamp, old["id"]))
                self._record("figures", old["id"], old, new)
                counts["changed"] += 1
        self.conn.executemany(
            "INSERT INTO figures (id, unit_id, period_id, indicator_id, value, source, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            inserts,
        )
        self.conn.executemany("UPDATE figures SET value = ?, source = ?, updated_at = ? WHERE id = ?", updates)
        self.conn.executemany("DELETE FROM figures WHERE id = ?", deletes)
        return counts

    # -- bookkeeping ---------------------------------------------------
    def _record(self, table: str, record_id: str, old: dict | None, new: dict | None) -> None:
        self.count += 1
        if table in UNTRACKED:
            return
        self._changes.append(
            (new_id(), self.id, len(self._changes), table, record_id, _dump(old), _dump(new), self.stamp)
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
        self.conn.executemany(
            "INSERT INTO changes (id, batch_id, seq, table_name, record_id, old, new, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            self._changes,
        )


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
