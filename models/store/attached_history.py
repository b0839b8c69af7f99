"""What the undo log and the meta of another file tell: reads over (connection, schema name).

A merge attaches the other office's file to this file's connection (as ``inc``, this file being ``main``);
the checks of an incoming file read its meta before it is ever opened as a Store.  The exchange asks these
questions here instead of writing SQL on ``meta``, ``batches`` and ``changes`` itself:

- which batches one side has and the other lacks (``missing_batches``);
- which records one side changed since the two last met (``changed_since_met``: a temp view, so a
  staging query joins it set-wise, row by row through the ``changes_record`` index);
- which records were deleted on one side (``deleted_records``, also a temp view);
- each record's last change, for many records at once (``last_changes``);
- the meta of a file, and the offices it has met (``meta``, ``meetings``).

*schema* is a name the caller chose for an attached database (``main``, ``inc``), never the clerk's text.
"""

from __future__ import annotations

import json
import sqlite3

# "Changed on one side since they last met" = a change to the record in a batch the other side does not
# have yet.  Merge batches only copy the other side's values, so they do not count; undone ones neither.
_CHANGED = (
    "SELECT c.table_name, c.record_id FROM [{here}].changes c JOIN [{here}].batches b ON b.id = c.batch_id"
    " WHERE b.state <> 'undone' AND ifnull(b.source, '') NOT LIKE 'merge:%'"
    " AND NOT EXISTS (SELECT 1 FROM [{there}].batches x WHERE x.id = b.id)"
)


def missing_batches(conn: sqlite3.Connection, here: str, there: str) -> int:
    """How many batches *here* has that *there* lacks (the history a merge brings along)."""
    return conn.execute(
        f"SELECT count(*) FROM [{here}].batches b"
        f" WHERE NOT EXISTS (SELECT 1 FROM [{there}].batches x WHERE x.id = b.id)"
    ).fetchone()[0]


def changed_since_met(conn: sqlite3.Connection, here: str, there: str) -> str:
    """A temp view (table_name, record_id) of the records *here* changed since it last met *there*; returns
    its name.  A row per change (a record changed twice comes twice): ask it with EXISTS.  Dropped by
    :func:`drop_views`."""
    name = f"changed_in_{here}"
    conn.execute(f"DROP VIEW IF EXISTS temp.[{name}]")
    conn.execute(f"CREATE TEMP VIEW [{name}] AS {_CHANGED.format(here=here, there=there)}")
    return f"temp.[{name}]"


def deleted_records(conn: sqlite3.Connection, schema: str) -> str:
    """A temp view (table_name, record_id) of the records a change of *schema* deleted; returns its name.
    Dropped by :func:`drop_views`."""
    name = f"deleted_in_{schema}"
    conn.execute(f"DROP VIEW IF EXISTS temp.[{name}]")
    conn.execute(f"CREATE TEMP VIEW [{name}] AS SELECT table_name, record_id FROM [{schema}].changes WHERE new IS NULL")
    return f"temp.[{name}]"


def drop_views(conn: sqlite3.Connection) -> None:
    """Drop the temp views made above (before the attached file is detached)."""
    views = conn.execute(
        "SELECT name FROM sqlite_temp_master WHERE type = 'view'"
        " AND (name LIKE 'changed\\_in\\_%' ESCAPE '\\' OR name LIKE 'deleted\\_in\\_%' ESCAPE '\\')"
    ).fetchall()
    for (name,) in views:
        conn.execute(f"DROP VIEW temp.[{name}]")


def last_changes(
    conn: sqlite3.Connection, schema: str, records: list[tuple[str, str]]
) -> dict[tuple[str, str], tuple[str | None, str | None, str]]:
    """(table, record id) → (office id, time, batch label) of each record's last change in *schema* that was
    not undone; records without one are left out.  One query for all of them."""
    if not records:
        return {}
    rows = conn.execute(
        "SELECT table_name, record_id, office_id, created_at, label FROM ("
        " SELECT c.table_name, c.record_id, b.office_id, c.created_at, b.label, row_number() OVER ("
        "  PARTITION BY c.table_name, c.record_id ORDER BY c.created_at DESC, b.rowid DESC, c.seq DESC) AS n"
        " FROM (SELECT DISTINCT json_extract(value, '$[0]') AS t, json_extract(value, '$[1]') AS r FROM json_each(?)) k"
        f" JOIN [{schema}].changes c ON c.table_name = k.t AND c.record_id = k.r"
        f" JOIN [{schema}].batches b ON b.id = c.batch_id WHERE b.state <> 'undone'"
        ") WHERE n = 1",
        (json.dumps([[table, str(record_id)] for table, record_id in records]),),
    ).fetchall()
    return {(table, record_id): (office, when, label) for table, record_id, office, when, label in rows}


def meta(conn: sqlite3.Connection, schema: str = "main") -> dict[str, str]:
    """The whole meta of *schema* (an incoming file read before it is opened, or an attached one)."""
    return dict(conn.execute(f"SELECT key, value FROM [{schema}].meta").fetchall())


def meetings(conn: sqlite3.Connection, schema: str) -> dict[str, str]:
    """Office id → the stamp (JSON) *schema* keeps of its last merge with that office (``met:<id>``)."""
    rows = conn.execute(f"SELECT key, value FROM [{schema}].meta WHERE key LIKE 'met:%'").fetchall()
    return {key[4:]: value for key, value in rows}
