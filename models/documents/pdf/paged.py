"""A long table split over pages by its row heights, known up front: each page's rows become one reportlab Table
with the header rows repeated. reportlab's own split lays the whole rest of the table out again on every page
(every cell's span range, every row), so a 300-row table cost as much in splitting as in drawing."""

from __future__ import annotations

from reportlab.platypus import Flowable


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
            return [self.page(0, fit)]
        return [self.page(0, fit), self._rest(fit)]

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

    def page(self, start: int, stop: int):
        """Body rows start…stop under the heads as ONE reportlab Table."""
        from reportlab.platypus import Table, TableStyle

        count = len(self.head)
        table = Table(
            [*self.head, *self.body[start:stop]],
            colWidths=self.col_widths,
            rowHeights=self.heights[:count] + self.heights[count + start : count + stop],
            repeatRows=count,
            cellStyles=self.styles[:count] + self.styles[count + start : count + stop],
        )
        commands = list(self.commands)
        for row, first in self.spans.items():
            if start <= row < stop:
                commands.append(("SPAN", (first, count + row - start), (-1, count + row - start)))
        table.setStyle(TableStyle(commands))
        return table

    def draw(self):
        table = self.page(0, len(self.body))
        table.wrap(self.width, self.height)
        table.drawOn(self.canv, 0, 0)
