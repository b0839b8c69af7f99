"""The text of a notice file: .txt in any common encoding, .docx in document order, .pdf from its text layer,
a saved web page without its markup.

Each reader returns plain lines; a file that cannot be read is refused with a Chinese message naming it.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from models.documents.zip_gate import DOCX, HOSTILE_XML, check_container
from models.errors import ImportRejected, ValidationError
from models.notices.encodings import decode_text

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_REFUSED = (".doc", ".wps", ".xls", ".xlsx", ".ofd", ".et", ".dps", ".ppt", ".pptx")


# ---- .docx ----------------------------------------------------------------------------------------------


def _runs_text(paragraph, boxes: list) -> str:
    """A paragraph's text in order: runs, tracked insertions (w:ins), tabs and breaks; text boxes set aside."""
    out: list[str] = []

    def walk(element) -> None:
        for child in element:
            tag = child.tag
            if tag in (f"{_MC}Fallback", f"{_W}del", f"{_W}moveFrom", f"{_W}instrText"):
                continue  # the VML copy of a text box, deleted text, field codes
            if tag == f"{_W}txbxContent":
                boxes.append(child)
                continue
            if tag == f"{_W}t":
                out.append(child.text or "")
            elif tag == f"{_W}tab":
                out.append("\t")
            elif tag in (f"{_W}br", f"{_W}cr"):
                out.append("\n")
            walk(child)

    walk(paragraph)
    return "".join(out)


def _block_lines(container) -> list[str]:
    """Paragraphs and tables of a body (or a cell, or a text box) in document order."""
    lines: list[str] = []
    for child in container:
        if child.tag == f"{_W}p":
            boxes: list = []
            lines.append(_runs_text(child, boxes))
            for box in boxes:
                lines += _block_lines(box)
        elif child.tag == f"{_W}tbl":
            for row in child.findall(f"{_W}tr"):
                cells = [_block_lines(cell) for cell in row.findall(f"{_W}tc")]
                filled = [cell for cell in cells if any(line.strip() for line in cell)]
                if len(filled) == 1:  # a table used for layout (a 版头, a title, a 文号 set right): its lines
                    lines += filled[0]
                else:
                    lines.append("\t".join(" ".join(cell).strip() for cell in cells))
        elif child.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml", f"{_W}ins"):
            lines += _block_lines(child)
    return lines


def docx_text(path: Path) -> str:
    from defusedxml import ElementTree  # lazy: only when a .docx is opened

    check_container(path, DOCX)  # sizes, ratios and DTDs checked before any XML is parsed
    try:
        with zipfile.ZipFile(path) as archive:
            xml = archive.read("word/document.xml")
        body = ElementTree.fromstring(xml).find(f"{_W}body")
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise ImportRejected(
            f"Word 文档已损坏或不是 .docx 格式，无法读取（{type(exc).__name__}）。", path.name
        ) from exc
    except Exception as exc:  # noqa: BLE001 - broken or hostile XML comes in many kinds
        if type(exc).__module__.startswith("defusedxml"):  # a DTD or entity past the gate's first look
            raise ImportRejected(HOSTILE_XML, path.name) from exc
        raise ImportRejected(f"Word 文档内容已损坏，无法读取（{type(exc).__name__}）。", path.name) from exc
    if body is None:
        raise ImportRejected("Word 文档里没有正文。", path.name)
    return "\n".join(_block_lines(body))


# ---- .pdf -----------------------------------------------------------------------------------------------


PDF_PAGES = 60  # a notice and its attachments; a 2,000-page file is not read to its end (its head is the notice)
TEXT_BYTES = 20 << 20  # a notice's text is tens of KB; a 200 MB file is the wrong file


def _without_repeated_lines(pages: list[str]) -> str:
    """The text without lines printed on every page (a scanning app's watermark, a header, a footer)."""
    if len(pages) < 2:
        return "\n".join(pages)
    every = set.intersection(*(set(line.strip() for line in page.splitlines()) for page in pages))
    return "\n".join(line for page in pages for line in page.splitlines() if line.strip() not in every)


def pdf_text(path: Path) -> str:
    """The text layer, page by page (pypdf: pure Python, BSD licence); a scan without one is refused."""
    import logging

    from pypdf import PdfReader  # lazy: only when a PDF is opened
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # damaged-but-readable files log warnings per object
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ImportRejected("PDF 文件有密码保护，无法读取：请用密码打开后另存一份，或复制全文后粘贴。", path.name)
        pages = [page.extract_text() or "" for page in reader.pages[:PDF_PAGES]]
    except ImportRejected:
        raise
    except (PdfReadError, OSError, ValueError, KeyError, TypeError) as exc:
        raise ImportRejected(f"PDF 文件已损坏，无法读取（{type(exc).__name__}）。", path.name) from exc
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on broken files
        raise ImportRejected(f"PDF 文件无法读取（{type(exc).__name__}）。", path.name) from exc
    text = "\n".join(pages)
    if sum(ch.strip() != "" for ch in _without_repeated_lines(pages)) < 20:
        raise ImportRejected(
            f"这份 PDF（{len(pages)} 页）没有文字层，可能是扫描件或图片：请用 WPS/Word 的“PDF 转文字”或 OCR 识别后"
            "另存为 .docx/.txt，或对照原件手工录入。",
            path.name,
        )
    return text


def _looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml version")) and b"<html" in data[:4096].lower()


def read_notice_file(path: str | Path) -> str:
    """The text of a notice file (.txt, .docx, .pdf); refuses other kinds by name."""
    path = Path(path)
    if not path.is_file():
        raise ImportRejected("文件不存在。", str(path))
    suffix = path.suffix.lower()
    if suffix in _REFUSED:
        raise ImportRejected(
            f"不能直接读取 {suffix} 文件：请在 WPS/Word 中另存为 .docx、.pdf 或 .txt，或复制全文后粘贴。", path.name
        )
    size = path.stat().st_size
    if size == 0:
        raise ImportRejected("文件是空的。", path.name)
    if size > TEXT_BYTES and suffix not in (".pdf", ".docx"):
        raise ImportRejected(
            f"文件太大（{size / (1 << 20):.0f} MB）：一份通知的文字不会这么长，请确认选对了文件。", path.name
        )
    data = path.read_bytes()
    if suffix == ".pdf" or data[:5] == b"%PDF-":
        text = pdf_text(path)
    elif suffix == ".docx" or data[:2] == b"PK":
        if suffix != ".docx":
            raise ImportRejected("这是压缩包或 Office 文件，不是文本文件；Word 文档请使用 .docx 扩展名。", path.name)
        text = docx_text(path)
    elif suffix in (".html", ".htm", ".mht", ".xhtml") or _looks_like_html(data):
        from models.notices.web_page import page_text

        text = page_text(data, path.name)
    else:
        text = decode_text(data, path.name)
    if not text.strip():
        raise ValidationError("文件中没有文字。", path.name)
    return text
