"""reportlab flowables of the official layout: text on the line grid, the red header, the chart (tables: tables.py)."""

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
