"""The city cases (issue 21), at any --scale: each against its bare floor, measured in the same run, in turns.

The grid is read in a new process at every run, and the totals on a fresh connection, app and floor alike:
what the window pays the first time it shows them (a cache kept inside the app may not answer a repeat).
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.cases import Context, result
from bench.prepare import newest_campaign, returned_forms
from models.store.opening import open_store


def _fresh(ctx: Context):
    return open_store(ctx.fixture, readonly=True)


def _paired_fresh(ctx: Context, app, bare, repeat: int) -> tuple[float, float]:
    """*app(store)* and *bare(store)* in turns, each on a connection opened just before (not timed)."""
    app_times, bare_times = [], []
    for _ in range(repeat):
        for fn, times in ((app, app_times), (bare, bare_times)):
            store = _fresh(ctx)
            try:
                started = time.perf_counter()
                fn(store)
                times.append(time.perf_counter() - started)
            finally:
                store.close()
    return statistics.median(app_times), statistics.median(bare_times)


GRID_CHILD = """
import sys, time
sys.path.insert(0, sys.argv[1])
from models.store.opening import open_store
store = open_store(sys.argv[2], readonly=True)
campaign = store.row("SELECT * FROM campaigns ORDER BY year DESC LIMIT 1")
period = store.row("SELECT * FROM periods WHERE campaign_id = ? ORDER BY seq DESC LIMIT 1", (campaign["id"],))
if sys.argv[3] == "app":
    from models.progress.grid import load_week
    started = time.perf_counter()
    load_week(store, campaign["id"], period["id"])
else:
    started = time.perf_counter()
    rows = store.conn.execute(
        "SELECT unit_id, indicator_id, value FROM figures WHERE period_id = ?", (period["id"],)
    ).fetchall()
    {(u, i): v for u, i, v in rows}
