"""A starter file for a town or department ("给下级单位一份起始文件").

A verified copy of this office's file with what the recipient needs to start
(campaigns, units, indicator layout, weeks, notices and their deadlines and
attachments) but none of the reported data (figures, narratives, deliveries,
liaisons, reports), and with an identity of its own: a new office id and the
recipient's name as 本单位.  The files the recipient sends back therefore merge
as another office's, and the shared history (kept in the copy, nobody's undo
stack) tells the merge which records were changed there since.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from models.campaigns.office import level_from_name, set_office
from models.campaigns.units import clean_name
from models.clock import new_id, now
from models.errors import ValidationError
from models.store import copies, history
from models.store.database import Store
from models.store.opening import open_store

# Children before parents, so that deleting never breaks a reference.
DROPPED = ("deliveries", "figures", "narratives", "reports", "liaisons")
MAX_NAME = 100


def make_starter(store: Store, target: Path, recipient: str) -> dict:
    """Write the starter file for *recipient* to *target*; returns its manifest (with "office_name").

    This office's file is not changed.  The target is replaced only once the copy is complete
    and checked (see :func:`models.store.copies.snapshot`).
    """
    name = clean_name(recipient)
    if not name:
        raise ValidationError("请填写接收起始文件的单位名称（例如“城关镇人民政府”）。")
    if len(name) > MAX_NAME:
        raise ValidationError(f"单位名称过长（{len(name)} 字，最多 {MAX_NAME} 字）。")
    target = Path(target)
    with tempfile.TemporaryDirectory(prefix="desk-starter-") as folder:
        draft = Path(folder) / "starter.db"
        copies.snapshot(store, draft)
        side = open_store(draft)
        try:
            _make_own(side, store, name)
            side.conn.execute("VACUUM")  # the removed figures and their history leave no pages behind
            info = copies.pack(side, target)
        finally:
            side.close()
    return info


def _make_own(side: Store, origin: Store, name: str) -> None:
    """Strip the reported data and give the copy its own identity."""
    conn = side.conn
    with side.atomic():
        for table in DROPPED:
            conn.execute(f"DELETE FROM [{table}]")
        history.forget(conn, DROPPED)  # the origin's actions are history there, not the recipient's to undo
        conn.execute(
            "DELETE FROM meta WHERE key LIKE 'met:%' OR key LIKE 'unit_matches:%' OR key IN ('manifest', 'starter_of')"
        )
        origin_office = {"office_id": origin.office_id, "office_name": origin.meta("office_name", ""), "at": now()}
        conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES ('starter_of', ?)",
            (json.dumps(origin_office, ensure_ascii=False),),
        )
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('office_id', ?)", (new_id(),))
    set_office(side, name=name, short_name="", level=level_from_name(name), filler="", phone="", email="")


def make_starter_file(db: Path, target: Path, recipient: str) -> dict:
    """Headless: open *db* read-only and write the starter file."""
    store = open_store(db, readonly=True)
    try:
        return make_starter(store, target, recipient)
    finally:
        store.close()
