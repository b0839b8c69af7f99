"""Finding the cells of a returned weekly form: by the hidden mark, or by the template's header and row labels."""

from __future__ import annotations

import functools
import re

from models.errors import ImportRejected
from models.progress.values import fold

MAX_ROWS = 2000
_TOTAL_ROW = re.compile(r"合计|总计|小计|填报人|审核|联系电话|制表")


def _column_letters(col: int) -> str:
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@functools.lru_cache(maxsize=8192)  # the same cells in every form of an import
def _coordinate(row: int, col: int) -> str:
    """B6 for (6, 2), without importing openpyxl (the one-pass reader does not need it)."""
    return f"{_column_letters(col)}{row}"


@functools.lru_cache(maxsize=1024)
def _cell_position(coordinate: str) -> tuple[int, int]:
    """(6, 2) for B6."""
    found = re.fullmatch(r"\$?([A-Za-z]{1,3})\$?(\d+)", coordinate.strip())
    if found is None:
        raise ValueError(coordinate)
    col = 0
    for letter in found.group(1).upper():
        col = col * 26 + ord(letter) - 64
    return int(found.group(2)), col


def _merge_errors(merges, rows: set[int] | range, cols: set[int], sheet: str) -> tuple[list[dict], set]:
    """A merged range over data cells makes their value ambiguous: each such cell is an error."""
    errors, bad = [], set()
    for min_row, min_col, max_row, max_col in merges:
        hit = [
            (r, c) for r in range(min_row, max_row + 1) if r in rows for c in range(min_col, max_col + 1) if c in cols
        ]
        if hit:
            span = f"{_coordinate(min_row, min_col)}:{_coordinate(max_row, max_col)}"
            for r, c in hit:
                bad.add((r, c))
                errors.append({"sheet": sheet, "cell": _coordinate(r, c), "message": f"数据区有合并单元格（{span}）"})
    return errors, bad


def _value(rows: list[list], r: int, c: int):
    return rows[r - 1][c - 1] if r - 1 < len(rows) and c - 1 < len(rows[r - 1]) else None


def own_form_cells(workbook, mark: dict, context, name: str) -> dict:
    """The cells of one of the app's own blank forms, located by its mark (*workbook*: its sheets as grids)."""
    if mark.get("campaign_id") != context.campaign["id"]:
        raise ImportRejected("这份表格是另一个活动（另一年）的空白表，不属于本活动。", name)
    period = context.periods.get(mark.get("period_id"))
    unit = context.unit_by_id.get(mark.get("unit_id"))
    if period is None or unit is None:
        raise ImportRejected("表格标记中的周次或单位在本活动中已不存在。", name)
    ws = next((s for s in workbook if s.title == "进展统计"), workbook[0] if workbook else None)
    if ws is None:
        raise ImportRejected("表格中没有工作表。", name)
    data_row = int(mark["row"])
    narrative_cells = mark.get("narrative") or {}
    rows = ws.rows
    columns = {i: c for i, c in mark["columns"].items() if i in context.by_indicator}
    errors, bad = _merge_errors(ws.merges, {data_row}, set(columns.values()), ws.title)
    cells = {
        indicator_id: (_coordinate(data_row, col), _value(rows, data_row, col))
        for indicator_id, col in columns.items()
        if (data_row, col) not in bad
    }
    narrative = {}
    for key, coordinate in narrative_cells.items():
        r, c = _cell_position(coordinate)
        value = _value(rows, r, c)
        narrative[key] = str(value).strip() if value not in (None, "") else None
    block = {"unit": unit, "period": period, "cells": cells, "narrative": narrative}
    return {"sheet": ws.title, "blocks": [block], "errors": errors}


NARRATIVE_FIELDS = ("activities", "highlights", "problems", "media")
_CONSTANT = re.compile(r"^=[\d+\-*/().\s]+$")


def constant_formula(formula: str):
    """The value of a formula made only of numbers (=120+85), or None."""
    if not _CONSTANT.match(formula or "") or "**" in formula:
        return None
    import ast
    import operator

    ops = {
        ast.Add: operator.add,
        ast.Sub: operator.sub,
        ast.Mult: operator.mul,
        ast.Div: operator.truediv,
        ast.USub: operator.neg,
        ast.UAdd: operator.pos,
    }

    def walk(node):
        if isinstance(node, ast.Expression):
            return walk(node.body)
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return node.value
        if isinstance(node, ast.BinOp) and type(node.op) in ops:
            return ops[type(node.op)](walk(node.left), walk(node.right))
        if isinstance(node, ast.UnaryOp) and type(node.op) in ops:
            return ops[type(node.op)](walk(node.operand))
        raise ValueError(formula)

    try:
        value = walk(ast.parse(formula[1:], mode="eval"))
    except (ValueError, SyntaxError, ZeroDivisionError, RecursionError):
        return None
    return int(value) if float(value).is_integer() else round(value, 10)


