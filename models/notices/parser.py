"""Reading a notice: its text from a .txt/.docx file, and its fields by the rules in notice_rules."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

from models.documents.zip_gate import DOCX, check_container
from models.errors import ImportRejected, ValidationError
from models.notices.rules import dates, header, lists, tasks
from models.notices.rules.text import prepare

FIELDS = (
    "doc_number",
    "title",
    "issuer",
    "issue_date",
    "recipients",
    "theme",
    "period_start",
    "period_end",
    "deadlines",
    "recurring",
    "attachments",
    "contacts",
)


def parse_notice(text: str) -> dict:
    """Every field the rules can find; what they are unsure of stays None or []."""
    notice = prepare(text or "")
    number = header.doc_number(notice)
    issued = dates.issue_date(notice)
    year = header.notice_year(notice, issued.isoformat() if issued else None, number)
    heading = header.title(notice)
    start, end = dates.period(notice, year)
    return {
        "doc_number": number,
        "title": heading,
        "issuer": header.issuer(notice, heading),
        "issue_date": issued.isoformat() if issued else None,
        "recipients": header.recipients(notice),
        "theme": header.theme(notice),
        "period_start": start.isoformat() if start else None,
        "period_end": end.isoformat() if end else None,
        "deadlines": tasks.deadlines(notice, year, issued or (date(year, 1, 1) if year else None)),
        "recurring": tasks.recurring(notice),
        "attachments": lists.attachments(notice),
        "contacts": lists.contacts(notice),
    }


def found_anything(parsed: dict) -> bool:
    return any(parsed.get(key) for key in FIELDS)


def decode_text(data: bytes, where: str) -> str:
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportRejected("不是文本文件，也不是 Word（.docx）文档，无法读取通知。", where)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ImportRejected("文字编码无法识别（不是 UTF-8 或 GB18030/GBK）。", where)


def _docx_text(path: Path) -> str:
    check_container(path, DOCX)  # sizes, ratios and DTDs checked before python-docx parses any XML
    try:
        import docx  # lazy: python-docx is heavy

        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ImportRejected(
            f"Word 文档已损坏或不是 .docx 格式，无法读取（{type(exc).__name__}）。", path.name
        ) from exc
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds on broken files
        raise ImportRejected(f"Word 文档已损坏，无法读取（{exc}）。", path.name) from exc
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def read_notice_file(path: str | Path) -> str:
    """The text of a notice file (.txt in UTF-8/GB18030, or .docx); refuses other kinds by name."""
    path = Path(path)
    if not path.is_file():
        raise ImportRejected("文件不存在。", str(path))
    suffix = path.suffix.lower()
    if suffix in (".doc", ".wps", ".pdf", ".xls", ".xlsx", ".ofd"):
        raise ImportRejected(
            f"不能直接读取 {suffix} 文件：请在 WPS/Word 中另存为 .docx 或 .txt，或复制全文后粘贴。", path.name
        )
    data = path.read_bytes()
    if suffix == ".docx" or data[:2] == b"PK":
        if suffix != ".docx":
            raise ImportRejected("这是压缩包或 Office 文件，不是文本文件；Word 文档请使用 .docx 扩展名。", path.name)
        text = _docx_text(path)
    else:
        text = decode_text(data, path.name)
    if not text.strip():
        raise ValidationError("文件中没有文字。", path.name)
    return text
