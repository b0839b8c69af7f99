"""GB/T 9704-2012 page geometry in points: A4, margins, the 22 × 28 grid of the text block."""

from __future__ import annotations

MM = 72 / 25.4
PAGE_WIDTH, PAGE_HEIGHT = 210 * MM, 297 * MM
TOP, LEFT = 37 * MM, 28 * MM  # 天头, 订口
BLOCK_WIDTH, BLOCK_HEIGHT = 156 * MM, 225 * MM  # 版心
BODY_SIZE = 16.0  # 3号
TITLE_SIZE = 22.0  # 2号
PAGE_NUMBER_SIZE = 14.0  # 4号
TABLE_SIZE = 10.5  # 5号
LINES, CHARS = 22, 28
CHAR_PITCH = BLOCK_WIDTH / CHARS  # one character cell: the body font is set slightly tighter than 16 pt
BODY_CHAR_SPACE = CHAR_PITCH - BODY_SIZE
# Line pitch chosen so that the first line's glyphs start at the top of the block and the 22nd ends at its foot.
LINE_PITCH = (BLOCK_HEIGHT - BODY_SIZE) / (LINES - 1)
FRAME_HEIGHT = LINES * LINE_PITCH
BLOCK_TOP_Y = PAGE_HEIGHT - TOP  # PDF y of the block's upper edge
FRAME_Y = BLOCK_TOP_Y - FRAME_HEIGHT
PAGE_NUMBER_GAP = 7 * MM  # 一字线上距版心下边缘 7 mm
RED = (0.86, 0.0, 0.0)


class Sheet:
    """A page and its text block; the landscape sheet is the portrait one turned (天头 becomes the left margin)."""

    def __init__(self, width: float, height: float, left: float, top: float, block_width: float, frame_height: float):
        self.width, self.height, self.left, self.top = width, height, left, top
        self.block_width, self.frame_height = block_width, frame_height
        self.block_height = frame_height if width > height else BLOCK_HEIGHT

    @property
    def frame_y(self) -> float:
        return self.height - self.top - self.frame_height

    @property
    def excess(self) -> float:
        """How far the frame reaches below the text block (the line grid's last line needs only its glyphs)."""
        return self.frame_height - self.block_height


PORTRAIT = Sheet(PAGE_WIDTH, PAGE_HEIGHT, LEFT, TOP, BLOCK_WIDTH, FRAME_HEIGHT)
LANDSCAPE = Sheet(PAGE_HEIGHT, PAGE_WIDTH, TOP, LEFT, BLOCK_HEIGHT, BLOCK_WIDTH)
