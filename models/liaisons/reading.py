"""Reading returned liaison forms: every sheet that holds a list, one record per person.

Works on the app's own blank forms (hidden mark names campaign and unit), on any plain table whose header
says 单位/姓名/手机… (models/liaisons/headers.py), in any column order, with title and footer rows around it,
and on a filled-in registration form (姓名 | 高文静 / 手机 | …, models/liaisons/pairs.py).  What is not a
person is never read as one: 合计 and note lines, sample rows (××镇 张三), hidden rows (the liaison who left),
a name cell that cannot be a name; each is said with its sheet and cell when it looks like data.  Formula
cells are reported, never read as text.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from models.errors import ImportRejected
from models.liaisons import name_cells
from models.liaisons.headers import (
    HEADER_SEARCH_ROWS,
    LABELS,
    Band,
    cell,
    header_band,
    label_key,
    lookup,
    role_word,
)
from models.store.text_gate import clean_text

__all__ = ["LABELS", "label_key", "read_form"]

_EMPTY = re.compile(r"^[/\\—–―－\-无]*$")
_FOOTER = re.compile(r"^(填报|填表|制表|注[:：\d一二三、.．]|说明|审核|联系人|日期|备注[:：]|附注|注意)")
_TOTAL = re.compile(r"^(合计|小计|总计|共计|总数)")
_SAMPLE = re.compile(r"示例|样例|范例|样表|例表|填写样式|填表说明|填写说明")
_SAMPLE_LINE = re.compile(r"^(填写|填表|参考)?(示例|样例|范例|样表)|(示例|样例|范例|样表)[:：]?$")
_PHONES = ("office_phone", "mobile", "fax", "phone")


def _header_band(sheet):
    """(last header row, {column: (field, role)}) of a sheet's people table, or None (for the template export)."""
    band = header_band(sheet)
    return None if band is None else (band.last, band.fields)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a phone number typed as a number
    return clean_text(str(value)).strip()  # the text gate before the checks: "138…\ufeff" is a mobile


def read_form(path: str | os.PathLike) -> dict:
    """Read one returned file: {'file', 'mark', 'sheet', 'records', 'errors', 'warnings', 'form_unit', 'empty'
    (why nobody was read, or None)}; ImportRejected if unreadable or if no sheet holds a list."""
    from models.documents.sheet_grids import form_sheets
    from models.liaisons.pairs import read_pairs

    name = Path(path).name
    sheets, mark = form_sheets(Path(path))
    lists = []
    for sheet in sheets:
        band = header_band(sheet)
        if band is not None:
            lists.append((sheet, band))
        elif (pairs := read_pairs(sheet)) is not None:
            lists.append((sheet, pairs))
    if not lists:
        raise ImportRejected("找不到表头行（应有“姓名”或“联系人”，以及“手机”或“办公电话”等栏目）。", name)
    records, errors, warnings = [], [], []
    samples = {sheet.title for sheet, band in lists if isinstance(band, Band) and _sample_sheet(sheet, band)}
    if len(samples) == len(lists):
        samples = set()  # the only list is titled 样表: it is the form the unit filled in; its sample rows still go
    for sheet, band in lists:
        where = _Where(sheet.title if len(lists) > 1 else "")
        if isinstance(band, Band):
            reader = _Sheet(sheet, band, (sheet.hidden_rows, sheet.hidden), where)
            reader.sample = sheet.title in samples
            found = reader.read()
        else:
            found = band.read(where, _Sheet.bare(sheet, where))
        records += found[0]
        errors += found[1]
        warnings += found[2]
    records = _distinct(records, errors, warnings)
    empty = None
    if not records and not errors:  # said after the mark is checked: a form of another year is told as that
        shown = f"工作表“{lists[0][0].title}”" if len(lists) == 1 else f"{len(lists)} 个工作表"
        said = "；".join(w["message"] for w in warnings[:3])
        empty = f"{shown}里没有读到任何人员（只有表头，或没有填写姓名）。" + said
    return {
        "empty": empty,
        "file": name,
        "mark": mark,
        "sheet": lists[0][0].title,
        "records": records,
        "errors": errors,
        "warnings": warnings,
        "form_unit": records[0].get("form_unit") if records else None,
    }


def _sample_sheet(sheet, band: Band) -> bool:
    """A sheet of instructions with an example table (titled 填表说明/示例, or 填写示例： above the header)."""
    return bool(_SAMPLE.search(sheet.title)) or any(
        isinstance(v, str) and _SAMPLE_LINE.search(v.strip()) for row in sheet.rows[: band.first - 1] for v in row
    )


class _Where:
    """Cell names: B7 when one sheet is read, 联络员名单(2)!B7 when several are."""

    def __init__(self, title: str):
        self.title = title

    def __call__(self, r: int, c: int) -> str:
        from openpyxl.utils import get_column_letter

        spot = f"{get_column_letter(c)}{r}"
        return f"{self.title}!{spot}" if self.title else spot

    def row(self, r: int) -> str:
        return f"工作表“{self.title}”第{r}行" if self.title else f"第{r}行"


