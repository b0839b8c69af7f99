"""The CJK fonts of the official layout, by role (仿宋 body, 黑体 一、, 楷体 （一）, 宋体 page numbers, 小标宋 title).

On Windows the system's own faces (C:\\Windows\\Fonts and the per-user %LOCALAPPDATA%\\Microsoft\\Windows\\Fonts);
elsewhere the bundled open TrueType faces, so the roles look different: AR PL SungtiL GB (a 宋体, for the body, page
numbers and, drawn heavier, the title), WenQuanYi Micro Hei (黑体) and LXGW WenKai (楷体). A character a role's face
lacks is drawn in the first fallback face that has it (LXGW WenKai and WenQuanYi cover the rare characters of names,
then the system's fonts); characters no face has are reported by ``glyphs.py`` before anything is written.
reportlab embeds TrueType outlines only (no CFF/OpenType-PostScript such as Noto CJK .otf).
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

from models.paths import resource_path

ROLES = ("fangsong", "heiti", "kaiti", "songti", "title")
# Windows file names, best first (the names the fonts install under; matched without regard to case).
SYSTEM = {
    "fangsong": ("仿宋_GB2312.ttf", "FS_GB2312.ttf", "FangSong_GB2312.ttf", "simfang.ttf", "STFANGSO.TTF"),
    "heiti": ("simhei.ttf", "黑体.ttf", "STHeiti.ttf", "STXIHEI.TTF"),
    "kaiti": ("楷体_GB2312.ttf", "KT_GB2312.ttf", "KaiTi_GB2312.ttf", "simkai.ttf", "STKAITI.TTF"),
    "songti": ("simsun.ttc", "simsun.ttf", "STSONG.TTF"),
    "title": (
        "方正小标宋简体.ttf",
        "方正小标宋_GBK.ttf",
        "FZXBSJW.TTF",
        "FZXBSK.TTF",
        "FZXiaoBiaoSong-B05S.ttf",
        "FZXBSJW--GB1-0.ttf",
        "simsun.ttc",
        "STZHONGS.TTF",
    ),
}
TRUE_TITLE = ("小标宋", "FZXBS", "XIAOBIAOSONG")  # a real 小标宋; any other title face is drawn heavier
BUNDLED = {
    "fangsong": "gbsn00lp.ttf",
    "heiti": "wqy-microhei.ttc",
    "kaiti": "LXGWWenKai-Regular.ttf",
    "songti": "gbsn00lp.ttf",
    "title": "gbsn00lp.ttf",
}
BUNDLED_FALLBACKS = ("LXGWWenKai-Regular.ttf", "wqy-microhei.ttc")
WINDOWS_FALLBACKS = ("simsunb.ttf", "SimSun-ExtB.ttf", "SimSun-ExtG.ttf", "msyh.ttc", "simsun.ttc", "mingliub.ttc")
UNIX_FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.local/share/fonts", "~/.fonts")
MAX_SCANNED = 60  # system font files looked into for a missing character (each is read in full)
EMBOLDEN = 0.03  # stroke width, as a share of the size, of a title face that is not a 小标宋


@dataclass(frozen=True)
class Face:
    path: Path
    index: int = 0
    embolden: float = 0.0


_registered: dict[str, str] = {}  # role → registered name
_role_faces: dict[str, Face] = {}
_faces: dict[str, Face] = {}  # registered name → its face


def on_windows() -> bool:
    return os.name == "nt"


def windows_fonts_dir() -> Path:
    return Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"


def windows_font_dirs() -> list[Path]:
    """The system folder and the per-user one (fonts installed "for me only" since Windows 10 1809)."""
    dirs = [windows_fonts_dir()]
    local = os.environ.get("LOCALAPPDATA")
    if local:
        dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
    return dirs


def _listing(folder: Path) -> dict[str, Path]:
    try:
        return {p.name.lower(): p for p in folder.iterdir() if p.is_file()}
    except OSError:
        return {}


def find_system(names) -> Path | None:
    """The first of *names* in the Windows font folders (system first, then the user's)."""
    listings = [_listing(folder) for folder in windows_font_dirs()]
    for name in names:
        for listing in listings:
            if name.lower() in listing:
                return listing[name.lower()]
    return None


def face(role: str) -> Face:
    """Where a role's font comes from: the Windows face when present, else the bundled one."""
    found = find_system(SYSTEM[role]) if on_windows() else None
    path = found or resource_path("fonts", BUNDLED[role])
    embolden = 0.0
    if role == "title" and not any(mark.lower() in path.name.lower() for mark in TRUE_TITLE):
        embolden = EMBOLDEN
    return Face(path, 0, embolden)


def _to_unicode_cmap(fontname, subset) -> str:
    """reportlab's ToUnicode CMap with characters beyond U+FFFF written as UTF-16 surrogate pairs (reportlab
    writes five hex digits, which readers take for another character: 𠮷 copied out as ₻)."""
    pairs = [f"<{code:02X}> <{chr(value).encode('utf-16-be').hex().upper()}>" for code, value in enumerate(subset)]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *pairs,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


def _register(found: Face) -> str:
    from reportlab.pdfbase import pdfmetrics, ttfonts
    from reportlab.pdfbase.ttfonts import TTFont

    ttfonts.makeToUnicodeCMap = _to_unicode_cmap

    name = f"{found.path.stem}-{found.index}"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(found.path), subfontIndex=found.index))
    _faces[name] = found
    return name


