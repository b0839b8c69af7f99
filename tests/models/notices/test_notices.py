"""Registering, editing, drafting and deleting notices; the print hook."""

from __future__ import annotations

import openpyxl
import pytest

from models.campaigns.campaign import campaign_by_year
from models.errors import ValidationError
from models.notices.notice import (
    attachment_template,
    delete_notice,
    draft_issued_notice,
    get_notice,
    list_notices,
    notice_for_print,
    read_template,
    save_parsed_notice,
    update_notice,
)
from models.notices.parser import parse_notice, read_notice_file
from models.store import history
from tests.conftest import ROOT


@pytest.fixture
def registered(demo_store):
    campaign = campaign_by_year(demo_store, 2021)
    text = read_notice_file(ROOT / "data" / "samples" / "notice-qilin-2021.txt")
    notice_id = save_parsed_notice(demo_store, campaign["id"], parse_notice(text), text)
    return demo_store, campaign, notice_id


def test_saved_in_one_batch_with_contacts_attachments_deadlines(registered):
    store, campaign, notice_id = registered
    notice = get_notice(store, notice_id)
    assert notice["doc_number"] == "麒区安办〔2021〕16号" and notice["direction"] == "received"
    assert [c["name"] for c in notice["contacts"]] == ["夏欣"]
    assert [a["kind"] for a in notice["attachments"]] == ["统计表", "联络员名单", "标语", "其他"]
    deadlines = store.rows("SELECT kind, due_date, deliverable FROM deadlines WHERE notice_id = ?", (notice_id,))
    assert sorted((d["kind"], d["due_date"] or "", d["deliverable"]) for d in deadlines) == [
        ("once", "2021-05-21", "liaison"),
        ("once", "2021-05-28", "plan"),
        ("once", "2021-07-03", "summary"),
        ("weekly", "", "stats"),
    ]
    assert history.undoable(store)["label"].startswith("登记通知")
    history.undo(store)
    assert store.get("notices", notice_id) is None
    assert store.scalar("SELECT count(*) FROM deadlines WHERE notice_id = ?", (notice_id,)) == 0


def test_search_and_edit(registered):
    store, campaign, notice_id = registered
    assert [n["id"] for n in list_notices(store, campaign["id"], "16号 麒区")] != []
    assert list_notices(store, campaign["id"], "不存在的字") == []
    notice = get_notice(store, notice_id)
    contacts = [*notice["contacts"], {"name": "李四", "phone": "13812345678", "email": None}]
    attachments = notice["attachments"][:2]
    update_notice(store, notice_id, {**notice, "theme": "新主题"}, contacts, attachments)
    changed = get_notice(store, notice_id)
    assert changed["theme"] == "新主题"
    assert [c["name"] for c in changed["contacts"]] == ["夏欣", "李四"]
    assert len(changed["attachments"]) == 2


@pytest.mark.parametrize(("field", "value"), [("title", ""), ("issue_date", "5月17日"), ("period_end", "2021/6/30")])
def test_bad_fields_change_nothing(registered, field, value):
    store, _campaign, notice_id = registered
    before = get_notice(store, notice_id)
    with pytest.raises(ValidationError):
        update_notice(store, notice_id, {**before, field: value}, before["contacts"], before["attachments"])
    assert get_notice(store, notice_id) == before


def test_blank_template_kept_with_an_attachment(registered, tmp_path):
    store, _campaign, notice_id = registered
    book = openpyxl.Workbook()
    book.active["A1"] = "联络员名单"
    path = tmp_path / "联络员名单.xlsx"
    book.save(path)
    notice = get_notice(store, notice_id)
    name, data = read_template(path)
    attachments = [dict(a) for a in notice["attachments"]]
    attachments[1].update(template=data, template_name=name)
    update_notice(store, notice_id, notice, notice["contacts"], attachments)
    stored = attachment_template(store, attachments[1]["id"])
    assert stored[0] == "联络员名单.xlsx"
    (tmp_path / "back.xlsx").write_bytes(stored[1])
    assert openpyxl.load_workbook(tmp_path / "back.xlsx").active["A1"].value == "联络员名单"
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"PK\x03\x04oops")
    with pytest.raises(ValidationError, match="坏.xlsx"):
        read_template(bad)


def test_draft_issued_notice_and_print_hook(registered):
    store, campaign, notice_id = registered
    source = get_notice(store, notice_id)
    chosen = [source["attachments"][0]["id"], source["attachments"][1]["id"]]
    changes = {"doc_number": "某镇安办〔2021〕3号", "issuer": "某镇安委办", "recipients": "各村（社区）"}
    draft_id = draft_issued_notice(store, notice_id, changes, chosen)
    printed = notice_for_print(store, draft_id)
    assert printed["direction"] == "issued" and printed["based_on_id"] == notice_id
    assert printed["doc_number"] == "某镇安办〔2021〕3号" and printed["recipients"] == "各村（社区）"
    assert printed["theme"] == source["theme"] and printed["body"] == source["body"]
    assert printed["attachments"] == ["全国“安全生产月”活动进展情况统计表", "联络员名单"]
    assert printed["contacts"] == [{"name": "夏欣", "phone": "0874—6172266", "email": "qlqajjbgs@163.com"}]


def test_delete_notice_removes_its_parts_and_is_undoable(registered):
    store, _campaign, notice_id = registered
    draft_id = draft_issued_notice(store, notice_id, {}, [])
    delete_notice(store, notice_id)
    assert store.get("notices", notice_id) is None
    assert store.get("notices", draft_id)["based_on_id"] is None
    history.undo(store)
    assert get_notice(store, notice_id)["contacts"]
