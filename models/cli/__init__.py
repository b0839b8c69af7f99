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
import re
import sqlite3
import sys

from models.errors import DeskError
from models.store import faults

# Listed for PyInstaller too (build.spec collects models.cli submodules).
_MODULES = sorted(name for _, name, _ in pkgutil.iter_modules(__path__) if not name.startswith("_"))


# argparse's own messages (Python 3.8–3.13 wording), said in Chinese; one not listed is shown as it is
_MESSAGES = [
    (r"^the following arguments are required: (.+)$", "缺少必需的参数：{0}"),
    (r"^unrecognized arguments: (.+)$", "无法识别的参数：{0}"),
    (r"^argument (\S+): invalid choice: '(.*?)' \(choose from (.+)\)$", "{0} 的值“{1}”无效，可选：{2}"),
    (r"^argument (\S+): invalid int value: '(.*)'$", "{0} 的值“{1}”不是整数"),
    (r"^argument (\S+): invalid float value: '(.*)'$", "{0} 的值“{1}”不是数字"),
    (r"^argument (\S+): expected one argument$", "{0} 后面缺少值"),
    (r"^argument (\S+): not allowed with argument (\S+)$", "{0} 不能与 {1} 同时使用"),
    (r"^one of the arguments (.+) is required$", "须给出以下参数之一：{0}"),
    (r"^argument (\S+): (.+)$", "{0}：{1}"),  # a message of our own type functions
]


def said_in_chinese(message: str) -> str:
    for pattern, chinese in _MESSAGES:
        if found := re.match(pattern, message):
            return chinese.format(*(_NAMES.get(part, part) for part in found.groups()))
    return message


_NAMES = {"command": "命令"}  # argparse's names of positional arguments the clerk never typed


def week_number(text: str) -> int:
    """--week: a week of the campaign, 1 or more (第几周)."""
    try:
        week = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"周次须为整数（第几周），不是“{text}”") from None
    if week < 1:
        raise argparse.ArgumentTypeError(f"周次从 1 开始，不是 {week}")
    return week


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own messages, in a clear frame
        self.print_usage(sys.stderr)
        self.exit(2, f"参数错误：{said_in_chinese(message)}\n")


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


class AllRefused(DeskError):
    """Every input file of a command was refused: the summary is printed, the exit code is 2."""

    def __init__(self, summary: str, data):
        super().__init__("没有导入任何内容：每个文件都被拒收（原因见上）。")
        self.summary, self.data = summary, data


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    try:
        summary, data = args.func(args)
    except AllRefused as refused:
        summary, data = refused.summary, refused.data
        _print(args, summary, data)
        print(f"错误：{refused}", file=sys.stderr)
        return 2
    except (DeskError, sqlite3.Error, OSError, MemoryError) as exc:
        error = faults.as_desk_error(exc) if not isinstance(exc, MemoryError) else DeskError("内存不足，操作未完成。")
        if getattr(args, "json", False):
            print(json.dumps({"error": str(error)}, ensure_ascii=False))
        print(f"错误：{error}", file=sys.stderr)
        return 2
    _print(args, summary, data)
    return 0


def _print(args, summary: str, data) -> None:
    try:
        if getattr(args, "json", False):
            print(json.dumps(data, ensure_ascii=False, indent=2, default=str))
        elif summary:
            print(summary)
        sys.stdout.flush()
    except BrokenPipeError:  # `main.py … | head`: the reader has gone; what was done is done, no traceback
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
