"""The liaison list PDF on the official pipeline: page numbers on every page, every font embedded, every unit
listed (those without a liaison say so), the large district's 600 liaisons inside the block."""

from __future__ import annotations

import pdfplumber

from models.liaisons.export import export_liaisons
from models.liaisons.liaison import liaison_rows
from tests.models.pdf_reading import MM, fonts


def _campaign(store, year):
    return store.row("SELECT * FROM campaigns WHERE year = ?", (year,))


def test_every_unit_is_listed_and_those_without_a_liaison_say_so(demo_store, tmp_path):
    campaign = _campaign(demo_store, 2021)
    out = export_liaisons(demo_store, campaign, tmp_path / "名单.pdf")
    with pdfplumber.open(out) as pdf:
        text = "\n".join(page.extract_text() for page in pdf.pages)
        assert all(abs(p.width / MM - 297) < 1 and abs(p.height / MM - 210) < 1 for p in pdf.pages)
    rows = liaison_rows(demo_store, campaign["id"])
    silent = [r["unit_name"] for r in rows if r["id"] is None]
    assert silent  # the demo has units that named nobody
    for name in {r["unit_name"] for r in rows}:
        assert name in text.replace("\n", "")
    assert text.count("（尚未明确联络员）") == len(silent)
    assert f"其中{len(silent)}个单位尚未明确联络员：{'、'.join(silent)}。" in text.replace("\n", "")
    assert all(embedded for _name, embedded in fonts(out))
    assert not any("Helvetica" in name for name, _ in fonts(out))


def test_a_long_list_has_page_numbers_and_stays_in_the_block(tmp_path, demo_store):
    from bench.make_fixture import make_fixture
    from models.store.opening import open_store

    store = open_store(make_fixture(tmp_path / "big.db", units=120))
    try:
        out = export_liaisons(store, _campaign(store, 2024), tmp_path / "名单.pdf", mask=True)
    finally:
        store.close()
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) >= 10
        for number, page in enumerate(pdf.pages, start=1):
            assert f"— {number} —" in page.extract_text()
            grid = page.lines + page.rects
            assert max(line["bottom"] for line in grid) <= (28 + 156) * MM + 0.5
            assert max(line["x1"] for line in grid) <= (37 + 225) * MM + 0.5
