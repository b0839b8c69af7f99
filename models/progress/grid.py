"""One week's grid: units down, indicators across, with rules, outlier flags and saving as one batch.

Loaded with one query per table (units, indicators, figures, earlier weeks,
reports received), so a 300 × 30 week opens fast; cells are plain lists.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models.campaigns.layouts import header_text, list_indicators
from models.campaigns.periods import list_periods
from models.progress.figures import set_figures
from models.progress.reporting import received_by_unit
from models.progress.totals import column_totals, counted_units
from models.progress.values import check_rules, parse_figure
from models.store.database import Store

OUTLIER_FACTOR = 5


@dataclass(frozen=True)
class Issue:
    level: str  # "error" or "warning"
    message: str


@dataclass
class WeekGrid:
    """Figures of one period; ``values[row][col]`` for units[row] × indicators[col] (None: empty)."""

    campaign_id: str
    period: dict
    units: list[dict]
    indicators: list[dict]
    values: list[list]
    received: dict[str, str | None]
    history: dict[tuple[str, str], list] = field(default_factory=dict)
    issues: dict[tuple[int, int], Issue] = field(default_factory=dict)

    def totals(self) -> list:
        """Column sums of the figures, impossible ones left out until they are corrected."""
        bad = self.error_cells()
        if not bad:
            return column_totals(self.values, len(self.indicators))
        kept = [[None if (r, c) in bad else v for c, v in enumerate(row)] for r, row in enumerate(self.values)]
        return column_totals(kept, len(self.indicators))

    def error_cells(self) -> set[tuple[int, int]]:
        return {cell for cell, issue in self.issues.items() if issue.level == "error"}

    def reported(self, row: int) -> bool:
        return self.units[row]["id"] in self.received


def median(values: list) -> float:
    """The middle value (statistics.median without its import cost at start-up)."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def load_week(store: Store, campaign_id: str, period_id: str) -> WeekGrid:
    period = next(p for p in list_periods(store, campaign_id) if p["id"] == period_id)
    units = counted_units(store, campaign_id, [period_id])  # a deactivated unit stays for the weeks it reported
    indicators = list_indicators(store, campaign_id)
    row_of = {u["id"]: r for r, u in enumerate(units)}
    col_of = {i["id"]: c for c, i in enumerate(indicators)}
    values = [[None] * len(indicators) for _ in units]
    cursor = store.conn.execute("SELECT unit_id, indicator_id, value FROM figures WHERE period_id = ?", (period_id,))
    for unit_id, indicator_id, value in cursor:
        r, c = row_of.get(unit_id), col_of.get(indicator_id)
        if r is not None and c is not None:
            values[r][c] = value
    history: dict[tuple[str, str], list] = {}
    earlier = [p["id"] for p in list_periods(store, campaign_id) if p["seq"] < period["seq"]]
    cursor = store.conn.execute(
        f"SELECT unit_id, indicator_id, value FROM figures WHERE period_id IN ({','.join('?' * len(earlier))})",
        earlier,
    )
    for unit_id, indicator_id, value in cursor:
        history.setdefault((unit_id, indicator_id), []).append(value)
    grid = WeekGrid(campaign_id, period, units, indicators, values, received_by_unit(store, period_id), history)
    check_grid(grid)
    return grid


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
    earlier = grid.history.get((grid.units[row]["id"], indicator["id"]))
    if earlier:
        usual = median(earlier)
        if usual > 0 and value > OUTLIER_FACTOR * usual:
            return Issue("warning", f"比该单位以往各周的中位数（{usual:g}）大 {OUTLIER_FACTOR} 倍以上，请核实")
    return None


def check_grid(grid: WeekGrid) -> None:
    grid.issues = {}
    for row, values in enumerate(grid.values):
        for col, value in enumerate(values):
            if value is not None:
                issue = cell_issue(grid, row, col)
                if issue:
                    grid.issues[(row, col)] = issue


def recheck_row(grid: WeekGrid, row: int) -> None:
    for col in range(len(grid.indicators)):
        grid.issues.pop((row, col), None)
        issue = cell_issue(grid, row, col)
        if issue:
            grid.issues[(row, col)] = issue


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
        with store.batch(label, source="grid") as batch:
            counts = set_figures(batch, rows, source="grid")
    for entry in good:
        grid.values[entry.row][entry.col] = entry.value
    for row in {e.row for e in good}:
        grid.received.setdefault(grid.units[row]["id"], None)
        recheck_row(grid, row)
    counts["errors"] = len(entries) - len(good)
    return counts
