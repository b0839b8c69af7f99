"""The results of ``bench/run.py --json`` as the Markdown table of BENCHMARKS.md.

python bench/run.py --json > out.json && python bench/table.py out.json
"""

from __future__ import annotations

import json
import sys


def _seconds_or_mb(case: str, value: float | None) -> str:
    if value is None:
        return "–"
    if "MB" in case:
        return f"{value:.0f} MB"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def markdown(results: list[dict]) -> str:
    lines = ["| case | app | floor | ratio | budget | pass |", "|---|---|---|---|---|---|"]
    for r in results:
        ratio = f"{r['ratio']:.2f}×" if r.get("ratio") is not None else "–"
        status = {"pass": "pass", "fail": "**fail**", "error": "**error**"}.get(r["status"], r["status"])
        note = f" ({r['note']})" if r.get("note") else ""
        app, floor = _seconds_or_mb(r["case"], r.get("app")), _seconds_or_mb(r["case"], r.get("baseline"))
        lines.append(f"| {r['case']} | {app} | {floor} | {ratio} | {r['budget']} | {status}{note} |")
    return "\n".join(lines)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        print(markdown(json.load(handle)))
