"""An import that writes is preceded by a backup the clerk can restore."""

from __future__ import annotations

from openpyxl import Workbook

from models.campaigns.campaign import campaign_by_year
from models.liaisons.importer import import_liaisons
from models.store import backups


def test_liaison_import_backs_up_first(demo_store, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["单位", "姓名", "手机"])
    sheet.append(["越州镇", "李新", "13800001111"])
    path = tmp_path / "报回.xlsx"
    book.save(path)
    campaign = campaign_by_year(demo_store, 2021)
    assert backups.list_backups(demo_store) == []
    import_liaisons(demo_store, campaign, [path])
    [backup] = backups.list_backups(demo_store)
    assert "导入前" in backup["path"].name
    backups.verify(backup["path"])
    import_liaisons(demo_store, campaign, [path])  # nothing new: no second backup of the same state
    assert len(backups.list_backups(demo_store)) == 1
