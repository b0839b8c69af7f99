"""Notice files as clerks get them beyond .txt/.docx/.pdf basics: saved web pages, layout tables, scans with
a watermark, files that are empty, far too long or hostile — each read as its text, or refused by name."""

from __future__ import annotations

import zipfile

import pytest

from models.errors import ImportRejected
from models.notices import readers
from models.notices.parser import parse_notice
from models.notices.readers import read_notice_file
from tests.models.notices.docx_files import paragraph, write_docx

PAGE = """<!DOCTYPE html><html><head><meta charset="gb2312"><title>宝山区安委办</title>
<script>var phone = "021-00000000";</script><style>p {{ margin: 0 }}</style></head><body>
<div class="nav"><a href="/">首页</a> &gt; <a href="/tz">通知公告</a></div>
<h1>关于开展隐患排查治理工作的通知</h1>
<p>各街镇（园区）、区安委会相关成员单位：</p>
<p>现将有关事项通知如下。请于6月14日前将<b>申报表</b>报区安委办。</p>
<p>联系人：苏丹，电话：56691234</p>
<p style="text-align:right">上海市宝山区安全生产委员会办公室<br>2024年5月16日</p>
<div class="foot">沪ICP备00000000号 &nbsp; 版权所有</div></body></html>"""


def test_a_saved_web_page_is_read_as_the_page_shows_it(tmp_path):
    path = tmp_path / "通知.html"
    path.write_bytes(PAGE.encode("gb18030"))
    text = read_notice_file(path)
    assert "<" not in text and "var phone" not in text and "宝山区安委办" not in text  # no markup, script, head
    parsed = parse_notice(text)
    assert parsed["title"] == "关于开展隐患排查治理工作的通知"
    assert parsed["recipients"] == "各街镇（园区）、区安委会相关成员单位"
    assert (parsed["issuer"], parsed["issue_date"]) == ("上海市宝山区安全生产委员会办公室", "2024-05-16")
    assert [(c["name"], c["phone"]) for c in parsed["contacts"]] == [("苏丹", "56691234")]
    assert parsed["deadlines"][0]["date"] == "2024-06-14"


def test_a_table_used_for_layout_gives_its_lines(tmp_path):
    head = "<w:tbl><w:tr><w:tc>" + paragraph("海南省安全生产委员会办公室文件") + paragraph("琼安委办〔2013〕62号")
    head += (
        paragraph("海南省安全生产委员会办公室关于做好大检查信息报送工作的通知") + "</w:tc><w:tc></w:tc></w:tr></w:tbl>"
    )
    path = write_docx(tmp_path / "n.docx", [head, "各市县安委办：", "现将有关事项通知如下。"])
    parsed = parse_notice(read_notice_file(path))
    assert parsed["title"] == "海南省安全生产委员会办公室关于做好大检查信息报送工作的通知"
    assert (parsed["doc_number"], parsed["issuer"]) == ("琼安委办〔2013〕62号", "海南省安全生产委员会办公室")


def _pdf(path, pages: list[str]) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    sheet = canvas.Canvas(str(path), pagesize=A4)
    for text in pages:
        sheet.rect(100, 100, 300, 500, fill=1)
        sheet.drawString(72, 40, text)
        sheet.showPage()
    sheet.save()


def test_a_scan_with_a_watermark_on_every_page_is_called_a_scan(tmp_path):
    path = tmp_path / "扫描件.pdf"
    _pdf(path, ["Scanned by CamScanner"] * 8)  # the scanning app's line on each page: no text of the notice
    with pytest.raises(ImportRejected, match="这份 PDF（8 页）没有文字层"):
        read_notice_file(path)


def test_a_very_long_pdf_is_read_for_its_head(tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "PDF_PAGES", 5)
    path = tmp_path / "汇编.pdf"
    _pdf(path, [f"page {n} of a long compilation of notices and forms" for n in range(1, 9)])
    text = read_notice_file(path)
    assert "page 5 of" in text and "page 6 of" not in text


@pytest.mark.parametrize("name", ["空.pdf", "空.docx", "空.txt", "空.html"])
def test_an_empty_file_is_called_empty(tmp_path, name):
    (tmp_path / name).write_bytes(b"")
    with pytest.raises(ImportRejected, match="文件是空的"):
        read_notice_file(tmp_path / name)


def test_a_text_file_far_too_long_is_refused_without_being_read(tmp_path):
    path = tmp_path / "大.txt"
    with path.open("wb") as sparse:  # no disk used: a hole of 21 MB
        sparse.truncate(readers.TEXT_BYTES + (1 << 20))
    with pytest.raises(ImportRejected, match=r"文件太大（21 MB）：一份通知的文字不会这么长"):
        read_notice_file(path)


def test_an_entity_declared_late_in_a_docx_is_refused_as_hostile(tmp_path):
    path = write_docx(tmp_path / "n.docx", ["正文"])
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    document = parts["word/document.xml"].decode("utf-8")
    prolog, rest = document.split("?>", 1)
    padding = "<!--" + "x" * 20000 + "-->"  # past the first look of the gate
    parts["word/document.xml"] = (
        prolog + "?>" + padding + '<!DOCTYPE w [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + rest
    ).encode()
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with pytest.raises(ImportRejected, match="不安全的 XML 内容"):
        read_notice_file(path)
