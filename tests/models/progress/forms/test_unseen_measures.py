"""The measure of an indicator column written every way a header writes it: in round, square or lenticular
brackets (full- or half-width), as the last line of the header cell, or bare in a units row of its own under the
titles.  The campaign made from such a template shows the clerk the label without the measure, the measure, and
decimals for 万元; a returned form whose header writes the measure another way still lands in the same
indicators, and the words of a 合计 row or under 备注 never become measures.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from models.campaigns.campaign import campaign_by_year
from models.campaigns.unit_import import entries_from_rows, import_units
from models.documents.cn_text import MEASURE_WORDS
from models.new_campaign import create_campaign
from models.progress.forms.importer import import_forms
from models.progress.forms.template import layout_from_template
from tests.models.progress.forms.yardstick import stored_figures

TOWNS = ["城关镇", "金沙镇", "桃源镇", "柳溪镇"]


def _book(path: Path, header: list[list], merges=(), rows=(), top: int = 3) -> Path:
    """A sheet: a title, a period line, the header rows from row *top*, then the table's rows."""
    wb = Workbook()
    ws = wb.active
    ws.title = "周报"
    width = max(len(r) for r in header)
    ws.cell(1, 1, "安全生产月活动进展周报表")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws.cell(2, 1, "统计周期：2025年6月2日至6月8日")
    for r, values in enumerate([*header, *rows], start=top):
        for c, value in enumerate(values, start=1):
            if value is not None:
                ws.cell(r, c, value)
    for merge in merges:
        ws.merge_cells(merge)
    wb.save(path)
    return path


def _campaign(store, template: Path) -> dict:
    create_campaign(store, 2025, layout=layout_from_template(template))
    campaign = campaign_by_year(store, 2025)
    import_units(store, entries_from_rows([["单位名称"]] + [[t] for t in TOWNS]), campaign["id"])
    return campaign


def _indicators(store, campaign) -> list[tuple]:
    """What the clerk sees of each indicator: group, label, measure, whether it takes decimals."""
    rows = store.rows(
        "SELECT group_label, label, measure, integer_only FROM indicators WHERE campaign_id = ? ORDER BY sort_order",
        (campaign["id"],),
    )
    return [(r["group_label"], r["label"], r["measure"], not r["integer_only"]) for r in rows]


def _import(store, campaign, path: Path):
    result = import_forms(store, campaign, [path], week=2)[0]
    assert result.status == "imported", (result.status, result.errors)
    return result


TITLES = ["宣传活动", "参与人数", "隐患排查", "已整改", "投入资金"]
UNITS_ROW = ["场", "人次", "处", "处", "万元"]
FIVE = [
    (None, "宣传活动", "场", False),
    (None, "参与人数", "人次", False),
    (None, "隐患排查", "处", False),
    (None, "已整改", "处", False),
    (None, "投入资金", "万元", True),
]
TOWN_ROWS = [[t] for t in TOWNS]


@pytest.mark.parametrize("label_cell", ["merged", "计量单位", "单位"])
def test_a_units_row_of_bare_words_gives_the_measures(store, tmp_path, label_cell):
    """乡镇（街道） over two rows (or 计量单位/单位 written in the units row), 备注 over two rows."""
    first = None if label_cell == "merged" else label_cell
    header = [["乡镇（街道）", *TITLES, "备注"], [first, *UNITS_ROW, None]]
    merges = ["G3:G4"] + (["A3:A4"] if label_cell == "merged" else [])
    template = _book(tmp_path / "周报表.xlsx", header, merges, TOWN_ROWS)
    campaign = _campaign(store, template)
    assert _indicators(store, campaign) == FIVE
    assert not any(label in MEASURE_WORDS for _g, label, _m, _d in _indicators(store, campaign))

    rows = [["城关镇", 3, 260, 5, 4, 0.2, "已落实"], *TOWN_ROWS[1:]]
    result = _import(store, campaign, _book(tmp_path / "城关镇.xlsx", header, merges, rows))
    assert result.errors == [] and result.unit == "城关镇"
    assert stored_figures(store, campaign["id"]) == {
        ("城关镇", 2): {"宣传活动": 3, "参与人数": 260, "隐患排查": 5, "已整改": 4, "投入资金": 0.2}
    }


