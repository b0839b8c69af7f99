"""Translations: every shipped language covers the main window's menus and tabs; the .ts is complete and current."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTranslator
from PySide6.QtGui import QAction

from tests.conftest import ROOT
from ui.common import msgbox, settings
from ui.shell import app as app_module
from ui.shell import language_menu
from ui.shell.main_window import MainWindow

pytestmark = pytest.mark.gui

I18N = ROOT / "resources" / "i18n"
sys.path.insert(0, str(I18N))
import update_ts  # noqa: E402 - the extractor lives beside the .ts files

CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]")
PLACEHOLDER = re.compile(r"\{\d*\}")


@pytest.fixture(autouse=True)
def _back_to_source(qapp):
    """Every test here may install a language: go back to the untranslated source afterwards."""
    yield
    app_module.uninstall_translators(qapp)


@pytest.fixture
def translated(qapp):
    return lambda lang: app_module.install_translators(qapp, lang)


def _menu_texts(window) -> list[tuple[str, QAction]]:
    def walk(actions):
        for action in actions:
            if action.isSeparator():
                continue
            yield action.text(), action
            if action.menu() is not None:
                yield from walk(action.menu().actions())

    return list(walk(window.menuBar().actions()))


def _visible_texts(window) -> list[str]:
    texts = [text for text, action in _menu_texts(window) if action.data() not in app_module.LANGUAGES]
    texts += [window.tabs.tabText(i) for i in range(window.tabs.count())]
    for page in window.tab_pages.values():
        model = page.view.model()
        texts += [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return texts


def _untranslated(texts: list[str]) -> list[str]:
    # The language submenu's title names the language in both scripts on purpose ("Language (语言)").
    return [t for t in texts if CJK.search(t) and "Language" not in t]


@pytest.mark.parametrize("lang", sorted(app_module.LANGUAGES))
def test_each_shipped_language_translates_menus_and_tabs(qtbot, store, translated, lang):
    loaded = translated(lang)
    assert any("qtbase_" in path for path in loaded), "Qt's own translation is installed too"
    win = MainWindow(store)  # empty database: undo/redo carry no data label
    qtbot.addWidget(win)
    texts = _visible_texts(win)
    assert len(texts) > 15
    if lang == "zh_CN":
        assert win.tabs.tabText(0) == "通知"
        assert all(CJK.search(t) for t in texts), texts
    else:
        assert win.tabs.tabText(0) == "Notices"
        assert _untranslated(texts) == []
        assert [a.text() for a in win.menuBar().actions()] == ["&File", "&Edit", "&Help"]


def test_switching_language_live_and_back(window, qtbot):
    page = window.tab_pages["notices"]
    assert window.tabs.tabText(0) == "通知"
    assert language_menu.switch_language(window, "en") == "en"
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert settings.get(settings.LANGUAGE) == "en"
    assert [window.tabs.tabText(i) for i in range(4)] == ["Notices", "Liaisons", "Weekly progress", "Summary reports"]
    assert page.view.model().headerData(1, Qt.Orientation.Horizontal) == "Document no."
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&Help"]
    # The undo action was rebuilt, not doubled: one Ctrl+Z in the window, and it still works.
    undo = [a for a in window.findChildren(QAction) if a.shortcut().toString() == "Ctrl+Z"]
    assert len(undo) == 1 and undo[0] is window.undo_action
    assert window.undo_action.text().startswith("Undo ")
    assert msgbox.SHOWN[-1][0] == "Language"
    assert language_menu.switch_language(window, "zh_CN") == "zh_CN"
    assert [a.text() for a in window.menuBar().actions()] == ["文件(&F)", "编辑(&E)", "帮助(&H)"]
    assert window.tabs.tabText(3) == "总结报告"
    assert page.view.model().headerData(1, Qt.Orientation.Horizontal) == "文号"


def test_welcome_page_switches_too(qtbot, store):
    win = MainWindow(store)
    qtbot.addWidget(win)
    language_menu.switch_language(win, "en")
    assert win.stack.currentWidget() is win.welcome
    assert win.welcome.demo_button.text() == "Load demo data"
    win.welcome.demo_button.click()  # still wired to the demo
    assert win.selector.count() == 2


def test_language_menu_offers_system_and_shipped_languages(window):
    help_menu = window.menuBar().actions()[-1].menu()
    language = next(a.menu() for a in help_menu.actions() if a.menu() is not None)
    choices = {a.data(): a for a in language.actions()}
    assert set(choices) == {"", *app_module.LANGUAGES}
    assert choices[""].isChecked()  # no setting yet: the system's
    assert choices["en"].text() == "English"


def test_language_setting_and_fallback(monkeypatch):
    settings.put(settings.LANGUAGE, "en")
    assert app_module.language() == "en"
    settings.put(settings.LANGUAGE, "xx")
    monkeypatch.setattr(app_module, "system_language", lambda: "zh_CN")
    assert app_module.language() == "zh_CN"


def _ts_messages(path):
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            yield context.findtext("name"), message.findtext("source"), translation


@pytest.mark.parametrize("lang", update_ts.LANGUAGES)
def test_every_ts_message_has_a_translation(lang):
    problems = []
    for context, source, translation in _ts_messages(I18N / f"desk_{lang}.ts"):
        text = translation.text or ""
        if translation.get("type") == "vanished":
            continue
        if not text.strip() or translation.get("type") == "unfinished":
            problems.append(f"[{context}] {source!r}: no translation")
        elif sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"[{context}] {source!r}: placeholders differ in {text!r}")
        elif ("&" in source) != ("&" in text):
            problems.append(f"[{context}] {source!r}: keyboard accelerator (&) lost in {text!r}")
    assert problems == []


@pytest.mark.parametrize("lang", update_ts.LANGUAGES)
def test_ts_and_qm_are_current(lang):
    """Every tr() string of ui/ is in the .ts, and the .qm holds the .ts translations.

    If this fails: python resources/i18n/update_ts.py, translate what it lists, run it again.
    """
    found, warnings = update_ts.extract()
    assert warnings == []
    ts = update_ts.read_ts(I18N / f"desk_{lang}.ts")
    assert sorted(set(found) - set(ts)) == []
    translator = QTranslator()
    assert translator.load(str(I18N / f"desk_{lang}.qm"))
    stale = [
        (context, source)
        for (context, source), (text, kind) in ts.items()
        if kind != "vanished" and translator.translate(context, source) != text
    ]
    assert stale == []


def test_a_language_switch_does_not_stack_another_backup_timer(qtbot, store, translated):
    from PySide6.QtCore import QTimer

    from ui.shell import file_menu

    window = MainWindow(store)
    qtbot.addWidget(window)
    timers = lambda: [t for t in window.findChildren(QTimer) if t.interval() == file_menu.AUTO_BACKUP_MS]  # noqa: E731
    assert len(timers()) == 1
    translated("en")
    window.retranslate()
    translated("zh_CN")
    window.retranslate()
    assert len(timers()) == 1
