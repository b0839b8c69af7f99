"""Merge another office's file: check, preview, decide conflicts, apply as one undoable action.

``preview(store, path)`` checks a private copy of the file and counts per table
what would be added, updated, left unchanged, and what conflicts (the same record
changed on both sides since the offices last met).  ``merge(store, path, ...)``
applies it in one transaction after an automatic backup; the whole merge is one
batch in the history (Ctrl+Z undoes it).  Merging the same file twice changes nothing.
Both are one :class:`MergeSession`: the file is copied, checked and staged once, the preview
shown from that staging (staged again only when the clerk changes a unit match), the backup
taken meanwhile, and the merge written from the same staging.  Units the other office made
under ids of its own are matched to ours by name (see unit_matches).

A copy of this office's own file (packed for a stick, worked on at home) merges like any
other: what was added or changed there since the copy was made (its batches this file does
not have) comes over, what both sides changed is a conflict, what only this side changed stays.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from pathlib import Path

from models.clock import now
from models.errors import DatabaseError, ImportRejected
from models.exchange import conflicts, unit_matches
from models.exchange import staging as merge_stage
from models.exchange.checks import IncomingFile
from models.exchange.conflicts import FIELD_NAMES, TABLE_NAMES  # noqa: F401 - the names the CLI and the dialog use
from models.store import attached_history, history
from models.store.backups import backup_in_background
from models.store.database import Store

LARGE_MERGE_ROWS = 20000
MERGE_CACHE_KIB = -131072  # 128 MB of page cache while merging: random-id lookups stay in memory


_SETTINGS = ("trusted_schema", "temp_store", "cache_size")


@contextlib.contextmanager
def _attached(store: Store, incoming: IncomingFile):
    conn = store.conn
    if conn.in_transaction:
        raise DatabaseError("另一项操作尚未完成，请稍后再合并。")
    # Kept as they were for after the merge: the staging's settings are the merge's, not the window's.
    trusted, temp, cache = (conn.execute(f"PRAGMA {name}").fetchone()[0] for name in _SETTINGS)
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA temp_store = MEMORY")  # the staging tables; a district file is tens of MB
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
            for name, value in zip(_SETTINGS, (trusted, temp, cache)):
                conn.execute(f"PRAGMA {name} = {int(value)}")


def _plan(store: Store, incoming: IncomingFile, conn: sqlite3.Connection, units: list[dict]) -> dict:
    same_office = incoming.office_id == store.office_id
    merge_stage.stage(conn, unit_matches.pairs(units))
    tables = merge_stage.counts(conn)
    new_batches = attached_history.missing_batches(conn, "inc", "main")
    plan = {
        "file": str(incoming.source),
        "office_id": incoming.office_id,
        "office_name": incoming.office_name,
        "same_office": same_office,
        "last_met": json.loads(store.meta(f"met:{incoming.office_id}") or "{}").get("at"),
        "tables": tables,
        "history": new_batches,
        "packed_at": _packed_at(incoming),
        "from_our_starter": _starter_office(incoming) == store.office_id,
        "unit_matches": units,
        "conflicts": conflicts.describe_all(conn, merge_stage.conflict_rows(conn), store, incoming),
    }
    incoming.wait_verified()
    plan["total_conflicts"] = sum(c["conflicts"] for c in plan["tables"].values())
    plan["total_changes"] = sum(c["added"] + c["updated"] for c in plan["tables"].values())
    return plan


def _starter_office(incoming: IncomingFile) -> str | None:
    """The office that gave the file out as a starter file (see starter.py), if it was one."""
    try:
        return json.loads(incoming.meta.get("starter_of") or "{}").get("office_id")
    except (ValueError, AttributeError):
        return None


def _packed_at(incoming: IncomingFile) -> str | None:
    """When the copy was saved ("save a copy" writes a manifest), or None for a plain file."""
    try:
        return json.loads(incoming.meta.get("manifest") or "{}").get("packed_at")
    except (ValueError, AttributeError):
        return None


class MergeSession:
    """One incoming file, copied and checked once, staged for the preview and applied from that staging.

    ``preview()`` stages it (again only when the unit matches change); ``start_backup()`` runs the
    backup on a second connection while the clerk reads the preview; ``apply()`` joins the backup
    and writes.  Use as a context manager: closing drops the staging and the private copy.
    """

    def __init__(self, store: Store, path: Path, *, match_units: bool = True):
        self.store = store
        self.path = Path(path)
        self.match_units = match_units
        self.plan: dict | None = None
        self._staged_for: dict[str, str] | None = None
        self._backup = None
        self._stack = contextlib.ExitStack()
        try:
            self.incoming = self._stack.enter_context(IncomingFile(self.path))
            self.conn = self._stack.enter_context(_attached(store, self.incoming))
            self._proposed = unit_matches.propose(store, self.incoming.office_id, by_name=match_units)
            self.conn.commit()
        except BaseException:
            self._stack.close()
            raise

    def __enter__(self) -> MergeSession:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        try:
            if self._backup is not None:  # never leave a backup half-written behind a closed session
                with contextlib.suppress(Exception):
                    self._backup()
        finally:
            self._stack.close()

    def preview(self, unit_choices: dict[str, str | None] | None = None) -> dict:
        """The plan: counts per table, conflicts in the clerk's words, the unit matches; writes nothing.

        *unit_choices* (their unit id → ours, or None for a unit of its own) override the proposals.
        """
        units = unit_matches.choose(self.conn, self._proposed, unit_choices)
        pairs = unit_matches.pairs(units)
        if self.plan is None or pairs != self._staged_for:
            self.plan = _plan(self.store, self.incoming, self.conn, units)
            self._staged_for = pairs
        else:
            self.plan["unit_matches"] = units
        self.conn.commit()  # staging wrote only temp tables; no transaction stays open meanwhile
        return self.plan

    def our_units(self) -> list[dict]:
        """This office's units, to match one of theirs by hand."""
        return unit_matches.our_units(self.conn)

    def start_backup(self, backup) -> None:
        """Start the backup before the merge (a callable taking the store and a reason) in the background."""
        if backup is not None and self._backup is None:
            self._backup = backup_in_background(self.store, "合并前", backup)

    def _join_backup(self):
        waiting, self._backup = self._backup, None
        return waiting() if waiting is not None else None

    def apply(
        self,
        *,
        take: str | None = None,
        decisions: dict[str, str] | None = None,
        unit_choices: dict[str, str | None] | None = None,
        backup=None,
        progress=None,
    ) -> dict:
        """Write the merge as one batch.  Conflicts are decided by *decisions* ("table:id" →
        "mine"/"theirs"), else by *take*; undecided conflicts refuse the merge.
        Returns the plan, with "applied".  *progress(done, total, text)*, if given, is told before
        each step; its last call comes before anything is written."""
        step = progress or (lambda *_: None)
        self.start_backup(backup)
        try:
            step(0, 2, "等待合并前的备份完成…")
            plan = self.preview(unit_choices)
        finally:
            taken = self._join_backup()  # joined before anything is written, also when the plan fails
        step(1, 2, "写入合并的数据…")
        return _write(self, plan, take, decisions or {}, taken)


