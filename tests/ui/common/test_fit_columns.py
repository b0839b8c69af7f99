"""Columns sized from a sample of rows (ui.common.table_tools.fit_columns): the widest text still shows whole,
and a long table is not asked for every row (a city's 累计汇总 is 3,000 rows)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QTableView

from ui.common.table_model import Column, RowsModel
from ui.common.table_tools import fit_columns

pytestmark = pytest.mark.gui

ROWS = 2000
LONG = 1377  # where the longest name is: neither among the first rows nor on the sample's stride


class CountingModel(RowsModel):
    def __init__(self, columns):
        super().__init__(columns)
        self.asked: set[int] = set()

    def data(self, index, role=0):
        self.asked.add(index.row())
        return super().data(index, role)


def _view(qtbot) -> QTableView:
    rows = [{"name": f"单位{n}", "count": n} for n in range(ROWS)]
    rows[LONG]["name"] = "昆明市某某区某某街道办事处安全生产委员会办公室"
    rows.append({"name": "合计", "count": 123456789012})  # the widest number, in the last row
    model = CountingModel([Column("name", "单位"), Column("count", "数量", align_right=True)])
    model.set_rows(rows)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    return view


def _fits(view: QTableView, row: int, column: int) -> bool:
    return view.columnWidth(column) >= view.sizeHintForIndex(view.model().index(row, column)).width()


def test_the_widest_name_and_the_total_show_whole_from_a_sample(qtbot):
    view = _view(qtbot)
    rows = view.model().rows
    fit_columns(view, lambda c: [max(range(len(rows)), key=lambda r: len(rows[r]["name"]))] if c == 0 else [])
    assert _fits(view, LONG, 0)
    assert _fits(view, ROWS, 1)  # the 合计 row is always measured
    assert all(_fits(view, r, c) for r in range(0, ROWS, 97) for c in (0, 1))
    assert len(view.model().asked) < ROWS // 10


def test_without_a_hint_the_sample_misses_a_long_name_but_keeps_the_header(qtbot):
    view = _view(qtbot)
    fit_columns(view)
    assert not _fits(view, LONG, 0)  # why the tabs name where their longest texts are
    header = view.horizontalHeader()
    assert all(view.columnWidth(c) >= header.sectionSizeHint(c) for c in (0, 1))
