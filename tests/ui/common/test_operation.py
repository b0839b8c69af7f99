"""The operation runner: the window keeps answering, errors and cancels end in one path, writes stay whole."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from bench.heartbeat import Heartbeat  # the bench's one heartbeat (issue 15)
from models.campaigns.campaign import campaign_by_year
from models.campaigns.periods import period_by_seq
from models.progress.figures import set_figures
from models.progress.forms.blank import write_blank_forms
from models.progress.forms.importer import preview_forms
from models.progress.statistics import export_statistics
from ui.common import msgbox, operation


def _forms(store, tmp_path, copies: int = 1) -> list:
    campaign = campaign_by_year(store, 2021)
    period = period_by_seq(store, campaign["id"], 5)
    folders = [tmp_path / f"w{n}" for n in range(copies)]
    for folder in folders:
        folder.mkdir()
    return [f for folder in folders for f in write_blank_forms(store, campaign, period, folder)]


def test_the_window_keeps_answering_while_a_verb_runs(qtbot, demo_store, tmp_path):
    campaign = campaign_by_year(demo_store, 2021)
    files = _forms(demo_store, tmp_path, copies=4)
    started = time.perf_counter()
    with Heartbeat() as beat:
        done = operation.run(
            None,
            "读取报回的表",
            lambda store, progress: preview_forms(store, campaign, files, 5, progress),
            store=demo_store,
        )
    took = (time.perf_counter() - started) * 1000
    assert done.ok and len(done.value) == len(files) and all(r.status == "ready" for r in done.value)
    assert took > 300, took  # long enough for the beat to matter
    assert beat.longest < max(200, took / 4), (beat.longest, took)
    assert QApplication.overrideCursor() is None  # the busy cursor is gone


def test_a_bad_request_is_told_in_chinese_and_changes_nothing(qtbot, demo_store, tmp_path):
    campaign = campaign_by_year(demo_store, 2021)
    target = tmp_path / "统计表.xlsx"
    done = operation.run(
        None,
        "导出统计表",
        lambda store, _: export_statistics(store, campaign, target, week=99),
        store=demo_store,
        success="不应出现",
    )
    assert not done.ok and not target.exists()
    [(title, text)] = msgbox.SHOWN
    assert title == "操作未完成" and text.startswith("没有第 99 ") and "Traceback" not in text


def test_cancel_rolls_the_write_back_and_says_nothing(qtbot, demo_store):
    period = demo_store.row("SELECT id FROM periods ORDER BY seq LIMIT 1")["id"]
    before = demo_store.rows("SELECT id, value FROM figures ORDER BY id")
    cells = demo_store.rows("SELECT unit_id, indicator_id FROM figures WHERE period_id = ?", (period,))

    def work(store, progress):
        assert store is not demo_store  # the worker's own connection
        with store.batch("全部改为 1") as batch:
            set_figures(batch, [(c["unit_id"], period, c["indicator_id"], 1) for c in cells])
            for step in range(500):  # the clerk presses 取消 meanwhile
                progress(step, 500, f"第 {step} 步")
                time.sleep(0.01)

    def press_cancel():
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]
        if dialogs:  # the clerk clicks 取消
            button = next(b for b in dialogs[0].findChildren(QPushButton) if b.text() == "取消")
            button.click()
        else:
            QTimer.singleShot(50, press_cancel)

    QTimer.singleShot(50, press_cancel)
    done = operation.run(None, "批量修改", work, store=demo_store, write=True)
    assert done.cancelled and not done.ok
    assert msgbox.SHOWN == []
    assert demo_store.rows("SELECT id, value FROM figures ORDER BY id") == before


def test_success_is_said_once_and_the_file_is_written(qtbot, demo_store, tmp_path):
    campaign = campaign_by_year(demo_store, 2021)
    target = tmp_path / "统计表.xlsx"
    done = operation.run(
        None,
        "导出统计表",
        lambda store, _: export_statistics(store, campaign, target, week=2),
        store=demo_store,
        success=lambda report: f"已导出 {report['rows']} 个单位",
        success_title="已保存",
    )
    assert done.ok and target.exists()
    assert msgbox.SHOWN == [("已保存", f"已导出 {done.value['rows']} 个单位")]


def test_a_quick_action_ends_in_the_same_one_path(qtbot, demo_store, tmp_path):
    campaign = campaign_by_year(demo_store, 2021)
    target = tmp_path / "统计表.xlsx"
    failed = operation.quick(None, lambda: export_statistics(demo_store, campaign, target, week=99))
    assert not failed.ok and not target.exists()
    [(title, text)] = msgbox.SHOWN
    assert title == "操作未完成" and text.startswith("没有第 99 ")
    msgbox.SHOWN.clear()
    done = operation.quick(
        None, lambda: export_statistics(demo_store, campaign, target, week=2), success="已导出", title="导出统计表"
    )
    assert done.ok and target.exists() and msgbox.SHOWN == [("导出统计表", "已导出")]
