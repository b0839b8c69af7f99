"""reportlab flowables of the official layout: text on the line grid, the red header, tables, the chart."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable

from models.documents.pdf import fonts
from models.documents.pdf import geometry as g
from models.documents.pdf.linebreak import Line


@dataclass
class GridLine:
    line: Line
    font: str
    size: float
    color: tuple = (0, 0, 0)


class GridText(Flowable):
    """Lines set on the body grid (one line pitch each); splits between lines across pages."""

    def __init__(self, lines: list[GridLine], keep_last: int = 0):
        super().__init__()
        self.lines = lines
        self.keep_last = keep_last  # this many last lines are never split apart
        self.body = False  # body text (what a signature may be kept with)

    def wrap(self, avail_width, avail_height):
        self.width = g.BLOCK_WIDTH
        self.height = len(self.lines) * g.LINE_PITCH
        return self.width, self.height

    def split(self, avail_width, avail_height):
        fit = int((avail_height + 0.01) // g.LINE_PITCH)
        if self.keep_last:
            fit = min(fit, len(self.lines) - self.keep_last)
        if fit <= 0 or fit >= len(self.lines):
            return []
        rest = GridText(self.lines[fit:], keep_last=self.keep_last)
        rest.body = self.body
        return [GridText(self.lines[:fit]), rest]

    def draw(self):
        canvas = self.canv
        top = self.height
        for item in self.lines:
            baseline = top - item.size * (1 + fonts.descent(item.font))
            text = canvas.beginText(item.line.x, baseline)
            text.setFont(item.font, item.size)
            text.setCharSpace(item.line.char_space)
            text.setFillColorRGB(*item.color)
            text.textOut(item.line.text)
            canvas.drawText(text)
            top -= g.LINE_PITCH


class RedHeaderFlowable(Flowable):
    """发文机关标志 (red, centred, 35 mm below the block's top), 发文字号 and the red separator line."""

    def __init__(self, mark: str, doc_number: str):
        super().__init__()
        self.mark, self.doc_number = mark, doc_number
        self.mark_font = fonts.font("title")
        self.body_font = fonts.font("fangsong")
        natural = fonts.width(mark, self.mark_font, 1.0) or 1.0
        self.mark_size = min(36.0, g.BLOCK_WIDTH / natural)

    def wrap(self, avail_width, avail_height):
        self.width = g.BLOCK_WIDTH
        self.rule_offset = 35 * g.MM + self.mark_size + 2 * g.LINE_PITCH + 4 * g.MM
        self.height = self.rule_offset + g.LINE_PITCH
        return self.width, self.height

    def _centred(self, text: str, font: str, size: float, top: float, color) -> None:
        canvas = self.canv
        canvas.setFillColorRGB(*color)
        canvas.setFont(font, size)
        baseline = top - size * (1 + fonts.descent(font))
        canvas.drawCentredString(self.width / 2, baseline, text)

    def draw(self):
        top = self.height - 35 * g.MM
        self._centred(self.mark, self.mark_font, self.mark_size, top, g.RED)
        number_top = top - self.mark_size - 2 * g.LINE_PITCH + g.BODY_SIZE
        if self.doc_number:
            self._centred(self.doc_number, self.body_font, g.BODY_SIZE, number_top, (0, 0, 0))
        rule_y = self.height - self.rule_offset
        self.canv.setStrokeColorRGB(*g.RED)
        self.canv.setLineWidth(1.2)
        self.canv.line(0, rule_y, self.width, rule_y)


def _wrap_header(text: str, font: str, size: float, width: float) -> str:
    """Header cells wrap by characters to the column width (reportlab tables do not wrap strings)."""
    out, line = [], ""
    for char in text:
        if char == "\n" or (line and fonts.width(line + char, font, size) > width):
            out.append(line)
            line = "" if char == "\n" else char
        else:
            line += char
    out.append(line)
    return "\n".join(out)


def _cell_style(name: str, font: str, size: float, leading: float, align: str):
    """One cell look of the unit table: 1.5 pt padding (2.5 below), text centred vertically."""
    from reportlab.platypus.tables import CellStyle

    style = CellStyle(name)
    style.fontname, style.fontsize, style.leading, style.alignment = font, size, leading, align
    style.valign = "MIDDLE"
    style.topPadding, style.bottomPadding, style.leftPadding, style.rightPadding = 1.5, 2.5, 1.5, 1.5
    return style


def _text_height(row: list, style) -> float | None:
    """A row's height as reportlab works it out for text cells (lines × leading + padding), given up front so
    it is not worked out again for every page the table is split over; None (reportlab measures) for other cells."""
    lines = 1
    for value in row:
        if isinstance(value, (list, tuple, Flowable)):
            return None
        if value is not None:
            lines = max(lines, str(value).count("\n") + 1)
    return style.leading * lines + (style.bottomPadding + style.topPadding)


def unit_table(header: list[str], rows: list[list], first_width: float = 0.26, size: float = 9.0):
    """ONE reportlab Table for the whole per-unit table (header repeated on every page, 合计 row last).

    The cells share three ready-made styles (header, unit name, figure) instead of a TableStyle applying
    a dozen commands to each of the thousands of cells; only the grid goes through a TableStyle.
    No style command may be added to the returned table (it would change every cell sharing the style).
    """
    from reportlab.platypus import Table, TableStyle

    body, bold = fonts.font("fangsong"), fonts.font("heiti")
    first = g.BLOCK_WIDTH * first_width
    rest = (g.BLOCK_WIDTH - first) / max(1, len(header) - 1)
    widths = [first] + [rest] * (len(header) - 1)
    head_size = min(size, 8.0)
    head = [_wrap_header(text, bold, head_size, w - 3) for text, w in zip(header, widths)]
    head_style = _cell_style("head", bold, head_size, head_size * 1.2, "CENTER")
    name_style = _cell_style("unit", body, size, size * 1.25, "LEFT")
    figure_style = _cell_style("figure", body, size, size * 1.25, "RIGHT")
    row_styles = [name_style] + [figure_style] * (len(header) - 1)
    styles = [[head_style] * len(header)] + [row_styles] * len(rows)
    heights = [_text_height(head, head_style)] + [_text_height(row, figure_style) for row in rows]
    table = Table([head, *rows], colWidths=widths, rowHeights=heights, repeatRows=1, cellStyles=styles)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, (0, 0, 0))]))
    return table


