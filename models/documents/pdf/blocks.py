"""The parts an official document is made of, as plain data (no reportlab here)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Title:
    text: str


@dataclass
class DocNumber:
    text: str


@dataclass
class Recipients:
    text: str


@dataclass
class Heading:
    text: str
    level: int = 1  # 1: 一、 黑体; 2: （一） 楷体; 3: 1. 仿宋


@dataclass
class Paragraph:
    text: str
    missing: bool = False  # says what is missing; the clerk sees it before printing


@dataclass
class Table:
    caption: str
    header: list[str]
    rows: list[list]
    first_width: float = 0.26  # unused: column widths come from the content (kept for old callers)
    note: str = ""
    groups: list[str] | None = None  # per column after the first: the group head spanning its columns


@dataclass
class Chart:
    caption: str
    labels: list[str]
    values: list[float]
    measure: str = ""


@dataclass
class AttachmentNote:
    items: list[str]


@dataclass
class Signature:
    office: str
    date_text: str


@dataclass
class AttachmentLabel:
    text: str  # 附件1


@dataclass
class PageBreak:
    pass


@dataclass
class Blank:
    lines: int = 1


@dataclass
class RedHeader:
    """发文机关标志 in red, 发文字号 and the red separator line (first page of an issued notice)."""

    mark: str
    doc_number: str = ""


@dataclass
class ListTable:
    """A list of people or things: text cells wrapped to columns of the given shares, header on every page."""

    header: list[str]
    rows: list[list]
    shares: list[float]
    size: float = 9.0
    spans: dict[int, int] = field(default_factory=dict)  # row → first column of one cell running to the last


@dataclass
class Colophon:
    """版记 (GB/T 9704 7.4): 抄送 (optional) and 印发机关和印发日期, between rules at the foot of the last page."""

    office: str
    date_text: str
    cc: str = ""


@dataclass
class Document:
    title: str
    blocks: list = field(default_factory=list)
    author: str = ""
    protected: list[str] = field(default_factory=list)  # names never broken across lines, besides the shipped ones
    landscape: bool = False  # A4 turned: the block 225 mm wide, 156 mm high

    def add(self, *blocks) -> Document:
        self.blocks.extend(blocks)
        return self

    def text(self) -> str:
        """Everything the reader will read, one block a line (for previews and checks)."""
        lines = []
        for block in self.blocks:
            for name in ("mark", "doc_number", "text", "caption", "cc", "office", "date_text"):
                if getattr(block, name, None):
                    lines.append(str(getattr(block, name)))
            if isinstance(block, AttachmentNote):
                lines.extend(block.items)
        return "\n".join(lines)
