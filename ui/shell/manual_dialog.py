"""The user manual (docs/manual.md and its screenshots, bundled with the app) in a QTextBrowser."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from models.paths import app_root

IMAGE_WIDTH = 820


def manual_path() -> Path:
    return app_root() / "docs" / "manual.md"


class ManualDialog(QDialog):
    """Non-modal: the clerk reads it beside the main window."""

    def __init__(self, parent: QWidget | None = None, path: Path | None = None):
        super().__init__(parent)
        self.path = path or manual_path()
        self.setWindowTitle(self.tr("使用手册"))
        self.resize(900, 660)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.load()

    def load(self) -> None:
        try:
            text = self.path.read_text(encoding="utf-8")
        except OSError as exc:
            text = self.tr("找不到使用手册：{0}（{1}）").format(self.path, exc.strerror or exc)
        # Images in the manual are relative to its folder (screenshots/manual-*.png).
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(self.path.parent) + "/"))
        self.browser.setSearchPaths([str(self.path.parent)])
        self.browser.setMarkdown(text)
        self._fit_images()

    def _fit_images(self, width: int = IMAGE_WIDTH) -> None:
        """Screenshots are as wide as the main window: show them scaled to the reading width."""
        document = self.browser.document()
        block = document.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                if fmt.isImageFormat():
                    image = fmt.toImageFormat()
                    image.setWidth(width)  # the height follows the picture's proportions
                    cursor = QTextCursor(document)
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
                    cursor.setCharFormat(image)
                it += 1
            block = block.next()
