"""Returned forms in other formats: the same form as .xlsx, .xls (old Excel), .et (WPS), .ods and .csv gives
the same figures and the same errors (the .xls/.ods made by LibreOffice from the sample forms)."""

from __future__ import annotations

import csv
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from models.progress.forms.blank import write_blank_forms
from models.progress.forms.importer import import_forms
from tests.models.progress.forms.yardstick import FORMS, RETURNED, SAMPLES, make_store, stored_figures

CHECKED = [k for k in FORMS if k not in ("R12",)]  # R12 is refused (a monthly form) in every format


def _convert(libreoffice: str, files: list[Path], fmt: str, out: Path) -> dict[str, Path]:
    subprocess.run(
        [libreoffice, "--headless", "--convert-to", fmt, "--outdir", str(out), *map(str, files)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return {f.stem: out / f"{f.stem}.{fmt}" for f in files}


def _read(key: str, path: Path):
    spec = RETURNED[key]
    with tempfile.TemporaryDirectory() as folder:
        store, campaign = make_store(Path(folder), spec["template"])
        try:
            result = import_forms(store, campaign, [path], week=spec.get("week"))[0]
            return stored_figures(store, campaign["id"]), sorted(e["cell"] for e in result.errors), result.status
        finally:
            store.close()


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    found = shutil.which("libreoffice") or shutil.which("soffice")
    if found is None:
        pytest.skip("LibreOffice is not installed (apt-get install libreoffice-calc-nogui)")
    out = tmp_path_factory.mktemp("converted")
    files = [SAMPLES / RETURNED[k]["file"] for k in CHECKED]
    return {"xls": _convert(found, files, "xls", out), "ods": _convert(found, files, "ods", out)}


@pytest.mark.parametrize("key", CHECKED)
def test_same_form_as_xls_ods_and_et_gives_the_same_figures(key, converted, tmp_path):
    original = SAMPLES / RETURNED[key]["file"]
    want = _read(key, original)
    assert want[2] == "imported" and want[0]
    et = tmp_path / f"{original.stem}.et"  # WPS's own format is the old Excel one
    shutil.copy(converted["xls"][original.stem], et)
    for path in (converted["xls"][original.stem], converted["ods"][original.stem], et):
        assert _read(key, path) == want, path.suffix


def test_csv_form_in_utf8_and_gbk(tmp_path):
    from openpyxl import load_workbook

    original = SAMPLES / RETURNED["R05"]["file"]
    rows = [
        [("" if v is None else v) for v in row] for row in load_workbook(original).active.iter_rows(values_only=True)
    ]
    want = _read("R05", original)
    for encoding in ("utf-8-sig", "gb18030"):
        path = tmp_path / f"双河镇-{encoding}.csv"
        with open(path, "w", encoding=encoding, newline="") as handle:
            csv.writer(handle).writerows(rows)
        got = _read("R05", path)
        assert got[0] == want[0] and got[2] == "imported"


def test_own_blank_form_saved_as_xls_keeps_its_mark(demo_store, tmp_path, libreoffice):
    from models.campaigns.campaign import campaign_by_year
    from models.campaigns.periods import period_by_seq
    from tests.models.stats_files import fill_own_form

    campaign = campaign_by_year(demo_store, 2021)
    period = period_by_seq(demo_store, campaign["id"], 5)
    files = write_blank_forms(demo_store, campaign, period, tmp_path)
    fill_own_form(files[0], {2: 7, 3: 120})
    subprocess.run(
        [libreoffice, "--headless", "--convert-to", "xls", "--outdir", str(tmp_path / "x"), str(files[0])],
        check=True,
        capture_output=True,
        timeout=300,
    )
    xls = tmp_path / "x" / f"{files[0].stem}.xls"
    from_xlsx = import_forms(demo_store, campaign, [files[0]], dry_run=True)[0]
    from_xls = import_forms(demo_store, campaign, [xls], dry_run=True)[0]
    assert from_xls.status == "ready" and from_xls.unit == from_xlsx.unit and from_xls.week == 5
    assert from_xls.figures == from_xlsx.figures and from_xls.figures


def test_broken_xls_is_refused_by_name(tmp_path):
    bad = tmp_path / "坏文件.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    spec = RETURNED["R01"]
    with tempfile.TemporaryDirectory() as folder:
        store, campaign = make_store(Path(folder), spec["template"])
        try:
            result = import_forms(store, campaign, [bad], week=2)[0]
        finally:
            store.close()
    assert result.status == "rejected" and result.file == "坏文件.xls"
    assert "文件已损坏或不是有效的表格文件" in result.errors[0]["message"]
