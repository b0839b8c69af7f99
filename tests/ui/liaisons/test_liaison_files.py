"""The 联络员 tab's long actions run through the operation runner: the progress dialog names the unit or file it
is at, 取消 writes nothing, a file that cannot be read is said by name."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from models.campaigns.campaign import campaign_by_year, campaign_units
from models.documents import xlsx_io
from models.liaisons import importer
from models.liaisons.forms import blank_forms
from tests.ui.operation_dialogs import Gate
from ui.common import msgbox
from ui.liaisons.import_dialog import LiaisonImportDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def tab(window):
    window.select_campaign(2021)
    window.show_tab("liaisons")
    return window.tab_pages["liaisons"]


def _people(store) -> list:
    return store.rows("SELECT id, name, mobile FROM liaisons ORDER BY id")


def test_blank_forms_show_the_unit_and_cancel_stops_after_the_file_being_written(tab, tmp_path, monkeypatch):
    units = [u["name"] for u in campaign_units(tab.store, tab.campaign["id"])]
    monkeypatch.setattr(tab, "ask_folder", lambda title: str(tmp_path))
    gate = Gate().watch()
    monkeypatch.setattr(xlsx_io, "save_workbook", gate.hold(xlsx_io.save_workbook))
    msgbox.ANSWERS[:] = [False]  # one form per unit
    tab.buttons["blank"].click()
    assert gate.seen == [("生成空白表", units[0])]
    written = list(tmp_path.glob("2021年联络员反馈表_*.xlsx"))
    assert len(written) == 1 and units[0] in written[0].name  # the one being written when 取消 came: whole
    load_workbook(written[0])
    assert [title for title, _ in msgbox.SHOWN] == ["空白表"]  # the question only, no "已生成"


def test_cancelled_import_preview_writes_nothing_and_asks_nothing(window, tab, tmp_path, monkeypatch):
    campaign = campaign_by_year(window.store, 2021)
    path = blank_forms(window.store, campaign, tmp_path)[5]
    book = load_workbook(path)
    book["联络员名单"]["D4"], book["联络员名单"]["G4"] = "王芳", "13987401234"
    book.save(path)
    before = _people(window.store)
    asked = []
    monkeypatch.setattr(LiaisonImportDialog, "ask", classmethod(lambda cls, plan, parent=None: asked.append(plan)))
    gate = Gate().watch()
    monkeypatch.setattr(importer, "read_form", gate.hold(importer.read_form))
    tab.import_forms([str(path), str(path)])
    assert gate.seen == [("读取报回的联络员表", path.name)]
    assert asked == [] and msgbox.SHOWN == [] and _people(window.store) == before


def test_a_file_that_is_no_spreadsheet_is_refused_by_name(window, tab, tmp_path, monkeypatch):
    bad = tmp_path / "城关镇联络员.xlsx"
    bad.write_text("这不是表格", encoding="utf-8")
    seen = []
    monkeypatch.setattr(LiaisonImportDialog, "ask", classmethod(lambda cls, plan, parent=None: seen.append(plan)))
    before = _people(window.store)
    tab.import_forms([str(bad)])
    [report] = seen[0]["files"]
    assert report["file"] == "城关镇联络员.xlsx" and report["rejected"]
    dialog = LiaisonImportDialog(seen[0], tab)
    assert "拒收 1 个文件" in dialog.summary.text() and not dialog.import_button.isEnabled()
    assert _people(window.store) == before


def test_an_export_that_cannot_be_written_is_said_in_chinese(tab, tmp_path, monkeypatch):
    from ui.liaisons.export_dialog import LiaisonExportDialog

    out = str(tmp_path / "拔出的U盘" / "名单.xlsx")
    options = {"out": out, "template": None, "mask": True}
    monkeypatch.setattr(LiaisonExportDialog, "ask", classmethod(lambda cls, d, parent=None: options))
    tab.buttons["export"].click()
    assert msgbox.SHOWN[-1] == ("操作未完成", f"{out}：保存位置的文件夹不存在，请换一个位置。")