def _distinct(records: list[dict], errors: list, warnings: list) -> list[dict]:
    """The same person listed twice (the list copied onto a second sheet) is read once."""
    seen: dict[tuple, dict] = {}
    kept = []
    for record in records:
        key = (
            record.get("unit_name") or record.get("unit_position") or record.get("form_unit"),
            record.get("name"),
            record.get("role"),
        )
        first = seen.get(key)
        if first is None or not record.get("name"):
            seen.setdefault(key, record)
            kept.append(record)
            continue
        same = all(first.get(f) == record.get(f) for f in ("position", "office_phone", "mobile", "email", "fax"))
        item = {"cell": record["cells"].get("name", ""), "field": "name"}
        if same:
            warnings.append(
                {**item, "message": f"“{record['name']}”与 {first['cells'].get('name')} 重复，只导入一次。"}
            )
        else:
            errors.append(
                {
                    **item,
                    "message": f"“{record['name']}”与 {first['cells'].get('name')} 是同一人但填写不同，"
                    "此处未导入，请核对。",
                }
            )
    return kept


class _Sheet:
    """One sheet's table under its header band."""

    def __init__(self, sheet, band: Band, hidden: tuple[set[int], set[int]], where: _Where):
        self.sheet, self.band, self.where = sheet, band, where
        self.hidden_rows, self.hidden_columns = hidden
        self.merged = lookup(sheet)
        self.records, self.errors, self.warnings = [], [], []
        self.form_unit = _form_unit(sheet, band.first)
        self.sample = False
        self.titles = {
            c: {label_key(cell(sheet, self.merged, r, c)) for r in range(band.first, band.last + 1)}
            for c in band.fields
        }

    @classmethod
    def bare(cls, sheet, where: _Where) -> _Sheet:
        """The cell rules (formulas, phones, names, samples) without a table: for a registration form."""
        reader = cls.__new__(cls)
        reader.sheet, reader.where, reader.merged = sheet, where, lookup(sheet)
        reader.records, reader.errors, reader.warnings = [], [], []
        reader.form_unit, reader.sample, reader.hidden_rows, reader.hidden_columns = None, False, set(), set()
        reader.titles = {}
        return reader

    def read(self):
        fields = dict(self.band.fields)
        for c in sorted(set(fields) & self.hidden_columns):
            found = [r for r in range(self.band.last + 1, len(self.sheet.rows) + 1) if self.value(r, c) != ""]
            if found and fields[c][0] not in ("seq", "ignored"):
                self.warnings.append(
                    {
                        "cell": self.where(self.band.last, c),
                        "field": fields[c][0],
                        "message": "这一栏是隐藏列，未读入；如要导入，请取消隐藏后再导入。",
                    }
                )
            del fields[c]
        last_unit = ""
        for r in range(self.band.last + 1, len(self.sheet.rows) + 1):
            row = self.row_people(r, fields)
            if row is None:
                continue
            shared, people = row
            if shared.get("unit_name"):
                last_unit = shared["unit_name"]
            elif last_unit and any(p.get("name") for p in [shared, *people]):
                shared["unit_name"] = last_unit  # unit name written once over several people
            self.add_people(r, shared, people)
        return self.records, self.errors, self.warnings

    def value(self, r: int, c: int) -> str:
        return _text(cell(self.sheet, self.merged, r, c))

    def row_people(self, r: int, fields: dict):
        """(shared fields, [fields of each person]) of row *r*, or None when the row is no data row."""
        texts = [(c, self.value(r, c)) for c in sorted(fields)]
        texts = [(c, t) for c, t in texts if t]
        if not texts:
            return None
        first = next((_text(v) for v in self.sheet.rows[r - 1] if _text(v)), "") if r <= len(self.sheet.rows) else ""
        plain = re.sub(r"\s", "", first)
        if _FOOTER.match(plain) or _TOTAL.match(plain):
            return None
        if sum(1 for c, t in texts if label_key(t) in self.titles.get(c, ())) >= 2:
            return None  # the header again (printed on every page)
        origins = {self.merged.get((r, c), (r, c)) for c, _t in texts}
        if len(origins) == 1 and len(texts) > 1:
            return None  # one text merged across the table: a note line
        if r in self.hidden_rows:
            names = [t for c, t in texts if fields[c][0] == "name"]
            if names:
                self.warnings.append(
                    {
                        "cell": self.where.row(r),
                        "field": "name",
                        "message": f"这一行是隐藏行（{'、'.join(names)}），未导入；如仍在任，请取消隐藏后再导入。",
                    }
                )
            return None
        slots = sorted({self.band.slots.get(c, 0) for c in fields} - {0}) or [0]
        shared, people = {"cells": {}}, {s: {"cells": {}} for s in slots}
        for c, (field, role) in fields.items():
            if field in ("seq", "ignored"):
                continue
            slot = self.band.slots.get(c, 0)
            target = people[slot] if slot else shared
            if role:
                target["role"] = role
            self.put(target, field, r, c)
        return shared, [people[s] for s in slots]

    def put(self, target: dict, field: str, r: int, c: int) -> None:
        coordinate = self.where(r, c)
        target["cells"][field] = coordinate
        value = cell(self.sheet, self.merged, r, c)
        formula = self.sheet.formulas.get(self.merged.get((r, c), (r, c)))
        if formula:
            if value in (None, ""):
                self.errors.append(
                    {
                        "cell": coordinate,
                        "field": field,
                        "message": "单元格是公式且没有计算结果，未导入，请改为直接填写。",
                    }
                )
                target.setdefault("unreadable", set()).add(field)
                return
            self.warnings.append(
                {
                    "cell": coordinate,
                    "field": field,
                    "message": f"单元格是公式（{formula}），按其结果“{_text(value)}”读入。",
                }
            )
        text = _text(value)
        if field in _PHONES:
            text = unicodedata.normalize("NFKC", text).strip()
            if _EMPTY.match(text):
                text = ""
        if text:
            target[field] = text

    def add_people(self, r: int, shared: dict, people: list[dict]) -> None:
        everyone = [shared, *people]
        unit = shared.get("unit_name") or shared.get("unit_position") or ""
        texts = [unit] + [p.get(f, "") for p in everyone for f in ("name", *_PHONES)]
        placeholder = any(
            name_cells.is_placeholder(unit, p.get("name", ""), *(p.get(f, "") for f in _PHONES)) for p in everyone
        )
        if self.sample or placeholder:
            shown = " ".join(t for t in texts if t)
            if any(p.get("name") for p in [shared, *people]):
                self.warnings.append(
                    {
                        "cell": self.where.row(r),
                        "field": "name",
                        "message": f"这一行是填写示例（{shown}），未导入。",
                    }
                )
            return
        for slot in people:
            person = {**{k: v for k, v in shared.items() if k != "cells"}, **slot}
            person["cells"] = {**shared["cells"], **slot["cells"]}
            unreadable = "name" in person.pop("unreadable", set())
            if person.get("name") and name_cells.is_vacant(person["name"]):
                person.pop("name")  # 暂无 / 空缺: the unit has nobody for this place yet
            if not person.get("name"):
                if unreadable and len([k for k in person if k not in ("cells", "role")]) > 1:
                    _sort_phone(person)
                    person["row"] = r
                    self.records.append(person)  # refused for its name; every other problem still checked
                continue
            if self.take_name(person):
                _sort_phone(person)
                said = role_word(label_key(person.get("remarks", "")))
                if said and not person.get("role"):
                    person["role"] = said  # 备注: 分管领导: the role written where the form had room for it
                person["row"] = r
                if self.form_unit:
                    person["form_unit"] = self.form_unit
                self.records.append(person)

    def take_name(self, person: dict) -> bool:
        """Clean the name cell (name and phone in one cell, 同志, spaces); False when it is not a person."""
        raw, where = person["name"], person["cells"].get("name", "")
        if (left := name_cells.left_note(raw)) is not None:
            self.warnings.append(_item(where, "name", f"“{raw}”注明“{left}”，不是现任人员，未导入。"))
            return False
        if (both := name_cells.split_name_phone(raw)) is not None:
            raw, phone = both
            key = "mobile" if name_cells.is_mobile(phone) else "office_phone"
            if person.get(key) and person[key] != phone:
                self.warnings.append(
                    {
                        "cell": where,
                        "field": key,
                        "message": f"姓名格里的电话“{phone}”与本行的“{person[key]}”不同，未采用。",
                    }
                )
            else:
                person[key] = phone
                person["cells"][key] = where
        if raw.startswith("="):
            return True  # text that looks like a formula: refused by the name check, with its reason
        if (noted := name_cells.bracket_note(raw)) is not None and not name_cells.not_a_name(
            name_cells.clean_name(noted[0])
        ):
            raw = noted[0]
            self.warnings.append(_item(where, "name", f"姓名后的括注“{noted[1]}”未导入，只导入姓名“{raw}”。"))
        name = name_cells.clean_name(raw)
        if why := name_cells.not_a_name(name):
            said = "不像姓名" if why == "不像姓名" else f"{why}，不是姓名"
            self.errors.append(_item(where, "name", f"“{person['name']}”{said}，该行未导入。"))
            person["refused"] = True  # the row's other problems are still checked
            return True
        person["name"] = name
        return True


def _item(where: str, field: str, message: str) -> dict:
    return {"cell": where, "field": field, "message": message}


def _sort_phone(person: dict) -> None:
    """联系方式: a mobile or a landline, by its shape."""
    if person.get("phone"):
        phone = person.pop("phone")
        key = "mobile" if name_cells.is_mobile(phone) else "office_phone"
        person.setdefault(key, phone)
        person["cells"][key] = person["cells"].pop("phone")


def _form_unit(sheet, first: int) -> str | None:
    """The 填报单位 written above the table, if any."""
    from models.documents.info_lines import info_value

    for row in sheet.rows[: max(first - 1, 0)][:HEADER_SEARCH_ROWS]:
        for value in row:
            if isinstance(value, str) and (found := info_value(value, "unit")):
                return found
    return None
