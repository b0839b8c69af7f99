"""Reports of a campaign: the summary, weekly briefs, issued notices (their drafts, sections and state)."""

from __future__ import annotations

import json
import os

from models.campaigns.campaign import get_campaign
from models.campaigns.periods import get_period, list_periods
from models.clock import now
from models.errors import NotFound, ValidationError
from models.store.database import Store
from models.store.history import Batch

KINDS = {"summary": "活动总结", "weekly": "周报", "notice": "通知"}
STATES = {"draft": "草稿", "exported": "已导出"}


def list_reports(store: Store, campaign_id: str) -> list[dict]:
    periods = {p["id"]: p for p in list_periods(store, campaign_id)}
    rows = store.rows("SELECT * FROM reports WHERE campaign_id = ? ORDER BY kind, created_at", (campaign_id,))
    for row in rows:
        row["period_label"] = periods[row["period_id"]]["label"] if row["period_id"] in periods else None
    seq = {pid: p["seq"] for pid, p in periods.items()}
    return sorted(rows, key=lambda r: (r["kind"], r["period_id"] in seq, seq.get(r["period_id"], 0)))


def latest_report(store: Store, campaign_id: str, kind: str, period_id: str | None = None) -> dict | None:
    """The campaign's report of *kind* (of that week) saved last, if any."""
    sql = "SELECT * FROM reports WHERE campaign_id = ? AND kind = ?"
    params: list = [campaign_id, kind]
    if period_id:
        sql, params = sql + " AND period_id = ?", [*params, period_id]
    return store.row(sql + " ORDER BY updated_at DESC LIMIT 1", params)


def get_report(store: Store, report_id: str) -> dict:
    """The report row with its sections parsed into ``sections_list``."""
    report = store.get("reports", report_id)
    if report is None:
        raise NotFound("找不到这份报告（可能已被删除）。")
    return {**report, "sections_list": parse_sections(report.get("sections"))}


def parse_sections(raw: str | None) -> list[dict]:
    try:
        items = json.loads(raw) if raw else []
    except json.JSONDecodeError:
        return [{"heading": "正文", "text": raw or ""}]
    return [
        {"heading": str(i.get("heading") or ""), "text": str(i.get("text") or "")} for i in items if isinstance(i, dict)
    ]


def create_report(
    store: Store, campaign: dict, kind: str, *, period: dict | None = None, notice_id: str | None = None
) -> str:
    """A new draft: the summary with the five usual sections, a weekly brief for *period*."""
    from models.campaigns.office import office_for
    from models.reports.summary import DEFAULT_SECTIONS, default_title

    if kind not in KINDS:
        raise ValidationError(f"未知的报告类型：{kind}")
    if kind == "weekly" and period is None:
        raise ValidationError("周报需要选择周次。")
    sections = [{"heading": h, "text": ""} for h in DEFAULT_SECTIONS] if kind == "summary" else []
    title = default_title(campaign, office_for(store, campaign).name) if kind == "summary" else None
    if kind == "weekly":
        from models.reports.brief import default_title as weekly_title

        title = weekly_title(campaign, period)
    with store.batch(f"新建{KINDS[kind]}", source="reports") as batch:
        return batch.insert(
            "reports",
            {
                "campaign_id": campaign["id"],
                "kind": kind,
                "period_id": period["id"] if period else None,
                "notice_id": notice_id,
                "title": title,
                "sections": json.dumps(sections, ensure_ascii=False),
                "state": "draft",
            },
        )


def save_report(store: Store, report_id: str, title: str, sections: list[dict]) -> bool:
    """Save the title and sections (one undoable action); returns False if nothing changed."""
    clean = [{"heading": s.get("heading", "").strip(), "text": s.get("text", "").rstrip()} for s in sections]
    with store.batch("修改报告内容", source="reports") as batch:
        return batch.update(
            "reports", report_id, {"title": title.strip(), "sections": json.dumps(clean, ensure_ascii=False)}
        )


def delete_report(store: Store, report_id: str) -> None:
    with store.batch("删除报告", source="reports") as batch:
        batch.delete("reports", report_id)


def notice_fields(store: Store, notice_id: str) -> dict:
    """An issued notice as the plain dict the PDF engine prints (empty fields as "")."""
    from models.campaigns.office import office_for
    from models.notices.notice import notice_for_print

    fields = {k: "" if v is None else v for k, v in notice_for_print(store, notice_id).items()}
    if not fields.get("issuer") and fields.get("direction") != "received":
        fields["issuer"] = office_for(store, get_campaign(store, fields.get("campaign_id"))).name
    return fields


def report_document(store: Store, report: dict):
    """The document of a saved report (summary, weekly brief or notice)."""
    campaign = get_campaign(store, report["campaign_id"])
    if report["kind"] == "summary":
        from models.reports.summary import summary_document

        return summary_document(store, campaign, report)
    if report["kind"] == "weekly":
        from models.reports.brief import weekly_document

        return weekly_document(store, campaign, get_period(store, report["period_id"]), report)
    from models.documents.pdf.notice import notice_document
    from models.reports.protected import protected_words

    document = notice_document(notice_fields(store, report["notice_id"]))
    document.protected = protected_words(store, report["campaign_id"])
    return document


def export_report(
    store: Store, report_id: str, out: str | os.PathLike, *, record: bool = True, missing: list | None = None
) -> str:
    """Write the report's PDF to *out*; record it as exported (state, when, where). Characters no font could
    draw are added to *missing* (glyphs.MissingGlyphs), for the clerk to be told before printing."""
    from models.documents.pdf.build import build_pdf

    report = get_report(store, report_id)
    found = build_pdf(report_document(store, report), out)
    if missing is not None:
        missing.extend(found)
    if record and not store.readonly:
        with store.batch(f"导出{KINDS.get(report['kind'], '报告')} PDF", source="reports") as batch:
            batch.update("reports", report_id, {"state": "exported", "exported_at": now(), "exported_path": str(out)})
    return str(out)


def insert_report(batch: Batch, fields: dict) -> str:
    """A report row as given (campaign_id, kind, title, sections as JSON, state), within the caller's action."""
    return batch.insert("reports", fields)
