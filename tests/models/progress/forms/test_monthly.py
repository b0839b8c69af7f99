"""The companion campaign's monthly table (T06: rows 6月…12月, one unit): each row into that unit's month."""

from __future__ import annotations

import json

import pytest

from models.campaigns.campaign import campaign_by_year
from models.campaigns.periods import add_month_periods, list_periods
from models.new_campaign import create_campaign
from models.progress.forms.importer import import_forms
from models.progress.forms.monthly import month_number
from models.store.opening import open_store
from tests.models.progress.forms.yardstick import EXPECTED, RETURNED, SAMPLES, TEMPLATES, stored_figures


def _store(tmp_path, *, months: bool):
    from models.campaigns.unit_import import entries_from_rows, import_units, read_unit_rows
    from models.progress.forms.template import layout_from_template

    store = open_store(tmp_path / "desk.db")
    layout = layout_from_template(SAMPLES / TEMPLATES["T06"]["file"])
    create_campaign(
        store,
        2025,
        layout=layout,
        companion_title="安全生产万里行",
        companion_end_date="2025-12-31" if months else None,
    )
    campaign = campaign_by_year(store, 2025)
    import_units(store, entries_from_rows(read_unit_rows(SAMPLES / EXPECTED["campaign"]["units_file"])), campaign["id"])
    return store, campaign


def test_a_monthly_form_goes_into_its_months(tmp_path):
    spec = RETURNED["R12"]
    store, campaign = _store(tmp_path, months=True)
    try:
        [result] = import_forms(store, campaign, [SAMPLES / spec["file"]])
        assert result.status == "imported", result.errors
        assert result.errors == []
        seq = {p["label"]: p["seq"] for p in list_periods(store, campaign["id"])}
        stored = stored_figures(store, campaign["id"])
        assert set(stored) == {(spec["unit"], seq["6月"]), (spec["unit"], seq["7月"])}  # 8月–12月 empty: nothing
        by_month = {label: stored[(spec["unit"], seq[label])] for label in ("6月", "7月")}
        for cell in spec["cells"]:
            assert by_month[cell["row_label"]][cell["column"]] == cell["expect"], cell["cell"]
        [again] = import_forms(store, campaign, [SAMPLES / spec["file"]])
        assert again.added == 0 and again.changed == 0  # a second import changes nothing
    finally:
        store.close()


def test_without_month_periods_it_is_refused_saying_why(tmp_path):
    store, campaign = _store(tmp_path, months=False)
    try:
        [result] = import_forms(store, campaign, [SAMPLES / RETURNED["R12"]["file"]])
        assert result.status == "rejected" and "月报表" in result.errors[0]["message"]
        assert "add-months" in result.errors[0]["message"]
        assert stored_figures(store, campaign["id"]) == {}
        with store.batch("延续活动到年底") as batch:  # the clerk fills in the companion's end
            batch.update("campaigns", campaign["id"], {"companion_end_date": "2025-12-31"})
        assert add_month_periods(store, campaign["id"]) == 7
        assert import_forms(store, campaign, [SAMPLES / RETURNED["R12"]["file"]])[0].status == "imported"
    finally:
        store.close()


@pytest.mark.parametrize(
    ("label", "month"),
    [
        ("6月", 6),
        ("06月", 6),
        ("2025年7月", 7),
        ("六月份", 6),
        ("十二月", 12),
        ("十月", 10),
        ("合计", None),
        ("13月", None),
    ],
)
def test_month_labels(label, month):
    assert month_number(label) == month


def test_expected_json_is_the_one_copied():
    assert (
        json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))["returned"]["R12"]["unit"] == "县交通运输局"
    )


def test_the_monthly_table_exports_into_the_month_row(tmp_path):
    from openpyxl import load_workbook

    from models.campaigns.office import set_office
    from models.progress.statistics import export_statistics

    store, campaign = _store(tmp_path, months=True)
    try:
        set_office(store, name="青岚县安委会办公室")
        import_forms(store, campaign, [SAMPLES / RETURNED["R12"]["file"]])
        seq = {p["label"]: p["seq"] for p in list_periods(store, campaign["id"])}
        out = tmp_path / "7月.xlsx"
        report = export_statistics(store, campaign, out, week=seq["7月"], template=SAMPLES / TEMPLATES["T06"]["file"])
        assert report["rows"] == 1
        rows = {r[0]: r[1:9] for r in load_workbook(out).active.iter_rows(values_only=True) if r[0]}
        assert rows["7月"] == (4, 0, 5, 3, 1, 9, 0, 500)  # the month's figures, every column
        assert rows["6月"] == (None,) * 8 and rows["8月"] == (None,) * 8  # other months untouched
        assert str(rows["合计"][0]).startswith("=SUM(")  # the template's formula stays
    finally:
        store.close()
