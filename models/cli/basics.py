"""Commands for the database as a whole: demo, info."""

from __future__ import annotations

from models.campaigns.campaign import list_campaigns
from models.cli import add_common
from models.demo import load_demo
from models.store.copies import manifest
from models.store.opening import open_store


def register(sub) -> None:
    add_common(sub.add_parser("demo", help="载入演示数据（两份样例通知）")).set_defaults(func=demo)
    add_common(sub.add_parser("info", help="显示数据库概况")).set_defaults(func=info)


def demo(args):
    store = open_store(args.db)
    try:
        counts = load_demo(store)
    finally:
        store.close()
    lines = [f"已载入演示数据到 {args.db}："]
    for year, c in counts.items():
        lines.append(
            f"  {year} 年：{c['units']} 个单位，{c['liaisons']} 名联络员，{c['periods']} 周，{c['figures']} 个数据"
        )
    return "\n".join(lines), {"db": args.db, "campaigns": counts}


def info(args):
    store = open_store(args.db, readonly=True)
    try:
        campaigns = list_campaigns(store)
        tables = manifest(store)["counts"]
    finally:
        store.close()
    years = "、".join(str(c["year"]) for c in campaigns) or "无"
    text = f"{args.db}：活动 {years}；" + "，".join(f"{k} {v}" for k, v in tables.items())
    return text, {"campaigns": [c["year"] for c in campaigns], "counts": tables}
