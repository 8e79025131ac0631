"""The Qt binding itself: PySide6 6.12.0 on CPython 3.11 drops a reference to None on every call
of a Qt method that returns nothing, and the process later aborts with `none_dealloc` while
painting. The GUI tests would still pass on it; this canary does not."""

from __future__ import annotations

import sys

import PySide6
from PySide6 import QtCore


def test_void_qt_calls_keep_none_alive(qapp) -> None:
    o = QtCore.QObject()
    before = sys.getrefcount(None)
    for _ in range(1000):
        o.setObjectName("x")
    drift = sys.getrefcount(None) - before
    assert drift > -500, (
        f"PySide6 {PySide6.__version__} on Python {sys.version.split()[0]} loses a reference to None "
        f"per call ({drift} after 1000 calls): this build aborts the app; use another PySide6 version"
    )
