"""Time from process start to the first painted window, in fresh processes (issue bar: <= 1.0 s).

Each child is `python -c …` that runs `spiral_gui.ui.app.main(["--settings", <temp INI>])` itself,
offscreen, with an application-wide event filter that notes the first Paint event of the main
window or any widget in it, and the first paint of the decision view after the first snapshot
was drawn (the window with its content). The parent stamps the wall clock just before spawning
and passes it in the environment; the child reports times relative to it, then quits.

    python benchmarks/startup.py                 # 5 fresh processes
    python benchmarks/startup.py --runs 9
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import time
t_interp = time.time()
import os, sys, json
T0 = float(os.environ["SPIRAL_BENCH_SPAWN"])
marks = {"interpreter": t_interp - T0}
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class FirstPaint(QObject):
    window = None
    content = False
    def eventFilter(self, obj, ev):
        kind = ev.type()
        if kind == QEvent.Type.Show and self.window is None and isinstance(obj, QMainWindow):
            self.window = obj  # shown before the event loop runs: no snapshot drawn yet
            obj.snapshot_drawn.connect(self.on_drawn)
            marks["shown"] = time.time() - T0
        elif kind == QEvent.Type.Paint and obj.isWidgetType() and obj.window() is self.window:
            now = time.time() - T0
            marks.setdefault("first_paint", now)
            view = self.window.decision_view  # a QGraphicsView: its viewport gets the Paint events
            if self.content and obj in (view, view.viewport()) and "content_paint" not in marks:
                marks["content_paint"] = now
                QTimer.singleShot(0, QApplication.quit)
        return False
    def on_drawn(self, snap):
        marks.setdefault("first_snapshot_drawn", time.time() - T0)
        self.content = True

app = QApplication(sys.argv[:1])
marks["qapplication"] = time.time() - T0
spy = FirstPaint()
app.installEventFilter(spy)
QTimer.singleShot(20000, QApplication.quit)
import spiral_gui.ui.app
code = spiral_gui.ui.app.main(["--settings", os.environ["SPIRAL_BENCH_INI"]])
marks["exit_code"] = code
print("MARKS " + json.dumps(marks))
"""

COLUMNS = [
    ("interpreter", "interpreter"),
    ("qapplication", "QApplication"),
    ("shown", "window shown"),
    ("first_paint", "first paint"),
    ("first_snapshot_drawn", "1st snapshot"),
    ("content_paint", "content paint"),
]


def one_run(tmp: str, i: int) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               SPIRAL_BENCH_INI=str(Path(tmp) / f"run{i}.ini"))
    env["SPIRAL_BENCH_SPAWN"] = repr(time.time())
    out = subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, env=env, capture_output=True,
                         text=True, timeout=120)
    wall = time.time() - float(env["SPIRAL_BENCH_SPAWN"])
    lines = [ln for ln in out.stdout.splitlines() if ln.startswith("MARKS ")]
    if out.returncode != 0 or not lines:
        raise RuntimeError(f"child failed ({out.returncode}):\n{out.stdout}\n{out.stderr}")
    marks = json.loads(lines[-1][6:])
    marks["process"] = wall
    if "QThread: Destroyed while thread is still running" in out.stderr:
        raise RuntimeError("the worker thread outlived the window")
    return marks


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    runs = []
    print("Seconds from spawning the process (offscreen; issue bar: first paint <= 1.0 s)")
    print(f"{'run':>6} " + " ".join(f"{title:>13}" for _, title in COLUMNS) + f" {'whole process':>13}")
    with tempfile.TemporaryDirectory(prefix="spiral-bench-") as tmp:
        for i in range(args.runs):
            m = one_run(tmp, i)
            runs.append(m)
            print(f"{i + 1:>6} " + " ".join(f"{m.get(k, float('nan')):>13.3f}" for k, _ in COLUMNS)
                  + f" {m['process']:>13.3f}", flush=True)
    med = {k: statistics.median(r.get(k, float("nan")) for r in runs) for k, _ in [*COLUMNS, ("process", "")]}
    print(f"{'median':>6} " + " ".join(f"{med[k]:>13.3f}" for k, _ in COLUMNS) + f" {med['process']:>13.3f}")
    worst = max(r["first_paint"] for r in runs)
    print(f"first paint: median {med['first_paint']:.3f} s, max {worst:.3f} s over {args.runs} processes")
    import results  # benchmarks/results.py, next to this script

    figures = {"first_paint_median_s": med["first_paint"], "first_paint_s": [r["first_paint"] for r in runs]}
    print(f"stored in {results.write('startup', figures)}")


if __name__ == "__main__":
    main()