def _match(model, indicators: list[dict]) -> dict[int, str]:
    """Form column → indicator id, by group and label (the label alone where it is unique)."""
    from models.progress.forms.names import match_indicators

    return match_indicators([c for c in model.columns if c.kind in ("indicator", "count")], indicators)


def _choose(sheets, context):
    from models.progress.forms.model import read_model

    best = None
    for sheet in sheets:
        model = read_model(sheet.rows, sheet.merges, sheet=sheet.title)
        if model is None:
            continue
        matched = _match(model, context.indicators)
        if best is None or len(matched) > len(best[2]):
            best = (sheet, model, matched)
    return best


def template_form_cells(sheets, context, name: str) -> dict:
    """Cells of a returned form in any template's layout: columns by header text, units by row label."""
    chosen = _choose(sheets, context)
    if chosen is None:
        raise ImportRejected("找不到表头：没有一个工作表有带栏目名称的表头。", name)
    sheet, model, matched = chosen
    if not matched:
        raise ImportRejected("表头栏目与本活动的指标表对不上，无法导入（请检查是否用了本活动的统计表）。", name)
    reader = _FormReader(sheet, model, matched, context, name)
    if model.kind == "period_rows":  # rows are months: the companion campaign's monthly table
        from models.progress.forms.monthly import month_blocks

        return month_blocks(reader, _unit_in_file_name)
    if model.kind == "event_list":
        return reader.event_list()
    stated = stated_period(model, context)
    if context.week is None and stated is None:
        raise ImportRejected("这不是本程序发出的空白表，表上也没有写明统计时段：请指定周次后再导入。", name)
    if context.week is None:
        reader.week = stated
        where = model.info.get("period")
        reader.note(where[0] if where else 1, where[1] if where else 1, f"周次按表上写的时段定为第 {stated['seq']} 周")
    elif stated is not None and stated["id"] != context.week["id"]:
        where = model.info["period"]
        reader.note(
            where[0], where[1], f"表上写的是第 {stated['seq']} 周，按所选第 {context.week['seq']} 周导入，请核对"
        )
    reader.check_columns()
    return reader.matrix()


def _unit_in_file_name(name: str, context):
    """The one campaign unit whose full name the file name holds (the longest, if one holds another)."""
    stem = fold(name.rsplit(".", 1)[0])
    found = [u for u in context.units if fold(u["name"]) and fold(u["name"]) in stem]
    found = [u for u in found if not any(fold(u["name"]) in fold(o["name"]) and u is not o for o in found)]
    return found[0] if len(found) == 1 else None


