"""A mistyped command line is told in Chinese, saying which argument and what was wrong, and runs nothing."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ["import-forms", "表.xlsx", "--db", "x.db", "--campaign", "2025", "--week", "二"],
            "--week：周次须为整数（第几周），不是“二”",
        ),
        (
            ["import-forms", "表.xlsx", "--db", "x.db", "--campaign", "2025", "--week", "0"],
            "--week：周次从 1 开始，不是 0",
        ),
        (["import-forms", "--campaign", "2025"], "缺少必需的参数：--db, PATH"),
        (["info", "--db", "x.db", "--bogus"], "无法识别的参数：--bogus"),
        (["导入"], "命令 的值“导入”无效，可选：'demo'"),
        (["import-forms", "表.xlsx", "--db"], "--db 后面缺少值"),
        (["--tab", "统计"], "--tab 的值“统计”无效，可选："),  # the window's own arguments
        (["--campaign", "二〇二五"], "--campaign 的值“二〇二五”不是整数"),
    ],
)
def test_a_wrong_command_line_is_said_in_chinese_and_changes_nothing(tmp_path, args, said):
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 2
    last = done.stderr.strip().splitlines()[-1]
    assert last.startswith("参数错误：") and said in last, last
    assert "Traceback" not in done.stderr and "invalid" not in last and "argument" not in last
    assert list(tmp_path.iterdir()) == []  # no database made, nothing written
