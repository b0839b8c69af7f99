"""Batch.write_many over any table: many rows in few statements, applied in the callers' order, both ways an
update is written (UPDATE … FROM in chunks, or one row a statement), each change recorded, undone and redone."""

from __future__ import annotations

import json
import sqlite3

import pytest

from models.errors import ValidationError
from models.store import history


@pytest.fixture(params=[True, False], ids=["update-from", "one-row-a-statement"])
def update_from(request, monkeypatch) -> bool:
    """Both ways Batch.write_many updates rows: UPDATE … FROM in chunks (SQLite 3.33) and one row a statement."""
    if request.param and sqlite3.sqlite_version_info < (3, 33, 0):
        pytest.skip("this SQLite has no UPDATE … FROM")
    monkeypatch.setattr(history, "UPDATE_FROM", request.param)
    return request.param


def _units(store) -> dict[str, dict]:
    return {row["id"]: row for row in store.rows("SELECT * FROM units ORDER BY id")}


def test_updates_of_several_kinds_and_rows_named_again_land_in_order_and_undo_as_one(store, update_from):
    with store.batch("登记 600 个单位") as batch:
        batch.write_many("units", [{"name": f"单位{n:03d}", "category": "企业"} for n in range(600)])
    made = sorted(_units(store).values(), key=lambda row: row["name"])
    assert len(made) == 600
    before = _units(store)
    state = {row["id"]: dict(row) for row in made}
    updates = []

    def change(n: int, **fields) -> None:
        row = state[made[n]["id"]]
        updates.append((dict(row), fields))
        row.update(fields)

    for n in range(400):  # two statements of names
        change(n, name=f"新{n}")
    for n in range(300):  # then names and notes of the same rows
        change(n, name=f"乙{n}", notes=f"备注{n}")
    for n in range(10):  # and names again
        change(n, name=f"再{n}")
    with store.batch("改名") as batch:
        batch.write_many("units", updates=updates, deletes=[made[n] for n in range(500, 550)])
    after = _units(store)
    assert len(after) == 550
    assert [(after[made[n]["id"]]["name"], after[made[n]["id"]]["notes"]) for n in (0, 9, 10, 299, 300, 399, 400)] == [
        ("再0", "备注0"),
        ("再9", "备注9"),
        ("乙10", "备注10"),
        ("乙299", "备注299"),
        ("新300", None),
        ("新399", None),
        ("单位400", None),
    ]
    assert not any(made[n]["id"] in after for n in range(500, 550))
    states = history.record_history(store, "units", made[0]["id"])
    assert [c["label"] for c in states] == ["登记 600 个单位", "改名", "改名", "改名"]
    assert [json.loads(c["new"])["name"] for c in states] == ["单位000", "新0", "乙0", "再0"]
    assert [json.loads(c["old"])["name"] for c in states[1:]] == ["单位000", "新0", "乙0"]
    assert history.undo(store) == "改名"
    assert _units(store) == before
    assert history.redo(store) == "改名"
    assert _units(store) == after


def test_each_recorded_state_is_the_rows_json_as_json_dumps_writes_it(store):
    notes = '备注：第一行\n"引号" \\ 和 \t 制表符 😀'
    with store.batch("登记") as batch:
        unit_id = batch.insert("units", {"name": "越州镇", "category": "镇/街道", "notes": notes, "sort_order": 3})
    with store.batch("改") as batch:
        batch.update("units", unit_id, {"notes": None, "sort_order": 10**15})
    made, changed = history.record_history(store, "units", unit_id)
    row = store.get("units", unit_id)
    assert changed["new"] == json.dumps(row, ensure_ascii=False) and row["notes"] is None
    before = {**row, "notes": notes, "sort_order": 3, "updated_at": made["created_at"]}
    assert changed["old"] == json.dumps(before, ensure_ascii=False)
    assert json.loads(made["new"]).items() <= before.items()  # as inserted: the columns given, id and stamps


def test_a_many_rows_update_records_only_what_it_changes_and_undoes_whole_rows(store, update_from):
    with store.batch("登记") as batch:
        batch.write_many("units", [{"name": f"单位{n}", "category": "企业", "notes": f"备注{n}"} for n in range(30)])
    before = _units(store)
    rows = sorted(before.values(), key=lambda row: row["name"])
    with store.batch("改名") as batch:
        batch.write_many("units", updates=[(row, {"name": row["name"] + "（新）"}) for row in rows])
    after = _units(store)
    states = history.record_history(store, "units", rows[0]["id"])
    old, new = json.loads(states[-1]["old"]), json.loads(states[-1]["new"])
    assert set(old) == set(new) == {"name", "updated_at"}  # a part of the row: the unit's notes are not in it
    assert (old["name"], new["name"]) == (rows[0]["name"], rows[0]["name"] + "（新）")
    assert all(
        after[row["id"]] == {**row, "name": row["name"] + "（新）", "updated_at": new["updated_at"]} for row in rows
    )
    assert history.undo(store) == "改名" and _units(store) == before
    assert history.redo(store) == "改名" and _units(store) == after


def test_many_rows_pass_the_text_gate_as_one_row_does(store, update_from):
    hidden = "\u200b\x07"  # a zero-width space and a bell: invisible look-alikes, and XML breakers in exports
    with store.batch("登记") as batch:
        batch.write_many("units", [{"name": f"单位{n}{hidden}", "category": f"企\t业{hidden}"} for n in range(3)])
    rows = sorted(_units(store).values(), key=lambda row: row["name"])
    assert [(row["name"], row["category"]) for row in rows] == [(f"单位{n}", "企 业") for n in range(3)]
    with store.batch("改备注") as batch:
        batch.write_many("units", updates=[(rows[0], {"notes": f"第一行\r\n第二行{hidden}"})])
    assert store.get("units", rows[0]["id"])["notes"] == "第一行\n第二行"
    before = _units(store)
    too_long = [(rows[1], {"name": "名" * 101})]  # a unit's name is at most 100 characters
    with pytest.raises(ValidationError, match="内容过长（101 个字，上限 100 个字）"):
        with store.batch("改名") as batch:
            batch.write_many("units", [{"name": "新单位"}], updates=too_long)
    assert _units(store) == before  # nothing of the batch written
