"""Printing a PDF the app wrote as vectors: its pages are read back (models.documents.pdf.replay) and painted
through QPainter on the printer at the printer's own resolution, full page, no scaling, text as text."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QGlyphRun,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPen,
    QRawFont,
)

from models.documents.pdf import fonts
from models.documents.pdf.replay import GlyphRun, Page, read_pages
from models.documents.pdf.replay import Path as PdfPath
from models.errors import ValidationError


class _FontCache:
    """QRawFont per (font, pixel size): the original TrueType file when the font is one of ours (so the printed
    text maps back to Unicode), else the subset embedded in the PDF."""

    def __init__(self, files: dict[str, Path] | None = None):
        self.files = dict(files) if files is not None else fonts.face_files()
        self.raw: dict[tuple[str, float], QRawFont] = {}
        self.runs: dict[tuple[int, float], tuple[QRawFont, list[int]]] = {}  # a page painted again: looked up once
        self.subset_cmaps: dict[str, dict[int, int]] = {}
        self.families: dict[Path, str] = {}

    def get(self, run: GlyphRun, pixel_size: float, text: str | None = None) -> tuple[QRawFont, list[int]]:
        """The font and glyphs of *run*; *text*: the run's text if known (a Prepared page has it)."""
        memo = (id(run), round(pixel_size, 2))
        if memo not in self.runs:
            self.runs[memo] = self._glyphs(run, pixel_size, run.text if text is None else text)
        return self.runs[memo]

    def _glyphs(self, run: GlyphRun, pixel_size: float, text: str) -> tuple[QRawFont, list[int]]:
        key = (run.font.base_name, round(pixel_size, 2))
        if key not in self.raw:
            self.raw[key] = self._load(run, pixel_size)
        raw = self.raw[key]
        if self.files.get(run.font.base_name) and raw.isValid() and len(text) == len(run.codes):
            glyphs = list(raw.glyphIndexesForString(text))
            if len(glyphs) == len(run.codes):
                return raw, glyphs
        cmap = self.subset_cmaps.setdefault(run.font.base_name, fonts.subset_cmap(run.font.font_file))
        return raw, [cmap.get(code, 0) for code in run.codes]

    def _load(self, run: GlyphRun, pixel_size: float) -> QRawFont:
        # A font added from its file keeps the file's name, which Qt's PDF engine needs to embed it as text
        # (a QRawFont made from bytes would be drawn as outlines).
        path = self.files.get(run.font.base_name)
        if path is not None:
            if path not in self.families:
                font_id = QFontDatabase.addApplicationFont(str(path))
                found = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
                self.families[path] = found[0] if found else ""
            if self.families[path]:
                font = QFont(self.families[path])
                font.setPixelSize(max(1, round(pixel_size)))
                raw = QRawFont.fromFont(font)
                if raw.isValid():
                    raw.setPixelSize(pixel_size)
                    return raw
            self.files.pop(run.font.base_name, None)
        return QRawFont(bytes(run.font.font_file), pixel_size)


def _colour(rgb) -> QColor:
    return QColor.fromRgbF(*[max(0.0, min(1.0, v)) for v in rgb])


def _path(item: PdfPath, to_device: Callable[[float, float], QPointF]) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill if item.even_odd else Qt.FillRule.WindingFill)
    for op, pts in item.parts:
        if op == "m":
            path.moveTo(to_device(*pts))
        elif op == "l":
            path.lineTo(to_device(*pts))
        elif op == "c":
            path.cubicTo(to_device(*pts[0:2]), to_device(*pts[2:4]), to_device(*pts[4:6]))
        elif op == "h":
            path.closeSubpath()
    return path


_CAPS = {0: Qt.PenCapStyle.FlatCap, 1: Qt.PenCapStyle.RoundCap, 2: Qt.PenCapStyle.SquareCap}
_JOINS = {0: Qt.PenJoinStyle.MiterJoin, 1: Qt.PenJoinStyle.RoundJoin, 2: Qt.PenJoinStyle.BevelJoin}


class Prepared:
    """A page's drawing at one resolution, built without a painter (so on a worker thread too): the paths with
    their pens and brushes, the glyph runs' positions in device pixels.  Painting it is then only drawing."""

    def __init__(self, page: Page, dpi_x: float, dpi_y: float):
        self.page = page
        self.dpi = (dpi_x, dpi_y)
        sx, sy = dpi_x / 72.0, dpi_y / 72.0

        def to_device(x: float, y: float) -> QPointF:
            return QPointF(x * sx, (page.height - y) * sy)

        self.items: list[tuple] = []
        for item in page.items:
            if isinstance(item, PdfPath):
                self.items.append(("path", _path(item, to_device), _brush(item), _pen(item, sx)))
            elif isinstance(item, GlyphRun):
                points = [to_device(x, y) for x, y in item.positions]
                outline = (
                    QPen(_colour(item.stroke), item.stroke_width * sx)
                    if item.stroke and item.stroke_width > 0
                    else None
                )
                colour = _colour(item.color)
                self.items.append(("glyphs", item, item.size * sy, item.text, points, colour, outline))


def _brush(item: PdfPath) -> QBrush | None:
    return QBrush(_colour(item.fill)) if item.fill is not None else None


