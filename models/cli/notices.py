"""Commands for notices: parse-notice FILE (fields as JSON), deadlines (who has delivered what)."""

from __future__ import annotations

from models.campaigns.campaign import campaign_by_year
from models.cli import add_common
from models.clock import today
from models.notices.parser import FIELDS, found_anything, parse_notice, read_notice_file, recurring_label
from models.store.opening import open_store

_LABELS = {
    "doc_number": "文号",
    "title": "标题",
    "issuer": "发文机关",
    "issue_date": "成文日期",
    "recipients": "主送",
    "theme": "主题",
    "period_start": "活动开始",
    "period_end": "活动结束",
    "deadlines": "截止事项",
    "recurring": "定期报送",
    "contacts": "联系人",
    "attachments": "附件",
}


def register(sub) -> None:
    parser = add_common(sub.add_parser("parse-notice", help="读取通知（.txt/.docx/.pdf），输出识别出的字段"), db=False)
    parser.add_argument("file", help="通知文件（.txt、.docx 或 .pdf）")
    parser.set_defaults(func=parse_notice_command)
    deadlines = add_common(sub.add_parser("deadlines", help="列出某年活动的截止事项和各单位报送情况"))
    deadlines.add_argument("--campaign", type=int, required=True, help="活动年份，如 2021")
    deadlines.set_defaults(func=deadlines_command)


def _summary(parsed: dict) -> str:
    scalars = [k for k in FIELDS if k in _LABELS and not isinstance(parsed[k], list)]
    lines = [f"{_LABELS[k]}：{parsed[k] or '（未识别）'}" for k in scalars]
    lines += [f"截止：{d['date']} {d['what']}" for d in parsed["deadlines"]]
    for r in parsed["recurring"]:
        span = f"（{r['from']}—{r.get('until') or ''}）" if r.get("from") else ""  # no end printed: from … on
        lines.append(f"定期：{recurring_label(r)}{' ' + r['time'] if r['time'] else ''}{span} {r['what']}")
    lines += [f"附件{i}：{title}" for i, title in enumerate(parsed["attachments"], start=1)]
    lines += [
        f"联系人：{c['name'] or '（无姓名）'} {c['phone'] or ''} {c['email'] or ''}".rstrip()
        for c in parsed["contacts"]
    ]
    lines += [f"请核对（{_LABELS.get(k, k)}）：{why}" for k, why in parsed.get("unsure", {}).items()]
    if not found_anything(parsed):
        lines.append("没有识别出任何字段：请检查这是否是一份通知。")
    return "\n".join(lines)


def parse_notice_command(args):
    parsed = parse_notice(read_notice_file(args.file))
    return _summary(parsed), {key: parsed[key] for key in (*FIELDS, "confidence", "unsure")}


def deadlines_command(args):
    from models.progress.deadlines import deadline_tasks
    from models.progress.reporting import LABELS

    store = open_store(args.db, readonly=True)
    try:
        campaign = campaign_by_year(store, args.campaign)
        tasks = deadline_tasks(store, campaign["id"], today())
    finally:
        store.close()
    lines = []
    for task in tasks:
        counts = task["counts"]
        tally = "，".join(f"{word} {counts[code]}" for code, word in LABELS.items())
        lines.append(f"{task['due_date'] or ''} {task['what']}：{tally}")
    return "\n".join(lines) or "没有截止事项。", tasks
