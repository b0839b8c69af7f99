"""The demo database: the two sample notices with plausible units, liaisons and figures.

Deterministic (fixed seed), so tests and screenshots see the same data.
"""

from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta

from models.campaigns.campaign import add_campaign, add_campaign_unit, has_campaign
from models.campaigns.layouts import add_layout, default_layout, list_indicators
from models.campaigns.periods import add_periods, next_weekday_after, week_label, weeks_between
from models.campaigns.units import add_unit_row
from models.errors import ValidationError
from models.liaisons.liaison import add_liaison_row
from models.notices.deadlines import add_deadline, add_delivery
from models.notices.notice import NOTICE_FIELDS, insert_notice
from models.paths import data_path
from models.progress.figures import set_figures
from models.progress.narratives import add_narrative
from models.reports.report import insert_report
from models.store.database import Store
from models.store.history import Batch

# Typical weekly size of each indicator for one unit (a town, a department or a firm).
_SCALE = {
    "people": 180,
    "sessions": 3,
    "leaflets": 400,
    "banners": 8,
    "hazards_found": 12,
    "news_reports": 2,
    "new_media_posts": 6,
    "exposures": 1,
    "tip_offs": 1,
}


def _typical(code: str) -> int:
    for key, size in _SCALE.items():
        if key in code:
            return size
    return 3


def load_demo(store: Store, seed: int = 2021) -> dict:
    """Add the demo campaigns to *store*; refuses if their years are already there."""
    spec = json.loads(data_path("demo.json").read_text(encoding="utf-8"))
    years = [c["year"] for c in spec["campaigns"]]
    taken = [year for year in years if has_campaign(store, year)]
    if taken:
        raise ValidationError(f"数据库中已有 {taken[0]} 年的活动，演示数据只能载入到没有这些年份的数据库。")
    rng = random.Random(seed)
    counts = {}
    with store.batch("载入演示数据", source="demo") as batch:
        for campaign in spec["campaigns"]:
            counts[campaign["year"]] = _add_campaign(batch, campaign, spec, rng)
    return counts


def _add_campaign(batch: Batch, spec: dict, names: dict, rng: random.Random) -> dict:
    fields = (
        "year",
        "title",
        "theme",
        "start_date",
        "end_date",
        "companion_title",
        "companion_end_date",
        "office_name",
        "region_word",
    )
    campaign_id = add_campaign(batch, {k: spec[k] for k in fields})
    units = _add_units(batch, campaign_id, spec)
    liaisons = _add_liaisons(batch, campaign_id, units, names, rng)
    notice_id = _add_notice(batch, campaign_id, spec["notice"], units, rng)
    add_layout(batch, campaign_id, default_layout())
    periods = _add_periods(batch, campaign_id, spec)
    figures = _add_figures(batch, units, periods, list_indicators(batch.store, campaign_id), rng)
    if spec["year"] == 2021:
        _add_summary_draft(batch, campaign_id, spec)
    return {"units": len(units), "liaisons": liaisons, "notice": notice_id, "periods": len(periods), "figures": figures}


def _add_units(batch: Batch, campaign_id: str, spec: dict) -> list[dict]:
    units = []
    for order, (name, category) in enumerate(spec["units"]):
        unit_id = add_unit_row(batch, {"name": name, "category": category, "sort_order": order})
        add_campaign_unit(batch, campaign_id, unit_id, order)
        units.append({"id": unit_id, "name": name, "category": category})
    by_name = {u["name"]: u["id"] for u in units}
    for parent, children in spec.get("children", {}).items():
        for order, child in enumerate(children):
            add_unit_row(
                batch, {"name": child, "category": "镇/街道", "parent_id": by_name[parent], "sort_order": order}
            )
    return units


def _person(names: dict, rng: random.Random) -> str:
    return rng.choice(names["surnames"]) + rng.choice(names["given"])


def _add_liaisons(batch: Batch, campaign_id: str, units: list[dict], names: dict, rng: random.Random) -> int:
    count = 0
    for index, unit in enumerate(units):
        if index % 7 == 5:  # a few units have not named anyone yet
            continue
        add_liaison_row(
            batch,
            campaign_id,
            unit["id"],
            {
                "role": "联络员",
                "name": _person(names, rng),
                "position": rng.choice(names["positions"]),
                "office_phone": f"0874-{rng.randint(3100000, 3999999)}" if index % 3 else None,
                "mobile": f"1{rng.choice('3589')}{rng.randint(100000000, 999999999)}",
                "email": f"aqsc{rng.randint(100, 999)}@163.com" if index % 2 else None,
            },
        )
        count += 1
        if unit["category"] == "成员单位" and index % 2 == 0:
            add_liaison_row(
                batch,
                campaign_id,
                unit["id"],
                {
                    "role": "分管领导",
                    "name": _person(names, rng),
                    "position": "副局长",
                    "mobile": f"139{rng.randint(10000000, 99999999)}",
                    "sort_order": 1,
                },
            )
            count += 1
    return count


