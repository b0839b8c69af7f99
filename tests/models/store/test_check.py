"""Check database: finds integrity, foreign-key and app-rule problems, repairs what is safe."""

from __future__ import annotations

from models.cli import run
from models.store import check, history


def test_healthy_demo_has_no_problems(demo_store):
    result = check.check(demo_store)
    assert result["ok"] and result["problems"] == [] and result["repaired"] == []


def _break(store):
    store.conn.execute("PRAGMA foreign_keys = OFF")
    # A leaf unit (no children): deleting a parent would orphan its children too, another problem entirely.
    unit = store.scalar(
        "SELECT unit_id FROM figures WHERE unit_id NOT IN"
        " (SELECT parent_id FROM units WHERE parent_id IS NOT NULL) ORDER BY unit_id LIMIT 1"
    )
    with store.db.atomic():
        store.conn.execute("DELETE FROM liaisons WHERE unit_id = ?", (unit,))
        store.conn.execute("DELETE FROM units WHERE id = ?", (unit,))
        store.conn.execute(
            "INSERT INTO changes (id, batch_id, seq, table_name, record_id, created_at)"
            " VALUES ('x', 'gone', 0, 't', 'r', 'now')"
        )
        store.conn.execute("DELETE FROM meta WHERE key = 'office_id'")
    store.conn.execute("PRAGMA foreign_keys = ON")
    return unit


def test_repairs_then_second_run_finds_nothing(demo_store):
    unit = _break(demo_store)
    orphans = demo_store.scalar("SELECT count(*) FROM figures WHERE unit_id = ?", (unit,))
    result = check.check(demo_store)
    assert not result["ok"]
    assert any("统计数据的单位不存在" in p for p in result["problems"])
    assert any("无主的修改记录" in r for r in result["repaired"])
    assert any("删除了" in r and "可撤销" in r for r in result["repaired"])
    assert orphans > 0
    assert result["remaining"] == []
    assert demo_store.scalar("SELECT count(*) FROM figures WHERE unit_id = ?", (unit,)) == 0
    assert history.undoable(demo_store)["label"] == "检查数据库：修复"
    again = check.check(demo_store)
    assert again["ok"] and again["problems"] == []


def test_unit_cycle_is_broken(demo_store):
    a, b = [r["id"] for r in demo_store.rows("SELECT id FROM units LIMIT 2")]
    with demo_store.batch("循环") as batch:
        batch.update("units", a, {"parent_id": b})
        batch.update("units", b, {"parent_id": a})
    result = check.check(demo_store)
    assert any("循环" in p for p in result["problems"])
    assert check.check(demo_store)["ok"]


def test_damaged_file_is_reported_not_repaired(demo_path):
    data = bytearray(demo_path.read_bytes())
    for offset in range(5 * 4096 + 50, len(data), 9 * 4096):
        data[offset] ^= 0xFF
    demo_path.write_bytes(bytes(data))
    from models.store.opening import open_store

    store = open_store(demo_path)
    result = check.check(store)
    store.close()
    assert result["damaged"] and any("文件损坏" in p for p in result["problems"])


def test_check_command(demo_path, capsys):
    assert run(["check", "--db", str(demo_path)]) == 0
    assert "没有发现问题" in capsys.readouterr().out
    assert run(["check", "--db", str(demo_path), "--json"]) == 0
    assert '"ok": true' in capsys.readouterr().out


def test_a_repair_is_preceded_by_a_backup_of_the_broken_state(demo_store):
    from models.store import backups

    unit = _break(demo_store)
    check.check(demo_store)
    made = sorted(backups.folder(demo_store).glob("*.db"))  # named by the office id the file had before
    assert [p.name.rsplit("_", 1)[1] for p in made] == ["修复前.db"]
    import sqlite3

    copy = sqlite3.connect(made[0])
    try:  # the backup holds the figures the repair removed
        assert copy.execute("SELECT count(*) FROM figures WHERE unit_id = ?", (unit,)).fetchone()[0] > 0
    finally:
        copy.close()
