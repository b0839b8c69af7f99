"""The log file: refused inputs and warnings are written too, unexpected errors with their traceback, and the
file is rotated (it never grows without end)."""

from __future__ import annotations

import logging
import sys
import threading

import pytest

from models.errors import ValidationError
from ui.common import errors, logs, msgbox

pytestmark = pytest.mark.gui


@pytest.fixture
def log_file(tmp_path, monkeypatch):
    path = tmp_path / "data" / "error.log"
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # the hooks installed here go away after the test
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    yield path
    logs.stop_logging(path)


def test_a_refused_input_is_logged_with_what_the_clerk_saw(log_file, qapp):
    errors.install_excepthook(log_file)
    errors.show_exception(None, ValidationError("手机号码应为11位数字。", "联络员名单.xlsx 第3行"))
    assert "手机号码应为11位数字" in msgbox.SHOWN[-1][1]
    text = log_file.read_text(encoding="utf-8")
    assert "WARNING" in text and "手机号码应为11位数字" in text and "联络员名单.xlsx 第3行" in text


def test_an_unexpected_error_is_logged_with_its_traceback_and_shown_plainly(log_file, qapp):
    errors.install_excepthook(log_file)
    try:
        {}["没有这个键"]
    except KeyError:
        sys.excepthook(*sys.exc_info())
    title, text = msgbox.SHOWN[-1]
    assert title == "程序出错" and str(log_file) in text and "Traceback" not in text
    logged = log_file.read_text(encoding="utf-8")
    assert "ERROR" in logged and "Traceback" in logged and "KeyError" in logged


def test_a_background_threads_error_is_logged_not_printed(log_file, qapp, capfd):
    errors.install_excepthook(log_file)

    def fails():
        {}["没有这个键"]

    worker = threading.Thread(target=fails, name="close-time backup")
    worker.start()
    worker.join()
    assert capfd.readouterr().err == ""
    logged = log_file.read_text(encoding="utf-8")
    assert "close-time backup" in logged and "Traceback" in logged and "KeyError" in logged


def test_the_log_is_rotated(log_file, monkeypatch):
    monkeypatch.setattr(logs, "MAX_BYTES", 2000)
    logs.setup_logging(log_file)
    for n in range(400):
        logging.getLogger("ui.test").warning("第 %d 次拒绝：文件格式不对", n)
    kept = sorted(p.name for p in log_file.parent.iterdir())
    assert kept == ["error.log", "error.log.1", "error.log.2", "error.log.3"]
    assert all(p.stat().st_size <= 2200 for p in log_file.parent.iterdir())
    assert "第 399 次拒绝" in log_file.read_text(encoding="utf-8")


def test_a_folder_that_cannot_be_written_does_not_stop_the_app(tmp_path):
    blocker = tmp_path / "文件"
    blocker.write_text("x")
    assert logs.setup_logging(blocker / "error.log") is None
