"""reportlab flowables of the official layout: text on the line grid, the red header, the chart (tables: tables.py)."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.platypus import Flowable

from models.documents.pdf import fonts, glyphs
from models.documents.pdf import geometry as g
from models.documents.pdf.linebreak import Line


@dataclass
class GridLine:
    line: Line
    font: str
    size: float
    color: tuple = (0, 0, 0)
    embolden: float = 0.0  # stroke width per point of size (a title face drawn heavier)


def draw_runs(
    canvas,
    x: float,
    baseline: float,
    text: str,
    font: str,
    size: float,
    *,
    char_space: float = 0.0,
    color=(0, 0, 0),
    embolden: float = 0.0,
) -> None:
    """One line of text, each character in a face that has it (fonts.runs), optionally drawn heavier."""
    if embolden:  # the render mode is graphics state that outlives the text object: kept inside q … Q
        canvas.saveState()
        canvas.setStrokeColorRGB(*color)
        canvas.setLineWidth(size * embolden)
    obj = canvas.beginText(x, baseline)
    obj.setCharSpace(char_space)
    obj.setFillColorRGB(*color)
    if embolden:
        obj.setTextRenderMode(2)
    for face_name, piece in fonts.runs(text, font):
        obj.setFont(face_name, size)
        obj.textOut(piece)
    canvas.drawText(obj)
    if embolden:
        canvas.restoreState()


class GridText(Flowable):
    """Lines set on the body grid (one line pitch each); splits between lines across pages."""

    def __init__(self, lines: list[GridLine], keep_last: int = 0, where: str = "正文"):
        super().__init__()
        self.lines = lines
        self.keep_last = keep_last  # this many last lines are never split apart
        self.body = False  # body text (what a signature may be kept with)
        self.where = where  # what the glyph check calls this text

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        self.height = len(self.lines) * g.LINE_PITCH
        return self.width, self.height

    def split(self, avail_width, avail_height):
        fit = int((avail_height + 0.01) // g.LINE_PITCH)
        if self.keep_last:
            fit = min(fit, len(self.lines) - self.keep_last)
        if fit <= 0 or fit >= len(self.lines):
            return []
        rest = GridText(self.lines[fit:], keep_last=self.keep_last, where=self.where)
        rest.body = self.body
        return [GridText(self.lines[:fit], where=self.where), rest]

    def draw(self):
        canvas = self.canv
        top = self.height
        for item in self.lines:
            if item.line.text:
                glyphs.note(canvas.getPageNumber(), self.where, item.line.text, item.font)
                baseline = top - item.size * (1 + fonts.descent(item.font))
                draw_runs(
                    canvas,
                    item.line.x,
                    baseline,
                    item.line.text,
                    item.font,
                    item.size,
                    char_space=item.line.char_space,
                    color=item.color,
                    embolden=item.embolden,
                )
            top -= g.LINE_PITCH


class RedHeaderFlowable(Flowable):
    """版头 (GB/T 9704 7.2): 发文机关标志 in red, centred, its top 35 mm below the block's top; 发文字号 centred
    two blank lines under it; the red separator line 4 mm under the 发文字号; the title follows two blank lines
    under the line (7.3.1)."""

    def __init__(self, mark: str, doc_number: str):
        super().__init__()
        self.mark, self.doc_number = mark, doc_number
        self.mark_font = fonts.font("title")
        self.body_font = fonts.font("fangsong")
        natural = fonts.width(mark, self.mark_font, 1.0) or 1.0
        self.mark_size = min(36.0, g.BLOCK_WIDTH / natural)

    def wrap(self, avail_width, avail_height):
        self.width = g.BLOCK_WIDTH
        self.mark_top = 35 * g.MM
        self.number_top = self.mark_top + self.mark_size + 2 * g.LINE_PITCH
        number_height = g.BODY_SIZE if self.doc_number else 0.0
        self.rule_offset = self.number_top + number_height + 4 * g.MM
        self.height = self.rule_offset + 2 * g.LINE_PITCH
        return self.width, self.height

    def _centred(self, text: str, font: str, size: float, top: float, color, embolden: float = 0.0) -> None:
        baseline = self.height - top - size * (1 + fonts.descent(font))
        x = (self.width - fonts.width(text, font, size)) / 2
        draw_runs(self.canv, x, baseline, text, font, size, color=color, embolden=embolden)

    def draw(self):
        glyphs.note(self.canv.getPageNumber(), "发文机关标志", self.mark, self.mark_font)
        glyphs.note(self.canv.getPageNumber(), "发文字号", self.doc_number, self.body_font)
        self._centred(self.mark, self.mark_font, self.mark_size, self.mark_top, g.RED, fonts.embolden("title"))
        if self.doc_number:
            self._centred(self.doc_number, self.body_font, g.BODY_SIZE, self.number_top, (0, 0, 0))
        rule_y = self.height - self.rule_offset
        self.canv.setStrokeColorRGB(*g.RED)
        self.canv.setLineWidth(1.2)
        self.canv.line(0, rule_y, self.width, rule_y)


class ColophonFlowable(Flowable):
    """版记 (GB/T 9704 7.4) at the foot of the page: a thick rule, 抄送 lines (4号仿宋, 左右各空一字, wrapped
    lines aligned after “抄送：”), a thin rule, 印发机关 (左空一字) and 印发日期 (右空一字), a thick rule on the
    block's lower edge. Takes the rest of the page, or goes to the next one when it does not fit."""

    SIZE = 14.0  # 4号
    ROW = 0.75 * g.LINE_PITCH

    def __init__(self, cc_lines: list, office: str, date_text: str, bottom_gap: float):
        super().__init__()
        self.cc_lines, self.office, self.date_text = cc_lines, office, date_text
        self.bottom_gap = bottom_gap  # the frame reaches this far below the block
        self.font = fonts.font("fangsong")
        self.rows = len(cc_lines) + 1

    def wrap(self, avail_width, avail_height):
        self.width = g.BLOCK_WIDTH
        need = self.rows * self.ROW + self.bottom_gap
        self.height = max(need, avail_height) if avail_height >= need else need
        return self.width, self.height

    def split(self, avail_width, avail_height):
        return []

    def _text(self, text: str, x: float, row_top: float, char_space: float = 0.0) -> None:
        baseline = row_top - (self.ROW - self.SIZE) / 2 - self.SIZE * (1 + fonts.descent(self.font))
        draw_runs(self.canv, x, baseline, text, self.font, self.SIZE, char_space=char_space)

    def draw(self):
        canvas = self.canv
        bottom = self.bottom_gap
        top = bottom + self.rows * self.ROW
        canvas.setStrokeColorRGB(0, 0, 0)
        row_top = top
        for line in self.cc_lines:
            self._text(line.text, self.SIZE + line.x, row_top, line.char_space)
            row_top -= self.ROW
        if self.cc_lines:
            canvas.setLineWidth(0.25 * g.MM)
            canvas.line(0, row_top, self.width, row_top)
        self._text(self.office, self.SIZE, row_top)
        date_width = fonts.width(self.date_text, self.font, self.SIZE)
        self._text(self.date_text, self.width - self.SIZE - date_width, row_top)
        canvas.setLineWidth(0.35 * g.MM)
        canvas.line(0, top, self.width, top)
        canvas.line(0, bottom, self.width, bottom)


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
