"""The QApplication: names, icon, translators (before any widget), excepthook."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from models.paths import app_root, resource_path
from ui.common import operation, settings
from ui.common.errors import install_excepthook
from ui.common.paths import log_path
from ui.shell import font_menu

# The shipped languages: code -> its name, written in that language (shown untranslated in the menu).
LANGUAGES = {"zh_CN": "中文（简体）", "en": "English"}
SOURCE_LANGUAGE = "zh_CN"  # the UI strings in the code are Chinese

_translators: list[QTranslator] = []


def system_language() -> str:
    """The system's language if shipped, else Chinese."""
    for code in QLocale.system().uiLanguages() or [QLocale.system().name()]:
        code = code.replace("-", "_")
        if code.startswith("en"):
            return "en"
        if code.startswith("zh"):
            return "zh_CN"
    return SOURCE_LANGUAGE


def language() -> str:
    """The language in use: the setting if it names a shipped language, else the system's."""
    chosen = settings.get(settings.LANGUAGE)
    return chosen if chosen in LANGUAGES else system_language()


def qt_translation_dirs() -> list[str]:
    """Where Qt's own qtbase_*.qm are: Qt's folder, and the bundle's copy of it."""
    dirs = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)]
    for bundled in (app_root() / "PySide6" / "Qt" / "translations", app_root() / "PySide6" / "translations"):
        if bundled.is_dir():  # Linux and Windows layouts of a PyInstaller bundle
            dirs.append(str(bundled))
    return dirs


def uninstall_translators(app: QApplication) -> None:
    """Back to the source language (Chinese) with Qt's untranslated own strings."""
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()


def install_translators(app: QApplication, lang: str) -> list[str]:
    """Qt's own strings (qtbase) and ours; Chinese is the source language of the UI.

    Replaces the translators installed before, so calling it again switches the language (Qt then sends
    a LanguageChange event to every widget).  Returns the .qm files loaded.
    """
    uninstall_translators(app)
    loaded = []
    qt = QTranslator(app)
    for folder in qt_translation_dirs():
        if qt.load(f"qtbase_{lang}", folder):
            app.installTranslator(qt)
            _translators.append(qt)
            loaded.append(qt.filePath())
            break
    ours = QTranslator(app)
    if lang != SOURCE_LANGUAGE and ours.load(f"desk_{lang}", str(resource_path("i18n"))):
        app.installTranslator(ours)
        _translators.append(ours)
        loaded.append(ours.filePath())
    return loaded


def app_icon() -> QIcon:
    path: Path = resource_path("icons", "app.png")
    return QIcon(str(path)) if path.exists() else QIcon()


def create_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    app.setWindowIcon(app_icon())
    install_translators(app, language())
    font_menu.apply_saved(app)
    install_excepthook(log_path())
    operation.collect_on_this_thread(app)  # no garbage collection on a worker, ever
    return app
