"""Cases on whole files and processes: merge, save-a-copy (pack), peak memory."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench.cases import Context, result
from bench.prepare import merge_target
from models.store.opening import open_store


def merge_file(ctx: Context) -> dict:
    from models.exchange.merge import merge
    from models.store import backups

    pristine = merge_target(ctx.fixture, ctx.work / "merge-pristine.db")
    target = ctx.work / "merge-target.db"
    times, plan = [], {}
    for _ in range(max(1, min(ctx.repeat, 3))):
        shutil.copyfile(pristine, target)
        shutil.rmtree(ctx.work / "备份", ignore_errors=True)
        store = open_store(target)
        try:
            started = time.perf_counter()
            plan = merge(store, ctx.fixture, take="theirs", backup=backups.make_backup)
            times.append(time.perf_counter() - started)
        finally:
            store.close()
        if not plan.get("applied"):
            raise RuntimeError("merge did not apply")
    app = sorted(times)[len(times) // 2]
    note = f"{plan['total_changes']} rows, with the automatic backup first"
    return result("merge a large file", app, None, "≤ 3 s", app <= 3.0, note)


def pack_copy(ctx: Context) -> dict:
    from models.store.copies import pack

    store = open_store(ctx.fixture, readonly=True)
    target = ctx.work / "packed.db"
    try:

        def bare():
            import sqlite3

            dest = sqlite3.connect(ctx.work / "bare-copy.db")
            store.conn.backup(dest)
            dest.close()
            (ctx.work / "bare-copy.db").unlink()

        app, baseline = ctx.paired(lambda: pack(store, target), bare, ctx.repeat)
    finally:
        store.close()
    return result("save a copy (pack)", app, baseline, "≤ 1 s", app <= 1.0, "baseline: sqlite3 backup() alone")


# ru_maxrss survives fork+exec on Linux (the child starts with the parent's high-water mark), so
# the child reads its own VmHWM, which exec resets; getrusage is the fallback elsewhere.
PEAK = """
import json, resource
def peak():
    try:
        with open("/proc/self/status") as status:
            return next(int(l.split()[1]) for l in status if l.startswith("VmHWM")) / 1024
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
"""

MEMORY_CHILD = (
    PEAK
    + """
import sys
sys.path.insert(0, sys.argv[1])
from models.store.opening import open_store
from models.progress.grid import load_week
from models.progress.totals import cumulative_table
from models.progress.forms.export import export_own
from models.reports.summary import summary_document
from models.documents.pdf.build import build_pdf
store = open_store(sys.argv[2], readonly=True)
campaign = store.row("SELECT * FROM campaigns ORDER BY year DESC LIMIT 1")
for period in store.rows("SELECT * FROM periods WHERE campaign_id = ? ORDER BY seq", (campaign["id"],)):
    load_week(store, campaign["id"], period["id"])
export_own(cumulative_table(store, campaign["id"]), campaign, sys.argv[3] + "/mem.xlsx")
build_pdf(summary_document(store, campaign), sys.argv[3] + "/mem.pdf")
print(json.dumps(peak()))
"""
)

BARE_MEMORY_CHILD = (
    PEAK
    + """
