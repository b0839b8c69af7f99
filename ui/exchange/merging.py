"""文件 ▸ 导入合并: one MergeSession on a connection of its own, each long step through the operation runner.

The session (the file copied, checked and staged once) lives across the steps: preview, the clerk's
changes to unit matches (staged again), the merge.  Each step runs on a worker thread with the
progress dialog; the window's own connection is not used meanwhile.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from ui.common import msgbox, operation


def tr(text: str) -> str:
    return QCoreApplication.translate("merging", text)


def import_merge(window, path: Path) -> dict | None:
    """Preview the merge of *path*, let the clerk decide, merge; the result, or None if cancelled/refused."""
    from models.exchange import merge as merging  # loaded when a merge is asked for, not at start-up
    from models.store import backups
    from ui.exchange.merge_dialog import MergeDialog

    own = operation.own_store(window.store, write=True)
    target = own if own is not None else window.store  # an in-memory store runs on the GUI thread
    run_on = None if own is not None else window.store
    box: dict = {}
    held = [False]

    def open_and_preview(_store, progress):
        progress(0, 2, tr("复制并检查对方的文件…"))
        box["session"] = merging.MergeSession(target, path)
        progress(1, 2, tr("比对两边的数据…"))
        plan = box["session"].preview()
        progress(2, 2, "")  # 取消 pressed meanwhile: the preview is dropped, nothing was written
        return plan

    def restage(choices: dict) -> dict | None:
        done = operation.run(
            window, tr("导入合并"), lambda _s, _p: session.preview(choices), store=run_on, cancellable=False
        )
        return done.value if done.ok else None

    try:
        done = operation.run(window, tr("导入合并"), open_and_preview, store=run_on)
        if not done.ok:
            return None
        plan, session = done.value, box["session"]
        if not (plan["total_changes"] or plan["total_conflicts"] or plan["history"]):
            msgbox.information(window, tr("导入合并"), "\n".join(merging.summary_lines(plan)))
            return plan
        operation.hold_collection()  # the backup's thread runs beside the window until _close has joined it
        held[0] = True
        session.start_backup(backups.make_backup)  # runs while the clerk reads the preview
        choice = MergeDialog.ask(window, plan, our_units=session.our_units(), restage=restage)
        if choice is None:
            return None
        done = operation.run(  # one batch: it is written whole or not at all, so no 取消 once it has started
            window,
            tr("导入合并"),
            lambda _s, progress: session.apply(
                decisions=choice.decisions, unit_choices=choice.unit_choices, progress=progress
            ),
            store=run_on,
            write=True,
            cancellable=False,
            label=tr("正在合并 {0} 的文件…").format(plan["office_name"]),
        )
        if not done.ok:
            return None
        result = done.value
    finally:
        try:
            _close(window, box.get("session"), own, run_on)
        finally:
            if held[0]:
                operation.release_collection()
    window.reload()
    _tell(window, result)
    return result


def _close(window, session, own, run_on) -> None:
    """Drop the staging and the private copy (and wait for a backup still running), then the connection."""

    def close(_s, _p) -> None:
        try:
            if session is not None:
                session.close()
        finally:
            if own is not None:
                own.close()

    operation.run(window, tr("导入合并"), close, store=run_on, cancellable=False)


def _tell(window, result: dict) -> None:
    taken = Path(result["backup"]).name if result.get("backup") else ""
    if result.get("undo") == "backup":
        msgbox.information(
            window,
            tr("导入合并"),
            tr(
                "已合并 {0} 的文件。数据量大，这次合并不能用“撤销”撤回；如需撤回，"
                "请在“文件 ▸ 备份与恢复”中选择合并前的备份（{1}）恢复。"
            ).format(result["office_name"], taken),
        )
    elif result.get("applied"):
        window.statusBar().showMessage(
            tr("已合并 {0} 的文件。可用“编辑 ▸ 撤销”撤回整次合并；合并前的备份：{1}").format(
                result["office_name"], taken
            ),
            15000,
        )
