"""The short narrative a unit sends with its weekly figures: 本周开展情况, 亮点, 问题, photo/video names."""

from __future__ import annotations

from models.clock import now
from models.store.database import Store
from models.store.history import Batch

FIELDS = ("activities", "highlights", "problems", "media")


def get_narrative(store: Store, unit_id: str, period_id: str) -> dict:
    found = store.row("SELECT * FROM narratives WHERE unit_id = ? AND period_id = ?", (unit_id, period_id))
    return found or {"unit_id": unit_id, "period_id": period_id, **dict.fromkeys(FIELDS), "received_at": None}


def media_names(text: str | None) -> list[str]:
    return [name.strip() for name in (text or "").replace("；", "\n").replace(";", "\n").splitlines() if name.strip()]


def save_narrative(
    store: Store, unit_id: str, period_id: str, fields: dict, *, received_at: str | None = None, source: str = "manual"
) -> bool:
    """Save the narrative (empty text becomes NULL); returns False if nothing changed."""
    clean = {k: ((fields.get(k) or "").strip() or None) for k in FIELDS if k in fields}
    if "media" in clean and clean["media"]:
        clean["media"] = "\n".join(media_names(clean["media"]))
    old = store.row("SELECT * FROM narratives WHERE unit_id = ? AND period_id = ?", (unit_id, period_id))
    if old is None and not any(clean.values()):
        return False
    with store.batch("编辑本周情况", source=source) as batch:
        if old is None:
            batch.insert(
                "narratives",
                {
                    "unit_id": unit_id,
                    "period_id": period_id,
                    "received_at": received_at or now(),
                    "source": source,
                    **clean,
                },
            )
            return True
        return batch.update("narratives", old["id"], clean)


def narratives_of(store: Store, period_id: str) -> list[dict]:
    """The week's narratives with the unit's name, in the units' order."""
    from models.campaigns.units import unit as get_unit

    found = []
    for row in store.rows("SELECT * FROM narratives WHERE period_id = ?", (period_id,)):
        owner = get_unit(store, row["unit_id"])
        found.append(({**row, "unit_name": owner["name"]}, (owner["sort_order"], owner["name"])))
    return [row for row, _ in sorted(found, key=lambda pair: pair[1])]


def add_narrative(batch: Batch, fields: dict) -> str:
    """A unit's narrative for a period as given (unit_id, period_id, received_at, texts, source)."""
    return batch.insert("narratives", fields)
