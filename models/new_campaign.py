"""Creating a campaign: title, theme, period, companion campaign; units, liaisons and layout from an earlier year.

A use case over two features (campaigns, liaisons), so it sits above both: liaisons import campaigns.
"""

from __future__ import annotations

from datetime import date

from models.campaigns.campaign import add_campaign, campaign_by_year, copy_campaign_units, has_campaign
from models.campaigns.layouts import add_layout, copy_layout, default_layout
from models.campaigns.periods import add_periods, companion_months, plan_periods
from models.errors import ValidationError
from models.liaisons.liaison import copy_liaisons
from models.store.backups import before_many_changes
from models.store.database import Store


def _date(text: str | None, what: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(str(text))
    except ValueError as exc:
        raise ValidationError(f"{what}“{text}”不是有效日期（例如 2023-06-01）。") from exc


def create_campaign(
    store: Store,
    year: int,
    *,
    title: str | None = None,
    theme: str | None = None,
    start_date: str | None = None,
    end_date: str | None = None,
    companion_title: str | None = None,
    companion_end_date: str | None = None,
    copy_from: int | None = None,
    layout: list[dict] | None = None,
) -> dict:
    """Add the campaign of *year*; returns what was created (counts per kind)."""
    year = int(year)
    if not 2000 <= year <= 2100:
        raise ValidationError(f"年份 {year} 不对。")
    if has_campaign(store, year):
        raise ValidationError(f"已经有 {year} 年的活动了。")
    source = campaign_by_year(store, copy_from) if copy_from else None
    start = _date(start_date, "开始日期") or date(year, 6, 1)
    end = _date(end_date, "结束日期") or date(year, 6, 30)
    if end < start:
        raise ValidationError(f"结束日期 {end} 早于开始日期 {start}。")
    fields = {
        "year": year,
        "title": (title or "").strip() or f"{year}年“安全生产月”活动",
        "theme": theme,
        "start_date": start.isoformat(),
        "end_date": end.isoformat(),
        "companion_title": companion_title or (source or {}).get("companion_title"),
        "companion_end_date": _iso(_date(companion_end_date, "万里行结束日期")),
        "office_name": (source or {}).get("office_name") or store.meta("office_name"),
        "region_word": (source or {}).get("region_word"),
    }
    counts = {"year": year, "units": 0, "liaisons": 0, "indicators": 0, "periods": 0}
    before_many_changes(store, "新建活动前")
    with store.batch(f"新建 {year} 年活动", source="campaign") as batch:
        campaign_id = add_campaign(batch, fields)
        if source:
            counts["units"] = copy_campaign_units(batch, source["id"], campaign_id)
            counts["liaisons"] = copy_liaisons(batch, source["id"], campaign_id)
        if layout is not None:
            counts["indicators"] = len(add_layout(batch, campaign_id, layout))
        elif source:
            counts["indicators"] = len(copy_layout(batch, source["id"], campaign_id))
        else:
            counts["indicators"] = len(add_layout(batch, campaign_id, default_layout()))
        weekday, due_time = _weekly_due(store, source)
        planned = plan_periods(start, end, weekday, due_time)
        planned += companion_months(store, {**fields, "id": None}, len(planned))
        counts["periods"] = len(add_periods(batch, campaign_id, planned))
    counts["campaign_id"] = campaign_id
    return counts


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _weekly_due(store: Store, source: dict | None) -> tuple[int, str | None]:
    if source:
        from models.campaigns.periods import weekly_deadline

        return weekly_deadline(store, source["id"])
    return 1, None
