"""Every setting the app keeps, with its default and type, over QSettings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

ORGANIZATION = "SafetyMonthDesk"
APPLICATION = "安全生产月工作台"


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    type: type


LAST_DB = Setting("files/last_db", "", str)
RECENT_DBS = Setting("files/recent", [], list)
GEOMETRY = Setting("window/geometry", QByteArray(), QByteArray)
LAST_TAB = Setting("window/last_tab", 0, int)
LAST_CAMPAIGN_YEAR = Setting("window/last_campaign_year", 0, int)
LANGUAGE = Setting("ui/language", "", str)  # "" = the system's, falling back to Chinese


# Tests point this at a temporary .ini file so they never share or touch real settings.
INI_FILE: str | None = None


def _settings() -> QSettings:
    if INI_FILE:
        return QSettings(INI_FILE, QSettings.Format.IniFormat)
    return QSettings(ORGANIZATION, APPLICATION)


def get(setting: Setting):
    value = _settings().value(setting.key, setting.default)
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
    _settings().setValue(setting.key, value)
