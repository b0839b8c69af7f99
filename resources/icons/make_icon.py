"""Draws the app icon (app.png, app.ico) once, at development time; the app only reads the files.

Run: ``python resources/icons/make_icon.py`` (needs PySide6 and Pillow, which the dev requirements bring).
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def draw_png(size: int = 256) -> bytes:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QIODevice, QPointF, QRectF, Qt
    from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QImage, QPainter, QPainterPath, QPen

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - fonts need it
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = size / 256
    # A shield in safety orange with a white border.
    shield = QPainterPath()
    shield.moveTo(QPointF(128 * s, 10 * s))
    shield.lineTo(QPointF(232 * s, 46 * s))
    shield.cubicTo(QPointF(232 * s, 150 * s), QPointF(190 * s, 214 * s), QPointF(128 * s, 248 * s))
    shield.cubicTo(QPointF(66 * s, 214 * s), QPointF(24 * s, 150 * s), QPointF(24 * s, 46 * s))
    shield.closeSubpath()
    p.setPen(QPen(QColor("#ffffff"), 10 * s))
    p.setBrush(QBrush(QColor("#e8590c")))
    p.drawPath(shield)
    # The character 安 in the middle.
    font = QFont("WenQuanYi Micro Hei")
    font.setPixelSize(int(128 * s))
    font.setBold(True)
    p.setFont(font)
    p.setPen(QColor("#ffffff"))
    p.drawText(QRectF(0, 24 * s, size, 190 * s), Qt.AlignmentFlag.AlignCenter, "安")
    p.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def main() -> None:
    from PIL import Image

    png = draw_png(256)
    (HERE / "app.png").write_bytes(png)
    sizes = [(n, n) for n in (16, 24, 32, 48, 64, 256)]
    Image.open(io.BytesIO(png)).save(HERE / "app.ico", sizes=sizes)
    print("app.png, app.ico written")


if __name__ == "__main__":
    main()
