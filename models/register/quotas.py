"""The notice's quotas as targets (每个县区至少1条线索, 每月1—2个案例), who has not met them, and the counts
that reports quote (曝光问题隐患75条，受理举报77条次)."""

from __future__ import annotations

import re
from datetime import date

from models.campaigns.campaign import campaign_units, update_campaign
from models.campaigns.periods import list_periods
from models.errors import ValidationError
from models.store.database import Store

_NUM = r"(\d+|[一二两三四五六七八九十])"
_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_LEAD_QUOTA = re.compile(
    rf"至少(?:上报|报送|提供|移交)?{_NUM}\s*(?:条|个|起)(?:以上)?(?:违法|违规|非法)[^，。；]*?线索"
)
_CASE_QUOTA = re.compile(
    rf"每月(?:至少)?(?:曝光|公开曝光|报送)?{_NUM}\s*(?:[—\-~～至到]\s*{_NUM})?\s*(?:个|起|条)[^，。；]{{0,8}}?案例"
)


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _DIGITS[text]


def quotas_from_text(text: str) -> dict:
    """The quotas a notice sets, e.g. {"lead_quota": 1, "case_quota": 1}; a quota it does not set is absent."""
    found: dict = {}
    if match := _LEAD_QUOTA.search(text or ""):
        found["lead_quota"] = _number(match.group(1))
    if match := _CASE_QUOTA.search(text or ""):
        found["case_quota"] = _number(match.group(1))  # "1—2个": at least the lower figure
    return found


def set_quotas(store: Store, campaign_id: str, *, lead_quota: int | None, case_quota: int | None) -> bool:
    for name, value in (("线索", lead_quota), ("案例", case_quota)):
        if value is not None and not 0 <= int(value) <= 100:
            raise ValidationError(f"{name}目标应是 0 到 100 之间的整数，不是 {value}。")
    with store.batch("设置线索和曝光目标", source="register") as batch:
        return update_campaign(batch, campaign_id, {"lead_quota": lead_quota, "case_quota": case_quota})


def quota_status(store: Store, campaign: dict, today: date) -> dict:
    """Units short of their leads, and months (ended or current) short of exposed cases."""
    lead_quota = campaign.get("lead_quota") or 0
    case_quota = campaign.get("case_quota") or 0
    short_units = []
    if lead_quota:
        leads = dict(
            store.conn.execute(
                "SELECT unit_id, count(*) FROM leads WHERE campaign_id = ? GROUP BY unit_id", (campaign["id"],)
            ).fetchall()
        )
        short_units = [
            {"unit_id": u["id"], "unit_name": u["name"], "leads": leads.get(u["id"], 0)}
            for u in campaign_units(store, campaign["id"])
            if leads.get(u["id"], 0) < lead_quota
        ]
    short_months = []
    if case_quota:
        published = [
            r[0]
            for r in store.conn.execute(
                "SELECT published_on FROM cases WHERE campaign_id = ? AND published_on IS NOT NULL", (campaign["id"],)
            )
        ]
        months = [
            {
                "label": p["label"],
                "start_date": p["start_date"],
                "end_date": p["end_date"],
                "cases": sum(1 for day in published if p["start_date"] <= day <= p["end_date"]),
            }
            for p in list_periods(store, campaign["id"])
            if p["kind"] == "month" and p["start_date"] <= today.isoformat()
        ]
        short_months = [m for m in months if m["cases"] < case_quota]
    return {
        "lead_quota": lead_quota,
        "case_quota": case_quota,
        "units_without_leads": short_units,
        "months_without_cases": short_months,
    }


def register_counts(store: Store, campaign_id: str, until: str | None = None) -> dict:
    """How many leads (and of them confirmed/rectified) and exposed cases (rectified) up to *until*."""
    limit = until or "9999-12-31"
    leads = store.row(
        "SELECT count(*) AS total, sum(status IN ('confirmed', 'rectified')) AS confirmed,"
        " sum(status = 'rectified') AS rectified FROM leads"
        " WHERE campaign_id = ? AND ifnull(reported_on, '') <= ?",
        (campaign_id, limit),
    )
    cases = store.row(
        "SELECT count(*) AS total, sum(status = 'rectified') AS rectified FROM cases"
        " WHERE campaign_id = ? AND ifnull(published_on, '') <= ?",
        (campaign_id, limit),
    )
    return {
        "leads": leads["total"],
        "leads_confirmed": leads["confirmed"] or 0,
        "leads_rectified": leads["rectified"] or 0,
        "cases": cases["total"],
        "cases_rectified": cases["rectified"] or 0,
    }


def register_sentence(counts: dict) -> str:
    """The sentence the summary and the brief quote; '' when nothing is registered."""
    parts = []
    if counts["leads"]:
        part = f"受理违法线索{counts['leads']}条"
        if counts["leads_confirmed"]:
            part += f"（已查实{counts['leads_confirmed']}条）"
        parts.append(part)
    if counts["cases"]:
        part = f"曝光典型案例{counts['cases']}个"
        if counts["cases_rectified"]:
            part += f"（已整改{counts['cases_rectified']}个）"
        parts.append(part)
    return "，".join(parts) + "。" if parts else ""


def lead_chase_rows(store: Store, campaign: dict, unit_rows: list[dict], today: date) -> list[dict]:
    """Rows for the chase list (shaped as models.progress.completeness rows, contacts included): the units
    short of the notice's lead quota, each saying how many leads it has sent of how many."""
    status = quota_status(store, campaign, today)
    by_unit = {row["unit_id"]: row for row in unit_rows}
    out = []
    for short in status["units_without_leads"]:
        row = by_unit.get(short["unit_id"], {"unit_id": short["unit_id"], "unit": short["unit_name"], "contacts": []})
        label = f"违法线索未达标（已报 {short['leads']} 条，至少 {status['lead_quota']} 条）"
        out.append({**row, "status": "pending", "status_label": label})
    return out
