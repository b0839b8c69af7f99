"""A scripted clerk for the real window, offscreen: starts it as main.py does and drives it by what it shows.

The window is found and worked through what a clerk sees — tab titles, button and menu texts, a label's
buddy, the table on screen, the keyboard — never through the app's internals, so the bench keeps working
while their insides change.  System dialogs are answered the way a clerk would: file dialogs return the
path the script chose (``Clerk.answer``), the print dialog prints to a PDF file, message boxes never block.

A script is a generator stepped by a 5 ms timer, so it goes on while a modal dialog runs its own event
loop: it yields a condition (``until(...)``) or a pause in seconds, and does its clicks through
``later(...)`` (a click that opens a modal dialog does not return until that dialog closes).
"""

from __future__ import annotations

import os
import re
import sys
import threading
import time
import traceback
from collections.abc import Callable, Generator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QTableView,
    QTabWidget,
    QWidget,
)

from bench.heartbeat import progress_dialog_visible  # noqa: E402

Script = Generator


def plain(text: str) -> str:
    """A widget's text as read: without accelerators (&X, (&X)) and the trailing ellipsis."""
    return re.sub(r"\((?:&)?\w\)", "", text).replace("&", "").replace("…", "").strip()


def peak_mb() -> float:
    """This process's peak resident memory (VmHWM), MB."""
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024


def working_threads() -> int:
    """Threads besides the GUI thread that may be doing the clerk's work.

    A process pool's own threads (multiprocessing, concurrent.futures) stay alive, waiting, after the
    action that started the pool; they are not counted (its work ends inside the call that used it).
    """
    count = 0
    for thread in threading.enumerate():
        target = getattr(thread, "_target", None)
        module = getattr(target, "__module__", None) or type(thread).__module__
        if thread is not threading.main_thread() and not module.startswith(("multiprocessing", "concurrent.futures")):
            count += 1
    return count


def end_process(code: int = 0) -> None:
    """Leave at once (no close-time backup, no teardown), and take the app's reader processes along."""
    import multiprocessing

    for child in multiprocessing.active_children():  # a form reader pool would outlive us and hold our pipes
        child.terminate()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


class Call:
    """One call made from the event loop (``later``): when it started, whether it has returned, its error."""

    def __init__(self, fn: Callable[[], object]):
        self.fn, self.started, self.returned, self.error = fn, None, False, None
        QTimer.singleShot(0, self._run)

    def _run(self) -> None:
        self.started = time.perf_counter()
        try:
            self.fn()
        except Exception as exc:  # noqa: BLE001 - told by the script's result, not fatal
            self.error = f"{type(exc).__name__}: {exc}"
            traceback.print_exc()
        self.returned = True


def later(fn: Callable[[], object]) -> Call:
    return Call(fn)


class Wait:
    def __init__(self, test: Callable[[], bool], timeout: float, what: str):
        self.test, self.deadline, self.what = test, time.perf_counter() + timeout, what


def until(test: Callable[[], bool], timeout: float = 120.0, what: str = "") -> Wait:
    return Wait(test, timeout, what or getattr(test, "__name__", "condition"))


