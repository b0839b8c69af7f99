"""Units of another office's file matched to this office's by name, when their ids differ.

A town that built its own file names the same units (城关镇人民政府, 县应急管理局 …)
with ids of its own.  Each incoming unit this file does not have by id is
proposed a match: first what the clerk decided for the same unit of the same
office before (kept in ``meta`` as ``unit_matches:<office id>``), else a unit
here whose normalised name is the same (spaces, full/half width, 人民政府/政府,
办事处, 村民委员会 … left out), told apart by parent when several share it.
The merge then treats a matched unit as this office's own: its liaisons,
figures, narratives and deliveries follow it.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from collections import defaultdict

from models.errors import ValidationError
from models.store.database import Store

# Endings that name the same body in different words, longest first: (ending, what it becomes).
_ENDINGS = (
    ("街道办事处", "街道"),
    ("村民委员会", "村"),
    ("居民委员会", ""),
    ("人民政府", ""),
    ("办事处", ""),
    ("村委会", "村"),
    ("居委会", ""),
    ("政府", ""),
)
_NOISE = re.compile(r"[\s·・.,，、_\-－—–]+")
MEMORY_KEY = "unit_matches:{office}"


def name_key(name: str | None) -> str:
    """The name as compared: NFKC (full-width → half-width), no spaces or dots, common endings dropped."""
    text = _NOISE.sub("", unicodedata.normalize("NFKC", name or "")).casefold()
    changed = True
    while changed:
        changed = False
        for ending, becomes in _ENDINGS:
            rest = text[: -len(ending)]
            if text.endswith(ending) and len(rest + becomes) >= 2:
                # 大河村村民委员会 and 大河村民委员会 are both 大河村
                text = rest if becomes and rest.endswith(becomes) else rest + becomes
                changed = True
                break
    return text


def remembered(store: Store, office_id: str) -> dict[str, str | None]:
    """What the clerk decided for that office's units before: their id → our id, or None (a unit of its own)."""
    value = store.meta(MEMORY_KEY.format(office=office_id))
    try:
        found = json.loads(value) if value else {}
    except ValueError:
        return {}
    return {str(k): (str(v) if v else None) for k, v in found.items()} if isinstance(found, dict) else {}


def remember(store: Store, office_id: str, decided: dict[str, str | None]) -> None:
    """Keep this merge's decisions (added to the earlier ones) for the next file from that office."""
    if not office_id or not decided:
        return
    kept = {**remembered(store, office_id), **decided}
    store.set_meta(MEMORY_KEY.format(office=office_id), json.dumps(kept, ensure_ascii=False))


def _incoming_new(conn: sqlite3.Connection) -> list[dict]:
    """The incoming units this file does not have by id, parents before children."""
    rows = conn.execute(
        "SELECT i.id, i.name, i.parent_id, p.name FROM inc.units i LEFT JOIN inc.units p ON p.id = i.parent_id"
        " WHERE NOT EXISTS (SELECT 1 FROM main.units m WHERE m.id = i.id) ORDER BY i.sort_order, i.name"
    ).fetchall()
    units = [{"id": r[0], "name": r[1], "parent_id": r[2], "parent_name": r[3] or ""} for r in rows]
    depth: dict[str, int] = {}
    by_id = {u["id"]: u for u in units}

    def level(unit: dict, seen: int = 0) -> int:
        if unit["id"] not in depth:
            parent = by_id.get(unit["parent_id"])
            depth[unit["id"]] = 0 if parent is None or seen > 50 else level(parent, seen + 1) + 1
        return depth[unit["id"]]

    return sorted(units, key=level)


def _ours(conn: sqlite3.Connection) -> dict[str, dict]:
    rows = conn.execute(
        "SELECT m.id, m.name, m.parent_id, p.name FROM main.units m LEFT JOIN main.units p ON p.id = m.parent_id"
        " ORDER BY m.sort_order, m.name"
    ).fetchall()
    return {r[0]: {"id": r[0], "name": r[1], "parent_id": r[2], "parent_name": r[3] or ""} for r in rows}


