"""The pages of a PDF this app wrote, read back as a display list (glyph runs and paths), so that a printer
can be sent the document itself as vectors, at its own resolution, instead of raster images of the pages.

It reads what reportlab writes (simple TrueType subset fonts with ToUnicode, paths, RGB/grey/CMYK colours,
Flate/ASCII85 streams); it is not a general PDF reader. No Qt here: ``ui/reports/printing.py`` paints the list.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field

from models.documents.pdf.pdf_objects import Name, PdfFile, literal, parse_to_unicode
from models.errors import ValidationError

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def multiply(m: Matrix, n: Matrix) -> Matrix:
    """m then n (PDF order: a point p maps to p·m·n)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


@dataclass
class Font:
    base_name: str  # without the subset prefix (AAAAAA+)
    widths: dict[int, float]  # code → width in 1/1000 of the size
    to_unicode: dict[int, str]
    font_file: bytes = b""  # the embedded TrueType subset
    missing_width: float = 1000.0


@dataclass
class GlyphRun:
    """Characters of one font and size; *positions* are their origins on the page (points, y up)."""

    font: Font
    size: float  # effective size on the page (text size × scaling of the matrices)
    codes: list[int]
    positions: list[tuple[float, float]]
    color: tuple[float, float, float]
    stroke: tuple[float, float, float] | None = None  # outlines stroked too (text drawn heavier)
    stroke_width: float = 0.0

    @property
    def text(self) -> str:
        return "".join(self.font.to_unicode.get(code, "\ufffd") for code in self.codes)


@dataclass
class Path:
    """Subpaths in page points: each a list of ('m'|'l'|'c'|'h', points)."""

    parts: list[tuple[str, tuple[float, ...]]]
    fill: tuple[float, float, float] | None
    stroke: tuple[float, float, float] | None
    line_width: float
    even_odd: bool = False
    dash: tuple[list[float], float] = ((), 0.0)
    cap: int = 0
    join: int = 0


@dataclass
class Page:
    width: float
    height: float
    items: list = field(default_factory=list)


def _font(pdf: PdfFile, value) -> Font:
    obj = pdf.get(value)
    first = pdf.get(obj.get("FirstChar")) or 0
    widths = {first + i: float(w) for i, w in enumerate(pdf.get(obj.get("Widths")) or [])}
    to_unicode = parse_to_unicode(pdf.stream(obj["ToUnicode"])) if "ToUnicode" in obj else {}
    descriptor = pdf.get(obj.get("FontDescriptor")) or {}
    font_file = pdf.stream(descriptor["FontFile2"]) if "FontFile2" in descriptor else b""
    base = str(obj.get("BaseFont") or "")
    base = base.split("+", 1)[1] if re.match(r"^[A-Z]{6}\+", base) else base
    missing = float(pdf.get(descriptor.get("MissingWidth")) or 1000.0)
    return Font(base, widths, to_unicode, font_file, missing)


# ---------------------------------------------------------------- content streams

_TOKEN = re.compile(
    rb"\s*(?:(?P<comment>%[^\r\n]*)|(?P<num>[+-]?(?:\d+\.?\d*|\.\d+))|(?P<name>/[^\s()<>\[\]{}/%]*)"
    rb"|(?P<str>\()|(?P<hex><(?!<)[0-9A-Fa-f\s]*>)|(?P<arr>\[)|(?P<arrend>\])|(?P<dict><<.*?>>)"
    rb"|(?P<op>[A-Za-z'\"*]+\d?\*?))",
    re.S,
)


def _operations(content: bytes):
    """(operator, operands) pairs of a content stream."""
    operands: list = []
    stack: list[list] = []
    at = 0
    while at < len(content):
        match = _TOKEN.match(content, at)
        if not match or match.end() == at:
            if content[at:].strip():
                at += 1
                continue
            break
        at = match.end()
        kind = match.lastgroup
        target = stack[-1] if stack else operands
        if kind == "num":
            text = match.group("num")
            target.append(float(text))
        elif kind == "name":
            target.append(Name(match.group("name")[1:].decode("latin1")))
        elif kind == "str":
            value, at = literal(content, at)
            target.append(value)
        elif kind == "hex":
            digits = re.sub(rb"\s", b"", match.group("hex")[1:-1])
            target.append(bytes.fromhex((digits + b"0" * (len(digits) % 2)).decode()))
        elif kind == "arr":
            stack.append([])
        elif kind == "arrend" and stack:
            done = stack.pop()
            (stack[-1] if stack else operands).append(done)
        elif kind == "op":
            yield match.group("op").decode("latin1"), operands
            operands = []


def _grey(v: float) -> tuple[float, float, float]:
    return (v, v, v)


