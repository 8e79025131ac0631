"""spiral-train --save / --resume: a resumed run prints and saves what one uninterrupted run does."""

import numpy as np
import pytest

from spiral_gui.cli import main
from spiral_gui.engine import TrainConfig
from spiral_gui.engine.experiment import build_experiment
from spiral_gui.engine.session import load_session

BASE = ["--n", "30", "--hidden", "10", "--print-every", "100"]


def run(capsys, *argv):
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out.splitlines(), err


@pytest.mark.parametrize("model", ["nn", "linear"])
def test_resumed_output_continues_the_uninterrupted_one_line_for_line(capsys, tmp_path, model):
    base = [*BASE, "--model", model, "--test-fraction", "0.2"]
    code, full, _ = run(capsys, *base, "--iters", "1000", "--save", str(tmp_path / "full.spiral"))
    assert code == 0
    code, first, _ = run(capsys, *base, "--iters", "500", "--save", str(tmp_path / "half.spiral"))
    assert code == 0
    code, second, err = run(capsys, "--resume", str(tmp_path / "half.spiral"), "--iters", "1000",
                            "--print-every", "100", "--save", str(tmp_path / "resumed.spiral"))
    assert code == 0 and err == ""
    # The first run's loss lines, then everything the resumed run prints, is the full run's output.
    assert [line for line in first if line.startswith("iteration")] + second == full
    assert [int(line.split()[1][:-1]) for line in second[:-2]] == [500, 600, 700, 800, 900]
    assert second[-2].startswith("training accuracy: ") and second[-1].startswith("test accuracy: ")
    # And the two sessions are the same session, accuracies measured along the way included.
    whole, resumed = load_session(tmp_path / "full.spiral"), load_session(tmp_path / "resumed.spiral")
    assert resumed == whole
    assert whole.state == "finished" and whole.iteration == 1000
    assert whole.metrics["iteration"].tolist() == list(range(0, 1001, 100))


def test_saved_session_is_the_run(capsys, tmp_path):
    path = tmp_path / "run.spiral"
    code, _, _ = run(capsys, *BASE, "--iters", "300", "--seed", "4", "--save", str(path))
    assert code == 0
    s = load_session(path)
    e = build_experiment(TrainConfig(n=30, hidden=10, iterations=300, seed=4))
    e.trainer.step(300)
    assert s.config == e.config and s.iteration == 300
    np.testing.assert_array_equal(s.losses, e.trainer.losses)
    for name, value in e.trainer.params().items():
        np.testing.assert_array_equal(s.params[name], value)


def test_divergence_saves_the_last_finite_weights_and_exits_1(capsys, tmp_path):
    path = tmp_path / "d.spiral"
    code, _, err = run(capsys, *BASE, "--step-size", "1e5", "--save", str(path))
    assert code == 1 and "training diverged" in err
    s = load_session(path)
    e = build_experiment(TrainConfig(n=30, hidden=10, step_size=1e5))
    e.trainer.step(10)
    assert s.state == "diverged" and s.reason == e.trainer.reason and s.iteration == e.trainer.iteration
    for name, value in e.trainer.params().items():
        np.testing.assert_array_equal(s.params[name], value)
        assert np.isfinite(s.params[name]).all()
    # Resuming it says the same again.
    code, _, again = run(capsys, "--resume", str(path), "--iters", "5000")
    assert code == 1 and again == err


def test_resume_defaults_to_the_sessions_budget_and_takes_live_changes(capsys, tmp_path):
    path = tmp_path / "r.spiral"
    run(capsys, *BASE, "--iters", "200", "--save", str(path))
    code, out, _ = run(capsys, "--resume", str(path))
    assert code == 0 and len(out) == 1 and out[0].startswith("training accuracy")
    code, out, _ = run(capsys, "--resume", str(path), "--iters", "300", "--step-size", "0.5", "--reg", "0.01",
                       "--print-every", "50")
    assert code == 0
    e = build_experiment(TrainConfig(n=30, hidden=10, iterations=300))
    e.trainer.step(200)
    e.trainer.set_hyper(step_size=0.5, reg=0.01)
    e.trainer.step(100)
    assert out[:-1] == [f"iteration {i}: loss {e.trainer.losses[i]:f}" for i in (200, 250)]


def _one_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("spiral-train: error: "), err
    return lines[0]


def test_bad_session_files_exit_2_with_one_line(capsys, tmp_path):
    good = tmp_path / "good.spiral"
    run(capsys, *BASE, "--iters", "10", "--save", str(good))
    (tmp_path / "cut.spiral").write_bytes(good.read_bytes()[:200])
    (tmp_path / "text.spiral").write_text("hello")
    for name, words in [
        ("missing.spiral", "no such file"),
        ("cut.spiral", "truncated"),
        ("text.spiral", "not a Spiral GUI session"),
    ]:
        code, out, err = run(capsys, "--resume", str(tmp_path / name))
        assert code == 2 and out == []
        line = _one_error_line(err)
        assert line.startswith(f"spiral-train: error: cannot open {name}: ") and words in line


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["--n", "5"], "--n cannot change when resuming"),
        (["--dataset", "rings", "--seed", "3"], "--seed, --dataset cannot change when resuming"),
        (["--iters", "5"], "--iters 5 is below the session's iteration 10"),
    ],
)
def test_resume_refuses_what_would_not_be_the_same_run(capsys, tmp_path, argv, words):
    path = tmp_path / "s.spiral"
    run(capsys, *BASE, "--iters", "10", "--save", str(path))
    code, out, err = run(capsys, "--resume", str(path), *argv)
    assert code == 2 and out == []
    assert words in _one_error_line(err)


def test_save_into_a_missing_folder_is_refused_before_training(capsys, tmp_path):
    code, out, err = run(capsys, *BASE, "--save", str(tmp_path / "no" / "x.spiral"))
    assert code == 2 and out == []
    assert "does not exist" in _one_error_line(err)
    code, out, err = run(capsys, *BASE, "--save", str(tmp_path))
    assert code == 2 and "is a folder" in _one_error_line(err)
