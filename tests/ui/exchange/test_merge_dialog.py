"""The merge preview dialog, driven with keys and clicks: matches shown, one changed, conflicts decided, merged."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox

from models.exchange import merge
from tests.models.exchange.offices import own_file, totals
from tests.models.files_helpers import first_figure, other_office, value
from ui.common import msgbox
from ui.exchange.merge_dialog import MergeDialog
from ui.shell import file_menu

pytestmark = pytest.mark.gui

TOWN_UNITS = [("南宁街道办事处", None), ("区应急 管理局", None), ("新村村委会", "南宁街道办事处")]


@pytest.fixture
def town_path(tmp_path):
    made = own_file(tmp_path / "town.db", "南宁街道办事处", TOWN_UNITS, {1: 31031})
    made.close()
    return tmp_path / "town.db"


def _row(model, their: str) -> int:
    return next(r for r in range(model.rowCount()) if model.index(r, 0).data().startswith(their))


def _choose(qtbot, view, row: int, text: str) -> None:
    """Go to the 本机的单位 cell, open its list with F2, pick *text*, press Enter."""
    index = view.model().index(row, 1)
    view.setFocus()
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    combo = view.findChild(QComboBox)
    assert combo is not None
    combo.setCurrentIndex(combo.findText(text))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)  # Qt commits queued


def test_preview_shows_matches_a_change_restages_and_confirm_merges(qtbot, demo_store, town_path):
    with merge.MergeSession(demo_store, town_path) as session:
        plan = session.preview()
        dialog = MergeDialog(plan, our_units=session.our_units(), restage=session.preview)
        qtbot.addWidget(dialog)
        dialog.show()
        units = dialog.units
        assert units.index(_row(units, "南宁街道办事处"), 1).data() == "= 南宁街道（本机）"
        assert units.index(_row(units, "南宁街道办事处"), 2).data() == "名称相同"
        assert units.index(_row(units, "新村村委会"), 1).data() == "（新增）"
        assert "南宁街道办事处 = 南宁街道（本机）" in dialog.summary.text()
        assert "单位：新增 1" in dialog.summary.text()
        # the clerk says the village is the fire brigade's post already listed here
        _choose(qtbot, dialog.unit_view, _row(units, "新村村委会"), "区消防救援大队")
        assert units.index(_row(units, "新村村委会"), 1).data() == "= 区消防救援大队（本机）"
        assert units.index(_row(units, "新村村委会"), 2).data() == "已手动指定"
        # staged again: the preview now says so, and no unit is added
        assert "新村村委会 = 区消防救援大队（本机）" in dialog.summary.text()
        assert dialog.plan["tables"]["units"]["added"] == 0
        if dialog.model.rowCount():
            qtbot.mouseClick(dialog.theirs_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
        assert dialog.result() == MergeDialog.DialogCode.Accepted
        choice = dialog.choice()
        before = demo_store.scalar("SELECT count(*) FROM units")
        result = session.apply(decisions=choice.decisions, unit_choices=choice.unit_choices)
    assert result["applied"]
    assert demo_store.scalar("SELECT count(*) FROM units") == before
    brigade = demo_store.scalar("SELECT id FROM units WHERE name = '区消防救援大队'")
    assert demo_store.scalar("SELECT count(*) FROM figures WHERE unit_id = ? AND value = 31031", (brigade,)) == 3
    after = totals(demo_store)
    again = merge.merge(demo_store, town_path)  # the clerk's choice was remembered
    assert again["total_changes"] == 0 and totals(demo_store) == after


def test_two_of_theirs_on_one_of_ours_is_said_and_undone(qtbot, demo_store, town_path):
    with merge.MergeSession(demo_store, town_path) as session:
        dialog = MergeDialog(session.preview(), our_units=session.our_units(), restage=session.preview)
        qtbot.addWidget(dialog)
        dialog.show()
        _choose(qtbot, dialog.unit_view, _row(dialog.units, "新村村委会"), "南宁街道")
        assert "不能都对应本机的“南宁街道”" in msgbox.SHOWN[-1][1]
        assert dialog.units.index(_row(dialog.units, "新村村委会"), 1).data() == "（新增）"


def test_conflicts_in_the_clerks_words_and_decided_each(qtbot, demo_store, demo_path, tmp_path):
    town = other_office(demo_path, tmp_path / "town.db")
    fid = first_figure(town)
    with town.batch("镇里改") as batch:
        batch.update("figures", fid, {"value": 70007})
    town.close()
    with demo_store.batch("区里改") as batch:
        batch.update("figures", fid, {"value": 50005})
    with merge.MergeSession(demo_store, tmp_path / "town.db") as session:
        dialog = MergeDialog(session.preview(), our_units=session.our_units(), restage=session.preview)
        qtbot.addWidget(dialog)
        model = dialog.model
        assert model.rowCount() == 1
        unit = demo_store.scalar("SELECT u.name FROM figures f JOIN units u ON u.id = f.unit_id WHERE f.id = ?", (fid,))
        row = [model.index(0, c).data() for c in range(model.columnCount())]
        assert row[0] == "统计数据" and row[1].startswith(f"{unit} · 第") and row[2] == "数值"
        assert (row[3], row[4]) == ("50005", "70007")
        assert "本机：" in row[5] and "区里改" in row[5] and "对方：城关镇安委办" in row[5] and "镇里改" in row[5]
        assert not dialog.unit_view.isVisibleTo(dialog)  # same units by id: nothing to match
        assert "冲突 1 处" in dialog.summary.text()
        assert dialog.decisions() == {f"figures:{fid}": "mine"}
        model.setData(model.index(0, model.CHECK), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
        session.apply(decisions=dialog.decisions())
    assert value(demo_store, fid) == 70007


def test_the_menu_merge_stages_the_file_once(window, town_path, monkeypatch):
    staged = []
    real_stage = merge.merge_stage.stage
    monkeypatch.setattr(merge.merge_stage, "stage", lambda *a, **k: staged.append(1) or real_stage(*a, **k))
    copies = []
    real_init = merge.IncomingFile.__init__

    def counting_init(self, source):
        copies.append(source)
        real_init(self, source)

    monkeypatch.setattr(merge.IncomingFile, "__init__", counting_init)

    def confirm():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, MergeDialog):
            QTimer.singleShot(20, confirm)
            return
        dialog.ok.click()

    QTimer.singleShot(0, confirm)
    result = file_menu.import_merge(window, town_path)
    assert result["applied"] and len(copies) == 1 and len(staged) == 1
    assert "撤回整次合并" in window.statusBar().currentMessage()
    assert any("合并前" in p.name for p in (window.store.path.parent / "备份").glob("*.db"))