def _cmyk(c: float, m: float, y: float, k: float) -> tuple[float, float, float]:
    return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))


@dataclass
class _State:
    ctm: Matrix = IDENTITY
    fill: tuple = (0.0, 0.0, 0.0)
    stroke: tuple = (0.0, 0.0, 0.0)
    line_width: float = 1.0
    dash: tuple = ((), 0.0)
    cap: int = 0
    join: int = 0
    char_space: float = 0.0
    word_space: float = 0.0
    scale: float = 1.0
    leading: float = 0.0
    rise: float = 0.0
    font: Font | None = None
    size: float = 0.0
    render_mode: int = 0

    def copy(self) -> _State:
        return _State(**self.__dict__)


class _Painter:
    """Runs one page's operators and collects glyph runs and paths in page coordinates."""

    def __init__(self, pdf: PdfFile, resources: dict, page: Page):
        self.pdf, self.page = pdf, page
        fonts = pdf.get((pdf.get(resources) or {}).get("Font")) or {}
        self.fonts = {name: value for name, value in fonts.items()}
        self.loaded: dict[str, Font] = {}
        self.state, self.saved = _State(), []
        self.path: list[tuple[str, tuple[float, ...]]] = []
        self.tm = self.tlm = IDENTITY

    def font(self, name: str) -> Font:
        if name not in self.loaded:
            self.loaded[name] = _font(self.pdf, self.fonts[name])
        return self.loaded[name]

    def run(self, content: bytes) -> None:
        for op, args in _operations(content):
            handler = getattr(self, "op_" + _OP_NAMES.get(op, op), None)
            if handler is not None:
                try:
                    handler(*args)
                except (TypeError, ValueError, KeyError, IndexError):
                    continue  # an operator with odd operands is skipped, as viewers do

    # graphics state
    def op_q(self):
        self.saved.append(self.state.copy())

    def op_Q(self):
        if self.saved:
            self.state = self.saved.pop()

    def op_cm(self, a, b, c, d, e, f):
        self.state.ctm = multiply((a, b, c, d, e, f), self.state.ctm)

    def op_w(self, width):
        self.state.line_width = width

    def op_J(self, cap):
        self.state.cap = int(cap)

    def op_j(self, join):
        self.state.join = int(join)

    def op_d(self, array, phase):
        self.state.dash = (list(array), phase)

    def op_rg(self, r, g, b):
        self.state.fill = (r, g, b)

    def op_RG(self, r, g, b):
        self.state.stroke = (r, g, b)

    def op_g(self, v):
        self.state.fill = _grey(v)

    def op_G(self, v):
        self.state.stroke = _grey(v)

    def op_k(self, c, m, y, k):
        self.state.fill = _cmyk(c, m, y, k)

    def op_K(self, c, m, y, k):
        self.state.stroke = _cmyk(c, m, y, k)

    # paths (points kept in page coordinates as they are built)
    def _pt(self, x, y) -> tuple[float, float]:
        return apply(self.state.ctm, x, y)

    def op_m(self, x, y):
        self.path.append(("m", self._pt(x, y)))

    def op_l(self, x, y):
        self.path.append(("l", self._pt(x, y)))

    def op_c(self, x1, y1, x2, y2, x3, y3):
        self.path.append(("c", (*self._pt(x1, y1), *self._pt(x2, y2), *self._pt(x3, y3))))

    def op_v(self, x2, y2, x3, y3):
        last = self._current()
        self.path.append(("c", (*last, *self._pt(x2, y2), *self._pt(x3, y3))))

    def op_y(self, x1, y1, x3, y3):
        end = self._pt(x3, y3)
        self.path.append(("c", (*self._pt(x1, y1), *end, *end)))

    def _current(self) -> tuple[float, float]:
        return self.path[-1][1][-2:] if self.path else (0.0, 0.0)

    def op_h(self):
        self.path.append(("h", ()))

    def op_re(self, x, y, w, h):
        self.path += [("m", self._pt(x, y)), ("l", self._pt(x + w, y)), ("l", self._pt(x + w, y + h))]
        self.path += [("l", self._pt(x, y + h)), ("h", ())]

    def _paint(self, fill: bool, stroke: bool, even_odd: bool = False, close: bool = False):
        if close:
            self.op_h()
        if self.path and (fill or stroke):
            s = self.state
            scale = (abs(s.ctm[0] * s.ctm[3] - s.ctm[1] * s.ctm[2])) ** 0.5 or 1.0
            self.page.items.append(
                Path(
                    self.path,
                    s.fill if fill else None,
                    s.stroke if stroke else None,
                    s.line_width * scale,
                    even_odd,
                    ([v * scale for v in s.dash[0]], s.dash[1] * scale),
                    s.cap,
                    s.join,
                )
            )
        self.path = []

    def op_S(self):
        self._paint(False, True)

    def op_s(self):
        self._paint(False, True, close=True)

    def op_f(self):
        self._paint(True, False)

    def op_fstar(self):
        self._paint(True, False, True)

    def op_B(self):
        self._paint(True, True)

    def op_Bstar(self):
        self._paint(True, True, True)

    def op_b(self):
        self._paint(True, True, close=True)

    def op_bstar(self):
        self._paint(True, True, True, close=True)

    def op_n(self):
        self.path = []

    # text
    def op_BT(self):
        self.tm = self.tlm = IDENTITY

    def op_Tf(self, name, size):
        self.state.font, self.state.size = self.font(name), size

    def op_Tc(self, value):
        self.state.char_space = value

    def op_Tw(self, value):
        self.state.word_space = value

    def op_Tz(self, value):
        self.state.scale = value / 100.0

    def op_TL(self, value):
        self.state.leading = value

    def op_Ts(self, value):
        self.state.rise = value

    def op_Tr(self, value):
        self.state.render_mode = int(value)

    def op_Td(self, x, y):
        self.tlm = multiply((1, 0, 0, 1, x, y), self.tlm)
        self.tm = self.tlm

    def op_TD(self, x, y):
        self.state.leading = -y
        self.op_Td(x, y)

    def op_Tm(self, a, b, c, d, e, f):
        self.tm = self.tlm = (a, b, c, d, e, f)

    def op_Tstar(self):
        self.op_Td(0, -self.state.leading)

    def op_Tj(self, string):
        self._show([string])

    def op_TJ(self, array):
        self._show(array)

    def op_quote(self, string):
        self.op_Tstar()
        self._show([string])

    def op_dquote(self, word_space, char_space, string):
        self.state.word_space, self.state.char_space = word_space, char_space
        self.op_quote(string)

    def _show(self, parts: list) -> None:
        s = self.state
        if s.font is None:
            return
        codes, positions = [], []
        for part in parts:
            if isinstance(part, float):
                self.tm = multiply((1, 0, 0, 1, -part / 1000.0 * s.size * s.scale, 0), self.tm)
                continue
            for code in part:
                render = multiply(multiply((s.size * s.scale, 0, 0, s.size, 0, s.rise), self.tm), s.ctm)
                codes.append(code)
                positions.append(apply(render, 0, 0))
                width = s.font.widths.get(code, s.font.missing_width) / 1000.0
                advance = (width * s.size + s.char_space + (s.word_space if code == 32 else 0.0)) * s.scale
                self.tm = multiply((1, 0, 0, 1, advance, 0), self.tm)
        if codes:
            m = multiply(self.tm, s.ctm)
            size = s.size * (m[2] ** 2 + m[3] ** 2) ** 0.5
            run = GlyphRun(s.font, size, codes, positions, s.fill)
            if s.render_mode in (1, 2, 5, 6):
                scale = (abs(s.ctm[0] * s.ctm[3] - s.ctm[1] * s.ctm[2])) ** 0.5 or 1.0
                run.stroke, run.stroke_width = s.stroke, s.line_width * scale
            if s.render_mode not in (3, 7):  # 3: invisible text
                self.page.items.append(run)


