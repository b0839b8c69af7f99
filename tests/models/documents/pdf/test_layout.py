"""The PDF engine read back: GB/T 9704 geometry, embedded fonts, page numbers, line breaking, safe writing."""

from __future__ import annotations

import os

import pdfplumber
import pytest

from models.documents.file_output import WriteError
from models.documents.pdf import blocks as b
from models.documents.pdf.build import build_notice_pdf, build_pdf
from models.documents.pdf.linebreak import CANNOT_START, balanced_title, break_lines
from tests.models.pdf_reading import MM, all_lines, fonts, text_of

# A long text of full-width characters and punctuation that lands at line ends in many ways.
BODY = (
    "今年6月是第20个全国“安全生产月”，为认真贯彻落实习近平总书记关于安全生产重要论述，"
    "扎实推进安全生产专项整治三年行动，深入开展安全宣传“五进”工作。"
) * 4
FULL = "安全生产月活动各单位结合实际组织开展形式多样的宣传教育活动" * 40


@pytest.fixture
def sample_pdf(tmp_path):
    doc = b.Document("测试文件")
    doc.add(b.Title("关于开展2021年“安全生产月”和“安全生产专项整治云南行”活动的通知"), b.Blank())
    doc.add(b.Heading("一、总体情况", 1), b.Paragraph(FULL), b.Heading("（一）工作要求", 2))
    for index in range(6):
        doc.add(b.Paragraph(BODY[index:]))
    doc.add(b.AttachmentNote(["各单位活动开展情况统计表", "活动各周进展情况"]), b.Blank())
    doc.add(b.Signature("曲靖市麒麟区安全生产委员会办公室", "2021年7月3日"))
    out = tmp_path / "sample.pdf"
    build_pdf(doc, out)
    return out


def test_a4_and_text_block_measured_from_text(sample_pdf):
    pages = all_lines(sample_pdf)
    with pdfplumber.open(sample_pdf) as pdf:
        assert abs(pdf.pages[0].width / MM - 210) < 1 and abs(pdf.pages[0].height / MM - 297) < 1
    body = all_lines(sample_pdf, 16.0)[1]  # page 2 is body text only, full to the foot
    assert abs(pages[0][0]["top"] / MM - 37) < 1  # 天头 37 mm
    assert abs(min(line["x0"] for line in body) / MM - 28) < 1  # 订口 28 mm
    assert abs(max(line["x1"] for line in body) / MM - (28 + 156)) < 1  # 版心宽 156 mm
    assert abs(body[0]["top"] / MM - 37) < 1
    assert abs(body[-1]["bottom"] / MM - (37 + 225)) < 1  # 版心高 225 mm


def test_body_is_16pt_22_lines_of_28_characters(sample_pdf):
    body = all_lines(sample_pdf, 16.0)[1]
    assert len(body) == 22
    full_lines = [line for line in body if abs(line["x1"] - body[0]["x1"]) < 1 and line["x0"] / MM < 28.5]
    assert any(len(line["text"]) == 28 for line in full_lines)


def test_text_reads_back_and_title_is_broken_sensibly(sample_pdf):
    text = text_of(sample_pdf)
    assert "关于开展2021年“安全生产月”和\n“安全生产专项整治云南行”活动的通知" in text
    assert "一、总体情况" in text and "（一）工作要求" in text
    assert "附件：1.各单位活动开展情况统计表" in text and "2.活动各周进展情况" in text
    assert "曲靖市麒麟区安全生产委员会办公室\n2021年7月3日" in text


def test_every_font_is_embedded(sample_pdf):
    used = fonts(sample_pdf)
    assert used and all(embedded for _, embedded in used), used


