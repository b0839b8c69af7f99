"""File ▸ 给下级单位一份起始文件: ask who gets it and where to save it, then write it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog

from models.campaigns.units import list_units
from ui.common import operation

FILE_FILTER = "安全生产月工作台数据库 (*.db *.sqlite);;所有文件 (*)"


def tr(text: str) -> str:
    return QCoreApplication.translate("starter_dialog", text)


def _ask_recipient(window) -> str | None:
    """The recipient's name: one of the units (towns first) or typed in."""
    units = list_units(window.store, include_inactive=False)
    names = [u["name"] for u in units if u["category"] == "镇/街道"] + [
        u["name"] for u in units if u["category"] != "镇/街道"
    ]
    name, ok = QInputDialog.getItem(
        window,
        tr("给下级单位一份起始文件"),
        tr("接收单位（作为起始文件的“本单位”；可直接输入）："),
        names,
        0,
        True,
    )
    return name if ok else None


def give_starter(window, recipient: str | None = None, target: Path | None = None) -> Path | None:
    """Write a starter file for a town or department; returns its path, or None if cancelled or refused."""
    if recipient is None:
        recipient = _ask_recipient(window)
        if recipient is None:
            return None
    if target is None:
        from PySide6.QtWidgets import QFileDialog

        suggested = f"{recipient.strip() or '下级单位'}-起始文件.db"
        name, _ = QFileDialog.getSaveFileName(window, tr("保存起始文件"), suggested, FILE_FILTER)
        if not name:
            return None
        target = Path(name)
    from models.exchange.starter import make_starter  # loaded when asked for, not at start-up

    done = operation.run(
        window,
        tr("给下级单位一份起始文件"),
        lambda store, _: make_starter(store, Path(target), recipient),
        store=window.store,
        success_title=tr("起始文件已保存"),
        success=lambda info: tr(
            "已保存给“{0}”的起始文件：\n{1}\n\n其中有活动、单位 {2} 个、统计指标和通知，不含各单位已报的数据。"
            "对方以“{0}”为本单位填报，交回的文件将作为该单位的文件合并。"
        ).format(info["office_name"], target, info["counts"]["units"]),
    )
    return Path(target) if done.ok else None
