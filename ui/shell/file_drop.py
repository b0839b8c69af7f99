"""Files dropped on the main window open as from the command line (a database, a notice, returned forms)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject

from ui.shell import file_open


def _local_paths(mime) -> list[str]:
    if mime is None or not mime.hasUrls():
        return []
    return [url.toLocalFile() for url in mime.urls() if url.isLocalFile()]


class FileDrop(QObject):
    """Accepts a drag that carries at least one file the app opens; opens them all on drop."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if any(file_open.kind_of(p) for p in _local_paths(event.mimeData())):
                event.acceptProposedAction()
                return True
            return False
        if kind == QEvent.Type.Drop:
            paths = _local_paths(event.mimeData())
            if not paths:
                return False
            event.acceptProposedAction()
            file_open.open_files(self.window, paths)
            return True
        return False


def install(window) -> None:
    if getattr(window, "file_drop", None) is not None:  # the menus are rebuilt on a language switch
        return
    window.setAcceptDrops(True)
    window.file_drop = FileDrop(window)
    window.installEventFilter(window.file_drop)
