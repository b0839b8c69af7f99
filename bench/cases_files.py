"""Cases on whole files and processes: merge, save-a-copy (pack), peak memory."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time

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


def peak_memory(ctx: Context) -> dict:
    def child(code: str) -> float:
        out = subprocess.run(
            [sys.executable, "-c", code, str(ctx.root), str(ctx.fixture), str(ctx.work)],
            check=True,
            capture_output=True,
            text=True,
            env=ctx.env,
        )
        return json.loads(out.stdout.strip().splitlines()[-1])

    app, baseline = child(MEMORY_CHILD), child(BARE_MEMORY_CHILD)
    row = result("peak memory, MB (grid→xlsx→PDF)", app, baseline, "≤ 300 MB", app <= 300)
    row["note"] = "peak RSS (VmHWM) of a child; baseline: python + openpyxl + reportlab imported"
    return row


def event_loop_stalls(ctx: Context) -> list[dict]:
    """The longest gap of a 10 ms heartbeat while the window's long actions run (bench/stalls.py)."""
    import json
    import sys

    from bench.prepare import returned_forms

    folder = ctx.cache.get("forms") or returned_forms(ctx.fixture, ctx.work / "forms")
    ctx.cache["forms"] = folder
    out = ctx.work / "stalls.json"
    script = str(ctx.root / "bench" / "stalls.py")
    ctx.run_process([sys.executable, script, str(ctx.fixture), str(folder), str(ctx.work), str(out)], ctx.env)
    rows = []
    for row in json.loads(out.read_text(encoding="utf-8")):
        runner, direct = row["runner"], row["gui_thread"]
        note = f"{runner['seconds']:.2f} s of work; on the GUI thread it stalled {direct['stall_ms']} ms"
        ok = runner["ok"] and runner["stall_ms"] <= 200
        stall = result(f"stall: {row['action']}", runner["stall_ms"] / 1000, None, "≤ 0.200 s", ok, note)
        rows.append(stall)
    return rows
