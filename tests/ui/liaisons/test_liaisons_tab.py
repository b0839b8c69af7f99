"""The 联络员 tab as the clerk uses it: missing units at a glance, edit in place, undo, import, export."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from models.campaigns.campaign import campaign_by_year
from models.liaisons.forms import blank_forms
from ui.common import msgbox
from ui.liaisons.export_dialog import LiaisonExportDialog
from ui.liaisons.import_dialog import LiaisonImportDialog
from ui.liaisons.liaison_dialog import LiaisonDialog
from ui.liaisons.model import ERROR_BACKGROUND, MISSING_BACKGROUND
from ui.liaisons.unit_directory import UnitDirectory

pytestmark = pytest.mark.gui


@pytest.fixture
def tab(window):
    window.select_campaign(2021)
    window.show_tab("liaisons")
    return window.tab_pages["liaisons"]


def _index(tab, predicate, field):
    model = tab.model
    row = next(i for i, r in enumerate(model.rows) if predicate(r))
    return model.index(row, model.column_of(field))


def test_units_without_liaison_stand_out(tab):
    assert tab.missing_label.text() == "⚠ 2 个单位未报联络员"
    assert "太和街道" in tab.missing_label.toolTip()
    cell = _index(tab, lambda r: r["id"] is None, "name")
    assert cell.data() == "（未报联络员）"
    assert cell.data(Qt.ItemDataRole.BackgroundRole).color() == MISSING_BACKGROUND
    tab.filter.setCurrentIndex(tab.filter.findData("missing"))
    shown = [tab.proxy.index(r, 0).data() for r in range(tab.proxy.rowCount())]
    assert shown == ["太和街道", "区教育体育局"]
    tab.filter.setCurrentIndex(0)
    tab.search.setText("燃气")
    assert tab.proxy.rowCount() == 1


def test_edit_in_place_saved_then_undone(window, tab, qtbot):
    cell = _index(tab, lambda r: r["unit_name"] == "南宁街道", "mobile")
    person_id, old = tab.model.rows[cell.row()]["id"], cell.data()
    assert tab.model.setData(cell, "139 0000 1111")
    assert window.store.get("liaisons", person_id)["mobile"] == "139 0000 1111"
    qtbot.waitUntil(lambda: window.undo_action.text().startswith("撤销 修改联络员"))
    window.undo_action.trigger()
    assert window.store.get("liaisons", person_id)["mobile"] == old
    assert _index(tab, lambda r: r["id"] == person_id, "mobile").data() == old


def test_impossible_value_refused_at_the_cell(window, tab):
    cell = _index(tab, lambda r: r["unit_name"] == "南宁街道", "mobile")
    person_id, old = tab.model.rows[cell.row()]["id"], cell.data()
    assert not tab.model.setData(cell, "1381234")
    assert "11 位" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert cell.data(Qt.ItemDataRole.BackgroundRole).color() == ERROR_BACKGROUND
    assert window.store.get("liaisons", person_id)["mobile"] == old


def test_unusual_value_kept_only_after_confirmation(window, tab):
    cell = _index(tab, lambda r: r["unit_name"] == "南宁街道", "office_phone")
    person_id = tab.model.rows[cell.row()]["id"]
    msgbox.ANSWERS[:] = [False]
    assert not tab.model.setData(cell, "6172266")
    assert "区号" in msgbox.SHOWN[-1][1]
    msgbox.ANSWERS[:] = [True]
    assert tab.model.setData(cell, "6172266")
    assert window.store.get("liaisons", person_id)["office_phone"] == "6172266"


def test_typing_a_name_for_a_missing_unit_adds_a_liaison(tab, qtbot):
    cell = _index(tab, lambda r: r["unit_name"] == "太和街道", "name")
    assert tab.model.setData(cell, "王芳")
    qtbot.waitUntil(lambda: tab.missing_label.text() == "⚠ 1 个单位未报联络员")
    assert _index(tab, lambda r: r["unit_name"] == "太和街道", "name").data() == "王芳"


def test_model_passes_qt_model_tester(qtmodeltester, tab):
    qtmodeltester.check(tab.model)


def test_import_previewed_then_confirmed_and_undone_as_one(window, tab, tmp_path, monkeypatch):
    campaign = campaign_by_year(window.store, 2021)
    path = blank_forms(window.store, campaign, tmp_path)[5]  # 太和街道
    book = load_workbook(path)
    book["联络员名单"]["D4"], book["联络员名单"]["G4"] = "王芳", "13987401234"
    book.save(path)
    seen = []
    monkeypatch.setattr(LiaisonImportDialog, "ask", classmethod(lambda cls, plan, parent=None: seen.append(plan)))
    tab.import_forms([str(path)])
    assert seen[0]["counts"]["added"] == 1 and tab.missing_label.text() == "⚠ 2 个单位未报联络员"
    dialog = LiaisonImportDialog(seen[0], tab)
    assert "新增 1 人" in dialog.summary.text() and "王芳" in dialog.details.toPlainText()
    monkeypatch.setattr(LiaisonImportDialog, "ask", classmethod(lambda cls, plan, parent=None: True))
    tab.import_forms([str(path)])
    assert tab.missing_label.text() == "⚠ 1 个单位未报联络员"
    assert window.undo_action.text() == "撤销 导入联络员表 1 个文件"
    window.undo_action.trigger()
    assert tab.missing_label.text() == "⚠ 2 个单位未报联络员"


def test_export_dialog_needs_an_explicit_mask_choice(tab, tmp_path, monkeypatch):
    dialog = LiaisonExportDialog(str(tmp_path / "名单.xlsx"), tab)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.masked.setChecked(True)
    assert ok.isEnabled() and dialog.options()["mask"] is True
    monkeypatch.setattr(LiaisonExportDialog, "ask", classmethod(lambda cls, d, parent=None: dialog.options()))
    tab.export_list()
    values = {c.value for row in load_workbook(tmp_path / "名单.xlsx").active.iter_rows() for c in row}
    assert any(isinstance(v, str) and "****" in v for v in values)
    assert msgbox.SHOWN[-1][1].startswith("已保存")


def test_liaison_dialog_refuses_impossible_numbers(tab):
    dialog = LiaisonDialog(tab._units(), None, tab)
    dialog.edits["name"].setText("王芳")
    dialog.edits["mobile"].setText("1381234")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "11 位" in dialog.problems.text()
    dialog.edits["mobile"].setText("13812345678")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_unit_directory_reorders_and_deactivates(window, tab):
    directory = UnitDirectory(window.store, tab.campaign, tab)
    names = [r["name"] for r in directory.model.rows]
    assert "南宁街道" in names
    tops = [i for i, r in enumerate(directory.model.rows) if r["depth"] == 0]
    first, second = (directory.model.rows[i]["name"] for i in tops[:2])
    directory.view.setCurrentIndex(directory.proxy.index(tops[1], 0))
    directory.move(-1)
    assert [r["name"] for r in directory.model.rows if r["depth"] == 0][:2] == [second, first]
    row = next(i for i, r in enumerate(directory.model.rows) if r["name"] == "南宁街道")
    directory.view.setCurrentIndex(directory.proxy.index(row, 0))
    directory.toggle_active()
    assert directory.proxy.index(row, 4).data() == "已停用"
    assert "南宁街道" not in [r["unit_name"] for r in tab.model.rows]  # deactivated units leave the list
    directory.close()


def test_pasted_unit_list_joins_the_campaign(window, tab, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    directory = UnitDirectory(window.store, tab.campaign, tab)
    monkeypatch.setattr(QInputDialog, "getMultiLineText", lambda *a, **k: ("南宁街道\n新设的街道\t镇/街道\n", True))
    directory.paste_list()
    assert msgbox.SHOWN[-1][1].startswith("新增 1 个，已有 1 个")
    assert "新设的街道" in [r["unit_name"] for r in tab.model.rows]
    assert tab.missing_label.text() == "⚠ 3 个单位未报联络员"
    window.undo_action.trigger()
    assert "新设的街道" not in [r["unit_name"] for r in tab.model.rows]
    directory.close()


def test_blank_forms_from_the_tab(tab, tmp_path, monkeypatch):
    monkeypatch.setattr(tab, "ask_folder", lambda title: str(tmp_path))
    msgbox.ANSWERS[:] = [False]  # one form per unit
    tab.blank_forms()
    assert len(list(tmp_path.glob("2021年联络员反馈表_*.xlsx"))) == 18
    assert "已生成 18 个文件" in msgbox.SHOWN[-1][1]
