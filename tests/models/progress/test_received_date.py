"""When a returned form arrived: the time the unit saved it (the workbook's own), typed, or the import's; lateness
follows it, not the moment of import."""

from __future__ import annotations

import re
import shutil
import zipfile

import pytest

from models.campaigns.campaign import campaign_by_year
from models.campaigns.periods import period_by_seq, update_period
from models.progress import completeness
from models.progress.forms.blank import write_blank_forms
from models.progress.forms.importer import apply_import, preview_forms
from models.progress.received import file_received_at, workbook_saved_at
from tests.models.stats_files import fill_own_form


def _saved_by_unit(path, utc: str) -> None:
    """Set the workbook's modified time as Excel writes it when the unit saves (UTC), file time left as now."""
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as old, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "docProps/core.xml":
                data = re.sub(
                    rb"<dcterms:modified([^>]*)>[^<]*</dcterms:modified>",
                    rb"<dcterms:modified\1>" + utc.encode() + rb"</dcterms:modified>",
                    data,
                )
            new.writestr(item, data)
    shutil.move(tmp, path)


@pytest.fixture
def week(demo_store, tmp_path):
    campaign = campaign_by_year(demo_store, 2021)
    period = period_by_seq(demo_store, campaign["id"], 2)
    unit = demo_store.row(
        "SELECT unit_id FROM campaign_units WHERE campaign_id = ? ORDER BY sort_order", (campaign["id"],)
    )["unit_id"]
    for table in ("figures", "narratives"):
        demo_store.conn.execute(f"DELETE FROM {table} WHERE unit_id = ? AND period_id = ?", (unit, period["id"]))
    demo_store.conn.commit()  # the import's backup copies the file: no transaction may stay open
    update_period(demo_store, period["id"], due_date="2021-06-17", due_time="12:00")
    forms = write_blank_forms(demo_store, campaign, period, tmp_path)
    form = next(f for f in forms if demo_store.get("units", unit)["name"] in f.name)
    fill_own_form(form, {3: 4})
    return demo_store, campaign, period, unit, form


def _status(store, campaign, period, unit):
    rows = completeness.unit_status(store, campaign["id"], period["id"], at="2030-01-01T00:00:00")
    return next(r for r in rows if r["unit_id"] == unit)


def test_the_workbook_saved_time_is_read_as_local_time(tmp_path, week):
    *_rest, form = week
    _saved_by_unit(form, "2021-06-17T05:30:00Z")
    local = workbook_saved_at(form)
    assert local is not None and local[:10] == "2021-06-17"
    assert file_received_at(form) == local


def test_a_form_saved_before_the_deadline_is_on_time_though_imported_later(week):
    store, campaign, period, unit, form = week
    _saved_by_unit(form, "2021-06-16T01:00:00Z")  # Wednesday: before Thursday noon in any time zone near China
    results = preview_forms(store, campaign, [form])
    assert results[0].status == "ready" and results[0].received_at.startswith("2021-06-16")
    apply_import(store, results)
    row = _status(store, campaign, period, unit)
    assert row["status"] == "on_time" and row["received_at"].startswith("2021-06-16")


def test_a_form_saved_after_the_deadline_is_late(week):
    store, campaign, period, unit, form = week
    _saved_by_unit(form, "2021-06-18T06:00:00Z")
    apply_import(store, preview_forms(store, campaign, [form]))
    assert _status(store, campaign, period, unit)["status"] == "late"


def test_a_typed_time_wins(week):
    store, campaign, period, unit, form = week
    _saved_by_unit(form, "2021-06-16T01:00:00Z")
    apply_import(store, preview_forms(store, campaign, [form]), received_at="2021-06-20T09:00:00")
    row = _status(store, campaign, period, unit)
    assert row["status"] == "late" and row["received_at"] == "2021-06-20T09:00:00"
