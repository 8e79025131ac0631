"""spiral-gui --self-test: proves an installed copy or a packaged bundle really works.

It opens the real window (offscreen unless a platform is set), trains the default net through the
real worker thread, and checks what a user would see: the loss fell, the decision regions
changed, and the thread stopped cleanly when the window closed.
"""

from __future__ import annotations

import math
import sys
import tempfile
import time
from pathlib import Path

ITERATIONS = 300
TIMEOUT_S = 30.0


def run_self_test() -> int:
    t0 = time.perf_counter()
    import numpy as np
    from PySide6.QtCore import QEventLoop, QSettings, QTimer

    from .. import __version__
    from ..engine import TrainConfig
    from ..engine.status import Status
    from .app import create_application
    from .main_window import MainWindow

    app = create_application()
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "self-test.ini"), QSettings.Format.IniFormat)
        window = MainWindow(settings=settings, config=TrainConfig(iterations=ITERATIONS))
        window.speed_control.set_speed(math.inf)  # a check of the machinery, not a playback
        window.show()

        def wait_for(check) -> bool:
            deadline = time.perf_counter() + TIMEOUT_S
            while not check():
                if time.perf_counter() > deadline:
                    return False
                loop = QEventLoop()
                QTimer.singleShot(10, loop.quit)
                loop.exec()
            return True

        failures: list[str] = []
        if not wait_for(lambda: window.last_snapshot is not None):
            failures.append("no first snapshot from the worker")
        else:
            first = window.last_snapshot
            shown = time.perf_counter() - t0
            window.start_button.click()
            done = (Status.FINISHED, Status.DIVERGED)
            if not wait_for(lambda: getattr(window.last_snapshot, "status", None) in done):
                failures.append(f"training did not finish in {TIMEOUT_S:.0f} s")
            last = window.last_snapshot
            assert first is not None and last is not None
            losses = window.loss_view.curve_data()[1]
            if last.iteration != ITERATIONS:
                failures.append(f"stopped at iteration {last.iteration}, not {ITERATIONS}")
            if losses.size != ITERATIONS or not losses[-1] < losses[0] - 0.1:
                failures.append(f"loss did not fall: {losses[:1]} → {losses[-1:]}")
            if np.array_equal(first.regions, window.decision_view.image.image):
                failures.append("the decision regions did not change")
        thread = window.worker_thread
        window.close()
        stopped = thread.isFinished() and not thread.isRunning()
        if not stopped:
            failures.append("the worker thread was still running after close")
        window.deleteLater()
        app.processEvents()

    total = time.perf_counter() - t0
    if failures:
        print("spiral-gui self-test FAILED: " + "; ".join(failures), file=sys.stderr)
        return 1
    assert last is not None
    print(
        f"spiral-gui {__version__} self-test passed: window in {shown:.2f} s, "
        f"{ITERATIONS} iterations, loss {losses[0]:.4f} → {losses[-1]:.4f}, "
        f"accuracy {last.accuracy:.2f}, thread stopped, total {total:.2f} s"
    )
    return 0