def _add_notice(batch: Batch, campaign_id: str, spec: dict, units: list[dict], rng: random.Random) -> str:
    body = data_path("samples", spec["file"]).read_text(encoding="utf-8")
    fields = {k: spec[k] for k in NOTICE_FIELDS if k != "body"}
    notice_id = insert_notice(batch, campaign_id, {"body": body, **fields}, spec["contacts"], spec["attachments"])
    for deadline in spec["deadlines"]:
        deadline_id = add_deadline(batch, campaign_id, notice_id, deadline)
        if deadline["deliverable"] == "liaison":
            due = date.fromisoformat(deadline["due_date"])
            for unit in units[: len(units) - 3]:
                delivered = due - timedelta(days=rng.randint(-2, 3))
                add_delivery(
                    batch,
                    deadline_id,
                    {
                        "unit_id": unit["id"],
                        "delivered_at": f"{delivered.isoformat()}T10:00:00",
                        "source": "demo",
                    },
                )
    return notice_id


def _add_periods(batch: Batch, campaign_id: str, spec: dict) -> list[dict]:
    periods = []
    start, end = date.fromisoformat(spec["start_date"]), date.fromisoformat(spec["end_date"])
    for seq, (first, last) in enumerate(weeks_between(start, end), start=1):
        due = next_weekday_after(last, spec["due_weekday"])
        period = {
            "seq": seq,
            "start_date": first.isoformat(),
            "end_date": last.isoformat(),
            "due_date": due.isoformat(),
            "due_time": spec["due_time"],
            "label": week_label(seq, first, last),
        }
        periods.append(period)
    for period, period_id in zip(periods, add_periods(batch, campaign_id, periods)):
        period["id"] = period_id
    return periods


def _add_figures(batch: Batch, units: list[dict], periods: list[dict], layout: list[dict], rng: random.Random) -> int:
    indicators, codes = [i["id"] for i in layout], [i["code"] for i in layout]
    figures = []
    for period in periods:
        for index, unit in enumerate(units):
            fate = rng.random()
            if fate < 0.12 or (period["seq"] == len(periods) and index % 3 == 0):
                continue  # not reported (yet)
            due = datetime.fromisoformat(f"{period['due_date']}T{period['due_time'] or '18:00'}")
            delay = timedelta(hours=rng.randint(20, 60)) if fate > 0.88 else -timedelta(hours=rng.randint(2, 70))
            add_narrative(
                batch,
                {
                    "unit_id": unit["id"],
                    "period_id": period["id"],
                    "received_at": (due + delay).isoformat(timespec="seconds"),
                    "activities": f"{unit['name']}本周开展安全宣传咨询和隐患排查，组织应急演练。",
                    "highlights": "组织“安全宣传进企业”活动，群众参与度高。" if index % 4 == 0 else None,
                    "problems": "部分企业负责人重视不够。" if index % 5 == 0 else None,
                    "source": "demo",
                },
            )
            found = None
            for indicator_id, code in zip(indicators, codes):
                value = max(0, round(rng.gauss(_typical(code), _typical(code) / 3)))
                if code == "hazards_found":
                    found = value
                if code == "hazards_fixed" and found is not None:
                    value = min(value, found)
                figures.append((unit["id"], period["id"], indicator_id, value))
    set_figures(batch, figures, source="demo")
    return len(figures)


def _add_summary_draft(batch: Batch, campaign_id: str, spec: dict) -> None:
    sections = [
        {
            "heading": "总体情况",
            "text": f"按照区安委会统一部署，{spec['region_word']}以“{spec['theme']}”为主题，"
            "扎实开展“安全生产月”和“安全生产专项整治云南行”活动。",
        },
        {"heading": "主要做法和成效", "text": "各镇（街道）和有关部门结合实际，组织开展了形式多样的宣传教育活动。"},
        {"heading": "特色亮点", "text": ""},
        {"heading": "存在问题", "text": ""},
        {"heading": "下一步工作", "text": ""},
    ]
    insert_report(
        batch,
        {
            "campaign_id": campaign_id,
            "kind": "summary",
            "title": "麒麟区2021年“安全生产月”活动总结",
            "sections": json.dumps(sections, ensure_ascii=False),
            "state": "draft",
        },
    )