def our_units(conn: sqlite3.Connection) -> list[dict]:
    """This office's units (id, name, parent_name), parents' order, for choosing a match by hand."""
    return list(_ours(conn).values())


def propose(store: Store, office_id: str, *, by_name: bool = True) -> list[dict]:
    """One row per incoming unit this file lacks by id: their name and, if proposed, ours.

    Each row: their_id, their_name, their_parent, mine_id (None: added as a unit of its own),
    mine_name, mine_parent, how ("remembered", "name", "ambiguous" or "").
    """
    conn = store.conn  # the incoming file is attached to it as ``inc``
    ours = _ours(conn)
    incoming_ids = {r[0] for r in conn.execute("SELECT id FROM inc.units")}
    by_key: dict[str, list[str]] = defaultdict(list)
    for unit in ours.values():
        if unit["id"] not in incoming_ids:  # a unit they have by id is already theirs and ours
            by_key[name_key(unit["name"])].append(unit["id"])
    memory = remembered(store, office_id) if by_name else {}
    taken: set[str] = set()
    chosen: dict[str, str] = {}
    rows = []
    for unit in _incoming_new(conn):
        mine, how = None, ""
        if unit["id"] in memory and (memory[unit["id"]] is None or memory[unit["id"]] in ours):
            mine, how = memory[unit["id"]], "remembered"
        elif by_name and name_key(unit["name"]):  # a blank name is nobody's
            candidates = [c for c in by_key.get(name_key(unit["name"]), []) if c not in taken]
            parent = chosen.get(unit["parent_id"], unit["parent_id"])
            if parent in ours:  # under a unit both files know: the same name under it, or with no place here yet
                same = [c for c in candidates if ours[c]["parent_id"] == parent]
                candidates = same or [c for c in candidates if ours[c]["parent_id"] is None]
            if len(candidates) == 1:
                mine, how = candidates[0], "name"
            elif candidates:
                how = "ambiguous"
        if mine is not None:
            taken.add(mine)
            chosen[unit["id"]] = mine
        found = ours.get(mine) if mine else None
        rows.append(
            {
                "their_id": unit["id"],
                "their_name": unit["name"],
                "their_parent": unit["parent_name"],
                "mine_id": mine,
                "mine_name": found["name"] if found else "",
                "mine_parent": found["parent_name"] if found else "",
                "how": how,
            }
        )
    return rows


def choose(conn: sqlite3.Connection, proposals: list[dict], chosen: dict[str, str | None] | None) -> list[dict]:
    """The proposals with the clerk's choices (their id → our id, or None for a unit of its own) applied.

    Refuses an unknown unit of ours and two of their units given the same one of ours.
    """
    if chosen is None:
        return proposals
    ours = _ours(conn)
    rows = []
    for row in proposals:
        if row["their_id"] not in chosen:
            rows.append(row)
            continue
        mine = chosen[row["their_id"]]
        if mine is not None and mine not in ours:
            raise ValidationError(f"本机没有所选的单位（对应“{row['their_name']}”），请重新选择。")
        found = ours.get(mine) if mine else None
        rows.append(
            {
                **row,
                "mine_id": mine,
                "mine_name": found["name"] if found else "",
                "mine_parent": found["parent_name"] if found else "",
                "how": "chosen",
            }
        )
    targets: dict[str, str] = {}
    for row in rows:
        if row["mine_id"] is None:
            continue
        if row["mine_id"] in targets:
            raise ValidationError(
                f"对方的“{targets[row['mine_id']]}”和“{row['their_name']}”不能都对应本机的“{row['mine_name']}”，"
                "请只保留一个。本机数据未改动。"
            )
        targets[row["mine_id"]] = row["their_name"]
    return rows


def pairs(rows: list[dict]) -> dict[str, str]:
    """their id → our id, for the matched rows."""
    return {r["their_id"]: r["mine_id"] for r in rows if r["mine_id"]}


def shown(row: dict) -> str:
    """ "城关镇人民政府 = 城关镇人民政府（本机）", or "新村村委会（新增）"."""
    if row["mine_id"]:
        return f"{row['their_name']} = {row['mine_name']}（本机）"
    return f"{row['their_name']}（新增）"
