"""The app's version, in one place (shown in 帮助 ▸ 关于, written into exchange files)."""

APP_NAME = "安全生产月工作台"
APP_NAME_EN = "Safety Month Desk"
APP_VERSION = "0.1.0"
