"""Writing figures in a batch: one cell, or many at once (a paste, an import), each change undoable.

The figures table is this package's: the SQL that reads the old values is here; the rows are written
and recorded by the generic ``Batch.write_many``.
"""

from __future__ import annotations

from models.clock import new_id
from models.store.database import Store
from models.store.history import Batch


def set_figure(batch: Batch, unit_id: str, period_id: str, indicator_id: str, value, source: str | None = None) -> str:
    """Set one figure; None clears it.  Returns 'added', 'changed', 'unchanged' or 'cleared'."""
    counts = set_figures(batch, [(unit_id, period_id, indicator_id, value)], source)
    return next(outcome for outcome, count in counts.items() if count)


def set_figures(batch: Batch, rows, source: str | None = None) -> dict[str, int]:
    """Set many figures at once: rows of (unit_id, period_id, indicator_id, value); None clears.

    Existing values are read with one query per period and written with executemany,
    each change still recorded for history and undo.  Returns counts per outcome.
    """
    counts = {"added": 0, "changed": 0, "unchanged": 0, "cleared": 0}
    rows = list(rows)
    existing: dict[tuple, dict] = {}
    for period_id in {row[1] for row in rows}:
        for old in batch.store.rows("SELECT * FROM figures WHERE period_id = ?", (period_id,)):
            existing[(old["unit_id"], old["period_id"], old["indicator_id"])] = old
    source = source or batch.source
    inserts, updates, deletes = [], [], []
    for unit_id, period_id, indicator_id, value in rows:
        old = existing.get((unit_id, period_id, indicator_id))
        if value is None:
            if old is not None:
                deletes.append(old)
                counts["cleared"] += 1
            else:
                counts["unchanged"] += 1
        elif old is None:
            new = {
                "id": new_id(),
                "unit_id": unit_id,
                "period_id": period_id,
                "indicator_id": indicator_id,
                "value": value,
                "source": source,
                "created_at": batch.stamp,
                "updated_at": batch.stamp,
            }
            existing[(unit_id, period_id, indicator_id)] = new
            inserts.append(new)
            counts["added"] += 1
        elif old["value"] == value:
            counts["unchanged"] += 1
        else:
            existing[(unit_id, period_id, indicator_id)] = {**old, "value": value, "source": source}
            updates.append((old, {"value": value, "source": source}))
            counts["changed"] += 1
    batch.write_many("figures", inserts, updates, deletes)
    return counts


def figure_counts(store: Store, indicator_ids: list[str]) -> dict[str, int]:
    """indicator id → how many figures it holds (those holding none are left out)."""
    if not indicator_ids:
        return {}
    marks = ", ".join("?" * len(indicator_ids))
    sql = f"SELECT indicator_id, count(*) FROM figures WHERE indicator_id IN ({marks}) GROUP BY indicator_id"
    return dict(store.conn.execute(sql, list(indicator_ids)).fetchall())
