"""Reporting periods: the weeks of a campaign with their due dates."""

from __future__ import annotations

from datetime import date, timedelta

from models.store import Store


def weeks_between(start: date, end: date) -> list[tuple[date, date]]:
    """Monday–Sunday weeks covering start..end; the first and last may be partial."""
    weeks = []
    cursor = start
    while cursor <= end:
        sunday = cursor + timedelta(days=6 - cursor.weekday())
        weeks.append((cursor, min(sunday, end)))
        cursor = sunday + timedelta(days=1)
    return weeks


def next_weekday_after(day: date, weekday: int) -> date:
    """The first date strictly after *day* that falls on *weekday* (1 = Monday)."""
    ahead = (weekday - 1 - day.weekday()) % 7 or 7
    return day + timedelta(days=ahead)


def week_label(seq: int, start: date, end: date) -> str:
    return f"第{seq}周（{start.month}月{start.day}日—{end.month}月{end.day}日）"


def list_periods(store: Store, campaign_id: str) -> list[dict]:
    return store.rows("SELECT * FROM periods WHERE campaign_id = ? ORDER BY seq", (campaign_id,))
