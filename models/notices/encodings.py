"""The characters of a text file: UTF-8 (with or without BOM), UTF-16 (with a BOM, or told by its line breaks),
or GB18030/GBK — the encodings notices are saved in on Chinese office PCs; anything else is refused by name."""

from __future__ import annotations

from models.errors import ImportRejected


def _plausible(text: str) -> bool:
    """Mostly Chinese, ASCII, punctuation and line breaks: the decoding was the right one."""
    good = sum(ch.isprintable() or ch in "\n\r\t" for ch in text[:2000])
    return good >= 0.97 * min(len(text), 2000)


def _utf16_without_mark(data: bytes) -> str | None:
    """Line breaks give it away: in UTF-16 each \\n byte has a NUL beside it on the same side."""
    breaks = data.count(b"\n")
    for encoding, pattern in (("utf-16-le", b"\n\x00"), ("utf-16-be", b"\x00\n")):
        if breaks and data.count(pattern) >= breaks and len(data) % 2 == 0:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _plausible(text):
                return text
    return None


def decode_text(data: bytes, where: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 (with a BOM, or without: told by its line breaks), or GB18030/GBK."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    wide = _utf16_without_mark(data) if b"\x00" in data else None
    if wide is not None:
        return wide
    if b"\x00" in data[:4096]:
        raise ImportRejected("不是文本文件，也不是 Word（.docx）或 PDF 文档，无法读取通知。", where)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is None or not _plausible(text):
        raise ImportRejected("文字编码无法识别（不是 UTF-8、UTF-16 或 GB18030/GBK）。", where)
    return text
