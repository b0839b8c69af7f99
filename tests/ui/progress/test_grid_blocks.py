"""Large blocks in the weekly grid, as a clerk pastes a whole sheet: saved on a worker, one undo step, and what
the tab shows afterwards (values, 合计, who has reported, the other pages) without reading the week again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from models.progress.grid import load_week
from ui.common import msgbox, operation
from ui.progress import grid_model
from ui.progress.grid_model import ERROR_COLOR, MISSING_COLOR

pytestmark = pytest.mark.gui


@pytest.fixture
def worker(monkeypatch):
    """Every save of two cells or more goes through the worker, as a pasted sheet does at city scale."""
    monkeypatch.setattr(grid_model, "WORKER_CELLS", 2)
    runs = []
    real = operation.run

    def run(parent, title, work, **kwargs):
        runs.append(title)
        return real(parent, title, work, **kwargs)

    monkeypatch.setattr(operation, "run", run)
    return runs


def _stored(tab, row, col):
    return load_week(tab.store, tab.campaign["id"], tab.period["id"]).values[row][col]


def _paste(qtbot, tab, row, col, text):
    view = tab.grid_view
    view.setCurrentIndex(tab.grid_model.index(row, col))
    QGuiApplication.clipboard().setText(text)
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def _row_label(tab, row):
    return tab.grid_model.headerData(row, Qt.Orientation.Vertical)


def _reported_in_caption(tab) -> int:
    text = tab.caption.text()  # 应报 18 个单位，已报 12（迟报 3），未报 6；…
    return int(text.split("已报 ")[1].split("（")[0])


def test_pasted_sheet_is_saved_on_a_worker_as_one_undo_step(tab, qtbot, window, worker):
    model = tab.grid_model
    total_row = model.rowCount() - 1
    before = [[_stored(tab, r, c) for c in range(3)] for r in range(4)]
    _paste(qtbot, tab, 0, 0, "1\t2\t3\r\n4\t5\t6\r\n7\tabc\t9\r\n10\t11\t12\r\n")
    qtbot.waitUntil(lambda: window.undo_action.text() == "撤销 粘贴 12 个单元格")
    assert worker == ["保存数据"]
    assert [[_stored(tab, r, c) for c in range(3)] for r in range(4)][0] == [1, 2, 3]
    assert _stored(tab, 3, 2) == 12
    bad = model.index(2, 1)
    assert bad.data() == "abc" and bad.data(Qt.ItemDataRole.BackgroundRole) == ERROR_COLOR
    assert "不是数字" in bad.data(Qt.ItemDataRole.ToolTipRole)
    assert "未保存" in window.statusBar().currentMessage()
    stored = load_week(tab.store, tab.campaign["id"], tab.period["id"]).values
    for col in range(3):  # the 合计 row adds up what is stored (a refused cell keeps its old figure)
        assert model.index(total_row, col).data() == str(sum(row[col] or 0 for row in stored))
    window.undo_action.trigger()
    assert [[_stored(tab, r, c) for c in range(3)] for r in range(4)] == before
    assert model.index(0, 0).data() == ("" if before[0][0] is None else str(before[0][0]))


def test_unit_that_had_not_reported_is_reported_once_pasted_and_not_once_cleared(tab, qtbot, window, worker):
    model = tab.grid_model
    row = next(r for r in range(model.rowCount() - 1) if "（未报）" in _row_label(tab, r))
    name = model.grid.units[row]["name"]
    reported = _reported_in_caption(tab)
    assert model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) == MISSING_COLOR
    with qtbot.waitSignal(model.headerDataChanged, check_params_cb=lambda _o, first, last: first <= row <= last):
        _paste(qtbot, tab, row, 0, "3\t4\n")  # the row's name is shown again without （未报）
    qtbot.waitUntil(lambda: _reported_in_caption(tab) == reported + 1)
    assert _row_label(tab, row) == name
    assert model.index(row, 2).data(Qt.ItemDataRole.BackgroundRole) is None
    tab.grid_view.setCurrentIndex(model.index(row, 0))
    tab.grid_view.selectionModel().select(
        model.index(row, 1), tab.grid_view.selectionModel().SelectionFlag.Select
    )  # both cells: the row is empty again
    with qtbot.waitSignal(model.headerDataChanged, check_params_cb=lambda _o, first, last: first <= row <= last):
        qtbot.keyClick(tab.grid_view, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: _reported_in_caption(tab) == reported)
    assert _row_label(tab, row) == f"{name}（未报）"
    assert model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole) == MISSING_COLOR


def test_a_figure_typed_for_a_unit_that_had_not_reported_names_it_reported(tab, qtbot):
    model = tab.grid_model
    row = next(r for r in range(model.rowCount() - 1) if "（未报）" in _row_label(tab, r))
    with qtbot.waitSignal(model.headerDataChanged, check_params_cb=lambda _o, first, last: first <= row <= last):
        assert model.setData(model.index(row, 0), "5")  # one cell: saved here, the grid changed in place
    assert _row_label(tab, row) == model.grid.units[row]["name"]


def test_other_pages_show_the_edit_when_they_are_shown(tab, qtbot, window, worker):
    model = tab.grid_model
    row = next(r for r in range(model.rowCount() - 1) if "（未报）" in _row_label(tab, r))
    name = model.grid.units[row]["name"]
    tab.pages.setCurrentWidget(tab.totals)
    totals = {r["name"]: r["values"][0] for r in tab.totals.model.rows}
    tab.pages.setCurrentWidget(tab.completeness)
    status = {r["unit"]: r["status_label"] for r in tab.completeness.units_model.rows}
    assert status[name] in ("未交（逾期）", "待交")
    tab.pages.setCurrentWidget(tab.grid_view)
    _paste(qtbot, tab, row, 0, "40\t0\n")
    qtbot.waitUntil(lambda: window.undo_action.text() == "撤销 粘贴 2 个单元格")
    qtbot.wait(10)  # the refresh after an edit runs from the event loop
    tab.pages.setCurrentWidget(tab.completeness)
    status = {r["unit"]: r["status_label"] for r in tab.completeness.units_model.rows}
    assert status[name] in ("已交", "逾期交")
    assert tab.completeness.summary.text().split("已报 ")[1].split("（")[0] == str(_reported_in_caption(tab))
    tab.pages.setCurrentWidget(tab.totals)
    after = {r["name"]: r["values"][0] for r in tab.totals.model.rows}
    assert after[name] == (totals[name] or 0) + 40
    assert after["合计"] == totals["合计"] + 40


@pytest.mark.parametrize("cells", [2, 1000], ids=["worker", "here"])
def test_save_refused_by_a_read_only_file_changes_nothing_and_says_why(qtbot, demo_path, monkeypatch, cells):
    from models.store.opening import open_store
    from ui.shell.main_window import MainWindow

    monkeypatch.setattr(grid_model, "WORKER_CELLS", cells)
    window = MainWindow(open_store(demo_path, readonly=True))
    qtbot.addWidget(window)
    window.show()
    window.select_campaign(2021)
    window.show_tab("progress")
    tab = window.tab_pages["progress"]
    tab.week.setCurrentIndex(1)
    before = [tab.grid_model.index(0, c).data() for c in range(2)]
    _paste(qtbot, tab, 0, 0, "77\t78\n")
    title, text = msgbox.SHOWN[-1]
    assert title == "操作未完成" and text.endswith("demo.db：数据库以只读方式打开，不能修改。")
    assert [tab.grid_model.index(0, c).data() for c in range(2)] == before
    assert [_stored(tab, 0, c) for c in range(2)] != [77, 78]
    window.store.close()


def test_filter_finds_a_figure_pasted_after_it_was_first_used(tab, qtbot, window):
    view, model = tab.grid_view, tab.grid_model
    edit = view.tools.start_filter()
    edit.setText("4242")
    assert all(view.isRowHidden(r) for r in range(model.rowCount()))
    edit.clear()
    _paste(qtbot, tab, 0, 2, "4242\n")
    qtbot.waitUntil(lambda: window.undo_action.text() == "撤销 粘贴 1 个单元格")
    edit.setText("4242")
    shown = [r for r in range(model.rowCount()) if not view.isRowHidden(r)]
    assert shown[0] == 0 and model.index(0, 2).data() == "4242"
    assert shown == [0]
    view.selectAll()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert len(lines) == model.rowCount() and lines[0].split("\t")[2] == "4242"


def test_week_changed_while_a_paste_is_saved_shows_that_week_and_the_paste_stays(tab, qtbot, window, worker):
    import threading

    from PySide6.QtCore import QTimer

    model = tab.grid_model
    moved = threading.Event()
    real_save = grid_model.save_entries

    def slow_save(*args):
        assert moved.wait(5)  # the clerk picks 第3周 before the save is done
        return real_save(*args)

    def pick_third_week():
        tab.week.setCurrentIndex(2)
        moved.set()

    grid_model.save_entries = slow_save
    try:
        QTimer.singleShot(0, pick_third_week)
        _paste(qtbot, tab, 0, 0, "61\t62\n")
    finally:
        grid_model.save_entries = real_save
    # the saved copy of 第2周 does not come back over 第3周 (nor over another campaign's rows)
    assert tab.period["seq"] == 3 and model.grid.period["id"] == tab.period["id"]
    qtbot.waitUntil(lambda: window.undo_action.text() == "撤销 粘贴 2 个单元格")
    stored = load_week(tab.store, tab.campaign["id"], tab.period["id"]).values
    assert [model.index(0, c).data() for c in range(2)] == ["" if v is None else str(v) for v in stored[0][:2]]
    tab.week.setCurrentIndex(1)
    assert [model.index(0, c).data() for c in range(2)] == ["61", "62"]
