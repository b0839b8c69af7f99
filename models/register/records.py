"""Leads and exposed cases as records: their fields, choices, checks, and writing them as undoable actions.

Both kinds are described by one :class:`Kind` (fields, Chinese labels, choices with codes), so checking,
importing and exporting work the same for both. Choices are stored as codes and shown by their labels.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import NamedTuple

from models.campaigns.campaign import campaign_units
from models.campaigns.units import unit_names as names_by_id
from models.errors import NotFound, ValidationError
from models.store.database import Store


class Field(NamedTuple):
    name: str
    label: str
    headers: tuple[str, ...] = ()  # other header words that mean this field in a returned list
    choices: dict[str, str] | None = None  # code → label
    required: bool = False
    kind: str = "text"  # text, date, unit
    max_length: int = 500


class Kind(NamedTuple):
    table: str
    noun: str  # 线索, 案例
    fields: tuple[Field, ...]
    date_field: str

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)


LEAD_SOURCES = {"public": "群众举报", "inspection": "检查发现", "media": "媒体曝光", "other": "其他"}
LEAD_STATUSES = {"checking": "核查中", "confirmed": "已查实", "unfounded": "不属实", "rectified": "已整改"}
CASE_STATUSES = {"open": "未整改", "rectifying": "整改中", "rectified": "已整改"}

LEADS = Kind(
    "leads",
    "线索",
    (
        Field("unit_id", "报送单位", ("单位", "单位名称", "填报单位", "县区", "县（市）区"), kind="unit"),
        Field("reported_on", "上报日期", ("日期", "时间", "发现时间", "举报时间"), kind="date"),
        Field("what", "违法行为", ("线索内容", "违法线索", "内容", "问题", "违法违规行为", "主要问题"), required=True),
        Field("place", "地点", ("地址", "发生地点", "涉及企业", "企业名称", "单位及地点")),
        Field("source", "线索来源", ("来源",), choices=LEAD_SOURCES),
        Field("handed_to", "移交部门", ("移交单位", "转办部门", "承办部门")),
        Field("status", "核查状态", ("状态", "办理状态", "核查情况"), choices=LEAD_STATUSES),
        Field("result", "处理结果", ("结果", "查处结果", "处理情况")),
    ),
    "reported_on",
)
CASES = Kind(
    "cases",
    "案例",
    (
        Field("unit_id", "报送单位", ("单位", "单位名称", "填报单位", "县区"), kind="unit"),
        Field("published_on", "曝光日期", ("日期", "时间", "播出时间", "刊发时间"), kind="date"),
        Field("medium", "曝光媒体", ("媒体", "媒体名称", "栏目")),
        Field("title", "标题", ("案例标题", "案例名称", "题目", "曝光内容"), required=True),
        Field("link", "链接", ("网址", "网页链接")),
        Field("concerned", "涉及单位", ("涉及企业", "企业名称", "被曝光单位")),
        Field("problem", "存在问题", ("问题", "主要问题", "问题隐患")),
        Field("status", "整改状态", ("状态", "整改情况"), choices=CASE_STATUSES),
    ),
    "published_on",
)
KINDS = {"leads": LEADS, "cases": CASES}

_DATE = re.compile(r"^\s*(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u202a\u202b\u202c\u202d\u202e"), None)


def clean_text(value) -> str:
    """One line of text: control and invisible characters out, runs of spaces as one."""
    text = str(value if value is not None else "").translate(_INVISIBLE)
    text = "".join(ch if ch.isprintable() or ch in "\n" else " " for ch in text)
    return " ".join(text.split())


def parse_date(value, year: int) -> str | None:
    """2024-07-03, 2024/7/3, 2024年7月3日, 7月3日 (the campaign's year) or an Excel date → ISO; '' → None."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    match = _DATE.match(str(value))
    if not match:
        raise ValidationError(f"“{value}”不是日期（例如 2024-07-03 或 7月3日）。")
    try:
        return date(int(match.group(1) or year), int(match.group(2)), int(match.group(3))).isoformat()
    except ValueError as exc:
        raise ValidationError(f"“{value}”不是有效日期。") from exc


def choice_code(field: Field, value) -> str | None:
    text = clean_text(value)
    if not text:
        return None
    for code, label in field.choices.items():
        if text in (code, label) or text == label.replace("媒体曝光", "媒体"):
            return code
    raise ValidationError(f"只能是 {'、'.join(field.choices.values())} 之一，不是“{text}”。")


def unit_names(store: Store, campaign_id: str) -> dict[str, str]:
    """Unit name (as written and without spaces) → id, for the units of the campaign."""
    rows = campaign_units(store, campaign_id, active_only=False)
    return {key: r["id"] for r in rows for key in (r["name"], "".join(r["name"].split()))}


def checked(store: Store, kind: Kind, campaign: dict, values: dict, names: dict[str, str] | None = None) -> dict:
    """The record's stored form; ValidationError naming the field when a value is not acceptable."""
    row: dict = {}
    for field in kind.fields:
        if field.name not in values:
            continue
        raw = values[field.name]
        try:
            if field.kind == "unit":
                row[field.name] = _unit_id(store, campaign, raw, names)
            elif field.kind == "date":
                row[field.name] = parse_date(raw, campaign["year"])
            elif field.choices:
                row[field.name] = choice_code(field, raw)
            else:
                text = clean_text(raw)
                if len(text) > field.max_length:
                    raise ValidationError(f"内容过长（{len(text)} 字，最多 {field.max_length} 字）。")
                row[field.name] = text or None
        except ValidationError as exc:
            raise ValidationError(exc.message, field.label) from None
    for field in kind.fields:
        if field.required and field.name in values and not row.get(field.name):
            raise ValidationError("不能为空。", field.label)
        if field.choices and field.name in row and row[field.name] is None:
            row.pop(field.name)  # keep the table's default (核查中 / 未整改)
    return row


def _unit_id(store: Store, campaign: dict, value, names: dict[str, str] | None) -> str | None:
    text = clean_text(value)
    if not text:
        return None
    names = names if names is not None else unit_names(store, campaign["id"])
    if text in names.values():  # already an id
        return text
    found = names.get(text) or names.get("".join(text.split()))
    if found is None:
        raise ValidationError(f"“{text}”不是本活动的单位（请先在单位名录中添加，或改成名录里的名称）。")
    return found


def add_record(store: Store, kind: Kind, campaign: dict, values: dict) -> str:
    missing = [f.label for f in kind.fields if f.required and not clean_text(values.get(f.name))]
    if missing:
        raise ValidationError("不能为空。", "、".join(missing))
    row = checked(store, kind, campaign, values)
    with store.batch(f"登记{kind.noun}", source="register") as batch:
        return batch.insert(kind.table, {"campaign_id": campaign["id"], **row})


def update_record(store: Store, kind: Kind, campaign: dict, record_id: str, values: dict) -> bool:
    _existing(store, kind, record_id)
    row = checked(store, kind, campaign, values)
    with store.batch(f"修改{kind.noun}", source="register") as batch:
        return batch.update(kind.table, record_id, row)


def delete_record(store: Store, kind: Kind, record_id: str) -> None:
    _existing(store, kind, record_id)
    with store.batch(f"删除{kind.noun}", source="register") as batch:
        batch.delete(kind.table, record_id)


def _existing(store: Store, kind: Kind, record_id: str) -> dict:
    found = store.get(kind.table, record_id)
    if found is None:
        raise NotFound(f"这条{kind.noun}已不存在（可能已被撤销或删除）。")
    return found


def list_records(store: Store, kind: Kind, campaign_id: str) -> list[dict]:
    """The campaign's records with the unit's name and the labels of their choices, newest first."""
    rows = store.rows(
        f"SELECT * FROM [{kind.table}] WHERE campaign_id = ? ORDER BY [{kind.date_field}] DESC, created_at DESC",
        (campaign_id,),
    )
    names = names_by_id(store)
    for row in rows:
        row["unit_name"] = names.get(row["unit_id"])
        for field in kind.fields:
            if field.choices:
                row[f"{field.name}_label"] = field.choices.get(row[field.name], row[field.name] or "")
    return rows
