"""A filled-in registration form (登记表): titles with their values beside them, not a table.

    姓名 | 高文静 | 手机     | 13988010181
    单位 | 清水河乡 | 办公电话 | 0871-65012481

One person per 姓名; several stacked one under another are told apart by their rows.  When the form cannot be
split without guessing (two 姓名 in one row, a field given twice to one person), nobody is read and the
clerk is told why.
"""

from __future__ import annotations

from models.liaisons.headers import HEADER_SEARCH_ROWS, cell, field_of, label_key, lookup, pairs_in_row, role_word

_MAX_ROWS = 60


class Pairs:
    """The (row, title column, field) of every title–value pair of a registration-form sheet."""

    def __init__(self, sheet, merged, found: list[tuple[int, int, str]]):
        self.sheet, self.merged, self.found = sheet, merged, found

    def read(self, where, reader):
        """(records, errors, warnings); *reader* puts cells and adds people by the table reader's rules."""
        names = [(r, c) for r, c, f in self.found if f == "name"]
        rows = sorted({r for r, _c in names})
        if len(rows) < len(names):
            return [], [self._refuse(where, names, "同一行写了几个姓名，分不清各栏属于谁")], []
        people: list[dict] = []
        shared = {"cells": {}}
        for r, c, field in self.found:
            number = sum(1 for start in rows if start <= r)
            while len(people) < number:
                people.append({"cells": {}})
            target = people[number - 1] if number else shared
            if field in ("seq", "ignored"):
                continue
            if field in target["cells"]:
                return [], [self._refuse(where, names, f"“{field_of_title(self, r, c)}”写了两次，分不清属于谁")], []
            reader.put(target, field, r, self._value_column(r, c))
        for person in people:
            for key, value in shared.items():
                if key == "cells":
                    person["cells"] = {**value, **person["cells"]}
                else:
                    person.setdefault(key, value)
        for number, person in enumerate(people):
            role = self._role(rows[number - 1] if number else 0, rows[number])
            if role:
                person["role"] = role
            reader.add_people(rows[number], {"cells": {}}, [person])
        return reader.records, reader.errors, reader.warnings

    def _role(self, after: int, row: int) -> str | None:
        """The role a line between the previous person and this one names alone (分管领导 / 联络员)."""
        for r in range(row, after, -1):
            texts = [str(v).strip() for v in self.sheet.rows[r - 1] if v not in (None, "")]
            if len(texts) == 1 and (role := role_word(label_key(texts[0]))):
                return role
            if r != row and any(f for rr, _c, f in self.found if rr == r):
                return None
        return None

    def _value_column(self, r: int, c: int) -> int:
        nxt = c + 1
        while self.merged.get((r, nxt), (r, nxt)) == self.merged.get((r, c), (r, c)):
            nxt += 1
        return nxt

    def _refuse(self, where, names, why: str) -> dict:
        r, c = names[0]
        return {"cell": where(r, c), "field": "name", "message": f"这张登记表{why}，未导入，请改用一行一人的名单。"}


def field_of_title(pairs: Pairs, r: int, c: int) -> str:
    return str(cell(pairs.sheet, pairs.merged, r, c) or "").strip()


def read_pairs(sheet) -> Pairs | None:
    """The title–value pairs of a sheet that is a registration form (two or more rows of pairs, a 姓名 among
    them), or None."""
    merged = lookup(sheet)
    rows = sheet.rows[: max(_MAX_ROWS, HEADER_SEARCH_ROWS)]
    width = max((len(r) for r in rows), default=0)
    found = []
    pair_rows = 0
    for r in range(1, len(rows) + 1):
        pairs = pairs_in_row(sheet, merged, r, width)
        if pairs:
            pair_rows += 1
        found += [(r, c, f) for c, f in pairs]
    if pair_rows < 2 or not any(f == "name" for _r, _c, f in found):
        return None
    if not any(f in ("mobile", "office_phone", "phone", "email", "unit_name") for _r, _c, f in found):
        return None
    return Pairs(sheet, merged, found)


__all__ = ["Pairs", "field_of", "read_pairs"]
