"""Commands for the companion campaign's register: add-months, register-import, register-export, register-list,
register-quotas."""

from __future__ import annotations

from datetime import date

from models.campaigns.campaign import campaign_by_year
from models.cli import add_common
from models.errors import ImportRejected
from models.store.opening import open_store

_KIND_HELP = "leads（违法线索）或 cases（曝光案例）"


def register(sub) -> None:
    months = add_common(sub.add_parser("add-months", help="为活动加上延续活动（万里行等）到结束月的月报期"))
    months.add_argument("--campaign", type=int, required=True, help="活动年份")
    months.set_defaults(func=add_months_command)

    imports = add_common(sub.add_parser("register-import", help="导入报回的违法线索或曝光案例表（.xlsx）"))
    imports.add_argument("files", nargs="+", metavar="FILE", help=".xlsx 文件")
    imports.add_argument("--campaign", type=int, required=True, help="活动年份")
    imports.add_argument("--kind", choices=("leads", "cases"), required=True, help=_KIND_HELP)
    imports.add_argument("--dry-run", action="store_true", help="只预览，不写入数据库")
    imports.set_defaults(func=import_command)

    export = add_common(sub.add_parser("register-export", help="导出违法线索或曝光案例登记表（.xlsx）"))
    export.add_argument("--campaign", type=int, required=True, help="活动年份")
    export.add_argument("--kind", choices=("leads", "cases"), required=True, help=_KIND_HELP)
    export.add_argument("--out", required=True, help="输出文件（.xlsx）")
    export.set_defaults(func=export_command)

    listing = add_common(sub.add_parser("register-list", help="列出违法线索或曝光案例"))
    listing.add_argument("--campaign", type=int, required=True, help="活动年份")
    listing.add_argument("--kind", choices=("leads", "cases"), required=True, help=_KIND_HELP)
    listing.set_defaults(func=list_command)

    quotas = add_common(sub.add_parser("register-quotas", help="设置或查看线索、曝光目标及未完成的单位和月份"))
    quotas.add_argument("--campaign", type=int, required=True, help="活动年份")
    quotas.add_argument("--leads", type=int, help="每个单位至少上报的线索条数")
    quotas.add_argument("--cases", type=int, help="每月至少曝光的案例个数")
    quotas.add_argument("--today", help="按这一天判断（默认今天，YYYY-MM-DD）")
    quotas.set_defaults(func=quotas_command)


def _open(args, *, readonly: bool = False):
    store = open_store(args.db, readonly=readonly)
    try:
        return store, campaign_by_year(store, args.campaign)
    except BaseException:
        store.close()
        raise


def add_months_command(args):
    from models.campaigns.periods import add_month_periods

    store, campaign = _open(args)
    try:
        added = add_month_periods(store, campaign["id"])
    finally:
        store.close()
    return f"{args.campaign} 年活动加上了 {added} 个月报期。", {"added": added}


def import_command(args):
    from models.register.lists import apply_list, read_lists
    from models.register.records import KINDS

    kind = KINDS[args.kind]
    store, campaign = _open(args, readonly=args.dry_run)
    try:
        previews, refused = read_lists(store, kind, campaign, args.files)
        added = 0 if args.dry_run else apply_list(store, kind, campaign, previews)
    finally:
        store.close()
    lines = [f"{p['file']}：新增 {len(p['new'])} 条，已有 {p['same']} 条，错误 {len(p['errors'])} 处" for p in previews]
    lines += [f"  {error}" for p in previews for error in p["errors"]]
    lines += [f"{r['file']}：未导入：{r['message']}" for r in refused]
    lines.append("（预览，未写入）" if args.dry_run else f"共写入 {added} 条{kind.noun}。")
    if refused and not previews:
        raise ImportRejected("\n".join(lines[-len(refused) - 1 : -1]) + "\n没有可导入的文件。")
    data = {
        "added": added,
        "files": [{**{k: p[k] for k in ("file", "same", "errors")}, "new": len(p["new"])} for p in previews],
        "refused": refused,
    }
    return "\n".join(lines), data


def export_command(args):
    from models.register.lists import export_list
    from models.register.records import KINDS

    store, campaign = _open(args, readonly=True)
    try:
        target = export_list(store, KINDS[args.kind], campaign, args.out)
    finally:
        store.close()
    return f"已导出：{target}", {"out": str(target)}


def list_command(args):
    from models.register.records import KINDS, list_records

    kind = KINDS[args.kind]
    store, campaign = _open(args, readonly=True)
    try:
        rows = list_records(store, kind, campaign["id"])
    finally:
        store.close()
    text_field = next(f.name for f in kind.fields if f.required)
    lines = [f"{args.campaign} 年共 {len(rows)} 条{kind.noun}"]
    lines += [
        f"  {r.get(kind.date_field) or '（无日期）'}  {r.get('unit_name') or '（未填单位）'}  {r[text_field]}"
        for r in rows
    ]
    return "\n".join(lines), {"records": rows}


def quotas_command(args):
    from models.register.quotas import quota_status, set_quotas

    store, campaign = _open(args, readonly=args.leads is None and args.cases is None)
    try:
        if args.leads is not None or args.cases is not None:
            set_quotas(
                store,
                campaign["id"],
                lead_quota=args.leads if args.leads is not None else campaign.get("lead_quota"),
                case_quota=args.cases if args.cases is not None else campaign.get("case_quota"),
            )
            campaign = campaign_by_year(store, args.campaign)
        today = date.fromisoformat(args.today) if args.today else date.today()
        status = quota_status(store, campaign, today)
    finally:
        store.close()
    lines = [f"目标：每个单位至少 {status['lead_quota']} 条线索，每月至少 {status['case_quota']} 个曝光案例"]
    if status["lead_quota"]:
        names = "、".join(u["unit_name"] for u in status["units_without_leads"]) or "无"
        lines.append(f"线索未达标的单位：{names}")
    if status["case_quota"]:
        months = "、".join(m["label"] for m in status["months_without_cases"]) or "无"
        lines.append(f"曝光未达标的月份：{months}")
    return "\n".join(lines), status
