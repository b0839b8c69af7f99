"""The panel a brand-new user sees: what the app is for and what to do first."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePanel(QWidget):
    demo_requested = Signal()
    campaign_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        title = QLabel(self.tr("欢迎使用安全生产月工作台"), self)
        title.setStyleSheet("font-size: 20pt; font-weight: bold;")
        text = QLabel(
            self.tr(
                "这个数据库里还没有任何活动。\n\n"
                "您可以：\n"
                "  1. 载入演示数据，看看一年的工作在这里是什么样子（麒麟区2021年、昆明市2022年两份真实通知）；\n"
                "  2. 新建本年度的“安全生产月”活动，登记上级通知，整理联络员名单；\n"
                "  3. 通过“文件 ▸ 导入合并”导入其他单位用U盘送来的数据文件。\n\n"
                "所有修改都会立即保存，可随时用“编辑 ▸ 撤销”(Ctrl+Z) 撤回。"
            ),
            self,
        )
        text.setWordWrap(True)
        # A wrapped label in a centred layout gets its unwrapped height: fix its width and the height that needs.
        text.setFixedWidth(640)
        text.setMinimumHeight(text.heightForWidth(640))
        self.demo_button = QPushButton(self.tr("载入演示数据"), self)
        self.demo_button.clicked.connect(self.demo_requested)
        self.campaign_button = QPushButton(self.tr("新建活动…"), self)
        self.campaign_button.clicked.connect(self.campaign_requested)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (title, text, self.demo_button, self.campaign_button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