def test_page_numbers_alternate_sides(sample_pdf):
    pages = all_lines(sample_pdf, 14.0)
    assert len(pages) >= 2
    for number, lines in enumerate(pages, start=1):
        assert [line["text"] for line in lines] == [f"— {number} —"]
        line = lines[0]
        assert abs(line["top"] / MM - (37 + 225 + 7)) < 1  # 7 mm below the text block
        if number % 2:
            assert abs(line["x1"] / MM - (184 - 14 / MM)) < 1  # odd: right, 空一字
        else:
            assert abs(line["x0"] / MM - (28 + 14 / MM)) < 1  # even: left, 空一字


def test_no_line_starts_with_closing_punctuation(sample_pdf):
    starts = [line["text"][0] for page in all_lines(sample_pdf, 16.0) for line in page]
    assert len(starts) > 40
    assert not [c for c in starts if c in "，。、；：）》」”"]


def test_break_lines_moves_a_character_down_instead_of_starting_with_punctuation():
    measure = len  # every character one unit wide
    lines = break_lines("一二三四五，六七", measure, 5)
    assert ["".join(x) for x in lines] == ["一二三四", "五，六七"]
    assert all("".join(x)[0] not in CANNOT_START for x in break_lines(BODY, measure, 28))
    assert ["".join(x) for x in break_lines("共计8,420人次", measure, 7)] == ["共计", "8,420人次"]


def test_title_breaks_outside_quotes_and_at_word_ends():
    lines = balanced_title("关于开展2021年“安全生产月”和“安全生产专项整治云南行”活动的通知", len, 20)
    assert lines == ["关于开展2021年“安全生产月”和", "“安全生产专项整治云南行”活动的通知"]
    long = "昆明市安全生产委员会办公室关于印发《昆明市2022年“安全生产月”及“安全生产万里行”活动方案》的通知"
    assert balanced_title(long, len, 20) == [
        "昆明市安全生产委员会办公室关于印发",
        "《昆明市2022年“安全生产月”及",
        "“安全生产万里行”活动方案》的通知",
    ]


def test_notice_has_red_issuer_mark_doc_number_and_separator(tmp_path):
    out = tmp_path / "notice.pdf"
    build_notice_pdf(
        {
            "doc_number": "麒区安办〔2021〕16号",
            "title": "关于开展2021年“安全生产月”活动的通知",
            "issuer": "曲靖市麒麟区安全生产委员会办公室",
            "issue_date": "2021-05-17",
            "recipients": "各镇人民政府、街道办事处",
            "body": "一、总体思路\n以习近平新时代中国特色社会主义思想为指导。",
            "contacts": [{"name": "夏欣", "phone": "0874—6172266", "email": "qlqajjbgs@163.com"}],
            "attachments": ["联络员名单"],
        },
        out,
    )
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        red = [c for c in page.chars if c["non_stroking_color"] and tuple(c["non_stroking_color"])[0] > 0.5]
        assert "".join(c["text"] for c in red) == "曲靖市麒麟区安全生产委员会办公室文件"
        rules = [line for line in page.lines if abs(line["x1"] - line["x0"] - 156 * MM) < 1]
        assert rules and tuple(rules[0]["stroking_color"])[0] > 0.5
        text = "\n".join(p.extract_text() for p in pdf.pages)
    assert "麒区安办〔2021〕16号" in text
    assert "各镇人民政府、街道办事处：" in text and "一、总体思路" in text
    assert "联系人：夏欣，联系电话：0874—6172266" in text and "附件：联络员名单" in text
    assert "2021年5月17日" in text


def test_notice_without_fields_still_prints_and_says_what_is_missing(tmp_path):
    out = tmp_path / "n.pdf"
    build_notice_pdf({"title": "关于报送材料的通知"}, out)
    text = text_of(out)
    assert "【待补充】正文尚未填写" in text and "【待补充】成文日期" in text


def _doc():
    return b.Document("新", [b.Title("新的报告")])


def test_unwritable_folder_gives_chinese_error_and_keeps_old_file(tmp_path, monkeypatch):
    target = tmp_path / "报告.pdf"
    target.write_bytes(b"old")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", refuse)
    with pytest.raises(WriteError, match="只读") as caught:
        build_pdf(_doc(), target)
    assert "原文件未改动" in str(caught.value)
    assert target.read_bytes() == b"old"


