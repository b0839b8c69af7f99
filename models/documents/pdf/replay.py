"""The pages of a PDF this app wrote, read back as a display list (glyph runs and paths), so that a printer
can be sent the document itself as vectors, at its own resolution, instead of raster images of the pages.

It reads what reportlab writes (simple TrueType subset fonts with ToUnicode, paths, RGB/grey/CMYK colours,
Flate/ASCII85 streams); it is not a general PDF reader. No Qt here: ``ui/reports/printing.py`` paints the list.
"""

from __future__ import annotations

import base64
import re
import zlib
from dataclasses import dataclass, field

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


# ---------------------------------------------------------------- objects of the file

_DELIM = b"()<>[]{}/%"
_WS = b" \t\r\n\f\x00"
_NUMBER = re.compile(rb"[+-]?(\d+\.?\d*|\.\d+)")
_REF = re.compile(rb"\s*(\d+)\s+(\d+)\s+R")


class Ref(int):
    """An indirect reference (object number)."""


class Name(str):
    pass


def _skip(data: bytes, at: int) -> int:
    while at < len(data):
        if data[at] in _WS:
            at += 1
        elif data[at] == 0x25:  # % comment
            end = data.find(b"\n", at)
            at = len(data) if end < 0 else end + 1
        else:
            break
    return at


def _literal(data: bytes, at: int) -> tuple[bytes, int]:
    """A (string) with its escapes; *at* is just after the opening bracket."""
    out, depth = bytearray(), 1
    escapes = {ord("n"): 10, ord("r"): 13, ord("t"): 9, ord("b"): 8, ord("f"): 12}
    while at < len(data):
        char = data[at]
        if char == 0x5C:
            at += 1
            nxt = data[at]
            if nxt in escapes:
                out.append(escapes[nxt])
            elif 0x30 <= nxt <= 0x37:
                digits = data[at : at + 3]
                count = 1
                while count < len(digits) and 0x30 <= digits[count] <= 0x37:
                    count += 1
                out.append(int(digits[:count], 8) & 0xFF)
                at += count - 1
            elif nxt in b"\r\n":
                if nxt == 13 and data[at + 1 : at + 2] == b"\n":
                    at += 1
            else:
                out.append(nxt)
        elif char == 0x28:
            depth += 1
            out.append(char)
        elif char == 0x29:
            depth -= 1
            if depth == 0:
                return bytes(out), at + 1
            out.append(char)
        else:
            out.append(char)
        at += 1
    raise ValueError("unterminated string")


def parse_object(data: bytes, at: int):
    """One PDF object from *at*: returns (value, position after it)."""
    at = _skip(data, at)
    char = data[at : at + 1]
    if char == b"/":
        end = at + 1
        while end < len(data) and data[end] not in _WS and data[end] not in _DELIM:
            end += 1
        return Name(data[at + 1 : end].decode("latin1")), end
    if data.startswith(b"<<", at):
        out, at = {}, at + 2
        while True:
            at = _skip(data, at)
            if data.startswith(b">>", at):
                return out, at + 2
            key, at = parse_object(data, at)
            out[str(key)], at = parse_object(data, at)
    if char == b"<":
        end = data.index(b">", at)
        hex_digits = re.sub(rb"\s", b"", data[at + 1 : end])
        return bytes.fromhex((hex_digits + b"0" * (len(hex_digits) % 2)).decode()), end + 1
    if char == b"[":
        out, at = [], at + 1
        while True:
            at = _skip(data, at)
            if data[at : at + 1] == b"]":
                return out, at + 1
            value, at = parse_object(data, at)
            out.append(value)
    if char == b"(":
        return _literal(data, at + 1)
    ref = _REF.match(data, at)
    if ref:
        return Ref(int(ref.group(1))), ref.end()
    number = _NUMBER.match(data, at)
    if number:
        text = number.group(0)
        return (float(text) if b"." in text else int(text)), number.end()
    end = at
    while end < len(data) and data[end] not in _WS and data[end] not in _DELIM:
        end += 1
    word = data[at:end]
    return {b"true": True, b"false": False, b"null": None}.get(word, word.decode("latin1")), end


