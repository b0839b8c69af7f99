"""A long table split over pages by its row heights, known up front: each page's rows become one reportlab Table
with the header rows repeated. reportlab's own split lays the whole rest of the table out again on every page
(every cell's span range, every row), so a 300-row table cost as much in splitting as in drawing; and it sets
every text cell in a text object of its own, where one per page and cell look does the same."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Table, TableStyle


class PagedTable(Flowable):
    """*head* rows repeated on every page above the *body* rows; *heights* and *styles* per row (head rows
    first), *commands* (TableStyle commands: grid, the head's spans) applied to every page as they are, *spans*
    body row index → first column of one cell running to the last column."""

    def __init__(self, head, body, heights, styles, col_widths, commands, spans=None):
        super().__init__()
        self.head, self.body, self.heights, self.styles = head, body, heights, styles
        self.col_widths, self.commands, self.spans = col_widths, commands, spans or {}

    def wrap(self, avail_width, avail_height):
        self.width, self.height = sum(self.col_widths), sum(self.heights)
        return self.width, self.height

    def split(self, avail_width, avail_height):
        """The rows that fit (as reportlab counts: header rows included, no row split), then the rest."""
        used, fit = sum(self.heights[: len(self.head)]), 0
        for height in self.heights[len(self.head) :]:
            if used + height > avail_height:
                break
            used += height
            fit += 1
        if fit == 0:
            return []  # not even one row under the heads: the whole table goes to the next page
        if fit == len(self.body):
            return [self.page(fit)]
        return [self.page(fit), self._rest(fit)]

    def _rest(self, start: int) -> PagedTable:
        count = len(self.head)
        spans = {row - start: col for row, col in self.spans.items() if row >= start}
        return PagedTable(
            self.head,
            self.body[start:],
            self.heights[:count] + self.heights[count + start :],
            self.styles[:count] + self.styles[count + start :],
            self.col_widths,
            self.commands,
            spans,
        )

    def page(self, stop: int):
        """The heads and the first *stop* body rows as ONE reportlab Table."""
        count = len(self.head)
        table = PageTable(
            [*self.head, *self.body[:stop]],
            colWidths=self.col_widths,
            rowHeights=self.heights[: count + stop],
            repeatRows=count,
            cellStyles=self.styles[: count + stop],
        )
        commands = list(self.commands)
        commands += [
            ("SPAN", (first, count + row), (-1, count + row)) for row, first in self.spans.items() if row < stop
        ]
        table.setStyle(TableStyle(commands))
        return table

    def draw(self):
        table = self.page(len(self.body))
        table.wrap(self.width, self.height)
        table.drawOn(self.canv, 0, 0)


_ALIGNED = ("LEFT", "RIGHT", "CENTER", "CENTRE")


class PageTable(Table):
    """One page of a PagedTable: reportlab draws the grid and the cells that are flowables; the plain text cells
    are placed exactly as reportlab places them (its _drawCell), all of one look in one text object."""

    def draw(self):
        self._texts: dict = {}  # cell look → [(x, baseline, line)]
        super().draw()
        canvas = self.canv
        for style, lines in self._texts.items():
            text = canvas.beginText()
            text.setFont(style.fontname, style.fontsize, style.leading)
            text.setFillColor(style.color)
            for x, y, line in lines:
                text.setTextOrigin(x, y)
                text.textOut(line)
            canvas.drawText(text)

    def _drawCell(self, value, style, pos, size):
        plain = style.valign == "MIDDLE" and style.alignment in _ALIGNED and not (style.href or style.destination)
        if value.__class__ is not str or not plain:
            return super()._drawCell(value, style, pos, size)
        (left, bottom), (width, height) = pos, size
        lines = value.split("\n")
        y = (
            bottom
            + (style.bottomPadding + height - style.topPadding + len(lines) * style.leading) / 2.0
            - style.fontsize
        )
        placed = self._texts.setdefault(style, [])
        for line in lines:
            if line:
                placed.append((self._x(line, style, left, width), y, line))
            y -= style.leading
        return None

    @staticmethod
    def _x(line: str, style, left: float, width: float) -> float:
        if style.alignment == "LEFT":
            return left + style.leftPadding
        measured = stringWidth(line, style.fontname, style.fontsize)
        if style.alignment == "RIGHT":
            return left + width - style.rightPadding - measured
        return left + (width + style.leftPadding - style.rightPadding) * 0.5 - 0.5 * measured  # CENTER
