"""One week's grid: units down, indicators across, with rules, outlier flags and saving as one batch.

Loaded with one query per table (units, indicators, the week's figures grouped by unit, reports
received), and the rules are checked column by column, so a city's 3,000 × 30 week opens about as fast
as one SELECT of its figures.  The outlier warnings need the earlier weeks (170k figures or more for a
city): when their usual figures are not kept yet (models.progress.earlier) they are judged later, for the
rows that show first (one query for a few dozen units) and then for the whole week.  Cells are plain lists.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from models.campaigns.campaign import campaign_units
from models.campaigns.layouts import header_text, list_indicators
from models.campaigns.periods import list_periods
from models.progress.earlier import (
    Usual,
    kept_after_save,
    kept_rows,
    known_usual,
    usual_figures,
    usual_of_units,
    version,
)
from models.progress.figures import set_figures, week_rows
from models.progress.reporting import received_by_unit
from models.progress.totals import column_totals, counted
from models.progress.values import check_rules, parse_figure
from models.store.database import Store

OUTLIER_FACTOR = 5
_NUMBERS = (int, float)
JUDGED_TOGETHER = 64  # rows whose earlier weeks are read in one query when one of them shows


@dataclass(frozen=True)
class Issue:
    level: str  # "error" or "warning"
    message: str


@dataclass
class WeekGrid:
    """Figures of one period; ``values[row][col]`` for units[row] × indicators[col] (None: empty).

    The rules are checked for every cell when the week is read; the outlier warnings, which need the
    earlier weeks, row by row when first asked for (``issue``: the rows in sight) and for all rows when
    ``issues`` is read (the count of the caption, after the first paint).
    """

    campaign_id: str
    period: dict
    units: list[dict]
    indicators: list[dict]
    values: list[list]
    received: dict[str, str | None]
    usual: dict[str, dict[str, float]] = field(default_factory=dict)  # unit → indicator → earlier weeks' median
    found: dict[tuple[int, int], Issue] = field(default_factory=dict)  # the issues of the rows judged so far
    unjudged: set[int] = field(default_factory=set)  # rows whose outlier warnings are still to be judged
    store: Store | None = field(default=None, repr=False)  # where those rows' earlier weeks are read from
    periods: list[dict] = field(default_factory=list, repr=False)

    @property
    def issues(self) -> dict[tuple[int, int], Issue]:
        """Every cell's issue (the rows not judged yet are judged first)."""
        if self.unjudged and self._readable():
            judge_rows(self.store, self, self.unjudged, whole_week=True)
        return self.found

    @issues.setter
    def issues(self, issues: dict[tuple[int, int], Issue]) -> None:
        self.found = issues

    def issue(self, row: int, col: int) -> Issue | None:
        """One cell's issue, its row (and the rows around it, in one read) judged first if need be."""
        if row in self.unjudged and self.values[row][col] is not None and self._readable():  # empty: no issue
            start = row - row % JUDGED_TOGETHER
            judge_rows(self.store, self, [r for r in range(start, start + JUDGED_TOGETHER) if r in self.unjudged])
        return self.found.get((row, col))

    def _readable(self) -> bool:
        """Whether the earlier weeks can still be read (a window repainted after its file was closed: not)."""
        return self.store is not None and not self.store.closed

    def totals(self) -> list:
        """Column sums of the figures, impossible ones left out until they are corrected."""
        bad = self.error_cells()
        if not bad:
            return column_totals(self.values, len(self.indicators))
        kept = [[None if (r, c) in bad else v for c, v in enumerate(row)] for r, row in enumerate(self.values)]
        return column_totals(kept, len(self.indicators))

    def error_cells(self) -> set[tuple[int, int]]:
        """The cells breaking a rule (known for every row as soon as the week is read)."""
        return {cell for cell, issue in self.found.items() if issue.level == "error"}

    def reported(self, row: int) -> bool:
        return self.units[row]["id"] in self.received


