"""Commands for files between offices: pack, starter, merge, check, backup, restore."""

from __future__ import annotations

from pathlib import Path

from models.cli import add_common
from models.errors import NotFound
from models.exchange import conflicts
from models.exchange import merge as merging
from models.store import backups
from models.store import check as checking
from models.store import copies as exchange
from models.store.opening import open_store


def register(sub) -> None:
    p = add_common(sub.add_parser("pack", help="保存副本（用于 U 盘）"))
    p.add_argument("--out", required=True, help="副本文件路径")
    p.set_defaults(func=pack)
    p = add_common(sub.add_parser("starter", help="给下级单位一份起始文件（活动、单位、指标、通知，对方自己的身份）"))
    p.add_argument("--for", dest="recipient", required=True, help="接收单位的名称，作为起始文件的“本单位”")
    p.add_argument("--out", required=True, help="起始文件路径")
    p.set_defaults(func=starter)
    p = add_common(sub.add_parser("merge", help="合并另一单位的数据库文件"))
    p.add_argument("file", help="对方的数据库文件")
    p.add_argument("--dry-run", action="store_true", help="只预览，不写入")
    p.add_argument("--take", choices=("theirs", "mine"), help="冲突时采用对方（theirs）或保留本机（mine）")
    p.add_argument(
        "--no-match", action="store_true", help="不按名称对应单位（默认：对方的单位与本机同名时视为同一单位）"
    )
    p.set_defaults(func=merge)
    p = add_common(sub.add_parser("check", help="检查数据库并修复可安全修复的问题"))
    p.add_argument("--no-repair", action="store_true", help="只检查，不修复")
    p.set_defaults(func=check)
    p = add_common(sub.add_parser("backup", help="立即备份，或列出备份"))
    p.add_argument("--list", action="store_true", help="列出已有备份")
    p.add_argument("--folder", help="备份文件夹（默认：数据库旁的“备份”文件夹）")
    p.set_defaults(func=backup)
    p = add_common(sub.add_parser("restore", help="从备份恢复（先备份当前状态）"))
    p.add_argument("backup", help="备份文件路径")
    p.add_argument("--folder", help="备份文件夹（默认：数据库旁的“备份”文件夹）")
    p.set_defaults(func=restore)


def pack(args):
    info = exchange.pack_file(Path(args.db), Path(args.out))
    counts = "，".join(f"{merging.TABLE_NAMES.get(k, k)} {v}" for k, v in info["counts"].items())
    return f"已保存副本：{args.out}（{counts}）", {"out": args.out, "manifest": info}


def starter(args):
    from models.exchange.starter import make_starter_file

    info = make_starter_file(Path(args.db), Path(args.out), args.recipient)
    counts = "，".join(f"{merging.TABLE_NAMES.get(k, k)} {v}" for k, v in info["counts"].items() if v)
    lines = [
        f"已生成给“{info['office_name']}”的起始文件：{args.out}（{counts}）",
        f"对方以“{info['office_name']}”为本单位填报；交回的文件将作为该单位的文件合并。",
    ]
    return "\n".join(lines), {"out": args.out, "manifest": info}


def merge(args):
    store = open_store(args.db)
    try:
        match = not args.no_match
        if args.dry_run:
            plan = merging.preview(store, Path(args.file), match_units=match)
        else:
            plan = merging.merge(store, Path(args.file), take=args.take, backup=backups.make_backup, match_units=match)
    finally:
        store.close()
    lines = merging.summary_lines(plan)
    if args.dry_run:
        lines.append("（预览，未写入任何数据）")
    elif plan.get("applied") and plan["undo"] == "backup":
        lines.append(f"已合并。数据量大，这次合并不能用“撤销”撤回；如需撤回，请用合并前的备份恢复：{plan['backup']}")
    elif plan.get("applied"):
        lines.append("已合并（合并前已自动备份；在程序中可用“撤销”撤回整次合并）。")
    for c in plan["conflicts"][:20]:
        lines.append(f"  冲突：{conflicts.sentence(c)}")
    if len(plan["conflicts"]) > 20:
        lines.append(f"  ……另有 {len(plan['conflicts']) - 20} 处冲突（--json 列出全部）")
    plan = {k: v for k, v in plan.items()}
    return "\n".join(lines), plan


def check(args):
    store = open_store(args.db)
    try:
        result = checking.check(store, repair=not args.no_repair)
    finally:
        store.close()
    if result["ok"]:
        return "检查完毕：没有发现问题。", result
    lines = [f"发现 {len(result['problems'])} 个问题："]
    lines += [f"  {p}" for p in result["problems"][:50]]
    lines += [f"已修复：{r}" for r in result["repaired"]]
    if result["remaining"]:
        lines.append(f"仍有 {len(result['remaining'])} 个问题需要人工处理。")
    return "\n".join(lines), result


def _folder(args) -> Path | None:
    return Path(args.folder) if args.folder else None


def backup(args):
    store = open_store(args.db)
    try:
        if args.list:
            found = backups.list_backups(store, _folder(args))
            data = [{"path": str(b["path"]), "when": b["when"].isoformat(), "reason": b["reason"]} for b in found]
            lines = [f"{b['when']:%Y-%m-%d %H:%M:%S}  {b['reason']}  {b['path']}" for b in found]
            return "\n".join(lines) or "还没有备份。", data
        path = backups.make_backup(store, "手动", _folder(args))
    finally:
        store.close()
    return f"已备份到：{path}", {"backup": str(path)}


def restore(args):
    source = Path(args.backup)
    if not source.is_file():
        raise NotFound("找不到这个备份文件。", str(source))
    store = open_store(args.db)
    try:
        before = backups.restore(store, source, _folder(args))
    finally:
        store.close()
    return f"已从备份恢复。恢复前的状态已备份到：{before}", {"restored": str(source), "before": str(before)}
