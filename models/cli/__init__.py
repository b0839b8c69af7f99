"""Headless commands: ``python main.py <command> --db PATH …``.

Each module in this package defines ``register(subparsers)`` adding its
commands; a command's function takes the parsed arguments and returns
``(summary_text, json_data)``.  Errors of the core become a Chinese message
on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import importlib
import json
import pkgutil
import sys

from models.errors import DeskError

# Listed for PyInstaller too (build.spec collects models.cli submodules).
_MODULES = sorted(name for _, name, _ in pkgutil.iter_modules(__path__) if not name.startswith("_"))


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own messages, in a clear frame
        self.print_usage(sys.stderr)
        self.exit(2, f"参数错误：{message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="main.py", description="安全生产月工作台的命令行功能")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name in _MODULES:
        importlib.import_module(f"{__name__}.{name}").register(sub)
    return parser


def command_names() -> set[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return set(action.choices)


def add_common(parser: argparse.ArgumentParser, *, db: bool = True) -> argparse.ArgumentParser:
    """--db and --json, which every command takes."""
    if db:
        parser.add_argument("--db", required=True, help="数据库文件路径")
    parser.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    return parser


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    try:
        summary, data = args.func(args)
    except DeskError as exc:
        if getattr(args, "json", False):
            print(json.dumps({"error": str(exc)}, ensure_ascii=False))
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    elif summary:
        print(summary)
    return 0
