"""The import dialog over many returned forms: read by the reader processes, one row per file in the folder's
order, the refused file named, then written as one undoable step."""

from __future__ import annotations

import pytest

from models.campaigns.campaign import campaign_by_year
from models.campaigns.periods import period_by_seq
from models.progress.forms import pool
from models.progress.forms.blank import write_blank_forms
from models.progress.grid import load_week
from tests.models.stats_files import fill_own_form

pytestmark = pytest.mark.gui


def test_a_folder_of_forms_is_read_on_every_core_and_imported_at_once(window, tmp_path, monkeypatch):
    from ui.progress.import_dialog import ImportDialog

    monkeypatch.setattr(pool, "PROCESSES", 2)  # the processes, also on a one-core machine
    window.select_campaign(2021)
    window.show_tab("progress")
    page = window.tab_pages["progress"]
    campaign = campaign_by_year(page.store, 2021)
    period = period_by_seq(page.store, campaign["id"], 5)
    files = write_blank_forms(page.store, campaign, period, tmp_path)
    assert len(files) >= pool.POOL_FROM
    for number, path in enumerate(files):
        fill_own_form(path, {2: number + 1})
    files[2].write_text("x", encoding="utf-8")
    dialog = ImportDialog(page, page.store, campaign, period)
    dialog.set_paths([tmp_path])
    rows = dialog.model.rows
    assert [r["file"] for r in rows] == [f.name for f in files]
    assert [r["status"] for r in rows].count("rejected") == 1 and rows[2]["status"] == "rejected"
    assert rows[0]["unit"] == "南宁街道" and rows[0]["added"] == 1
    assert f"{len(files)} 个文件：可导入 {len(files) - 1}，未导入 1" in dialog.summary.text()
    dialog.accept()
    window.refresh()
    assert window.undo_action.text() == f"撤销 导入 {len(files) - 1} 个进展统计表"
    grid = load_week(page.store, campaign["id"], period["id"])
    assert grid.values[0][0] == 1 and grid.values[1][0] == 2