_OP_NAMES = {"f*": "fstar", "B*": "Bstar", "b*": "bstar", "T*": "Tstar", "'": "quote", '"': "dquote", "F": "f"}


def read_pages(data: bytes) -> list[Page]:
    """Every page of the PDF *data* as a display list; ValidationError if it is not a PDF this app can print."""
    try:
        pdf = PdfFile(data)
        pages = []
        for node in pdf.pages():
            box = [float(v) for v in pdf.get(node.get("MediaBox")) or (0, 0, 595.2756, 841.8898)]
            page = Page(box[2] - box[0], box[3] - box[1])
            contents = pdf.get(node.get("Contents"))
            streams = contents if isinstance(contents, list) else [node.get("Contents")]
            painter = _Painter(pdf, node.get("Resources") or {}, page)
            if box[0] or box[1]:
                painter.state.ctm = (1, 0, 0, 1, -box[0], -box[1])
            for stream in streams:
                if stream is not None:
                    painter.run(pdf.stream(stream))
            pages.append(page)
    except (ValueError, KeyError, IndexError, TypeError, zlib.error) as exc:
        raise ValidationError(f"无法读取这份 PDF 的页面以便打印（{exc}）。请重新生成后再打印。") from exc
    if not pages:
        raise ValidationError("这份 PDF 没有页面，无法打印。")
    return pages
