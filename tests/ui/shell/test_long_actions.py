"""The 文件 menu's long actions run through the operation runner: the progress dialog shows its step, 取消 leaves
the data as it was, a refusal is said in Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.exchange import merge as merging
from models.store import backups, check
from tests.models.files_helpers import first_figure, town_file_with_one_change, value
from tests.models.store.test_check import _break
from tests.ui.operation_dialogs import Gate
from ui.common import msgbox
from ui.exchange.merge_dialog import MergeChoice, MergeDialog
from ui.shell import file_menu
from ui.shell.backup_dialog import BackupDialog

pytestmark = pytest.mark.gui


def _menu_item(window, text: str):
    menu = window.menuBar().actions()[0].menu()
    return next(a for a in menu.actions() if a.text() == text)


def _orphans(store, unit: str) -> int:
    return store.scalar("SELECT count(*) FROM figures WHERE unit_id = ?", (unit,))


def test_check_shows_its_step_and_cancel_repairs_nothing(window, monkeypatch):
    unit = _break(window.store)
    orphans = _orphans(window.store, unit)
    gate = Gate().watch()
    original = check._problems
    monkeypatch.setattr(check, "_problems", gate.hold(original))
    _menu_item(window, "检查数据库(&K)").trigger()
    assert gate.seen == [("检查数据库", "检查记录之间的关系…")]
    assert msgbox.SHOWN == []  # cancelled: nothing to say, nothing repaired, no backup taken before a repair
    assert _orphans(window.store, unit) == orphans > 0
    assert backups.list_backups(window.store) == []
    monkeypatch.setattr(check, "_problems", original)
    _menu_item(window, "检查数据库(&K)").trigger()  # not cancelled: repaired and said
    [(title, text)] = msgbox.SHOWN
    assert title == "检查数据库" and "已修复：删除了" in text
    assert _orphans(window.store, unit) == 0
    assert window.undo_action.text() == "撤销 检查数据库：修复"


def test_restore_cancelled_before_the_contents_change_keeps_them(window, qtbot, monkeypatch):
    fid = first_figure(window.store)
    backups.make_backup(window.store, "手动")
    with window.store.batch("改错了") as batch:
        batch.update("figures", fid, {"value": 9999})
    dialog = BackupDialog(window)
    qtbot.addWidget(dialog)
    dialog.view.selectRow(0)
    msgbox.ANSWERS[:] = [True]
    gate = Gate().watch()
    monkeypatch.setattr(backups, "verify", gate.hold(backups.verify))
    assert not dialog.restore_selected()
    assert gate.seen == [("用备份恢复", "检查备份文件…")]
    assert value(window.store, fid) == 9999
    assert [b["reason"] for b in backups.list_backups(window.store)] == ["手动"]
    assert [title for title, _ in msgbox.SHOWN] == ["用备份恢复"]  # the question only


def test_a_damaged_backup_is_refused_in_chinese_and_nothing_changes(window, qtbot):
    fid = first_figure(window.store)
    made = backups.make_backup(window.store, "手动")
    with window.store.batch("改过") as batch:
        batch.update("figures", fid, {"value": 4321})
    made.write_bytes(made.read_bytes()[:4096] + b"\0" * 8192)  # cut short on the stick
    dialog = BackupDialog(window)
    qtbot.addWidget(dialog)
    dialog.view.selectRow(0)
    msgbox.ANSWERS[:] = [True]
    assert not dialog.restore_selected()
    title, text = msgbox.SHOWN[-1]
    assert title == "操作未完成" and "不能用来恢复" in text and "Traceback" not in text
    assert value(window.store, fid) == 4321


def test_merge_preview_shows_progress_and_cancel_changes_nothing(window, demo_path, tmp_path, monkeypatch):
    fid = town_file_with_one_change(demo_path, tmp_path / "town.db")
    old = value(window.store, fid)
    asked = []
    monkeypatch.setattr(
        MergeDialog, "ask", classmethod(lambda cls, p, plan, **_: asked.append(plan) or MergeChoice({}, {}))
    )
    gate = Gate().watch()
    original = merging.MergeSession.preview
    monkeypatch.setattr(merging.MergeSession, "preview", gate.hold(original))
    assert file_menu.import_merge(window, tmp_path / "town.db") is None
    assert gate.seen == [("导入合并", "比对两边的数据…")]
    assert asked == [] and msgbox.SHOWN == []
    assert value(window.store, fid) == old and backups.list_backups(window.store) == []
    monkeypatch.setattr(merging.MergeSession, "preview", original)  # the next try merges: nothing was left behind
    result = file_menu.import_merge(window, tmp_path / "town.db")
    assert result["applied"] and len(asked) == 1 and value(window.store, fid) == 4321
    assert window.undo_action.text() == "撤销 合并 城关镇安委办 的文件"
    assert Path(result["backup"]).name in window.statusBar().currentMessage()


def test_save_copy_cancelled_keeps_the_copy_already_on_the_stick(window, tmp_path, monkeypatch):
    from models.store import copies

    stick = tmp_path / "U盘"
    stick.mkdir()
    target = stick / "给区里.db"
    file_menu.save_copy(window, target)
    first = target.read_bytes()
    with window.store.batch("又改了") as batch:
        batch.update("figures", first_figure(window.store), {"value": 777})
    msgbox.SHOWN.clear()
    gate = Gate().watch()
    monkeypatch.setattr(copies, "_copy_database", gate.hold(copies._copy_database))
    assert file_menu.save_copy(window, target) is None
    assert gate.seen == [("保存副本（U盘）", "复制数据库…")]
    assert msgbox.SHOWN == [] and target.read_bytes() == first
    assert sorted(p.name for p in stick.iterdir()) == ["给区里.db"]  # no half-written copy left beside it
