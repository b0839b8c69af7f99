"""Faults in plain words on the command line: a locked database, a full disk, damaged vs not-Excel inputs.

Exit code 2, a Chinese sentence, no traceback, nothing changed.  A backup is taken before the
commands that change many rows.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import Workbook

from models import cli
from models.store import backups, database, opening
from tests.models.stats_files import make_template

ROOT = Path(__file__).resolve().parents[3]


def _units_xlsx(path: Path, count: int = 3000) -> Path:
    book = Workbook()
    book.active.append(["单位名称", "类别"])
    for n in range(count):
        book.active.append([f"第{n}号企业有限责任公司", "企业"])
    book.save(path)
    return path


def _cli(args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, timeout=60, cwd=ROOT
    )


def _counts(path: Path) -> tuple:
    conn = sqlite3.connect(path)
    try:
        return tuple(
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("units", "campaigns", "indicators")
        )
    finally:
        conn.close()


def test_locked_database_is_called_locked(demo_path, tmp_path):
    units = _units_xlsx(tmp_path / "单位.xlsx", 5)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3,sys\n"
            f"c=sqlite3.connect({str(demo_path)!r}, isolation_level=None); c.execute('BEGIN EXCLUSIVE')\n"
            "print('held', flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        for args in (["info", "--db", str(demo_path)], ["import-units", str(units), "--db", str(demo_path)]):
            done = _cli(args)
            assert done.returncode == 2 and "已锁定" in done.stderr, done.stderr
            assert "Traceback" not in done.stderr and "损坏" not in done.stderr
    finally:
        holder.stdin.close()
        holder.wait(10)


@pytest.fixture
def full_disk(monkeypatch):
    """Every database opened from now on may not grow by a single page (SQLite's 'database or disk is full')."""
    configure = database._configure

    def no_room(conn, readonly):
        configure(conn, readonly)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {max(pages, 1)}")

    monkeypatch.setattr(database, "_configure", no_room)


@pytest.mark.parametrize("command", ["import-units", "new-campaign", "layout"])
def test_full_disk_is_said_and_nothing_changes(demo_path, tmp_path, full_disk, capsys, command):
    args = {
        "import-units": ["import-units", str(_units_xlsx(tmp_path / "单位.xlsx")), "--db", str(demo_path)],
        "new-campaign": ["new-campaign", "--db", str(demo_path), "--year", "2031", "--copy-from", "2021"],
        "layout": [
            "new-campaign", "--db", str(demo_path), "--year", "2032",
            "--layout-from-template", str(make_template(tmp_path / "附件.xlsx", [])),
        ],
    }[command]  # fmt: skip
    before = _counts(demo_path)
    assert cli.run(args) == 2
    said = capsys.readouterr().err
    assert "磁盘已满" in said and "数据保持操作之前的样子" in said and "Traceback" not in said, said
    assert _counts(demo_path) == before


def test_a_backup_is_taken_before_import_units_new_campaign_and_layout(demo_path, tmp_path):
    steps = [
        ("导入单位前", ["import-units", str(_units_xlsx(tmp_path / "单位.xlsx", 3)), "--db", str(demo_path)]),
        ("新建活动前", ["new-campaign", "--db", str(demo_path), "--year", "2033"]),
        (
            "修改指标表前",
            ["layout", "--from-template", str(make_template(tmp_path / "附件.xlsx", [])), "--db", str(demo_path),
             "--campaign", "2033"],
        ),
    ]  # fmt: skip
    for reason, args in steps:
        assert cli.run(args) == 0
        store = opening.open_store(demo_path, readonly=True)
        try:
            assert reason in {b["reason"] for b in backups.list_backups(store)}
        finally:
            store.close()
        time.sleep(0.02)  # the next action's changes are newer than this backup


@pytest.mark.parametrize(
    ("content", "words"),
    [("cut", "不完整或已损坏"), ("csv", "文本文件（例如 CSV）")],
)
def test_damaged_workbook_and_renamed_csv_get_different_words(demo_path, tmp_path, capsys, content, words):
    path = tmp_path / "单位.xlsx"
    if content == "cut":
        good = _units_xlsx(tmp_path / "good.xlsx", 50)
        path.write_bytes(good.read_bytes()[: good.stat().st_size * 2 // 3])
    else:
        path.write_text("单位名称,类别\n白水镇,镇/街道\n", encoding="utf-8")
    assert cli.run(["import-units", str(path), "--db", str(demo_path)]) == 2
    said = capsys.readouterr().err
    assert words in said and "单位.xlsx" in said and "Traceback" not in said