def font(role: str) -> str:
    """The registered reportlab font name for a role (registered on first use, embedded as a subset)."""
    if role not in _registered:
        _role_faces[role] = face(role)
        _registered[role] = _register(_role_faces[role])
    return _registered[role]


def embolden(role: str) -> float:
    """Stroke width per point of size with which the role's text is drawn (0: as the face is)."""
    font(role)
    found = _role_faces.get(role)
    return found.embolden if found else 0.0


def descent(name: str) -> float:
    """The font's descent as a fraction of its size (negative), as PDF readers place glyph boxes."""
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.getFont(name).face.descent / 1000.0


def has_glyph(name: str, char: str) -> bool:
    from reportlab.pdfbase import pdfmetrics

    return ord(char) in pdfmetrics.getFont(name).face.charToGlyph or char in "\n\r\t"


def _fallback_faces():
    for file in BUNDLED_FALLBACKS:
        yield Face(resource_path("fonts", file))
    if on_windows():
        for file in WINDOWS_FALLBACKS:
            found = find_system([file])
            if found:
                yield Face(found)
        return
    seen = 0
    for folder in UNIX_FONT_DIRS:
        root = Path(folder).expanduser()
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            if path.suffix.lower() in (".ttf", ".ttc") and seen < MAX_SCANNED:
                seen += 1
                yield Face(path)


_fallback_names: list[str] = []
_fallback_source: list = []  # the generator of faces not yet looked into


def fallbacks():
    """Registered names of the fallback faces, bundled first, then the system's TrueType fonts; a face is read
    only when the ones before it lacked a character."""
    yield from list(_fallback_names)
    if not _fallback_source:
        if _fallback_names:
            return
        _fallback_source.append(_fallback_faces())
    for candidate in _fallback_source[0]:
        try:
            name = _register(candidate)
        except Exception:  # noqa: BLE001 - a CFF, damaged or bitmap-only font is simply not used
            continue
        if name not in _fallback_names:
            _fallback_names.append(name)
            yield name


@functools.lru_cache(maxsize=65536)
def font_for(name: str, char: str) -> str | None:
    """The face that draws *char* in text set in *name*: itself, else the first fallback that has it; None when
    no face has it."""
    if has_glyph(name, char) or char.isspace():
        return name
    for other in fallbacks():
        if has_glyph(other, char):
            return other
    return None


def runs(text: str, name: str) -> list[tuple[str, str]]:
    """*text* cut into (font, piece) runs, each piece in a face that has its characters (missing ones stay in
    *name* and print blank: the glyph check reports them first)."""
    out: list[tuple[str, str]] = []
    for char in text:
        chosen = font_for(name, char) or name
        if out and out[-1][0] == chosen:
            out[-1] = (chosen, out[-1][1] + char)
        else:
            out.append((chosen, char))
    return out


@functools.lru_cache(maxsize=8192)
def width(text: str, name: str, size: float) -> float:
    """Width in points, each character in the face that draws it; remembered, as line breaking measures the
    same characters and lines again and again."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return sum(stringWidth(piece, face_name, size) for face_name, piece in runs(text, name))


def face_files() -> dict[str, Path]:
    """The files of every registered face by the name a PDF gives them (reportlab's face name): the files
    printing draws with, so that printed text keeps its Unicode. Only first faces of a collection."""
    from reportlab.pdfbase import pdfmetrics

    for role in ROLES:
        font(role)
    out: dict[str, Path] = {}
    for name, found in _faces.items():
        if found.index:
            continue
        ttf = pdfmetrics.getFont(name).face
        base = ttf.name.decode("latin1") if isinstance(ttf.name, bytes) else str(ttf.name)
        suffix = getattr(ttf, "subfontNameX", b"")
        suffix = suffix.decode("latin1") if isinstance(suffix, bytes) else str(suffix or "")
        out[base + suffix] = found.path
        out.setdefault(base, found.path)
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