def _write(session: MergeSession, plan: dict, take: str | None, decisions: dict[str, str], taken) -> dict:
    store, conn, incoming = session.store, session.conn, session.incoming
    plan = {**plan, "applied": False}
    if not (plan["total_changes"] or plan["total_conflicts"] or plan["history"]):
        return plan
    undecided = [c for c in _all_conflicts(conn) if f"{c[0]}:{c[1]}" not in decisions and take is None]
    if undecided:
        raise ImportRejected(
            f"有 {len(undecided)} 处冲突（同一记录两边都改过），请先逐条决定保留本机还是采用对方的版本。"
            "本机数据未改动。",
            str(session.path),
        )
    conn.commit()
    # A very large merge is undone by restoring the backup taken just before it: recording
    # every row's old and new state would take longer than the merge itself.
    record = taken is None or plan["total_changes"] <= LARGE_MERGE_ROWS
    label = "合并本单位副本中的修改" if plan["same_office"] else f"合并 {incoming.office_name} 的文件"
    if not record:
        label += "（数据量大：撤销请用合并前的备份恢复）"
    try:
        with store.batch(label, source=f"merge:{incoming.office_id}") as batch:
            conn.execute("PRAGMA defer_foreign_keys = ON")
            _decide(conn, decisions, take)
            written = _apply(conn, batch, record)
            _bring_history(conn)
            if not plan["same_office"]:
                _remember_meeting(store, incoming)
            unit_matches.remember(store, incoming.office_id, _decided_units(plan["unit_matches"]))
            if written:
                _register(batch, "done" if record else "dropped")
    except sqlite3.IntegrityError as exc:
        raise ImportRejected(f"文件中的数据互相对不上（{exc}），未合并，本机数据未改动。", str(session.path)) from exc
    session.plan = None  # the staging no longer describes the file as it is now
    plan["applied"] = True
    plan["changes"] = written
    plan["undo"] = "history" if record else "backup"
    plan["backup"] = str(taken) if taken else None
    return plan


