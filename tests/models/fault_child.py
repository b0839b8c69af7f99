"""Child process for the kill tests: does one action on a database, to be SIGKILLed midway.

Usage: python fault_child.py import|bigwrite|merge|pack|backup|restore DB [OTHER]
Prints "ready" before the action starts and "done" after it is committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from models.exchange import merge  # noqa: E402
from models.progress.figures import set_figure, set_figures  # noqa: E402
from models.store import backups  # noqa: E402
from models.store import copies as exchange  # noqa: E402
from models.store.opening import open_store  # noqa: E402

IMPORT_BASE = 100000


def import_figures(store) -> None:
    combos = store.rows(
        "SELECT u.id AS u, p.id AS p, i.id AS i FROM units u, periods p, indicators i"
        " WHERE i.campaign_id = p.campaign_id ORDER BY u.id, p.id, i.id LIMIT 1000"
    )
    assert len(combos) == 1000
    with store.batch("导入 1000 个数据", source="fault-test") as batch:
        for n, c in enumerate(combos):
            set_figure(batch, c["u"], c["p"], c["i"], IMPORT_BASE + n)


REWRITES = 6
SMALL_CACHE_PAGES = 64  # as on a PC short of memory: pages reach the file while the journal is hot


def rewrite_all_figures(store) -> None:
    """One large write: every figure of every campaign changed in one batch (with history)."""
    store.conn.execute(f"PRAGMA cache_size = {SMALL_CACHE_PAGES}")
    figures = store.rows("SELECT unit_id, period_id, indicator_id FROM figures ORDER BY id")
    with store.batch("改写全部数据", source="fault-test") as batch:
        for rewrite in range(REWRITES, 0, -1):  # the last pass leaves IMPORT_BASE + n
            base = IMPORT_BASE * rewrite
            rows = [(f["unit_id"], f["period_id"], f["indicator_id"], base + n) for n, f in enumerate(figures)]
            set_figures(batch, rows)


def main() -> None:
    mode, db = sys.argv[1], Path(sys.argv[2])
    store = open_store(db)
    print("ready", flush=True)
    if mode == "import":
        import_figures(store)
    elif mode == "bigwrite":
        rewrite_all_figures(store)
    elif mode == "merge":
        merge.merge(store, Path(sys.argv[3]))
    elif mode == "backup":
        backups.make_backup(store, "手动")
    elif mode == "restore":
        backups.restore(store, Path(sys.argv[3]))
    elif mode == "pack":
        exchange.pack(store, Path(sys.argv[3]))
    store.close()
    print("done", flush=True)


if __name__ == "__main__":
    main()
