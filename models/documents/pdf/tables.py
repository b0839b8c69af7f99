"""The per-unit table on the official page: every column shown, widths from the content, the font stepped down to
a readable minimum, and when even that is too wide, split into several tables (the unit column and the header rows
repeated in each; the header rows repeated on every page); never wider or taller than the text block. Text wraps
in its cell by the rules of body text (``linebreak.wrap_text``); text columns read from the left, figures from the
right."""

from __future__ import annotations

import functools
import re

from reportlab.platypus import Flowable

from models.documents.pdf import fonts, glyphs
from models.documents.pdf import geometry as g
from models.documents.pdf.linebreak import wrap_text
from models.documents.pdf.paged import PagedTable
from models.documents.pdf.protect import Protection

SIZES = (9.0, 8.5, 8.0, 7.5)  # figures; 7.5 pt (≈ 小六) is the smallest still read without a lens
HEAD_SIZE = 8.0
PAD_X, PAD_TOP, PAD_BOTTOM = 1.5, 1.5, 2.5
HEAD_LINES = 3  # a column head wraps to at most this many lines
UNIT_SHARE = 0.3  # the unit column takes at most this share of the block; longer names wrap
# The frame is one line pitch taller than the 22 lines' glyphs need; a table must end at the block's foot.
FRAME_EXCESS = g.FRAME_HEIGHT - g.BLOCK_HEIGHT


class InBlock(Flowable):
    """A table or drawing kept above the foot of the text block (the frame reaches a little lower)."""

    def __init__(self, inner, excess: float = FRAME_EXCESS):
        super().__init__()
        self.inner, self.excess = inner, excess

    def wrap(self, avail_width, avail_height):
        width, height = self.inner.wrap(avail_width, max(0.0, avail_height - self.excess))
        self.width, self.height = width, height
        if height > avail_height - self.excess:
            return width, avail_height + 1  # does not fit above the foot: platypus must split it
        return width, height

    def split(self, avail_width, avail_height):
        if not hasattr(self.inner, "split"):
            return []
        parts = self.inner.split(avail_width, max(0.0, avail_height - self.excess))
        return [InBlock(part, self.excess) for part in parts]

    def draw(self):
        self.inner.drawOn(self.canv, 0, 0)


class RunsCell(Flowable):
    """A cell whose text needs a fallback face for some characters (reportlab draws plain cell strings in one
    face); also where the glyph check learns the page of a character no face has."""

    def __init__(self, text: str, font: str, size: float, leading: float, align: str, where: str):
        super().__init__()
        self.text, self.font, self.size, self.leading, self.align, self.where = text, font, size, leading, align, where

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        self.height = self.leading * (self.text.count("\n") + 1)
        return self.width, self.height

    def draw(self):
        from models.documents.pdf.flowables import draw_runs

        glyphs.note(self.canv.getPageNumber(), self.where, self.text.replace("\n", ""), self.font)
        top = self.height
        for line in self.text.split("\n"):
            width = fonts.width(line, self.font, self.size)
            x = {"RIGHT": self.width - width, "CENTER": (self.width - width) / 2}.get(self.align, 0.0)
            draw_runs(self.canv, x, top - self.size * (1 + fonts.descent(self.font)), line, self.font, self.size)
            top -= self.leading


_checked: dict[str, set] = {}  # face → characters looked up
_foreign: dict[str, set] = {}  # face → those of them it lacks (a fallback face, or none, draws them)


def _needs_runs(text, font: str) -> bool:
    return isinstance(text, str) and bool(_foreign.get(font, set()) & set(text))


def _check_chars(texts, font: str) -> set:
    """Look each new character of *texts* up once, noting those *font* lacks; returns those of *texts*."""
    foreign = _foreign.setdefault(font, set())
    known = _checked.setdefault(font, set())
    chars = set("".join(t for t in texts if isinstance(t, str)))
    for char in chars - known:
        known.add(char)
        if not char.isspace() and fonts.font_for(font, char) != font:
            foreign.add(char)
    return chars & foreign


def _wrap(text, font: str, size: float, width: float, protect: Protection | None = None) -> str:
    """Wrap to *width* (reportlab tables do not wrap plain strings) by the rules of body text (``linebreak``):
    no closing mark first on a line nor opening one last, numbers whole; never wider than *width*."""
    text = str(text)
    if "\n" not in text and fonts.width(text, font, size) <= width + 0.01:
        return text  # fits whole: no need to break it
    return wrap_text(text, lambda piece: fonts.width(piece, font, size), width, protect)


