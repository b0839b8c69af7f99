"""Check database: SQLite's own checks, foreign keys and the app's rules; repair what is safe.

Safe repairs: records that point to something missing (a figure whose unit,
period or indicator is gone) are removed as one undoable action, a unit that is
its own ancestor loses its parent, a missing office id is created, leftover
"undone" history entries are dropped.  A second run then finds nothing.
Damage inside the file itself (integrity_check) is reported, never "repaired":
the clerk restores a backup.
"""

from __future__ import annotations

import sqlite3

from models.clock import new_id
from models.store.backups import before_many_changes
from models.store.database import Store

# Rows that make no sense without their parent: (table, column, parent table, what it is in Chinese).
ORPHANS = (
    ("figures", "unit_id", "units", "统计数据的单位"),
    ("figures", "period_id", "periods", "统计数据的报送周期"),
    ("figures", "indicator_id", "indicators", "统计数据的指标"),
    ("narratives", "unit_id", "units", "进展情况的单位"),
    ("narratives", "period_id", "periods", "进展情况的报送周期"),
    ("campaign_units", "unit_id", "units", "参加单位"),
    ("campaign_units", "campaign_id", "campaigns", "参加单位的活动"),
    ("liaisons", "unit_id", "units", "联络员的单位"),
    ("liaisons", "campaign_id", "campaigns", "联络员的活动"),
    ("deliveries", "deadline_id", "deadlines", "报送记录的时限"),
    ("deliveries", "unit_id", "units", "报送记录的单位"),
    ("notice_contacts", "notice_id", "notices", "通知联系人的通知"),
    ("attachments", "notice_id", "notices", "附件的通知"),
)
# Reported but left to the clerk: other records hang on these.
ORPHANS_MANUAL = (
    ("periods", "campaign_id", "campaigns", "报送周期的活动"),
    ("indicators", "campaign_id", "campaigns", "指标的活动"),
)


def _orphans(store: Store, rules=ORPHANS) -> list[tuple[str, str, str]]:
    """(table, id, problem) for rows whose parent is missing."""
    found = []
    for table, column, parent, what in rules:
        rows = store.rows(
            f"SELECT t.id FROM [{table}] t LEFT JOIN [{parent}] p ON p.id = t.[{column}]"
            f" WHERE t.[{column}] IS NOT NULL AND p.id IS NULL"
        )
        found.extend((table, r["id"], f"{what}不存在") for r in rows)
    return found


def _unit_cycles(store: Store) -> list[str]:
    parents = {r["id"]: r["parent_id"] for r in store.rows("SELECT id, parent_id FROM units")}
    looped = []
    for start in parents:
        seen, node = set(), start
        while node is not None and node not in seen:
            seen.add(node)
            node = parents.get(node)
        if node == start:
            looped.append(start)
    return looped


def _stray_history(store: Store) -> int:
    return store.scalar(
        "SELECT count(*) FROM changes c WHERE NOT EXISTS (SELECT 1 FROM batches b WHERE b.id = c.batch_id)"
    )


def _stale_undone(store: Store) -> int:
    """'undone' entries older than a 'done' one can never be redone (a new action drops them)."""
    return store.scalar(
        "SELECT count(*) FROM batches u WHERE u.state = 'undone' AND EXISTS"
        " (SELECT 1 FROM batches d WHERE d.state = 'done' AND d.created_at > u.created_at)"
    )


def _bad_values(store: Store) -> list[dict]:
    return store.rows(
        "SELECT f.id, f.value FROM figures f JOIN indicators i ON i.id = f.indicator_id"
        " WHERE typeof(f.value) NOT IN ('integer', 'real') OR (i.min_value IS NOT NULL AND f.value < i.min_value)"
    )