def stated_period(model, context):
    """The week a form states (统计时段：6月2日—6月8日, 统计周期：第3周, 截至6月15日), or None."""
    found = model.info.get("period")
    if not found:
        return None
    text = fold(found[2])
    seq = re.search(r"第(\d+)周", text)
    if seq:
        return next((p for p in context.periods.values() if p["seq"] == int(seq.group(1))), None)
    dates = re.findall(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日", text)
    if not dates:
        return None
    year, month, day = dates[-1] if re.search(r"截[至止]", text) else dates[0]
    return _period_of(f"{year or context.campaign['start_date'][:4]}-{month}-{day}", context)


class _FormReader:
    def __init__(self, sheet, model, matched, context, name):
        from models.documents.sheet_grids import merged_lookup

        self.sheet, self.model, self.matched, self.context, self.name = sheet, model, matched, context, name
        self.lookup = merged_lookup(sheet.merges)
        self.errors, self.notes = [], []
        self.week = context.week

    def check_columns(self) -> None:
        """A figure column of the form that no indicator of the campaign matches: said once, when it holds data."""
        rows = [row.row for row in self.model.rows_of("unit", "blank")]
        for column in self.model.indicators:
            if column.col in self.matched or any((r, column.col) in self.sheet.formulas for r in rows):
                continue
            if any(self.raw(r, column.col) not in (None, "") for r in rows):
                self.note(self.model.last_row, column.col, f"栏目“{column.leaf}”对不上本活动的任何指标，这一栏未导入")

    def raw(self, r: int, c: int):
        return _value(self.sheet.rows, r, c)

    def error(self, r: int, c: int, message: str) -> None:
        self.errors.append({"sheet": self.sheet.title, "cell": _coordinate(r, c), "message": message})

    def note(self, r: int, c: int, message: str) -> None:
        self.notes.append({"sheet": self.sheet.title, "cell": _coordinate(r, c), "message": message})

    def cell(self, r: int, c: int):
        """The raw value of a data cell; None (after an error) for a formula without a result."""
        value = self.raw(r, c)
        formula = self.sheet.formulas.get((r, c))
        if formula and value is None:
            computed = constant_formula(formula)
            if computed is None:
                self.error(r, c, f"此格是公式（{formula}）但没有计算结果：请在 Excel 中打开、保存后再交")
                return None
            self.note(r, c, f"公式 {formula} 没有计算结果，按 {computed} 读入")
            return computed
        return value

    def _merged_cells(self, rows: list[int]) -> set:
        """Merged ranges over data cells: each cell reported once, none of them read."""
        bad = set()
        cols, rows = set(self.matched), set(rows)
        for min_row, min_col, max_row, max_col in self.sheet.merges:
            hit = [
                (r, c)
                for r in range(min_row, max_row + 1)
                if r in rows
                for c in range(min_col, max_col + 1)
                if c in cols
            ]
            if not hit:
                continue
            span = f"{_coordinate(min_row, min_col)}:{_coordinate(max_row, max_col)}"
            for number, (r, c) in enumerate(hit):
                bad.add((r, c))
                if number == 0:
                    self.error(r, c, f"合并单元格（{span}），数字属于哪一栏不明，未导入")
                else:
                    self.error(r, c, f"合并单元格（{span}）的一部分，未导入")
        return bad

    def _narrative(self, r: int) -> dict:
        found = {}
        for column in self.model.columns:
            if column.kind == "text" and column.narrative in NARRATIVE_FIELDS:
                value = self.raw(r, column.col)
                if isinstance(value, str) and value.strip():
                    found.setdefault(column.narrative, value.strip())
        return found

    def _cells(self, r: int, bad: set) -> dict:
        cells = {}
        for col, indicator_id in self.matched.items():
            if col <= 0 or (r, col) in bad:
                continue
            value = self.cell(r, col)
            cells[indicator_id] = (_coordinate(r, col), value)
        return cells

    def matrix(self) -> dict:
        model, context = self.model, self.context
        blocks = []
        if model.kind == "single_unit_row":
            unit = context.find_unit(model.unit_text)
            if unit is None and not model.unit_text:
                unit = _unit_in_file_name(self.name, context)
                if unit is not None:
                    self.note(model.first_row, 1, f"表上没有填报单位，按文件名认作 {unit['name']}")
            r = model.data_row
            if r is None:
                raise ImportRejected("表中没有数据行。", self.name)
            if unit is None:
                shown = model.unit_text or "（未填）"
                raise ImportRejected(f"填报单位“{shown}”不在本活动的单位名单中，未导入。", self.name)
            bad = self._merged_cells([r])
            narrative = {}
            for field_name, (nr, nc) in model.narrative_cells.items():
                value = self.raw(nr, nc)
                if field_name in NARRATIVE_FIELDS and isinstance(value, str) and value.strip():
                    narrative[field_name] = value.strip()
            blocks.append({"unit": unit, "period": self.week, "cells": self._cells(r, bad), "narrative": narrative})
            return self._result(blocks)
        data_rows = [row.row for row in model.rows_of("unit", "blank")]
        bad = self._merged_cells(data_rows)
        label_col = model.unit_col or model.seq_col or 1
        seen = {}
        section_rows: list[int] = []
        for row in model.rows:
            if row.kind in ("section",):
                section_rows = []
                continue
            if row.kind in ("subtotal", "total"):
                self._check_sum(row, section_rows if row.kind == "subtotal" else data_rows)
                section_rows = []
                continue
            if row.kind not in ("unit", "blank"):
                continue
            cells = self._cells(row.row, bad)
            has_data = any(v[1] not in (None, "") for v in cells.values())
            if not has_data:
                continue
            section_rows.append(row.row)
            if row.kind == "blank":
                self.error(row.row, label_col, "这一行有数字但没有写单位名称，未导入")
                continue
            unit = context.find_unit(row.label)
            if unit is None:
                self.error(row.row, label_col, f"单位“{row.label}”不在本活动的单位名单中，该行的数未导入")
                continue
            if unit["id"] in seen:
                self.error(row.row, label_col, f"单位“{unit['name']}”在第 {seen[unit['id']]} 行已有一行，这一行未导入")
                continue
            seen[unit["id"]] = row.row
            if fold(row.label) != fold(unit["name"]):
                self.note(row.row, label_col, f"“{row.label}”认作 {unit['name']}")
            form_unit = context.find_unit(model.unit_text)
            if form_unit is not None and form_unit["id"] != unit["id"]:
                self.note(
                    row.row,
                    label_col,
                    f"填报单位是 {form_unit['name']}，数字写在 {unit['name']} 的行：按行上的单位导入，请核对",
                )
            blocks.append({"unit": unit, "period": self.week, "cells": cells, "narrative": self._narrative(row.row)})
        return self._result(blocks)

    def _check_sum(self, row, rows: list[int]) -> None:
        """A typed 小计/合计 that disagrees with its rows: a warning naming the column (never data)."""
        from models.progress.values import parse_figure

        if not rows:
            return
        for col, indicator_id in self.matched.items():
            if col <= 0 or (row.row, col) in self.sheet.formulas:
                continue
            typed = parse_figure(self.raw(row.row, col), {"integer_only": 0, "min_value": None}).value
            if typed is None:
                continue
            parts = [parse_figure(self.raw(r, col), {"integer_only": 0, "min_value": None}).value for r in rows]
            total = sum(p for p in parts if p is not None)
            if abs(total - typed) > 1e-9:
                indicator = self.context.by_indicator[indicator_id]
                from models.campaigns.layouts import header_text

                self.note(
                    row.row,
                    col,
                    f"{row.label}与明细不符（{header_text(indicator)}：{typed} ≠ {total}），{row.label}未导入",
                )

    def event_list(self) -> dict:
        """An event register (one drill per row): per week, the number of rows and the sums of the figures."""
        model, context = self.model, self.context
        unit = context.find_unit(model.unit_text)
        if unit is None:
            shown = model.unit_text or "（未填）"
            raise ImportRejected(f"这是逐场登记表，填报单位“{shown}”不在本活动的单位名单中，未导入。", self.name)
        date_col = next((c.col for c in model.columns if c.kind == "text" and re.search(r"时间|日期", c.label)), None)
        count_id = next((i for col, i in self.matched.items() if col <= 0), None)
        by_week: dict = {}
        for row in model.rows_of("unit", "blank"):
            texts = [self.raw(row.row, c.col) for c in model.columns if c.kind == "text"]
            if not any(v not in (None, "") for v in texts):
                continue
            period = _period_of(self.raw(row.row, date_col) if date_col else None, context)
            if period is None:
                self.error(row.row, date_col or 1, "演练时间读不出是哪一天（应写成 2025-06-05 或 6月5日），该行未导入")
                continue
            sums = by_week.setdefault(period["id"], {"period": period, "values": {}, "cells": {}})
            if count_id:
                sums["values"][count_id] = sums["values"].get(count_id, 0) + 1
            for col, indicator_id in self.matched.items():
                if col <= 0:
                    continue
                value = self.cell(row.row, col)
                from models.progress.values import parse_figure

                parsed = parse_figure(value, context.by_indicator[indicator_id])
                if parsed.error:
                    self.error(row.row, col, parsed.error)
                elif parsed.value is not None:
                    old = sums["values"].get(indicator_id, 0)
                    sums["values"][indicator_id] = round(old + parsed.value, 10)
                    sums["cells"][indicator_id] = _coordinate(row.row, col)
        blocks = []
        for entry in by_week.values():
            cells = {i: (entry["cells"].get(i, "-"), v) for i, v in entry["values"].items()}
            blocks.append({"unit": unit, "period": entry["period"], "cells": cells, "narrative": {}})
        return self._result(blocks)

    def _result(self, blocks: list[dict]) -> dict:
        if not blocks and not self.errors:
            raise ImportRejected("表格中没有找到任何单位的数据。", self.name)
        return {"sheet": self.sheet.title, "blocks": blocks, "errors": self.errors, "notes": self.notes}


def _period_of(value, context):
    """The week holding a date cell: a date, "2025-06-05", "6月11日"."""
    import datetime as dt

    day = None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, str):
        text = fold(value)
        found = re.match(r"(?:(\d{4})[-年/.])?(\d{1,2})[-月/.](\d{1,2})日?$", text)
        if found:
            year = int(found.group(1) or context.campaign["start_date"][:4])
            try:
                day = dt.date(year, int(found.group(2)), int(found.group(3)))
            except ValueError:
                day = None
    if day is None:
        return None
    iso = day.isoformat()
    return next((p for p in context.periods.values() if p["start_date"] <= iso <= p["end_date"]), None)
