"""The text gate: control and invisible characters never reach the database, by any way in; lengths limited.

Typing (a unit, a liaison), an xlsx import (units), a .docx notice, and a merge, which refuses the file by
table, row and column instead.  What was let in exports cleanly.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from models.campaigns.campaign import campaign_by_year
from models.campaigns.units import add_unit
from models.errors import ImportRejected, ValidationError
from models.exchange import merge
from models.liaisons.liaison import add_liaison
from models.notices.notice import save_parsed_notice
from models.notices.parser import parse_notice, read_notice_file
from models.store.text_gate import clean_text

ROOT = Path(__file__).resolve().parents[3]
HOSTILE = ["白水\x01镇", "五华\u200b区", "\ufeff盘龙区", "官渡\u202e区", "西山\x7f区", "呈贡\u2066区\u2069"]
CLEAN = ["白水镇", "五华区", "盘龙区", "官渡区", "西山区", "呈贡区"]
ODD = "\x00\x01\x08\x0b\x0c\x0e\x1f\x7f\x85\u200b\u200c\u200d\u200e\u200f\u202a\u202e\u2060\u2066\u2069\ufeff"


def _names(store) -> set[str]:
    return {r["name"] for r in store.rows("SELECT name FROM units")}


def _no_odd_text(store) -> None:
    for table in ("units", "liaisons", "notices", "notice_contacts", "attachments", "deadlines"):
        for row in store.rows(f"SELECT * FROM [{table}]"):
            for column, value in row.items():
                if isinstance(value, str):
                    assert not any(ch in value for ch in ODD), f"{table}.{column}: {value!r}"


def test_clean_text_keeps_chinese_punctuation_and_lines():
    assert clean_text("第一行\r\n第二行，——“引号”…\t", multiline=True) == "第一行\n第二行，——“引号”…\t"
    assert clean_text("张\t三\n", multiline=False) == "张 三 "
    assert [clean_text(h, multiline=False) for h in HOSTILE] == CLEAN


def test_typed_names_are_cleaned_and_look_alikes_are_twins(store):
    add_unit(store, "五华区")
    with pytest.raises(ValidationError, match="已有名为“五华区”"):
        add_unit(store, "五华\u200b区")
    for name in HOSTILE[:1] + HOSTILE[2:]:
        add_unit(store, name)
    assert _names(store) == set(CLEAN)


def test_over_long_text_is_refused_by_field(store):
    with pytest.raises(ValidationError, match="内容过长") as refused:
        add_unit(store, "镇" * 1_000_000)
    assert refused.value.where == "units.name"
    assert _names(store) == set()


def test_liaison_fields_are_cleaned(demo_store):
    campaign = campaign_by_year(demo_store, 2021)
    unit_id = demo_store.scalar("SELECT unit_id FROM campaign_units WHERE campaign_id = ?", (campaign["id"],))
    liaison_id = add_liaison(
        demo_store,
        campaign["id"],
        unit_id,
        {"name": "张\u200b三\x01", "mobile": "13800000000\u200e", "remarks": "备\x0b注"},
        confirmed=True,
    )
    row = demo_store.get("liaisons", liaison_id)
    assert (row["name"], row["mobile"], row["remarks"]) == ("张三", "13800000000", "备注")


def test_units_from_xlsx_are_cleaned(store, tmp_path):
    book = Workbook()
    book.active.append(["单位名称", "类别"])
    for name in ["白水\x85镇", *HOSTILE[1:]]:  # C0 controls cannot be written into an xlsx at all
        book.active.append([name, "镇/街道"])
    book.save(tmp_path / "单位.xlsx")
    store.close()
    db = store.path
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "import-units", str(tmp_path / "单位.xlsx"), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    conn = sqlite3.connect(db)
    assert {r[0] for r in conn.execute("SELECT name FROM units")} == set(CLEAN)
    conn.close()


def test_notice_from_docx_is_cleaned(demo_store, tmp_path):
    import docx

    document = docx.Document()
    text = (ROOT / "data" / "samples" / "notice-qilin-2021.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        document.add_paragraph(line.replace("安全", "安\u200b全", 1).replace("。", "。\u202e", 1))
    document.save(tmp_path / "通知.docx")
    body = read_notice_file(tmp_path / "通知.docx")
    campaign = campaign_by_year(demo_store, 2021)
    notice_id = save_parsed_notice(demo_store, campaign["id"], parse_notice(body), body)
    saved = demo_store.get("notices", notice_id)
    assert "安全" in saved["body"] and "\u200b" not in saved["body"] and "\u202e" not in saved["body"]
    _no_odd_text(demo_store)


@pytest.fixture
def incoming(demo_path, tmp_path):
    target = tmp_path / "来件.db"
    shutil.copy(demo_path, target)
    conn = sqlite3.connect(target)
    conn.execute("UPDATE meta SET value = 'other-office' WHERE key = 'office_id'")
    conn.commit()
    conn.close()
    return target


@pytest.mark.parametrize(
    ("table", "column", "value", "why"),
    [
        ("units", "name", "白水\x01镇", "含有控制字符或不可见字符"),
        ("units", "name", "五华\u200b区", "含有控制字符或不可见字符"),
        ("units", "name", "镇" * 5_000_000, "内容过长"),
        ("liaisons", "mobile", "138\u202e0000", "含有控制字符或不可见字符"),
        ("notices", "title", "通知\x1b[31m", "含有控制字符或不可见字符"),
    ],
    ids=["control", "zero-width", "15MB-name", "bidi", "escape"],
)
def test_merge_refuses_a_file_that_breaks_the_gate_naming_table_row_column(
    demo_store, incoming, table, column, value, why
):
    conn = sqlite3.connect(incoming)
    row = conn.execute(f"SELECT rowid, id FROM [{table}] ORDER BY rowid DESC LIMIT 1").fetchone()
    conn.execute(f"UPDATE [{table}] SET [{column}] = ? WHERE rowid = ?", (value, row[0]))
    conn.commit()
    conn.close()
    before = incoming.read_bytes()
    units = _names(demo_store)
    with pytest.raises(ImportRejected) as refused:
        merge.merge(demo_store, incoming)
    said = str(refused.value)
    assert f"表 {table} 第 {row[0]} 行（id {row[1]}）的 {column} 列{why}" in said and "本机数据未改动" in said
    assert _names(demo_store) == units and incoming.read_bytes() == before


def test_pasted_unit_names_are_cleaned(store):
    from models.campaigns.unit_import import entries_from_rows, import_units, pasted_rows

    pasted = "单位名称\t类别\n" + "".join(f"{name}\t镇/街道\r\n" for name in HOSTILE)
    import_units(store, entries_from_rows(pasted_rows(pasted), "粘贴"))
    assert _names(store) == set(CLEAN)


def test_returned_forms_and_liaison_lists_are_cleaned(demo_store, tmp_path):
    from models.campaigns.periods import period_by_seq
    from models.liaisons.importer import import_liaisons
    from models.progress.forms.blank import write_blank_forms
    from models.progress.forms.importer import import_forms
    from tests.models.stats_files import fill_own_form

    campaign = campaign_by_year(demo_store, 2021)
    period = period_by_seq(demo_store, campaign["id"], 5)
    (tmp_path / "forms").mkdir()
    form = write_blank_forms(demo_store, campaign, period, tmp_path / "forms")[0]
    fill_own_form(form, {2: 3}, {"B8": "组织\u200b安全宣传\u202e咨询日\x85活动"})
    for other in form.parent.iterdir():
        if other != form:
            other.unlink()
    assert [r.status for r in import_forms(demo_store, campaign, [form.parent])] == ["imported"]
    texts = [
        r["activities"] for r in demo_store.rows("SELECT activities FROM narratives WHERE activities LIKE '组织%'")
    ]
    assert "组织安全宣传咨询日\n活动" in texts

    unit = demo_store.row(
        "SELECT u.name FROM units u JOIN campaign_units cu ON cu.unit_id = u.id WHERE cu.campaign_id = ? LIMIT 1",
        (campaign["id"],),
    )["name"]
    book = Workbook()
    book.active.append(["单位", "姓名", "职务", "手机"])
    book.active.append([unit, "王\u200b五", "科员\u202e", "13900001111\ufeff"])
    (tmp_path / "liaisons").mkdir()
    book.save(tmp_path / "liaisons" / "名单.xlsx")
    plan = import_liaisons(demo_store, campaign, [tmp_path / "liaisons"])
    assert plan["counts"]["rejected"] == 0 and plan["counts"]["errors"] == 0, plan["files"]
    row = demo_store.row("SELECT name, position, mobile FROM liaisons WHERE name LIKE '王%'")
    assert (row["name"], row["position"], row["mobile"]) == ("王五", "科员", "13900001111")
    _no_odd_text(demo_store)
