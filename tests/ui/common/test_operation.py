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
    files = _forms(demo_store, tmp_path)

    def work(store, progress):  # read the forms again and again for at least 0.4 s: long enough for the beat
        until = time.perf_counter() + 0.4
        while True:
            found = preview_forms(store, campaign, files, 5, progress)
            if time.perf_counter() > until:
                return found

    started = time.perf_counter()
    with Heartbeat() as beat:
        done = operation.run(None, "读取报回的表", work, store=demo_store)
    took = (time.perf_counter() - started) * 1000
    assert done.ok and len(done.value) == len(files) and all(r.status == "ready" for r in done.value)
    assert took > 400, took
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


def test_paced_steps_keep_the_loop_turning_and_end_in_the_same_paths(qtbot):
    from models.errors import ValidationError

    cleaned = []

    def pages(count: int, fail_at: int | None = None):
        try:
            for page in range(count):
                time.sleep(0.02)  # one page painted
                if page == fail_at:
                    raise ValidationError(f"第 {page + 1} 页无法打印。")
                yield page + 1, count, f"第 {page + 1} 页"
        finally:
            cleaned.append(count)
        return "printed"

    ticks = []
    beat = QTimer()
    beat.setInterval(10)
    beat.timeout.connect(lambda: ticks.append(1))
    beat.start()
    done = operation.paced(None, "打印", pages(20), success="已打印")
    beat.stop()
    assert done.ok and done.value == "printed" and msgbox.SHOWN == [("打印", "已打印")]
    assert ticks  # the window's timers ran between the pages (in one go, none would have)
    msgbox.SHOWN.clear()
    failed = operation.paced(None, "打印", pages(5, fail_at=2))
    assert not failed.ok and msgbox.SHOWN == [("操作未完成", "第 3 页无法打印。")]
    assert cleaned == [20, 5]


def test_paced_cancel_closes_the_steps_between_two_of_them(qtbot, monkeypatch):
    from tests.ui.operation_dialogs import Gate

    monkeypatch.setattr(operation, "SHOW_AFTER_MS", 0)
    closed, done_pages = [], []

    def pages():
        try:
            for page in range(500):
                time.sleep(0.01)
                done_pages.append(page)
                yield page + 1, 500, f"第 {page + 1} 页"
        finally:
            closed.append(True)

    gate = Gate().watch()
    done = operation.paced(None, "打印", pages())
    assert done.cancelled and closed == [True] and gate.seen[0][0] == "打印"
    assert 0 < len(done_pages) < 500 and msgbox.SHOWN == []


def test_a_read_only_window_never_gets_a_worker_that_writes(qtbot, demo_path):
    from models.store.database import open_file

    store = open_file(demo_path, readonly=True)
    try:
        before = store.rows("SELECT id, value FROM figures ORDER BY id")

        def work(worker, _progress):
            with worker.batch("全部改为 1") as batch:
                for row in before[:5]:
                    batch.update("figures", row["id"], {"value": 1})

        done = operation.run(None, "批量修改", work, store=store, write=True)
        assert not done.ok and store.rows("SELECT id, value FROM figures ORDER BY id") == before
        assert msgbox.SHOWN == [("操作未完成", f"{demo_path}：数据库以只读方式打开，不能修改。")]
    finally:
        store.close()


def test_cancel_is_offered_only_by_a_verb_that_reports_progress(qtbot, monkeypatch):
    from tests.ui.operation_dialogs import shown_dialogs

    monkeypatch.setattr(operation, "SHOW_AFTER_MS", 0)
    buttons = {}

    def look(name: str) -> None:  # the clerk looks at the dialog while the verb runs
        buttons[name] = [b.text() for d in shown_dialogs() for b in d.findChildren(QPushButton) if b.isVisible()]

    def work(name: str, steps: bool):
        def verb(_store, progress):
            if steps:
                progress(0, 2, "第一步")
            time.sleep(0.6)

        QTimer.singleShot(300, lambda: look(name))
        return verb

    assert operation.run(None, "导出", work("silent", False)).ok
    assert operation.run(None, "导入", work("steps", True)).ok
    assert buttons == {"silent": [], "steps": ["取消"]}


def test_a_verb_that_reports_no_step_still_shows_its_dialog(qtbot, demo_store):
    seen = []

    def look():
        seen.extend(
            w.windowTitle() for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()
        )
        if not seen:
            QTimer.singleShot(50, look)

    QTimer.singleShot(50, look)
    done = operation.run(None, "整理数据", lambda store, progress: time.sleep(1.2) or "好", store=demo_store)
    assert done.ok and done.value == "好"
    assert seen and seen[0] == "整理数据"
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QProgressDialog) and w.isVisible()]


def test_collection_is_held_while_any_worker_runs_and_comes_back_after_the_last():
    import gc

    assert gc.isenabled()
    operation.hold_collection()  # the start-up check's worker
    operation.hold_collection()  # an action's worker meanwhile
    operation.release_collection()  # the action ends first: the check still runs
    assert not gc.isenabled()
    operation.release_collection()
    assert gc.isenabled()


def test_no_collection_while_the_worker_runs(qtbot, demo_store):
    import gc

    done = operation.run(None, "整理数据", lambda store, progress: gc.isenabled(), store=demo_store)
    assert done.ok and done.value is False and gc.isenabled()


def test_no_worker_outlives_its_operation(qtbot, demo_store, monkeypatch):
    """When run() returns, its worker thread has ended: the worker's last references (to the runner's QObject,
    through its closure) are never dropped on a thread of their own while the window makes the next
    operation's connections (a SIGSEGV under load).  A worker slow to end is waited for."""
    import threading

    class SlowToEnd(threading.Thread):
        def run(self):
            try:
                super().run()
            finally:
                time.sleep(0.2)  # descheduled after its work, as on a loaded machine

    monkeypatch.setattr(operation.threading, "Thread", SlowToEnd)
    done = operation.run(None, "读取", lambda store, progress: progress(1, 1, "一") or 42, store=demo_store)
    assert done.ok and done.value == 42
    assert [t for t in threading.enumerate() if isinstance(t, SlowToEnd) and t.is_alive()] == []


def test_garbage_is_collected_on_the_gui_thread_only_and_never_while_a_thread_of_ours_runs(qtbot):
    """The automatic collector is off; the GUI thread's timer collects, not while a hold lasts."""
    import gc

    app = QApplication.instance()
    operation.collect_on_this_thread(app)
    try:
        assert not gc.isenabled()
        _collected_on_the_gui_thread(qtbot)
    finally:
        operation.stop_collecting()
    assert gc.isenabled()


def _collected_on_the_gui_thread(qtbot) -> None:
    import gc
    import threading
    import weakref

    freed_on = []

    class Cycle:
        def __init__(self):
            self.me = self

        def __del__(self):
            freed_on.append(threading.current_thread().name)

    def make_garbage():
        for _ in range(3 * gc.get_threshold()[0]):  # past the threshold: Python would collect here, on this thread
            Cycle()

    operation.hold_collection()
    worker = threading.Thread(target=make_garbage, name="a worker")
    worker.start()
    worker.join()
    qtbot.wait(3 * operation.COLLECT_EVERY_MS)
    assert freed_on == []  # held: nothing collected, on any thread
    operation.release_collection()
    assert not gc.isenabled()  # a release does not switch the automatic collector back on
    probe = Cycle()
    gone = weakref.ref(probe)
    del probe
    qtbot.waitUntil(lambda: gone() is None, timeout=5 * operation.COLLECT_EVERY_MS)
    assert freed_on and set(freed_on) == {threading.main_thread().name}
