"""Inputs of the city cases, made outside the timing: ten district files and the city file that merges them.

A city of N units is ten districts of N/10: district k's file holds the units of the k-th tenth (with the
parent units they name), every campaign, and those units' campaign rows, liaisons, figures and narratives,
as another office.  The city's merge target is the fixture without the newest campaign's last week (figures
and narratives): each district file brings its tenth of that week, and the rest of its rows are equal.
"""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from pathlib import Path

from models.store.opening import open_store

DISTRICTS = 10
_WHOLE = ("campaigns", "periods", "indicators", "notices", "attachments", "notice_contacts", "deadlines", "reports")
_BY_UNIT = ("campaign_units", "liaisons", "figures", "narratives", "deliveries", "leads", "cases")


def _last_week(conn: sqlite3.Connection, schema: str = "main") -> str:
    return conn.execute(
        f"SELECT p.id FROM {schema}.periods p JOIN {schema}.campaigns c ON c.id = p.campaign_id "
        "ORDER BY c.year DESC, p.seq DESC LIMIT 1"
    ).fetchone()[0]


def city_target(fixture: Path, target: Path) -> Path:
    """A copy of the fixture still waiting for the newest week of its districts."""
    shutil.copyfile(fixture, target)
    conn = sqlite3.connect(target)
    try:
        with conn:
            week = _last_week(conn)
            conn.execute("DELETE FROM figures WHERE period_id = ?", (week,))
            conn.execute("DELETE FROM narratives WHERE period_id = ?", (week,))
    finally:
        conn.close()
    return target


def district_files(fixture: Path, folder: Path, count: int = DISTRICTS) -> list[Path]:
    """The ten district files (see the module's docstring), in *folder*."""
    folder.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(fixture)
    try:
        units = [row[0] for row in source.execute("SELECT id FROM units ORDER BY sort_order, id")]
    finally:
        source.close()
    size = -(-len(units) // count)
    return [
        _district(fixture, folder / f"district{k + 1:02d}.db", units[k * size : (k + 1) * size], k)
        for k in range(count)
    ]


def _district(fixture: Path, path: Path, unit_ids: list[str], number: int) -> Path:
    path.unlink(missing_ok=True)
    open_store(path).close()  # the app's own empty file: schema, migrations, meta
    conn = sqlite3.connect(path)
    try:
        conn.execute("ATTACH DATABASE ? AS src", (str(fixture),))
        conn.execute("CREATE TEMP TABLE chosen (id TEXT PRIMARY KEY)")
        conn.executemany("INSERT INTO chosen VALUES (?)", [(u,) for u in unit_ids])
        conn.execute(
            "INSERT OR IGNORE INTO chosen SELECT parent_id FROM src.units "
            "WHERE id IN (SELECT id FROM chosen) AND parent_id IS NOT NULL"
        )
        with conn:
            conn.execute("INSERT INTO units SELECT * FROM src.units WHERE id IN (SELECT id FROM chosen)")
            for table in _WHOLE:
                conn.execute(f"INSERT INTO [{table}] SELECT * FROM src.[{table}]")
            for table in _BY_UNIT:
                conn.execute(
                    f"INSERT INTO [{table}] SELECT * FROM src.[{table}] WHERE unit_id IN (SELECT id FROM chosen)"
                )
            office = str(uuid.UUID(int=1000 + number, version=4))
            conn.execute("UPDATE meta SET value = ? WHERE key = 'office_id'", (office,))
            conn.execute("UPDATE meta SET value = ? WHERE key = 'office_name'", (f"第{number + 1}区安委办",))
    finally:
        conn.close()
    return path


def bare_merge(target: Path, district: Path) -> None:
    """The floor of one merge: SQLite copying the district's rows into the city file, missing ones only."""
    conn = sqlite3.connect(target)
    try:
        conn.execute("ATTACH DATABASE ? AS d", (str(district),))
        with conn:
            for table in ("units", *_WHOLE, *_BY_UNIT):
                conn.execute(f"INSERT OR IGNORE INTO main.[{table}] SELECT * FROM d.[{table}]")
    finally:
        conn.close()
