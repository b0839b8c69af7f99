"""Where the app's own files are, from source and from a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def app_root() -> Path:
    """The folder holding data/ and resources/ (the bundle's _MEIPASS when frozen)."""
    bundle = getattr(sys, "_MEIPASS", None)
    return Path(bundle) if bundle else Path(__file__).resolve().parent.parent


def data_path(*parts: str) -> Path:
    return app_root().joinpath("data", *parts)


def resource_path(*parts: str) -> Path:
    return app_root().joinpath("resources", *parts)