def _decided_units(rows: list[dict]) -> dict[str, str | None]:
    """What to remember for the next file from that office: the matches, and units the clerk kept apart."""
    return {r["their_id"]: r["mine_id"] for r in rows if r["mine_id"] or r["how"] == "chosen"}


def preview(store: Store, path: Path, *, match_units: bool = True) -> dict:
    """Check the file and count what a merge would do; writes nothing."""
    with MergeSession(store, path, match_units=match_units) as session:
        return session.preview()


def merge(
    store: Store,
    path: Path,
    *,
    take: str | None = None,
    decisions: dict[str, str] | None = None,
    backup=None,
    unit_choices: dict[str, str | None] | None = None,
    match_units: bool = True,
) -> dict:
    """Apply the merge in one go (the headless command): the proposed unit matches apply unless
    *match_units* is False.  *backup* runs beside the staging; see :meth:`MergeSession.apply`."""
    with MergeSession(store, path, match_units=match_units) as session:
        return session.apply(take=take, decisions=decisions, unit_choices=unit_choices, backup=backup)


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


def _remember_meeting(store: Store, incoming: IncomingFile) -> None:
    """When this office last merged that one's file (shown in the preview)."""
    stamps = {"at": now(), "office_name": incoming.office_name}
    store.set_meta(f"met:{incoming.office_id}", json.dumps(stamps, ensure_ascii=False))


def _register(batch, state: str) -> None:
    """The merge's batch row (its changes were written set-wise above)."""
    batch.register(state)


def summary_lines(plan: dict) -> list[str]:
    """The preview in plain Chinese, one line per table that has something to merge."""
    lines = [f"来自：{plan['office_name']}（{plan['file']}）"]
    if plan.get("from_our_starter"):
        lines.append(f"这是本单位给“{plan['office_name']}”的起始文件，由对方填报后交回。")
    if plan["same_office"]:
        when = f"（副本保存于 {plan['packed_at'][:16].replace('T', ' ')}）" if plan.get("packed_at") else ""
        lines.append(f"这是本单位自己文件的副本{when}。")
        if plan["total_changes"] or plan["total_conflicts"]:
            lines.append("副本中有在别处新增或修改、本机还没有的数据，合并后会带回本机：")
        else:
            lines.append("副本中没有本机还没有的修改，合并不会改变任何数据。")
            return lines
    matched = [r for r in plan.get("unit_matches", []) if r["mine_id"]]
    if matched:
        lines.append(f"  单位按名称对应 {len(matched)} 个（视为本机的同一单位，其数据归入本机单位）：")
        lines += [f"    {unit_matches.shown(r)}" for r in matched[:12]]
        if len(matched) > 12:
            lines.append(f"    ……另有 {len(matched) - 12} 个")
    unsure = [r for r in plan.get("unit_matches", []) if r["how"] == "ambiguous"]
    if unsure:
        names = "、".join(r["their_name"] for r in unsure[:5])
        lines.append(f"  本机有多个同名单位、未自动对应（将新增，可在预览中指定）：{names}")
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
