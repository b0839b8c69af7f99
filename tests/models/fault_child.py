"""Child process for the kill tests: does one action on a database, to be SIGKILLed midway.

Usage: python fault_child.py import|merge|pack DB [OTHER]
Prints "ready" before the action starts and "done" after it is committed.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from models.exchange import merge  # noqa: E402
from models.progress.figures import set_figure  # noqa: E402
from models.store import copies as exchange
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


def main() -> None:
    mode, db = sys.argv[1], Path(sys.argv[2])
    store = open_store(db)
    print("ready", flush=True)
    if mode == "import":
        import_figures(store)
    elif mode == "merge":
        merge.merge(store, Path(sys.argv[3]))
    elif mode == "pack":
        exchange.pack(store, Path(sys.argv[3]))
    store.close()
    print("done", flush=True)


if __name__ == "__main__":
    main()
