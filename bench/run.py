"""Benchmark: the app's speed and memory as ratios to the bare libraries, same run.

    python bench/run.py [--scale 1|3|10 | --units N] [--fixture PATH] [--repeat 5] [--json] [--quick]

``--scale`` makes the fixture of 300 × N units (1× a large district, 10× a city of ten districts);
``--fixture PATH`` copies a ready one instead (its unit count gives the scale).  At 1× the district
cases and the stalls of the event loop run, then at every scale the city cases.  Each case
times the app doing a piece of real work and the bare library doing the same raw work in the
same run, in turns; the table shows both medians, the ratio, the budget and pass/fail.  ``--quick`` (CI)
uses a small fixture and only checks that every case runs.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import cases  # noqa: E402
from bench.make_fixture import make_fixture  # noqa: E402


def median_time(action, repeat: int) -> float:
    return statistics.median(_timed(action) for _ in range(repeat))


def paired_medians(app, bare, repeat: int) -> tuple[float, float]:
    """Medians of the app's and the bare library's runs, taken in turns so that both see the same load."""
    times = [(_timed(app), _timed(bare)) for _ in range(repeat)]
    return statistics.median(t for t, _ in times), statistics.median(t for _, t in times)


def _timed(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def run_process(args: list[str], env: dict) -> None:
    subprocess.run(args, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main() -> int:
    parser = argparse.ArgumentParser(description="安全生产月工作台 benchmark")
    parser.add_argument("--scale", type=int, default=1, help="units = 300 × SCALE (1×, 3×, 10×)")
    parser.add_argument("--units", type=int, help="units of the fixture made (instead of --scale)")
    parser.add_argument("--fixture", type=Path, help="copy this ready fixture (never written) instead of making one")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="small fixture, one repeat; never fails on timing")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--only", nargs="*", help="run only these cases")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (fixture, outputs) for a look")
    args = parser.parse_args()
    args.units = args.units or 300 * args.scale
    if args.quick:
        args.units, args.repeat, args.fixture = min(args.units, 30), 1, None
    compile_bytecode()
    work = Path(tempfile.mkdtemp(prefix="desk-bench-"))
    try:
        return run_cases(args, work)
    finally:
        if args.keep:
            print(f"  work folder kept: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)  # ≈0.6 GB of fixture copies


def compile_bytecode() -> None:
    """The shipped bundle runs from bytecode: so do the app's processes here (PYTHONDONTWRITEBYTECODE or not)."""
    for folder in ("models", "ui", "bench"):
        compileall.compile_dir(str(ROOT / folder), quiet=1)
    compileall.compile_file(str(ROOT / "main.py"), quiet=1)


def run_cases(args: argparse.Namespace, work: Path) -> int:
    started = time.perf_counter()
    if args.fixture:
        fixture = work / "large.db"
        shutil.copyfile(args.fixture, fixture)  # the shared fixture is never written
        from models.store.opening import open_store

        open_store(fixture).close()  # brought to the app's schema (a fixture made before a migration)
        args.units = _count_units(fixture)
    else:
        fixture = make_fixture(work / "large.db", args.units)
    scale = max(1, round(args.units / 300))
    what = f"{args.units} units, {scale}×"
    print(f"  fixture ({what}): {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    context = cases.Context(
        root=ROOT,
        work=work,
        fixture=fixture,
        units=args.units,
        repeat=args.repeat,
        median_time=median_time,
        paired=paired_medians,
        run_process=run_process,
        env=_env(work),
    )
    results = []
    for case in cases._all(scale if not args.quick else 1):
        if args.only and case.name not in args.only:
            continue
        started = time.perf_counter()
        outcome = case.run(context)
        results.extend(outcome if isinstance(outcome, list) else [outcome])
        print(f"  {case.name}: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        _print_table(results)
    failed = [r for r in results if r["status"] == "error" or (r["status"] == "fail" and not args.quick)]
    return 1 if failed else 0


def _count_units(fixture: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(f"file:{fixture}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT COUNT(*) FROM units").fetchone()[0]
    finally:
        conn.close()


def _env(work: Path) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # read the compiled modules (see compile_bytecode)
    env.update(
        HOME=str(work / "home"),
        XDG_CONFIG_HOME=str(work / "home" / ".config"),
        XDG_DATA_HOME=str(work / "home" / ".local" / "share"),
    )
    return env


def _print_table(results: list[dict]) -> None:
    header = f"{'case':<44}{'app':>10}{'baseline':>10}{'ratio':>8}{'budget':>12}  result"
    print(header)
    print("-" * len(header))
    for r in results:
        app = f"{r['app']:.3f}" if r.get("app") is not None else "-"
        base = f"{r['baseline']:.3f}" if r.get("baseline") is not None else "-"
        ratio = f"{r['ratio']:.2f}" if r.get("ratio") is not None else "-"
        print(
            f"{r['case']:<44}{app:>10}{base:>10}{ratio:>8}{r['budget']:>12}  {r['status']}"
            + (f"  ({r['note']})" if r.get("note") else "")
        )


if __name__ == "__main__":
    sys.exit(main())