def _problems(store: Store) -> tuple[list[str], dict]:
    problems: list[str] = []
    fk = store.conn.execute("PRAGMA foreign_key_check").fetchall()
    orphans = _orphans(store)
    manual = _orphans(store, ORPHANS_MANUAL)
    known = {(t, i) for t, i, _ in orphans + manual}
    for table, rowid, parent, _ in fk:
        rec = store.scalar(f"SELECT id FROM [{table}] WHERE rowid = ?", (rowid,))
        if (table, rec) not in known and table != "changes":
            problems.append(f"{table} 中的记录 {rec} 引用的 {parent} 不存在（需人工处理）")
    problems.extend(f"{table} 记录 {rid}：{what}" for table, rid, what in orphans)
    problems.extend(f"{table} 记录 {rid}：{what}（需人工处理）" for table, rid, what in manual)
    cycles = _unit_cycles(store)
    problems.extend(f"单位 {u} 的上级单位形成了循环" for u in cycles)
    stray = _stray_history(store)
    if stray:
        problems.append(f"{stray} 条修改记录找不到所属的操作")
    stale = _stale_undone(store)
    if stale:
        problems.append(f"{stale} 个已撤销的操作已无法重做")
    if not store.office_id:
        problems.append("数据库缺少本单位标识")
    bad = _bad_values(store)
    problems.extend(f"统计数据 {b['id']} 的值 {b['value']!r} 不是有效的数（需人工核对）" for b in bad)
    return problems, {"orphans": orphans, "cycles": cycles, "stray": stray, "stale": stale}


def check(store: Store, repair: bool = True, progress=None) -> dict:
    """Run every check; repair what is safe if *repair*.

    Returns ``problems`` (found), ``repaired`` (what was done) and ``remaining`` (what is left).
    *progress(done, total, text)*, if given, is told of each step before it starts, never after a write
    (so a caller that stops there leaves the file as it was).
    """
    step = progress or (lambda *_: None)
    step(0, 3, "检查文件完整性…")
    try:
        integrity = [r[0] for r in store.conn.execute("PRAGMA integrity_check").fetchall()]
    except sqlite3.DatabaseError as exc:
        integrity = [str(exc)]
    if integrity != ["ok"]:
        problems = [f"文件损坏：{line}" for line in integrity[:20]]
        return {"ok": False, "problems": problems, "repaired": [], "remaining": problems, "damaged": True}
    step(1, 3, "检查记录之间的关系…")
    problems, found = _problems(store)
    repaired: list[str] = []
    remaining = problems
    if problems and repair and not store.readonly:
        step(2, 3, "修复…")
        repaired = _repair(store, **found)
        remaining = _problems(store)[0]
    return {"ok": not problems, "problems": problems, "repaired": repaired, "remaining": remaining, "damaged": False}


def _repair(store: Store, orphans, cycles, stray: int, stale: int) -> list[str]:
    before_many_changes(store, "修复前")
    done = []
    if orphans or cycles:
        with store.batch("检查数据库：修复", source="check") as batch:
            # Children first, so that removing one orphan never leaves another behind.
            order = {t: i for i, (t, *_rest) in enumerate(ORPHANS)}
            targets = sorted({(t, i) for t, i, _ in orphans}, key=lambda o: order[o[0]])
            for table, rid in targets:
                batch.delete(table, rid)
            for unit in cycles:
                batch.update("units", unit, {"parent_id": None})
        if orphans:
            done.append(f"删除了 {len(targets)} 条缺少上级记录的数据（可撤销）")
        if cycles:
            done.append(f"解除了 {len(cycles)} 个单位的循环上级关系（可撤销）")
    if not (stray or stale or not store.office_id):
        return done
    with store.atomic():
        if stray:
            store.conn.execute("DELETE FROM changes WHERE batch_id NOT IN (SELECT id FROM batches)")
            done.append(f"清除了 {stray} 条无主的修改记录")
        if stale:
            store.conn.execute(
                "UPDATE batches SET state = 'dropped' WHERE state = 'undone' AND EXISTS"
                " (SELECT 1 FROM batches d WHERE d.state = 'done' AND d.created_at > batches.created_at)"
            )
            done.append(f"清理了 {stale} 个无法重做的操作")
        if not store.office_id:
            store.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('office_id', ?)", (new_id(),))
            done.append("补建了本单位标识")
    return done
