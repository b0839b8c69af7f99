"""Every window and dialog fits a 1366×768 screen less a taskbar: a 1366×728 work area (≤ 700 px high)."""

from __future__ import annotations

import pytest

from models.campaigns.periods import period_by_seq

pytestmark = pytest.mark.gui
HEIGHT, WIDTH = 700, 1366


def _dialogs(window, tab_store):
    from ui.liaisons.export_dialog import LiaisonExportDialog
    from ui.liaisons.liaison_dialog import LiaisonDialog
    from ui.liaisons.unit_dialog import UnitDialog
    from ui.liaisons.unit_directory import UnitDirectory
    from ui.notices.confirm_dialog import NoticeConfirmDialog
    from ui.notices.draft_dialog import NoticeDraftDialog
    from ui.progress.campaign_dialog import CampaignDialog
    from ui.progress.export_dialog import ExportDialog
    from ui.progress.import_dialog import ImportDialog
    from ui.progress.layout_dialog import LayoutDialog
    from ui.progress.narrative_dialog import NarrativeDialog
    from ui.progress.period_dialog import PeriodDialog
    from ui.shell.backup_dialog import BackupDialog
    from ui.shell.manual_dialog import ManualDialog
    from ui.shell.office_dialog import OfficeDialog

    store = window.store
    campaign = window.campaign
    period = period_by_seq(store, campaign["id"], 2)
    units = store.rows("SELECT id, name FROM units ORDER BY name")
    notice = store.scalar("SELECT id FROM notices WHERE campaign_id = ?", (campaign["id"],))
    yield NoticeConfirmDialog(store, campaign["id"], window)
    yield NoticeDraftDialog(store, notice, "宜良县安委办", window)
    yield CampaignDialog(window, store)
    yield ExportDialog(window, store, campaign, period)
    yield ImportDialog(window, store, campaign, period)
    yield LayoutDialog(window, store, campaign)
    yield NarrativeDialog(window, store, units[0], period)
    yield PeriodDialog(window, store, period)
    yield BackupDialog(window)
    yield ManualDialog(window)
    yield OfficeDialog(store, window, first_start=True)
    yield LiaisonDialog(units, None, window)
    yield LiaisonExportDialog("", window)
    yield UnitDialog(units, None, window)
    yield UnitDirectory(store, campaign, window)


def test_the_main_window_fits_at_first_start(window):
    assert window.height() <= HEIGHT and window.width() <= WIDTH
    assert window.frameGeometry().height() <= 728


def test_every_dialog_fits(window, qtbot):
    window.select_campaign(2021)
    too_big = []
    for dialog in _dialogs(window, window.store):
        qtbot.addWidget(dialog)
        dialog.show()
        for what, size in (("size", dialog.size()), ("sizeHint", dialog.sizeHint())):
            if size.height() > HEIGHT or size.width() > WIDTH:
                too_big.append(f"{type(dialog).__name__} {what} {size.width()}×{size.height()}")
        dialog.close()
    assert too_big == []
