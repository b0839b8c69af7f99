"""The one operation runner: a core verb on a worker thread, with progress, a busy cursor, one error path.

``run(parent, title, work, store=…)`` calls ``work(store, progress)`` on a worker thread and waits in a
local event loop, so the window keeps painting and answering (no "not responding").  SQLite connections
belong to one thread: the worker gets its own connection to the same file (read-only unless
``write=True``); the window's own Store is not used meanwhile, and the progress dialog is modal, so the
clerk cannot start a second write.  A store without a file (in memory) runs on the GUI thread.
``quick(parent, work)`` is the same path for an action too short for a worker; ``paced(parent, title, steps)``
for work that must stay on the GUI thread (painting pages on a printer), one short step at a time.

``progress(done, total, text)`` updates the dialog (it shows after 0.5 s, per file or step); its 取消 button
appears with the first call, and once pressed the next call raises :class:`Cancelled`, so a verb is cancelled
only where it reports progress, and a write inside ``store.batch`` is rolled back whole.  Errors of any kind end in
``errors.show_exception``; a success message is shown if one is given.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from models.errors import DeskError
from ui.common import errors, msgbox

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressDialog

SHOW_AFTER_MS = 500
SWITCH_INTERVAL_S = 0.001


class Cancelled(DeskError):
    """The clerk cancelled; nothing was written (a batch rolls back)."""

    def __init__(self) -> None:
        super().__init__("操作已取消，数据未改动。")


class Outcome:
    """What a verb gave: ok and its value, or cancelled, or the error shown.  (Not a dataclass: importing
    dataclasses cost ≈2 ms before the first paint, where quick() opens the file.)"""

    __slots__ = ("ok", "value", "cancelled", "error")

    def __init__(self, ok: bool, value: Any = None, cancelled: bool = False, error: BaseException | None = None):
        self.ok, self.value, self.cancelled, self.error = ok, value, cancelled, error

    def __repr__(self) -> str:
        return f"Outcome(ok={self.ok!r}, value={self.value!r}, cancelled={self.cancelled!r}, error={self.error!r})"


class _Bridge(QObject):
    step = Signal(int, int, str)
    finished = Signal()


def tr(text: str) -> str:
    return QCoreApplication.translate("operation", text)


def own_store(store, write: bool):
    """A connection of the worker's own to the same file, or None to run on the GUI thread.

    For a use case spread over several runs (the merge: preview, the clerk's choices, apply), the caller
    opens one here, hands it to each run's work itself (``store=None``) and closes it at the end."""
    if store is None or getattr(store, "path", None) is None:
        return None
    from models.store.database import open_file

    # A window opened read-only never gets a worker that writes (the write fails as it would in the window).
    return open_file(store.path, readonly=not write or store.readonly)


_collection = {"holds": 0, "was_on": True, "timer": None}
COLLECT_EVERY_MS = 250


def hold_collection() -> None:
    """No cyclic garbage collection until the matching :func:`release_collection` (GUI thread only; nested holds
    count): for the time a thread of ours runs Python beside the window (see :func:`run`)."""
    if _collection["holds"] == 0:
        _collection["was_on"] = gc.isenabled()
        gc.disable()
    _collection["holds"] += 1


def release_collection() -> None:
    _collection["holds"] -= 1
    if _collection["holds"] == 0 and _collection["was_on"]:
        gc.enable()


def collect_on_this_thread(app) -> None:
    """Cyclic garbage collected only here, on the GUI thread, when no thread of ours runs (no hold).

    Python collects in whichever thread allocates past its threshold: a background thread (the backup at
    close, a merge's backup while the clerk reads the preview) then freed cycles holding the window's Qt
    objects on the wrong thread — SIGSEGV "Garbage-collecting" in that thread (bench/stalls.py, import group,
    3 of 3 runs).  So the automatic collector is off, and a timer of the GUI thread does its work with
    the same thresholds; a hold (a worker running) only delays it."""
    if _collection["timer"] is not None:
        return
    gc.disable()
    _collection["was_on"] = False
    timer = QTimer(app)
    timer.setInterval(COLLECT_EVERY_MS)
    timer.timeout.connect(_collect_due)
    timer.start()
    _collection["timer"] = timer


def stop_collecting() -> None:
    """Python's own collector back (tests; a process that ends its Qt application and goes on)."""
    timer, _collection["timer"] = _collection["timer"], None
    if timer is not None:
        timer.stop()
        timer.deleteLater()
        _collection["was_on"] = True
        if _collection["holds"] == 0:
            gc.enable()


def _collect_due() -> None:
    """The oldest generation past its threshold, as Python's own collector picks it (none while a hold lasts)."""
    if _collection["holds"]:
        return
    counts, thresholds = gc.get_count(), gc.get_threshold()
    due = [generation for generation in range(3) if counts[generation] > thresholds[generation]]
    if due:
        gc.collect(due[-1])


def _qt():
    """Qt's namespace, loaded on first use: it takes ≈27 ms to build, not before the window's first paint."""
    from PySide6.QtCore import Qt

    return Qt


def _dialog(parent: QWidget | None, title: str, label: str, cancellable: bool) -> QProgressDialog:
    """The one progress dialog: modal, shown after SHOW_AFTER_MS, 取消 where the action allows it."""
    modality = _qt().WindowModality
    from PySide6.QtWidgets import QProgressDialog  # (quick() opens the file before the first paint: no dialog)

    dialog = QProgressDialog(label or title, tr("取消") if cancellable else "", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(modality.WindowModal if parent else modality.ApplicationModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if not cancellable:
        dialog.setCancelButton(None)
    return dialog


def run(
    parent: QWidget | None,
    title: str,
    work: Callable[[Any, Callable[[int, int, str], None]], Any],
    *,
    store=None,
    write: bool = False,
    success: str | Callable[[Any], str | None] | None = None,
    success_title: str | None = None,
    cancellable: bool = True,
    label: str = "",
) -> Outcome:
    """Run ``work(store, progress)`` off the GUI thread; see the module's docstring."""
    cancel = threading.Event()
    box: dict[str, Any] = {}
    bridge = _Bridge()
    # 取消 appears once the verb reports progress: a verb that never does cannot stop, so no button promises it.
    dialog = _dialog(parent, title, label, False)
    dialog.canceled.connect(cancel.set)
    offered = [False]

    def progress(done: int, total: int, text: str = "") -> None:
        if cancel.is_set():
            raise Cancelled()
        bridge.step.emit(done, total, text)

    def on_step(done: int, total: int, text: str) -> None:
        if cancellable and not offered[0]:
            offered[0] = True
            dialog.setCancelButtonText(tr("取消"))
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        if text:
            dialog.setLabelText(text)

    def body() -> None:
        own = None
        try:
            own = own_store(store, write)
            box["value"] = work(own if own is not None else store, progress)
        except BaseException as exc:  # noqa: BLE001 - handed to the GUI thread, shown there
            box["error"] = exc
        finally:
            if own is not None:
                own.close()
            bridge.finished.emit()

    bridge.step.connect(on_step)
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()
    bridge.finished.connect(loop.quit)
    # QProgressDialog shows itself only from a setValue call: a verb that reports no step still gets its
    # dialog after SHOW_AFTER_MS (a busy bar), so the clerk always sees that something is under way.
    QTimer.singleShot(SHOW_AFTER_MS, loop, lambda: None if "value" in box or "error" in box else dialog.show())
    QApplication.setOverrideCursor(_qt().CursorShape.WaitCursor)
    # The worker's Python holds the GIL; hand it over every 1 ms instead of 5 so that the window's
    # event loop gets its turn often (the price: a few per cent more work time).
    interval = sys.getswitchinterval()
    sys.setswitchinterval(min(interval, SWITCH_INTERVAL_S))
    # No cyclic garbage collection while the worker runs (reference counting still frees nearly everything):
    # with PySide6 6.12 a collection on the GUI thread while a worker ran crashed the window (SIGSEGV in
    # "Garbage-collecting", bench/stalls.py's session of every action: 3 runs of 3 before, 0 of 6 after).
    hold_collection()
    try:
        if store is not None and getattr(store, "path", None) is None:
            QTimer.singleShot(0, body)  # an in-memory store cannot be shared: run here, still one path
            loop.exec()
        else:
            worker = threading.Thread(target=body, name=f"operation: {title}", daemon=True)
            worker.start()
            loop.exec()
            # The worker has said it finished; wait for its very end, so that its last references (to the
            # bridge, a QObject of this thread, through body's closure) are dropped there before ours here:
            # a QObject freed on the worker while its queued signal waited here crashed the window (SIGSEGV in
            # Thread.run's ``del self._target``, tests/ui/shell/test_long_actions.py under load).
            worker.join()
    finally:
        release_collection()
        sys.setswitchinterval(interval)
        QApplication.restoreOverrideCursor()
        dialog.close()
        dialog.deleteLater()
    return _finish(parent, title, box, success, success_title)


def paced(
    parent: QWidget | None,
    title: str,
    steps: Iterator[tuple[int, int, str]],
    *,
    success: str | Callable[[Any], str | None] | None = None,
    success_title: str | None = None,
    cancellable: bool = True,
    label: str = "",
) -> Outcome:
    """Work that must stay on the GUI thread (painting on a printer) in short steps, the loop turning between them.

    *steps* is a generator that does one step (one page) before each ``yield (done, total, text)``; its return
    value is the outcome's.  取消 closes it between steps (its ``finally`` cleans up: the printer aborts).  The
    same dialog, busy cursor, error path and success message as :func:`run`.
    """
    box: dict[str, Any] = {}
    dialog = _dialog(parent, title, label, cancellable)
    from PySide6.QtCore import QEventLoop

    loop = QEventLoop()

    def step() -> None:
        if dialog.wasCanceled():
            steps.close()
            box["error"] = Cancelled()
            loop.quit()
            return
        try:
            done, total, text = next(steps)
        except StopIteration as stop:
            box["value"] = stop.value
            loop.quit()
            return
        except Exception as exc:  # noqa: BLE001 - every error ends in the one path
            box["error"] = exc
            loop.quit()
            return
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        if text:
            dialog.setLabelText(text)
        QTimer.singleShot(0, step)

    QApplication.setOverrideCursor(_qt().CursorShape.WaitCursor)
    try:
        QTimer.singleShot(0, step)
        loop.exec()
    finally:
        QApplication.restoreOverrideCursor()
        dialog.close()
        dialog.deleteLater()
    return _finish(parent, title, box, success, success_title)


def quick(
    parent: QWidget | None,
    work: Callable[[], Any],
    *,
    success: str | Callable[[Any], str | None] | None = None,
    title: str = "",
) -> Outcome:
    """An action too short for a worker (a form's save, one unit's change): run here, the same one error path.

    Replaces ``try: … except Exception: errors.show_exception(…)`` at the call sites.
    """
    box: dict[str, Any] = {}
    try:
        box["value"] = work()
    except Exception as exc:  # noqa: BLE001 - every error ends in the one path below
        box["error"] = exc
    return _finish(parent, title, box, success, None)


def _finish(parent, title: str, box: dict[str, Any], success, success_title: str | None) -> Outcome:
    """The one end of every action: cancelled quietly, an error shown in plain words, or the success message."""
    error = box.get("error")
    if isinstance(error, Cancelled):
        return Outcome(False, cancelled=True, error=error)
    if error is not None:
        errors.show_exception(parent, error)
        return Outcome(False, error=error)
    value = box.get("value")
    text = success(value) if callable(success) else success
    if text:
        msgbox.information(parent, success_title or title or tr("完成"), text)
    return Outcome(True, value)
