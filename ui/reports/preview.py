"""The PDF preview (QtPdf), printing it (vector pages, print preview) through the system dialogs, choosing where
to save it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.common import file_dialogs, operation


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

    def read_pages(self, dpi: float | None = None):
        """The PDF's pages read back (models.documents.pdf.replay: ≈0.4 s for 27 pages), the faces' files and the
        pages' geometry at *dpi*, off the GUI thread (printing.Printable); None if it cannot be read (said to the
        clerk) or there is nothing to print."""
        from ui.reports.printing import read_for_printing

        if self.path is None:
            return None
        path = self.path
        title = QCoreApplication.translate("ReportPreview", "打印")
        label = QCoreApplication.translate("ReportPreview", "正在准备打印的页面…")
        done = operation.run(self, title, lambda _s, _p: read_for_printing(path, dpi), label=label)
        return done.value if done.ok and done.value.pages else None

    def print_document(self) -> bool:
        """Print every page through the system print dialog, as vectors at the printer's resolution (text stays
        text, the page's geometry as in the PDF); a progress dialog while it spools. False if cancelled."""
        from PySide6.QtPrintSupport import QPrinter

        from ui.reports.printing import prepare_printer

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        document = self.read_pages(printer.resolution())  # another printer chosen in the dialog: drawn as it goes
        if document is None:
            return False
        prepare_printer(printer, document.pages[0])
        printer.setDocName(self.path.stem)
        if not PrintDialog.ask(printer, self):
            return False
        return self.print_pages(document, printer)

    def print_pages(self, document, printer) -> bool:
        """Page by page on the GUI thread (QPainter on the printer), the loop turning between pages; 取消 aborts."""
        from ui.reports.printing import paint_steps

        title = QCoreApplication.translate("ReportPreview", "打印")
        label = QCoreApplication.translate("ReportPreview", "正在打印…")
        done = operation.paced(self, title, paint_steps(document, printer), label=label)
        return done.ok and bool(done.value)

    def print_preview(self) -> bool:
        """Qt's print preview of the pages exactly as they will be printed; printing from it prints them.  The
        preview paints every page in one call: their geometry is prepared on the worker, at the printer's
        resolution, so that the call only draws."""
        from PySide6.QtPrintSupport import QPrinter

        from ui.reports.printing import paint_pages, prepare_printer

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        document = self.read_pages(printer.resolution())
        if document is None:
            return False
        prepare_printer(printer, document.pages[0])
        return PrintPreview.ask(printer, self, lambda target: paint_pages(document, target))


class PrintDialog:
    """The system print dialog; tests replace ``ask``."""

    @classmethod
    def ask(cls, printer, parent: QWidget) -> bool:
        from PySide6.QtPrintSupport import QPrintDialog

        return QPrintDialog(printer, parent).exec() == QPrintDialog.DialogCode.Accepted


class PrintPreview:
    """Qt's print preview dialog; tests replace ``ask``."""

    @classmethod
    def ask(cls, printer, parent: QWidget, paint) -> bool:
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        dialog = QPrintPreviewDialog(printer, parent)
        dialog.setWindowTitle(QCoreApplication.translate("ReportPreview", "打印预览"))
        dialog.paintRequested.connect(paint)
        return dialog.exec() == QPrintPreviewDialog.DialogCode.Accepted


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
