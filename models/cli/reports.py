"""Command ``report``: the summary, a weekly brief or an issued notice as an official-format PDF."""

from __future__ import annotations

from models.campaigns.campaign import campaign_by_year
from models.campaigns.periods import find_period as period_of_seq
from models.cli import add_common, week_number
from models.errors import NotFound, ValidationError
from models.store.database import Store
from models.store.opening import open_store


def register(sub) -> None:
    parser = add_common(sub.add_parser("report", help="生成活动总结、周报或通知的 PDF（公文格式）"))
    parser.add_argument("--campaign", required=True, type=int, help="活动年份，如 2021")
    parser.add_argument(
        "--kind",
        choices=("summary", "weekly", "notice", "companion"),
        default="summary",
        help="报告类型（companion：延续活动如万里行的年终总结）",
    )
    parser.add_argument("--week", type=week_number, help="周报的周次（第几周）")
    parser.add_argument("--notice", help="通知的 id 或文号（kind=notice）")
    parser.add_argument("--out", required=True, help="输出的 PDF 文件")
    parser.set_defaults(func=report)


def _notice_id(store: Store, campaign_id: str, wanted: str | None) -> str:
    from models.notices.notice import list_notices, notice_id_of

    if wanted:
        found = notice_id_of(store, wanted)
        if not found:
            raise NotFound(f"找不到通知“{wanted}”（可用通知的 id 或文号）。")
        return found
    issued = [n for n in list_notices(store, campaign_id) if n["direction"] == "issued"]
    if len(issued) != 1:
        raise ValidationError(f"本活动有 {len(issued)} 份发文通知，请用 --notice 指定 id 或文号。")
    return issued[0]["id"]


def _build(store: Store, campaign: dict, args, missing: list) -> tuple[str, str | None]:
    """Write the PDF; returns (what was printed, the saved report's id if there is one); characters no font
    could draw are added to *missing*."""
    from models.documents.pdf.build import build_notice_pdf, build_pdf
    from models.reports.report import export_report, latest_report, notice_fields

    if args.kind == "notice":
        fields = notice_fields(store, _notice_id(store, campaign["id"], args.notice))
        missing.extend(build_notice_pdf(fields, args.out))
        return f"通知 {fields['doc_number'] or fields['title']}", None
    if args.kind == "companion":
        from models.reports.companion import companion_summary_document

        build_pdf(companion_summary_document(store, campaign), args.out)
        return f"{campaign.get('companion_title') or '延续活动'}年终总结", None
    if args.kind == "weekly":
        if args.week is None:
            raise ValidationError("周报需要 --week（第几周）。")
        period = period_of_seq(store, campaign["id"], args.week)
        if period is None:
            raise NotFound(f"{campaign['year']} 年的活动没有第 {args.week} 周。")
        saved = latest_report(store, campaign["id"], "weekly", period["id"])
        what = f"第{args.week}周周报"
    else:
        period, saved, what = None, latest_report(store, campaign["id"], "summary"), "活动总结"
    if saved:
        export_report(store, saved["id"], args.out, missing=missing)
        return what, saved["id"]
    if period:
        from models.reports.brief import weekly_document

        missing.extend(build_pdf(weekly_document(store, campaign, period), args.out))
    else:
        from models.reports.summary import summary_document

        missing.extend(build_pdf(summary_document(store, campaign), args.out))
    return what, None


def report(args):
    store = open_store(args.db)
    try:
        campaign = campaign_by_year(store, args.campaign)
        missing: list = []
        what, report_id = _build(store, campaign, args, missing)
    finally:
        store.close()
    summary = f"已生成{what}：{args.out}"
    if missing:
        from models.documents.pdf.glyphs import describe

        summary += "\n" + describe(missing)
    details = {"out": args.out, "kind": args.kind, "report_id": report_id}
    details["missing_glyphs"] = [{"page": m.page, "where": m.where, "chars": m.chars} for m in missing]
    return summary, details
