"""Conflicts of a merge in the clerk's words: which unit, which week, which indicator or field,
this side's value and theirs, who changed it and when — never a column name or a record id."""

from __future__ import annotations

import json
import sqlite3

from models.store import attached_history

TABLE_NAMES = {
    "campaigns": "活动",
    "units": "单位",
    "campaign_units": "参加单位",
    "liaisons": "联络员",
    "notices": "通知",
    "notice_contacts": "通知联系人",
    "attachments": "附件",
    "deadlines": "时限",
    "indicators": "统计指标",
    "periods": "报送周期",
    "deliveries": "报送记录",
    "figures": "统计数据",
    "narratives": "进展情况",
    "reports": "报告",
}

FIELD_NAMES = {
    "year": "年度",
    "title": "标题",
    "theme": "主题",
    "start_date": "开始日期",
    "end_date": "结束日期",
    "companion_title": "同期活动",
    "companion_end_date": "同期活动结束日期",
    "office_name": "单位名称",
    "region_word": "地区用语",
    "notes": "备注",
    "name": "名称",
    "category": "类别",
    "parent_id": "上级单位",
    "sort_order": "排序",
    "active": "启用",
    "campaign_id": "所属活动",
    "unit_id": "单位",
    "role": "角色",
    "position": "职务",
    "office_phone": "办公电话",
    "mobile": "手机",
    "email": "邮箱",
    "fax": "传真",
    "remarks": "备注",
    "direction": "收发",
    "doc_number": "文号",
    "issuer": "发文机关",
    "issue_date": "成文日期",
    "recipients": "主送",
    "period_start": "活动开始",
    "period_end": "活动结束",
    "body": "正文",
    "based_on_id": "依据的通知",
    "notice_id": "所属通知",
    "phone": "电话",
    "seq": "序号",
    "kind": "类型",
    "template_name": "模板文件名",
    "template": "模板文件",
    "due_date": "截止日期",
    "weekday": "每周截止日",
    "day_of_month": "每月截止日",
    "due_time": "截止时间",
    "what": "报送内容",
    "deliverable": "报送材料",
    "audience": "报送单位",
    "deadline_id": "报送时限",
    "period_id": "报送周期",
    "delivered_at": "报送时间",
    "note": "说明",
    "source": "来源",
    "group_label": "指标分组",
    "label": "名称",
    "measure": "计量单位",
    "accumulation": "累计方式",
    "integer_only": "只许整数",
    "min_value": "最小值",
    "max_of_id": "不大于",
    "code": "代码",
    "indicator_id": "指标",
    "value": "数值",
    "received_at": "收到时间",
    "activities": "开展情况",
    "highlights": "亮点",
    "problems": "问题",
    "media": "图片视频",
    "sections": "正文各部分",
    "state": "状态",
    "exported_at": "导出时间",
    "exported_path": "导出位置",
}
_WORDS = {
    "direction": {"received": "收文", "issued": "发文"},
    "kind": {"once": "一次性", "weekly": "每周", "monthly": "每月", "summary": "总结", "weekly_report": "周报"},
    "accumulation": {"weekly": "按周", "cumulative": "累计"},
    "active": {0: "否", 1: "是"},
    "integer_only": {0: "否", 1: "是"},
    "state": {"draft": "草稿", "final": "定稿"},
}
_WEEKDAYS = "一二三四五六日"
# Columns the clerk never decides on: ids, stamps, where a value came from.
_QUIET = {"id", "created_at", "updated_at", "source"}
# The record a reference column points to, and how that record is named.
_REFERENCES = {
    "unit_id": "units",
    "parent_id": "units",
    "campaign_id": "campaigns",
    "period_id": "periods",
    "indicator_id": "indicators",
    "notice_id": "notices",
    "based_on_id": "notices",
    "deadline_id": "deadlines",
    "max_of_id": "indicators",
}
MAX_TEXT = 40


class _Names:
    """Names of referenced records, looked up once each (ours first, else the incoming file's)."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.cache: dict[tuple[str, str], str] = {}

    def __call__(self, table: str, record_id) -> str:
        if record_id is None:
            return ""
        key = (table, str(record_id))
        if key not in self.cache:
            self.cache[key] = self._look_up(table, str(record_id))
        return self.cache[key]

    def _look_up(self, table: str, record_id: str) -> str:
        for schema in ("main", "inc"):
            row = self.conn.execute(f"SELECT * FROM {schema}.[{table}] WHERE id = ?", (record_id,)).fetchone()
            if row is not None:
                cols = [d[0] for d in self.conn.execute(f"SELECT * FROM {schema}.[{table}] LIMIT 0").description]
                return record_name(table, dict(zip(cols, row)), self)
        return "（已删除的记录）"


def record_name(table: str, row: dict, names=None) -> str:
    """What the clerk calls the record: a unit's name, 第2周（6月7日—6月13日）, an indicator with its measure …"""
    if table == "periods":
        label = row.get("label") or f"第{row.get('seq')}周"
        return str(label)
    if table == "indicators":
        measure = f"（{row['measure']}）" if row.get("measure") else ""
        group = f"{row['group_label']} · " if row.get("group_label") else ""
        return f"{group}{row.get('label') or ''}{measure}"
    if table == "campaigns":
        return f"{row.get('year')}年 {row.get('title') or ''}".strip()
    if table == "deadlines":
        return str(row.get("what") or "报送时限")
    if table == "notices":
        number = f"（{row['doc_number']}）" if row.get("doc_number") else ""
        return f"{row.get('title') or '通知'}{number}"
    if names is not None and table in ("campaign_units",):
        return names("units", row.get("unit_id"))
    return str(row.get("name") or row.get("title") or TABLE_NAMES.get(table, "记录"))