# what a figure is printed with (8,420 / 95.6% / −3), or a mark for none (— / blank): a cell of only these is set
# flush right
_FIGURE_CHARS = "0123456789０１２３４５６７８９,，.．%％‰+-−—–－/／ "


def alignments(rows: list[list], count: int) -> list[str]:
    """Per column: the first (units) and any column with a cell that is not a figure (names, remarks) from the
    left, as the official forms set text; figures to the right."""
    padded = [row if len(row) >= count else [*row, *[""] * (count - len(row))] for row in rows]
    out = ["LEFT"]
    for values in list(zip(*padded))[1:count]:
        try:
            text = "".join(set(values))
        except TypeError:  # numbers or None among the cells: they count as figures
            text = "".join(value for value in set(values) if isinstance(value, str))
        out.append("LEFT" if text.strip(_FIGURE_CHARS) else "RIGHT")  # one look at the whole column
    return out + ["RIGHT"] * (count - len(out))  # no rows at all


_COUNT = re.compile("[0-9]{1,4}")


def _counts(rows: list[list], column: int) -> bool:
    """Whether a list's column numbers its rows (序号: 1, 2, … at most four digits, every row): set centred,
    as the official lists do; phone numbers and other digits stay from the left."""
    values = [str(row[column]) for row in rows if column < len(row) and row[column] not in (None, "")]
    return bool(values) and all(_COUNT.fullmatch(value) for value in values)


def _head_width(text: str, font: str) -> float:
    """The narrowest a column head may be: each bracketed line whole, the rest in at most HEAD_LINES lines."""
    need = 0.0
    for line in str(text).split("\n"):
        full = fonts.width(line, font, HEAD_SIZE)
        whole = line.startswith("(") or len(line) <= 2
        need = max(need, full if whole else full / HEAD_LINES + fonts.width("中", font, HEAD_SIZE))
    return need + 2 * PAD_X


def _natural(rows: list[list], count: int) -> tuple[float, list[float]]:
    """At 1 pt (widths scale with the size: measured once for every size tried): the longest line of a unit name
    and the widest text of each of the *count* - 1 columns after it."""
    body = fonts.font("fangsong")
    longest = _widest(tuple({line for row in rows for line in str(row[0] or "").split("\n")}), body)
    return longest, [_widest(tuple({str(row[i]) for row in rows if i < len(row)}), body) for i in range(1, count)]


def _column_widths(header: list[str], natural: tuple[float, list[float]], size: float) -> tuple[float, list[float]]:
    body, bold = fonts.font("fangsong"), fonts.font("heiti")
    longest, texts = natural
    unit = min(max(longest * size, fonts.width("合计", body, size)) + 2 * PAD_X, g.BLOCK_WIDTH * UNIT_SHARE)
    unit = max(unit, _head_width(header[0], bold))
    widths = []
    widest = (g.BLOCK_WIDTH - unit) / 2  # a column of long text wraps rather than run off the block
    for index in range(1, len(header)):
        widths.append(min(max(texts[index - 1] * size + 2 * PAD_X, _head_width(header[index], bold)), widest))
    return unit, widths


@functools.lru_cache(maxsize=256)
def _widest(texts: tuple[str, ...], font: str) -> float:
    """The widest of *texts* at 1 pt."""
    return max([fonts.width(text, font, 1.0) for text in texts] or [0.0])


def _runs(groups: list[str]) -> list[list[int]]:
    """Column indexes (1-based, as in the header) in runs of the same group."""
    out: list[list[int]] = []
    for index, group in enumerate(groups, start=1):
        if out and groups[out[-1][-1] - 1] == group:
            out[-1].append(index)
        else:
            out.append([index])
    return out


def plan(header: list[str], rows: list[list], groups: list[str] | None = None) -> tuple[float, list[list[int]]]:
    """The size and the column chunks: one table at the largest size that fits, else chunks at the largest size,
    whole groups kept together where they fit."""
    return _plan(header, _natural(rows, len(header)), groups)


def _plan(header: list[str], natural, groups: list[str] | None) -> tuple[float, list[list[int]]]:
    groups = groups or [""] * (len(header) - 1)
    for size in SIZES:
        unit, widths = _column_widths(header, natural, size)
        if unit + sum(widths) <= g.BLOCK_WIDTH:
            return size, [list(range(1, len(header)))]
    size = SIZES[0]
    unit, widths = _column_widths(header, natural, size)
    room = g.BLOCK_WIDTH - unit
    chunks = _chunks(_runs(groups), widths, room)
    # as few tables as that, but of even widths: the narrowest room that still needs no more tables
    total = sum(widths)
    for step in range(21):
        tighter = total / len(chunks) + (room - total / len(chunks)) * step / 20
        even = _chunks(_runs(groups), widths, tighter)
        if len(even) <= len(chunks):
            return size, even
    return size, chunks