def load_week(store: Store, campaign_id: str, period_id: str) -> WeekGrid:
    """The week as stored, its rules checked; the outlier warnings are judged when asked for (WeekGrid)."""
    periods = list_periods(store, campaign_id)
    period = next(p for p in periods if p["id"] == period_id)
    rows = kept_rows(store, period_id, week_rows(store, period_id))  # read afresh: kept for later weeks
    with_figures = {unit_id for unit_id, _, values in rows if any(v is not None for v in values)}
    # a deactivated unit stays for the weeks it reported
    units = counted(campaign_units(store, campaign_id, active_only=False), with_figures)
    indicators = list_indicators(store, campaign_id)
    row_of = {u["id"]: r for r, u in enumerate(units)}
    col_of = {i["id"]: c for c, i in enumerate(indicators)}
    values: list[list] = [[None] * len(indicators) for _ in units]
    places: dict[int, list] = {}  # id of a unit's list of indicator ids → (column, position) pairs
    for unit_id, keys, figures in rows:
        r = row_of.get(unit_id)
        if r is None:
            continue
        pairs = places.get(id(keys))
        if pairs is None:
            pairs = places[id(keys)] = [(col_of[k], j) for j, k in enumerate(keys) if k in col_of]
        row = values[r]
        for c, j in pairs:
            row[c] = figures[j]
    received = received_by_unit(store, period_id, figure_units=[unit_id for unit_id, _, _ in rows])
    usual = known_usual(store, campaign_id, period["seq"])
    grid = WeekGrid(campaign_id, period, units, indicators, values, received, usual or {}, store=store)
    grid.periods = periods
    check_grid(grid)
    if usual is None:  # the earlier weeks not read yet: every row waits for them
        grid.unjudged = set(range(len(units)))
    return grid