def test_replace_failure_keeps_old_file_and_leaves_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "报告.pdf"
    target.write_bytes(b"old")

    def locked(src, dst):
        raise PermissionError(13, "The process cannot access the file because it is being used by another process")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(WriteError, match="正被其他程序打开"):
        build_pdf(_doc(), target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["报告.pdf"]


def test_missing_folder_is_refused(tmp_path):
    with pytest.raises(WriteError, match="文件夹不存在"):
        build_pdf(_doc(), tmp_path / "没有" / "x.pdf")


def test_a_paragraph_does_not_end_with_one_character_alone():
    lines = break_lines("一二三四五六七八九。", len, 9)
    assert ["".join(x) for x in lines] == ["一二三四五六七", "八九。"]


def test_windows_system_fonts_are_preferred_when_present(tmp_path, monkeypatch):
    import shutil

    from models.documents.pdf import fonts as font_module

    system, user = tmp_path / "Windows" / "Fonts", tmp_path / "Local" / "Microsoft" / "Windows" / "Fonts"
    system.mkdir(parents=True)
    user.mkdir(parents=True)
    shutil.copy(font_module.resource_path("fonts", "wqy-microhei.ttc"), system / "SimHei.ttf")
    shutil.copy(font_module.resource_path("fonts", "gbsn00lp.ttf"), user / "方正小标宋简体.ttf")  # 仅为当前用户安装
    monkeypatch.setattr(font_module, "_registered", {})
    monkeypatch.setattr(font_module, "_role_faces", {})
    monkeypatch.setattr(font_module, "on_windows", lambda: True)
    monkeypatch.setenv("WINDIR", str(tmp_path / "Windows"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    assert font_module.font("heiti") == "SimHei-0"  # 黑体 from C:\\Windows\\Fonts
    assert font_module.font("title") == "方正小标宋简体-0"  # from the user's own fonts folder
    assert font_module.embolden("title") == 0  # a real 小标宋 is not drawn heavier
    assert font_module.font("fangsong") == "gbsn00lp-0"  # no 仿宋 there: the bundled face
    assert font_module.font("kaiti") == "LXGWWenKai-Regular-0"


def test_the_four_roles_use_different_faces_without_windows_fonts(tmp_path):
    from models.documents.pdf import fonts as font_module

    names = {role: font_module.font(role) for role in ("fangsong", "heiti", "kaiti", "title")}
    assert len({names["fangsong"], names["heiti"], names["kaiti"]}) == 3
    assert font_module.embolden("title") > 0  # the title face (a 宋体) drawn heavier, as 小标宋 would be
    doc = b.Document("字体")
    doc.add(b.Title("关于开展活动的通知"), b.Heading("一、总体要求", 1), b.Heading("（一）工作目标", 2))
    doc.add(b.Paragraph("正文。"))
    out = tmp_path / "roles.pdf"
    build_pdf(doc, out)
    with pdfplumber.open(out) as pdf:
        by_text = {}
        for char in pdf.pages[0].chars:
            by_text.setdefault(char["text"], set()).add(char["fontname"].split("+")[-1])
    assert by_text["总"] != by_text["工"] != by_text["正"] and by_text["总"] != by_text["正"]
    assert all(embedded for _name, embedded in fonts(out))


def test_bundled_font_ships_with_its_licence():
    from models.paths import resource_path

    licence = resource_path("fonts", "wqy-microhei-LICENSE.txt").read_text(encoding="utf-8")
    assert "Apache-2.0" in licence and resource_path("fonts", "wqy-microhei.ttc").stat().st_size > 1_000_000
    assert "Open Font License" in resource_path("fonts", "LXGWWenKai-LICENSE.txt").read_text(encoding="utf-8")
    assert "ARPHIC PUBLIC LICENSE" in resource_path("fonts", "gbsn00lp-LICENSE.txt").read_text(encoding="utf-8")
