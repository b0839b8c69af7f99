"""Reading a PDF back to find protected runs (names, 文号, dates, numbers with units…) split across lines."""

from __future__ import annotations

import pdfplumber

from models.documents.pdf.protect import DEFAULT, Protection
from tests.models.pdf_reading import lines

TEXT_SIZES = (14.0, 16.0, 22.0)  # 版记, body and headings, titles: the running text, not table cells


def split_runs(path, words=(), protect: Protection | None = None) -> list[str]:
    """Every protected run that starts on one line and ends on the next ("习|近平"), page by page."""
    protect = protect or DEFAULT.with_words(words)
    titles = protect.for_titles()
    found = []
    with pdfplumber.open(path) as pdf:
        for number, page in enumerate(pdf.pages, start=1):
            rows = [row for row in lines(page) if any(abs(row["size"] - s) < 0.2 for s in TEXT_SIZES)]
            for upper, lower in zip(rows, rows[1:]):
                if upper["text"].endswith(("。", "：", "；")) or abs(upper["size"] - lower["size"]) > 0.2:
                    continue  # a paragraph ends there, or a title meets the body
                rule = titles if upper["size"] > 20 else protect
                joined = upper["text"] + lower["text"]
                cut = len(upper["text"])
                for start, end in rule.runs(joined):
                    if start < cut < end:
                        found.append(f"第{number}页：{joined[start:cut]}|{joined[cut:end]}")
    return found