class Clerk:
    """Runs one script against the window started by main.py; see the module's docstring."""

    def __init__(self):
        self.answers: list[str] = []  # what the next file dialogs return, in order
        self.pdf_out: Path | None = None  # where the print dialog "prints"
        self.base_threads = 1
        self.window: QMainWindow | None = None
        self._script: Script | None = None
        self._wait: Wait | float | None = None
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._step)
        # A timer of its own: Qt never fires a timer again while its slot runs, so a dialog opened inside a
        # step (its exec() nested in the step's timer) is seen only by another timer.
        self._watchdog = QTimer()
        self._watchdog.setInterval(500)
        self._watchdog.timeout.connect(self._stuck_in_dialog)
        self.failure: str | None = None
        self.unexpected: list[str] = []  # dialogs a step opened and nobody answered (see _stuck_in_dialog)
        self._step_started: float | None = None

    # -- answers to the system dialogs ----------------------------------------
    def patch_dialogs(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter
        from PySide6.QtWidgets import QFileDialog

        from ui.common import msgbox

        msgbox.ANSWERS = []  # a message is listed in msgbox.SHOWN, a question takes the script's answers
        clerk = self

        def one(*_args, **_kw):
            return (clerk.answers.pop(0) if clerk.answers else "", "")

        def many(*_args, **_kw):
            return ([clerk.answers.pop(0)] if clerk.answers else [], "")

        def folder(*_args, **_kw):
            return clerk.answers.pop(0) if clerk.answers else ""

        QFileDialog.getOpenFileName = staticmethod(one)
        QFileDialog.getSaveFileName = staticmethod(one)
        QFileDialog.getOpenFileNames = staticmethod(many)
        QFileDialog.getExistingDirectory = staticmethod(folder)

        def print_to_pdf(dialog) -> int:
            printer = dialog.printer()
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(clerk.pdf_out))
            return QDialog.DialogCode.Accepted

        QPrintDialog.exec = print_to_pdf

    # -- running a script -------------------------------------------------------
    def run(self, argv: list[str], script: Callable[[Clerk], Script]) -> int:
        """Start the app as main.py does with *argv*, run *script* once its window shows; returns when it ends."""
        import main

        QApplication.instance() or QApplication([sys.argv[0]])
        self.patch_dialogs()

        def begin() -> None:
            self._script = script(self)
            self._timer.start()
            self._watchdog.start()

        QTimer.singleShot(0, begin)
        return main.run_gui(argv)

    def _step(self) -> None:
        if self._script is None:  # a step is running (entered again from an event loop it runs)
            return
        wait = self._wait
        if isinstance(wait, Wait):
            try:
                done = wait.test()
            except Exception as exc:  # noqa: BLE001
                return self._resume(error=f"{type(exc).__name__}: {exc}")
            if not done:
                if time.perf_counter() > wait.deadline:
                    return self._resume(error=f"gave up waiting for {wait.what}")
                return None
        elif isinstance(wait, float) and time.perf_counter() < wait:
            return None
        return self._resume()

    def _stuck_in_dialog(self) -> None:
        """A step that opened a dialog nobody answers (its exec() runs the event loop): after 10 s, say what
        it asked and close it, so that a run ends with a reason instead of waiting for ever."""
        if self._script is not None or self._step_started is None or time.perf_counter() - self._step_started < 10:
            return
        dialog = self.modal()
        if dialog is None:
            return
        texts = [plain(label.text()) for label in dialog.findChildren(QLabel) if label.text()]
        self.unexpected.append(f"{dialog.windowTitle()}: {' / '.join(texts)[:300]}")
        print(f"bench: a step waited on a dialog, closed it: {self.unexpected[-1]}", file=sys.stderr)
        dialog.reject()

    def _resume(self, error: str | None = None) -> None:
        script, self._script = self._script, None  # not re-entered while a step runs
        self._step_started = time.perf_counter()
        try:
            wanted = script.throw(TimeoutError(error)) if error else next(script)
        except StopIteration:
            self._stop()
            return
        except BaseException as exc:  # noqa: BLE001 - the script broke: say why and end
            self.failure = f"{type(exc).__name__}: {exc}"
            traceback.print_exc()
            self._stop()
            return
        self._wait = time.perf_counter() + wanted if isinstance(wanted, int | float) else wanted
        self._script, self._step_started = script, None
        if self.unexpected and self.failure is None:
            self.failure = f"unexpected dialog: {self.unexpected[0]}"

    def _stop(self) -> None:
        self._timer.stop()
        self._watchdog.stop()
        QApplication.instance().quit()

    # -- what the clerk sees ----------------------------------------------------
    def main_window(self) -> QMainWindow | None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMainWindow) and widget.isVisible():
                return widget
        return None

    def window_shown(self) -> bool:
        self.window = self.main_window()
        return self.window is not None and self.tab_widget(self.window, "每周进展") is not None

    @staticmethod
    def tab_widget(root: QWidget, title: str) -> QTabWidget | None:
        for tabs in root.findChildren(QTabWidget):
            if any(plain(tabs.tabText(i)) == title for i in range(tabs.count())):
                return tabs
        return None

    def show_tab(self, root: QWidget, title: str) -> None:
        tabs = self.tab_widget(root, title)
        if tabs is None:
            raise LookupError(f"no tab {title}")
        tabs.setCurrentIndex(next(i for i in range(tabs.count()) if plain(tabs.tabText(i)) == title))

    def page(self, title: str) -> QWidget:
        tabs = self.tab_widget(self.window, title)
        return tabs.widget(next(i for i in range(tabs.count()) if plain(tabs.tabText(i)) == title))

    @staticmethod
    def button(root: QWidget, text: str) -> QAbstractButton:
        """The visible button reading *text* (else the first that begins with it: 打印 is not 打印预览)."""
        shown = [b for b in root.findChildren(QAbstractButton) if b.isVisible()]
        for button in [b for b in shown if plain(b.text()) == text] + shown:
            if plain(button.text()).startswith(text):
                return button
        raise LookupError(f"no button {text}")

    @staticmethod
    def buddy_of(root: QWidget, label: str) -> QWidget:
        for widget in root.findChildren(QLabel):
            if plain(widget.text()).startswith(label) and widget.buddy() is not None:
                return widget.buddy()
        raise LookupError(f"no field labelled {label}")

    def menu_action(self, menu: str, entry: str):
        for top in self.window.menuBar().actions():
            if plain(top.text()) == menu and top.menu() is not None:
                for action in top.menu().actions():
                    if plain(action.text()).startswith(entry):
                        return action
        raise LookupError(f"no menu entry {menu} ▸ {entry}")

    @staticmethod
    def visible_table(root: QWidget, min_rows: int = 1) -> QTableView:
        views = [v for v in root.findChildren(QTableView) if v.isVisible() and v.model() is not None]
        views = [v for v in views if v.model().rowCount() >= min_rows]
        if not views:
            raise LookupError("no table on screen")
        return max(views, key=lambda v: v.model().rowCount() * v.model().columnCount())

    @staticmethod
    def modal(kind: type | None = None) -> QWidget | None:
        """The dialog the clerk is asked to answer (a progress dialog is not one)."""
        from PySide6.QtWidgets import QProgressDialog

        candidates = [QApplication.activeModalWidget(), *QApplication.topLevelWidgets()]
        for widget in candidates:  # offscreen, the active one is not always set
            if isinstance(widget, QDialog) and not isinstance(widget, QProgressDialog) and widget.isVisible():
                if (widget.isModal() or widget is candidates[0]) and (kind is None or isinstance(widget, kind)):
                    return widget
        return None

    def dismiss(self) -> Script:
        """Close what is left open after a failed step (the clerk presses 取消)."""
        for _ in range(3):
            dialog = self.modal()
            if dialog is None:
                return
            dialog.reject()
            yield 0.3

    # -- waiting -----------------------------------------------------------------
    def idle(self) -> bool:
        """No worker thread, no progress dialog, no busy cursor: the clerk's action is over."""
        return (
            working_threads() <= self.base_threads
            and not progress_dialog_visible()
            and QApplication.overrideCursor() is None
        )

    @staticmethod
    def settle() -> None:
        """Deliver what the action posted (a refresh queued with a 0 ms timer, the repaint)."""
        app = QApplication.instance()
        for _ in range(3):
            app.sendPostedEvents()
            app.processEvents()

    def timed(self, fn: Callable[[], object], into: list) -> Script:
        """Call *fn* from this step, wait until the window is idle and repainted; append the seconds to *into*."""
        started = time.perf_counter()
        fn()
        if not self.idle():
            yield until(self.idle, what="the action's end")
        self.settle()
        into.append(time.perf_counter() - started)

    def start_session(self) -> Script:
        """Wait for the window with its data; dismiss what a first start asks; wait for background work."""
        yield until(self.window_shown, what="the main window")
        yield until(lambda: not getattr(self.window, "fill_pending", False), what="the first tab's data")
        yield 0.3
        yield from self.dismiss()
        deadline = time.perf_counter() + 120
        while working_threads() > 0 and time.perf_counter() < deadline:
            yield 0.1
        # What the whole-file check asks when it ends (本单位 of a file that never said it) opens between steps,
        # not inside the settling below; the clerk dismisses it as the first start's other questions.
        yield 0.3
        yield from self.dismiss()
        self.base_threads = working_threads()
        self.settle()