def _chunks(runs: list[list[int]], widths: list[float], room: float) -> list[list[int]]:
    """Columns into tables of at most *room* wide, filled in order, a group kept whole where it fits."""
    chunks: list[list[int]] = [[]]
    for run in runs:
        used = sum(widths[i - 1] for i in chunks[-1])
        need = sum(widths[i - 1] for i in run)
        if used + need <= room:
            chunks[-1].extend(run)
            continue
        if need <= room and chunks[-1]:
            chunks.append(list(run))
            continue
        for index in run:  # a group wider than a whole table: its columns go on one by one
            if chunks[-1] and sum(widths[i - 1] for i in chunks[-1]) + widths[index - 1] > room:
                chunks.append([])
            chunks[-1].append(index)
    return [chunk for chunk in chunks if chunk]


def _cell_style(name: str, font: str, size: float, leading: float, align: str):
    """One cell look: 1.5 pt padding (2.5 below), text centred vertically."""
    from reportlab.platypus.tables import CellStyle

    style = CellStyle(name)
    style.fontname, style.fontsize, style.leading, style.alignment = font, size, leading, align
    style.valign = "MIDDLE"
    style.topPadding, style.bottomPadding, style.leftPadding, style.rightPadding = PAD_TOP, PAD_BOTTOM, PAD_X, PAD_X
    return style


def _text_height(row: list, style) -> float:
    """A row's height as reportlab works it out for text cells (lines × leading + padding), given up front so it
    is not worked out again for every page the table is split over."""
    lines = max([str(v).count("\n") + 1 for v in row if v is not None] or [1])
    return style.leading * lines + style.bottomPadding + style.topPadding