BRACKETED = [
    "检查企业数[家]",
    "出动检查人次【人次】",
    "查出隐患数［项］",
    "完成整改数(项)",
    "整改资金〔万元〕",
    "悬挂横幅（条)",
    "整改比例【%】",  # computed: not an indicator
]


def test_a_measure_in_any_bracket(store, tmp_path):
    template = _book(tmp_path / "隐患排查.xlsx", [["序号", "所属地区", *BRACKETED]], (), [[1, t] for t in TOWNS])
    campaign = _campaign(store, template)
    assert _indicators(store, campaign) == [
        (None, "检查企业数", "家", False),
        (None, "出动检查人次", "人次", False),
        (None, "查出隐患数", "项", False),
        (None, "完成整改数", "项", False),
        (None, "整改资金", "万元", True),
        (None, "悬挂横幅", "条", False),
    ]
    rows = [[1, "城关镇"], [2, "金沙镇", 12, 30, 9, 7, 1.5, 6, 0.78], [3, "桃源镇"], [4, "柳溪镇"]]
    result = _import(store, campaign, _book(tmp_path / "金沙镇.xlsx", [["序号", "所属地区", *BRACKETED]], (), rows))
    assert result.errors == []
    assert stored_figures(store, campaign["id"]) == {
        ("金沙镇", 2): {
            "检查企业数": 12,
            "出动检查人次": 30,
            "查出隐患数": 9,
            "完成整改数": 7,
            "整改资金": 1.5,
            "悬挂横幅": 6,
        }
    }


SECOND_LINE = ["开展宣传活动（场次）", "参与群众\n人次", "悬挂横幅\n条", "排查隐患\n（处）", "投入资金\n万元"]
SECOND_LINE.append("联系\n人")
ROUND = ["开展宣传活动（场次）", "参与群众（人次）", "悬挂横幅（条）", "排查隐患（处）", "投入资金（万元）", "备注"]
SIX = [
    (None, "开展宣传活动", "场次", False),
    (None, "参与群众", "人次", False),
    (None, "悬挂横幅", "条", False),
    (None, "排查隐患", "处", False),
    (None, "投入资金", "万元", True),
]


def test_a_measure_on_the_last_line_of_the_header_cell(store, tmp_path):
    """参与群众⏎人次 is 参与群众 in 人次; 联系⏎人 is one word (联系人, a text column), not 联系 in 人."""
    template = _book(tmp_path / "开展情况.xlsx", [["序号", "填报单位", *SECOND_LINE]], (), [[1, t] for t in TOWNS])
    campaign = _campaign(store, template)
    assert _indicators(store, campaign) == SIX

    rows = [[1, "城关镇"], [2, "金沙镇"], [3, "桃源镇"], [4, "柳溪镇", 2, 180, 4, 1, 0.4]]
    result = _import(store, campaign, _book(tmp_path / "柳溪镇.xlsx", [["序号", "填报单位", *ROUND]], (), rows))
    assert result.errors == [] and not [n for n in result.notes if "对不上" in n["message"]]
    assert stored_figures(store, campaign["id"]) == {
        ("柳溪镇", 2): {"开展宣传活动": 2, "参与群众": 180, "悬挂横幅": 4, "排查隐患": 1, "投入资金": 0.4}
    }


RETURNED_HEADERS = {
    "second line": ([["单位", "开展宣传活动\n场次", "参与群众\n人次", "投入资金\n万元"]], ()),
    "square brackets": ([["单位", "开展宣传活动[场次]", "参与群众【人次】", "投入资金[万元]"]], ()),
    "units row": ([["单位", "开展宣传活动", "参与群众", "投入资金"], [None, "场次", "人次", "万元"]], ("A3:A4",)),
    "written on": ([["单位", "开展宣传活动场次", "参与群众人次", "投入资金万元"]], ()),
}


