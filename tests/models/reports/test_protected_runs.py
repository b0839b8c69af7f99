"""Read back: no PDF splits a name, a 文号, a date or a number with its unit across lines."""

from __future__ import annotations

import pytest

from models.documents.pdf import blocks as b
from models.documents.pdf.build import build_pdf
from models.documents.pdf.linebreak import tokens
from models.documents.pdf.notice import notice_document
from models.reports import protected
from models.reports.brief import weekly_document
from models.reports.report import notice_fields
from models.reports.summary import summary_document
from tests.models.documents.pdf.protected_check import split_runs
from tests.models.pdf_reading import text_of

RUNS = "习近平总书记强调，参演8,420人次，曲安办〔2022〕32号，2021年5月17日12:00前，邮箱anquan.yue@qq.com，张国栋同志。"


def _campaign(store, year):
    return store.row("SELECT * FROM campaigns WHERE year = ?", (year,))


def test_every_offset_keeps_every_run_whole(tmp_path, store):
    """The runs land at every position of the line: none is ever cut."""
    protected.set_clerk_words(store, "张国栋\n")
    doc = b.Document("测试")
    doc.protected = protected.protected_words(store)
    for offset in range(30):
        doc.add(b.Paragraph("各" * offset + RUNS * 2))
    out = tmp_path / "runs.pdf"
    build_pdf(doc, out)
    assert split_runs(out, ["张国栋"]) == []
    assert text_of(out).count("张国栋") == 60


def test_the_checker_sees_a_split_name(tmp_path):
    """Without the clerk's name in the list the same text does split it somewhere (the check can fail)."""
    doc = b.Document("测试")
    for offset in range(30):
        doc.add(b.Paragraph("各" * offset + "张国栋同志到各单位检查工作。" * 4))
    out = tmp_path / "runs.pdf"
    build_pdf(doc, out)
    assert any("张国栋" in run.replace("|", "") for run in split_runs(out, ["张国栋"]))


@pytest.mark.parametrize("year", [2021, 2022])
def test_demo_documents_split_nothing(tmp_path, demo_store, year):
    campaign = _campaign(demo_store, year)
    names = protected.protected_words(demo_store, campaign["id"])
    summary, brief = tmp_path / "summary.pdf", tmp_path / "brief.pdf"
    build_pdf(summary_document(demo_store, campaign), summary)
    period = demo_store.row("SELECT * FROM periods WHERE campaign_id = ? AND seq = 2", (campaign["id"],))
    build_pdf(weekly_document(demo_store, campaign, period), brief)
    documents = [summary, brief]
    for index, row in enumerate(demo_store.rows("SELECT id FROM notices WHERE campaign_id = ?", (campaign["id"],))):
        notice = tmp_path / f"notice{index}.pdf"
        document = notice_document(notice_fields(demo_store, row["id"]))
        document.protected = names
        build_pdf(document, notice)
        documents.append(notice)
    assert len(documents) >= 3
    for path in documents:
        assert split_runs(path, names) == [], path.name
    assert "习近平" in "".join(text_of(p).replace("\n", "") for p in documents)


def test_large_district_summary_splits_nothing(tmp_path, large_store):
    campaign = _campaign(large_store, 2024)
    out = tmp_path / "large.pdf"
    build_pdf(summary_document(large_store, campaign), out)
    assert split_runs(out, protected.protected_words(large_store, campaign["id"])) == []


def test_a_url_wider_than_the_line_is_the_only_thing_broken():
    long_url = "https://www.example.gov.cn/" + "a" * 80
    parts = tokens(f"网址{long_url}，习近平")
    assert long_url in parts and "习近平" in parts


def test_the_clerk_list_refuses_a_bad_line_and_changes_nothing(store):
    from models.errors import ValidationError

    protected.set_clerk_words(store, "李四光\n")
    with pytest.raises(ValidationError, match="第2行"):
        protected.set_clerk_words(store, "王五\n王\n")
    assert protected.clerk_words(store) == ["李四光"]
