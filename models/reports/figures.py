"""What the reports read besides the figures (summed in models.progress.totals): liaisons, narratives, due date."""

from __future__ import annotations

from models.store.database import Store


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
