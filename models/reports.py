"""Reports of a campaign: the summary, weekly briefs, issued notices (their drafts and state)."""

from __future__ import annotations

from models.store import Store

KINDS = {"summary": "活动总结", "weekly": "周报", "notice": "通知"}
STATES = {"draft": "草稿", "exported": "已导出"}


def list_reports(store: Store, campaign_id: str) -> list[dict]:
    return store.rows(
        "SELECT r.*, p.label AS period_label FROM reports r LEFT JOIN periods p ON p.id = r.period_id"
        " WHERE r.campaign_id = ? ORDER BY r.kind, p.seq, r.created_at",
        (campaign_id,),
    )
