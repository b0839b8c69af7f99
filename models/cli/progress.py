"""Commands of 每周进展: new-campaign, layout, blank-forms, import-forms, export-stats."""

from __future__ import annotations

from pathlib import Path

from models.campaigns.campaign import campaign_by_year
from models.cli import AllRefused, add_common, week_number
from models.errors import ValidationError
from models.store.opening import open_store


def register(sub) -> None:
    p = add_common(sub.add_parser("new-campaign", help="新建一年的活动（可从往年复制单位、联络员和指标表）"))
    p.add_argument("--year", type=int, required=True)
    p.add_argument("--title")
    p.add_argument("--theme")
    p.add_argument("--start", help="开始日期，默认 6 月 1 日")
    p.add_argument("--end", help="结束日期，默认 6 月 30 日")
    p.add_argument("--companion", metavar="TITLE", help="同期活动，如 安全生产万里行")
    p.add_argument("--companion-end", metavar="DATE", help="同期活动结束日期（如 2024-12-31）：另设 6 月至该月的月报期")
    p.add_argument("--copy-from", type=int, metavar="YEAR", help="从这一年复制单位、联络员和指标表")
    p.add_argument("--layout-from-template", metavar="XLSX", help="指标表取自收到的空白统计表")
    p.set_defaults(func=new_campaign)

    p = add_common(sub.add_parser("layout", help="显示活动的指标表，或从空白统计表模板读取"))
    p.add_argument("--campaign", type=int, required=True, metavar="YEAR")
    p.add_argument("--from-template", metavar="XLSX")
    p.set_defaults(func=layout)

    p = add_common(sub.add_parser("blank-forms", help="为每个单位生成某一周的空白进展统计表"))
    p.add_argument("--campaign", type=int, required=True, metavar="YEAR")
    p.add_argument("--week", type=week_number, required=True)
    p.add_argument("--out", required=True, metavar="DIR")
    p.set_defaults(func=blank_forms)

    p = add_common(sub.add_parser("import-forms", help="导入各单位交回的进展统计表（文件或文件夹）"))
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--campaign", type=int, required=True, metavar="YEAR")
    p.add_argument("--week", type=week_number, help="非本程序空白表（按模板填写的表）所属的周次")
    p.add_argument("--dry-run", action="store_true", help="只预览，不写入")
    p.set_defaults(func=import_forms)

    p = add_common(sub.add_parser("export-stats", help="导出填好的进展情况统计表"))
    p.add_argument("--campaign", type=int, required=True, metavar="YEAR")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--week", type=week_number)
    group.add_argument("--cumulative", action="store_true", help="累计到最后一周")
    p.add_argument("--template", metavar="XLSX", help="填写收到的模板（保留其格式和公式）")
    p.add_argument("--by-parent", action="store_true", help="按最上级单位汇总：每个镇（或区）一行，下级单位计入其中")
    p.add_argument("--out", required=True, metavar="FILE")
    p.set_defaults(func=export_stats)


def new_campaign(args):
    from models.new_campaign import create_campaign

    layout_items = None
    if args.layout_from_template:
        from models.progress.forms.template import layout_from_template

        layout_items = layout_from_template(Path(args.layout_from_template))
    store = open_store(args.db)
    try:
        made = create_campaign(
            store,
            args.year,
            title=args.title,
            theme=args.theme,
            start_date=args.start,
            end_date=args.end,
            companion_title=args.companion,
            companion_end_date=args.companion_end,
            copy_from=args.copy_from,
            layout=layout_items,
        )
    finally:
        store.close()
    text = (
        f"已新建 {args.year} 年活动：{made['units']} 个单位，{made['liaisons']} 名联络员，"
        f"{made['indicators']} 个指标，{made['periods']} 周。"
    )
    return text, made


