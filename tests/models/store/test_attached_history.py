"""The history and meta of an attached file, read over (connection, schema): two real files that met once
(one is a copy of the other), then each went on on its own."""

from __future__ import annotations

import json
import shutil

import pytest

from models.store import attached_history, history
from models.store.opening import open_store


def _unit(store, name: str) -> str:
    with store.batch("新建单位") as batch:
        return batch.insert("units", {"name": name, "category": "镇/街道"})


def _rename(store, unit_id: str, name: str, label: str = "改名", source: str = "manual") -> None:
    with store.batch(label, source) as batch:
        batch.update("units", unit_id, {"name": name})


@pytest.fixture
def met(tmp_path):
    """(this store with the other file attached as inc, ids): both had 越州镇 and 珠街乡 when they met."""
    here = open_store(tmp_path / "本机.db")
    town, village, quiet = _unit(here, "越州镇"), _unit(here, "珠街乡"), _unit(here, "三宝镇")
    here.close()
    shutil.copyfile(tmp_path / "本机.db", tmp_path / "对方.db")
    there = open_store(tmp_path / "对方.db")
    _rename(there, town, "越州镇人民政府", label="对方改名")
    _rename(there, village, "珠街乡（合并带来）", label="合并", source="merge:某区")
    _rename(there, quiet, "三宝镇（撤销了）", label="撤销的改名")
    assert history.undo(there) == "撤销的改名"
    there.set_meta("met:office-x", json.dumps({"at": "2026-06-01", "office_name": "某区安委办"}))
    there.close()
    here = open_store(tmp_path / "本机.db")
    _rename(here, town, "越州镇政府", label="本机改名")
    with here.batch("删除单位") as batch:
        batch.delete("units", village)
    here.conn.execute("ATTACH DATABASE ? AS inc", (str(tmp_path / "对方.db"),))
    yield here, {"town": town, "village": village, "quiet": quiet}
    attached_history.drop_views(here.conn)
    here.conn.execute("DETACH DATABASE inc")
    here.close()


def _records(conn, view: str) -> set[tuple[str, str]]:
    return set(conn.execute(f"SELECT table_name, record_id FROM {view}").fetchall())


def test_the_batches_each_side_lacks_are_counted(met):
    store, _ = met
    assert attached_history.missing_batches(store.conn, "inc", "main") == 3  # 对方改名, 合并, the undone one
    assert attached_history.missing_batches(store.conn, "main", "inc") == 2  # 本机改名, 删除单位


def test_changed_since_they_met_leaves_out_merges_and_undone_batches(met):
    store, ids = met
    theirs = attached_history.changed_since_met(store.conn, "inc", "main")
    mine = attached_history.changed_since_met(store.conn, "main", "inc")
    assert _records(store.conn, theirs) == {("units", ids["town"])}
    assert _records(store.conn, mine) == {("units", ids["town"]), ("units", ids["village"])}
    assert _records(store.conn, attached_history.deleted_records(store.conn, "main")) == {("units", ids["village"])}
    attached_history.drop_views(store.conn)
    views = store.conn.execute("SELECT name FROM sqlite_temp_master WHERE type = 'view'").fetchall()
    assert views == []


def test_each_records_last_change_in_one_call(met):
    store, ids = met
    wanted = [("units", ids["town"]), ("units", ids["quiet"]), ("units", "no-such-unit"), ("units", ids["town"])]
    theirs = attached_history.last_changes(store.conn, "inc", wanted)
    assert {key: last[2] for key, last in theirs.items()} == {
        ("units", ids["town"]): "对方改名",
        ("units", ids["quiet"]): "新建单位",  # its rename was undone there
    }
    assert theirs[("units", ids["town"])][0] == store.office_id  # the copy carries this office's id
    mine = attached_history.last_changes(store.conn, "main", wanted)
    assert mine[("units", ids["town"])][2] == "本机改名"
    assert attached_history.last_changes(store.conn, "main", []) == {}


def test_the_meta_and_the_offices_a_file_has_met(met):
    store, _ = met
    assert attached_history.meta(store.conn, "inc")["office_id"] == store.office_id
    assert attached_history.meta(store.conn)["office_id"] == store.office_id
    met_there = attached_history.meetings(store.conn, "inc")
    assert json.loads(met_there["office-x"])["office_name"] == "某区安委办"
    assert attached_history.meetings(store.conn, "main") == {}