def _pen(item: PdfPath, sx: float) -> QPen | None:
    if item.stroke is None:
        return None
    pen = QPen(_colour(item.stroke), max(item.line_width * sx, 1.0))
    pen.setCapStyle(_CAPS.get(item.cap, Qt.PenCapStyle.FlatCap))
    pen.setJoinStyle(_JOINS.get(item.join, Qt.PenJoinStyle.MiterJoin))
    if item.dash[0] and item.line_width > 0:
        pen.setDashPattern([max(v / item.line_width, 0.01) for v in item.dash[0]])
    return pen


def paint_page(painter: QPainter, page: Page | Prepared, dpi_x: float, dpi_y: float, cache: _FontCache) -> None:
    """One page at the device's resolution: 1 pt of the PDF is dpi/72 device pixels, the page's corner at (0, 0).
    A page prepared at this resolution is only drawn."""
    prepared = page if isinstance(page, Prepared) and page.dpi == (dpi_x, dpi_y) else None
    if prepared is None:
        prepared = Prepared(page.page if isinstance(page, Prepared) else page, dpi_x, dpi_y)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    for item in prepared.items:
        if item[0] == "path":
            _, path, brush, pen = item
            if brush is not None:
                painter.fillPath(path, brush)
            if pen is not None:
                painter.strokePath(path, pen)
            continue
        _, run_item, pixel_size, text, points, colour, outline_pen = item
        raw, glyphs = cache.get(run_item, pixel_size, text)
        if not raw.isValid():
            continue
        run = QGlyphRun()
        run.setRawFont(raw)
        run.setGlyphIndexes(glyphs)
        run.setPositions(points)
        painter.setPen(colour)
        painter.drawGlyphRun(QPointF(0, 0), run)
        if outline_pen is not None:  # text drawn heavier: its outlines stroked
            outline = QPainterPath()
            for glyph, point in zip(glyphs, points):
                outline.addPath(raw.pathForGlyph(glyph).translated(point))
            painter.strokePath(outline, outline_pen)


def prepare_printer(printer, page: Page) -> None:
    """The page of the PDF, full page, no margins: what is drawn at (0, 0) lands on the paper's corner."""
    portrait = page.height >= page.width
    size = QPageSize(QSizeF(min(page.width, page.height), max(page.width, page.height)), QPageSize.Unit.Point)
    if abs(size.size(QPageSize.Unit.Millimeter).width() - 210) < 1:
        size = QPageSize(QPageSize.PageSizeId.A4)
    orientation = QPageLayout.Orientation.Portrait if portrait else QPageLayout.Orientation.Landscape
    printer.setFullPage(True)
    printer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0)))


def read_document(path: Path) -> list[Page]:
    """The pages of the PDF at *path* (ValidationError with a Chinese message if it cannot be read)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise ValidationError(f"无法读取要打印的文件：{path}（{exc.strerror or exc}）") from exc
    return read_pages(data)


@dataclass
class Printable:
    """A document ready to paint: its pages, the faces' files, the pages prepared at one resolution (if asked
    for) and the font cache shared by every painting of it (a preview repainted, then printed)."""

    pages: list[Page]
    cache: _FontCache
    prepared: list[Prepared] = field(default_factory=list)

    def page(self, index: int, dpi: float) -> Page | Prepared:
        if self.prepared and self.prepared[index].dpi == (dpi, dpi):
            return self.prepared[index]
        return self.pages[index]


def read_for_printing(path: Path, dpi: float | None = None) -> Printable:
    """What printing needs before the first page, for a worker thread: the pages read back, the files of our
    faces (registering them with reportlab parses each TrueType file: ≈0.2 s the first time) and, at *dpi*, the
    pages' geometry, so that the GUI thread only draws."""
    pages = read_document(path)
    prepared = [Prepared(page, dpi, dpi) for page in pages] if dpi else []
    return Printable(pages, _FontCache(fonts.face_files()), prepared)


def paint_steps(document: Printable, printer) -> Iterator[tuple[int, int, str]]:
    """Paint *document* on *printer* one page per step, each at its own size and orientation: yields (pages done,
    total, text) after each page, returns True when all are painted (False if the printer could not start).
    Closed before the end (取消), the job is aborted: nothing half-printed is sent."""
    pages = document.pages
    prepare_printer(printer, pages[0])
    painter = QPainter()
    if not painter.begin(printer):
        return False
    finished = False
    try:
        for index, page in enumerate(pages):
            if index:
                prepare_printer(printer, page)
                printer.newPage()
            resolution = printer.resolution()
            paint_page(painter, document.page(index, resolution), resolution, resolution, document.cache)
            if index + 1 < len(pages):
                yield index + 1, len(pages), _page_text(index + 2, len(pages))
        finished = True
    finally:
        if not finished:
            printer.abort()
        painter.end()
    return True


def _page_text(number: int, total: int) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("ReportPreview", "正在打印第 {0} 页，共 {1} 页…").format(number, total)


def paint_pages(document: Printable, printer) -> bool:
    """All of *document*'s pages at once (a print preview asks for them in one call)."""
    steps = paint_steps(document, printer)
    while True:
        try:
            next(steps)
        except StopIteration as stop:
            return bool(stop.value)
