"""The CJK fonts of the official layout: Windows' own 仿宋/黑体/楷体/宋体 when present, else the bundled WenQuanYi."""

from __future__ import annotations

import functools
import os
from pathlib import Path

from models.paths import resource_path

# Roles of the standard → Windows font file (subfont index for .ttc).
ROLES = {
    "fangsong": ("simfang.ttf", 0),  # body 仿宋
    "heiti": ("simhei.ttf", 0),  # 一、 headings 黑体
    "kaiti": ("simkai.ttf", 0),  # （一） headings 楷体
    "songti": ("simsun.ttc", 0),  # page numbers 宋体
    "title": ("simsun.ttc", 0),  # 小标宋 is rarely installed: 宋体 is the nearest
}
BUNDLED = ("wqy-microhei.ttc", 0)
_registered: dict[str, str] = {}


def windows_fonts_dir() -> Path:
    return Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"


def on_windows() -> bool:
    return os.name == "nt"


def _source(role: str) -> tuple[Path, int]:
    name, index = ROLES[role]
    system = windows_fonts_dir() / name
    if on_windows() and system.is_file():
        return system, index
    return resource_path("fonts", BUNDLED[0]), BUNDLED[1]


def font(role: str) -> str:
    """The registered reportlab font name for a role (registered on first use, embedded as a subset)."""
    if role in _registered:
        return _registered[role]
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    path, index = _source(role)
    name = f"{path.stem}-{index}"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(path), subfontIndex=index))
    _registered[role] = name
    return name


def descent(name: str) -> float:
    """The font's descent as a fraction of its size (negative), as PDF readers place glyph boxes."""
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.getFont(name).face.descent / 1000.0


@functools.lru_cache(maxsize=8192)
def width(text: str, name: str, size: float) -> float:
    """Width in points; remembered, as line breaking measures the same characters and lines again and again."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, name, size)


def face_files() -> dict[str, Path]:
    """The fonts of every role by the name a PDF gives them (reportlab's face name): the files printing draws
    with, so that printed text keeps its Unicode. Only first faces of a collection (QRawFont reads those)."""
    from reportlab.pdfbase import pdfmetrics

    out: dict[str, Path] = {}
    for role in ROLES:
        face = pdfmetrics.getFont(font(role)).face
        if getattr(face, "subfontIndex", 0) in (0, None) or str(face.filename).lower().endswith(".ttf"):
            name = face.name.decode("latin1") if isinstance(face.name, bytes) else str(face.name)
            suffix = face.subfontNameX.decode("latin1") if isinstance(face.subfontNameX, bytes) else ""
            out[name + suffix] = Path(face.filename)
            out[name] = Path(face.filename)
    return out


def subset_cmap(font_file: bytes) -> dict[int, int]:
    """Code → glyph of a subset font reportlab embedded (its cmap is one format-0 table)."""
    import struct

    try:
        count = struct.unpack(">H", font_file[4:6])[0]
        for index in range(count):
            tag, _, offset, _ = struct.unpack(">4sIII", font_file[12 + 16 * index : 28 + 16 * index])
            if tag == b"cmap":
                tables = struct.unpack(">H", font_file[offset + 2 : offset + 4])[0]
                for t in range(tables):
                    _, _, sub = struct.unpack(">HHI", font_file[offset + 4 + 8 * t : offset + 12 + 8 * t])
                    start = offset + sub
                    if struct.unpack(">H", font_file[start : start + 2])[0] == 0:
                        return dict(enumerate(font_file[start + 6 : start + 262]))
    except struct.error:
        pass
    return {}
