"""What every table of the app does, as in Excel/WPS: header clicks sort, column widths are kept, Ctrl+F filters,
Ctrl+C copies the selected block as TSV, and the table exports to xlsx or prints (right-click menu too).

``equip(view, key, title)`` gives a QTableView all of it; *key* names the table in the settings.
``fit_columns(view)`` sizes the columns to their contents from a sample of rows (a city's tables are long).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMenu, QTableView

from ui.common import operation, settings

FILTER_WIDTH = 240
FIT_SAMPLE = 20  # rows measured at the top, and as many spread over the rest


def tr(text: str) -> str:
    return QCoreApplication.translate("table_tools", text)


def tsv(rows: list[list[str]]) -> str:
    """Rows as tab-separated text that Excel/WPS paste into cells (quoted where a cell holds a tab or newline)."""

    def cell(text: str) -> str:
        if any(ch in text for ch in '\t\n"'):
            return '"' + text.replace('"', '""') + '"'
        return text

    return "".join("\t".join(cell(text) for text in row) + "\n" for row in rows)


def fit_columns(view: QTableView, widest: Callable[[int], list[int]] | None = None, sample: int | None = None) -> None:
    """Each column as wide as its header and its contents, measured on a sample, never on every row.

    The sample is the first *sample* rows, as many spread over the rest, the last row (a 合计 row) and the
    rows *widest(column)* names (where the longest text is, which the caller can tell without Qt).
    ``resizeColumnsToContents`` asks every row of a hidden view (and 1,000 of a shown one) for each role:
    79,000 ``data()`` calls for a city's 累计汇总.
    """
    model = view.model()
    if model is None:
        return
    sample = FIT_SAMPLE if sample is None else sample
    count = model.rowCount()
    rows = set(range(min(count, sample)))
    if count > sample:
        rows.update(range(sample, count, max(1, (count - sample) // sample)))
        rows.add(count - 1)
    header = view.horizontalHeader()
    grid = 1 if view.showGrid() else 0  # as QTableView.sizeHintForColumn
    for column in range(model.columnCount()):
        if header.isSectionHidden(column):
            continue
        chosen = rows.union(r for r in (widest(column) if widest else []) if 0 <= r < count)
        content = max((view.sizeHintForIndex(model.index(r, column)).width() for r in chosen), default=0)
        view.setColumnWidth(column, max(content + grid, header.sectionSizeHint(column)))


def selected_block(view: QTableView) -> tuple[list[int], list[int]] | None:
    """The rows and the columns that hold a selected cell (or the current one), from the selection's
    ranges: a whole city's grid selected is 90,000 cells, one range."""
    model = view.selectionModel()
    ranges = list(model.selection()) if model is not None else []
    if not ranges:
        current = view.currentIndex()
        return ([current.row()], [current.column()]) if current.isValid() else None
    rows = sorted({r for part in ranges for r in range(part.top(), part.bottom() + 1)})
    columns = sorted({c for part in ranges for c in range(part.left(), part.right() + 1)})
    return rows, columns


def _alive(widget) -> bool:
    import shiboken6

    return shiboken6.isValid(widget)


