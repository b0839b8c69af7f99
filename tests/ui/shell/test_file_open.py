"""Opening files by path: the command line, files dropped on the window, 最近打开, dialogs that remember folders."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from models.liaisons.forms import blank_forms
from tests.conftest import ROOT
from ui.common import file_dialogs, msgbox, settings
from ui.notices.confirm_dialog import NoticeConfirmDialog
from ui.progress.import_dialog import ImportDialog
from ui.shell import file_open, recent_menu

pytestmark = pytest.mark.gui

SAMPLE = ROOT / "data" / "samples" / "notice-qilin-2021.txt"


def _when_modal(qtbot, handle) -> list:
    """Run *handle* on the next modal dialog (as the clerk would act on it); the dialogs seen."""
    seen: list = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        seen.append(dialog)
        handle(dialog)

    QTimer.singleShot(0, poll)
    return seen


def _drop(window, paths: list[Path]) -> bool:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    actions = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(QPointF(50, 50), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(QPointF(50, 50), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    return True


def _other_db(demo_path: Path, tmp_path: Path) -> Path:
    other = tmp_path / "另一个" / "镇里.db"
    other.parent.mkdir()
    shutil.copy(demo_path, other)
    return other


def test_main_opens_a_database_named_on_the_command_line(demo_path, tmp_path):
    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"), "QT_QPA_PLATFORM": "offscreen"}
    shot = tmp_path / "shot.png"
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), str(demo_path), "--screenshot", str(shot)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "invalid choice" not in done.stderr and shot.stat().st_size > 10_000
    ini = next((home / ".config").rglob("*.conf"))
    parser = configparser.ConfigParser()
    parser.read(ini, encoding="utf-8")
    assert Path(parser["files"]["last_db"]) == demo_path.resolve()


def test_file_argument_kinds():
    assert file_open.split_argument(None, None) == (None, None)
    assert file_open.split_argument("a.db", str(SAMPLE)) == ("a.db", str(SAMPLE))
    assert file_open.split_argument(None, "/nowhere/x.db") == (None, False)
    assert "文件不存在" in msgbox.SHOWN[-1][1] and "/nowhere/x.db" in msgbox.SHOWN[-1][1]


def test_a_database_file_replaces_db(demo_path):
    assert file_open.split_argument("other.db", str(demo_path)) == (str(demo_path), None)


def test_dropping_a_notice_opens_the_reader_with_its_fields(window, qtbot):
    seen = _when_modal(qtbot, lambda dialog: dialog.reject())
    assert _drop(window, [SAMPLE])
    assert isinstance(seen[0], NoticeConfirmDialog)
    assert "麒区安办" in seen[0].editor.values()["doc_number"]
    assert window.tabs.currentIndex() == 0


def test_dropping_a_saved_web_page_of_a_notice_opens_the_reader(window, qtbot, tmp_path):
    from html import escape

    text = SAMPLE.read_text(encoding="utf-8")
    page = tmp_path / "通知.htm"
    body = "".join(f"<p>{escape(line)}</p>" for line in text.splitlines())
    page.write_text(f"<html><head><script>var x=1;</script></head><body>{body}</body></html>", encoding="utf-8")
    seen = _when_modal(qtbot, lambda dialog: dialog.reject())
    assert _drop(window, [page])
    assert isinstance(seen[0], NoticeConfirmDialog)
    assert "麒区安办" in seen[0].editor.values()["doc_number"]


def test_dropping_a_database_opens_it(window, demo_path, tmp_path):
    other = _other_db(demo_path, tmp_path)
    assert _drop(window, [other])
    assert Path(window.store.path) == other
    assert str(other.resolve()) == recent_menu.recent()[0]


def test_a_drag_of_other_files_is_refused(window, tmp_path):
    picture = tmp_path / "照片.png"
    picture.write_bytes(b"x")
    assert not _drop(window, [picture])
    assert msgbox.SHOWN == []


def test_a_dropped_liaison_form_goes_to_the_liaison_import(window, tmp_path, monkeypatch):
    campaign = window.campaign
    files = blank_forms(window.store, campaign, tmp_path, one_for_all=True)
    asked = []
    monkeypatch.setattr("ui.liaisons.import_dialog.LiaisonImportDialog.ask", lambda plan, parent: asked.append(plan))
    assert _drop(window, [Path(files[0])])
    assert asked and window.tabs.currentIndex() == 1


def test_a_returned_statistics_form_goes_to_the_statistics_import(window, qtbot, tmp_path):
    from models.progress.forms.blank import write_blank_forms

    page = window.tab_pages["progress"]
    window.show_tab("progress")
    form = write_blank_forms(window.store, window.campaign, page.period, tmp_path)[0]
    seen = _when_modal(qtbot, lambda dialog: dialog.reject())
    file_open.open_files(window, [form])
    assert isinstance(seen[0], ImportDialog)
    assert seen[0].model.rows[0]["file"] == Path(form).name


def test_unknown_files_are_named_in_one_message(window, tmp_path):
    odd = tmp_path / "表.xls"
    odd.write_bytes(b"x")
    file_open.open_files(window, [odd, tmp_path / "没有.docx"])
    title, text = msgbox.SHOWN[-1]
    assert "表.xls" in text and "没有.docx（文件不存在）" in text


def _recent_menu(window):
    file_menu = window.menuBar().actions()[0].menu()
    action = next(a for a in file_menu.actions() if a.menu() is not None and "最近打开" in a.text())
    action.menu().aboutToShow.emit()
    return action.menu()


def test_recent_menu_lists_opened_files_and_reopens_them(window, demo_path, tmp_path):
    from ui.shell import file_menu

    first = Path(window.store.path)
    other = _other_db(demo_path, tmp_path)
    assert file_menu.open_path(window, other)
    entries = [a for a in _recent_menu(window).actions() if a.data()]
    assert [Path(a.data()) for a in entries[:2]] == [other.resolve(), first.resolve()]
    assert entries[0].text().startswith("&1 镇里.db")
    entries[1].trigger()
    assert Path(window.store.path).resolve() == first.resolve()
    assert Path(recent_menu.recent()[0]) == first.resolve()


def test_recent_file_that_is_gone_is_said_and_dropped(window, demo_path, tmp_path):
    from ui.shell import file_menu

    other = _other_db(demo_path, tmp_path)
    file_menu.open_path(window, other)
    file_menu.open_path(window, Path(demo_path))
    other.unlink()
    entry = next(a for a in _recent_menu(window).actions() if a.data() and "镇里" in a.data())
    entry.trigger()
    assert "文件已不存在" in msgbox.SHOWN[-1][1]
    assert all("镇里" not in p for p in recent_menu.recent())


def test_file_dialog_starts_in_the_folder_used_last(qtbot, tmp_path):
    folder = tmp_path / "报回的表"
    folder.mkdir()
    (folder / "a.xlsx").write_bytes(b"x")
    starts: list[str] = []

    def pick(dialog: QFileDialog) -> None:
        starts.append(dialog.directory().absolutePath())
        dialog.selectFile(str(folder / "a.xlsx"))
        dialog.accept()

    _when_modal(qtbot, pick)
    assert file_dialogs.open_file(None, file_dialogs.FORMS, "选择", "Excel (*.xlsx)") == str(folder / "a.xlsx")
    _when_modal(qtbot, lambda dialog: (starts.append(dialog.directory().absolutePath()), dialog.reject()))
    assert file_dialogs.open_file(None, file_dialogs.FORMS, "选择", "Excel (*.xlsx)") == ""
    assert starts[1] == str(folder)
    assert file_dialogs.last_folder(file_dialogs.TEMPLATE) == ""  # each kind has its own folder


def test_export_dialog_remembers_its_template(window, tmp_path):
    from ui.progress.export_dialog import ExportDialog, remember_template

    template = tmp_path / "模板.xlsx"
    template.write_bytes(b"x")
    remember_template(str(template))
    dialog = ExportDialog(window, window.store, window.campaign, None)
    assert dialog.template.text() == str(template)
    template.unlink()
    assert ExportDialog(window, window.store, window.campaign, None).template.text() == ""
    assert settings.get(settings.RECENT_DBS)  # the window's own file is listed from the start
