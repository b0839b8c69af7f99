"""线索曝光 tab driven as a clerk would: register a lead, see the quota line change, undo, import a list."""

from __future__ import annotations

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QComboBox, QPushButton

from models.campaigns.campaign import campaign_units
from models.register.records import LEADS, list_records
from ui.common import msgbox
from ui.register.record_dialog import RecordDialog

pytestmark = pytest.mark.gui


def _tab(window):
    window.select_campaign(2022)
    window.show_tab("register")
    return window.tab_pages["register"]


def _button(tab, text):
    return next(b for b in tab.findChildren(QPushButton) if b.text().startswith(text))


def type_text(widget, text):
    """Type as an input method does: one key event per character, with its text (QTest only types ASCII)."""
    widget.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def _fill_and_save(qtbot, unit_name, what, date_text):
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, RecordDialog) and w.isVisible())
    unit_box: QComboBox = dialog.inputs["unit_id"]
    unit_box.setCurrentIndex(unit_box.findText(unit_name))
    type_text(dialog.inputs["reported_on"], date_text)
    type_text(dialog.inputs["what"], what)
    qtbot.keyClick(dialog.inputs["what"], Qt.Key.Key_Return)  # the default button saves
    return dialog


def test_register_a_lead_then_undo(qtbot, window, demo_store):
    tab = _tab(window)
    name = campaign_units(demo_store, tab.campaign["id"])[0]["name"]
    seen = {}

    def fill():
        dialog = _fill_and_save(qtbot, name, "无证经营加油点", "7月3日")
        seen["message"] = dialog.message.text()

    QTimer.singleShot(0, fill)
    _button(tab, "登记").click()
    assert seen["message"] == ""
    view = tab.lists["leads"]
    assert view.model.rowCount() == 1
    assert view.model.data(view.model.index(0, 0)) == name
    assert view.model.data(view.model.index(0, 1)) == "2022-07-03"
    window.undo_action.trigger()
    assert view.model.rowCount() == 0 and list_records(demo_store, LEADS, tab.campaign["id"]) == []


def test_a_bad_date_is_said_in_the_dialog_and_nothing_saved(qtbot, window, demo_store):
    tab = _tab(window)
    seen = {}

    def fill():
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, RecordDialog) and w.isVisible())
        type_text(dialog.inputs["reported_on"], "上周五")
        type_text(dialog.inputs["what"], "非法采砂")
        dialog.save()
        seen["message"], seen["open"] = dialog.message.text(), dialog.isVisible()
        seen["focus"] = QApplication.focusWidget() is dialog.inputs["reported_on"]
        dialog.reject()

    QTimer.singleShot(0, fill)
    _button(tab, "登记").click()
    assert "上报日期" in seen["message"] and "上周五" in seen["message"] and seen["open"]
    assert list_records(demo_store, LEADS, tab.campaign["id"]) == []


def test_quota_line_and_import(qtbot, window, demo_store, tmp_path, monkeypatch):
    from models.register.quotas import set_quotas

    tab = _tab(window)
    set_quotas(demo_store, tab.campaign["id"], lead_quota=1, case_quota=None)
    tab.refresh()
    assert "尚未达标 14 个单位" in tab.quota_label.text()
    first = campaign_units(demo_store, tab.campaign["id"])[0]["name"]
    path = tmp_path / "线索.xlsx"
    workbook = Workbook()
    workbook.active.append(["单位", "日期", "线索内容"])
    workbook.active.append([first, "2022-07-09", "违规动火"])
    workbook.active.append(["不存在的镇", "2022-07-09", "非法采砂"])
    workbook.save(path)
    monkeypatch.setattr(tab, "choose_import_files", lambda: [str(path)])
    msgbox.ANSWERS.append(True)  # 写入这 1 条？
    _button(tab, "导入报回的表").click()
    asked = msgbox.SHOWN[-1]
    assert "新增 1 条" in str(asked) and "错误 1 处" in str(asked)
    assert tab.lists["leads"].model.rowCount() == 1
    assert "尚未达标 13 个单位" in tab.quota_label.text()
    assert first not in tab.quota_label.text()


def test_units_without_a_lead_are_on_the_chase_list(window, demo_store, tmp_path):
    from openpyxl import load_workbook

    from models.campaigns.campaign import campaign_by_year
    from models.register.quotas import set_quotas
    from models.register.records import add_record

    campaign = campaign_by_year(demo_store, 2021)
    units = campaign_units(demo_store, campaign["id"])
    set_quotas(demo_store, campaign["id"], lead_quota=1, case_quota=None)
    add_record(demo_store, LEADS, campaign, {"unit_id": units[0]["id"], "what": "违规动火"})
    window.select_campaign(2021)
    window.show_tab("progress")
    tab = window.tab_pages["progress"]
    tab.pages.setCurrentWidget(tab.completeness)
    target = tmp_path / "催报.xlsx"
    tab.completeness.save_chase_list(str(target))
    rows = [[str(c.value or "") for c in row] for row in load_workbook(target).active.iter_rows()]
    short = [row for row in rows if any(c.startswith("违法线索未达标") for c in row)]
    assert all(any("已报 0 条，至少 1 条" in c for c in row) for row in short)
    short_units = {c for row in short for c in row}
    assert units[1]["name"] in short_units and units[0]["name"] not in short_units


def test_a_list_that_is_no_workbook_is_refused_by_name_and_the_good_one_still_read(
    window, demo_store, tmp_path, monkeypatch
):
    tab = _tab(window)
    first = campaign_units(demo_store, tab.campaign["id"])[0]["name"]
    good, bad = tmp_path / "线索.xlsx", tmp_path / "坏表.xlsx"
    workbook = Workbook()
    workbook.active.append(["单位", "日期", "线索内容"])
    workbook.active.append([first, "2022-07-09", "违规动火"])
    workbook.save(good)
    bad.write_text("单位,日期\n", encoding="utf-8")
    monkeypatch.setattr(tab, "choose_import_files", lambda: [str(bad), str(good)])
    msgbox.ANSWERS.append(False)  # 写入这 1 条？ — no
    _button(tab, "导入报回的表").click()
    title, text = msgbox.SHOWN[-1]
    assert title == "导入线索" and "线索.xlsx：新增 1 条" in text
    assert "坏表.xlsx：这是文本文件（例如 CSV），只是扩展名为 .xlsx，不是 Excel 工作簿" in text
    assert tab.lists["leads"].model.rowCount() == 0  # the clerk said no: nothing written
