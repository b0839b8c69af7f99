"""Creating a campaign: year, title, theme, period, companion campaign; copy from an earlier year."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from models.campaigns.campaign import list_campaigns
from models.clock import today
from models.new_campaign import create_campaign
from ui.common import operation


class CampaignDialog(QDialog):
    def __init__(self, parent: QWidget | None, store):
        super().__init__(parent)
        self.store = store
        self.created_year: int | None = None
        self.setWindowTitle(self.tr("新建活动"))
        years = [c["year"] for c in list_campaigns(store)]
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setValue(max([today().year, *[y + 1 for y in years]]))
        self.title = QLineEdit(self)
        self.title.setPlaceholderText(self.tr("默认：YYYY年“安全生产月”活动"))
        self.theme = QLineEdit(self)
        self.start = QLineEdit(self)
        self.start.setPlaceholderText(self.tr("默认 6 月 1 日，如 2023-06-01"))
        self.end = QLineEdit(self)
        self.end.setPlaceholderText(self.tr("默认 6 月 30 日"))
        self.companion = QLineEdit(self)
        self.companion.setPlaceholderText(self.tr("如 安全生产万里行"))
        self.companion_end = QLineEdit(self)
        self.copy_from = QComboBox(self)
        self.copy_from.addItem(self.tr("不复制（使用默认指标表）"), None)
        for year in years:
            self.copy_from.addItem(self.tr("从 {0} 年复制单位、联络员和指标表").format(year), year)
        if years:
            self.copy_from.setCurrentIndex(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        for label, widget in (
            (self.tr("年份："), self.year),
            (self.tr("活动名称："), self.title),
            (self.tr("主题："), self.theme),
            (self.tr("开始日期："), self.start),
            (self.tr("结束日期："), self.end),
            (self.tr("同期活动："), self.companion),
            (self.tr("同期活动结束日期："), self.companion_end),
            (self.tr("复制："), self.copy_from),
        ):
            form.addRow(label, widget)
        form.addRow(buttons)

    def accept(self) -> None:
        year = self.year.value()
        fields = {
            "title": self.title.text(),
            "theme": self.theme.text().strip() or None,
            "start_date": self.start.text().strip() or None,
            "end_date": self.end.text().strip() or None,
            "companion_title": self.companion.text().strip() or None,
            "companion_end_date": self.companion_end.text().strip() or None,
            "copy_from": self.copy_from.currentData(),
        }

        # a copy of a city's campaign (3,000 units, their liaisons) takes seconds: on a worker
        def make(store, _progress):
            return create_campaign(store, year, **fields)

        if not operation.run(self, self.tr("新建活动"), make, store=self.store, write=True, cancellable=False).ok:
            return  # the dialog stays open to correct it
        self.created_year = self.year.value()
        super().accept()

    @classmethod
    def ask(cls, parent, store) -> int | None:
        dialog = cls(parent, store)
        return dialog.created_year if dialog.exec() == QDialog.DialogCode.Accepted else None