print(time.perf_counter() - started)
"""


def grid(ctx: Context) -> dict:
    """The first read of the week in a process (as when the window opens): a child per run, app and floor.

    The app keeps what it read of a file for as long as the file is unchanged (process-wide, across
    connections), so a second call in the same process would time that cache, not the opening.
    """

    def child(side: str) -> float:
        args = [sys.executable, "-c", GRID_CHILD, str(ctx.root), str(ctx.fixture), side]
        out = subprocess.run(args, check=True, capture_output=True, text=True, env=ctx.env)
        return float(out.stdout.strip().splitlines()[-1])

    pairs = [(child("app"), child("bare")) for _ in range(ctx.repeat * 2)]
    app, floor = statistics.median(a for a, _ in pairs), statistics.median(b for _, b in pairs)
    name = "city: grid (the week the window opens)"
    return result(name, app, floor, "≤ 0.250 s", app <= 0.25, "first read in a process; floor: the one SELECT")


def totals(ctx: Context) -> dict:
    from models.progress.totals import cumulative_table

    store = _fresh(ctx)
    try:
        campaign = newest_campaign(store)
        ids = [p["id"] for p in store.rows("SELECT id FROM periods WHERE campaign_id = ?", (campaign["id"],))]
    finally:
        store.close()
    marks = ",".join("?" * len(ids))
    sql = f"SELECT unit_id, indicator_id, SUM(value) FROM figures WHERE period_id IN ({marks}) GROUP BY 1, 2"
    app, floor = _paired_fresh(
        ctx,
        lambda s: cumulative_table(s, campaign["id"]),
        lambda s: s.conn.execute(sql, ids).fetchall(),
        ctx.repeat * 2,
    )
    return result("city: cumulative totals", app, floor, "≤ 0.150 s", app <= 0.15, "floor: the same GROUP BY")


def window(ctx: Context) -> list[dict]:
    """每周进展 switch, week change, 累计汇总, paste save and the session's memory, in the real window.

    Each session (a process) is followed by the floors on the same file: the week's SELECT (switch and
    week change), the campaign's GROUP BY (累计汇总) and 9,000 figures updated in one transaction (paste).
    """
    db = ctx.work / "window.db"
    shutil.copyfile(ctx.fixture, db)
    script = str(ctx.root / "bench" / "window_cases.py")
    out = ctx.work / "window.json"
    env = dict(ctx.env, LANG="zh_CN.UTF-8")
    keys = ("switch", "week", "totals_view", "paste")
    samples: dict[str, list] = {key: [] for key in (*keys, "peak_mb")}
    floors: dict[str, list] = {key: [] for key in ("select", "group", "write")}
    for _ in range(max(1, ctx.repeat)):
        out.unlink(missing_ok=True)
        ctx.run_process([sys.executable, script, str(db), str(out), "--pastes", "3"], env)
        session = json.loads(out.read_text(encoding="utf-8"))
        if session.get("error"):
            raise RuntimeError(session["error"])
        for key in keys:
            samples[key].extend(session[key])
        samples["peak_mb"].append(session["peak_mb"])
        for key, seconds in _window_floors(db).items():
            floors[key].append(seconds)
    med = {key: statistics.median(values) for key, values in samples.items() if key != "peak_mb"}
    low = {key: statistics.median(values) for key, values in floors.items()}
    n = {key: len(values) for key, values in samples.items()}
    peak = max(samples["peak_mb"])
    rows = [
        ("city: switch to 每周进展", "switch", "select", 0.3, f"{n['switch']} sessions; floor: the week's SELECT"),
        ("city: week change", "week", "select", 0.3, f"{n['week']} changes; floor: the week's SELECT"),
        ("city: open 累计汇总", "totals_view", "group", 0.3, f"{n['totals_view']} opens; floor: the GROUP BY"),
        ("city: paste 300×30 and save", "paste", "write", 0.5, f"{n['paste']} pastes; floor: 9,000 UPDATEs"),
    ]
    table = [
        result(name, med[k], low[f], f"≤ {limit:.3f} s", med[k] <= limit, note) for name, k, f, limit, note in rows
    ]
    note = "VmHWM of the window after the actions above"
    return [*table, result("city: peak memory, MB (window session)", peak, None, "≤ 400 MB", peak <= 400, note)]


def _window_floors(db: Path) -> dict[str, float]:
    """The bare SQLite work under the window's actions, on a fresh connection each."""
    import sqlite3

    def timed(work) -> float:
        conn = sqlite3.connect(db)
        try:
            started = time.perf_counter()
            work(conn)
            return time.perf_counter() - started
        finally:
            conn.close()

    conn = sqlite3.connect(db)
    try:
        campaign = conn.execute("SELECT id FROM campaigns ORDER BY year DESC LIMIT 1").fetchone()[0]
        periods = [r[0] for r in conn.execute("SELECT id FROM periods WHERE campaign_id = ? ORDER BY seq", (campaign,))]
        week = periods[-1]
        keys = conn.execute(
            "SELECT unit_id, indicator_id FROM figures WHERE period_id = ? LIMIT 9000", (week,)
        ).fetchall()
    finally:
        conn.close()
    marks = ",".join("?" * len(periods))
    group = f"SELECT unit_id, indicator_id, SUM(value) FROM figures WHERE period_id IN ({marks}) GROUP BY 1, 2"

    def write(conn):
        with conn:
            conn.executemany(
                "UPDATE figures SET value = (value + 1) % 200 WHERE period_id = ? AND unit_id = ? AND indicator_id = ?",
                [(week, u, i) for u, i in keys],
            )

    return {
        "select": timed(
            lambda c: c.execute(
                "SELECT unit_id, indicator_id, value FROM figures WHERE period_id = ?", (week,)
            ).fetchall()
        ),
        "group": timed(lambda c: c.execute(group, periods).fetchall()),
        "write": timed(write),
    }


def pack(ctx: Context) -> list[dict]:
    """Save a copy (pack) against `cp` (the issue's floor), and against `cp` + `sync` of the copy: the pack
    writes a copy that is on the disk before it gets its name; `cp`'s copy is deleted before it reaches it."""
    from models.store.copies import pack as pack_copy

    target, copied = ctx.work / "packed.db", ctx.work / "cp.db"
    store = open_store(ctx.fixture, readonly=True)
    times: dict[str, list] = {"app": [], "cp": [], "synced": []}

    def timed(name: str, action) -> None:
        started = time.perf_counter()
        action()
        times[name].append(time.perf_counter() - started)

    def app():
        pack_copy(store, target)

    def bare():
        subprocess.run(["cp", str(ctx.fixture), str(copied)], check=True)

    def synced():
        subprocess.run(["cp", str(ctx.fixture), str(copied)], check=True)
        subprocess.run(["sync", str(copied)], check=True)  # coreutils sync FILE: fsync of that file

    try:
        for _ in range(ctx.repeat):  # in turns: all three see the same load and page cache
            for name, action, made in (("app", app, target), ("cp", bare, copied), ("synced", synced, copied)):
                timed(name, action)
                made.unlink()
    finally:
        store.close()
    app_time, floor, durable = (statistics.median(times[k]) for k in ("app", "cp", "synced"))
    return [
        result("city: pack", app_time, floor, "≤ 1.5×", app_time <= 1.5 * floor, "floor: cp of the same file"),
        result("city: pack, against a durable cp", app_time, durable, "-", True, "floor: cp + sync of the copy")
        | {"status": "info"},
    ]


