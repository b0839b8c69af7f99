"""Merge another office's file: check, preview, decide conflicts, apply as one undoable action.

``preview(store, path)`` checks a private copy of the file and counts per table
what would be added, updated, left unchanged, and what conflicts (the same record
changed on both sides since the offices last met).  ``merge(store, path, ...)``
applies it in one transaction after an automatic backup; the whole merge is one
batch in the history (Ctrl+Z undoes it).  Merging the same file twice, or a file
of this same office, changes nothing.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path

from models.clock import now
from models.errors import DatabaseError, ImportRejected
from models.exchange import staging as merge_stage
from models.exchange.checks import IncomingFile
from models.store import history
from models.store.backups import backup_in_background
from models.store.database import Store

TABLE_NAMES = {
    "campaigns": "活动",
    "units": "单位",
    "campaign_units": "参加单位",
    "liaisons": "联络员",
    "notices": "通知",
    "notice_contacts": "通知联系人",
    "attachments": "附件",
    "deadlines": "时限",
    "indicators": "统计指标",
    "periods": "报送周期",
    "deliveries": "报送记录",
    "figures": "统计数据",
    "narratives": "进展情况",
    "reports": "报告",
}


LARGE_MERGE_ROWS = 20000
MERGE_CACHE_KIB = -131072  # 128 MB of page cache while merging: random-id lookups stay in memory


@contextlib.contextmanager
def _attached(store: Store, incoming: IncomingFile):
    conn = store.conn
    if conn.in_transaction:
        raise DatabaseError("另一项操作尚未完成，请稍后再合并。")
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA temp_store = MEMORY")  # the staging tables; a district file is tens of MB
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = {MERGE_CACHE_KIB}")
    conn.execute("ATTACH DATABASE ? AS inc", (str(incoming.path),))
    conn.execute(f"PRAGMA inc.cache_size = {MERGE_CACHE_KIB}")
    try:
        yield conn
    finally:
        with contextlib.suppress(sqlite3.Error):
            if conn.in_transaction:
                conn.rollback()
            merge_stage.drop_stage(conn)
            conn.execute("DETACH DATABASE inc")
            conn.execute(f"PRAGMA cache_size = {cache}")


def _plan(store: Store, incoming: IncomingFile, conn: sqlite3.Connection) -> dict:
    same_office = incoming.office_id == store.office_id
    merge_stage.stage(conn)
    tables = merge_stage.counts(conn)
    new_batches = conn.execute(
        "SELECT count(*) FROM inc.batches b WHERE NOT EXISTS (SELECT 1 FROM main.batches x WHERE x.id = b.id)"
    ).fetchone()[0]
    plan = {
        "file": str(incoming.source),
        "office_id": incoming.office_id,
        "office_name": incoming.office_name,
        "same_office": same_office,
        "last_met": json.loads(store.meta(f"met:{incoming.office_id}") or "{}").get("at"),
        "tables": tables,
        "history": new_batches,
        "conflicts": [_describe(conn, c) for c in merge_stage.conflict_rows(conn)],
    }
    if same_office:  # a copy of this very office's file: never bring old versions back
        plan["tables"] = {t: {**c, "added": 0, "updated": 0, "conflicts": 0} for t, c in tables.items()}
        plan["history"], plan["conflicts"] = 0, []
    incoming.wait_verified()
    plan["total_conflicts"] = sum(c["conflicts"] for c in plan["tables"].values())
    plan["total_changes"] = sum(c["added"] + c["updated"] for c in plan["tables"].values())
    return plan


def preview(store: Store, path: Path) -> dict:
    """Check the file and count what a merge would do; writes nothing."""
    with IncomingFile(Path(path)) as incoming, _attached(store, incoming) as conn:
        return _plan(store, incoming, conn)


def merge(
    store: Store,
    path: Path,
    *,
    take: str | None = None,
    decisions: dict[str, str] | None = None,
    backup=None,
) -> dict:
    """Apply the merge.  Conflicts are decided by *decisions* ("table:id" → "mine"/"theirs"),
    else by *take*; undecided conflicts refuse the merge.  *backup* (a callable taking the
    store and a reason) runs before anything is written.  Returns the plan, with "applied".
    """
    decisions = decisions or {}
    with IncomingFile(Path(path)) as incoming, _attached(store, incoming) as conn:
        # Staging writes only temp tables, so the backup can read the file meanwhile.
        backed_up = backup_in_background(store, "合并前", backup) if backup else (lambda: None)
        try:
            plan = _plan(store, incoming, conn)
        finally:
            taken = backed_up()  # joined before anything is written, also when the plan fails
        plan["applied"] = False
        if plan["same_office"] or not (plan["total_changes"] or plan["total_conflicts"] or plan["history"]):
            return plan
        undecided = [c for c in _all_conflicts(conn) if f"{c[0]}:{c[1]}" not in decisions and take is None]
        if undecided:
            raise ImportRejected(
                f"有 {len(undecided)} 处冲突（同一记录两边都改过），请先逐条决定保留本机还是采用对方的版本。"
                "本机数据未改动。",
                str(path),
            )
        conn.commit()  # staging wrote only temp tables; the merge itself is one transaction below
        # A very large merge is undone by restoring the backup taken just before it: recording
        # every row's old and new state would take longer than the merge itself.
        record = taken is None or plan["total_changes"] <= LARGE_MERGE_ROWS
        label = f"合并 {incoming.office_name} 的文件"
        if not record:
            label += "（数据量大：撤销请用合并前的备份恢复）"
        try:
            with store.batch(label, source=f"merge:{incoming.office_id}") as batch:
                conn.execute("PRAGMA defer_foreign_keys = ON")
                _decide(conn, decisions, take)
                written = _apply(conn, batch, record)
                _bring_history(conn)
                _remember_meeting(store, conn, incoming)
                if written:
                    _register(batch, "done" if record else "dropped")
        except sqlite3.IntegrityError as exc:
            raise ImportRejected(f"文件中的数据互相对不上（{exc}），未合并，本机数据未改动。", str(path)) from exc
        plan["applied"] = True
        plan["changes"] = written
        plan["undo"] = "history" if record else "backup"
        plan["backup"] = str(taken) if taken else None
        return plan


FIELD_NAMES = {
    "value": "数值",
    "name": "名称",
    "title": "标题",
    "mobile": "手机",
    "office_phone": "办公电话",
    "email": "邮箱",
    "position": "职务",
    "activities": "开展情况",
    "highlights": "亮点",
    "problems": "问题",
    "category": "类别",
    "parent_id": "上级单位",
    "body": "正文",
    "source": "来源",
}


def _describe(conn: sqlite3.Connection, conflict: dict) -> dict:
    """Add a label the clerk recognises (unit, week, indicator) to a conflict."""
    row = conflict["mine"]

    def name(table: str, column: str, record_id) -> str:
        found = conn.execute(f"SELECT [{column}] FROM main.[{table}] WHERE id = ?", (record_id,)).fetchone()
        return str(found[0]) if found and found[0] is not None else ""

    parts = []
    if "unit_id" in row:
        parts.append(name("units", "name", row["unit_id"]))
    if "period_id" in row:
        parts.append(name("periods", "label", row["period_id"]) or f"第{name('periods', 'seq', row['period_id'])}周")
    if "indicator_id" in row:
        parts.append(name("indicators", "label", row["indicator_id"]))
    label = " ".join(p for p in parts if p) or str(row.get("name") or row.get("title") or row["id"][:8])
    return {**conflict, "label": label}


def _all_conflicts(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    found = []
    for table, _ in merge_stage.TABLES:
        rows = conn.execute(f"SELECT id FROM temp.[s_{table}] WHERE cls = 'conflict'").fetchall()
        found.extend((table, r[0]) for r in rows)
    return found


def _decide(conn: sqlite3.Connection, decisions: dict[str, str], take: str | None) -> None:
    for key, choice in decisions.items():
        table, _, record_id = key.partition(":")
        if table in TABLE_NAMES:
            conn.execute(
                f"UPDATE temp.[s_{table}] SET cls = ? WHERE id = ? AND cls = 'conflict'",
                ("theirs" if choice == "theirs" else "mine", record_id),
            )
    if take is not None:
        for table, _ in merge_stage.TABLES:
            conn.execute(
                f"UPDATE temp.[s_{table}] SET cls = ? WHERE cls = 'conflict'",
                ("theirs" if take == "theirs" else "mine",),
            )


def _json(cols: list[str], alias: str) -> str:
    return "json_object(" + ", ".join(f"'{c}', {alias}.[{c}]" for c in cols) + ")"


def _depth(table: str, refs: dict[str, str]) -> str:
    """Parents before children within one table (units of a city, districts, towns)."""
    own = [c for c, t in refs.items() if t == table]
    if not own:
        return "0"
    c = own[0]
    return (
        f"CASE WHEN s.[{c}] IS NULL THEN 0 WHEN s.[{c}] IN "
        f"(SELECT id FROM temp.[s_{table}] WHERE [{c}] IS NULL) THEN 1 ELSE 2 END"
    )


def _apply(conn: sqlite3.Connection, batch, record: bool = True) -> int:
    """Write added and taken rows with their history (old → new JSON) if *record*, in merge order.

    Returns the number of rows written.
    """
    seq = 0
    for table, key in merge_stage.TABLES:
        cols = merge_stage.columns(conn, table)
        names = ", ".join(f"[{c}]" for c in cols)
        has_blob = table == "attachments"
        if not record:
            seq += conn.execute(f"SELECT count(*) FROM temp.[s_{table}] WHERE cls IN ('added', 'theirs')").fetchone()[0]
        elif has_blob:
            seq = _history_in_python(conn, batch, table, cols, seq)
        else:
            order = _depth(table, merge_stage.references(conn, table))
            seq = batch.record_select(
                f"SELECT :seq + row_number() OVER (ORDER BY {order}, s.rowid) AS seq, :table AS table_name,"
                f" s.id AS record_id, CASE WHEN s.cls = 'theirs' THEN {_json(cols, 'm')} END AS old,"
                f" {_json(cols, 's')} AS new"
                f" FROM temp.[s_{table}] s LEFT JOIN main.[{table}] m ON m.id = s.id"
                " WHERE s.cls IN ('added', 'theirs')",
                {"seq": seq, "table": table},
            )
        # The natural-key columns are equal on both sides (that is how the rows were matched);
        # leaving them out spares rewriting their indexes.
        fixed = {"id", *(k.removeprefix("{a}.") for k in key if k.startswith("{a}."))}
        sets = ", ".join(f"[{c}] = s.[{c}]" for c in cols if c not in fixed)
        conn.execute(
            f"UPDATE main.[{table}] SET {sets} FROM temp.[s_{table}] AS s"
            f" WHERE s.id = [{table}].id AND s.cls = 'theirs'"
        )
        conn.execute(f"INSERT INTO main.[{table}] ({names}) SELECT {names} FROM temp.[s_{table}] WHERE cls = 'added'")
    return seq


def _history_in_python(conn: sqlite3.Connection, batch, table: str, cols: list[str], seq: int) -> int:
    names = ", ".join(f"s.[{c}]" for c in cols)
    old_names = ", ".join(f"m.[{c}]" for c in cols)
    rows = conn.execute(
        f"SELECT {names}, {old_names}, s.cls FROM temp.[s_{table}] s LEFT JOIN main.[{table}] m ON m.id = s.id"
        " WHERE s.cls IN ('added', 'theirs')"
    ).fetchall()
    pairs = []
    for row in rows:
        new = dict(zip(cols, row[: len(cols)]))
        old = dict(zip(cols, row[len(cols) : 2 * len(cols)])) if row[-1] == "theirs" else None
        pairs.append((old, new))
    return batch.record_rows(table, pairs, seq)


def _bring_history(conn: sqlite3.Connection) -> None:
    """The other office's history comes along, but never enters this office's undo stack."""
    history.adopt_history(conn, "inc")


def _remember_meeting(store: Store, conn: sqlite3.Connection, incoming: IncomingFile) -> None:
    """When this office last merged that one's file (shown in the preview)."""
    stamps = {"at": now(), "office_name": incoming.office_name}
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
        (f"met:{incoming.office_id}", json.dumps(stamps, ensure_ascii=False)),
    )