class PdfFile:
    """The objects of a PDF file, found by their `N 0 obj` headers (reportlab's files have no object streams)."""

    def __init__(self, data: bytes):
        self.data = data
        self.offsets = {int(m.group(1)): m.end() for m in re.finditer(rb"(?<![0-9])(\d+)\s+0\s+obj\b", data)}
        self._cache: dict[int, object] = {}

    def get(self, value):
        while isinstance(value, Ref):
            value = self.object(value)
        return value

    def object(self, number: int):
        if number not in self._cache:
            if number not in self.offsets:
                raise ValueError(f"object {number} not found")
            value, at = parse_object(self.data, self.offsets[number])
            if isinstance(value, dict):
                after = _skip(self.data, at)
                if self.data.startswith(b"stream", after):
                    value = {**value, "__stream__": self._stream_bytes(value, after + 6)}
            self._cache[number] = value
        return self._cache[number]

    def _stream_bytes(self, head: dict, at: int) -> bytes:
        if self.data[at : at + 2] == b"\r\n":
            at += 2
        elif self.data[at : at + 1] in (b"\n", b"\r"):
            at += 1
        length = self.get(head.get("Length"))
        if not isinstance(length, int):
            length = self.data.index(b"endstream", at) - at
        return self.data[at : at + length]

    def stream(self, value) -> bytes:
        obj = self.get(value)
        raw = obj["__stream__"]
        filters = self.get(obj.get("Filter")) or []
        for name in [filters] if isinstance(filters, str) else filters:
            if name in ("ASCII85Decode", "A85"):
                raw = raw.strip()
                raw = base64.a85decode(raw if raw.endswith(b"~>") else raw + b"~>", adobe=True)
            elif name in ("FlateDecode", "Fl"):
                raw = zlib.decompress(raw)
            else:
                raise ValueError(f"filter {name} not supported")
        return raw

    def pages(self) -> list[dict]:
        root = self.get(self._trailer_root())
        out: list[dict] = []

        def walk(node, inherited: dict) -> None:
            node = self.get(node)
            merged = {**inherited, **{k: node[k] for k in ("Resources", "MediaBox") if k in node}}
            if node.get("Type") == "Pages" or "Kids" in node:
                for kid in self.get(node["Kids"]):
                    walk(kid, merged)
            else:
                out.append({**node, **merged})

        walk(root["Pages"], {})
        return out

    def _trailer_root(self):
        found = re.findall(rb"/Root\s+(\d+)\s+0\s+R", self.data)
        if not found:
            raise ValueError("no catalogue")
        return Ref(int(found[-1]))


# ---------------------------------------------------------------- fonts

_BF = re.compile(rb"beginbf(char|range)(.*?)endbf\1", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f]*)>|\[([^\]]*)\]")


def _utf16(hex_text: bytes) -> str:
    return bytes.fromhex(hex_text.decode()).decode("utf-16-be", "replace")


def parse_to_unicode(cmap: bytes) -> dict[int, str]:
    out: dict[int, str] = {}
    for kind, body in _BF.findall(cmap):
        items = _HEX.findall(body)
        if kind == b"char":
            for index in range(0, len(items) - 1, 2):
                out[int(items[index][0] or b"0", 16)] = _utf16(items[index + 1][0])
            continue
        index = 0
        while index + 2 < len(items):
            low, high = int(items[index][0], 16), int(items[index + 1][0], 16)
            target = items[index + 2]
            if target[1]:  # [<…> <…>] one target per code
                for offset, part in enumerate(re.findall(rb"<([0-9A-Fa-f]*)>", target[1])):
                    out[low + offset] = _utf16(part)
            else:
                first = _utf16(target[0])
                for offset in range(high - low + 1):
                    out[low + offset] = first[:-1] + chr(ord(first[-1]) + offset)
            index += 3
    return out


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
            value, at = _literal(content, at)
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
