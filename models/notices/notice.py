"""Notices received from above and issued by the office, with contacts and attachments."""

from __future__ import annotations

import re
from pathlib import Path

from models.documents.xlsx_io import check_xlsx
from models.errors import ImportRejected, NotFound, ValidationError
from models.store.database import Store
from models.store.history import Batch

DIRECTIONS = {"received": "收文", "issued": "发文"}
ATTACHMENT_KINDS = ("联络员名单", "统计表", "方案", "总结", "标语", "其他")
# What a notice says of itself (the parser proposes them; the clerk confirms): one list for both.
TEXT_FIELDS = ("doc_number", "title", "issuer", "issue_date", "recipients", "theme", "period_start", "period_end")
NOTICE_FIELDS = ("direction", *TEXT_FIELDS, "body")
_KIND_WORDS = (("联络员", "联络员名单"), ("总结", "总结"), ("统计", "统计表"), ("方案", "方案"), ("标语", "标语"))
_DELIVERABLE_WORDS = (
    ("联络员", "liaison"),
    ("总结", "summary"),
    ("统计", "stats"),
    ("进展", "stats"),
    ("方案", "plan"),
)


def attachment_kind(title: str) -> str:
    return next((kind for word, kind in _KIND_WORDS if word in title), "其他")


def deliverable_of(what: str) -> str:
    return next((kind for word, kind in _DELIVERABLE_WORDS if word in what), "other")


def list_notices(store: Store, campaign_id: str, search: str = "") -> list[dict]:
    rows = store.rows(
        "SELECT n.*, (SELECT count(*) FROM attachments a WHERE a.notice_id = n.id) AS attachment_count"
        " FROM notices n WHERE n.campaign_id = ? ORDER BY n.issue_date DESC, n.created_at DESC",
        (campaign_id,),
    )
    if search:
        words = search.lower().split()
        rows = [r for r in rows if all(w in " ".join(str(v) for v in r.values() if v).lower() for w in words)]
    return rows


def notice_id_of(store: Store, wanted: str) -> str | None:
    """The id of the notice whose id or 文号 is *wanted*."""
    return store.scalar("SELECT id FROM notices WHERE id = ? OR doc_number = ?", (wanted, wanted))


def get_notice(store: Store, notice_id: str) -> dict:
    notice = store.get("notices", notice_id)
    if notice is None:
        raise NotFound("通知不存在（可能已被删除或撤销）。")
    return {
        **notice,
        "contacts": notice_contacts(store, notice_id),
        "attachments": notice_attachments(store, notice_id),
    }


def notice_contacts(store: Store, notice_id: str) -> list[dict]:
    return store.rows("SELECT * FROM notice_contacts WHERE notice_id = ? ORDER BY sort_order", (notice_id,))


def notice_attachments(store: Store, notice_id: str) -> list[dict]:
    return store.rows(
        "SELECT id, notice_id, seq, title, kind, template_name, length(template) AS template_size"
        " FROM attachments WHERE notice_id = ? ORDER BY seq",
        (notice_id,),
    )


def _check(fields: dict) -> dict:
    fields = {k: (v.strip() if isinstance(v, str) else v) or None for k, v in fields.items()}
    if not fields.get("title"):
        raise ValidationError("通知的标题不能为空。")
    for key, label in (("issue_date", "成文日期"), ("period_start", "活动开始日期"), ("period_end", "活动结束日期")):
        if fields.get(key) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", fields[key]):
            raise ValidationError(f"{label}“{fields[key]}”不是日期，请写成 2021-05-17 的样子。")
    return fields


