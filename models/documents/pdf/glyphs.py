"""The glyph check: characters that no available face can draw (they would print blank), with where they are
(page, paragraph or table row), gathered while the document is laid out, so the clerk is told before printing."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from models.documents.pdf import fonts


@dataclass(frozen=True)
class MissingGlyphs:
    page: int  # 0 when not known (a table cell is checked before it is placed)
    where: str  # 标题 / 正文“…” / 统计表“单位名”一行
    chars: str

    def message(self) -> str:
        listed = "、".join(f"“{c}”（U+{ord(c):04X}）" for c in self.chars)
        page = f"第{self.page}页" if self.page else ""
        return f"{page}{self.where}：{listed}"


_found: list[list[MissingGlyphs]] = []


@contextlib.contextmanager
def collecting():
    """Gather what `note` finds while a document is built; yields the list."""
    _found.append([])
    try:
        yield _found[-1]
    finally:
        _found.pop()


def missing(text: str, font: str) -> str:
    """The characters of *text* that neither *font* nor any fallback face has (each once, in order)."""
    return "".join(dict.fromkeys(c for c in text if not c.isspace() and fonts.font_for(font, c) is None))


def note(page: int, where: str, text: str, font: str) -> None:
    if not _found:
        return
    chars = missing(text, font)
    if chars:
        context = _context(text, chars[0])
        entry = MissingGlyphs(page, f"{where}“{context}”", chars)
        if entry not in _found[-1]:
            _found[-1].append(entry)


def _context(text: str, char: str) -> str:
    at = text.find(char)
    start = max(0, at - 8)
    return ("…" if start else "") + text[start : at + 9] + ("…" if at + 9 < len(text) else "")


def describe(found: list[MissingGlyphs]) -> str:
    """The clerk's message: what will print blank, where, and what to do."""
    lines = [f"  {item.message()}" for item in found[:12]]
    more = f"\n  ……另有{len(found) - 12}处" if len(found) > 12 else ""
    return (
        "以下字符在本机所有字体中都没有，打印出来会是空白：\n"
        + "\n".join(lines)
        + more
        + "\n请安装含这些字的字体（如 Windows 的“SimSun-ExtB”、开源的“霞鹜文楷”或“BabelStone Han”）后重新生成，"
        "或把这些字改为常用写法。"
    )
