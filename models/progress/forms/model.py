"""The model of a statistics table read from a workbook: one model serves reading a received template's
layout, reading a returned form and filling the template.

Built from plain values (a grid of rows), the merged ranges, the hidden columns and, when known, which cells
hold formulas; nothing is assumed about where things sit:

- the header band is the first run of rows holding several column titles, extended down through the rows its
  vertical merges cover, a measures row "（家）（项）…" and a 栏次 row "1 2 3…", whatever its depth;
- info lines (填报单位, 日期, 填报人, 电话, 审核人, 统计时段) are found anywhere above or below it, never as titles;
- each column is an indicator, a computed column (formulas, 率), a text column (备注, 情况, 名称, 时间…),
  a hidden column, the unit column, the 序号 column or the period column (月份);
- each row below the header is a unit row, an empty row, a section (一、…), a 小计, a 合计/总计 (anywhere or
  absent), a period row (6月…12月) or a footer/note;
- the table's kind: a unit × indicator matrix, a single-unit report (no unit column, one data row), a table of
  periods (rows are months), or an event register (one event per row, no unit column).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from models.documents.info_lines import clean, info_kinds, info_value
from models.documents.sheet_grids import merged_lookup
from models.progress.forms.header_words import (
    CALC_LABEL,
    DECIMAL_MEASURES,
    EVENT_WORDS,
    FOOTER,
    PERIOD_HEAD,
    PERIOD_ROW,
    PLACEHOLDER,
    REMARK,
    SECTION,
    SEQ_WORDS,
    SUBTOTAL,
    TEXT_WORDS,
    TOTAL,
    UNIT_LIKE,
    UNIT_WORDS,
    UNITS_ROW_LABEL,
    bare_measure,
    cell_measure,
    group_title,
    narrative_field,
    split_measure,
    units_row,
)
from models.progress.values import MEASURE_WORDS


@dataclass
class Column:
    col: int  # 1-based
    kind: str  # indicator, calc, text, hidden, unit, seq, period
    text: str  # the header texts joined by " / "
    group: str | None = None  # levels joined by "/"
    label: str = ""
    measure: str | None = None
    decimal: bool = False
    accumulation: str = "weekly"
    max_of: int | None = None  # the column this one may not exceed
    narrative: str | None = None  # for text columns: which narrative field they feed
    leaf: str = ""  # the lowest header text as written (line breaks dropped)

    @property
    def name(self) -> str:
        return f"{self.group}·{self.label}" if self.group else self.label


@dataclass
class Row:
    row: int
    kind: str  # unit, blank, section, subtotal, total, period, footer
    label: str = ""


@dataclass
class TableModel:
    sheet: str
    first_row: int
    last_row: int
    columns: list[Column]
    rows: list[Row]
    kind: str = "matrix"  # matrix, single_unit_row, period_rows, event_list
    title: str | None = None
    info: dict[str, tuple[int, int, str]] = field(default_factory=dict)  # kind → (row, col, text)
    unit_col: int | None = None
    seq_col: int | None = None
    period_col: int | None = None
    narrative_cells: dict[str, tuple[int, int]] = field(default_factory=dict)
    cumulative: bool = False

    @property
    def indicators(self) -> list[Column]:
        return [c for c in self.columns if c.kind == "indicator"]

    def rows_of(self, *kinds: str) -> list[Row]:
        return [r for r in self.rows if r.kind in kinds]

    @property
    def data_row(self) -> int | None:
        """The one data row of a single-unit report."""
        rows = self.rows_of("blank", "unit")
        return rows[0].row if rows else None

    @property
    def unit_text(self) -> str | None:
        """What the 填报单位 line says, without its label."""
        found = self.info.get("unit")
        if not found:
            return None
        value = info_value(found[2], "unit")
        return value or None


class _Grid:
    def __init__(self, rows, merges, formulas):
        self.rows = rows
        self.merges = list(merges)
        self.lookup = merged_lookup(self.merges)
        self.formulas = formulas or set()
        self.height = len(rows)
        self.width = max((len(r) for r in rows), default=0)

    def raw(self, r: int, c: int):
        if 0 < r <= self.height and 0 < c <= len(self.rows[r - 1]):
            return self.rows[r - 1][c - 1]
        return None

    def value(self, r: int, c: int):
        return self.raw(*self.lookup.get((r, c), (r, c)))

    def text(self, r: int, c: int) -> str:
        value = self.value(r, c)
        return clean(value) if isinstance(value, str) else ""

    def span(self, r: int, c: int):
        for merge in self.merges:
            if merge[0] <= r <= merge[2] and merge[1] <= c <= merge[3]:
                return merge
        return None

    def whole_row_text(self, r: int) -> bool:
        """One text cell merged across (nearly) the whole width: a title or a note."""
        span = self.span(r, 1) or next((self.span(r, c) for c in range(1, 3) if self.span(r, c)), None)
        return bool(span and span[3] - span[1] + 1 >= max(3, int(self.width * 0.6)))

    def filled(self, r: int) -> list[int]:
        return [
            c
            for c in range(1, self.width + 1)
            if self.raw(r, c) not in (None, "")
            and (r, c) not in self.lookup
            or (self.lookup.get((r, c)) == (r, c) and self.raw(r, c) not in (None, ""))
        ]


def _header_start(grid: _Grid, limit: int = 25) -> int | None:
    """The first row holding three column titles (two, for a narrow table), not a title, info line or note."""
    for least in (3, 2):
        for r in range(1, min(grid.height, limit) + 1):
            if grid.whole_row_text(r):
                continue
            texts = [grid.text(r, c) for c in range(1, grid.width + 1) if grid.lookup.get((r, c), (r, c)) == (r, c)]
            titles = [
                t
                for t in texts
                if t
                and not info_kinds(t)
                and not t.isdigit()
                and not FOOTER.match(t)
                and not re.fullmatch(r"附件\d*", t)
            ]
            if len(titles) >= least and len(titles) >= 0.6 * len([t for t in texts if t]):
                return r
    return None


def _header_end(grid: _Grid, first: int) -> int:
    last = first
    # the rows the band's vertical merges cover
    for min_row, _c0, max_row, _c1 in grid.merges:
        if min_row == first and max_row > last and max_row - first < 8:
            last = max_row
    while last + 1 <= grid.height:
        r = last + 1
        cells = [(c, grid.raw(r, c)) for c in range(1, grid.width + 1) if grid.raw(r, c) not in (None, "")]
        if not cells:
            break
        texts = [clean(v) for _c, v in cells if isinstance(v, str)]
        numbers = [v for _c, v in cells if isinstance(v, (int, float)) and not isinstance(v, bool)]
        if not numbers and units_row(texts):
            last = r  # the measures row
            continue
        if (
            numbers
            and not texts
            and len(numbers) >= 3
            and numbers == list(range(int(numbers[0]), int(numbers[0]) + len(numbers)))
        ):
            last = r  # the 栏次 row
            continue
        if texts and not numbers and all(re.fullmatch(r"栏次|列号|[甲乙丙丁]|\d+", t) for t in texts):
            last = r
            continue
        if last - first < 3 and _unmerged_header_row(grid, r, first, cells, texts, numbers):
            last = r  # a lower header row written without merged cells (labels under repeated group names)
            continue
        break
    return last


def _row_texts(grid: _Grid, r: int) -> list[str]:
    return [clean(v) for c in range(1, grid.width + 1) if isinstance(v := grid.raw(r, c), str) and clean(v)]


def _own_title(grid: _Grid, r: int, c: int) -> bool:
    """The header cell (r, c) titles column c alone: not merged across columns nor repeated beside (a group)."""
    span = grid.span(r, c)
    if span and span[3] > span[1]:
        return False
    text = grid.text(r, c)
    return all(grid.text(r, n) != text for n in (c - 1, c + 1) if n >= 1)


def _unmerged_header_row(grid: _Grid, r: int, first: int, cells, texts, numbers) -> bool:
    if numbers or len(texts) < 2 or len(texts) != len(cells):
        return False
    if any(
        TOTAL.match(t)
        or SUBTOTAL.search(t)
        or SECTION.match(t)
        or FOOTER.match(t)
        or info_kinds(t)
        or PERIOD_ROW.match(t)
        for t in texts
    ):
        return False
    for c, _v in cells:
        if c <= 2 and grid.lookup.get((r, c), (r, c))[0] >= r:
            return False  # the label columns hold something of this row's own: a data row
        if not any(grid.value(top, c) not in (None, "") for top in range(first, r)):
            return False  # nothing above it: not a lower level of the header
    return True


def _classify(grid: _Grid, first: int, last: int, c: int, hidden: set[int], units_rows: set[int]) -> Column | None:
    stack, measure = [], None  # stack: (text, value as written, row) of each title level
    for r in range(first, last + 1):
        value = grid.value(r, c)
        if value in (None, ""):
            continue
        if isinstance(value, str):
            text = clean(value)
            if found := cell_measure(text):
                measure = found
                continue
            if r in units_rows and (text.startswith("计量") or stack) and UNITS_ROW_LABEL.match(text):
                continue  # 计量单位 leading a units row (a bare 单位 with nothing above titles the unit column)
            if r in units_rows and PLACEHOLDER.fullmatch(text):
                continue
            bare = bare_measure(text)
            if bare and stack and _own_title(grid, stack[-1][2], c):
                measure = bare  # under the column's own title: its measure; under a group it is the title
                continue
            if re.fullmatch(r"栏次|列号|[甲乙丙丁]|\d+", text):
                continue
            if not stack or stack[-1][0] != text:
                stack.append((text, value, r))
    if not stack:
        return None
    joined = " / ".join(text for text, _value, _r in stack)
    label, own_measure = split_measure(stack[-1][1])
    measure = own_measure or measure
    group = "/".join(group_title(value) for _text, value, _r in stack[:-1]) or None
    column = Column(col=c, kind="indicator", text=joined, group=group, label=label, measure=measure, leaf=stack[-1][0])
    leaf = label
    if c in hidden:
        column.kind = "hidden"
    elif SEQ_WORDS.match(leaf):
        column.kind = "seq"
    elif UNIT_WORDS.match(re.sub(r"[（(](盖章|章)[)）]$", "", column.leaf)) or UNIT_WORDS.match(column.leaf):
        column.kind = "unit"
    elif PERIOD_HEAD.match(leaf):
        column.kind = "period"
    elif REMARK.match(leaf):
        column.kind = "text"
    elif CALC_LABEL.search(leaf) or (measure == "%" and not own_measure):
        column.kind = "calc"
    elif measure is None and TEXT_WORDS.search(leaf):
        column.kind = "text"
        column.narrative = narrative_field(leaf)
    elif measure is not None and measure not in MEASURE_WORDS and TEXT_WORDS.search(leaf):
        column.kind = "text"
    column.decimal = bool(measure and measure in DECIMAL_MEASURES)
    if "累计" in leaf or "截至" in leaf:
        column.accumulation = "cumulative"
    return column


def _row_kind(grid: _Grid, r: int, label_cols: list[int], data_cols: list[int]) -> Row:
    labels = [grid.text(r, c) for c in label_cols]
    label = next((t for t in reversed(labels) if t and not t.isdigit()), "")
    if not label:  # a label merged in from another column (合计 over A:B)
        label = next((grid.text(r, c) for c in range(1, (min(data_cols) if data_cols else 2)) if grid.text(r, c)), "")
    first_text = next((grid.text(r, c) for c in range(1, grid.width + 1) if grid.text(r, c)), "")
    whole = grid.whole_row_text(r) and not (
        TOTAL.match(first_text) or SUBTOTAL.search(first_text) or SECTION.match(first_text)
    )
    if FOOTER.match(first_text) or (whole and len(first_text) > 4) or info_kinds(first_text):
        return Row(r, "footer", first_text)
    if TOTAL.match(label) or re.fullmatch(r".{0,6}(合计|总计)", label):
        return Row(r, "total", label)
    if SUBTOTAL.search(label):
        return Row(r, "subtotal", label)
    if SECTION.match(label):
        return Row(r, "section", label)
    if PERIOD_ROW.match(label):
        return Row(r, "period", label)
    if label:
        return Row(r, "unit", label)
    return Row(r, "blank")


def read_model(
    rows: list[list],
    merges,
    *,
    sheet: str = "",
    hidden: set[int] | None = None,
    formulas: set[tuple[int, int]] | None = None,
    bordered: set[int] | None = None,
) -> TableModel | None:
    """The model of one sheet, or None when it holds no table with a header."""
    grid = _Grid(rows, merges, formulas)
    first = _header_start(grid)
    if first is None:
        return None
    last = _header_end(grid, first)
    below = list(range(last + 1, grid.height + 1))
    units_rows = {r for r in range(first + 1, last + 1) if units_row(_row_texts(grid, r))}
    columns = [
        col for c in range(1, grid.width + 1) if (col := _classify(grid, first, last, c, hidden or set(), units_rows))
    ]
    if not any(col.kind == "indicator" for col in columns):
        return None
    model = TableModel(sheet=sheet, first_row=first, last_row=last, columns=columns, rows=[])
    _unit_column_by_meaning(columns)
    for col in columns:
        if col.kind == "unit" and model.unit_col is None:
            model.unit_col = col.col
        elif col.kind == "seq" and model.seq_col is None:
            model.seq_col = col.col
        elif col.kind == "period" and model.period_col is None:
            model.period_col = col.col
    data_cols = [c.col for c in columns if c.kind == "indicator"]
    label_cols = [c for c in (model.seq_col, model.unit_col, model.period_col) if c]
    if not label_cols:
        label_cols = [c for c in range(1, min(data_cols)) if c not in (hidden or set())]
    # the title and the info lines above the header
    for r in range(1, first):
        for c in range(1, grid.width + 1):
            text = grid.text(r, c) if grid.lookup.get((r, c), (r, c)) == (r, c) else ""
            if not text:
                continue
            kinds = info_kinds(text)
            for kind in kinds:
                model.info.setdefault(kind, (r, c, text))
            if not kinds and model.title is None and len(text) > 6 and not re.fullmatch(r"附件\d*", text):
                model.title = text
            if re.search(r"累计|截[至止]到?.{0,14}日(为止|止)", text) and not re.search(r"前报|报送|截止时间", text):
                model.cumulative = True
    # the rows below the header
    ended = False
    for r in below:
        if ended:
            row = Row(r, "footer", next((grid.text(r, c) for c in range(1, grid.width + 1) if grid.text(r, c)), ""))
        else:
            row = _row_kind(grid, r, label_cols, data_cols)
            if row.kind == "footer":
                ended = True
        model.rows.append(row)
        if row.kind == "footer":
            for c in range(1, grid.width + 1):
                text = grid.text(r, c) if grid.lookup.get((r, c), (r, c)) == (r, c) else ""
                for kind in info_kinds(text) if text else []:
                    model.info.setdefault(kind, (r, c, text))
    _trim_blank_rows(model, bordered)
    plain_rows = [row.row for row in model.rows if row.kind in ("unit", "blank", "period")]
    for col in model.columns:  # a column whose data cells hold formulas is computed, not typed
        if col.kind == "indicator" and any((r, col.col) in grid.formulas for r in plain_rows):
            col.kind = "calc"
    _decide_kind(model, grid, label_cols)
    _rules(model)
    if model.cumulative:
        for col in model.indicators:
            col.accumulation = "cumulative"
    return model


def _unit_column_by_meaning(columns: list[Column]) -> None:
    """No column titled 单位/部门…: the first text column left of the figures whose title names units
    (乡（镇）, 责任单位, 区县名称 …) is the unit column, unless the table registers events (名称 + 时间/地点)."""
    if any(c.kind == "unit" for c in columns):
        return
    measured = [c.col for c in columns if c.kind == "indicator" and c.measure]
    first_figure = min(measured or [c.col for c in columns if c.kind == "indicator"], default=0)
    events = any(c.kind == "text" and EVENT_WORDS.search(c.label) for c in columns)
    for column in columns:
        if column.col >= first_figure:
            return
        if column.kind in ("text", "indicator") and column.measure is None:
            label = re.sub(r"[（(][^（()）]*[)）]$", "", column.label)
            if UNIT_LIKE.search(label) and not (events and label.endswith("名称")):
                column.kind, column.narrative = "unit", None
                return


def _trim_blank_rows(model: TableModel, bordered: set[int] | None) -> None:
    """Blank rows count as table rows when a row of the table follows them (a 合计, a unit …) or they have
    borders; the empty rows between the table and its notes do not."""
    rows = model.rows
    table_end = next((i for i, row in enumerate(rows) if row.kind == "footer"), len(rows))
    last_content = max((i for i, row in enumerate(rows[:table_end]) if row.kind != "blank"), default=-1)
    for i, row in enumerate(rows[:table_end]):
        if row.kind == "blank" and i > last_content and not (bordered and row.row in bordered):
            row.kind = "outside"


def _decide_kind(model: TableModel, grid: _Grid, label_cols: list[int]) -> None:
    texts = [c for c in model.columns if c.kind == "text"]
    if model.period_col or (model.rows_of("period") and not model.rows_of("unit")):
        model.kind = "period_rows"
    elif model.unit_col is None:
        named = next((c for c in texts if c.label.endswith("名称")), None)
        events = any(EVENT_WORDS.search(c.label) for c in texts)
        if named is not None and (model.seq_col is not None or events):
            model.kind = "event_list"
            event = named.label[: -len("名称")] or "活动"
            model.columns.insert(0, Column(col=0, kind="count", text=named.label, label=f"{event}场次", measure="场"))
        else:
            model.kind = "single_unit_row"
            if model.rows:
                model.rows[0] = Row(model.rows[0].row, "blank")  # the one data row, under the header
            for row in model.rows[1:]:
                label = next((grid.text(row.row, c) for c in range(1, grid.width + 1) if grid.text(row.row, c)), "")
                field_name = narrative_field(label) if 0 < len(label) <= 8 else None
                if field_name and field_name not in model.narrative_cells:
                    target = next(
                        (
                            c
                            for c in range(2, grid.width + 1)
                            if grid.lookup.get((row.row, c), (row.row, c)) == (row.row, c)
                        ),
                        None,
                    )
                    if target:
                        model.narrative_cells[field_name] = (row.row, target)
            narrative_rows = {r for r, _c in model.narrative_cells.values()}
            model.rows = [Row(r.row, "footer" if r.row in narrative_rows else r.kind, r.label) for r in model.rows]


def _rules(model: TableModel) -> None:
    """其中… ≤ the nearest earlier column of its group; 已整改/查实/销号 too, inside a group; measures alike."""
    part = re.compile(r"^其中")
    grouped_part = re.compile(r"^已|查实$|销号$|办结$|已整改")
    indicators = model.indicators

    def is_part(col: Column) -> bool:
        return bool(part.search(col.label) or (col.group and grouped_part.search(col.label)))

    for number, col in enumerate(indicators):
        if not is_part(col):
            continue
        for earlier in reversed(indicators[:number]):
            alike = (earlier.measure or "")[:1] == (col.measure or "")[:1]
            if earlier.group == col.group and not is_part(earlier) and alike:
                col.max_of = earlier.col
                break


def workbook_models(sheets) -> list[TableModel]:
    """Models of every sheet that holds a table: ``sheets`` yields (title, rows, merges, hidden, formulas)."""
    found = []
    for title, rows, merges, hidden, formulas, bordered in sheets:
        model = read_model(rows, merges, sheet=title, hidden=hidden, formulas=formulas, bordered=bordered)
        if model is not None:
            found.append(model)
    return found


def best_model(models: list[TableModel]) -> TableModel | None:
    """The sheet holding the statistics table: the one with the most indicator columns (first on ties)."""
    return max(models, key=lambda m: len(m.indicators), default=None)
