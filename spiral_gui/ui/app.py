"""spiral-gui: start the window (or --version, --self-test, --reset-settings), in the language
chosen with --lang, in View › Language or by the system.

Before Qt is imported it checks that there is a display to open the window on: without one, Qt's
X11 plugin aborts the process with a misleading message about a missing library.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from .. import __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from .main_window import MainWindow


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="spiral-gui", description="Watch a neural network learn the spiral data."
    )
    p.add_argument("session", nargs="?", metavar="FILE", help="open this saved session (.spiral)")
    p.add_argument("--version", action="version", version=f"spiral-gui {__version__}")
    p.add_argument("--self-test", action="store_true",
                   help="open the window offscreen, train a few hundred iterations through the worker "
                        "thread, check the result, print one line and exit (0 = passed)")
    p.add_argument("--settings", metavar="INI", help="read and write settings in this INI file")
    p.add_argument("--lang", choices=("ja", "en"),
                   help="the window's language for this launch (ja: Japanese, en: English); "
                        "by default the one chosen in View > Language, else the system's")
    p.add_argument("--reset-settings", action="store_true",
                   help="forget the saved parameters, window geometry and view options "
                        "(the settings file, or the --settings INI), say where they were, and exit")
    return p.parse_args(argv)


#: The one message Qt's offscreen platform prints on every show(); it says nothing about the app.
QUIET_QT_MESSAGES = ("This plugin does not support propagateSizeHints()",)
_message_filter_installed = False


def install_message_filter() -> None:
    """Drop exactly the known offscreen-platform chatter; pass every other Qt message on.

    Messages go to the handler that was installed before (a test harness's, say) or, if none,
    to stderr formatted as Qt's default handler formats them. Installed once per process.
    """
    global _message_filter_installed
    if _message_filter_installed:
        return
    from PySide6.QtCore import qFormatLogMessage, qInstallMessageHandler

    previous = None

    def handler(mode, context, message: str) -> None:
        if message in QUIET_QT_MESSAGES:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            sys.stderr.write(qFormatLogMessage(mode, context, message) + "\n")

    previous = qInstallMessageHandler(handler)
    _message_filter_installed = True


def no_display_message(environ=os.environ, platform: str = sys.platform) -> str | None:
    """One line saying there is no display and how to run headless, or None if a window can open.

    Only where Qt would use X11 or Wayland (Linux and the BSDs) and no platform was chosen.
    """
    x11_like = platform.startswith("linux") or "bsd" in platform
    chosen = any(environ.get(name) for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"))
    if not x11_like or chosen:
        return None
    return ("spiral-gui: no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY "
            "is set); to train headless run 'spiral-train', to check the app run "
            "'QT_QPA_PLATFORM=offscreen spiral-gui --self-test'")


def reset_settings(path: str | None) -> int:
    """--reset-settings: remove the settings file and say where it was."""
    from .settings import default_settings, remove_settings_file, settings_at

    settings = settings_at(path) if path else default_settings()
    where, removed = remove_settings_file(settings)
    if removed:
        print(f"spiral-gui: settings reset: removed {where}")
    else:
        print(f"spiral-gui: no saved settings to reset (they would be in {where})")
    return 0


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
    install_message_filter()
    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
    app.setApplicationName("spiral-gui")
    app.setApplicationDisplayName("Spiral GUI")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("spiral-gui")
    app.setWindowIcon(app_icon())
    hold_blas_to_one_thread()
    return app


def open_window(args: argparse.Namespace) -> MainWindow:
    """The window shown, in the language of --lang, else the remembered one, else the system's."""
    from .language import language_of
    from .main_window import MainWindow
    from .settings import default_settings, load_language, settings_at

    settings = settings_at(args.settings) if args.settings else default_settings()
    language_of().apply(args.lang or load_language(settings))
    window = MainWindow(settings=settings)
    window.show()
    if args.session:
        window.sessions.open_path(args.session)
    return window


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from .selftest import run_self_test

        return run_self_test()
    if args.reset_settings:
        return reset_settings(args.settings)
    if problem := no_display_message():
        print(problem, file=sys.stderr)
        return 1

    app = create_application()
    window = open_window(args)
    code = app.exec()
    window.shutdown()
    del window
    return code


if __name__ == "__main__":
    sys.exit(main())