import sqlite3, sys
import openpyxl, reportlab.platypus
print(json.dumps(peak()))
"""
)


def memory_child(ctx: Context, code: str) -> float:
    """Peak memory (MB) of a child running *code* on the fixture (its last line of output)."""
    out = subprocess.run(
        [sys.executable, "-c", code, str(ctx.root), str(ctx.fixture), str(ctx.work)],
        check=True,
        capture_output=True,
        text=True,
        env=ctx.env,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def peak_memory(ctx: Context) -> dict:
    app, baseline = memory_child(ctx, MEMORY_CHILD), memory_child(ctx, BARE_MEMORY_CHILD)
    row = result("peak memory, MB (grid→xlsx→PDF)", app, baseline, "≤ 300 MB", app <= 300)
    row["note"] = "peak RSS (VmHWM) of a child; baseline: python + openpyxl + reportlab imported"
    return row


def event_loop_stalls(ctx: Context) -> list[dict]:
    """Issue 15: the longest gap of a 10 ms heartbeat while the clerk runs each long action (bench/stalls.py).

    Budget: no stall over 200 ms, and a progress dialog for any action over 0.5 s.
    """
    from bench.prepare import newest_campaign, returned_forms
    from models.progress.statistics import export_statistics
    from models.reports.report import create_report

    folder = ctx.cache.get("forms") or returned_forms(ctx.fixture, ctx.work / "forms")
    ctx.cache["forms"] = folder
    db = merge_target(ctx.fixture, ctx.work / "stalls.db")  # the merge brings it the oldest campaign
    template = ctx.work / "received-template.xlsx"
    store = open_store(db)
    try:
        campaign = newest_campaign(store)
        create_report(store, campaign, "summary")  # the clerk's saved summary, to save as PDF and print
        export_statistics(store, campaign, template, week=1)  # a table in the app's layout, as received
    finally:
        store.close()
    session_db = ctx.work / "session.db"
    shutil.copyfile(db, session_db)  # the whole session starts from the same file as the groups
    from bench.stalls import GROUPS, SESSION

    script = str(ctx.root / "bench" / "stalls.py")
    measured = []
    for group in GROUPS:
        out = ctx.work / f"stalls-{group}.json"
        args = [sys.executable, script, str(db), str(folder), str(ctx.fixture), str(template), str(ctx.work), str(out)]
        crash = _stall_group(ctx, [*args, group], out)
        if crash:  # once more, the garbage collected before each action (see stalls.py): it tells, it excuses nothing
            again = _stall_group(ctx, [*args, group, "--safe"], out)
            crash = f"{crash}; the retry with --safe: {again}" if again else crash
            for row in json.loads(out.read_text(encoding="utf-8"))["rows"] if out.exists() else []:
                row["error"] = row.get("error") or f"the first try {crash}"
                row["crashed"] = True
                measured.append(row)
            if again or not out.exists():
                measured.append({"action": group, "error": crash})
            continue
        measured.extend(json.loads(out.read_text(encoding="utf-8"))["rows"])
    out = ctx.work / "stalls-session.json"
    inputs = [str(folder), str(ctx.fixture), str(template), str(ctx.work)]
    session = [sys.executable, script, str(session_db), *inputs, str(out)]
    crash = _stall_group(ctx, [*session, SESSION], out)
    rows = [_session_row(crash, out)]
    for row in measured:
        name = f"stall: {row['action']}"
        if "stall_ms" not in row:
            rows.append(result(name, None, None, "≤ 0.200 s", False, row["error"]) | {"status": "error"})
            continue
        seconds, stall = row["seconds"], row["stall_ms"]
        dialog_ok = seconds <= 0.5 or row["dialog"]
        ok = not row["error"] and stall <= 200 and dialog_ok
        note = f"{seconds:.2f} s; progress dialog {'shown' if row['dialog'] else 'not shown'}"
        if not dialog_ok:
            note += " (needed: over 0.5 s)"
        if row["error"]:
            note += f"; {row['error']}"
        row_result = result(name, stall / 1000, None, "≤ 0.200 s", ok, note)
        rows.append(row_result | {"status": "error"} if row.get("crashed") else row_result)  # fails --quick too
    return rows


def _stall_group(ctx: Context, args: list[str], out: Path) -> str | None:
    """Run one group of stalls.py; None, or how the window died (and in which action)."""
    out.unlink(missing_ok=True)
    try:
        env = dict(ctx.env, LANG="zh_CN.UTF-8")
        done = subprocess.run(args, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
    except subprocess.TimeoutExpired:
        how = "hung (killed after 600 s)"
    else:
        if done.returncode == 0:
            return None
        how = f"crashed (exit {done.returncode})"
    running = json.loads(out.read_text(encoding="utf-8")).get("running") if out.exists() else None
    return f"{how} during {running or 'start-up'}"


def _session_row(crash: str | None, out: Path) -> dict:
    """Whether one window survives every action in a row (as a clerk's day would run them)."""
    done = json.loads(out.read_text(encoding="utf-8"))["rows"] if out.exists() else []
    stalls = [r["stall_ms"] for r in done if "stall_ms" in r]
    longest = max(stalls, default=0) / 1000 if stalls else None
    if crash:  # a crash is an error, not a timing: it fails the run, --quick (CI) too
        note = f"the window {crash} after {len(done)} actions"
        return result("stall: every action in one window", longest, None, "no crash", False, note) | {"status": "error"}
    return result("stall: every action in one window", longest, None, "no crash", True, f"all {len(done)} actions")
