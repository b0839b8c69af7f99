"""The 报送情况 and 累计汇总 pages at city scale: columns sized from a sample still show the longest name,
contact and total whole; a figures column sorts by its numbers in the order every table sorts texts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.gui


def test_totals_page_shows_the_longest_name_and_every_total_whole(tab, monkeypatch):
    from ui.common import table_tools

    monkeypatch.setattr(table_tools, "FIT_SAMPLE", 2)  # a city's sample is a small part of its rows
    tab.pages.setCurrentWidget(tab.totals)
    view, rows = tab.totals.view, tab.totals.model.rows
    longest = max(range(len(rows)), key=lambda r: len(rows[r]["name"]))
    assert view.columnWidth(0) >= view.sizeHintForIndex(tab.totals.model.index(longest, 0)).width()
    last = len(rows) - 1
    assert rows[last]["name"] == "合计"
    for col in range(1, tab.totals.model.columnCount()):
        assert view.columnWidth(col) >= view.sizeHintForIndex(tab.totals.model.index(last, col)).width()


def test_reporting_page_shows_every_unit_name_and_every_liaison_whole(tab, monkeypatch):
    from ui.common import table_tools

    monkeypatch.setattr(table_tools, "FIT_SAMPLE", 2)
    tab.pages.setCurrentWidget(tab.completeness)
    view, model = tab.completeness.units_view, tab.completeness.units_model
    for key in ("unit", "liaison", "office_phone", "mobile"):
        col = next(c for c, column in enumerate(model.columns) if column.key == key)
        widest = max(view.sizeHintForIndex(model.index(r, col)).width() for r in range(model.rowCount()))
        assert view.columnWidth(col) >= widest, key


@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_totals_sort_by_a_figure_as_every_table_sorts_its_texts(tab, order):
    from ui.common.table_model import RowsModel

    tab.pages.setCurrentWidget(tab.totals)
    model = tab.totals.model
    for column in range(1, model.columnCount()):
        tab.totals.view.sortByColumn(column, order)
        shown = [model.index(r, 0).data() for r in range(model.rowCount())]
        assert shown == [r["name"] for r in RowsModel._in_order(model, model.source_rows)]
        assert shown[-1] == "合计"


@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_totals_sort_puts_units_without_figures_where_every_table_puts_empty_cells(qtbot, order):
    from ui.common.table_model import Column, RowsModel
    from ui.progress.totals_view import TotalsModel, _fmt

    model = TotalsModel()
    model.columns = [Column("name", "单位"), Column("c0", "场次", lambda r: _fmt(r["values"][0]), align_right=True)]
    model.pinned_rows = 1
    values = [5, None, 12, 0, None, 3.5, 12]
    rows = [{"name": f"单位{n}", "values": [v]} for n, v in enumerate(values)]
    model.set_rows([*rows, {"name": "合计", "values": [9]}])
    model.sort(1, order)
    assert [r["name"] for r in model.rows] == [r["name"] for r in RowsModel._in_order(model, model.source_rows)]
    assert model.rows[-1]["name"] == "合计"
