"""Liaison lists laid out as offices lay them out, none of them in the sample set: what the clerk is shown."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from models.campaigns.campaign import campaign_by_year
from models.campaigns.office import set_office
from models.campaigns.unit_import import entries_from_rows, import_units
from models.liaisons.importer import apply, describe, preview
from models.liaisons.liaison import liaison_rows
from models.new_campaign import create_campaign

UNITS = ["双河镇", "板桥镇", "石门乡", "县应急管理局", "县教育体育局", "县卫生健康局", "县交通运输局"]


@pytest.fixture
def campaign(store):
    create_campaign(store, 2025)
    campaign = campaign_by_year(store, 2025)
    rows = [["单位名称", "类别"], *[[u, "镇/街道" if u[-1] in "镇乡" else "成员单位"] for u in UNITS]]
    import_units(store, entries_from_rows(rows), campaign["id"])
    return campaign


def _book(path, *sheets):
    """Sheets given as (title, rows); a row is a list of values (None: empty)."""
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        ws = book.create_sheet(title)
        for r, values in enumerate(rows, start=1):
            for c, value in enumerate(values, start=1):
                if value is not None:
                    ws.cell(r, c, value)
    book.save(path)
    return path


def _people(plan):
    return {c["fields"]["name"]: {**c["fields"], "unit": c["unit_name"]} for c in plan["changes"]}


def _said(plan):
    report = plan["files"][0]
    return report["rejected"], {e["cell"]: e["message"] for e in report["errors"] + report["warnings"]}


@pytest.mark.parametrize("title", ["联络人", "人员姓名", "安全生产联络人", "负责人姓名"])
def test_the_name_column_known_by_its_words(store, campaign, tmp_path, title):
    path = _book(
        tmp_path / "名单.xlsx",
        (
            "名单",
            [
                ["填报单位：县卫生健康局"],
                ["序号", title, "职务", "移动电话", "座机", "微信"],
                [1, "韦华", "副局长", "13988010221", "0871-65012221", "wh1"],
            ],
        ),
    )
    people = _people(preview(store, campaign, [path]))
    assert people == {
        "韦华": {
            "name": "韦华",
            "position": "副局长",
            "mobile": "13988010221",
            "office_phone": "0871-65012221",
            "role": "联络员",
            "unit": "县卫生健康局",
        }
    }


def test_two_people_a_row_under_any_group_titles(store, campaign, tmp_path):
    path = tmp_path / "信息表.xlsx"
    book = Workbook()
    ws = book.active
    for c, value in enumerate(["单位", "分管安全领导", None, None, "安全生产联络员", None, None], start=1):
        ws.cell(1, c, value)
    for c, value in enumerate([None, "姓名", "职务", "手机", "姓名", "职务", "手机"], start=1):
        ws.cell(2, c, value)
    for r, row in enumerate([["双河镇", "许国栋", "副镇长", "13988010131", "邓佳", "安监员", "13988010132"]], start=3):
        for c, value in enumerate(row, start=1):
            ws.cell(r, c, value)
    ws.merge_cells("A1:A2")
    ws.merge_cells("B1:D1")
    ws.merge_cells("E1:G1")
    book.save(path)
    people = _people(preview(store, campaign, [path]))
    assert {n: (p["role"], p["position"], p["mobile"]) for n, p in people.items()} == {
        "许国栋": ("分管领导", "副镇长", "13988010131"),
        "邓佳": ("联络员", "安监员", "13988010132"),
    }


def test_two_people_a_row_as_repeated_runs_of_one_header_row(store, campaign, tmp_path):
    path = _book(
        tmp_path / "名单.xlsx",
        (
            "名单",
            [["单位", "姓名", "手机", "姓名", "手机"], ["板桥镇", "曹建平", "13988010133", "彭露", "13988010134"]],
        ),
    )
    people = _people(preview(store, campaign, [path]))
    assert {n: (p["unit"], p["mobile"]) for n, p in people.items()} == {
        "曹建平": ("板桥镇", "13988010133"),
        "彭露": ("板桥镇", "13988010134"),
    }


def test_name_and_phone_in_one_cell_under_role_titles(store, campaign, tmp_path):
    path = _book(
        tmp_path / "汇总.xlsx",
        (
            "汇总",
            [
                ["县直部门联络员汇总"],
                ["序号", "单位", "分管领导（姓名、电话）", "联络员（姓名、电话）"],
                [1, "县应急管理局", "沈立新 13988010151", "郭敏 13988010152"],
                [2, "县教育体育局", "吕刚　0871-65012453", "谢芳：139 8801 0154"],
            ],
        ),
    )
    plan = preview(store, campaign, [path])
    people = _people(plan)
    assert {n: (p["unit"], p["role"], p.get("mobile"), p.get("office_phone")) for n, p in people.items()} == {
        "沈立新": ("县应急管理局", "分管领导", "13988010151", None),
        "郭敏": ("县应急管理局", "联络员", "13988010152", None),
        "吕刚": ("县教育体育局", "分管领导", None, "0871-65012453"),
        "谢芳": ("县教育体育局", "联络员", "139 8801 0154", None),
    }
    assert plan["files"][0]["warnings"] == []


def test_total_note_and_instruction_lines_are_not_people(store, campaign, tmp_path):
    path = tmp_path / "名单.xlsx"
    _book(
        path,
        (
            "名单",
            [
                ["“安全生产月”活动联络员名单"],
                ["填报单位（盖章）：石门乡人民政府　　　填报日期：2025年5月28日"],
                ["序号", "姓名", "职务", "办公电话", "手机", "传真", "备注"],
                [1, "袁博", "副乡长", "0871-65012441", "13988010141", None, "分管领导"],
                [],
                [2, "韩雪", "应急办干事", "0871-65012442", "13988010142", None, "联络员"],
                ["合计", "2人"],
                ["备注：人员如有变动请及时报县安委办。"],
                [None, "填表说明：手机号请填写11位。"],
                [3, "请填写真实姓名", None, None, "13988010143"],
            ],
        ),
    )
    from openpyxl import load_workbook

    book = load_workbook(path)
    book.active.merge_cells("A8:G8")
    book.save(path)
    plan = preview(store, campaign, [path])
    assert {n: p["role"] for n, p in _people(plan).items()} == {"袁博": "分管领导", "韩雪": "联络员"}
    rejected, said = _said(plan)
    assert rejected is None and set(said) == {"B10"} and said["B10"] == "“请填写真实姓名”不像姓名，该行未导入。"
    apply(store, plan)
    stored = [r["name"] for r in liaison_rows(store, campaign["id"]) if r["id"]]
    assert sorted(stored) == ["袁博", "韩雪"]


def test_names_without_what_the_form_added(store, campaign, tmp_path):
    rows = [["单位", "姓名", "手机"]] + [
        ["双河镇", name, f"1398801017{n}"]
        for n, name in enumerate(["王芳同志", "李　明", "阿依古丽•吐尔逊", "欧阳明月"])
    ]
    plan = preview(store, campaign, [_book(tmp_path / "名单.xlsx", ("名单", rows))])
    assert sorted(_people(plan)) == sorted(["王芳", "李明", "阿依古丽·吐尔逊", "欧阳明月"])


def test_a_registration_form_is_one_person(store, campaign, tmp_path):
    rows = [
        ["安全生产月联络员登记表"],
        ["姓名", "高文静", "手机", "13988010181"],
        ["单位", "石门乡", "办公电话", "0871-65012481"],
        ["职务", "副乡长", "电子邮箱", "gaowj@example.com"],
        ["传真", "0871-65012480", "备注", None],
    ]
    plan = preview(store, campaign, [_book(tmp_path / "登记表.xlsx", ("登记表", rows))])
    assert _people(plan) == {
        "高文静": {
            "name": "高文静",
            "unit": "石门乡",
            "role": "联络员",
            "position": "副乡长",
            "mobile": "13988010181",
            "office_phone": "0871-65012481",
            "email": "gaowj@example.com",
            "fax": "0871-65012480",
        }
    }
    assert _said(plan) == (None, {})


def test_a_registration_form_with_two_names_in_a_row_is_refused_with_its_reason(store, campaign, tmp_path):
    rows = [["姓名", "高文静", "姓名", "陈静"], ["手机", "13988010181", "手机", "13988010182"], ["单位", "石门乡"]]
    plan = preview(store, campaign, [_book(tmp_path / "登记表.xlsx", ("登记表", rows))])
    assert plan["changes"] == []
    _rejected, said = _said(plan)
    assert "分不清" in said["A1"]


def test_an_info_line_above_the_table_is_not_its_header(store, campaign, tmp_path):
    rows = [
        ["联系人", "李四", "联系电话", "13988019999"],
        [],
        ["单位", "姓名", "职务", "手机"],
        ["县交通运输局", "钱进", "副局长", "13988010211"],
    ]
    plan = preview(store, campaign, [_book(tmp_path / "名单.xlsx", ("名单", rows))])
    assert list(_people(plan)) == ["钱进"] and _said(plan) == (None, {})


def test_the_unit_written_with_the_office_region(store, campaign, tmp_path):
    set_office(store, name="青岚县安委会办公室")
    rows = [
        ["单位", "姓名", "手机"],
        ["青岚县应急管理局", "孔宁", "13988010192"],
        ["东岭县应急管理局", "范亮", "13988010191"],
    ]
    plan = preview(store, campaign, [_book(tmp_path / "名单.xlsx", ("名单", rows))])
    assert {n: p["unit"] for n, p in _people(plan).items()} == {"孔宁": "县应急管理局"}
    assert _said(plan)[1]["A3"] == "单位“东岭县应急管理局”不在单位名录中，该行未导入。"


def test_a_hidden_row_is_not_read_and_is_said(store, campaign, tmp_path):
    path = tmp_path / "名单.xlsx"
    rows = [["单位", "姓名", "手机"], ["县应急管理局", "苏杭", "13988010201"], ["县应急管理局", "钟鸣", "13988010203"]]
    _book(path, ("名单", rows))
    from openpyxl import load_workbook

    book = load_workbook(path)
    book.active.row_dimensions[3].hidden = True
    book.save(path)
    plan = preview(store, campaign, [path])
    assert list(_people(plan)) == ["苏杭"]
    assert "隐藏行" in _said(plan)[1]["第3行"] and "钟鸣" in _said(plan)[1]["第3行"]


def test_a_person_marked_as_gone_is_not_read(store, campaign, tmp_path):
    rows = [
        ["单位", "姓名", "手机"],
        ["县应急管理局", "苏杭", "13988010201"],
        ["县应急管理局", "钟鸣（已调离）", "13988010203"],
    ]
    plan = preview(store, campaign, [_book(tmp_path / "名单.xlsx", ("名单", rows))])
    assert list(_people(plan)) == ["苏杭"] and "已调离" in _said(plan)[1]["B3"]


def test_the_sheet_with_people_is_read_not_the_sample_or_the_blank_one(store, campaign, tmp_path):
    header = ["单位", "姓名", "职务", "手机"]
    sample = ("填表说明", [["填表说明：请按示例填写。"], header, ["××镇", "张三", "副镇长", "13900000000"]])
    blank = ("联络员名单", [["联络员名单"], header])
    filled = ("联络员名单 (2)", [["联络员名单"], header, ["县卫生健康局", "韦华", "副局长", "13988010221"]])
    plan = preview(store, campaign, [_book(tmp_path / "名单.xlsx", sample, blank, filled)])
    assert list(_people(plan)) == ["韦华"]
    assert plan["changes"][0]["cells"]["name"] == "联络员名单 (2)!B3"
    rejected, said = _said(plan)
    assert rejected is None and "填写示例" in said["工作表“填表说明”第3行"]
    assert any(line.startswith("  ! 工作表“填表说明”第3行") for line in describe(plan))


def test_a_list_copied_onto_two_sheets_is_read_once(store, campaign, tmp_path):
    header = ["单位", "姓名", "手机"]
    one = ["县卫生健康局", "韦华", "13988010221"]
    plan = preview(store, campaign, [_book(tmp_path / "名单.xlsx", ("名单", [header, one]), ("副本", [header, one]))])
    assert [c["fields"]["name"] for c in plan["changes"]] == ["韦华"]
    assert "重复" in _said(plan)[1]["副本!B2"]


def test_a_returned_form_with_nobody_on_it_is_said(store, campaign, tmp_path):
    plan = preview(
        store, campaign, [_book(tmp_path / "空表.xlsx", ("名单", [["联络员名单"], ["单位", "姓名", "手机"]]))]
    )
    assert "没有读到任何人员" in plan["files"][0]["rejected"]


def test_a_header_with_titles_the_reader_does_not_know_is_still_a_header(store, campaign, tmp_path):
    rows = [
        ["姓名", "政治面貌", "手机", "籍贯", "单位"],
        ["钱进", "党员", "13988010211", "青岚", "县交通运输局"],
        ["姓名", "政治面貌", "手机", "籍贯", "单位"],  # the header printed again on page 2
        ["王芳（女）", "群众", "13988010212", "青岚", "县交通运输局"],
        ["孙悦", "群众", "139****0213", "青岚", "县交通运输局"],
    ]
    plan = preview(store, campaign, [_book(tmp_path / "名单.xlsx", ("名单", rows))])
    people = {n: p.get("mobile") for n, p in _people(plan).items()}
    assert people == {"钱进": "13988010211", "王芳": "13988010212", "孙悦": None}  # a masked mobile: no sample row
    _rejected, said = _said(plan)
    assert "括注“女”" in said["A4"] and "手机号" in said["C5"]


def test_a_contact_phone_column_is_read_by_its_shape(store, campaign, tmp_path):
    rows = [
        ["单位", "联系人", "联系人电话"],
        ["县交通运输局", "钱进", "13988010211"],
        ["县交通运输局", "孙悦", "0871-65012212"],
    ]
    plan = preview(store, campaign, [_book(tmp_path / "名单.xlsx", ("名单", rows))])
    people = _people(plan)
    assert people["钱进"]["mobile"] == "13988010211" and people["孙悦"]["office_phone"] == "0871-65012212"


def test_the_same_person_in_two_files_is_planned_once(store, campaign, tmp_path):
    rows = [["单位", "姓名", "手机"], ["县交通运输局", "钱进", "13988010211"]]
    first = _book(tmp_path / "一.xlsx", ("名单", rows))
    second = _book(tmp_path / "二.xlsx", ("名单", rows))
    apply(store, preview(store, campaign, [first]))
    plan = preview(store, campaign, [first, second])
    assert [c["action"] for c in plan["changes"]] == ["unchanged"]
    assert "已在 一.xlsx 中读到" in plan["files"][1]["warnings"][0]["message"]


def test_a_registration_form_with_people_one_under_another(store, campaign, tmp_path):
    rows = [
        ["单位", "石门乡"],
        ["分管领导"],
        ["姓名", "袁博", "手机", "13988010141"],
        ["职务", "副乡长"],
        ["联络员"],
        ["姓名", "韩雪", "手机", "13988010142"],
        ["职务", "应急办干事", "电子邮箱", "hanxue@example.com"],
    ]
    plan = preview(store, campaign, [_book(tmp_path / "登记表.xlsx", ("登记表", rows))])
    people = {n: (p["unit"], p["role"], p["position"], p["mobile"], p.get("email")) for n, p in _people(plan).items()}
    assert people == {
        "袁博": ("石门乡", "分管领导", "副乡长", "13988010141", None),
        "韩雪": ("石门乡", "联络员", "应急办干事", "13988010142", "hanxue@example.com"),
    }


def test_the_region_read_off_the_directory_when_the_office_is_not_set(store, campaign, tmp_path):
    more = [["单位名称", "类别"], ["青岚县燃气有限公司", "企业"], ["青岚县公共交通有限公司", "企业"]]
    import_units(store, entries_from_rows(more), campaign["id"])
    rows = [
        ["单位", "姓名", "手机"],
        ["青岚县应急管理局", "孔宁", "13988010192"],
        ["青岚县燃气有限公司", "陆远", "13988010241"],
    ]
    plan = preview(store, campaign, [_book(tmp_path / "名单.xlsx", ("名单", rows))])
    assert {n: p["unit"] for n, p in _people(plan).items()} == {"孔宁": "县应急管理局", "陆远": "青岚县燃气有限公司"}


def test_an_example_sheet_beside_the_list_is_not_read_a_form_titled_样表_is(store, campaign, tmp_path):
    header = ["单位", "姓名", "手机"]
    example = ("填写示例", [header, ["县交通运输局", "王小明", "13988887777"]])
    real = ("联络员名单", [header, ["县交通运输局", "钱进", "13988010211"]])
    plan = preview(store, campaign, [_book(tmp_path / "两页.xlsx", example, real)])
    assert list(_people(plan)) == ["钱进"] and "填写示例" in _said(plan)[1]["工作表“填写示例”第2行"]
    alone = ("联络员名单（样表）", [header, ["县交通运输局", "钱进", "13988010211"]])
    assert list(_people(preview(store, campaign, [_book(tmp_path / "样表.xlsx", alone)]))) == ["钱进"]


def test_no_region_is_guessed_when_the_directory_names_two(store, campaign, tmp_path):
    more = [
        ["单位名称", "类别"],
        *[[n, "企业"] for n in ("青岚县燃气公司", "青岚县公交公司", "东岭县燃气公司", "东岭县水泥厂")],
    ]
    import_units(store, entries_from_rows(more), campaign["id"])
    rows = [["单位", "姓名", "手机"], ["青岚县应急管理局", "孔宁", "13988010192"]]
    plan = preview(store, campaign, [_book(tmp_path / "名单.xlsx", ("名单", rows))])
    assert plan["changes"] == [] and "不在单位名录中" in _said(plan)[1]["A2"]


def test_a_place_left_vacant_is_nobody_and_同上_is_no_name(store, campaign, tmp_path):
    rows = [
        ["单位", "分管领导", "联络员", "联系电话"],
        ["双河镇", "暂无", "邓佳", "13988010132"],
        ["板桥镇", "曹建平", "同上", "13988010134"],
    ]
    plan = preview(store, campaign, [_book(tmp_path / "名单.xlsx", ("名单", rows))])
    assert {n: (p["unit"], p["role"], p.get("mobile")) for n, p in _people(plan).items()} == {
        "邓佳": ("双河镇", "联络员", "13988010132"),
        "曹建平": ("板桥镇", "分管领导", None),
    }
    assert set(_said(plan)[1]) == {"C3"} and "不像姓名" in _said(plan)[1]["C3"]


def test_a_region_prefixed_unit_unknown_without_the_office_says_what_would_match(store, campaign, tmp_path):
    rows = [["单位", "姓名", "手机"], ["青岚县应急管理局", "孔宁", "13988010192"]]
    plan = preview(store, campaign, [_book(tmp_path / "名单.xlsx", ("名单", rows))])
    assert plan["changes"] == []
    assert "名录里有“县应急管理局”" in _said(plan)[1]["A2"] and "本单位信息" in _said(plan)[1]["A2"]


def test_unit_role_and_position_titles_known_by_their_endings(store, campaign, tmp_path):
    rows = [["乡镇/街道", "人员类别", "联系人姓名", "现任职务/职称", "手机号码", "电子邮箱地址"]]
    rows.append(["双河镇", "分管领导", "许国栋", "副镇长", "13988010131", "xgd@example.com"])
    plan = preview(store, campaign, [_book(tmp_path / "名单.xlsx", ("名单", rows))])
    assert _people(plan) == {
        "许国栋": {
            "name": "许国栋",
            "unit": "双河镇",
            "role": "分管领导",
            "position": "副镇长",
            "mobile": "13988010131",
            "email": "xgd@example.com",
        }
    }
