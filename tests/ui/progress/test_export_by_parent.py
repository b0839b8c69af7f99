"""The export dialog's 按上级单位汇总 box: one row per town in the exported statistics table."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from models.campaigns.campaign import campaign_by_year
from models.campaigns.periods import period_by_seq
from tests.models.exchange.offices import own_file
from ui.common import msgbox

pytestmark = pytest.mark.gui


def test_export_by_parent_unit(qtbot, tmp_path):
    from ui.progress.export_dialog import ExportDialog

    store = own_file(tmp_path / "town.db", "某县安委办", [("城关镇", None), ("新村", "城关镇")], {1: 7})
    try:
        campaign = campaign_by_year(store, 2021)
        dialog = ExportDialog(None, store, campaign, period_by_seq(store, campaign["id"], 1))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.mouseClick(dialog.by_parent, Qt.MouseButton.LeftButton, pos=dialog.by_parent.rect().center())
        assert dialog.by_parent.isChecked()
        dialog.target.setText(str(tmp_path / "按镇.xlsx"))
        dialog.accept()
    finally:
        store.close()
    assert msgbox.SHOWN[-1][1].startswith("已导出 1 个单位")
    sheet = load_workbook(tmp_path / "按镇.xlsx").active
    assert sheet["B5"].value == "城关镇" and sheet["C5"].value == 14
