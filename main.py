"""安全生产月工作台 — entry point: the GUI, or a headless command (``python main.py demo --db X``).

Only wiring lives here: arguments, application, store, main window.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

TAB_NAMES = {
    "notices": "notices",
    "通知": "notices",
    "liaisons": "liaisons",
    "联络员": "liaisons",
    "progress": "progress",
    "每周进展": "progress",
    "reports": "reports",
    "总结报告": "reports",
    "register": "register",
    "线索曝光": "register",
}


class _Arguments(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # said as the commands say it (the words are models.cli's)
        from models.cli import said_in_chinese

        self.print_usage(sys.stderr)
        self.exit(2, f"参数错误：{said_in_chinese(message)}\n")


def gui_arguments(argv: list[str]) -> argparse.Namespace:
    parser = _Arguments(prog="main.py", description="安全生产月工作台")
    parser.add_argument(
        "file", nargs="?", help="要打开的文件：数据库 .db，或通知 .docx/.pdf/.txt、报回的表格 .xlsx（打开后导入）"
    )
    parser.add_argument("--db", help="打开这个数据库文件（默认：上次的文件或用户数据文件夹中的默认文件）")
    parser.add_argument("--readonly", action="store_true", help="以只读方式打开")
    parser.add_argument("--tab", choices=sorted(TAB_NAMES), help="启动时打开的标签页")
    parser.add_argument("--campaign", type=int, help="启动时选中的活动年份")
    parser.add_argument("--screenshot", metavar="PNG", help="在后台绘制窗口，保存截图后退出")
    return parser.parse_args(argv)


def run_gui(argv: list[str]) -> int:
    args = gui_arguments(argv)
    if args.screenshot:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.common import msgbox, settings
    from ui.shell import file_open, startup
    from ui.shell.app import create_application

    app = create_application(argv)
    if args.screenshot:
        msgbox.ANSWERS = []  # never block on a dialog when drawing offscreen
    args.db, document = file_open.split_argument(args.db, args.file)
    if document is False:
        for title, text in msgbox.SHOWN:
            print(f"{title}：{text}", file=sys.stderr)
        return 2
    settings.hold_writes()  # the last file, recent files, campaign: written once just after the first paint
    store = startup.open_initial_store(args.db, readonly=args.readonly, defer_check=True)
    if store is None:
        settings.write_held()
        for title, text in msgbox.SHOWN:
            print(f"{title}：{text}", file=sys.stderr)
        return 2
    from ui.shell.main_window import MainWindow

    # The frame shows at once, the data just after; a screenshot is drawn at the standard size and leaves the
    # clerk's window size alone (an offscreen screen is 800 px wide: a saved size shrank every later shot).
    window = MainWindow(store, fill_after_paint=True, remember_layout=not args.screenshot)
    startup.report_startup_times(window)
    window.ready.connect(settings.write_held)
    if args.campaign:
        window.select_campaign(args.campaign)
    if args.tab:
        window.show_tab(TAB_NAMES[args.tab])
    window.show()
    file_open.open_when_ready(window, document)
    if args.screenshot:
        code = startup.save_screenshot(app, window, Path(args.screenshot))
        settings.write_held()
        startup.finish_closing()
        window.store.close()
        return code
    from ui.shell.office_dialog import ask_at_first_start

    # The whole-file check of a file not known sound, writes held until it passes; then 本单位, once per file.
    window.ready.connect(lambda: startup.check_after_paint(window, then=lambda: ask_at_first_start(window)))
    code = app.exec()
    settings.write_held()  # (written after the first paint already; a window closed before it: now)
    startup.finish_closing()  # the close-time backup, begun when the window closed
    window.store.close()
    return code


def _names_a_file(arg: str) -> bool:
    """A path to open ("Open with…", a file association, a file dropped on the exe), not a command name."""
    from ui.shell.file_open import OPENABLE_SUFFIXES

    return Path(arg).suffix.lower() in OPENABLE_SUFFIXES or Path(arg).is_file()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and not argv[0].startswith("-") and not _names_a_file(argv[0]):
        from models import cli

        return cli.run(argv)
    return run_gui(argv)


if __name__ == "__main__":
    if getattr(sys, "frozen", False):  # first, in the bundle: a forms reader process must not start the app
        import multiprocessing  # (≈5 ms: only where it is needed, not before every first paint)

        multiprocessing.freeze_support()
    sys.exit(main())
