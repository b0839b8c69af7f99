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


def test_the_backup_an_import_needs_is_made_while_the_forms_are_read(window, tmp_path):
    """导入 then writes at once: the file was backed up during the preview, so no second copy is made;
    the backup holds the figures as they were before the import."""
    import sqlite3

    from models.store import backups
    from ui.progress.import_dialog import ImportDialog

    window.select_campaign(2021)
    window.show_tab("progress")
    page = window.tab_pages["progress"]
    store = page.store
    campaign = campaign_by_year(store, 2021)
    period = period_by_seq(store, campaign["id"], 5)
    files = write_blank_forms(store, campaign, period, tmp_path)[:2]
    for path in files:
        fill_own_form(path, {2: 7})
    store.path.touch()  # changed since its newest backup (the demo file may have one already)
    before = {b["path"] for b in backups.list_backups(store)}
    dialog = ImportDialog(page, store, campaign, period)
    dialog.set_paths(files)
    made = [b for b in backups.list_backups(store) if b["path"] not in before]
    assert [b["reason"] for b in made] == ["导入前"]
    dialog.accept()
    assert {b["path"] for b in backups.list_backups(store)} - before == {made[0]["path"]}
    assert load_week(store, campaign["id"], period["id"]).values[0][0] == 7
    copy = sqlite3.connect(f"file:{made[0]['path']}?mode=ro", uri=True)
    try:
        old = copy.execute(
            "SELECT value FROM figures WHERE unit_id = ? AND period_id = ? AND indicator_id = ?",
            dialog.results[0].figures[0][:3],
        ).fetchone()
    finally:
        copy.close()
    assert old is None or old[0] != 7  # the unit's figure as it was: not yet imported
