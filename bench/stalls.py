"""The longest stall of the event loop (a 10 ms heartbeat) while the window runs its long actions.

    python bench/stalls.py FIXTURE FORMS_FOLDER WORK_FOLDER OUT.json

Each action is the verb the window calls, run as the window runs it (through ui.common.operation) and,
for comparison, straight on the GUI thread as before the runner.  Written as JSON for bench/run.py.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


class Heartbeat:
    def __init__(self):
        self.clock, self.last, self.longest = QElapsedTimer(), 0, 0
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.tick)

    def tick(self) -> None:
        now = self.clock.elapsed()
        self.longest, self.last = max(self.longest, now - self.last), now

    def __enter__(self):
        self.clock.start()
        self.timer.start()
        return self

    def __exit__(self, *_):
        self.timer.stop()
        self.tick()


def main() -> None:
    fixture, forms, work, out = (Path(a) for a in sys.argv[1:5])
    app = QApplication([])  # noqa: F841 - the event loop being measured
    from bench.prepare import newest_campaign, week_of
    from models.progress.forms.importer import apply_import, preview_forms
    from models.progress.statistics import export_statistics
    from models.reports.report import create_report, export_report
    from models.store.opening import open_store
    from ui.common import msgbox, operation

    msgbox.ANSWERS = []  # a failure is listed, never waits for a click
    copy = work / "stalls.db"
    shutil.copyfile(fixture, copy)
    store = open_store(copy)
    campaign = newest_campaign(store)
    period = week_of(store, campaign)
    summary: dict = {}
    previewed: dict = {}

    def fresh(old):
        old.close()
        shutil.copyfile(fixture, copy)
        new = open_store(copy)
        preview(new)  # what the clerk saw before pressing 导入 (not timed)
        return new

    def preview(s, progress=None):
        previewed["results"] = preview_forms(s, campaign, [forms], period["seq"], progress)
        return previewed["results"]

    actions = [
        ("import preview", lambda s, p: preview(s, p), False),
        ("import apply", lambda s, p: apply_import(s, previewed["results"]), True),
        ("statistics export (week)", lambda s, p: export_statistics(s, campaign, work / "week.xlsx", week=3), False),
        (
            "statistics export (cumulative)",
            lambda s, p: export_statistics(s, campaign, work / "all.xlsx", cumulative=True),
            False,
        ),  # noqa: E501
        ("summary PDF", lambda s, p: export_report(s, summary["id"], work / "summary.pdf", record=False), False),
    ]
    rows = []
    for name, work_fn, write in actions:
        if name == "summary PDF":  # the clerk's saved summary (made here, not timed)
            summary["id"] = create_report(store, campaign, "summary")
        if write:  # the same write twice would change nothing the second time: measure on fresh copies
            store = fresh(store)
        started = time.perf_counter()
        with Heartbeat() as beat:
            done = operation.run(None, name, work_fn, store=store, write=write)
        through = {"seconds": time.perf_counter() - started, "stall_ms": beat.longest, "ok": done.ok}
        if write:
            store = fresh(store)
        started = time.perf_counter()
        with Heartbeat() as beat:
            work_fn(store, lambda *_: None)
        direct = {"seconds": time.perf_counter() - started, "stall_ms": beat.longest}
        rows.append({"action": name, "runner": through, "gui_thread": direct, "shown": msgbox.SHOWN[-1:]})
    store.close()
    out.write_text(json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
