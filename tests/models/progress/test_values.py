"""The import's shortcut for whole-number cells: it takes exactly what the indicator's rules take."""

from __future__ import annotations

import pytest

from models.progress.values import check_rules, parse_figure, whole_floor


@pytest.mark.parametrize("minimum", [None, 0, 5, -3])
@pytest.mark.parametrize("integer_only", [0, 1])
def test_the_imports_shortcut_for_whole_numbers_takes_exactly_what_the_rules_take(minimum, integer_only):
    indicator = {"id": "i", "name": "检查企业", "min_value": minimum, "integer_only": integer_only}
    for value in [-(10**18), -10, -3, -1, 0, 1, 4, 5, 6, 10**18]:
        taken = value >= whole_floor(indicator)
        assert taken == (check_rules(value, indicator) is None), value
        if taken:
            assert parse_figure(value, indicator).value == value and parse_figure(value, indicator).note is None


def test_a_logical_cell_is_named_as_the_spreadsheet_shows_it():
    indicator = {"measure": "场", "integer_only": 1}
    assert parse_figure(True, indicator).error == "不是数字（TRUE，是逻辑值）"
    assert parse_figure(False, indicator).error == "不是数字（FALSE，是逻辑值）"
