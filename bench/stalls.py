"""The longest stall of the event loop (a 10 ms heartbeat) while the clerk runs the window's long actions.

    python bench/stalls.py DB FORMS_FOLDER INCOMING_DB TEMPLATE WORK_FOLDER OUT.json GROUP [--safe]

DB is the clerk's file (it lacks the campaign INCOMING_DB brings to the merge, and holds a saved summary);
the window is started on it as ``main.py --db DB`` and driven as the clerk does (bench/clerk.py): paste
and save in the grid, 累计汇总, import preview and apply, statistics exports (own layout, cumulative, into
TEMPLATE), merge preview and apply, pack, check, restore, the report PDF and printing (to a PDF file).
Per action: seconds, the longest heartbeat gap, whether a progress dialog showed, and any error.

One GROUP of actions runs per process (see GROUPS), so that a crash of the window loses one group only; OUT
is rewritten after each action.  With ``--safe`` the garbage of the actions before is collected just before
each measured one, at a moment no worker runs (the retry after a crash: see BENCHMARKS.md, 2026-12-01).
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.clerk import Clerk, end_process, later, until  # noqa: E402
from bench.heartbeat import Heartbeat  # noqa: E402

BUDGET_MS = 200
GROUPS = {
    "grid": ("paste", "totals_view"),
    "import": ("import_forms",),
    "exports": ("exports",),
    "merge": ("merge",),
    "pack": ("pack",),
    "check": ("check",),
    "restore": ("restore",),
    "report": ("report_pdf",),
    "print": ("printing",),
}
SESSION = "session"  # every group's actions in one window, in this order: does the window survive them all?


class Stalls:
    """The script: one generator per action, each measured by ``measure``."""

    def __init__(self, clerk: Clerk, args: list[Path], out: Path, safe: bool):
        self.clerk, self.out, self.safe = clerk, out, safe
        self.db, self.forms, self.incoming, self.template, self.work = args
        self.rows: list[dict] = []

    def save(self, starting: str | None = None) -> None:
        """The rows so far, and the action under way (what a crash interrupted)."""
        data = {"rows": self.rows, "running": starting}
        self.out.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")

    def measure(self, name: str, start, done, timeout: float = 600):
        """Start the heartbeat, ``later(start)``, wait until ``done(call)``; one row of the result."""
        self.save(starting=name)
        if self.safe:
            import gc

            gc.collect()
        from ui.common import msgbox

        shown = len(msgbox.SHOWN)
        beat = Heartbeat(watch_dialogs=True).start()
        started = time.perf_counter()
        call = later(start)
        error = None
        try:
            yield until(lambda: done(call), timeout, name)
        except TimeoutError as exc:
            error = str(exc)
        beat.stop()
        seconds = time.perf_counter() - started
        error = error or call.error or _message_since(shown)
        self.rows.append(
            {"action": name, "seconds": seconds, "stall_ms": beat.longest, "dialog": beat.dialog_seen, "error": error}
        )
        self.save()
        return call

    def closed(self, opened, dialog_name: str):
        """After the accepting button: the dialog must be gone (it stays open on a refusal)."""
        yield 0.1
        if not opened.returned:
            self.rows[-1]["error"] = self.rows[-1]["error"] or f"the {dialog_name} stayed open"
            yield from self.clerk.dismiss()
            yield until(lambda: opened.returned, 30, f"the {dialog_name} to close")

    def finished(self, call) -> bool:
        return call.returned and self.clerk.idle()

    def script(self, group: str):
        c = self.clerk
        yield from c.start_session()
        c.show_tab(c.window, "每周进展")
        yield until(c.idle)
        c.settle()
        names = [n for g in GROUPS.values() for n in g] if group == SESSION else GROUPS[group]
        for step in (getattr(self, name) for name in names):
            try:
                yield from step()
            except Exception as exc:  # noqa: BLE001 - a step that cannot even start is a row too
                self.rows.append({"action": step.__name__, "error": f"{type(exc).__name__}: {exc}"})
                yield from c.dismiss()
            yield 0.2

    # -- the actions ----------------------------------------------------------------
    def paste(self):
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtTest import QTest

        progress = self.clerk.page("每周进展")
        grid = self.clerk.visible_table(progress, min_rows=2)
        rows = min(300, grid.model().rowCount() - 1)
        rng = random.Random(5)
        block = "\n".join("\t".join(str(rng.randint(0, 200)) for _ in range(30)) for _ in range(rows))
        QGuiApplication.clipboard().setText(block + "\n")
        grid.setCurrentIndex(grid.model().index(0, 0))
        grid.setFocus()
        yield from self.measure(
            "paste save",
            lambda: QTest.keyClick(grid, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier),
            self.finished,
        )

    def totals_view(self):
        progress = self.clerk.page("每周进展")
        yield from self.measure("累计汇总", lambda: self.clerk.show_tab(progress, "累计汇总"), self.finished)
        self.clerk.show_tab(progress, "数据录入")

    def import_forms(self):
        from ui.progress.import_dialog import ImportDialog

        c = self.clerk
        opened = later(c.button(c.page("每周进展"), "导入表格").click)
        yield until(lambda: c.modal(ImportDialog) is not None, 60, "the import dialog")
        dialog = c.modal(ImportDialog)
        c.answers = [str(self.forms)]
        yield from self.measure("import preview", c.button(dialog, "选择文件夹").click, self.finished)
        yield from self.measure("import apply", lambda: accept(dialog), self.finished)
        yield from self.closed(opened, "import dialog")

    def exports(self):
        for name, cumulative, template in (
            ("statistics export (week)", False, ""),
            ("statistics export (cumulative)", True, ""),
            ("template export", False, str(self.template)),
        ):
            yield from self.export(name, cumulative, template)

    def export(self, name: str, cumulative: bool, template: str):
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QLineEdit, QRadioButton

        c = self.clerk
        opened = later(c.button(c.page("每周进展"), "导出统计表").click)
        yield until(lambda: c.modal() is not None, 60, "the export dialog")
        dialog = c.modal()
        edits = dialog.findChildren(QLineEdit)
        template_edit = next(e for e in edits if "格式" in e.placeholderText())
        target_edit = next(e for e in edits if e is not template_edit)
        template_edit.setText(template)
        template_edit.setFocus()
        QTest.keyClick(template_edit, Qt.Key.Key_Return)  # as typed: the template is read when the field is left
        target_edit.setText(str(self.work / f"{name}.xlsx"))
        if cumulative:
            next(b for b in dialog.findChildren(QRadioButton) if b.text().startswith("累计")).click()
        yield from self.measure(name, lambda: accept(dialog), self.finished)
        yield from self.closed(opened, "export dialog")
        if not (self.work / f"{name}.xlsx").is_file():
            self.rows[-1]["error"] = self.rows[-1]["error"] or "no file written"

    def merge(self):
        c = self.clerk
        c.answers = [str(self.incoming)]
        box: dict = {}

        def preview_shown(call) -> bool:
            box["call"] = call
            return call.returned or (c.modal() is not None and not _progress_shown())

        yield from self.measure("merge preview", c.menu_action("文件", "导入合并").trigger, preview_shown)
        if box["call"].returned:
            self.rows[-1]["error"] = self.rows[-1]["error"] or "no preview shown"
            return
        dialog = c.modal()
        yield from self.measure("merge apply", lambda: accept(dialog), lambda _: self.finished(box["call"]))

    def pack(self):
        c = self.clerk
        target = self.work / "packed.db"
        c.answers = [str(target)]
        yield from self.measure("pack", c.menu_action("文件", "保存副本").trigger, self.finished)
        if not target.is_file():
            self.rows[-1]["error"] = self.rows[-1]["error"] or "no copy written"

    def check(self):
        yield from self.measure("check", self.clerk.menu_action("文件", "检查数据库").trigger, self.finished)

    def restore(self):
        from ui.common import msgbox

        c = self.clerk
        opened = later(c.menu_action("文件", "备份与恢复").trigger)
        yield until(lambda: c.modal() is not None, 60, "the backup dialog")
        dialog = c.modal()
        table = c.visible_table(dialog)
        table.selectRow(0)
        msgbox.ANSWERS = [True]  # 要把数据库恢复到……吗？ yes
        yield from self.measure("restore", c.button(dialog, "用所选备份恢复").click, self.finished)
        msgbox.ANSWERS = []
        later(c.button(dialog, "关闭").click)
        yield until(lambda: opened.returned, 60, "the backup dialog to close")

    def reports_page(self):
        c = self.clerk
        c.show_tab(c.window, "总结报告")
        yield until(c.idle)
        reports = c.page("总结报告")
        c.visible_table(reports).selectRow(0)  # the saved summary
        yield 0.2
        return reports

    def report_pdf(self):
        c = self.clerk
        reports = yield from self.reports_page()
        pdf = self.work / "report.pdf"
        c.answers = [str(pdf)]
        yield from self.measure("report PDF", c.button(reports, "另存为 PDF").click, self.finished)
        if not pdf.is_file():
            self.rows[-1]["error"] = self.rows[-1]["error"] or "no PDF written"

    def printing(self):
        c = self.clerk
        reports = yield from self.reports_page()
        c.pdf_out = self.work / "printed.pdf"
        yield from self.measure("printing", c.button(reports, "打印").click, self.finished)
        if not c.pdf_out.is_file():
            self.rows[-1]["error"] = self.rows[-1]["error"] or "nothing printed"


def _message_since(shown: int) -> str | None:
    """An error message the window showed during the action (程序出错 …), as the row's error."""
    from ui.common import msgbox

    for title, text in msgbox.SHOWN[shown:]:
        if "出错" in title or "错误" in title:
            return f"{title}: {text.splitlines()[0][:80]}"
    return None


def _progress_shown() -> bool:
    from bench.heartbeat import progress_dialog_visible

    return progress_dialog_visible()


def accept(dialog) -> None:
    """Press the dialog's accepting button (确定, 导入, 合并 …) as the clerk would."""
    from PySide6.QtWidgets import QDialogButtonBox

    for box in dialog.findChildren(QDialogButtonBox):
        for button in box.buttons():
            if box.buttonRole(button) == QDialogButtonBox.ButtonRole.AcceptRole and button.isEnabled():
                button.click()
                return
    raise LookupError(f"no enabled accepting button in {dialog.windowTitle()}")


def main() -> None:
    *paths, out = (Path(a) for a in sys.argv[1:7])
    clerk = Clerk()
    stalls = Stalls(clerk, paths, out, safe="--safe" in sys.argv)
    clerk.run(["--db", str(paths[0]), "--tab", "notices"], lambda _c: stalls.script(sys.argv[7]))
    if clerk.failure:
        stalls.rows.append({"action": "script", "error": clerk.failure})
    stalls.save()
    end_process()


if __name__ == "__main__":
    main()
