"""Every setting the app keeps, with its default and type, over QSettings (an .ini beside the exe when portable)."""

from __future__ import annotations

from typing import Any, NamedTuple

from PySide6.QtCore import QByteArray, QSettings

from ui.common.paths import portable_dir

ORGANIZATION = "SafetyMonthDesk"
APPLICATION = "安全生产月工作台"


class Setting(NamedTuple):  # not a dataclass: importing dataclasses cost ≈3 ms before the first paint
    key: str
    default: Any
    type: type


LAST_DB = Setting("files/last_db", "", str)
RECENT_DBS = Setting("files/recent", [], list)
GEOMETRY = Setting("window/geometry", QByteArray(), QByteArray)
LAST_TAB = Setting("window/last_tab", 0, int)
LAST_CAMPAIGN_YEAR = Setting("window/last_campaign_year", 0, int)
VERIFIED_DB = Setting("files/verified", "", str)  # health.file_stamp of the file last found sound
FONT_SCALE = Setting("ui/font_scale", 100, int)  # percent of the system font size (帮助 ▸ 字号)
LANGUAGE = Setting("ui/language", "", str)  # "" = the system's, falling back to Chinese; else "zh_CN" or "en"


# Tests point this at a temporary .ini file so they never share or touch real settings.
INI_FILE: str | None = None
PORTABLE_INI_NAME = "settings.ini"


def settings_file() -> str | None:
    """The .ini file in use: the test's, or settings.ini in the portable data folder; None = the system's store."""
    if INI_FILE:
        return INI_FILE
    folder = portable_dir()
    return str(folder / PORTABLE_INI_NAME) if folder else None


_OPEN: dict[str | None, QSettings] = {}
# Between hold_writes() and write_held(): the values put, kept here (get() reads them) and not yet in QSettings.
_HELD: dict[str, Any] = {}
_HOLDING: list[bool] = []


def _settings() -> QSettings:
    """One QSettings per store, kept open: the file is parsed once, not at every read."""
    ini = settings_file()
    if ini not in _OPEN:
        _OPEN[ini] = QSettings(ini, QSettings.Format.IniFormat) if ini else QSettings(ORGANIZATION, APPLICATION)
    return _OPEN[ini]


def get(setting: Setting):
    value = _HELD[setting.key] if setting.key in _HELD else _settings().value(setting.key, setting.default)
    if value is None:
        return setting.default
    if setting.type is list:
        return list(value) if isinstance(value, (list, tuple)) else [value]
    if setting.type in (int, str):
        try:
            return setting.type(value)
        except (TypeError, ValueError):
            return setting.default
    return value


def put(setting: Setting, value) -> None:
    """Saves at once (written to disk now, as before the window closes); an unchanged value writes nothing.

    While writes are held (:func:`hold_writes`) the value is kept in memory and written by :func:`write_held`.
    """
    store = _settings()
    if setting.key in _HELD or store.contains(setting.key):
        old = get(setting)  # as the type says: an .ini gives back numbers as text, a one-item list as its item
        if old == value or (setting.type in (int, str) and str(old) == str(value)):
            return
    if _HOLDING:
        _HELD[setting.key] = value
        return
    store.setValue(setting.key, value)
    store.sync()


def hold_writes() -> None:
    """Keep what put() is given in memory until :func:`write_held`: the settings noted at start (last file,
    recent files, campaign) cost one write after the first paint, not one fsync each (≈5–40 ms) before it.
    (Not setValue meanwhile: QSettings would sync at the first turn of the event loop, before the paint.)"""
    _HOLDING[:] = [True]


def write_held() -> None:
    """Write the values held since :func:`hold_writes` (one sync) and save each put() at once again."""
    _HOLDING.clear()
    if not _HELD:
        return
    store = _settings()
    for key, value in _HELD.items():
        store.setValue(key, value)
    _HELD.clear()
    store.sync()