def show_value(column: str, value, names=None) -> str:
    """One value as the clerk reads it: （空） for nothing, names for references, words for codes."""
    if value is None or value == "":
        return "（空）"
    if isinstance(value, bytes):
        return f"（文件，{len(value) // 1024 or 1} KB）"
    if column in _REFERENCES and names is not None:
        return names(_REFERENCES[column], value) or "（空）"
    if column in _WORDS:
        return _WORDS[column].get(value, str(value))
    if column == "weekday" and isinstance(value, int) and 0 <= value < 7:
        return f"星期{_WEEKDAYS[value]}"
    if column == "sections":
        try:
            value = "；".join(str(v) for v in json.loads(value).values())
        except (ValueError, AttributeError, TypeError):
            pass
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).split())
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def _where(table: str, row: dict, names: _Names) -> dict[str, str]:
    """Unit, week and indicator (or the record's own name) of a conflicting record."""
    place = {"unit": "", "period": "", "item": ""}
    if row.get("unit_id") and table != "campaign_units":
        place["unit"] = names("units", row["unit_id"])
    if row.get("period_id"):
        place["period"] = names("periods", row["period_id"])
    if table == "figures":
        place["item"] = names("indicators", row.get("indicator_id"))
    elif table == "units":
        place["unit"] = row.get("name") or ""
    elif table == "deliveries":
        place["item"] = names("deadlines", row.get("deadline_id"))
    elif table not in ("narratives",):
        place["item"] = record_name(table, row, names)
    return place


def _who(last: tuple[str | None, str | None, str] | None, offices: dict[str, str]) -> str:
    """The last recorded change of the record on one side: office, time and action."""
    if last is None:
        return ""
    office_id, created_at, label = last
    office = offices.get(office_id or "", "") or "（未命名单位）"
    when = (created_at or "")[:16].replace("T", " ")
    return f"{office}，{when}（{label}）"


def _offices(conn: sqlite3.Connection, store, incoming) -> dict[str, str]:
    """Office id → name, from what both files know."""
    known = {}
    for schema in ("inc", "main"):
        for office_id, value in attached_history.meetings(conn, schema).items():
            try:
                known[office_id] = json.loads(value).get("office_name", "")
            except (ValueError, AttributeError):
                continue
    known[incoming.office_id] = incoming.office_name
    known[store.office_id] = store.meta("office_name", "") or "本机"
    return known


def describe(conflict: dict, names: _Names, offices: dict[str, str], mine_by: str, theirs_by: str) -> dict:
    """One conflict in the clerk's words; *mine_by* / *theirs_by*: who changed it last on each side."""
    table, mine, theirs = conflict["table"], conflict["mine"], conflict["theirs"]
    differing = [c for c in mine if c not in _QUIET and mine.get(c) != theirs.get(c)]
    fields = [
        {
            "field": FIELD_NAMES.get(c, "其他内容"),
            "mine": show_value(c, mine.get(c), names),
            "theirs": show_value(c, theirs.get(c), names),
        }
        for c in differing
    ]
    place = _where(table, mine, names)
    label = " · ".join(p for p in (place["unit"], place["period"], place["item"]) if p) or TABLE_NAMES.get(table, "")
    return {
        **conflict,
        **place,
        "what": TABLE_NAMES.get(table, "记录"),
        "label": label,
        "fields": fields,
        "mine_by": mine_by,
        "theirs_by": theirs_by,
    }


def describe_all(conn: sqlite3.Connection, found: list[dict], store, incoming) -> list[dict]:
    names = _Names(conn)
    offices = _offices(conn, store, incoming)
    ours = [(c["table"], str(c["mine"]["id"])) for c in found]
    theirs = [(c["table"], str(c.get("their_id") or c["theirs"]["id"])) for c in found]
    mine_last = attached_history.last_changes(conn, "main", ours)  # one query per side, not two per conflict
    their_last = attached_history.last_changes(conn, "inc", theirs)
    return [
        describe(c, names, offices, _who(mine_last.get(o), offices), _who(their_last.get(t), offices))
        for c, o, t in zip(found, ours, theirs)
    ]


def sentence(conflict: dict) -> str:
    """One line: 城关镇 · 第2周（…） · 应急演练（场次）：数值 本机 12，对方 15（本机：…；对方：…）."""
    values = "；".join(f"{f['field']} 本机 {f['mine']}，对方 {f['theirs']}" for f in conflict["fields"]) or "内容不同"
    who = "；".join(
        part
        for part in (
            f"本机由 {conflict['mine_by']} 修改" if conflict.get("mine_by") else "",
            f"对方由 {conflict['theirs_by']} 修改" if conflict.get("theirs_by") else "",
        )
        if part
    )
    return f"{conflict['what']}：{conflict['label']}：{values}" + (f"（{who}）" if who else "")