def layout(args):
    from models.campaigns.layouts import header_text, layout_of, list_indicators, save_layout
    from models.progress.figures import figure_counts

    store = open_store(args.db, readonly=not args.from_template)
    try:
        campaign = campaign_by_year(store, args.campaign)
        if args.from_template:
            from models.progress.forms.template import layout_from_template

            items = layout_from_template(Path(args.from_template))
            current = layout_of(store, campaign["id"])
            if current and figure_counts(store, [i["id"] for i in list_indicators(store, campaign["id"])]):
                raise ValidationError(f"{args.campaign} 年的活动已有数据，不能整体替换指标表；请在界面中逐项修改。")
            save_layout(store, campaign["id"], items)
        items = layout_of(store, campaign["id"])
    finally:
        store.close()
    lines = [f"{args.campaign} 年指标表（{len(items)} 项）："]
    by_code = {i["code"]: i for i in items}
    for number, item in enumerate(items, start=1):
        rule = f"，不大于“{by_code[item['max_of']]['label']}”" if item["max_of"] in by_code else ""
        lines.append(f"  {number:2d}. {header_text(item)}（{item['measure'] or '—'}）{rule}")
    return "\n".join(lines), {"campaign": args.campaign, "indicators": items}


def blank_forms(args):
    from models.campaigns.periods import period_by_seq
    from models.progress.forms.blank import write_blank_forms

    store = open_store(args.db, readonly=True)
    try:
        campaign = campaign_by_year(store, args.campaign)
        period = period_by_seq(store, campaign["id"], args.week)
        files = write_blank_forms(store, campaign, period, args.out)
    finally:
        store.close()
    return f"已生成 {len(files)} 份空白表到 {args.out}", {"files": [str(f) for f in files]}


def import_forms(args):
    from models.progress.forms.importer import import_forms as run_import
    from models.progress.forms.importer import located

    store = open_store(args.db, readonly=args.dry_run)
    try:
        campaign = campaign_by_year(store, args.campaign)
        results = run_import(store, campaign, args.paths, week=args.week, dry_run=args.dry_run)
    finally:
        store.close()
    data = [r.public() for r in results]
    lines = []
    for r in results:
        if r.status == "rejected":
            lines.append(f"{r.file}：未导入——{r.errors[0]['message']}")
            continue
        if r.figures or r.narratives:
            lines.append(
                f"{r.file}：{r.unit or '—'}"
                + (f" 第{r.week}周" if r.week else "")
                + f"，新增 {r.added}，修改 {r.changed}，未变 {r.unchanged}"
                + (f"，{len(r.errors)} 处错误" if r.errors else "")
            )
        else:
            lines.append(f"{r.file}：没有可导入的数" + (f"，{len(r.errors)} 处错误" if r.errors else ""))
        lines += [f"    {located(e)}" for e in r.errors]
        lines += [f"    请注意：{located(n)}" for n in r.notes]
    lines.append("（预览，未写入）" if args.dry_run else f"共 {len(results)} 个文件。")
    if results and all(r.status == "rejected" or (r.errors and not r.figures and not r.narratives) for r in results):
        raise AllRefused("\n".join(lines), {"dry_run": args.dry_run, "files": data})
    return "\n".join(lines), {"dry_run": args.dry_run, "files": data}


def export_stats(args):
    from models.progress.statistics import export_statistics

    store = open_store(args.db, readonly=True)
    try:
        campaign = campaign_by_year(store, args.campaign)
        report = export_statistics(
            store,
            campaign,
            args.out,
            week=args.week,
            cumulative=args.cumulative,
            template=args.template,
            by_parent=args.by_parent,
        )
    finally:
        store.close()
    text = f"已导出 {report['rows']} 个单位到 {args.out}"
    if report["unmatched_columns"]:
        text += "\n模板中对不上指标的栏目（未填写）：" + "、".join(report["unmatched_columns"])
    if report["unplaced_units"]:
        text += "\n模板中没有空行，未写入的单位：" + "、".join(report["unplaced_units"])
    if report.get("empty_rows"):
        text += "\n模板中预印了但没有数据的行：" + "、".join(report["empty_rows"])
    return text, report
