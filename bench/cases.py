"""The benchmark cases: each returns a result row for bench/run.py."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Context:
    root: Path
    work: Path
    fixture: Path
    units: int
    repeat: int
    median_time: Callable
    paired: Callable  # (app, bare, repeat) -> (app median, bare median), run in turns
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


def timed_start(ctx: Context, args: list[str], env: dict | None = None) -> dict:
    """Spawns *args* and returns seconds from the spawn to each stamp it wrote, and to its exit ("exit")."""
    times = ctx.work / "startup-times.txt"
    times.unlink(missing_ok=True)
    env = dict(env or ctx.env, DESK_STARTUP_TIMES=str(times))
    started = time.time()
    ctx.run_process(args, env)
    moments = {"exit": time.time() - started}
    for line in times.read_text(encoding="utf-8").splitlines():
        what, when = line.split()
        moments.setdefault(what, float(when) - started)
    return moments


def startup(ctx: Context) -> list[dict]:
    """First paint of the main window on the large file vs a bare window; then the moment its data shows."""
    shot = ctx.work / "shot.png"
    app_args = [sys.executable, str(ctx.root / "main.py"), "--db", str(ctx.fixture), "--screenshot", str(shot)]
    bare_args = [sys.executable, str(ctx.root / "bench" / "bare_window.py"), str(shot)]
    app_runs, bare_runs = [], []
    for _ in range(ctx.repeat):  # interleaved: both see the same load
        app_runs.append(timed_start(ctx, app_args))
        bare_runs.append(timed_start(ctx, bare_args))

    def median(runs: list[dict], key: str) -> float:
        return statistics.median(run[key] for run in runs)

    painted, bare = median(app_runs, "painted"), median(bare_runs, "painted")
    ready = median(app_runs, "ready")
    note = (
        f"whole process with screenshot: app {median(app_runs, 'exit'):.3f} s, bare {median(bare_runs, 'exit'):.3f} s"
    )
    filled = result("start to first tab filled", ready, bare, "-", True, "data read after the first paint")
    filled["status"] = "info"
    return [result("start to first painted window", painted, bare, "≤ 1.5×", painted <= 1.5 * bare, note), filled]


def _all(scale: int = 1) -> list[Case]:
    """The district cases (their budgets hold at 1×), then the city cases of every scale, then the stalls."""
    from bench import cases_city as c
    from bench import cases_data as d
    from bench import cases_files as f

    district = [
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
    city = [
        Case("city-grid", c.grid),
        Case("city-totals", c.totals),
        Case("city-window", c.window),
        Case("city-startup", c.startup),
        Case("city-pack", c.pack),
        Case("city-merge", c.merge),
        Case("city-import", c.form_import),
        Case("city-memory", c.memory),
    ]
    stalls = [Case("stalls", f.event_loop_stalls)]
    return (district if scale == 1 else []) + city + (stalls if scale == 1 else [])
