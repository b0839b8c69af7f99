"""Ids and timestamps: every record gets a UUID and local-time ISO stamps."""

from __future__ import annotations

from datetime import date, datetime


def new_id() -> str:
    import uuid  # ≈5 ms to import (it loads platform): only when a first record is written

    return str(uuid.uuid4())


def now() -> str:
    """Local time, to the second, ISO 8601 (sorts as text)."""
    return datetime.now().isoformat(timespec="seconds")


def today() -> date:
    return date.today()
