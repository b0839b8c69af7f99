"""Generate the "large district" benchmark database, deterministically.

300 units in 3 categories (some under parent units), 5 campaigns of 5 weekly
periods, 30 indicators each, figures for 95 % of unit-weeks (≈214,000), 600
liaisons, 100 notices, narratives.  ``--units N`` makes a smaller one for CI.

    python bench/make_fixture.py --out bench/out/large.db [--units 300]
"""

from __future__ import annotations

import argparse
import random
import sys
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from models.campaigns.periods import next_weekday_after, week_label, weeks_between  # noqa: E402
from models.store.opening import open_store  # noqa: E402

CATEGORIES = ("镇/街道", "成员单位", "企业")
YEARS = (2020, 2021, 2022, 2023, 2024)
INDICATORS = 30
STAMP = "2024-07-01T09:00:00"


class Ids:
    def __init__(self, rng: random.Random):
        self.rng = rng

    def __call__(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))


def _insert(conn, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    names = list(rows[0])
    sql = f"INSERT INTO [{table}] ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    conn.executemany(sql, [[row[n] for n in names] for row in rows])


def _stamped(row: dict) -> dict:
    return {**row, "created_at": STAMP, "updated_at": STAMP}


def make_units(new_id, count: int) -> list[dict]:
    units = []
    parents = []
    for index in range(count):
        category = CATEGORIES[index % 3]
        parent = parents[index % len(parents)]["id"] if category == "镇/街道" and index >= 30 and parents else None
        unit = _stamped(
            {
                "id": new_id(),
                "name": f"{category[:2]}单位{index + 1:03d}",
                "category": category,
                "parent_id": parent,
                "sort_order": index,
                "active": 1,
                "notes": None,
            }
        )
        if category == "镇/街道" and index < 30:
            parents.append(unit)
        units.append(unit)
    return units


def make_campaign(conn, new_id, rng: random.Random, year: int, units: list[dict], liaisons: int, notices: int) -> None:
    campaign_id = new_id()
    _insert(
        conn,
        "campaigns",
        [
            _stamped(
                {
                    "id": campaign_id,
                    "year": year,
                    "title": f"{year}年“安全生产月”活动",
                    "theme": "安全发展",
                    "start_date": f"{year}-06-01",
                    "end_date": f"{year}-06-30",
                    "companion_title": "安全生产万里行",
                    "companion_end_date": f"{year}-12-31",
                    "office_name": "某某区安全生产委员会办公室",
                    "region_word": "全区",
                    "notes": None,
                }
            )
        ],
    )
    _insert(
        conn,
        "campaign_units",
        [
            _stamped({"id": new_id(), "campaign_id": campaign_id, "unit_id": u["id"], "sort_order": i})
            for i, u in enumerate(units)
        ],
    )
    indicators = [
        _stamped(
            {
                "id": new_id(),
                "campaign_id": campaign_id,
                "group_label": f"类别{i // 2 + 1}",
                "label": f"指标{i + 1}",
                "measure": "场次" if i % 2 == 0 else "人次",
                "sort_order": i,
                "accumulation": "weekly",
                "integer_only": 1,
                "min_value": 0,
                "max_of_id": None,
                "code": f"i{i + 1}",
            }
        )
        for i in range(INDICATORS)
    ]
    _insert(conn, "indicators", indicators)
    periods = []
    start, end = date(year, 6, 1), date(year, 6, 30)
    for seq, (first, last) in enumerate(weeks_between(start, end)[:5], start=1):
        periods.append(
            _stamped(
                {
                    "id": new_id(),
                    "campaign_id": campaign_id,
                    "seq": seq,
                    "start_date": first.isoformat(),
                    "end_date": last.isoformat(),
                    "due_date": next_weekday_after(last, 1).isoformat(),
                    "due_time": None,
                    "label": week_label(seq, first, last),
                }
            )
        )
    _insert(conn, "periods", periods)
    figures, narratives = [], []
    for period in periods:
        due = datetime.fromisoformat(period["due_date"] + "T18:00:00")
        for unit in units:
            if rng.random() >= 0.95:
                continue
            received = due + timedelta(hours=rng.randint(-70, 30))
            narratives.append(
                _stamped(
                    {
                        "id": new_id(),
                        "unit_id": unit["id"],
                        "period_id": period["id"],
                        "received_at": received.isoformat(),
                        "activities": f"{unit['name']}本周开展宣传活动。",
                        "highlights": None,
                        "problems": None,
                        "media": None,
                        "source": "fixture",
                    }
                )
            )
            for indicator in indicators:
                figures.append(
                    _stamped(
                        {
                            "id": new_id(),
                            "unit_id": unit["id"],
                            "period_id": period["id"],
                            "indicator_id": indicator["id"],
                            "value": rng.randint(0, 200),
                            "source": "fixture",
                        }
                    )
                )
    _insert(conn, "figures", figures)
    _insert(conn, "narratives", narratives)
    people = []
    for index in range(liaisons):
        unit = units[index % len(units)]
        people.append(
            _stamped(
                {
                    "id": new_id(),
                    "campaign_id": campaign_id,
                    "unit_id": unit["id"],
                    "role": "联络员" if index < len(units) else "分管领导",
                    "name": f"联络员{index + 1:03d}",
                    "position": "科员",
                    "office_phone": f"0874-{3100000 + index}",
                    "mobile": f"138{10000000 + index:08d}",
                    "email": f"user{index}@example.cn",
                    "fax": None,
                    "remarks": None,
                    "sort_order": index // len(units),
                }
            )
        )
    _insert(conn, "liaisons", people)
    for index in range(notices):
        notice_id = new_id()
        _insert(
            conn,
            "notices",
            [
                _stamped(
                    {
                        "id": notice_id,
                        "campaign_id": campaign_id,
                        "direction": "received" if index % 2 else "issued",
                        "doc_number": f"某安办〔{year}〕{index + 1}号",
                        "title": f"关于开展{year}年安全生产月活动的通知（{index + 1}）",
                        "issuer": "某某市安全生产委员会办公室",
                        "issue_date": f"{year}-05-{index % 28 + 1:02d}",
                        "recipients": "各镇（街道）",
                        "theme": "安全发展",
                        "period_start": f"{year}-06-01",
                        "period_end": f"{year}-06-30",
                        "body": "正文" * 400,
                        "based_on_id": None,
                    }
                )
            ],
        )
        _insert(
            conn,
            "attachments",
            [
                _stamped(
                    {
                        "id": new_id(),
                        "notice_id": notice_id,
                        "seq": 1,
                        "title": "活动进展情况统计表",
                        "kind": "统计表",
                        "template_name": None,
                        "template": None,
                    }
                )
            ],
        )


def make_fixture(out: Path, units: int = 300) -> Path:
    if out.exists():
        out.unlink()
    out.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(20240601)
    new_id = Ids(rng)
    store = open_store(out)
    unit_rows = make_units(new_id, units)
    with store.db.atomic():
        _insert(store.conn, "units", unit_rows)
        for index, year in enumerate(YEARS):
            make_campaign(
                store.conn,
                new_id,
                rng,
                year,
                unit_rows,
                liaisons=2 * units if index == len(YEARS) - 1 else 0,
                notices=20,
            )
    store.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(Path(__file__).parent / "out" / "large.db"))
    parser.add_argument("--units", type=int, default=300)
    args = parser.parse_args()
    path = make_fixture(Path(args.out), args.units)
    print(f"{path}: {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