class TableTools(QObject):
    def __init__(
        self,
        view: QTableView,
        key: str,
        title: str | Callable[[], str],
        *,
        search: QLineEdit | None = None,
        sortable: bool = True,
        copy: bool = True,
    ):
        super().__init__(view)
        self.view, self.key, self.title_source, self.search = view, key, title, search
        self.copy_enabled = copy
        self._pressed = False
        self._resized: set[int] = set()
        self._applying = False
        self._scheduled = False
        self.filter_edit: QLineEdit | None = None
        self._texts: tuple[tuple[int, ...], list[str]] | None = None  # the filter's row texts, while valid
        if sortable:
            view.setSortingEnabled(True)
            view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the core's order until a header is clicked
        header = view.horizontalHeader()
        header.sectionResized.connect(self._on_resized)
        self._header_viewport = header.viewport()
        self._header_viewport.installEventFilter(self)
        view.installEventFilter(self)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._menu)
        self._watch(view.model())

    # -- title and contents ------------------------------------------------
    def title(self) -> str:
        return self.title_source() if callable(self.title_source) else self.title_source

    def _columns(self) -> list[int]:
        header = self.view.horizontalHeader()
        logical = [header.logicalIndex(v) for v in range(header.count())]
        return [c for c in logical if not header.isSectionHidden(c)]

    def _rows(self) -> list[int]:
        model = self.view.model()
        return [r for r in range(model.rowCount()) if not self.view.isRowHidden(r)] if model else []

    def _row_labels(self) -> bool:
        """Whether the row header names the rows (the grid's units), not just numbers them."""
        model = self.view.model()
        if model is None or self.view.verticalHeader().isHidden():
            return False
        vertical = Qt.Orientation.Vertical
        return any(str(model.headerData(r, vertical) or "") != str(r + 1) for r in range(min(model.rowCount(), 5)))

    def headers(self, columns: list[int] | None = None, *, labels: bool = True) -> list[str]:
        model = self.view.model()
        titles = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns or self._columns()]
        return ([""] if labels and self._row_labels() else []) + titles

    def cells(
        self, rows: list[int] | None = None, columns: list[int] | None = None, *, labels: bool = True
    ) -> list[list[str]]:
        """The texts shown, row by row (the row header first where it names the rows, unless not *labels*)."""
        model = self.view.model()
        columns = self._columns() if columns is None else columns
        rows = self._rows() if rows is None else rows
        text = Qt.ItemDataRole.DisplayRole
        labelled = labels and self._row_labels()
        # a model that can say a row's texts at once (the grid, 累计汇总) spares a Qt call per cell
        row_texts = getattr(model, "row_texts", None)
        found = []
        for r in rows:
            if row_texts is not None:
                row = row_texts(r, columns)
            else:
                row = ["" if (v := model.index(r, c).data(text)) is None else str(v) for c in columns]
            found.append([str(model.headerData(r, Qt.Orientation.Vertical) or ""), *row] if labelled else row)
        return found

    # -- Ctrl+C ------------------------------------------------------------
    def copy_selection(self) -> str:
        """The selected block (visible rows and columns between the selection's corners) as TSV."""
        found = selected_block(self.view)
        if found is None:
            return ""
        rows = [r for r in found[0] if not self.view.isRowHidden(r)]
        columns = [c for c in self._columns() if c in set(found[1])]
        text = tsv(self.cells(rows, columns, labels=False))
        QGuiApplication.clipboard().setText(text)
        return text

    # -- Ctrl+F ------------------------------------------------------------
    def start_filter(self) -> QLineEdit:
        """Focus the tab's search box, or the table's own filter field over its top right corner."""
        if self.search is not None:
            self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.search.selectAll()
            return self.search
        if self.filter_edit is None:
            edit = self.filter_edit = QLineEdit(self.view)
            edit.setPlaceholderText(tr("筛选（Esc 关闭）"))
            edit.setClearButtonEnabled(True)
            edit.textChanged.connect(self.apply_filter)
            edit.installEventFilter(self)
        edit = self.filter_edit
        width = min(FILTER_WIDTH, self.view.width() - 8)
        edit.setGeometry(self.view.width() - width - 4, 2, width, edit.sizeHint().height())
        edit.show()
        edit.raise_()
        edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        edit.selectAll()
        return edit

    def apply_filter(self, *_args) -> None:
        words = (self.filter_edit.text() if self.filter_edit else "").casefold().split()
        model = self.view.model()
        if model is None:
            return
        texts = self._filter_texts() if words else []
        for row in range(model.rowCount()):
            hide = bool(words) and not all(w in texts[row] for w in words)
            if self.view.isRowHidden(row) != hide:
                self.view.setRowHidden(row, hide)

    def _filter_texts(self) -> list[str]:
        """Each row's shown texts (row header included), casefolded: read at the first key, kept while the
        model and the columns stay as they are (a city's grid is 90,000 cells)."""
        columns = tuple(self._columns())
        if self._texts is None or self._texts[0] != columns:
            every = list(range(self.view.model().rowCount()))
            self._texts = columns, [" ".join(row).casefold() for row in self.cells(every, list(columns))]
        return self._texts[1]

    def _forget_texts(self, *_args) -> None:
        self._texts = None

    def close_filter(self) -> None:
        if self.filter_edit is not None:
            self.filter_edit.clear()
            self.filter_edit.hide()
        self.view.setFocus()

    # -- export and print --------------------------------------------------
    def export_xlsx(self, path: str | None = None) -> str | None:
        from models.documents.table_xlsx import write_table
        from ui.common import file_dialogs

        title = self.title()
        if path is None:
            path = file_dialogs.save_file(
                self.view, file_dialogs.TABLE, tr("导出为 Excel"), f"{title}.xlsx", "Excel (*.xlsx)"
            )
            if not path:
                return None
            if not path.lower().endswith(".xlsx"):
                path += ".xlsx"
        headers, cells = self.headers(), self.cells()  # what the table shows, read here (the model is Qt's)

        def write(_store, _progress):
            write_table(path, title, headers, cells)

        if not operation.run(self.view, tr("导出为 Excel"), write, cancellable=False).ok:  # a city's: seconds
            return None  # the message is shown; the old file is untouched
        window = self.view.window()
        if hasattr(window, "statusBar"):
            window.statusBar().showMessage(tr("已导出：{0}").format(path), 8000)
        return path

    def html(self) -> str:
        heads = "".join(f"<th>{escape(h).replace(chr(10), '<br>')}</th>" for h in self.headers())
        body = "".join(
            "<tr>" + "".join(f"<td>{escape(v).replace(chr(10), '<br>')}</td>" for v in row) + "</tr>"
            for row in self.cells()
        )
        return (
            f"<h3 align='center'>{escape(self.title())}</h3>"
            f"<table border='1' cellspacing='0' cellpadding='3' width='100%'><thead><tr>{heads}</tr></thead>"
            f"{body}</table>"
        )

    def print_table(self, printer=None) -> bool:
        """Print what the table shows (a PDF printer in tests); asks for a printer when none is given."""
        from PySide6.QtGui import QPageLayout, QTextDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            if len(self._columns()) > 7:
                printer.setPageOrientation(QPageLayout.Orientation.Landscape)
            if QPrintDialog(printer, self.view).exec() != QPrintDialog.DialogCode.Accepted:
                return False
        document = QTextDocument(self.view)
        document.setHtml(self.html())
        document.print_(printer)
        return True

    def _menu(self, position) -> None:
        menu = self.context_menu()
        menu.exec(self.view.viewport().mapToGlobal(position))

    def context_menu(self) -> QMenu:
        menu = QMenu(self.view)
        entries = [
            (tr("复制(&C)"), QKeySequence.StandardKey.Copy, self.copy_selection),
            (tr("筛选(&F)…"), QKeySequence.StandardKey.Find, self.start_filter),
            (tr("导出为 Excel(&E)…"), None, lambda: self.export_xlsx()),
            (tr("打印(&P)…"), None, lambda: self.print_table()),
        ]
        for text, keys, slot in entries:
            if slot == self.copy_selection and not self.copy_enabled:
                continue
            action = QAction(text, menu)
            if keys is not None:
                action.setShortcut(QKeySequence(keys))
            action.triggered.connect(slot)
            menu.addAction(action)
        return menu

    # -- column widths -----------------------------------------------------
    def _setting(self) -> settings.Setting:
        return settings.Setting(f"tables/{self.key}/widths", "", str)

    def saved_widths(self) -> dict[str, int]:
        try:
            found = json.loads(settings.get(self._setting()) or "{}")
        except ValueError:
            return {}
        return (
            {str(k): int(v) for k, v in found.items() if isinstance(v, int | float)} if isinstance(found, dict) else {}
        )

    def _on_resized(self, logical: int, _old: int, _new: int) -> None:
        if self._applying:
            return
        if self._pressed:
            self._resized.add(logical)
        else:  # the tab sized its columns to their contents: the clerk's widths win, once it is done
            self._schedule()

    def save_widths(self) -> None:
        if not self._resized:
            return
        widths = self.saved_widths()
        header = self.view.horizontalHeader()
        for logical in sorted(self._resized):
            widths[self.headers([logical], labels=False)[0]] = header.sectionSize(logical)
        self._resized.clear()
        settings.put(self._setting(), json.dumps(widths, ensure_ascii=False))

    def apply_widths(self) -> None:
        widths = self.saved_widths()
        model = self.view.model()
        if not widths or model is None:
            return
        self._applying = True
        try:
            for column in range(model.columnCount()):
                title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
                if title in widths:
                    self.view.setColumnWidth(column, widths[title])
        finally:
            self._applying = False

    # -- wiring ------------------------------------------------------------
    def _watch(self, model) -> None:
        if model is None:
            return
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted):
            signal.connect(self._schedule)
        for signal in (
            model.modelReset,
            model.layoutChanged,
            model.rowsInserted,
            model.rowsRemoved,
            model.dataChanged,
            model.headerDataChanged,
        ):
            signal.connect(self._forget_texts)
        self._schedule()

    def _schedule(self, *_args) -> None:
        # After the tab's refresh has sized the columns to their contents: the clerk's widths win.
        if not self._scheduled:
            self._scheduled = True
            QTimer.singleShot(0, self._after_change)

    def _after_change(self) -> None:
        self._scheduled = False
        if not _alive(self.view):
            return
        self.apply_widths()
        if self.filter_edit is not None and self.filter_edit.text():
            self.apply_filter()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if watched is self._header_viewport:
            if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
                self._pressed = True
            elif kind == QEvent.Type.MouseButtonRelease:
                QTimer.singleShot(0, self._released)  # a double click resizes after its release
            return False
        if watched is self.filter_edit:
            if kind == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
                self.close_filter()
                return True
            return False
        if kind == QEvent.Type.ShortcutOverride and self._handles(event):
            event.accept()
            return True
        if kind == QEvent.Type.KeyPress and self._handles(event):
            if event.matches(QKeySequence.StandardKey.Find):
                self.start_filter()
            else:
                self.copy_selection()
            return True
        return False

    def _released(self) -> None:
        if not _alive(self.view):
            return
        self._pressed = False
        self.save_widths()

    def _handles(self, event) -> bool:
        if event.matches(QKeySequence.StandardKey.Find):
            return True
        return self.copy_enabled and event.matches(QKeySequence.StandardKey.Copy)


def equip(
    view: QTableView,
    key: str,
    title: str | Callable[[], str],
    *,
    search: QLineEdit | None = None,
    sortable: bool = True,
    copy: bool = True,
) -> TableTools:
    """Give *view* sorting, kept widths, Ctrl+F, Ctrl+C, export and print; the tools are ``view.tools``."""
    view.tools = TableTools(view, key, title, search=search, sortable=sortable, copy=copy)
    return view.tools