def merge(ctx: Context) -> list[dict]:
    """One district file, then ten in a row (the same ten merges), each with its automatic backup first."""
    from bench.prepare_city import bare_merge, city_target, district_files
    from models.exchange.merge import merge as merge_file
    from models.store import backups

    districts = district_files(ctx.fixture, ctx.work / "districts")
    target, floor_target = ctx.work / "city-target.db", ctx.work / "city-floor.db"
    app_times, floor_times, rows = [], [], 0
    city_target(ctx.fixture, target)
    shutil.copyfile(target, floor_target)
    for district in districts:
        store = open_store(target)
        try:
            started = time.perf_counter()
            plan = merge_file(store, district, take="theirs", backup=backups.make_backup)
            app_times.append(time.perf_counter() - started)
        finally:
            store.close()
        if not plan.get("applied"):
            raise RuntimeError(f"merge of {district.name} did not apply")
        rows += plan["total_changes"]
        started = time.perf_counter()
        shutil.copyfile(floor_target, ctx.work / "floor-backup.db")  # the floor backs up too
        bare_merge(floor_target, district)
        floor_times.append(time.perf_counter() - started)
        shutil.rmtree(ctx.work / "备份", ignore_errors=True)
    one, one_floor = statistics.median(app_times), statistics.median(floor_times)
    note = "floor: cp + INSERT OR IGNORE of the district's rows"
    return [
        result("city: merge one district file", one, one_floor, "-", True, f"median of 10; {note}")
        | {"status": "info"},
        result("city: ten district files in a row", sum(app_times), sum(floor_times), "-", True, f"{rows} rows; {note}")
        | {"status": "info"},
    ]


def _info(row: dict) -> dict:
    row["status"] = "info"  # no budget in issue 21: shown for the lead to judge
    return row


def form_import(ctx: Context) -> list[dict]:
    """The import of 300 returned forms into the city file, twice over: when no backup is due (the file was
    backed up since its last change: a session's first import after the close-time backup) — the budget's
    case — and when the backup every import needs after a change runs first (the design's "before every
    import"; it copies the whole file, so its floor adds `cp` of the file)."""
    from python_calamine import CalamineWorkbook

    from models.progress.forms.importer import form_files, import_forms
    from models.store.backups import changed_since_backup, make_backup

    folder = ctx.cache.get("forms") or returned_forms(ctx.fixture, ctx.work / "forms")
    ctx.cache["forms"] = folder
    files = form_files([folder])
    copy, copied = ctx.work / "import.db", ctx.work / "import-cp.db"

    def bare():
        for path in files:
            workbook = CalamineWorkbook.from_path(str(path))
            for name in workbook.sheet_names:
                workbook.get_sheet_by_name(name).to_python()

    def cp():
        started = time.perf_counter()
        shutil.copyfile(copy, copied)
        copied.unlink()
        return time.perf_counter() - started

    shutil.copyfile(ctx.fixture, copy)
    store = open_store(copy)
    try:  # not timed: starts the reader processes (the import dialog does when it opens) and reads the files once
        import_forms(store, newest_campaign(store), [folder], dry_run=True)
    finally:
        store.close()
    times: dict[bool, list] = {False: [], True: []}
    floor_times, cp_times = [], []
    for _ in range(max(1, min(ctx.repeat, 3))):
        for backup_due in (False, True):
            shutil.copyfile(ctx.fixture, copy)  # each run imports into the same untouched data
            shutil.rmtree(ctx.work / "备份", ignore_errors=True)
            store = open_store(copy)
            try:
                if not backup_due:
                    make_backup(store, "会话开始")  # not timed: the backup the last session closed with
                if changed_since_backup(store) != backup_due:
                    raise RuntimeError("the import's backup case is not what the bench meant")
                campaign = newest_campaign(store)
                started = time.perf_counter()
                results = import_forms(store, campaign, [folder])
                times[backup_due].append(time.perf_counter() - started)
            finally:
                store.close()
            bad = [r for r in results if r.status not in ("imported", "unchanged")]
            if bad:
                raise RuntimeError(f"{len(bad)} forms not imported: {bad[0].errors[:1]}")
            floor_times.append(ctx.median_time(bare, 1))
            cp_times.append(cp())
            written = [row for r in results for row in r.figures]
    write_times = []
    for _ in range(max(1, min(ctx.repeat, 3))):
        shutil.copyfile(ctx.fixture, copy)
        write_times.append(_bare_write(copy, written))
    copy.unlink()
    shutil.rmtree(ctx.work / "备份", ignore_errors=True)
    floor, copy_floor = statistics.median(floor_times), statistics.median(cp_times)
    app, with_backup = statistics.median(times[False]), statistics.median(times[True])
    write_floor = statistics.median(write_times)
    note = f"{len(files)} forms, written into the db; no backup due; floor: python-calamine reading every sheet"
    backup_note = "the backup of the changed file first; floor: python-calamine + cp of the file"
    write_note = (
        f"floor: python-calamine + one bare SQL upsert of the same {len(written)} figures into the file"
        " (no checks, no undo records)"
    )
    return [
        result("city: import 300 returned forms", app, floor, "≤ 3×", app <= 3 * floor, note),
        result("city: import 300 forms, backup first", with_backup, floor + copy_floor, "-", True, backup_note)
        | {"status": "info"},
        result("city: import, against reading + bare writing", app, floor + write_floor, "-", True, write_note)
        | {"status": "info"},
    ]


