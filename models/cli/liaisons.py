"""Commands for units and liaisons: import-units, import-liaisons, export-liaisons, blank-liaison-forms."""

from __future__ import annotations

from pathlib import Path

from models.campaigns.campaign import campaign_by_year
from models.cli import AllRefused, add_common
from models.store.opening import open_store


def register(sub) -> None:
    units = add_common(
        sub.add_parser("import-units", help="从 Excel 导入单位名单（表头：单位/单位名称、类别、上级单位）")
    )
    units.add_argument("file", help="单位名单 .xlsx")
    units.add_argument("--campaign", type=int, help="同时把这些单位加入这一年的活动")
    units.set_defaults(func=import_units_command)

    liaisons = add_common(sub.add_parser("import-liaisons", help="导入各单位报回的联络员表（文件或文件夹）"))
    liaisons.add_argument("paths", nargs="+", metavar="PATH", help=".xlsx 文件或文件夹")
    liaisons.add_argument("--campaign", type=int, required=True, help="活动年份")
    liaisons.add_argument("--dry-run", action="store_true", help="只预览，不写入数据库")
    liaisons.set_defaults(func=import_liaisons_command)

    export = add_common(sub.add_parser("export-liaisons", help="导出填好的联络员名单（.xlsx 或 .pdf）"))
    export.add_argument("--campaign", type=int, required=True, help="活动年份")
    export.add_argument("--template", help="按收到的空白模板填写（.xlsx）")
    export.add_argument("--mask", action="store_true", help="隐去手机号和邮箱中间部分（138****1234）")
    export.add_argument("--out", required=True, help="输出文件（.xlsx 或 .pdf）")
    export.set_defaults(func=export_liaisons_command)

    blank = add_common(sub.add_parser("blank-liaison-forms", help="为每个单位生成空白联络员表"))
    blank.add_argument("--campaign", type=int, required=True, help="活动年份")
    blank.add_argument("--out", required=True, help="保存空白表的文件夹")
    blank.add_argument("--one", action="store_true", help="只生成一张包含全部单位的表")
    blank.set_defaults(func=blank_forms_command)


def import_units_command(args):
    from models.campaigns.unit_import import entries_from_rows, import_units, read_unit_rows

    entries = entries_from_rows(read_unit_rows(args.file), Path(args.file).name)
    store = open_store(args.db)
    try:
        campaign_id = campaign_by_year(store, args.campaign)["id"] if args.campaign else None
        result = import_units(store, entries, campaign_id)
    finally:
        store.close()
    added, matched, errors = (len(result[k]) for k in ("added", "matched", "errors"))
    lines = [f"{Path(args.file).name}：新增 {added} 个单位，已有 {matched} 个，错误 {errors} 行"]
    lines += [f"  第 {e['line']} 行 {e['name']}：{e['error']}" for e in result["errors"]]
    data = {
        "added": [e["name"] for e in result["added"]],
        "matched": [e["name"] for e in result["matched"]],
        "errors": [{"line": e["line"], "name": e["name"], "message": e["error"]} for e in result["errors"]],
        "joined_campaign": result["joined"],
    }
    return "\n".join(lines), data


def import_liaisons_command(args):
    from models.liaisons.importer import describe, import_liaisons

    store = open_store(args.db, readonly=args.dry_run)
    try:
        campaign = campaign_by_year(store, args.campaign)
        plan = import_liaisons(store, campaign, args.paths, dry_run=args.dry_run)
    finally:
        store.close()
    counts = plan["counts"]
    head = "预览（未写入）" if args.dry_run else "已导入"
    summary = (
        f"{head}：{len(plan['files'])} 个文件，新增 {counts['added']} 人，修改 {counts['changed']} 人，"
        f"未变 {counts['unchanged']} 人，错误 {counts['errors']} 处，拒收 {counts['rejected']} 个文件"
    )
    changes = [{k: v for k, v in c.items() if k != "diff"} | {"diff": _diff(c)} for c in plan["changes"]]
    data = {"dry_run": args.dry_run, "counts": counts, "files": plan["files"], "changes": changes}
    if plan["files"] and counts["rejected"] == len(plan["files"]):
        raise AllRefused("\n".join([summary, *describe(plan)]), data)
    return "\n".join([summary, *describe(plan)]), data


def _diff(change: dict) -> dict:
    return {field: {"old": old, "new": new} for field, (old, new) in change.get("diff", {}).items()}


def export_liaisons_command(args):
    from models.liaisons.export import export_liaisons

    store = open_store(args.db, readonly=True)
    try:
        campaign = campaign_by_year(store, args.campaign)
        out = export_liaisons(store, campaign, args.out, template=args.template, mask=args.mask)
    finally:
        store.close()
    masked = "（已隐去手机号和邮箱中间部分）" if args.mask else ""
    return f"已导出联络员名单：{out}{masked}", {"out": str(out), "masked": args.mask}


def blank_forms_command(args):
    from models.liaisons.forms import blank_forms

    store = open_store(args.db, readonly=True)
    try:
        campaign = campaign_by_year(store, args.campaign)
        files = blank_forms(store, campaign, args.out, one_for_all=args.one)
    finally:
        store.close()
    return f"已生成 {len(files)} 张空白联络员表，保存在 {args.out}", {"files": [str(f) for f in files]}