def judge_rows(store: Store, grid: WeekGrid, rows, whole_week: bool = False) -> None:
    """The outlier warnings of *rows*: their units' earlier weeks read (one query), or with *whole_week* every
    unit's usual figures worked out and kept for the file (models.progress.earlier.usual_figures)."""
    rows = sorted(r for r in rows if r in grid.unjudged)
    if not rows:
        return
    seq = grid.period["seq"]
    usual = known_usual(store, grid.campaign_id, seq)
    if usual is None and (whole_week or len(rows) > len(grid.units) // 2):
        usual = usual_figures(store, grid.campaign_id, grid.periods or list_periods(store, grid.campaign_id), seq)
    if usual is not None:
        grid.usual = usual
    else:
        if isinstance(grid.usual, Usual):  # kept for the whole file: never changed here
            grid.usual = dict(grid.usual)
        earlier = [p["id"] for p in grid.periods if p["seq"] < seq]
        grid.usual.update(usual_of_units(store, earlier, [grid.units[r]["id"] for r in rows]))
    grid.unjudged.difference_update(rows)
    _add_outliers(grid, rows)


def _add_outliers(grid: WeekGrid, rows: list[int]) -> None:
    """The warnings of *rows* now that their units' usual figures are known (their rules were checked when
    the week was read: a cell that breaks one keeps its error)."""
    ids = [i["id"] for i in grid.indicators]
    if isinstance(grid.usual, Usual):
        ceilings = grid.usual.ceilings(ids, OUTLIER_FACTOR)
    else:
        ceilings = Usual({u: grid.usual[u] for u in (grid.units[r]["id"] for r in rows) if u in grid.usual})
        ceilings = ceilings.ceilings(ids, OUTLIER_FACTOR)
    for row in rows:
        tops = ceilings.get(grid.units[row]["id"])
        if tops is None:
            continue
        above = [
            col
            for col, (value, top) in enumerate(zip(grid.values[row], tops))
            if top is not None and type(value) in _NUMBERS and value > top
        ]
        for col in above:
            if (row, col) not in grid.found:
                issue = cell_issue(grid, row, col)
                if issue:
                    grid.found[(row, col)] = issue


def cell_issue(grid: WeekGrid, row: int, col: int) -> Issue | None:
    """The rule broken by one stored cell, or its outlier warning."""
    value = grid.values[row][col]
    if value is None:
        return None
    indicator = grid.indicators[col]
    error = check_rules(value, indicator)
    if error:
        return Issue("error", error)
    limit_id = indicator["max_of_id"]
    if limit_id:
        limit_col = next((c for c, i in enumerate(grid.indicators) if i["id"] == limit_id), None)
        limit = grid.values[row][limit_col] if limit_col is not None else None
        if limit is not None and value > limit:
            other = header_text(grid.indicators[limit_col])
            return Issue("error", f"{indicator['label']}（{value}）不能大于{other}（{limit}）")
    usual = grid.usual.get(grid.units[row]["id"], {}).get(indicator["id"])
    if usual is not None:
        if usual > 0 and value > OUTLIER_FACTOR * usual:
            return Issue("warning", f"比该单位以往各周的中位数（{usual:g}）大 {OUTLIER_FACTOR} 倍以上，请核实")
    return None


def check_grid(grid: WeekGrid) -> None:
    """Every stored cell's issue.  A city's week is 90k cells: each is first passed by its rules' plain test
    (a whole number not below the minimum, not above its limit or five times the unit's usual figure), and
    only the cells that fail it are judged by cell_issue, which words the message."""
    grid.found = {}
    check = _row_checker(grid)
    for row in range(len(grid.values)):
        check(row)


def recheck_row(grid: WeekGrid, row: int) -> None:
    for col in range(len(grid.indicators)):
        grid.found.pop((row, col), None)
    _row_checker(grid)(row)


def recheck_rows(grid: WeekGrid, rows) -> None:
    """recheck_row for many rows (a pasted block), the rules prepared once."""
    check = _row_checker(grid)
    for row in rows:
        for col in range(len(grid.indicators)):
            grid.found.pop((row, col), None)
        check(row)


def _row_checker(grid: WeekGrid):
    """A function that puts one row's issues into grid.found (the plain tests prepared once per grid)."""
    col_of = {i["id"]: c for c, i in enumerate(grid.indicators)}
    floors = [float(i["min_value"]) if i.get("min_value") is not None else -math.inf for i in grid.indicators]
    fractions = [not i.get("integer_only", 1) for i in grid.indicators]
    limits = [col_of.get(i["max_of_id"]) if i["max_of_id"] else None for i in grid.indicators]
    limited = [(c, top) for c, top in enumerate(limits) if top is not None]
    usual = grid.usual if isinstance(grid.usual, Usual) else Usual(grid.usual)
    ceilings = usual.ceilings([i["id"] for i in grid.indicators], OUTLIER_FACTOR)
    free = [None] * len(grid.indicators)

    def check(row: int) -> None:
        values = grid.values[row]
        suspects = [
            col
            for col, (value, floor, top) in enumerate(zip(values, floors, ceilings.get(grid.units[row]["id"], free)))
            if value is not None
            and not (
                (type(value) is int or (fractions[col] and type(value) is float))
                and value >= floor
                and (top is None or value <= top)
            )
        ]
        for col, limit_col in limited:
            value, limit = values[col], values[limit_col]
            if value is not None and limit is not None and value > limit:
                suspects.append(col)
        for col in suspects:
            issue = cell_issue(grid, row, col)
            if issue:
                grid.found[(row, col)] = issue

    return check


@dataclass
class Entry:
    """What happened to one typed or pasted cell."""

    row: int
    col: int
    value: int | float | None = None
    error: str | None = None
    text: str = ""  # as typed or pasted


def parse_block(grid: WeekGrid, top: int, left: int, block: list[list[str]]) -> list[Entry]:
    """Cells of a rectangular block (pasted or typed) placed at (top, left), clipped to the grid."""
    entries = []
    for dr, line in enumerate(block):
        row = top + dr
        if row >= len(grid.units):
            break
        for dc, text in enumerate(line):
            col = left + dc
            if col >= len(grid.indicators):
                break
            parsed = parse_figure(text.strip() if isinstance(text, str) else text, grid.indicators[col])
            entries.append(Entry(row, col, parsed.value, parsed.error, "" if text is None else str(text).strip()))
    return entries


def parse_clipboard(text: str) -> list[list[str]]:
    """Tab-separated rows as Excel/WPS put them on the clipboard (a trailing newline ends the block)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.split("\t") for line in lines]


def save_entries(store: Store, grid: WeekGrid, entries: list[Entry], label: str) -> dict[str, int]:
    """Write the valid entries in one batch (bad ones are left out); update the grid in place."""
    good = [e for e in entries if e.error is None]
    rows = [(grid.units[e.row]["id"], grid.period["id"], grid.indicators[e.col]["id"], e.value) for e in good]
    counts = {"added": 0, "changed": 0, "unchanged": 0, "cleared": 0}
    if rows and any(grid.values[e.row][e.col] != e.value for e in good):
        before = version(store)
        with store.batch(label, source="grid") as batch:
            counts = set_figures(batch, rows, source="grid")
        kept_after_save(store, grid.campaign_id, grid.period, before, rows)
    for entry in good:
        grid.values[entry.row][entry.col] = entry.value
    changed = {e.row for e in good}
    for row in changed:
        grid.received.setdefault(grid.units[row]["id"], None)
    waiting = changed & grid.unjudged  # their earlier weeks not read yet: read here (this thread's store)
    judge_rows(store, grid, waiting)
    recheck_rows(grid, sorted(changed - waiting))
    counts["errors"] = len(entries) - len(good)
    return counts