def bar_chart(labels: list[str], values: list[float], measure: str = ""):
    """Weekly progress as a bar chart (reportlab graphics, labels in the embedded CJK font)."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing, String

    from models.documents.cn_text import number

    body = fonts.font("fangsong")
    height = 7 * g.LINE_PITCH
    drawing = Drawing(g.BLOCK_WIDTH, height, initialFontName=body, initialFontSize=9)
    chart = VerticalBarChart()
    chart.x, chart.y = 48, 34
    chart.width, chart.height = g.BLOCK_WIDTH - 64, height - 58
    chart.data = [[float(v or 0) for v in values] or [0.0]]
    chart.categoryAxis.categoryNames = labels or ["—"]
    chart.categoryAxis.labels.fontName = body
    chart.categoryAxis.labels.fontSize = 9
    chart.categoryAxis.labels.dy = -4
    chart.valueAxis.labels.fontName = body
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labelTextFormat = lambda v: number(round(v))
    chart.bars[0].fillColor = _grey(0.45)
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = lambda v: number(v)
    chart.barLabels.fontName = body
    chart.barLabels.fontSize = 8
    chart.barLabels.nudge = 7
    drawing.add(chart)
    if measure:
        drawing.add(String(6, height - 12, f"单位：{measure}", fontName=body, fontSize=9))
    return drawing


def _grey(level: float):
    from reportlab.lib.colors import Color

    return Color(level, level, level)
