"""The glyph check read back: rare characters of names drawn in a fallback face, characters no face has named
with their page and paragraph before anything is printed."""

from __future__ import annotations

import pdfplumber

from models.documents.pdf import blocks as b
from models.documents.pdf import fonts
from models.documents.pdf.build import build_pdf
from models.documents.pdf.glyphs import describe

NOWHERE = "\U00031350"  # CJK Extension H: in no face the app ships, nor on this machine


def _chars(path, text):
    with pdfplumber.open(path) as pdf:
        return [(n, c) for n, page in enumerate(pdf.pages, 1) for c in page.chars if c["text"] == text]


def test_rare_name_characters_are_drawn_in_a_fallback_face(tmp_path):
    doc = b.Document("名单")
    doc.add(
        b.Title("关于表扬吉𠮷同志的通报"),
        b.Paragraph("张堃、李喆、王昇、陈犇、周淼、䶮、𫖯、𬌗、𬇙、𬭚等同志表现突出。"),
    )
    doc.add(b.Table("", ["单位", "人数\n(人)"], [["𠮷祥镇", "3"], ["合计", "3"]]))
    out = tmp_path / "names.pdf"
    assert build_pdf(doc, out) == []
    for char in "𠮷堃喆昇犇䶮𫖯𬌗𬇙𬭚":
        found = _chars(out, char)
        assert found, char  # printed and read back as itself, not blank
    body = fonts.font("fangsong")
    assert not fonts.has_glyph(body, "堃") and "LXGW" in _chars(out, "堃")[0][1]["fontname"]
    with pdfplumber.open(out) as pdf:
        assert "𠮷祥镇" in pdf.pages[0].extract_text()


def test_a_character_no_face_has_is_named_with_its_page_and_paragraph(tmp_path):
    doc = b.Document("测试")
    for index in range(30):
        doc.add(b.Paragraph(f"第{index + 1}段正文，安全生产月活动各单位结合实际组织开展。"))
    doc.add(b.Paragraph(f"请联系王{NOWHERE}同志。"))
    doc.add(b.Table("", ["单位", "人数\n(人)"], [[f"{NOWHERE}家村", "3"], ["合计", "3"]]))
    out = tmp_path / "missing.pdf"
    found = build_pdf(doc, out)
    assert [(m.page, m.chars) for m in found] == [(2, NOWHERE), (2, NOWHERE)]
    assert "正文" in found[0].where and "请联系王" in found[0].where
    assert "统计表" in found[1].where and "家村" in found[1].where
    message = describe(found)
    assert "第2页" in message and "U+31350" in message and "打印出来会是空白" in message
