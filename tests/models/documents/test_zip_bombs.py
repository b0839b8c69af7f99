"""Zip bombs (.xlsx/.docx whose parts unpack to hundreds of MB) through every command that reads one.

Each is refused within 2 s and 200 MB of memory, with a message naming the file, and leaves the
database and the file byte-identical.
"""

from __future__ import annotations

import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from models.documents import zip_gate
from models.errors import ImportRejected

ROOT = Path(__file__).resolve().parents[3]
BOMB_MB = 190  # under the 200 MB the old total check let through
PAD = b" " * (1 << 20)
# Runs main.py's command in this process and reports the processor time it took and its peak memory.
# Processor time, not the wall clock: on a shared 2-core test machine with ten other jobs the wall clock
# measures the load; the CPU seconds are what a bomb costs the clerk's PC (there, nearly the same).
MEASURED = (
    "import resource, sys, time\n"
    f"sys.path.insert(0, {str(ROOT)!r})\n"
    "import main\n"
    "start = time.process_time()\n"
    "try:\n"
    "    code = main.main(sys.argv[1:])\n"
    "finally:\n"
    # VmHWM is this program's own peak; ru_maxrss also counts the pytest process it was forked from
    "    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "    try:\n"
    "        status = open('/proc/self/status').read().split('VmHWM:')[1]\n"
    "        peak = int(status.split()[0])\n"
    "    except (OSError, IndexError, ValueError):\n"
    "        pass\n"
    "    print(f'MEASURED {time.process_time() - start:.3f} {peak}', file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def _blow_up(source: Path, target: Path, part: str, closing: bytes) -> Path:
    """*source* with *part* padded by BOMB_MB MB of blanks before its closing tag (still valid XML)."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename != part:
                dst.writestr(item.filename, data)
                continue
            head, tail = data.rsplit(closing, 1)
            with dst.open(part, "w") as out:
                out.write(head)
                for _ in range(BOMB_MB):
                    out.write(PAD)
                out.write(closing + tail)
    return target


def _lie_about(path: Path, part: str, declared: int = 4000) -> Path:
    """Make the zip directory (and the local header) claim that *part* unpacks to *declared* bytes."""
    data = bytearray(path.read_bytes())
    offset = data.find(b"PK\x01\x02")
    while offset >= 0:
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, offset + 28)
        name = bytes(data[offset + 46 : offset + 46 + name_len]).decode()
        if name == part:
            struct.pack_into("<I", data, offset + 24, declared)
            local = struct.unpack_from("<I", data, offset + 42)[0]
            struct.pack_into("<I", data, local + 22, declared)
        offset = data.find(b"PK\x01\x02", offset + 46 + name_len + extra_len + comment_len)
    path.write_bytes(bytes(data))
    return path


@pytest.fixture(scope="module")
def bombs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("bombs")
    book = Workbook()
    book.active["A1"] = "单位"
    book.save(folder / "plain.xlsx")
    import docx

    document = docx.Document()
    document.add_paragraph("关于开展2023年“安全生产月”活动的通知")
    document.save(folder / "plain.docx")
    sheet, body = "xl/worksheets/sheet1.xml", "word/document.xml"
    made = {
        "xlsx": _blow_up(folder / "plain.xlsx", folder / "炸弹.xlsx", sheet, b"</worksheet>"),
        "docx": _blow_up(folder / "plain.docx", folder / "炸弹通知.docx", body, b"</w:document>"),
    }
    made["xlsx-lying"] = _lie_about(
        _blow_up(folder / "plain.xlsx", folder / "谎报.xlsx", sheet, b"</worksheet>"), sheet
    )
    made["docx-lying"] = _lie_about(
        _blow_up(folder / "plain.docx", folder / "谎报通知.docx", body, b"</w:document>"), body
    )
    return made


def _measured(args: list[str]) -> tuple[subprocess.CompletedProcess, float, int]:
    done = subprocess.run(
        [sys.executable, "-c", MEASURED, *args], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    line = next(x for x in done.stderr.splitlines() if x.startswith("MEASURED"))
    _, seconds, kib = line.split()
    return done, float(seconds), int(kib) // 1024


def _folder_with(bomb: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "交回"
    folder.mkdir()
    (folder / bomb.name).write_bytes(bomb.read_bytes())
    return folder


ENTRY_POINTS = {
    "parse-notice": lambda bomb, db, tmp: ["parse-notice", str(bomb)],
    "layout": lambda bomb, db, tmp: ["layout", "--from-template", str(bomb), "--db", db, "--campaign", "2022"],
    "new-campaign": lambda bomb, db, tmp: [
        "new-campaign", "--db", db, "--year", "2030", "--layout-from-template", str(bomb)
    ],
    "import-units": lambda bomb, db, tmp: ["import-units", str(bomb), "--db", db],
    "import-forms": lambda bomb, db, tmp: [
        "import-forms", str(_folder_with(bomb, tmp)), "--db", db, "--campaign", "2021"
    ],
    "import-liaisons": lambda bomb, db, tmp: [
        "import-liaisons", str(_folder_with(bomb, tmp)), "--db", db, "--campaign", "2021"
    ],
    "export-stats": lambda bomb, db, tmp: [
        "export-stats", "--db", db, "--campaign", "2021", "--week", "1", "--template", str(bomb),
        "--out", str(tmp / "统计表.xlsx"),
    ],
    "export-liaisons": lambda bomb, db, tmp: [
        "export-liaisons", "--db", db, "--campaign", "2021", "--template", str(bomb), "--out", str(tmp / "名单.xlsx")
    ],
}  # fmt: skip


@pytest.mark.parametrize("lying", [False, True], ids=["honest", "lying"])
@pytest.mark.parametrize("command", sorted(ENTRY_POINTS))
def test_bomb_is_refused_by_every_command_in_time_and_memory(bombs, demo_path, tmp_path, command, lying):
    kind = "docx" if command == "parse-notice" else "xlsx"
    bomb = bombs[f"{kind}-lying" if lying else kind]
    before_db, before_bomb = demo_path.read_bytes(), bomb.read_bytes()
    done, seconds, mib = _measured(ENTRY_POINTS[command](bomb, str(demo_path), tmp_path))
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    said = done.stdout + done.stderr
    assert bomb.name in said and ("可能是恶意构造" in said or "内容与文件目录的记录不符" in said), said
    assert seconds < 2.0 and mib < 200, f"{command}: {seconds:.2f} s, {mib} MB"
    assert demo_path.read_bytes() == before_db and bomb.read_bytes() == before_bomb
    assert not (tmp_path / "统计表.xlsx").exists() and not (tmp_path / "名单.xlsx").exists()


def test_attachment_template_bomb_is_refused_before_openpyxl(bombs):
    from models.errors import ValidationError
    from models.notices.notice import read_template

    with pytest.raises(ValidationError, match="可能是恶意构造") as refused:
        read_template(bombs["xlsx"])
    assert refused.value.where == "炸弹.xlsx"


def test_many_small_parts_that_add_up_are_refused(tmp_path):
    path = tmp_path / "碎片.xlsx"
    book = Workbook()
    book.save(path)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        for n in range(140):
            archive.writestr(f"xl/media/part{n}.bin", b"\0" * 1_000_000)
    with pytest.raises(ImportRejected, match="可能是恶意构造") as refused:
        zip_gate.check_container(path)
    assert refused.value.where == "碎片.xlsx"


def test_files_the_app_writes_pass_the_gate(demo_store, tmp_path):
    from models.liaisons.forms import blank_forms as blank_liaison_forms
    from models.progress.forms.blank import write_blank_forms

    campaign = demo_store.row("SELECT * FROM campaigns WHERE year = 2021")
    period = demo_store.row("SELECT * FROM periods WHERE campaign_id = ? AND seq = 1", (campaign["id"],))
    (tmp_path / "forms").mkdir()
    (tmp_path / "liaisons").mkdir()
    written = write_blank_forms(demo_store, campaign, period, tmp_path / "forms")
    written += blank_liaison_forms(demo_store, campaign, tmp_path / "liaisons")
    for path in written:
        zip_gate.check_container(path)
    assert len(written) > 10


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("cut", "不完整或已损坏"),
        ("csv", "文本文件（例如 CSV）"),
        ("html", "网页或 XML"),
    ],
)
def test_damaged_workbook_and_renamed_text_are_told_apart(tmp_path, content, words):
    good = tmp_path / "good.xlsx"
    Workbook().save(good)
    path = tmp_path / "报回.xlsx"
    if content == "cut":
        path.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    elif content == "csv":
        path.write_bytes("单位,姓名,手机\n白水镇,张三,13800000000\n".encode("gb18030"))
    else:
        path.write_bytes(b"<html><body><table><tr><td>1</td></tr></table></body></html>")
    with pytest.raises(ImportRejected, match=words) as refused:
        zip_gate.check_container(path)
    assert refused.value.where == "报回.xlsx"


def _ods(path: Path) -> Path:
    """A minimal OpenDocument spreadsheet (mimetype first and stored, as the format asks)."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content'
        ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="进展统计"><table:table-row>'
        "<table:table-cell><text:p>单位</text:p></table:table-cell></table:table-row></table:table>"
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest'
        ' xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry'
        ' manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", manifest)
    return path


def test_ods_bomb_is_refused_by_import_forms(demo_path, tmp_path):
    plain = _ods(tmp_path / "plain.ods")
    zip_gate.check_container(plain, zip_gate.ODS)  # the plain one passes
    bomb = _blow_up(plain, tmp_path / "炸弹.ods", "content.xml", b"</office:document-content>")
    before = demo_path.read_bytes()
    done, seconds, mib = _measured(
        ["import-forms", str(_folder_with(bomb, tmp_path)), "--db", str(demo_path), "--campaign", "2021"]
    )
    said = done.stdout + done.stderr
    assert done.returncode == 2 and "炸弹.ods" in said and "可能是恶意构造" in said, said
    assert seconds < 2.0 and mib < 200, f"{seconds:.2f} s, {mib} MB"
    assert demo_path.read_bytes() == before
