"""Automatic backups: verified, named per office, thinned, listed and restored."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from models.errors import DatabaseError
from models.store import backups
from models.store import copies as exchange
from models.store.opening import open_store
from tests.models.files_helpers import first_figure, other_office, value


def test_backup_is_verified_and_listed(demo_store):
    path = backups.make_backup(demo_store, "手动")
    assert path.parent.name == "备份" and demo_store.office_id[:8] in path.name
    found = backups.list_backups(demo_store)
    assert [b["path"] for b in found] == [path]
    assert found[0]["reason"] == "手动" and abs(found[0]["when"] - datetime.now()) < timedelta(minutes=1)
    copy = open_store(path, readonly=True)
    assert copy.scalar("SELECT count(*) FROM figures") == demo_store.scalar("SELECT count(*) FROM figures")
    copy.close()


def test_same_file_name_from_two_offices_never_collide(demo_path, tmp_path):
    shared = tmp_path / "共用备份"
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a = other_office(demo_path, tmp_path / "a" / "安全生产月工作台.db", "office-a", "甲")
    b = other_office(demo_path, tmp_path / "b" / "安全生产月工作台.db", "office-b", "乙")
    pa, pb = backups.make_backup(a, "自动", shared), backups.make_backup(b, "自动", shared)
    assert pa != pb and pa.exists() and pb.exists()
    assert [x["path"] for x in backups.list_backups(a, shared)] == [pa]
    a.close()
    b.close()


def test_thinning_keeps_daily_weekly_monthly(demo_store, tmp_path):
    folder = backups.folder(demo_store)
    made = backups.make_backup(demo_store, "自动", thin_after=False)
    now = datetime(2026, 11, 24, 12, 0, 0)
    for hours in range(0, 24 * 400, 6):  # four a day for over a year
        when = now - timedelta(hours=hours)
        name = made.name.split("_")
        name[2] = when.strftime("%Y%m%d-%H%M%S")
        (folder / "_".join(name)).write_bytes(b"x")  # thinning goes by name only
    made.unlink()
    removed = backups.thin(demo_store, today=now)
    left = backups.list_backups(demo_store)
    assert removed and len(left) < 40
    whens = [b["when"] for b in left]
    assert whens[0] == now  # the newest is always kept
    assert len({w.date() for w in whens if now - w <= timedelta(days=7)}) >= 7
    assert any(timedelta(days=300) < now - w for w in whens)  # a monthly one from long ago


def test_backup_if_changed(demo_store):
    first = backups.backup_if_changed(demo_store)
    assert first is not None
    assert backups.backup_if_changed(demo_store) is None  # nothing changed since


def test_restore_backs_up_current_state_first(demo_store):
    fid = first_figure(demo_store)
    old = value(demo_store, fid)
    saved = backups.make_backup(demo_store, "手动")
    with demo_store.batch("改错了") as batch:
        batch.update("figures", fid, {"value": 12345})
    before = backups.restore(demo_store, saved)
    assert value(demo_store, fid) == old
    assert "恢复前" in before.name
    copy = open_store(before, readonly=True)
    assert value(copy, fid) == 12345
    copy.close()


def test_damaged_backup_is_refused(demo_store, tmp_path):
    bad = tmp_path / "坏备份.db"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 500)
    with pytest.raises(DatabaseError, match="不能用来恢复"):
        backups.restore(demo_store, bad)


@pytest.mark.parametrize("step", ["replace", "fsync"])
def test_oserror_during_backup_gives_clear_message(demo_store, monkeypatch, step):
    def fail(*args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(exchange.os, step, fail)
    monkeypatch.setattr(exchange, "REPLACE_FIRST_WAIT", 0.0001)
    with pytest.raises(DatabaseError, match="备份失败.*没有写入权限"):
        backups.make_backup(demo_store, "手动")
    assert backups.list_backups(demo_store) == []
    assert not [p for p in backups.folder(demo_store).iterdir() if p.name.endswith(".tmp")]


def test_latest_good_skips_damaged(demo_store):
    good = backups.make_backup(demo_store, "自动")
    bad = good.with_name(good.name.replace(good.name.split("_")[2], "29990101-000000"))
    bad.write_bytes(b"SQLite format 3\x00garbage")
    found = backups.latest_good(good.parent, demo_store.path.stem)
    assert found["path"] == good


def test_backup_and_restore_commands(demo_path, capsys):
    from models.cli import run

    assert run(["backup", "--db", str(demo_path)]) == 0
    path = capsys.readouterr().out.split("：", 1)[1].strip()
    assert run(["backup", "--db", str(demo_path), "--list"]) == 0
    assert "手动" in capsys.readouterr().out
    assert run(["restore", path, "--db", str(demo_path)]) == 0
    assert "恢复前" in capsys.readouterr().out


def test_backup_is_the_files_bytes_and_opens(demo_store):
    path = backups.make_backup(demo_store, "手动")
    backups.verify(path)  # SQLite opens it and the full integrity_check passes
    assert path.read_bytes() == demo_store.path.read_bytes()


def test_backup_that_reads_back_different_is_refused(demo_store, monkeypatch):
    from models.store import file_copy

    monkeypatch.setattr(file_copy, "_same", lambda *args: False)  # a stick or disk that gives back other bytes
    with pytest.raises(DatabaseError, match="备份失败.*不一致"):
        backups.make_backup(demo_store, "手动")
    assert backups.list_backups(demo_store) == []
    assert not [p for p in backups.folder(demo_store).iterdir() if p.name.endswith(".tmp")]


def test_restore_file_puts_the_backups_bytes_in_place(demo_store, tmp_path):
    path = backups.make_backup(demo_store, "手动")
    target = tmp_path / "恢复" / "demo.db"
    target.parent.mkdir()
    backups.restore_file(path, target)
    assert target.read_bytes() == path.read_bytes()
    backups.verify(target)


def test_restore_file_whose_copy_reads_back_different_leaves_nothing(demo_store, tmp_path, monkeypatch):
    from models.store import file_copy

    path = backups.make_backup(demo_store, "手动")
    monkeypatch.setattr(file_copy, "_same", lambda *args: False)
    folder = tmp_path / "恢复"
    folder.mkdir()
    with pytest.raises(DatabaseError, match="不一致"):
        backups.restore_file(path, folder / "demo.db")
    assert list(folder.iterdir()) == []


def test_restore_file_refuses_a_damaged_backup(demo_store, tmp_path):
    path = backups.make_backup(demo_store, "手动")
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 3 + 64] = b"x" * 64
    path.write_bytes(bytes(data))
    folder = tmp_path / "恢复"
    folder.mkdir()
    with pytest.raises(DatabaseError, match="损坏|无法打开"):
        backups.restore_file(path, folder / "demo.db")
    assert list(folder.iterdir()) == []


def test_backup_in_background_holds_the_state_before_the_writes(demo_store):
    figure = first_figure(demo_store)
    before = value(demo_store, figure)
    joined = backups.backup_in_background(demo_store, "导入前")
    path = joined()
    with demo_store.batch("改") as batch:
        batch.update("figures", figure, {"value": before + 1})
    backups.verify(path)
    copy = open_store(path, readonly=True)
    assert value(copy, figure) == before
    copy.close()


def test_backup_in_background_hands_its_error_to_the_caller(demo_store, monkeypatch):
    from models.store import file_copy

    monkeypatch.setattr(file_copy, "_same", lambda *args: False)
    joined = backups.backup_in_background(demo_store, "导入前")
    with pytest.raises(DatabaseError, match="备份失败"):
        joined()
    assert backups.list_backups(demo_store) == []
