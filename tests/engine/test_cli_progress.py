"""Long headless runs show signs of life on stderr (a measured estimate, a progress line within
and across iterations on a terminal) without touching stdout, and Ctrl+C ends them cleanly."""

from __future__ import annotations

import io
import os
import signal
import subprocess
import sys

import numpy as np
import pytest

from spiral_gui.cli import _train
from spiral_gui.engine import TrainConfig, Trainer
from spiral_gui.progress import ESTIMATE_ABOVE_S, RunProgress, format_duration

from .test_cli import REPO


class FakeClock:
    """Advances `tick` seconds every time it is read."""

    def __init__(self, tick: float) -> None:
        self.now, self.tick = 0.0, tick

    def __call__(self) -> float:
        self.now += self.tick
        return self.now


# -- the trainer's hook ---------------------------------------------------------------------------
def test_on_block_reports_every_block_and_changes_nothing() -> None:
    config = TrainConfig(n=1000, hidden=4096, iterations=2)  # 3000 rows in blocks of 1024
    seen: list[tuple[int, int]] = []
    hooked, plain = Trainer(config), Trainer(config)
    hooked.step(2, on_block=lambda done, total: seen.append((done, total)))
    plain.step(2)
    assert seen == [(1, 3), (2, 3), (3, 3)] * 2
    np.testing.assert_array_equal(hooked.losses, plain.losses)
    for name, value in plain.params().items():
        np.testing.assert_array_equal(hooked.params()[name], value)


# -- estimate and line ----------------------------------------------------------------------------
def test_a_long_run_gets_one_measured_estimate() -> None:
    err = io.StringIO()
    progress = RunProgress(err, 0, 1000, clock=FakeClock(0.1), terminal=False)
    for i in range(1, 21):
        progress.iterations_done(i)
    lines = err.getvalue().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("spiral-train: this run will take about ")
    assert "1,000 iterations" in lines[0] and "measured" in lines[0]
    assert progress.estimate_s is not None and progress.estimate_s > ESTIMATE_ABOVE_S


def test_a_short_run_gets_no_estimate() -> None:
    err = io.StringIO()
    progress = RunProgress(err, 0, 10, clock=FakeClock(0.1), terminal=False)
    for i in range(1, 11):
        progress.iterations_done(i)
    assert err.getvalue() == ""
    assert progress.estimate_s is not None and progress.estimate_s < ESTIMATE_ABOVE_S


def test_the_estimate_comes_within_the_first_iteration_when_blocks_are_slow() -> None:
    err = io.StringIO()
    progress = RunProgress(err, 0, 100, clock=FakeClock(2.0), terminal=False)
    progress.on_block(1, 50)  # the first block (with its warm-up) is left out of the speed
    assert err.getvalue() == ""
    progress.on_block(2, 50)  # 2 s for a fiftieth of an iteration: 100 s an iteration
    assert "this run will take about" in err.getvalue()
    assert progress.estimate_s == pytest.approx(100 * 100, rel=0.01)
    assert "1 min 40 s each" in err.getvalue()


def test_the_line_is_drawn_on_a_terminal_only_and_erased() -> None:
    quiet = io.StringIO()
    RunProgress(quiet, 0, 10, clock=FakeClock(1.0), terminal=False).iterations_done(3)
    assert "\r" not in quiet.getvalue()

    tty = io.StringIO()
    progress = RunProgress(tty, 0, 10, clock=FakeClock(1.0), terminal=True)
    progress.on_block(1, 4)
    assert "\riteration 0 / 10 (25% of the next)" in tty.getvalue()
    progress.iterations_done(3)
    assert "iteration 3 / 10, " in tty.getvalue() and "left (Ctrl+C stops)" in tty.getvalue()
    progress.clear()
    last = tty.getvalue().rsplit("\r", 2)
    assert last[-1] == "" and last[-2].strip() == ""  # the line is blanked, the cursor at its start


def test_durations_read_as_a_person_would_say_them() -> None:
    assert [format_duration(s) for s in (0.42, 12.4, 200, 7500, 300_000)] == [
        "0.4 s", "12 s", "3 min 20 s", "2 h 05 min", "3 d 11 h"]


def test_train_with_progress_prints_the_same_stdout() -> None:
    config = TrainConfig(n=1000, hidden=4096, iterations=4)
    plain, shown = io.StringIO(), io.StringIO()
    _train(Trainer(config), 1, plain)
    err = io.StringIO()
    _train(Trainer(config), 1, shown, RunProgress(err, 0, 4, clock=FakeClock(1.0), terminal=True))
    assert shown.getvalue() == plain.getvalue()
    assert "this run will take about" in err.getvalue()  # 1 s per clock read: a slow run
    assert "% of the next)" in err.getvalue()  # progress within an iteration


# -- real processes ---------------------------------------------------------------------------------
def _spawn(*argv: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "spiral_gui.cli", *argv], cwd=REPO, **kwargs)


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_progress_reaches_a_terminal_and_stdout_stays_clean() -> None:
    master, slave = os.openpty()
    proc = _spawn("--n", "50", "--hidden", "10", "--iters", "50", "--print-every", "10",
                  stdout=subprocess.PIPE, stderr=slave, text=True)
    os.close(slave)
    out, _ = proc.communicate(timeout=120)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:  # the other end closed
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    shown = b"".join(chunks).decode()
    assert proc.returncode == 0
    assert "\riteration 0 / 50" in shown and "(Ctrl+C stops)" in shown
    assert shown.endswith("\r")  # erased at the end
    heads = [line.split(":")[0] for line in out.splitlines()[:-1]]
    assert heads == [f"iteration {i}" for i in range(0, 50, 10)]


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is POSIX")
def test_ctrl_c_ends_the_run_cleanly_with_the_iteration_reached() -> None:
    proc = _spawn("--n", "20000", "--hidden", "100", "--iters", "10000000", "--print-every", "1",
                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = proc.stdout.readline()  # training has started
    assert first.startswith("iteration 0: loss ")
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    lines = err.splitlines()
    assert len(lines) <= 2, err  # the estimate (if measured by then) and the interruption
    assert lines[-1].startswith("spiral-train: interrupted at iteration ")
    assert "of 10,000,000" in lines[-1] and "--save FILE" in lines[-1]
    assert "Traceback" not in err
    reached = int(lines[-1].split("iteration ")[1].split(" of")[0].replace(",", ""))
    printed = [first, *out.splitlines()]
    assert len(printed) == reached  # every finished iteration was printed, nothing more
