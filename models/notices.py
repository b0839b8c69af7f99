"""Notices received from above and issued by the office, with contacts and attachments."""

from __future__ import annotations

from models.store import Store

DIRECTIONS = {"received": "收文", "issued": "发文"}
ATTACHMENT_KINDS = ("联络员名单", "统计表", "方案", "总结", "标语", "其他")


def list_notices(store: Store, campaign_id: str) -> list[dict]:
    return store.rows(
        "SELECT n.*, (SELECT count(*) FROM attachments a WHERE a.notice_id = n.id) AS attachment_count"
        " FROM notices n WHERE n.campaign_id = ? ORDER BY n.issue_date DESC, n.created_at DESC",
        (campaign_id,),
    )


def notice_contacts(store: Store, notice_id: str) -> list[dict]:
    return store.rows("SELECT * FROM notice_contacts WHERE notice_id = ? ORDER BY sort_order", (notice_id,))


def notice_attachments(store: Store, notice_id: str) -> list[dict]:
    return store.rows(
        "SELECT id, notice_id, seq, title, kind, template_name, length(template) AS template_size"
        " FROM attachments WHERE notice_id = ? ORDER BY seq",
        (notice_id,),
    )