def _save_lists(batch: Batch, notice_id: str, contacts: list[dict], attachments: list[dict]) -> None:
    """Replace the notice's contacts and attachments by the given lists (rows with an id are kept)."""
    keep = {c["id"] for c in contacts if c.get("id")}
    for old in notice_contacts(batch.store, notice_id):
        if old["id"] not in keep:
            batch.delete("notice_contacts", old["id"])
    for order, contact in enumerate(contacts):
        row = {k: (contact.get(k) or None) for k in ("name", "phone", "email")}
        if not any(row.values()):
            continue
        if contact.get("id"):
            batch.update("notice_contacts", contact["id"], {**row, "sort_order": order})
        else:
            batch.insert("notice_contacts", {"notice_id": notice_id, "sort_order": order, **row})
    keep = {a["id"] for a in attachments if a.get("id")}
    for old in notice_attachments(batch.store, notice_id):
        if old["id"] not in keep:
            batch.delete("attachments", old["id"])
    for seq, attachment in enumerate((a for a in attachments if (a.get("title") or "").strip()), start=1):
        row = {"seq": seq, "title": attachment["title"].strip(), "kind": attachment.get("kind") or "其他"}
        if "template" in attachment:
            row.update(template=attachment["template"], template_name=attachment.get("template_name"))
        if attachment.get("id"):
            batch.update("attachments", attachment["id"], row)
        else:
            batch.insert("attachments", {"notice_id": notice_id, **row})


def save_parsed_notice(store: Store, campaign_id: str, parsed: dict, body: str, direction: str = "received") -> str:
    """Register a notice as confirmed by the clerk: notice, contacts, attachments and deadlines in one batch."""
    fields = _check({**{k: parsed.get(k) for k in NOTICE_FIELDS}, "body": body, "direction": direction})
    attachments = [
        t if isinstance(t, dict) else {"title": t, "kind": attachment_kind(t)} for t in parsed.get("attachments", [])
    ]
    with store.batch(f"登记通知 {fields.get('doc_number') or fields['title'][:20]}", source="notice") as batch:
        notice_id = batch.insert("notices", {"campaign_id": campaign_id, **fields})
        _save_lists(batch, notice_id, parsed.get("contacts", []), attachments)
        for item in parsed.get("deadlines", []):
            if item.get("what"):
                batch.insert(
                    "deadlines",
                    {
                        "campaign_id": campaign_id,
                        "notice_id": notice_id,
                        "kind": "once",
                        "due_date": item.get("date"),
                        "due_time": item.get("time"),
                        "what": item["what"],
                        "deliverable": item.get("deliverable") or deliverable_of(item["what"]),
                        "audience": item.get("audience"),
                    },
                )
        for item in parsed.get("recurring", []):
            if item.get("what") and (item.get("weekday") or item.get("day_of_month")):
                batch.insert(
                    "deadlines",
                    {
                        "campaign_id": campaign_id,
                        "notice_id": notice_id,
                        "kind": "weekly" if item.get("weekday") else "monthly",
                        "weekday": item.get("weekday"),
                        "day_of_month": item.get("day_of_month"),
                        "due_time": item.get("time"),
                        "what": item["what"],
                        "deliverable": item.get("deliverable") or ("stats" if item.get("weekday") else "other"),
                    },
                )
    return notice_id


def update_notice(store: Store, notice_id: str, fields: dict, contacts: list[dict], attachments: list[dict]) -> None:
    get_notice(store, notice_id)
    fields = _check({k: fields.get(k) for k in NOTICE_FIELDS if k in fields})
    with store.batch(f"修改通知 {fields.get('doc_number') or fields['title'][:20]}") as batch:
        batch.update("notices", notice_id, fields)
        _save_lists(batch, notice_id, contacts, attachments)


