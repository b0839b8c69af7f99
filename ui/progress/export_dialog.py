"""Exporting the filled statistics table (own layout or a received template) and the blank forms."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from models.campaigns.layouts import header_text, list_indicators
from models.campaigns.periods import list_periods
from models.progress.forms.export import remembered_mapping, template_columns
from models.progress.statistics import export_statistics
from ui.common import file_dialogs, msgbox, operation
from ui.common.path_row import path_row


class ExportDialog(QDialog):
    """Week or cumulative; optional template, whose unmatched columns the clerk maps once."""

    def __init__(self, parent: QWidget | None, store, campaign: dict, period: dict | None):
        super().__init__(parent)
        self.store, self.campaign = store, campaign
        self.indicators = list_indicators(store, campaign["id"])
        self.report: dict | None = None
        self.setWindowTitle(self.tr("导出进展情况统计表"))
        self.resize(620, 300)
        self.week = QComboBox(self)
        for p in list_periods(store, campaign["id"]):
            self.week.addItem(p["label"], p)
        if period:
            self.week.setCurrentIndex(period["seq"] - 1)
        self.one_week = QRadioButton(self.tr("一周"), self)
        self.cumulative = QRadioButton(self.tr("累计（截至所选周）"), self)
        self.one_week.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.one_week)
        group.addButton(self.cumulative)
        kind = QHBoxLayout()
        kind.addWidget(self.one_week)
        kind.addWidget(self.cumulative)
        kind.addWidget(self.week, 1)
        self.by_parent = QCheckBox(self.tr("按上级单位汇总（每个镇或区一行，村、社区计入其中）"), self)
        self.template = QLineEdit(self)
        self.template.setPlaceholderText(self.tr("留空：使用本程序的格式"))
        self.template.setText(last_template())  # the template used last time, while it still exists
        self.template.editingFinished.connect(self.inspect_template)
        self.target = QLineEdit(self)
        self.mapping_form = QFormLayout()
        self.mapping_boxes: dict[str, QComboBox] = {}
        form = QFormLayout(self)
        form.addRow(self.tr("统计范围："), kind)
        form.addRow("", self.by_parent)
        form.addRow(self.tr("填写模板："), path_row(self, self.template, self.tr("选择…"), self.choose_template))
        form.addRow(self.tr("保存为："), path_row(self, self.target, self.tr("选择…"), self.choose_target))
        form.addRow(self.mapping_form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def choose_template(self) -> None:
        name = file_dialogs.open_file(self, file_dialogs.TEMPLATE, self.tr("选择收到的空白统计表"), "Excel (*.xlsx)")
        if name:
            self.template.setText(name)
            self.inspect_template()

    def choose_target(self) -> None:
        period = self.week.currentData()
        default = (
            f"{self.campaign['year']}年进展统计表_{'累计' if self.cumulative.isChecked() else period['label']}.xlsx"
        )
        name = file_dialogs.save_file(self, file_dialogs.EXPORT, self.tr("保存统计表"), default, "Excel (*.xlsx)")
        if name:
            self.target.setText(name)

    def inspect_template(self) -> None:
        """List the template columns that match no indicator, each with a choice of indicator."""
        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        self.mapping_boxes = {}
        path = self.template.text().strip()
        if not path:
            return
        read = operation.quick(
            self, lambda: template_columns(path, self.indicators, remembered_mapping(self.store, self.campaign["id"]))
        )
        if not read.ok:
            return
        found = read.value
        if found["unmatched"]:
            self.mapping_form.addRow(QLabel(self.tr("模板中这些栏目对不上指标，请指定（只需一次）："), self))
        for text in found["unmatched"]:
            box = QComboBox(self)
            box.addItem(self.tr("（不填写）"), None)
            for indicator in self.indicators:
                box.addItem(header_text(indicator), indicator["id"])
            self.mapping_boxes[text] = box
            self.mapping_form.addRow(text, box)

    def accept(self) -> None:
        target = self.target.text().strip()
        if not target:
            msgbox.warning(self, self.windowTitle(), self.tr("请选择保存位置。"))
            return
        template = self.template.text().strip()
        remember_template(template)
        chosen = {text: box.currentData() for text, box in self.mapping_boxes.items() if box.currentData()}
        week, cumulative, template = self.week.currentData()["seq"], self.cumulative.isChecked(), template or None
        by_parent = self.by_parent.isChecked()
        done = operation.run(
            self,
            self.windowTitle(),
            lambda store, _: export_statistics(
                store,
                self.campaign,
                target,
                week=week,
                cumulative=cumulative,
                template=template,
                mapping=chosen,
                by_parent=by_parent,
            ),
            store=self.store,
            write=bool(chosen),
        )
        if not done.ok:
            return
        self.report = done.value
        text = self.tr("已导出 {0} 个单位：{1}").format(self.report["rows"], target)
        if self.report["unmatched_columns"]:
            text += "\n" + self.tr("未填写的模板栏目：") + "、".join(self.report["unmatched_columns"])
        if self.report["unplaced_units"]:
            text += "\n" + self.tr("模板中没有空行，未写入：") + "、".join(self.report["unplaced_units"])
        if self.report.get("empty_rows"):
            text += "\n" + self.tr("模板中预印了但没有数据的行：") + "、".join(self.report["empty_rows"])
        msgbox.information(self, self.windowTitle(), text)
        super().accept()

    @classmethod
    def ask(cls, parent, store, campaign: dict, period: dict | None) -> bool:
        return cls(parent, store, campaign, period).exec() == QDialog.DialogCode.Accepted


TEMPLATE_SETTING = "dialogs/stats_template"


def last_template() -> str:
    from pathlib import Path

    from ui.common import settings

    path = settings.get(settings.Setting(TEMPLATE_SETTING, "", str))
    return path if path and Path(path).is_file() else ""


def remember_template(path: str) -> None:
    from ui.common import settings

    settings.put(settings.Setting(TEMPLATE_SETTING, "", str), path)


def tr(text: str) -> str:
    return QCoreApplication.translate("export_dialog", text)


def save_blank_forms(parent: QWidget, store, campaign: dict, period: dict | None) -> list:
    """Ask for a folder and write one blank form per unit for the chosen week."""
    from models.progress.forms.blank import write_blank_forms

    if not period:
        return []
    folder = file_dialogs.folder(parent, file_dialogs.FORMS, tr("空白表保存到文件夹"))
    if not folder:
        return []
    done = operation.run(  # a city's 3,000 forms take a while: on a worker, with the busy dialog
        parent,
        tr("生成空白表"),
        lambda own, _progress: write_blank_forms(own, campaign, period, folder),
        store=store,
        success=lambda files: tr("已为 {0} 个单位生成{1}的空白表。").format(len(files), period["label"]),
    )
    return done.value if done.ok else []
