"""Staging an incoming file for merge: set-based SQL over the attached copy.

For each table the incoming rows are copied into a temp table with their
references translated (a campaign of the same year, a period of the same week,
a figure of the same unit/period/indicator keep this office's id), then each row
is classed: added, same, theirs (changed only there), mine (changed only here
or deleted here), conflict (changed on both sides since the two offices last met,
judged from the change history that travels with each file, not from clocks).
"""

from __future__ import annotations

import sqlite3

from models.store import attached_history

# Merge order (parents first) and the natural key that identifies the same record
# when the two offices created it separately; "{a}" is the table alias.
TABLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("campaigns", ("{a}.year",)),
    ("units", ()),
    ("campaign_units", ("{a}.campaign_id", "{a}.unit_id")),
    ("liaisons", ("{a}.campaign_id", "{a}.unit_id", "{a}.name")),
    ("notices", ("{a}.direction", "ifnull({a}.doc_number, '')", "{a}.title")),
    ("notice_contacts", ("{a}.notice_id", "ifnull({a}.name, '')", "ifnull({a}.phone, '')")),
    ("attachments", ("{a}.notice_id", "{a}.seq", "{a}.title")),
    ("deadlines", ("{a}.campaign_id", "ifnull({a}.notice_id, '')", "{a}.kind", "{a}.what")),
    ("indicators", ("{a}.campaign_id", "coalesce({a}.code, {a}.label)")),
    ("periods", ("{a}.campaign_id", "{a}.seq")),
    ("deliveries", ("{a}.deadline_id", "{a}.unit_id", "ifnull({a}.period_id, '')")),
    ("figures", ("{a}.unit_id", "{a}.period_id", "{a}.indicator_id")),
    ("narratives", ("{a}.unit_id", "{a}.period_id")),
    ("reports", ("{a}.campaign_id", "{a}.kind", "ifnull({a}.period_id, '')", "ifnull({a}.title, '')")),
    ("leads", ()),
    ("cases", ()),
)
STAMPS = ("created_at", "updated_at")


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA main.table_info([{table}])")]


