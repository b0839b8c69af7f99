"""Ids and timestamps: every record gets a UUID and local-time ISO stamps."""

from __future__ import annotations

import uuid
from datetime import date, datetime


def new_id() -> str:
    return str(uuid.uuid4())


def now() -> str:
    """Local time, to the second, ISO 8601 (sorts as text)."""
    return datetime.now().isoformat(timespec="seconds")


def today() -> date:
    return date.today()
