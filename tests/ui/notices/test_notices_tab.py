"""The 通知 tab as the clerk uses it: paste → confirm → saved → listed; edit; draft; mark delivered."""

from __future__ import annotations

import pytest

from models.notices.notice import get_notice
from tests.conftest import ROOT
from ui.common import msgbox
from ui.notices.confirm_dialog import NoticeConfirmDialog
from ui.notices.draft_dialog import NoticeDraftDialog

pytestmark = pytest.mark.gui
SAMPLE = ROOT / "data" / "samples" / "notice-qilin-2021.txt"


@pytest.fixture
def tab(window):
    window.show_tab("notices")
    window.select_campaign(2021)
    return window.tab_pages["notices"]


def _cells(model):
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_paste_confirm_saved_listed(tab, qtbot, monkeypatch):
    def fake_ask(store, campaign_id, parent=None, text=""):
        dialog = NoticeConfirmDialog(store, campaign_id, parent)
        qtbot.addWidget(dialog)
        dialog.text.setPlainText(SAMPLE.read_text(encoding="utf-8"))
        dialog.recognise()
        assert dialog.editor.edits["doc_number"].text() == "麒区安办〔2021〕16号"
        assert dialog.deadlines.model.rowCount() == 4
        dialog.editor.edits["doc_number"].setText("麒区安办〔2021〕17号")
        dialog.accept()
        return dialog.saved_id

    monkeypatch.setattr(NoticeConfirmDialog, "ask", staticmethod(fake_ask))
    before = tab.view.model().rowCount()
    tab.register_notice()
    assert tab.view.model().rowCount() == before + 1
    assert any(row[1] == "麒区安办〔2021〕17号" for row in _cells(tab.view.model()))
    assert tab.editor.edits["doc_number"].text() == "麒区安办〔2021〕17号"
    assert tab.window().undo_action.text().startswith("撤销 登记通知")


def test_empty_paste_and_bad_file_save_nothing(tab, qtbot, tmp_path):
    dialog = NoticeConfirmDialog(tab.store, tab.campaign["id"], tab)
    qtbot.addWidget(dialog)
    dialog.recognise()
    assert "没有文字" in dialog.message.text()
    dialog.text.setPlainText("随便写的一句话")
    dialog.recognise()
    assert "没有识别出任何字段" in dialog.message.text()
    dialog.accept()
    assert dialog.saved_id is None and msgbox.SHOWN[-1][1] == "请填写通知标题。"
    broken = tmp_path / "坏.docx"
    broken.write_bytes(b"PK\x03\x04 broken")
    dialog.open_file(str(broken))
    assert "坏.docx" in msgbox.SHOWN[-1][1]


def test_edit_contacts_and_save(tab):
    tab.editor.contacts.append({"name": "李四", "phone": "13812345678"})
    tab.editor.edits["theme"].setText("新的主题")
    tab.save_current()
    notice = get_notice(tab.store, tab.current_id)
    assert notice["theme"] == "新的主题"
    assert [c["name"] for c in notice["contacts"]][-1] == "李四"


def test_draft_from_received_notice(tab, qtbot):
    dialog = NoticeDraftDialog(tab.store, tab.current_id, "某镇安委办", tab)
    qtbot.addWidget(dialog)
    dialog.edits["doc_number"].setText("某镇安办〔2021〕3号")
    dialog.attachments.item(0).setCheckState(dialog.attachments.item(0).checkState().Unchecked)
    dialog.accept()
    draft = get_notice(tab.store, dialog.saved_id)
    assert draft["direction"] == "issued" and draft["doc_number"] == "某镇安办〔2021〕3号"
    assert len(draft["attachments"]) == 3


def test_mark_a_unit_delivered(tab):
    tab.pages.setCurrentIndex(1)
    row = next(i for i, t in enumerate(tab.tasks.rows) if "活动方案" in t["what"])
    tab.tasks_view.selectRow(row)
    assert tab.units.rows[0]["status"] in ("overdue", "pending")
    assert tab.units.index(0, 1).data() in ("未交（逾期）", "待交")
    tab.units_view.selectRow(0)
    tab.mark_selected(True)
    row = next(i for i, t in enumerate(tab.tasks.rows) if "活动方案" in t["what"])
    assert tab.tasks.rows[row]["counts"]["on_time"] + tab.tasks.rows[row]["counts"]["late"] == 1
    assert tab.overview.rowCount() >= 0


def test_models_pass_the_model_tester(tab, qtmodeltester):
    for model in (tab.model, tab.tasks, tab.units, tab.overview, tab.editor.contacts, tab.editor.attachments):
        qtmodeltester.check(model)


def test_drafted_notice_is_a_short_cover_and_saves_as_pdf_from_the_reports_tab(
    tab, window, qtbot, monkeypatch, tmp_path
):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from models.campaigns.office import set_office
    from tests.models.pdf_reading import text_of
    from ui.reports.preview import SavePath

    set_office(tab.store, name="曲靖市麒麟区安全生产委员会办公室", filler="张丽", phone="0874-3123456")
    source = get_notice(tab.store, tab.current_id)

    def fill():
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, NoticeDraftDialog) and w.isVisible())
        dialog.edits["doc_number"].setText("麒区安办〔2021〕20号")
        dialog.accept()

    QTimer.singleShot(0, fill)
    tab.draft_notice()
    draft = get_notice(tab.store, tab.current_id)
    assert draft["direction"] == "issued"
    assert draft["body"].startswith(f"现将《{source['title']}》")
    assert "转发给你们" in draft["body"] and "联系人：张丽，联系电话：0874-3123456。" in draft["body"]
    assert source["body"][:40] not in draft["body"]  # the received text is not copied unless chosen
    window.show_tab("reports")
    reports_tab = window.tab_pages["reports"]
    row = next(i for i, r in enumerate(reports_tab.model.rows) if r["kind"] == "notice")
    reports_tab.view.selectRow(reports_tab.proxy.mapFromSource(reports_tab.model.index(row, 0)).row())
    out = tmp_path / "本级通知.pdf"
    monkeypatch.setattr(SavePath, "ask", classmethod(lambda cls, parent, suggested, suffix=".pdf": str(out)))
    reports_tab.export_pdf()
    qtbot.waitUntil(out.exists, timeout=20000)
    text = "".join(text_of(out).split())
    assert "麒区安办〔2021〕20号" in text and "现将《" in text and "曲靖市麒麟区安全生产委员会办公室" in text
