"""The header of a liaison list: which column holds which field, and whose it is when a row names several people.

A column title is known by its words (姓名, 联络人姓名, 人员姓名 → name; 移动电话, 联系人手机 → mobile …),
not by a fixed list of whole titles.  A row holds as many people as its header has name columns: under group
titles (分管安全领导 / 安全生产联络员, or any title over a 姓名 column), as repeated runs (姓名 手机 姓名 手机),
or as columns titled by a role ("分管领导（姓名、电话）").  A row of title–value pairs (姓名 | 高文静 | 手机 | …)
is a filled-in registration form or an info line, never a table header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

LABELS = {
    "unit_name": (
        "单位",
        "单位名称",
        "填报单位",
        "所在单位",
        "工作单位",
        "报送单位",
        "部门",
        "乡镇（街道）",
        "乡镇",
        "街道",
        "镇街",
        "乡镇/街道",
        "镇/街道",
        "乡镇街道",
    ),
    "unit_position": ("单位及职务", "单位和职务", "单位、职务", "单位职务", "工作单位及职务"),
    "role": ("角色", "类别", "身份"),
    "name": ("姓名", "联络员", "联络员姓名", "联系人", "联系人姓名", "联络人"),
    "position": ("职务", "职务职称", "职位"),
    "office_phone": ("办公电话", "固定电话", "座机", "电话", "联系电话", "办公室电话"),
    "phone": ("联系方式", "联系电话（手机）"),
    "mobile": ("手机", "手机号码", "手机号", "移动电话"),
    "email": ("邮箱", "电子邮箱", "电子邮件", "email", "e-mail", "邮件"),
    "fax": ("传真", "传真号码"),
    "remarks": ("备注",),
    "seq": ("序号", "编号"),
    "ignored": ("微信", "微信号", "性别", "QQ", "QQ号"),
}
# A title not in LABELS is known by how it ends (安全生产联络人, 联系人手机, 人员姓名); the phone words first.
_ENDINGS = (
    ("mobile", ("手机", "手机号", "手机号码", "移动电话")),
    ("fax", ("传真", "传真号码")),
    ("office_phone", ("办公电话", "固定电话", "座机", "办公室电话", "电话")),
    ("phone", ("联系方式",)),
    ("email", ("邮箱", "电子邮件", "email", "邮箱地址", "e-mail")),
    ("name", ("姓名", "联络人", "联系人", "联络员")),
    ("position", ("职务", "职位", "职称")),
    ("unit_name", ("单位", "单位名称", "部门名称")),
    ("role", ("角色", "类别")),
)
_ROLE_TITLE = re.compile(
    r"^(?:主要|分管|安全生产|安全|工作|业务|应急)*(领导|负责人|联络员|联系人|联络人)(?:信息|人员)?$"
)
PERSONAL = {"name", "position", "office_phone", "mobile", "phone", "email", "fax", "role"}
HEADER_SEARCH_ROWS = 20


def label_key(value) -> str:
    """A header cell's text without spaces, line breaks or a bracketed hint: '手机号码（必填）' → '手机号码'."""
    text = re.sub(r"[（(][^）)]*[）)]", "", str(value or ""))
    return re.sub(r"[\s*:：]", "", text).lower()


_BY_LABEL = {label_key(word): field for field, words in LABELS.items() for word in words}


def field_of(value) -> str | None:
    """The field a column title means, or None."""
    if not isinstance(value, str):
        return None
    key = label_key(value)
    if key in _BY_LABEL:
        return _BY_LABEL[key]
    if not key or len(key) > 10:
        return None
    for found, endings in _ENDINGS:
        if key.endswith(endings):
            return found
    if role_word(key):
        return "name"  # 分管领导（姓名、电话）: a column of people of that role
    return None


def role_word(key: str) -> str | None:
    """The role a title names (安全生产联络员 → 联络员, 分管安全领导 / 主要负责人 → 分管领导), or None."""
    found = _ROLE_TITLE.match(key)
    if found is None:
        return None
    return "联络员" if found.group(1) in ("联络员", "联系人", "联络人") else "分管领导"


def header_columns(values: list) -> dict[str, int]:
    columns: dict[str, int] = {}
    for column, value in enumerate(values):
        found = field_of(value)
        if found and found not in columns:
            columns[found] = column
    return columns


def find_header(rows: list[list]) -> tuple[int, dict[str, int]] | None:
    """Index of the header row (姓名 and a phone or mobile column) and its columns."""
    for number, values in enumerate(rows[:HEADER_SEARCH_ROWS]):
        columns = header_columns(values)
        if "name" in columns and ({"mobile", "office_phone", "email", "unit_name", "phone"} & set(columns)):
            return number, columns
    return None


@dataclass
class Band:
    """A people table's header: its rows and, per column, (field, role) and the person (slot) it belongs to."""

    first: int
    last: int
    fields: dict[int, tuple[str, str | None]]
    slots: dict[int, int] = field(default_factory=dict)  # column → person number in the row; absent: shared


def lookup(sheet):
    from models.documents.sheet_grids import merged_lookup

    return merged_lookup(sheet.merges)


def cell(sheet, merged, r: int, c: int):
    r, c = merged.get((r, c), (r, c))
    if 0 < r <= len(sheet.rows) and 0 < c <= len(sheet.rows[r - 1]):
        return sheet.rows[r - 1][c - 1]
    return None


