"""The benchmark cases: each returns a result row for bench/run.py."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

BARE_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1200, 760)
window.show()
for _ in range(5):
    app.processEvents()
window.grab().save(sys.argv[1])
"""


@dataclass
class Context:
    root: Path
    work: Path
    fixture: Path
    units: int
    repeat: int
    median_time: Callable
    run_process: Callable
    env: dict
    cache: dict = field(default_factory=dict)


def result(name: str, app: float | None, baseline: float | None, budget: str, ok: bool, note: str = "") -> dict:
    ratio = app / baseline if app is not None and baseline else None
    return {
        "case": name,
        "app": app,
        "baseline": baseline,
        "ratio": ratio,
        "budget": budget,
        "status": "pass" if ok else "fail",
        "note": note,
    }


@dataclass
class Case:
    name: str
    fn: Callable[[Context], dict]

    def run(self, ctx: Context) -> dict:
        try:
            return self.fn(ctx)
        except Exception as exc:  # noqa: BLE001 - a broken case is reported, not fatal
            return {
                "case": self.name,
                "app": None,
                "baseline": None,
                "ratio": None,
                "budget": "-",
                "status": "error",
                "note": f"{type(exc).__name__}: {exc}",
            }


def startup(ctx: Context) -> dict:
    shot = ctx.work / "shot.png"
    bare = ctx.work / "bare_window.py"
    bare.write_text(BARE_WINDOW, encoding="utf-8")
    app = ctx.median_time(
        lambda: ctx.run_process(
            [sys.executable, str(ctx.root / "main.py"), "--db", str(ctx.fixture), "--screenshot", str(shot)], ctx.env
        ),
        ctx.repeat,
    )
    baseline = ctx.median_time(lambda: ctx.run_process([sys.executable, str(bare), str(shot)], ctx.env), ctx.repeat)
    return result("start to first painted window", app, baseline, "≤ 1.5×", app <= 1.5 * baseline)


def _all() -> list[Case]:
    from bench import cases_data as d
    from bench import cases_files as f

    return [
        Case("startup", startup),
        Case("grid", d.week_grid),
        Case("totals", d.cumulative_totals),
        Case("xlsx", d.statistics_xlsx),
        Case("pdf", d.summary_pdf),
        Case("import", d.form_import),
        Case("merge", f.merge_file),
        Case("pack", f.pack_copy),
        Case("memory", f.peak_memory),
    ]
