"""Start-up: the whole-file check after the first paint (writes held), stamps of several files, one lock
shared with the command line, and the close-time backup on a worker (finished, or abandoned when killed)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from models.errors import DatabaseError
from models.store import backups, health, writes
from models.store.database import open_file
from models.store.opening import open_store
from tests.models.files_helpers import first_figure, value
from ui.common import msgbox, settings
from ui.shell import startup

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[3]


def _texts() -> str:
    return "\n".join(f"{t}：{m}" for t, m in msgbox.SHOWN)


def _window(qtbot, store):
    from ui.shell.main_window import MainWindow

    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    return window


def _checked(qtbot, window) -> str:
    check = startup.check_after_paint(window)
    assert check is not None, "no check was pending"
    with qtbot.waitSignal(check.finished, timeout=60000) as finished:
        pass
    return finished.args[0]


def test_window_opens_before_the_check_and_writes_wait_for_it(qtbot, demo_path):
    store = startup.open_initial_store(str(demo_path), defer_check=True)
    try:
        assert store is not None and writes.held(demo_path)
        window = _window(qtbot, store)
        assert window.campaigns  # reading works at once
        with pytest.raises(DatabaseError, match="正在检查数据库文件是否完好"):
            store.set_meta("note", "typed on the GUI thread")  # told plainly after a short wait, nothing written
        assert store.meta("note") is None
        done = {}

        def worker_write() -> None:  # a worker's write (operation.run) waits for the check, then goes through
            own = open_file(demo_path)
            try:
                own.set_meta("note", "from a worker")
                done["ok"] = True
            finally:
                own.close()

        thread = threading.Thread(target=worker_write)
        thread.start()
        assert _checked(qtbot, window) == health.SOUND
        thread.join(30)
        assert done == {"ok": True} and store.meta("note") == "from a worker"
        assert not writes.held(demo_path) and msgbox.SHOWN == []
        store.set_meta("note", "now")  # the GUI thread writes again
        window.close()
    finally:
        store.close()
        startup.release_lock(demo_path)


def test_damage_found_after_the_first_paint_takes_the_damaged_file_path(qtbot, demo_path, demo_store):
    fid = first_figure(demo_store)
    good = value(demo_store, fid)
    backups.make_backup(demo_store, "自动")
    demo_store.close()
    data = bytearray(demo_path.read_bytes())
    for offset in range(len(data) - 40 * 4096 + 10, len(data), 3 * 4096):  # the last pages: the check finds it
        data[offset : offset + 8] = b"\xff" * 8
    demo_path.write_bytes(bytes(data))
    msgbox.ANSWERS[:] = [True]
    store = startup.open_initial_store(str(demo_path), defer_check=True)
    try:
        assert store is not None and msgbox.SHOWN == []  # opened: the damage is deep in the file
        window = _window(qtbot, store)
        assert _checked(qtbot, window) == health.DAMAGED
        assert "已改名保存为" in _texts() and "的备份，要用它恢复吗" in _texts()
        assert list(demo_path.parent.glob("demo.db.损坏-*"))
        assert window.store is not store and value(window.store, fid) == good
        window.store.set_meta("note", "the restored file is written")
        window.close()
    finally:
        window.store.close()
        startup.release_lock(demo_path)


def test_a_hot_journal_is_rolled_back_before_the_window_reads(demo_path):
    """The read-write open before the window rolls an unfinished write back, also when the check waits."""
    from tests.models.store.test_faults import _run

    pristine = demo_path.read_bytes()
    args = ["bigwrite", str(demo_path)]
    _, took = _run(args, None)
    journal = demo_path.with_name("demo.db-journal")
    for k in range(6):
        demo_path.write_bytes(pristine)
        _run(args, took * (k + 0.5) / 6)
        store = startup.open_initial_store(str(demo_path), defer_check=True)
        try:
            assert store is not None and msgbox.SHOWN == []
            assert not journal.exists()
            assert health.whole_file_check(demo_path) == health.SOUND
        finally:
            store.close()
            startup.release_lock(demo_path)


def test_stamps_of_several_files_are_kept(demo_path, tmp_path):
    files = [demo_path]
    for name in ("town.db", "last-year.db"):
        shutil.copy(demo_path, tmp_path / name)
        files.append(tmp_path / name)
    for path in files:  # each checked once
        store = startup.open_initial_store(str(path))
        store.close()
        startup.release_lock(path)
    stamps = settings.get(settings.VERIFIED_DB)
    for path in files:  # the next start of any of them skips the whole-file check
        assert health.examine(path, stamps, whole_file=False) == health.SOUND
    store = open_store(files[1])
    store.set_meta("note", "changed")
    store.close()
    assert health.examine(files[1], stamps, whole_file=False) == health.UNCHECKED  # changed since: checked again


def test_the_command_line_refuses_a_file_the_window_holds(window, demo_path):
    data = demo_path.read_bytes()
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "demo", "--db", str(demo_path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2
    assert "正由另一个安全生产月工作台窗口或命令使用" in done.stderr and str(os.getpid()) in done.stderr
    assert demo_path.read_bytes() == data


def test_the_window_is_told_of_a_file_a_command_holds(demo_path):
    from tests.models.store.test_file_lock import _holder

    holder = _holder(demo_path)
    try:
        msgbox.ANSWERS[:] = [False]
        assert startup.open_initial_store(str(demo_path), defer_check=True) is None  # declined: the app exits
        assert "已在另一个窗口中打开" in _texts()
        msgbox.ANSWERS[:] = [True]
        store = startup.open_initial_store(str(demo_path), defer_check=True)
        assert store is not None and store.readonly
        store.close()
    finally:
        holder.stdin.close()
        holder.wait(10)


def test_the_window_closes_before_its_backup_is_done(qtbot, demo_path):
    store = startup.open_initial_store(str(demo_path))
    window = _window(qtbot, store)
    window.close()
    assert not window.isVisible() and startup._CLOSING  # the backup is on a worker, not yet joined
    made = startup.finish_closing()
    assert len(made) == 1 and backups.list_backups(store)[0]["path"] == made[0]
    backups.verify(made[0])
    assert health.is_verified(settings.get(settings.VERIFIED_DB), demo_path)
    store.close()
    startup.release_lock(demo_path)


CHILD = """
import sys
sys.path.insert(0, {root!r})
from ui.common import settings
settings.INI_FILE = {ini!r}
from ui.shell.app import create_application
from ui.shell import startup
from ui.shell.main_window import MainWindow
app = create_application([])
store = startup.open_initial_store({db!r})
window = MainWindow(store)
window.show()
app.processEvents()
window.close()
print("closing", flush=True)
startup.finish_closing()
print("done", flush=True)
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL needs a POSIX system")
def test_a_kill_during_the_close_backup_leaves_no_half_backup(tmp_path):
    from bench.make_fixture import make_fixture

    db = make_fixture(tmp_path / "large.db", units=300)  # a district's file: its close backup takes a while
    folder = tmp_path / backups.FOLDER_NAME
    code = CHILD.format(root=str(ROOT), ini=str(tmp_path / "child.ini"), db=str(db))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")

    def start() -> subprocess.Popen:
        child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=env)
        assert child.stdout.readline().strip() == "closing"
        return child

    child = start()
    started = time.monotonic()
    assert child.stdout.readline().strip() == "done"
    took = time.monotonic() - started
    child.wait(30)
    first = sorted(folder.glob("*.db"))
    assert len(first) == 1
    backups.verify(first[0])
    first[0].unlink()  # so that the next close backs up again
    cut = 0
    for k in range(3):
        if k == 0:  # the first kill as soon as the backup's hidden file is there, however fast this machine is
            child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, env=env)
            deadline = time.monotonic() + 60
            while child.poll() is None and time.monotonic() < deadline and not list(folder.glob(".*.tmp*")):
                time.sleep(0.0005)
        else:  # the others at moments spread over the close
            child = start()
            time.sleep(took * k / 3)
        child.send_signal(signal.SIGKILL)
        child.wait(30)
        cut += bool(list(folder.glob(".*.tmp*")))
        for made in folder.glob("*.db"):  # a backup is there whole or not at all
            backups.verify(made)
            made.unlink()
        store = startup.open_initial_store(str(db))  # the next start removes what the kill left
        try:
            assert store is not None
            assert not [p.name for p in folder.iterdir() if ".tmp" in p.name]
        finally:
            store.close()
            startup.release_lock(db)
    assert cut >= 1, "no kill came during the backup"