def pairs_in_row(sheet, merged, r: int, width: int) -> list[tuple[int, str]]:
    """(title column, field) of each title followed by a value in row *r* (姓名 | 高文静 | 手机 | 139…)."""
    found = []
    for c in range(1, width):
        title = field_of(cell(sheet, merged, r, c))
        if not title:
            continue
        nxt = c + 1
        while nxt <= width and merged.get((r, nxt), (r, nxt)) == merged.get((r, c), (r, c)):
            nxt += 1  # a title merged over several columns: its value follows the merge
        value = cell(sheet, merged, r, nxt)
        if value not in (None, "") and field_of(value) is None and not _looks_title(value):
            found.append((c, title))
    return found


def _looks_title(value) -> bool:
    return isinstance(value, str) and label_key(value) in ("身份证号", "身份证号码", "民族", "政治面貌", "出生年月")


def is_pair_row(sheet, merged, r: int, width: int) -> bool:
    """A row of title–value pairs, not a header: most known titles in it have their value beside them, and a
    value is a number or an address (联系人 | 李四 | 电话 | 139…) or the next row goes on with titles in the
    same columns (姓名 | 高文静 / 单位 | 石门乡).  A header with titles the reader does not know
    (姓名 | 政治面貌 | 手机 | 籍贯) has its people, not titles, under it."""
    titles = [c for c in range(1, width + 1) if field_of(cell(sheet, merged, r, c))]
    pairs = pairs_in_row(sheet, merged, r, width)
    if len(pairs) < 2 or len(pairs) * 2 < len(titles):
        return False
    values = [str(cell(sheet, merged, r, c + 1) or "") for c, _f in pairs]
    if any(len(re.findall(r"\d", v)) >= 5 or "@" in v for v in values):
        return True
    return any(field_of(cell(sheet, merged, near, c)) for near in (r - 1, r + 1) if near > 0 for c, _f in pairs)


def header_band(sheet) -> Band | None:
    """The header of a sheet's people table, or None."""
    merged = lookup(sheet)
    width = max((len(r) for r in sheet.rows[:HEADER_SEARCH_ROWS]), default=0)
    for r in range(1, min(len(sheet.rows), HEADER_SEARCH_ROWS) + 1):
        top = [cell(sheet, merged, r, c) for c in range(1, width + 1)]
        if not header_columns(top) or is_pair_row(sheet, merged, r, width):
            continue  # a title, an empty row or an info line (填报人 | 张三 | 电话 | …): the header starts lower
        below = [cell(sheet, merged, r + 1, c) for c in range(1, width + 1)]
        below_fields = header_columns(below)
        two_level = len(below_fields) >= 2 and "name" in below_fields and not is_pair_row(sheet, merged, r + 1, width)
        band = _band(r, top, below, two_level, merged)
        found = {f for f, _g in band.fields.values()}
        if "name" in found and found & {"mobile", "office_phone", "email", "unit_name", "unit_position", "phone"}:
            return band
    return None


def _band(r: int, top: list, below: list, two_level: bool, merged) -> Band:
    fields: dict[int, tuple[str, str | None]] = {}
    leaf_titles: dict[int, str] = {}
    for c in range(1, len(top) + 1):
        leaf = below[c - 1] if two_level and below[c - 1] not in (None, "") else top[c - 1]
        found = field_of(leaf)
        if found is not None:
            fields[c] = (found, None)
            leaf_titles[c] = label_key(leaf)
    if not any(f == "mobile" for f, _g in fields.values()):  # 联系电话 alone: a mobile or a landline
        for c, (found, role) in list(fields.items()):
            if found == "office_phone" and not re.search(r"办公|固定|座机", leaf_titles[c]):
                fields[c] = ("phone", role)
    band = Band(r, r + 1 if two_level else r, fields)
    if two_level:
        _group_slots(band, r, top, below, merged)
    else:
        _run_slots(band, leaf_titles)
    return band


def _group_slots(band: Band, r: int, top: list, below: list, merged) -> None:
    """Two header rows: a title over several columns holding a 姓名 is one person (its words may say the role)."""
    groups: dict[tuple[int, int], list[int]] = {}
    for c in band.fields:
        if below[c - 1] in (None, "") or below[c - 1] == top[c - 1] or top[c - 1] in (None, ""):
            continue  # a title merged down both rows: shared by the row's people
        groups.setdefault(merged.get((r, c), (r, c)), []).append(c)
    people = [cols for cols in groups.values() if any(band.fields[c][0] == "name" for c in cols)]
    for number, columns in enumerate(sorted(people), start=1):
        role = role_word(label_key(top[columns[0] - 1]))
        for c in columns:
            band.fields[c] = (band.fields[c][0], role)
            if len(people) > 1:
                band.slots[c] = number


def _run_slots(band: Band, titles: dict[int, str]) -> None:
    """One header row with several name columns: role-titled columns are a person each; repeated runs
    (姓名 职务 手机 姓名 职务 手机) are cut where a field comes again."""
    names = [c for c, (f, _g) in band.fields.items() if f == "name"]
    if len(names) < 2:
        return
    number = 0
    for c in names:
        role = role_word(titles[c])
        if role:
            number += 1
            band.fields[c] = ("name", role)
            band.slots[c] = number
    plain = [c for c in names if c not in band.slots]
    personal = [c for c in sorted(band.fields) if band.fields[c][0] in PERSONAL and c not in band.slots]
    if len(plain) == 1:
        for c in personal:
            band.slots[c] = number + 1
        return
    if not plain:  # 分管领导 | 联络员 | 联系电话: a column goes with the person column nearest on its left
        for c in personal:
            left = [n for n in names if n < c] or names[:1]
            band.slots[c] = band.slots[left[-1]]
        return
    seen: set[str] = set()
    number += 1 if plain else 0
    for c in personal:
        found = band.fields[c][0]
        if found in seen:
            number, seen = number + 1, set()
        seen.add(found)
        band.slots[c] = number
