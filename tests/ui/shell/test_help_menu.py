"""帮助: the manual opens with its pictures, 关于 shows the version; settings live beside the exe when portable."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from models.version import APP_VERSION
from tests.conftest import ROOT
from ui.common import msgbox, settings
from ui.common.paths import portable_dir
from ui.shell import help_menu
from ui.shell.manual_dialog import ManualDialog, manual_path

pytestmark = pytest.mark.gui


def _help_actions(window) -> dict[str, object]:
    menu = window.menuBar().actions()[-1].menu()
    return {a.text(): a for a in menu.actions() if not a.isSeparator()}


def test_about_shows_the_version_and_where_the_data_is(window):
    _help_actions(window)["关于(&A)…"].trigger()
    title, text = msgbox.SHOWN[-1]
    assert title == "关于"
    assert APP_VERSION in text and "安全生产月工作台" in text
    assert str(window.store.path) in text


def test_manual_opens_from_the_help_menu_with_its_screenshots(window, qtbot):
    _help_actions(window)["使用手册(&M)"].trigger()
    dialog = window.manual_dialog
    qtbot.addWidget(dialog)
    assert dialog.isVisible() and not dialog.isModal()
    text = dialog.browser.toPlainText()
    assert "安全生产月工作台使用手册" in text and "五月" in text
    images = [name for name in _image_names(dialog.browser.document())]
    assert len(images) >= 4
    for name in images:
        loaded = dialog.browser.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(name))
        assert loaded is not None and not loaded.isNull(), name
    # Asking again shows the same window rather than a second one.
    assert help_menu.show_manual(window) is dialog


def _image_names(document: QTextDocument):
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                yield fmt.toImageFormat().name()
            it += 1
        block = block.next()


def test_manual_lists_only_existing_pictures():
    text = manual_path().read_text(encoding="utf-8")
    for name in __import__("re").findall(r"\]\((screenshots/[^)]+)\)", text):
        assert (ROOT / "docs" / name).is_file(), name


def test_missing_manual_says_so(qtbot, tmp_path):
    dialog = ManualDialog(None, tmp_path / "manual.md")
    qtbot.addWidget(dialog)
    assert "找不到使用手册" in dialog.browser.toPlainText()


@pytest.fixture
def frozen_beside(monkeypatch, tmp_path):
    """Pretend to run as the bundled exe in tmp_path/app."""
    folder = tmp_path / "app"
    folder.mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / "SafetyMonthDesk.exe"))
    monkeypatch.setattr(settings, "INI_FILE", None)
    return folder


def test_settings_live_in_the_portable_data_folder(frozen_beside):
    (frozen_beside / "data").mkdir()
    assert portable_dir() == frozen_beside / "data"
    settings.put(settings.LANGUAGE, "en")
    ini = frozen_beside / "data" / "settings.ini"
    assert settings.settings_file() == str(ini)
    assert ini.is_file()
    assert settings.get(settings.LANGUAGE) == "en"
    assert "language=en" in ini.read_text(encoding="utf-8")


def test_without_a_data_folder_settings_are_not_portable(frozen_beside):
    assert portable_dir() is None
    assert settings.settings_file() is None
