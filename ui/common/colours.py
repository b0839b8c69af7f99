"""Colours that stay readable under light, dark and high-contrast themes.

A marked cell (error, needs checking, not reported) keeps its light tint on a light theme and gets a dark
tint of the same hue on a dark one; its text colour is chosen for contrast with that tint (WCAG ≥ 4.5:1),
never left to the theme (white text on light pink was unreadable). Warning and quiet texts follow the theme.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

WARNING_RED = QColor("#b42318")
MIN_CONTRAST = 4.5


def _palette(palette: QPalette | None) -> QPalette:
    return palette or QGuiApplication.palette()


def luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 … 21)."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def dark_theme(palette: QPalette | None = None) -> bool:
    return luminance(_palette(palette).color(QPalette.ColorRole.Base)) < 0.2


def cell_background(tint: QColor, palette: QPalette | None = None) -> QColor:
    """*tint* (a light colour) on a light theme; the same hue, dark, on a dark theme."""
    if not dark_theme(palette):
        return QColor(tint)
    hue, saturation, _lightness, alpha = tint.getHsl()
    return QColor.fromHsl(max(hue, 0), min(255, saturation), 60, alpha)


def text_on(background: QColor, palette: QPalette | None = None) -> QColor:
    """The theme's text colour if it reads on *background*, else black or white, whichever reads better."""
    text = _palette(palette).color(QPalette.ColorRole.Text)
    if contrast(text, background) >= MIN_CONTRAST:
        return text
    black, white = QColor("#000000"), QColor("#ffffff")
    return black if contrast(black, background) >= contrast(white, background) else white


def warning_on(background: QColor) -> QColor:
    """A red that reads on *background* (lighter on a dark one)."""
    red = QColor(WARNING_RED)
    for _ in range(10):
        if contrast(red, background) >= MIN_CONTRAST:
            return red
        red = red.lighter(125) if luminance(background) < 0.2 else red.darker(125)
    return text_on(background)


def warning_text(palette: QPalette | None = None) -> QColor:
    """Red text on the window background (labels that warn)."""
    return warning_on(_palette(palette).color(QPalette.ColorRole.Window))


def set_warning(widget, bold: bool = False) -> None:
    """Show *widget*'s text in the warning red of the theme (instead of a fixed colour in a style sheet)."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, warning_text(palette))
    widget.setPalette(palette)
    if bold:
        font = widget.font()
        font.setBold(True)
        widget.setFont(font)


def set_quiet(widget) -> None:
    """A hint in the theme's quiet text colour (its placeholder colour), instead of a fixed grey."""
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText))
    widget.setPalette(palette)


def field_style(tint: QColor | str, widget: str = "QLineEdit") -> str:
    """A style sheet that marks an input field, with its text colour given too."""
    background = cell_background(QColor(tint))
    return f"{widget} {{ background: {background.name()}; color: {text_on(background).name()}; }}"
