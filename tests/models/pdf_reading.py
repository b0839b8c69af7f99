"""Reading PDFs back as a reader would (pdfplumber): lines of text, fonts, positions in mm."""

from __future__ import annotations

from collections import defaultdict

import pdfplumber
from pdfminer.pdftypes import resolve1

MM = 72 / 25.4


def lines(page, size: float | None = None) -> list[dict]:
    """Text lines of a page (chars grouped by their top), optionally only chars of one font size."""
    rows = defaultdict(list)
    for char in page.chars:
        if size is None or abs(char["size"] - size) < 0.05:
            rows[round(char["top"], 1)].append(char)
    out = []
    for top in sorted(rows):
        chars = sorted(rows[top], key=lambda c: c["x0"])
        out.append(
            {
                "text": "".join(c["text"] for c in chars),
                "top": top,
                "bottom": max(c["bottom"] for c in chars),
                "x0": chars[0]["x0"],
                "x1": chars[-1]["x1"],
                "size": chars[0]["size"],
            }
        )
    return out


def text_of(path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def all_lines(path, size: float | None = None) -> list[list[dict]]:
    with pdfplumber.open(path) as pdf:
        return [lines(page, size) for page in pdf.pages]


def fonts(path) -> list[tuple[str, bool]]:
    """(font name, embedded?) of every font any page uses."""
    found = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            resources = resolve1(page.page_obj.resources) or {}
            for font in (resolve1(resources.get("Font")) or {}).values():
                font = resolve1(font)
                descriptor = resolve1(font.get("FontDescriptor"))
                if descriptor is None and font.get("DescendantFonts"):
                    descriptor = resolve1(resolve1(resolve1(font["DescendantFonts"])[0]).get("FontDescriptor"))
                embedded = bool(descriptor) and any(k in descriptor for k in ("FontFile", "FontFile2", "FontFile3"))
                found.append((str(font.get("BaseFont")), embedded))
    return found
