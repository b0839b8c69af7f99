"""The campaign's figures summed for reports: per unit, per week, in total (one query per table)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from models.campaigns import campaign_units
from models.store import Store


@dataclass
class Figures:
    indicators: list[dict]
    periods: list[dict]
    units: list[dict]
    per_unit: dict[str, dict[str, float]] = field(default_factory=dict)  # unit id → indicator id → value
    per_week: dict[int, dict[str, float]] = field(default_factory=dict)  # period seq → indicator id → value
    reported: dict[int, set[str]] = field(default_factory=dict)  # period seq → units with figures

    def total(self, indicator_id: str) -> float | None:
        values = [row[indicator_id] for row in self.per_unit.values() if indicator_id in row]
        return sum(values) if values else None

    @property
    def totals(self) -> dict[str, float]:
        found = {i["id"]: self.total(i["id"]) for i in self.indicators}
        return {k: v for k, v in found.items() if v is not None}

    def last_period(self) -> dict | None:
        seqs = [p for p in self.periods if self.reported.get(p["seq"])]
        return seqs[-1] if seqs else None


def load_figures(store: Store, campaign_id: str, *, upto: int | None = None, only: int | None = None) -> Figures:
    """Figures of the campaign's units, up to week *upto* (cumulative) or of week *only*."""
    indicators = store.rows(
        "SELECT id, group_label, label, measure, code, accumulation, sort_order FROM indicators"
        " WHERE campaign_id = ? ORDER BY sort_order",
        (campaign_id,),
    )
    periods = store.rows(
        "SELECT id, seq, label, start_date, end_date, due_date, due_time FROM periods"
        " WHERE campaign_id = ? ORDER BY seq",
        (campaign_id,),
    )
    units = campaign_units(store, campaign_id, active_only=False)
    sql = (
        "SELECT f.unit_id, f.indicator_id, p.seq, f.value FROM figures f JOIN periods p ON p.id = f.period_id"
        " WHERE p.campaign_id = ?"
    )
    params: list = [campaign_id]
    if only is not None:
        sql, params = sql + " AND p.seq = ?", [*params, only]
    elif upto is not None:
        sql, params = sql + " AND p.seq <= ?", [*params, upto]
    cumulative = {i["id"] for i in indicators if i["accumulation"] == "cumulative"}
    known_units = {u["id"] for u in units}
    figures = Figures(indicators, periods, units)
    per_unit: dict[str, dict[str, float]] = defaultdict(dict)
    latest: dict[tuple[str, str], int] = {}
    per_week: dict[int, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    reported: dict[int, set[str]] = defaultdict(set)
    for unit_id, indicator_id, seq, value in store.conn.execute(sql, params):
        if value is None or unit_id not in known_units:
            continue
        reported[seq].add(unit_id)
        per_week[seq][indicator_id] += value
        row = per_unit[unit_id]
        if indicator_id in cumulative:  # a to-date figure: the latest week counts, not the sum
            if seq >= latest.get((unit_id, indicator_id), -1):
                latest[(unit_id, indicator_id)] = seq
                row[indicator_id] = value
        else:
            row[indicator_id] = row.get(indicator_id, 0) + value
    figures.per_unit = dict(per_unit)
    figures.per_week = {seq: dict(values) for seq, values in per_week.items()}
    figures.reported = dict(reported)
    return figures


def liaison_counts(store: Store, campaign_id: str) -> dict[str, int]:
    """unit id → number of liaisons named for the campaign."""
    rows = store.rows(
        "SELECT unit_id, count(*) AS n FROM liaisons WHERE campaign_id = ? GROUP BY unit_id", (campaign_id,)
    )
    return {r["unit_id"]: r["n"] for r in rows}


def narratives_of(store: Store, period_id: str) -> list[dict]:
    return store.rows(
        "SELECT n.unit_id, u.name AS unit_name, n.received_at, n.activities, n.highlights, n.problems"
        " FROM narratives n JOIN units u ON u.id = n.unit_id WHERE n.period_id = ? ORDER BY u.sort_order, u.name",
        (period_id,),
    )


def summary_due_date(store: Store, campaign_id: str) -> str | None:
    """The date the summary is due (the 活动总结 deadline of the campaign's notice), if known."""
    return store.scalar(
        "SELECT due_date FROM deadlines WHERE campaign_id = ? AND deliverable = 'summary' ORDER BY due_date LIMIT 1",
        (campaign_id,),
    )