def read_template(path: str | Path) -> tuple[str, bytes]:
    """A blank xlsx template to keep with an attachment; refuses what is not an xlsx workbook."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ValidationError("附件模板须是 Excel 工作簿（.xlsx）。", path.name)
    try:
        check_xlsx(path)  # a bomb or a renamed file is refused before openpyxl reads it
    except ImportRejected as exc:
        raise ValidationError(exc.message, exc.where) from exc
    data = path.read_bytes()
    import io

    from openpyxl import load_workbook  # lazy: heavy

    try:
        load_workbook(io.BytesIO(data), read_only=True).close()
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on broken files
        raise ValidationError(f"Excel 文件已损坏，无法打开（{exc}）。", path.name) from exc
    return path.name, data


def attachment_template(store: Store, attachment_id: str) -> tuple[str, bytes] | None:
    row = store.row("SELECT template_name, template FROM attachments WHERE id = ?", (attachment_id,))
    return (row["template_name"] or "模板.xlsx", row["template"]) if row and row["template"] else None


def delete_notice(store: Store, notice_id: str) -> None:
    notice = get_notice(store, notice_id)
    with store.batch(f"删除通知 {notice['doc_number'] or notice['title'][:20]}") as batch:
        for table in ("notice_contacts", "attachments"):
            for row in store.rows(f"SELECT id FROM [{table}] WHERE notice_id = ?", (notice_id,)):
                batch.delete(table, row["id"])
        for deadline in store.rows("SELECT id FROM deadlines WHERE notice_id = ?", (notice_id,)):
            for row in store.rows("SELECT id FROM deliveries WHERE deadline_id = ?", (deadline["id"],)):
                batch.delete("deliveries", row["id"])
            batch.delete("deadlines", deadline["id"])
        for row in store.rows("SELECT id FROM notices WHERE based_on_id = ?", (notice_id,)):
            batch.update("notices", row["id"], {"based_on_id": None})
        batch.delete("notices", notice_id)


def draft_issued_notice(store: Store, source_id: str, changes: dict, attachment_ids: list[str] | None = None) -> str:
    """The office's own notice drafted from a received one: fields copied, then *changes* applied."""
    source = get_notice(store, source_id)
    fields = {k: source[k] for k in NOTICE_FIELDS}
    fields.update({k: v for k, v in changes.items() if k in NOTICE_FIELDS})
    fields = _check({**fields, "direction": "issued"})
    chosen = [a for a in source["attachments"] if attachment_ids is None or a["id"] in attachment_ids]
    contacts = changes.get("contacts", [{k: c[k] for k in ("name", "phone", "email")} for c in source["contacts"]])
    with store.batch(f"起草本级通知 {fields.get('doc_number') or fields['title'][:20]}") as batch:
        notice_id = batch.insert("notices", {"campaign_id": source["campaign_id"], "based_on_id": source_id, **fields})
        copies = []
        for attachment in chosen:
            full = store.get("attachments", attachment["id"])
            copies.append({k: full[k] for k in ("title", "kind", "template", "template_name")})
        _save_lists(batch, notice_id, [{k: c.get(k) for k in ("name", "phone", "email")} for c in contacts], copies)
    return notice_id


def notice_for_print(store: Store, notice_id: str) -> dict:
    """Everything the official-format PDF (report engine) needs: every field, contacts, attachment titles."""
    notice = get_notice(store, notice_id)
    return {
        **{k: notice[k] for k in ("id", "campaign_id", "based_on_id", *NOTICE_FIELDS)},
        "contacts": [{k: c[k] for k in ("name", "phone", "email")} for c in notice["contacts"]],
        "attachments": [a["title"] for a in notice["attachments"]],
    }


def insert_notice(batch: Batch, campaign_id: str, fields: dict, contacts: list[dict], attachments: list[dict]) -> str:
    """A notice with its contacts and attachments (numbered from 1) as given: for data made by the program itself."""
    notice_id = batch.insert("notices", {"campaign_id": campaign_id, **fields})
    for order, contact in enumerate(contacts):
        batch.insert("notice_contacts", {"notice_id": notice_id, "sort_order": order, **contact})
    for seq, attachment in enumerate(attachments, start=1):
        batch.insert("attachments", {"notice_id": notice_id, "seq": seq, **attachment})
    return notice_id
