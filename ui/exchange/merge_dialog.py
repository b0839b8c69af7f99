"""The merge preview: what another office's file adds and changes, the unit matches to confirm or
change, and a decision per conflict."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.exchange.merge import summary_lines
from ui.common import operation
from ui.exchange.merge_models import ConflictModel, UnitChoiceDelegate, UnitMatchModel


class MergeChoice(NamedTuple):
    """What the clerk confirmed: a decision per conflict, and the unit matches changed by hand."""

    decisions: dict[str, str]
    unit_choices: dict[str, str | None]


class MergeDialog(QDialog):
    """Build with a plan from a MergeSession; changing a unit match re-stages through *restage*
    (their unit id → ours or None, for the rows changed) and shows the new plan.  accept() confirms."""

    def __init__(self, plan: dict, parent: QWidget | None = None, *, our_units=(), restage=None):
        super().__init__(parent)
        self.plan = plan
        self.restage = restage
        self.setWindowTitle(self.tr("导入合并：预览"))
        self.resize(980, 640)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.units = UnitMatchModel(plan.get("unit_matches", []), list(our_units), self)
        self.units.changed.connect(self._restage)
        self.unit_view = QTableView(self)
        self.unit_view.setModel(self.units)
        self.unit_view.setItemDelegateForColumn(1, UnitChoiceDelegate(list(our_units), self.unit_view))
        self.unit_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.unit_view.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((280, 320)):
            self.unit_view.setColumnWidth(column, width)
        if self.units.rowCount():
            layout.addWidget(
                QLabel(self.tr("对方文件中本机没有的单位（同名的已对应；双击“本机的单位”可更改）："), self)
            )
            layout.addWidget(self.unit_view, 1)
        else:
            self.unit_view.hide()
        self.model = ConflictModel(plan["conflicts"], self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((70, 260, 80, 110, 110, 250)):
            self.view.setColumnWidth(column, width)
        self.conflict_label = QLabel(self.tr("下面的记录两边都改过，请逐条决定（默认保留本机）："), self)
        layout.addWidget(self.conflict_label)
        layout.addWidget(self.view, 2)
        row = QHBoxLayout()
        self.mine_button = QPushButton(self.tr("全部保留本机(&K)"), self)
        self.mine_button.clicked.connect(lambda: self.model.set_all(False))
        self.theirs_button = QPushButton(self.tr("全部采用对方(&T)"), self)
        self.theirs_button.clicked.connect(lambda: self.model.set_all(True))
        row.addWidget(self.mine_button)
        row.addWidget(self.theirs_button)
        row.addStretch(1)
        layout.addLayout(row)
        note = QLabel(self.tr("合并前会自动备份；合并后可用“编辑 ▸ 撤销”撤回整次合并。"), self)
        layout.addWidget(note)
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton(self.tr("合并(&M)"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("取消"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._staged_choices: dict[str, str | None] = {}
        self._show_plan(plan)

    def _show_plan(self, plan: dict) -> None:
        self.plan = plan
        self.summary.setText("\n".join(summary_lines(plan)))
        shown = bool(plan["conflicts"])
        for widget in (self.conflict_label, self.view, self.mine_button, self.theirs_button):
            widget.setVisible(shown)

    def _restage(self) -> None:
        """A match changed: the preview is staged again (from the same private copy) and shown anew."""
        if self.restage is None:
            return
        chosen = dict(self.units.chosen)
        done = operation.quick(self, lambda: self.restage(chosen))  # e.g. two of theirs on one of ours: said
        plan = done.value if done.ok else None
        if plan is None:  # refused (already said) or cancelled: the match is undone
            self.units.chosen = dict(self._staged_choices)
            self.units.set_rows(self.plan.get("unit_matches", []))
            return
        self._staged_choices = dict(self.units.chosen)
        self.model.set_conflicts(plan["conflicts"])
        self._show_plan(plan)

    def decisions(self) -> dict[str, str]:
        return self.model.decisions()

    def choice(self) -> MergeChoice:
        return MergeChoice(self.model.decisions(), dict(self.units.chosen))

    @classmethod
    def ask(cls, parent, plan: dict, *, our_units=(), restage=None) -> MergeChoice | None:
        """Show the preview; what the clerk confirmed, or None if cancelled."""
        dialog = cls(plan, parent, our_units=our_units, restage=restage)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()