def _table(header, rows, columns, groups, size, unit_width, widths, natural, aligns, protect=None):
    """ONE table (a reportlab Table per page: paged.py): the unit column and *columns* (text set as *aligns* says:
    ``alignments``); a group row above the heads when groups are named.

    The cells share a few ready-made styles instead of a TableStyle applying commands to each of the thousands of
    cells; only the grid and the spans of the group row go through a TableStyle."""
    body, bold = fonts.font("fangsong"), fonts.font("heiti")
    col_widths = [unit_width] + [widths[i - 1] for i in columns]
    head_style = _cell_style("head", bold, HEAD_SIZE, HEAD_SIZE * 1.2, "CENTER")
    name_style = _cell_style("unit", body, size, size * 1.25, "LEFT")
    figure_style = _cell_style("figure", body, size, size * 1.25, "RIGHT")
    column_styles = [name_style] + [figure_style if aligns[i] == "RIGHT" else name_style for i in columns]
    heads = [header[0]] + [header[i] for i in columns]
    head = [_wrap(text, bold, HEAD_SIZE, w - 2 * PAD_X, protect) for text, w in zip(heads, col_widths)]
    names = [_wrap(row[0], body, size, unit_width - 2 * PAD_X, protect) for row in rows]
    # only a column whose widest text is wider than the column has cells to wrap
    wide = [
        (at, w) for at, (i, w) in enumerate(zip(columns, col_widths[1:])) if natural[1][i - 1] * size > w - 2 * PAD_X
    ]
    data = []
    for name, row in zip(names, rows):
        cells = [row[i] if i < len(row) else "" for i in columns]
        for at, w in wide:
            value = cells[at]
            if isinstance(value, str) and fonts.width(value, body, size) > w - 2 * PAD_X + 0.01:
                cells[at] = _wrap(value, body, size, w - 2 * PAD_X, protect)
        data.append([name, *cells])
    commands = [("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0))]
    header_rows = [head]
    named = groups and any(groups[i - 1] for i in columns)
    spanning: list[str] = []  # heads that take both header rows
    if named:
        top = [head[0]] + [""] * len(columns)
        start = 0
        while start < len(columns):
            group = groups[columns[start] - 1]
            end = start
            while end + 1 < len(columns) and groups[columns[end + 1] - 1] == group:
                end += 1
            if group and end > start:
                top[start + 1] = _wrap(
                    group, bold, HEAD_SIZE, sum(col_widths[start + 1 : end + 2]) - 2 * PAD_X, protect
                )
                commands.append(("SPAN", (start + 1, 0), (end + 1, 0)))
            else:  # a group of one column: its head takes both rows
                top[start + 1] = head[start + 1]
                spanning.append(head[start + 1])
                commands.append(("SPAN", (start + 1, 0), (start + 1, 1)))
                head[start + 1] = ""
            start = end + 1
        spanning.append(top[0])
        head[0] = ""
        commands.append(("SPAN", (0, 0), (0, 1)))
        header_rows = [top, head]
    styles = [[head_style] * len(col_widths)] * len(header_rows)
    styles += [column_styles] * len(data)
    if named:  # the group row as tall as the groups; the heads' row makes up what the spanning heads need
        group_cells = [c for c in header_rows[0] if c and c not in spanning]
        heights = [_text_height(group_cells, head_style), _text_height(header_rows[1], head_style)]
        tallest = _text_height(spanning, head_style)
        heights[1] = max(heights[1], tallest - heights[0])
    else:
        heights = [_text_height(head, head_style)]
    heights += [_text_height(r, figure_style) for r in data]
    if _check_chars((v for cells in data for v in cells), body):  # some need a fallback face
        for row in data:
            for index, value in enumerate(row):
                if _needs_runs(value, body):
                    style = column_styles[index]
                    row[index] = RunsCell(value, body, size, style.leading, style.alignment, f"统计表“{row[0]}”一行")
    if _check_chars((v for cells in header_rows for v in cells), bold):  # some need a fallback face
        for row in header_rows:
            for index, value in enumerate(row):
                if _needs_runs(value, bold):
                    row[index] = RunsCell(value, bold, HEAD_SIZE, head_style.leading, "CENTER", "统计表表头")
    return PagedTable(header_rows, data, heights, styles, col_widths, commands)


def unit_tables(
    header: list[str], rows: list[list], groups: list[str] | None = None, protect: Protection | None = None
) -> list:
    """The per-unit table as one or more tables, each filling the block's width, kept inside it; text wrapped in
    its cells keeps the runs *protect* names whole where they fit."""
    natural = _natural(rows, len(header))
    aligns = alignments(rows, len(header))
    size, chunks = _plan(header, natural, groups)
    unit_width, widths = _column_widths(header, natural, size)
    out = []
    for columns in chunks:
        spare = g.BLOCK_WIDTH - unit_width - sum(widths[i - 1] for i in columns)
        share = max(0.0, spare) / len(columns)
        stretched = list(widths)
        for i in columns:
            stretched[i - 1] = widths[i - 1] + share
        out.append(
            InBlock(_table(header, rows, columns, groups, size, unit_width, stretched, natural, aligns, protect))
        )
    return out


def list_table(
    header: list[str],
    rows: list[list],
    shares: list[float],
    width: float,
    size: float = 9.0,
    spans=None,
    protect: Protection | None = None,
):
    """A list as ONE table (a reportlab Table per page): columns of the given shares of *width*, every cell
    wrapped to its column by the rules of body text (a face that has them for rare ones), the header repeated on
    every page; *spans* gives rows whose cells from a column on are one (a remark across the row)."""
    body, bold = fonts.font("fangsong"), fonts.font("heiti")
    total = sum(shares) or 1.0
    widths = [width * share / total for share in shares]
    head_style = _cell_style("head", bold, size, size * 1.25, "CENTER")
    cell_style = _cell_style("cell", body, size, size * 1.3, "LEFT")
    counting = _cell_style("count", body, size, size * 1.3, "CENTER")
    column_styles = [counting if _counts(rows, column) else cell_style for column in range(len(header))]
    head = [_wrap(text, bold, size, w - 2 * PAD_X, protect) for text, w in zip(header, widths)]
    spans = spans or {}
    data = []
    for index, row in enumerate(rows):
        cells = [_wrap("" if v is None else v, body, size, w - 2 * PAD_X, protect) for v, w in zip(row, widths)]
        if index in spans:
            first = spans[index]
            cells[first] = _wrap(row[first], body, size, sum(widths[first:]) - 2 * PAD_X, protect)
        data.append(cells)
    heights = [_text_height(head, head_style)] + [_text_height(row, cell_style) for row in data]
    if _check_chars((v for cells in data for v in cells), body):  # some need a fallback face
        for row in data:
            for index, value in enumerate(row):
                if _needs_runs(value, body):
                    align = column_styles[index].alignment
                    row[index] = RunsCell(value, body, size, cell_style.leading, align, f"名单“{row[1]}”一行")
    styles = [[head_style] * len(header)] + [column_styles] * len(data)
    return PagedTable([head], data, heights, styles, widths, [("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0))], spans)
