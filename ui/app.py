"""The QApplication: names, translators (before any widget), excepthook."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from models.paths import resource_path
from ui import settings
from ui.errors import install_excepthook
from ui.paths import log_path

_translators: list[QTranslator] = []


def language() -> str:
    chosen = settings.get(settings.LANGUAGE)
    if chosen:
        return chosen
    system = QLocale.system().name()
    return "en" if system.startswith("en") else "zh_CN"


def install_translators(app: QApplication, lang: str) -> None:
    """Qt's own strings and ours; Chinese is the source language of the UI."""
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", qt_dir):
        app.installTranslator(qt)
        _translators.append(qt)
    ours = QTranslator(app)
    if lang != "zh_CN" and ours.load(f"desk_{lang}", str(resource_path("i18n"))):
        app.installTranslator(ours)
        _translators.append(ours)


def create_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setOrganizationName(settings.ORGANIZATION)
    app.setApplicationName(settings.APPLICATION)
    install_translators(app, language())
    install_excepthook(log_path())
    return app