def references(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    """Column → referenced table, for the table's foreign keys."""
    return {r[3]: r[2] for r in conn.execute(f"PRAGMA main.foreign_key_list([{table}])")}


def drop_stage(conn: sqlite3.Connection) -> None:
    for table, _ in TABLES:
        conn.execute(f"DROP TABLE IF EXISTS temp.[s_{table}]")
        _drop_incoming(conn, table)
    conn.execute("DROP TABLE IF EXISTS temp.idmap")
    conn.execute("DROP TABLE IF EXISTS temp.stage_sizes")
    attached_history.drop_views(conn)


def _drop_incoming(conn: sqlite3.Connection, table: str) -> None:
    """temp.r_<table> is a view, or a table when its ids or references had to be translated."""
    kind = conn.execute("SELECT type FROM sqlite_temp_master WHERE name = ?", (f"r_{table}",)).fetchone()
    if kind:
        conn.execute(f"DROP {kind[0].upper()} temp.[r_{table}]")


def stage(conn: sqlite3.Connection, unit_pairs: dict[str, str] | None = None) -> None:
    """Build temp.s_<table> for every merged table, each row with its class in ``cls``.

    *unit_pairs* (their unit id → ours, see unit_matches) make those units ours: every
    reference to them is translated, and our record of the unit is kept as it is.
    """
    drop_stage(conn)
    views = {
        "theirs": attached_history.changed_since_met(conn, "inc", "main"),
        "mine": attached_history.changed_since_met(conn, "main", "inc"),
        "deleted": attached_history.deleted_records(conn, "main"),
    }
    conn.execute("CREATE TEMP TABLE idmap (their TEXT PRIMARY KEY, mine TEXT NOT NULL)")
    conn.execute("CREATE TEMP TABLE stage_sizes (table_name TEXT PRIMARY KEY, incoming INTEGER NOT NULL)")
    conn.executemany("INSERT INTO temp.idmap (their, mine) VALUES (?, ?)", (unit_pairs or {}).items())
    for table, key in TABLES:
        matched = table == "units" and bool(unit_pairs)
        _stage_table(conn, table, translate_ids=matched)
        _classify(conn, table, views)
        if matched:  # the same unit under another id: our record of it stays
            conn.execute("UPDATE temp.s_units SET cls = 'mine' WHERE id <> _oid")
        if key and _match_natural_keys(conn, table, key):  # rare: both offices made the same record
            conn.execute(f"DROP TABLE temp.[s_{table}]")
            _stage_table(conn, table, translate_ids=True)
            _classify(conn, table, views)
            _keep_own_order(conn, table)


def _keep_own_order(conn: sqlite3.Connection, table: str) -> None:
    """Both offices made the same record and differ only in its place in their lists: not a conflict.

    Each office orders its own lists; the order of a record made separately elsewhere is no news.
    """
    cols = columns(conn, table)
    if "sort_order" not in cols:
        return
    same = " AND ".join(f"s.[{c}] IS m.[{c}]" for c in cols if c not in ("id", "sort_order", *STAMPS))
    conn.execute(
        f"UPDATE temp.[s_{table}] AS s SET cls = 'mine' FROM main.[{table}] AS m"
        f" WHERE m.id = s.id AND s.id <> s._oid AND s.cls = 'conflict' AND {same or '1'}"
    )


def _mapped(column: str) -> str:
    return f"coalesce((SELECT mine FROM temp.idmap WHERE their = i.[{column}]), i.[{column}])"


def _stage_table(conn: sqlite3.Connection, table: str, *, translate_ids: bool = False) -> None:
    """temp.r_<table>: the incoming rows with references (and, if asked, their own ids) translated.

    A plain view of the incoming table when nothing needs translating (the usual case for the big
    tables: copying 200,000 figures only to read them once cost a second); a table otherwise.
    """
    cols = columns(conn, table)
    refs = references(conn, table)
    mapping = conn.execute("SELECT EXISTS (SELECT 1 FROM temp.idmap)").fetchone()[0]
    select = ", ".join(
        f"{_mapped(c)} AS [{c}]" if mapping and c in refs and refs[c] != table else f"i.[{c}]" for c in cols
    )
    kind = "TABLE" if mapping or translate_ids else "VIEW"
    conn.execute(f"CREATE TEMP {kind} [r_{table}] AS SELECT {select}, i.id AS _oid FROM inc.[{table}] AS i")
    if not translate_ids:
        return
    conn.execute(
        f"UPDATE temp.[r_{table}] SET id = (SELECT mine FROM temp.idmap WHERE their = [r_{table}].id)"
        f" WHERE id IN (SELECT their FROM temp.idmap)"
    )
    for column, target in refs.items():
        if target == table:
            conn.execute(
                f"UPDATE temp.[r_{table}] SET [{column}] = (SELECT mine FROM temp.idmap WHERE their = [{column}])"
                f" WHERE [{column}] IN (SELECT their FROM temp.idmap)"
            )
    # Two incoming rows that stand for one of ours: keep the first.
    conn.execute(
        f"DELETE FROM temp.[r_{table}] WHERE rowid NOT IN (SELECT min(rowid) FROM temp.[r_{table}] GROUP BY id)"
    )


def _match_natural_keys(conn: sqlite3.Connection, table: str, key: tuple[str, ...]) -> bool:
    """Incoming records that are not ours by id but are by natural key get our id (in temp.idmap).

    Looks only at rows the classification found missing here (``added``, or ``mine`` when deleted
    here), so the common merge probes a few rows, not every figure twice.  True if any was found.
    """
    same = " AND ".join(f"{k.format(a='m')} = {k.format(a='s')}" for k in key)
    before = conn.total_changes
    conn.execute(
        f"INSERT OR IGNORE INTO temp.idmap (their, mine)"
        f" SELECT s.id, min(m.id) FROM temp.[s_{table}] AS s NOT INDEXED JOIN main.[{table}] m ON {same}"
        f" WHERE s.cls IN ('added', 'mine') AND NOT EXISTS (SELECT 1 FROM main.[{table}] x WHERE x.id = s.id)"
        f" GROUP BY s.id"
    )
    return conn.total_changes != before


# "Changed on one side since they last met" = a change to the record in a batch the other side does not
# have yet (see models.store.attached_history, which owns the history): temp views, asked row by row.
_CHANGED = "EXISTS (SELECT 1 FROM {view} v WHERE v.table_name = :table AND v.record_id = {rid})"


def _classify(conn: sqlite3.Connection, table: str, views: dict[str, str]) -> None:
    """temp.s_<table>: the staged rows that differ from ours, each with its class in ``cls``.

    Rows equal to ours are only counted (in temp.stage_sizes): in a merge of two offices that met
    before, that is most of them, and writing 170,000 equal figures to a temp table and indexing
    them cost a second.
    """
    cols = columns(conn, table)
    data = [c for c in cols if c not in ("id", *STAMPS)]
    same = " AND ".join(f"s.[{c}] IS m.[{c}]" for c in data) or "1"
    theirs_changed = _CHANGED.format(view=views["theirs"], rid="s._oid")
    mine_changed = _CHANGED.format(view=views["mine"], rid="m.id")
    deleted_here = _CHANGED.format(view=views["deleted"], rid="s.id")
    names = ", ".join(f"s.[{c}]" for c in cols)
    incoming = conn.execute(f"SELECT count(*) FROM temp.[r_{table}]").fetchone()[0]
    conn.execute("INSERT OR REPLACE INTO temp.stage_sizes (table_name, incoming) VALUES (?, ?)", (table, incoming))
    conn.execute(
        f"CREATE TEMP TABLE [s_{table}] AS SELECT {names}, s._oid AS _oid, CASE"
        f" WHEN m.id IS NULL THEN CASE WHEN {deleted_here} THEN 'mine' ELSE 'added' END"
        f" WHEN {theirs_changed} AND {mine_changed} THEN 'conflict'"
        f" WHEN {theirs_changed} THEN 'theirs'"
        f" ELSE 'mine' END AS cls"
        f" FROM temp.[r_{table}] AS s LEFT JOIN main.[{table}] AS m ON m.id = s.id"
        f" WHERE m.id IS NULL OR NOT ({same})",
        {"table": table},
    )
    _drop_incoming(conn, table)
    conn.execute(f"CREATE INDEX temp.[s_{table}_id] ON [s_{table}](id)")


def counts(conn: sqlite3.Connection) -> dict[str, dict[str, int]]:
    result = {}
    incoming = dict(conn.execute("SELECT table_name, incoming FROM temp.stage_sizes").fetchall())
    for table, _ in TABLES:
        found = dict(conn.execute(f"SELECT cls, count(*) FROM temp.[s_{table}] GROUP BY cls").fetchall())
        result[table] = {
            "added": found.get("added", 0),
            "updated": found.get("theirs", 0),
            "unchanged": incoming.get(table, 0) - sum(found.values()),
            "kept": found.get("mine", 0),
            "conflicts": found.get("conflict", 0),
        }
    return result


def conflict_rows(conn: sqlite3.Connection, limit: int = 500) -> list[dict]:
    """Both versions of each conflicting record (up to *limit*)."""
    found = []
    for table, _ in TABLES:
        cols = columns(conn, table)
        names = ", ".join(f"s.[{c}]" for c in cols)
        mine = ", ".join(f"m.[{c}]" for c in cols)
        rows = conn.execute(
            f"SELECT {names}, {mine}, s._oid FROM temp.[s_{table}] s JOIN main.[{table}] m ON m.id = s.id"
            f" WHERE s.cls = 'conflict' LIMIT ?",
            (limit - len(found),),
        ).fetchall()
        for row in rows:
            theirs, ours = dict(zip(cols, row[: len(cols)])), dict(zip(cols, row[len(cols) : 2 * len(cols)]))
            found.append({"table": table, "id": ours["id"], "their_id": row[-1], "mine": ours, "theirs": theirs})
        if len(found) >= limit:
            break
    return found