@pytest.mark.parametrize("way", list(RETURNED_HEADERS))
def test_a_returned_form_matches_however_its_header_writes_the_measure(store, tmp_path, way):
    round_header = [["单位", "开展宣传活动（场次）", "参与群众（人次）", "投入资金（万元）"]]
    campaign = _campaign(store, _book(tmp_path / "模板.xlsx", round_header, (), TOWN_ROWS))
    header, merges = RETURNED_HEADERS[way]
    rows = [["桃源镇", 5, 320, 0.75], ["柳溪镇"]]
    path = _book(tmp_path / f"桃源镇-{way}.xlsx", header, merges, rows)
    result = _import(store, campaign, path)
    assert result.errors == [] and not [n for n in result.notes if "对不上" in n["message"]], result.notes
    assert stored_figures(store, campaign["id"]) == {
        ("桃源镇", 2): {"开展宣传活动": 5, "参与群众": 320, "投入资金": 0.75}
    }


def test_a_campaign_whose_labels_kept_the_measure_takes_a_form_written_with_brackets(store, tmp_path):
    """Labels read before (悬挂横幅[条], 参与群众人次 with 人次) still take （条）（人次）; a column whose measure
    differs (培训（场次） against 培训人次) is no match."""
    layout = [
        {"code": "c1", "label": "悬挂横幅[条]", "measure": None},
        {"code": "c2", "label": "参与群众人次", "measure": "人次"},
        {"code": "c3", "label": "培训人次", "measure": "人次"},
    ]
    create_campaign(store, 2025, layout=layout)
    campaign = campaign_by_year(store, 2025)
    import_units(store, entries_from_rows([["单位名称"]] + [[t] for t in TOWNS]), campaign["id"])
    header = [["单位", "悬挂横幅（条）", "参与群众（人次）", "培训（场次）"]]
    result = _import(store, campaign, _book(tmp_path / "柳溪镇.xlsx", header, (), [["柳溪镇", 8, 90, 3]]))
    assert stored_figures(store, campaign["id"]) == {("柳溪镇", 2): {"悬挂横幅[条]": 8, "参与群众人次": 90}}
    assert [n["message"] for n in result.notes if "对不上" in n["message"]] == [
        "栏目“培训（场次）”对不上本活动的任何指标，这一栏未导入"
    ]


def test_the_words_of_a_total_row_or_under_remarks_are_not_measures(store, tmp_path):
    """A units row with a word under 备注 and a 合计 row right under it whose cells are written as words: the
    measures come from the units row alone, 备注 stays a text column, a % column is computed and the 合计 row is
    not a unit."""
    header = [["乡镇（街道）", *TITLES, "备注", "完成比例"], ["计量单位", *UNITS_ROW, "元", "%"]]
    total = ["合计", "场次", "人", "个", "项", "元", None]
    rows = [total, *TOWN_ROWS, ["小计", "次", "人次", "处", "处", "元"]]
    template = _book(tmp_path / "周报表.xlsx", header, (), rows)
    items = layout_from_template(template)
    assert [(i["label"], i["measure"], i["integer_only"]) for i in items] == [
        ("宣传活动", "场", True),
        ("参与人数", "人次", True),
        ("隐患排查", "处", True),
        ("已整改", "处", True),
        ("投入资金", "万元", False),
    ]
    campaign = _campaign(store, template)
    filled = [total, ["城关镇", 1, 40, 2, 2, 0.5, "处"], *TOWN_ROWS[1:], ["小计", "次", "人次", "处", "处", "元"]]
    result = _import(store, campaign, _book(tmp_path / "城关镇.xlsx", header, (), filled))
    assert stored_figures(store, campaign["id"]) == {
        ("城关镇", 2): {"宣传活动": 1, "参与人数": 40, "隐患排查": 2, "已整改": 2, "投入资金": 0.5}
    }
    assert not [e for e in result.errors if "合计" in e["message"] or e["cell"].endswith("5")]
