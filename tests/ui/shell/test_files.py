"""File menu for files on USB sticks: save a copy, merge, backups, check, locks, damaged start."""

from __future__ import annotations

import time

import pytest

from models.store import backups
from models.store import copies as exchange
from tests.models.files_helpers import first_figure, town_file_with_one_change, value
from ui.common import msgbox
from ui.exchange.merge_dialog import MergeChoice, MergeDialog
from ui.shell import file_menu, startup
from ui.shell.backup_dialog import BackupDialog

pytestmark = pytest.mark.gui


def _texts() -> str:
    return "\n".join(f"{t}：{m}" for t, m in msgbox.SHOWN)


def test_menu_has_the_file_items(window):
    menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in menu.actions()]
    for item in ("保存副本（U盘）(&C)…", "导入合并(&M)…", "备份与恢复(&B)…", "检查数据库(&K)"):
        assert item in texts


def test_save_copy(window, tmp_path):
    target = tmp_path / "U盘" / "给区里.db"
    target.parent.mkdir()
    assert file_menu.save_copy(window, target) == target
    assert "可以安全拔出 U 盘" in _texts()
    assert exchange.read_manifest(target)["office_id"] == window.store.office_id


def test_save_copy_to_pulled_stick_says_so(window, tmp_path):
    assert file_menu.save_copy(window, tmp_path / "拔出了" / "x.db") is None
    assert "U 盘是否已拔出" in _texts()


def test_merge_through_the_menu_and_undo(window, demo_path, tmp_path, monkeypatch):
    fid = town_file_with_one_change(demo_path, tmp_path / "town.db")
    old = value(window.store, fid)
    seen = []
    monkeypatch.setattr(
        MergeDialog, "ask", classmethod(lambda cls, parent, plan, **_: seen.append(plan) or MergeChoice({}, {}))
    )
    result = file_menu.import_merge(window, tmp_path / "town.db")
    assert result["applied"] and seen[0]["tables"]["figures"]["updated"] == 1
    assert value(window.store, fid) == 4321
    assert "撤回整次合并" in window.statusBar().currentMessage()
    assert window.undo_action.text() == "撤销 合并 城关镇安委办 的文件"
    assert backups.list_backups(window.store)[0]["reason"] == "合并前"
    window.undo()
    assert value(window.store, fid) == old


def test_merging_own_file_says_nothing_changes(window, demo_path, tmp_path):
    import shutil

    copy = tmp_path / "副本.db"
    shutil.copy(demo_path, copy)
    file_menu.import_merge(window, copy)
    assert "本单位自己文件的副本" in _texts() and "合并不会改变任何数据" in _texts()


def test_hostile_file_is_refused_with_a_message(window, tmp_path):
    bad = tmp_path / "坏文件.db"
    bad.write_bytes(b"not a database at all")
    assert file_menu.import_merge(window, bad) is None
    assert "不是 SQLite" in _texts()


def test_backup_dialog_lists_and_restores(window, qtbot):
    fid = first_figure(window.store)
    old = value(window.store, fid)
    backups.make_backup(window.store, "手动")
    with window.store.batch("改错了") as batch:
        batch.update("figures", fid, {"value": 9999})
    dialog = BackupDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1 and dialog.model.index(0, 1).data() == "手动"
    dialog.view.selectRow(0)
    msgbox.ANSWERS[:] = [True]
    assert dialog.restore_selected()
    assert value(window.store, fid) == old
    assert "恢复前的状态已备份" in _texts()
    reasons = [dialog.model.index(r, 1).data() for r in range(dialog.model.rowCount())]
    assert sorted(reasons) == ["恢复前", "手动"]


def test_check_database_item(window):
    file_menu.check_database(window)
    assert "没有发现问题" in _texts()


def test_close_takes_a_backup(window):
    window.close()  # the backup runs on a worker; the process waits for it before it exits
    assert [b.name for b in startup.finish_closing()] == [backups.list_backups(window.store)[0]["path"].name]
    assert backups.list_backups(window.store)[0]["reason"] == "自动"


def test_file_from_stick_is_copied_to_this_pc(window, demo_path):
    assert file_menu.open_path(window, demo_path, from_stick=True)
    local = window.store.path
    assert local != demo_path and file_menu.USB_FOLDER in str(local)
    assert "U 盘文件" in window.windowTitle() and demo_path.name in window.windowTitle()
    assert "现在打开的是本机副本" in _texts()


def test_second_instance_is_told_and_may_open_read_only(window, demo_path, tmp_path):
    other = tmp_path / "other.db"
    other.write_bytes(demo_path.read_bytes())
    from tests.models.store.test_file_lock import _holder

    holder = _holder(other)  # another window or a command: both hold the file through models.store.file_lock
    try:
        msgbox.ANSWERS[:] = [True]
        assert file_menu.switch_to(window, other)
        assert "另一个窗口中打开" in _texts()
        assert window.store.readonly and "只读" in window.windowTitle()
    finally:
        holder.stdin.close()
        holder.wait(10)


def test_damaged_database_at_start_is_set_aside_and_backup_offered(demo_path, demo_store):
    fid = first_figure(demo_store)
    good = value(demo_store, fid)
    backups.make_backup(demo_store, "自动")
    demo_store.close()
    time.sleep(0.01)
    data = bytearray(demo_path.read_bytes())
    for offset in range(2 * 4096 + 10, len(data), 5 * 4096):
        data[offset : offset + 8] = b"\xff" * 8
    demo_path.write_bytes(bytes(data))
    msgbox.ANSWERS[:] = [True]
    store = startup.open_initial_store(str(demo_path))
    try:
        assert store is not None and value(store, fid) == good, msgbox.SHOWN
        assert "已改名保存为" in _texts() and "的备份，要用它恢复吗" in _texts()
        assert list(demo_path.parent.glob("demo.db.损坏-*"))
    finally:
        if store is not None:
            store.close()
        startup.release_lock(demo_path)
