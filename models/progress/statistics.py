"""The statistics table sent up, as one verb: ``export_statistics`` (the window and the command line call it)."""

from __future__ import annotations

import os

from models.campaigns.periods import period_by_seq
from models.errors import ValidationError
from models.progress.forms.export import export_into_template, export_own, remember_mapping, remembered_mapping
from models.progress.totals import by_top_unit, cumulative_table, week_table
from models.store.database import Store


def statistics_table(
    store: Store, campaign: dict, *, week: int | None = None, cumulative: bool = False, by_parent: bool = False
) -> dict:
    """The table of week *week*, or cumulative up to *week* (every week when None); with *by_parent* one row
    per top unit (a town with its villages and communities summed into it)."""
    if cumulative:
        table = cumulative_table(store, campaign["id"], week)
    elif week is None:
        raise ValidationError("请指定周次，或选择累计。")
    else:
        table = week_table(store, campaign["id"], period_by_seq(store, campaign["id"], week)["id"])
    return by_top_unit(store, table) if by_parent else table


def export_statistics(
    store: Store,
    campaign: dict,
    out: str | os.PathLike,
    *,
    week: int | None = None,
    cumulative: bool = False,
    template: str | os.PathLike | None = None,
    mapping: dict[str, str] | None = None,
    by_parent: bool = False,
) -> dict:
    """Write the statistics table (see :func:`statistics_table`) to *out*: in the app's own layout, or into
    the received *template*, its columns matched by the remembered mapping; *mapping* (template column →
    indicator id, the clerk's choice) is remembered first.

    Returns what was written: file, rows, unmatched_columns, unplaced_units.
    """
    table = statistics_table(store, campaign, week=week, cumulative=cumulative, by_parent=by_parent)
    if mapping:
        remember_mapping(store, campaign["id"], mapping)
    if template:
        return export_into_template(table, template, out, remembered_mapping(store, campaign["id"]), store=store)
    from models.campaigns.office import office_for

    return export_own(table, campaign, out, office=office_for(store, campaign))
