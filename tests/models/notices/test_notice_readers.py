"""Reading notice files as they arrive: .docx in document order, PDF text layers, text in any common encoding."""

from __future__ import annotations

import re
import subprocess
import sys
import time

import pytest

from models.errors import ImportRejected
from models.notices.parser import FIELDS, parse_notice
from models.notices.readers import read_notice_file
from tests.conftest import ROOT
from tests.models.notices.docx_files import deleted, inserted, paragraph, table, text_box, write_docx

SAMPLES = ROOT / "data" / "samples"
HEAD = ["某县安全生产委员会办公室", "关于开展2021年“安全生产月”活动的通知", "各乡镇、各部门："]


def test_docx_reads_tables_in_place_and_text_boxes_once(tmp_path):
    path = write_docx(
        tmp_path / "n.docx",
        ["第一段", table([["单位", "联络员"], ["某镇", "张三"]]), paragraph("第二段", text_box("框内文字")), "第三段"],
    )
    assert read_notice_file(path).splitlines() == [
        "第一段",
        "单位\t联络员",
        "某镇\t张三",
        "第二段",
        "框内文字",
        "第三段",
    ]


def test_docx_keeps_tracked_insertions_and_drops_deletions(tmp_path):
    body = paragraph("活动时间：", inserted("6月1日至6月30日"), deleted("5月1日至5月31日"), "。")
    parsed = parse_notice(read_notice_file(write_docx(tmp_path / "n.docx", [*HEAD, body])))
    assert (parsed["period_start"], parsed["period_end"]) == ("2021-06-01", "2021-06-30")


def test_docx_period_in_a_text_box_is_read(tmp_path):
    body = paragraph("现将有关事项通知如下。", text_box("活动时间：6月1日至6月30日。"))
    parsed = parse_notice(read_notice_file(write_docx(tmp_path / "n.docx", [*HEAD, body])))
    assert parsed["period_end"] == "2021-06-30"


def _squeezed(value):
    """Values without whitespace: a PDF text layer drops the space in 遵守安全生产法 当好第一责任人."""
    if isinstance(value, str):
        return re.sub(r"\s+", "", value)
    if isinstance(value, list):
        return [_squeezed(v) for v in value]
    if isinstance(value, dict):
        return {k: _squeezed(v) for k, v in value.items()}
    return value


@pytest.mark.parametrize(("year", "sample"), [(2021, "notice-qilin-2021.txt"), (2022, "notice-kunming-2022.txt")])
def test_the_apps_own_notice_pdf_reads_as_its_text(demo_path, tmp_path, year, sample):
    out = tmp_path / "通知.pdf"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "report",
            "--db",
            str(demo_path),
            "--campaign",
            str(year),
            "--kind",
            "notice",
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        encoding="utf-8",
    )
    assert done.returncode == 0, done.stderr
    from_pdf = parse_notice(read_notice_file(out))
    from_text = parse_notice(read_notice_file(SAMPLES / sample))
    for key in FIELDS:
        assert _squeezed(from_pdf[key]) == _squeezed(from_text[key]), key
    assert from_pdf["doc_number"] and from_pdf["deadlines"] and from_pdf["contacts"]


def _pdf_without_text(path):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=A4)
    page.rect(100, 100, 300, 500, fill=1)  # what a scanner leaves: marks, no text layer
    page.showPage()
    page.save()


def test_a_scanned_pdf_gets_a_clear_message(tmp_path):
    path = tmp_path / "扫描件.pdf"
    _pdf_without_text(path)
    with pytest.raises(ImportRejected) as caught:
        read_notice_file(path)
    assert "没有文字层" in str(caught.value) and "扫描件.pdf" in str(caught.value)


def test_a_broken_pdf_is_refused_by_name(tmp_path):
    path = tmp_path / "坏.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF")
    with pytest.raises(ImportRejected) as caught:
        read_notice_file(path)
    assert "坏.pdf" in str(caught.value)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "gb18030", "utf-8-sig"])
def test_text_without_a_mark_is_decoded(tmp_path, encoding):
    path = tmp_path / "n.txt"
    path.write_bytes("\n".join([*HEAD, "请于5月21日前将联络员名单报县安委办。"]).encode(encoding))
    assert parse_notice(read_notice_file(path))["deadlines"][0]["date"] == "2021-05-21"


def test_parsing_the_longest_sample_is_fast():
    text = read_notice_file(SAMPLES / "notice-kunming-2022.txt") * 3
    started = time.perf_counter()
    parse_notice(text)
    assert time.perf_counter() - started < 0.5


CORPUS = sorted((ROOT / "tests" / "models" / "notices" / "corpus").glob("*.txt"))


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_every_corpus_notice_reads_the_same_from_docx(tmp_path, path):
    """Each line a paragraph; a flattened metadata table (`a: | b |`) becomes a real table in its place."""
    blocks = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.split("|")]
        blocks.append(table([[c for c in cells if c]]) if len(cells) > 2 else paragraph(line))
    from_docx = parse_notice(read_notice_file(write_docx(tmp_path / "n.docx", blocks)))
    from_text = parse_notice(path.read_text(encoding="utf-8"))
    for key in FIELDS:
        assert _squeezed(from_docx[key]) == _squeezed(from_text[key]), key
