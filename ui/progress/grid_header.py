"""A horizontal header with two levels: indicator groups spanning their columns above the labels."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader

from ui.progress.grid_model import GROUP_ROLE


class GroupHeaderView(QHeaderView):
    """Paints each section's group across the group's whole span (like merged cells in Excel)."""

    def __init__(self, parent=None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)

    def _group(self, section: int):
        model = self.model()
        return model.headerData(section, Qt.Orientation.Horizontal, GROUP_ROLE) if model else None

    def _line(self) -> int:
        return self.fontMetrics().height() + 8

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        hint.setHeight(self._line() + 2 * self.fontMetrics().height() + 10)
        return hint

    def _paint_cell(self, painter, rect: QRect, text: str, section: int) -> None:
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = section
        option.text = ""
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        painter.drawText(rect.adjusted(3, 2, -3, -2), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)

    def paintSection(self, painter, rect: QRect, logical: int) -> None:  # noqa: N802 - Qt override
        if not rect.isValid():
            return
        label = self.model().headerData(logical, Qt.Orientation.Horizontal) or ""
        group = self._group(logical)
        painter.save()
        if not group:
            self._paint_cell(painter, rect, label, logical)
            painter.restore()
            return
        first = last = logical
        while first > 0 and self._group(first - 1) == group:
            first -= 1
        while last + 1 < self.count() and self._group(last + 1) == group:
            last += 1
        left = self.sectionViewportPosition(first)
        right = self.sectionViewportPosition(last) + self.sectionSize(last)
        top = QRect(rect.left(), rect.top(), rect.width(), self._line())
        # The style may reset the clip, so the group cell is painted by hand: one box over the whole span.
        painter.fillRect(top, self.palette().button())
        painter.setPen(self.palette().mid().color())
        painter.drawLine(top.bottomLeft(), top.bottomRight())
        if logical == last:
            painter.drawLine(top.topRight(), top.bottomRight())
        painter.setPen(self.palette().buttonText().color())
        painter.setClipRect(top)
        span = QRect(left, rect.top(), right - left, self._line())
        painter.drawText(span.adjusted(3, 2, -3, -2), Qt.AlignmentFlag.AlignCenter, group)
        painter.setClipping(False)
        bottom = QRect(rect.left(), rect.top() + self._line(), rect.width(), rect.height() - self._line())
        self._paint_cell(painter, bottom, label, logical)
        painter.restore()