def _bare_write(path: Path, rows: list[tuple]) -> float:
    """Seconds to write *rows* (unit, week, indicator, value) into the figures of *path* as bare SQL would: one
    transaction of upserts, with the file's own indexes and sums trigger and the app's journal settings."""
    import sqlite3
    import uuid

    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
        params = [(uuid.uuid4().hex, *row) for row in rows]
        per, one = 100, "(?, ?, ?, ?, ?, 'import', '2026-06-01', '2026-06-01')"  # many rows a statement: faster
        started = time.perf_counter()
        conn.execute("BEGIN")
        for at in range(0, len(params), per):
            part = params[at : at + per]
            values = ", ".join([one] * len(part))
            conn.execute(
                "INSERT INTO figures (id, unit_id, period_id, indicator_id, value, source, created_at, updated_at)"
                f" VALUES {values}"
                " ON CONFLICT (unit_id, period_id, indicator_id) DO UPDATE SET value = excluded.value,"
                " source = excluded.source, updated_at = excluded.updated_at",
                [value for row in part for value in row],
            )
        conn.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        conn.close()


def memory(ctx: Context) -> dict:
    from bench.cases_files import MEMORY_CHILD, memory_child

    peak = memory_child(ctx, MEMORY_CHILD)
    return result("city: peak memory, MB (grid→xlsx→PDF)", peak, None, "≤ 400 MB", peak <= 400, "VmHWM of a child")


def startup(ctx: Context) -> list[dict]:
    """First paint on the city file: cold (never verified: a new settings folder each run) and warm."""
    from bench.cases import timed_start

    shot = ctx.work / "shot.png"
    app_args = [sys.executable, str(ctx.root / "main.py"), "--db", str(ctx.fixture), "--screenshot", str(shot)]
    bare_args = [sys.executable, str(ctx.root / "bench" / "bare_window.py"), str(shot)]
    warm_home = ctx.work / "home-warm"
    timed_start(ctx, app_args, _home(ctx, warm_home))  # verifies the file once: the warm runs find its stamp
    cold, warm, bare = [], [], []
    for run in range(ctx.repeat):
        cold_home = ctx.work / f"home-cold-{run}"
        cold.append(timed_start(ctx, app_args, _home(ctx, cold_home))["painted"])
        shutil.rmtree(cold_home, ignore_errors=True)
        bare.append(timed_start(ctx, bare_args, ctx.env)["painted"])
        warm.append(timed_start(ctx, app_args, _home(ctx, warm_home))["painted"])
    c, w, b = (statistics.median(x) for x in (cold, warm, bare))
    note = "floor: a bare QMainWindow painted"
    return [
        result("city: start-up cold (file never verified)", c, b, "≤ 1.5×", c <= 1.5 * b, note),
        result("city: start-up warm", w, b, "≤ 1.5×", w <= 1.5 * b, note),
    ]


def _home(ctx: Context, home: Path) -> dict:
    home.mkdir(parents=True, exist_ok=True)
    return dict(
        ctx.env, HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local" / "share")
    )
