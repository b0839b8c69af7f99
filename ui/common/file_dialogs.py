"""File dialogs that start in the folder last used for the same kind of file (databases, forms, templates …)."""

from __future__ import annotations

from pathlib import Path

from ui.common import settings

# The kinds of file the dialogs remember a folder for (one setting each, "dialogs/<kind>").
DATABASE, NOTICE, FORMS, TEMPLATE, EXPORT, UNITS, TABLE = (
    "database",
    "notice",
    "forms",
    "template",
    "export",
    "units",
    "table",
)


def _dialog():
    from PySide6.QtWidgets import QFileDialog  # loaded when a dialog is opened, not before the first paint

    return QFileDialog


def last_folder(kind: str) -> str:
    folder = settings.get(settings.Setting(f"dialogs/{kind}", "", str))
    return folder if folder and Path(folder).is_dir() else ""


def remember(kind: str, chosen: str | Path) -> None:
    """Remember the folder of *chosen* (a file, or a folder itself) for the next dialog of this kind."""
    if not chosen:
        return
    path = Path(chosen)
    folder = path if path.is_dir() else path.parent
    settings.put(settings.Setting(f"dialogs/{kind}", "", str), str(folder))


def _start(kind: str, suggested: str = "") -> str:
    """Where a dialog opens: a suggested full path as given, a bare name inside the remembered folder."""
    if suggested and Path(suggested).is_absolute():
        return suggested
    folder = last_folder(kind)
    return str(Path(folder) / suggested) if folder and suggested else suggested or folder


def open_file(parent, kind: str, title: str, filters: str, start: str = "") -> str:
    name, _ = _dialog().getOpenFileName(parent, title, _start(kind, start), filters)
    remember(kind, name)
    return name


def open_files(parent, kind: str, title: str, filters: str) -> list[str]:
    names, _ = _dialog().getOpenFileNames(parent, title, _start(kind), filters)
    if names:
        remember(kind, names[0])
    return list(names)


def save_file(parent, kind: str, title: str, suggested: str, filters: str) -> str:
    """A save dialog; *suggested* is a file name (put in the remembered folder) or a full path."""
    name, _ = _dialog().getSaveFileName(parent, title, _start(kind, suggested), filters)
    remember(kind, name)
    return name


def folder(parent, kind: str, title: str) -> str:
    name = _dialog().getExistingDirectory(parent, title, _start(kind))
    remember(kind, name)
    return name


def suggested_path(kind: str, name: str, fallback: Path) -> str:
    """A full path for an output field: *name* in the folder last used for *kind*, else in *fallback*."""
    return str(Path(last_folder(kind) or fallback) / name)
