"""The Qt GUI over the core in models/.  The only package that imports Qt; runs no SQL."""

import sys


def _keep_singletons_alive() -> None:
    """Work around a reference-count bug of PySide6 6.12.0 on Python 3.11.

    Each call of a Python slot from a Qt signal gives up one reference to ``None`` (its return value) that it
    never took; after some ten thousand clicks, toggles or timer ticks ``None``'s count reaches zero and the
    interpreter aborts ("none_dealloc: deallocating None", also seen for True/False), losing the clerk's
    window. PySide6 6.11.3 does not do it, but QtPdf (the PySide6-Pdf wheel) exists only for 6.12.0.
    Python 3.12 makes these objects immortal; here their counts are raised far beyond what any session
    can use up (2**40 calls). tests/ui/shell/test_qt_refcount.py shows the crash is gone.
    """
    if sys.version_info >= (3, 12):
        return
    import _ctypes  # ctypes' own core: the ctypes package on top of it cost ≈1.5 ms before the first paint

    class RefCount(_ctypes._SimpleCData):  # a Py_ssize_t: ctypes.c_ssize_t is this on 64-bit Python
        _type_ = "q" if sys.maxsize > 2**32 else "i"

    for singleton in (None, True, False):
        RefCount.from_address(id(singleton)).value += 1 << 40


_keep_singletons_alive()
