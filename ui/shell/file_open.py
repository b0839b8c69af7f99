"""Opening a file given by path (command line, "Open with…", a file dropped on the window): its kind decides.

A database is opened; a notice (.docx/.pdf/.txt/.html) goes to the notice reader; an .xlsx to the import of
returned forms (the liaison import for the app's liaison forms, the statistics import for the others).
"""

from __future__ import annotations

import logging
from pathlib import Path

DATABASE_SUFFIXES = (".db", ".sqlite", ".sqlite3")
NOTICE_SUFFIXES = (".docx", ".pdf", ".txt", ".html", ".htm")
FORM_SUFFIXES = (".xlsx", ".xlsm")
OPENABLE_SUFFIXES = DATABASE_SUFFIXES + NOTICE_SUFFIXES + FORM_SUFFIXES

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("file_open", text)


# -- which file is open: the title bar (the window's title is set before the first paint, without the menus' modules)
ORIGINS: dict[str, str] = {}  # a local copy's path → the USB stick's file it was copied from


def title_for(store) -> str:
    """Which file is open, for the title bar (and where it came from if copied off a stick)."""
    if store.path is None:
        return tr("内存数据库")
    origin = ORIGINS.get(str(store.path))
    name = store.path.name
    if origin:
        return tr("{0}（U 盘文件 {1} 的本机副本）").format(name, origin)
    return f"{name}（{store.path.parent}）"


def kind_of(path: str | Path) -> str | None:
    """'database', 'notice', 'forms', or None for a file the app does not open."""
    suffix = Path(path).suffix.lower()
    if suffix in DATABASE_SUFFIXES:
        return "database"
    if suffix in NOTICE_SUFFIXES:
        return "notice"
    if suffix in FORM_SUFFIXES:
        return "forms"
    return None


def is_liaison_form(path: Path) -> bool:
    """A form the app wrote for the liaison list (its hidden mark says so)."""
    from models.documents.xlsx_io import open_workbook, read_mark
    from models.liaisons.forms import FORM_KIND

    try:
        workbook = open_workbook(path)
    except Exception:  # noqa: BLE001 - an unreadable file goes to the statistics import, which names the fault
        return False
    try:
        mark = read_mark(workbook)
    finally:
        workbook.close()
    return bool(mark) and mark.get("kind") == FORM_KIND


def open_files(window, paths: list[str | Path]) -> None:
    """Open each path by its kind; what cannot be opened is named in one message."""
    from ui.common import msgbox

    paths = [Path(p) for p in paths]
    refused = [p for p in paths if kind_of(p) is None or not p.is_file()]
    for path in refused:
        log.warning("refused to open %s (%s)", path, "not a file" if not path.is_file() else "unknown kind")
    if refused:
        msgbox.warning(
            window,
            tr("打开文件"),
            tr("不能打开这些文件（只能打开数据库 .db、通知 .docx/.pdf/.txt/.html、报回的表格 .xlsx）：")
            + "\n"
            + "\n".join(f"{p.name}{'' if p.is_file() else tr('（文件不存在）')}" for p in refused),
        )
    usable = [p for p in paths if p not in refused]
    databases = [p for p in usable if kind_of(p) == "database"]
    if databases:
        from ui.shell import file_menu

        file_menu.open_path(window, databases[0])  # one database at a time: the first one
    for path in (p for p in usable if kind_of(p) == "notice"):
        open_notice(window, path)
    forms = [p for p in usable if kind_of(p) == "forms"]
    if forms:
        open_forms(window, forms)


def _campaign_or_say(window, what: str) -> dict | None:
    from ui.common import msgbox

    if window.campaign is None:
        msgbox.warning(window, what, tr("当前数据库还没有活动：请先新建活动或载入演示数据，再打开这个文件。"))
    return window.campaign


def open_notice(window, path: Path) -> str | None:
    """The notice reader with *path* read in (its fields proposed); the id of the saved notice."""
    from ui.notices.confirm_dialog import NoticeConfirmDialog

    campaign = _campaign_or_say(window, tr("登记通知"))
    if campaign is None:
        return None
    window.show_tab("notices")
    dialog = NoticeConfirmDialog(window.store, campaign["id"], window)
    dialog.open_file(str(path))
    dialog.exec()
    if dialog.saved_id:
        window.refresh()
    return dialog.saved_id


def open_forms(window, paths: list[Path]) -> bool:
    """Returned forms: the liaison import for the app's liaison forms, the statistics import for the others."""
    campaign = _campaign_or_say(window, tr("导入报回的表格"))
    if campaign is None:
        return False
    liaison = [p for p in paths if is_liaison_form(p)]
    stats = [p for p in paths if p not in liaison]
    if liaison:
        window.show_tab("liaisons")
        window.tab_pages["liaisons"].import_forms([str(p) for p in liaison])
    if stats:
        from PySide6.QtWidgets import QDialog

        from ui.progress.import_dialog import ImportDialog

        window.show_tab("progress")
        page = window.tab_pages["progress"]
        dialog = ImportDialog(window, window.store, campaign, page.period, [str(p) for p in stats])
        if dialog.exec() == QDialog.DialogCode.Accepted:
            window.refresh()
    return True


def open_when_ready(window, path: str | None) -> None:
    """Open the file named on the command line once the window shows its data."""
    if not path:
        return
    from PySide6.QtCore import QTimer

    def go() -> None:
        window.ready.disconnect(go)
        QTimer.singleShot(0, lambda: open_files(window, [path]))

    if window.fill_pending:
        window.ready.connect(go)
    else:
        QTimer.singleShot(0, lambda: open_files(window, [path]))


def split_argument(db: str | None, path: str | None) -> tuple[str | None, str | None | bool]:
    """The database to open and the document to open after it, from --db and the file argument.

    A database named as the file replaces --db; any other file is opened once the window shows. False as
    the document means the file cannot be opened (the reason is shown, the app exits).
    """
    from ui.common import msgbox

    if not path:
        return db, None
    kind = kind_of(path)
    if not Path(path).is_file() or kind is None:
        why = tr("文件不存在") if not Path(path).is_file() else tr("不是本程序能打开的文件类型")
        log.warning("refused the file argument %s: %s", path, why)
        msgbox.warning(None, tr("打开文件"), tr("{0}：{1}").format(why, path))
        return db, False
    if kind == "database":
        return path, None
    return db, path
