"""The PDF preview (QtPdf), printing it through the system dialog, choosing where to save it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.common import file_dialogs


class ReportPreview(QWidget):
    """Shows one PDF file, all pages, each page whole in the view (as it will print)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.path: Path | None = None

    def show_file(self, path: Path) -> None:
        self.document.close()
        self.path = path
        self.document.load(str(path))

    def page_count(self) -> int:
        return self.document.pageCount()

    def page_text(self, page: int) -> str:
        return self.document.getAllText(page).text()

    def print_document(self) -> bool:
        """Print every page through the system print dialog; False if the clerk cancelled."""
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if not PrintDialog.ask(printer, self):
            return False
        painter = QPainter()
        if not painter.begin(printer):
            return False
        try:
            for page in range(self.document.pageCount()):
                if page:
                    printer.newPage()
                area = painter.viewport()
                size = self.document.pagePointSize(page)
                scale = min(area.width() / size.width(), area.height() / size.height())
                image = self.document.render(page, QSize(int(size.width() * scale), int(size.height() * scale)))
                painter.drawImage(0, 0, image)
        finally:
            painter.end()
        return True


class PrintDialog:
    """The system print dialog; tests replace ``ask``."""

    @classmethod
    def ask(cls, printer, parent: QWidget) -> bool:
        from PySide6.QtPrintSupport import QPrintDialog

        return QPrintDialog(printer, parent).exec() == QPrintDialog.DialogCode.Accepted


class SavePath:
    """Where to save the PDF or the xlsx; tests replace ``ask``."""

    @classmethod
    def ask(cls, parent: QWidget, suggested: str, suffix: str = ".pdf") -> str:
        kind = suffix.lstrip(".").upper()
        title = QCoreApplication.translate("SavePath", "另存为")
        path = file_dialogs.save_file(parent, file_dialogs.EXPORT, title, suggested, f"{kind} (*{suffix})")
        if path and not path.lower().endswith(suffix):
            path += suffix
        return path
