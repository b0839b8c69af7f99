"""One clerk's session in the real window (offscreen), timed: what the city cases of the GUI measure.

    python bench/window_cases.py DB OUT.json [--pastes N]

The window is started as ``main.py --db DB --tab 通知``; then, each timed from the action to the window
being idle and repainted: the switch to 每周进展 (its first showing in the session), a change to every
other week and back, opening 累计汇总 three times, pasting a 300 × 30 block at the top of the grid and
saving it (N times, new values each time), and the session's peak memory.  Written as JSON.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.clerk import Clerk, end_process, peak_mb, until  # noqa: E402

PASTE_ROWS, PASTE_COLS = 300, 30


def session(clerk: Clerk, out: dict, pastes: int):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest

    yield from clerk.start_session()
    yield from clerk.timed(lambda: clerk.show_tab(clerk.window, "每周进展"), out["switch"])
    progress = clerk.page("每周进展")
    week = clerk.buddy_of(progress, "周次")
    opened = week.currentIndex()
    for index in [i for i in range(week.count()) if i != opened] + [opened]:
        yield 0.05
        yield from clerk.timed(lambda i=index: week.setCurrentIndex(i), out["week"])
    for _ in range(3):
        yield 0.05
        yield from clerk.timed(lambda: clerk.show_tab(progress, "累计汇总"), out["totals_view"])
        clerk.show_tab(progress, "数据录入")
        clerk.settle()
    rng = random.Random(11)
    for _ in range(pastes):
        grid = clerk.visible_table(progress, min_rows=2)
        model = grid.model()
        rows = min(PASTE_ROWS, model.rowCount() - 1)  # the 合计 row is not data (a small --quick fixture)
        block = [[str(rng.randint(0, 200)) for _ in range(PASTE_COLS)] for _ in range(rows)]
        QGuiApplication.clipboard().setText("\n".join("\t".join(row) for row in block) + "\n")
        grid.setCurrentIndex(model.index(0, 0))
        grid.setFocus()
        yield 0.05
        yield from clerk.timed(
            lambda g=grid: QTest.keyClick(g, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier), out["paste"]
        )
        grid = clerk.visible_table(progress, min_rows=2)
        last = grid.model().index(rows - 1, PASTE_COLS - 1).data()
        if str(last) != block[-1][-1]:
            raise AssertionError(f"the pasted block was not saved: last cell shows {last!r}, pasted {block[-1][-1]}")
        yield until(lambda: True)
    out["peak_mb"] = peak_mb()


def main() -> None:
    db, target = sys.argv[1], Path(sys.argv[2])
    pastes = int(sys.argv[sys.argv.index("--pastes") + 1]) if "--pastes" in sys.argv else 3
    out: dict = {"switch": [], "week": [], "totals_view": [], "paste": [], "peak_mb": None}
    clerk = Clerk()
    clerk.run(["--db", db, "--tab", "notices"], lambda c: session(c, out, pastes))
    out["error"] = clerk.failure
    target.write_text(json.dumps(out, ensure_ascii=False, indent=2), encoding="utf-8")
    end_process()


if __name__ == "__main__":
    main()
