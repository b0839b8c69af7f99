"""The text of a saved web page (.html/.htm): what a browser shows, one line per block, without its markup.

A notice is often saved from a government site as a web page.  Scripts, styles and the page's head are left
out; paragraphs, headings, list items, table rows and line breaks end a line; table cells are kept apart by a
tab.  The rest of the page (menus, footers) is the same furniture the parser already knows from copied text.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from models.errors import ImportRejected
from models.notices.encodings import decode_text

_BLOCKS = {
    "p", "div", "br", "tr", "li", "ul", "ol", "table", "section", "article", "header", "footer", "h1", "h2", "h3",
    "h4", "h5", "h6", "dt", "dd", "dl", "blockquote", "pre", "hr", "center", "form", "nav", "aside", "main",
}  # fmt: skip
_HIDDEN = {"script", "style", "noscript", "head", "template", "svg", "iframe", "object", "select", "option"}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append("\t")

    def handle_endtag(self, tag) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data) -> None:
        if not self.hidden:
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def _decoded(data: bytes, where: str) -> str:
    declared = _CHARSET.search(data[:4096])
    if declared:
        name = declared[1].decode("ascii").lower()
        name = "gb18030" if name in ("gb2312", "gbk", "gb_2312-80") else name  # GB18030 reads both, and more
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data, where)


def page_text(data: bytes, where: str) -> str:
    """The lines of a saved page; a page that is not HTML after all is read as it is."""
    parser = _Text()
    try:
        parser.feed(_decoded(data, where))
        parser.close()
    except (AssertionError, ValueError) as exc:  # html.parser gives up only on very broken markup
        raise ImportRejected(f"网页文件已损坏，无法读取（{type(exc).__name__}）。", where) from exc
    lines = (line.strip(" \t") for line in "".join(parser.parts).split("\n"))
    return "\n".join(re.sub(r"\t[ \t]*", "\t", line) for line in lines if line.strip())