def _register(batch, state: str) -> None:
    """The merge's batch row (its changes were written set-wise above)."""
    batch.register(state)


def summary_lines(plan: dict) -> list[str]:
    """The preview in plain Chinese, one line per table that has something to merge."""
    lines = [f"来自：{plan['office_name']}（{plan['file']}）"]
    if plan["same_office"]:
        lines.append("这是本单位自己的文件（或它的副本），合并不会改变任何数据。")
        return lines
    quiet = 0
    for table, c in plan["tables"].items():
        if c["added"] or c["updated"] or c["conflicts"]:
            lines.append(
                f"  {TABLE_NAMES[table]}：新增 {c['added']}，更新 {c['updated']}，未变 {c['unchanged'] + c['kept']}"
                + (f"，冲突 {c['conflicts']}" if c["conflicts"] else "")
            )
        else:
            quiet += c["unchanged"] + c["kept"]
    if quiet:
        lines.append(f"  其余 {quiet} 条记录两边相同或本机较新，不变。")
    if plan["history"]:
        lines.append(f"  随附修改记录：{plan['history']} 批")
    if plan["total_conflicts"]:
        lines.append(f"冲突 {plan['total_conflicts']} 处：同一记录两边都改过，需要您决定保留哪一边。")
    elif not plan["total_changes"]:
        lines.append("没有需要合并的新数据。")
    return lines
