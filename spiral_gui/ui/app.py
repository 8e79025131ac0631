"""spiral-gui: start the window (or --version, --self-test)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from .. import __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="spiral-gui", description="Watch a neural network learn the spiral data."
    )
    p.add_argument("--version", action="version", version=f"spiral-gui {__version__}")
    p.add_argument("--self-test", action="store_true",
                   help="open the window offscreen, train a few hundred iterations through the worker "
                        "thread, check the result, print one line and exit (0 = passed)")
    p.add_argument("--settings", metavar="INI", help="read and write settings in this INI file")
    return p.parse_args(argv)


_blas_limited = False


def hold_blas_to_one_thread() -> None:
    """One BLAS thread for the whole process (OpenBLAS's setting is global); once, at start-up.

    The GUI thread needs one of the two cores; a second BLAS thread then competes with it and,
    spinning on a busy core, made an iteration at N = 100,000 per class 9x slower (2.5 s vs
    0.28 s) and at N = 10,000 7x slower. The matrices here are tall and thin (K and D + 1 are
    small), where BLAS threads gain little even on an idle machine.
    """
    global _blas_limited
    if not _blas_limited:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1, user_api="blas")
        _blas_limited = True


def create_application() -> QApplication:
    """The QApplication with the app's names and icon, pyqtgraph set up as the views expect, and
    BLAS held to one thread.

    Shared by the window, the self-test, the tests and the benchmarks, so that all run the same app.
    """
    import pyqtgraph as pg
    from PySide6.QtWidgets import QApplication

    from .main_window import app_icon

    # Images are (rows, columns), as NumPy stores them; otherwise the regions come out transposed.
    pg.setConfigOptions(imageAxisOrder="row-major", antialias=True)
    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
    app.setApplicationName("spiral-gui")
    app.setApplicationDisplayName("Spiral GUI")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("spiral-gui")
    app.setWindowIcon(app_icon())
    hold_blas_to_one_thread()
    return app


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from .selftest import run_self_test

        return run_self_test()

    from PySide6.QtCore import QSettings

    from .main_window import MainWindow

    app = create_application()
    settings = QSettings(args.settings, QSettings.Format.IniFormat) if args.settings else None
    window = MainWindow(settings=settings)
    window.show()
    code = app.exec()
    window.shutdown()
    del window
    return code


if __name__ == "__main__":
    sys.exit(main())
