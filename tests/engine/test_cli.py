"""spiral-train: the notebook's printout, and one-line errors with the documented exit codes."""

import math
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from spiral_gui.cli import main
from spiral_gui.engine import TrainConfig, Trainer

from .reference import LINEAR_ACCURACY, LINEAR_LOSSES, LINEAR_W, LN3, NET_FINAL_LOSS_BELOW

REPO = Path(__file__).resolve().parents[2]
LOSS_LINE = re.compile(r"^iteration (\d+): loss (\d+\.\d{6})$")
ACCURACY_LINE = re.compile(r"^training accuracy: (\d\.\d\d)$")
LINEAR_TABLE = [f"iteration {i}: loss {v:.6f}" for i, v in LINEAR_LOSSES.items()]


def run_main(capsys, *argv: str) -> tuple[int, str, str]:
    """main(argv) in process: (exit code, stdout, stderr). argparse errors exit via SystemExit."""
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def run_cli(*argv: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "spiral_gui.cli", *argv],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )


def _assert_one_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("spiral-train: error:"), err
    assert "Traceback" not in err
    return lines[0]


# -- normal runs -------------------------------------------------------------------------------


def test_linear_prints_the_spec_table_exactly(capsys):
    code, out, err = run_main(capsys, "--model", "linear", "--iters", "200", "--print-every", "10")
    assert code == 0 and err == ""
    assert out.splitlines() == [*LINEAR_TABLE, f"training accuracy: {LINEAR_ACCURACY:.2f}"]


def test_linear_defaults_to_printing_every_ten(capsys):
    code, out, _ = run_main(capsys, "--model", "linear", "--iters", "200")
    assert code == 0
    assert out.splitlines()[:-1] == LINEAR_TABLE


def test_line_formats_and_print_every(capsys):
    code, out, err = run_main(capsys, "--n", "30", "--hidden", "10", "--iters", "25", "--print-every", "7")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert [int(LOSS_LINE.match(line).group(1)) for line in lines[:-1]] == [0, 7, 14, 21]
    assert ACCURACY_LINE.match(lines[-1])
    # The numbers are the trainer's, printed with %f and %.2f.
    trainer = Trainer(TrainConfig(n=30, hidden=10, iterations=25))
    trainer.step(25)
    assert lines[:-1] == [f"iteration {i}: loss {trainer.losses[i]:f}" for i in (0, 7, 14, 21)]
    assert lines[-1] == f"training accuracy: {trainer.accuracy():.2f}"


def test_options_reach_the_config(capsys):
    argv = ["--model", "linear", "--n", "25", "--k", "4", "--step-size", "0.5", "--reg", "0.01"]
    argv += ["--seed", "7", "--noise", "0.1", "--iters", "12", "--print-every", "4"]
    code, out, _ = run_main(capsys, *argv)
    assert code == 0
    config = TrainConfig(model="linear", n=25, k=4, step_size=0.5, reg=0.01, seed=7, noise=0.1, iterations=12)
    trainer = Trainer(config)
    trainer.step(12)
    assert out.splitlines()[:-1] == [f"iteration {i}: loss {trainer.losses[i]:f}" for i in (0, 4, 8)]


def test_print_every_larger_than_the_budget_prints_iteration_zero(capsys):
    code, out, _ = run_main(capsys, "--model", "linear", "--iters", "5", "--print-every", "100")
    assert code == 0
    assert out.splitlines()[0] == LINEAR_TABLE[0]
    assert len(out.splitlines()) == 2


# -- case study ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def case_study():
    return run_cli("case-study")


def test_case_study_exits_cleanly(case_study):
    assert case_study.returncode == 0, case_study.stderr
    assert case_study.stderr == ""


def test_case_study_linear_section(case_study):
    out = case_study.stdout
    linear = out.split("# softmax linear classifier", 1)[1].split("# two-layer neural network", 1)[0]
    lines = linear.strip().splitlines()
    assert lines[: len(LINEAR_TABLE)] == LINEAR_TABLE
    assert lines[len(LINEAR_TABLE)] == f"training accuracy: {LINEAR_ACCURACY:.2f}"
    w_text = linear.split("W =", 1)[1]
    numbers = [float(v) for v in re.findall(r"-?\d+\.\d+", w_text)]
    assert numbers == pytest.approx(np.ravel(LINEAR_W), abs=5e-9)


def test_case_study_net_section(case_study):
    out = case_study.stdout
    assert out.index("# softmax linear classifier") < out.index("# two-layer neural network")
    net = out.split("# two-layer neural network", 1)[1].strip().splitlines()
    assert net[-1] == "training accuracy: 0.98"
    assert out.rstrip().endswith("training accuracy: 0.98")
    matches = [LOSS_LINE.match(line) for line in net[:-1]]
    assert all(matches), net
    assert [int(m.group(1)) for m in matches] == list(range(0, 10_000, 1000))
    losses = [float(m.group(2)) for m in matches]
    assert abs(losses[0] - LN3) < 1e-3
    assert losses[-1] < NET_FINAL_LOSS_BELOW
    assert all(math.isfinite(v) for v in losses)


def test_case_study_describes_the_data(case_study):
    first = case_study.stdout.splitlines()[0]
    assert "(300, 2)" in first and "(300,)" in first


# -- errors ---------------------------------------------------------------------------------------


BAD_ARGS = [
    (["--n", "0"], "--n"),
    (["--n", "abc"], "--n"),
    (["--n", "1000001"], "--n"),
    (["--step-size", "nan"], "--step-size"),
    (["--step-size", "0"], "--step-size"),
    (["--reg", "-1"], "--reg"),
    (["--reg", "inf"], "--reg"),
    (["--k", "99"], "--k"),
    (["--k", "1"], "--k"),
    (["--hidden", "0"], "--hidden"),
    (["--noise", "nan"], "--noise"),
    (["--seed", "-1"], "--seed"),
    (["--iters", "0"], "--iters"),
    (["--model", "foo"], "--model"),
    (["--print-every", "-3"], "print-every"),
    (["--frobnicate"], "--frobnicate"),
    (["extra"], "extra"),
    (["case-study", "--n", "5"], "case-study"),
    (["--k", "20", "--n", "1000000", "--hidden", "1000"], "GiB"),
]


@pytest.mark.parametrize(("argv", "mentions"), BAD_ARGS)
def test_bad_arguments_give_one_error_line_and_exit_2(capsys, argv, mentions):
    code, out, err = run_main(capsys, *argv)
    assert code == 2
    line = _assert_one_error_line(err)
    assert mentions in line
    assert out == ""


def test_print_every_zero_is_refused(capsys):
    """The check `every < 1` in main() is meant to refuse 0, but `print_every or default` turns 0
    into the default first, so `--print-every 0` silently prints every 10 / 1000."""
    code, _, err = run_main(capsys, "--model", "linear", "--iters", "3", "--print-every", "0")
    assert code == 2
    _assert_one_error_line(err)
    assert "print-every" in err


def test_error_names_the_value(capsys):
    _, _, err = run_main(capsys, "--k", "99")
    assert "99" in err and "--k" in err
    _, _, err = run_main(capsys, "--step-size", "nan")
    assert "nan" in err


def test_over_budget_error_mentions_the_budget(capsys):
    _, _, err = run_main(capsys, "--k", "20", "--n", "1000000", "--hidden", "1000")
    assert "budget" in err and "GiB" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["--n", "0"],
        ["--n", "abc"],
        ["--step-size", "nan"],
        ["--frobnicate"],
        ["case-study", "x"],
        ["--k", "20", "--n", "1000000", "--hidden", "1000"],
    ],
)
def test_bad_arguments_in_a_real_process(argv):
    result = run_cli(*argv)
    assert result.returncode == 2
    _assert_one_error_line(result.stderr)
    assert result.stdout == ""


@pytest.mark.parametrize("model", ["linear", "nn"])
def test_divergence_exits_1_with_the_reason(capsys, model):
    code, out, err = run_main(capsys, "--model", model, "--step-size", "1000", "--iters", "100")
    trainer = Trainer(TrainConfig(model=model, step_size=1000.0, iterations=100))
    trainer.step(100)
    assert code == 1
    assert "Traceback" not in err
    assert err.strip() == f"spiral-train: {trainer.reason}"
    assert "step size" in err and f"iteration {trainer.iteration}" in err
    assert "training accuracy" not in out
    assert out.splitlines()[0].startswith("iteration 0: loss ")


def test_divergence_in_a_real_process():
    result = run_cli("--model", "linear", "--reg", "1000", "--iters", "50")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert "diverged" in result.stderr and "reg" in result.stderr


def test_help(capsys):
    code, out, err = run_main(capsys, "--help")
    assert code == 0 and err == ""
    assert "step_size" in out and "reg" in out
    assert "case-study" in out


def test_help_percent_signs_are_not_doubled(capsys):
    """argparse does not %-format the description, so '49%%' is printed as typed."""
    _, out, _ = run_main(capsys, "--help")
    assert "%%" not in out
    assert "49%" in out and "98%" in out


def test_help_in_a_real_process():
    result = run_cli("--help")
    assert result.returncode == 0
    assert "--step-size" in result.stdout and "--reg" in result.stdout


NEW_FLAGS = ["--batch-size", "--optimizer", "--momentum", "--beta1", "--beta2", "--decay-rate",
             "--eps", "--activation", "--init", "--dtype", "--skip-mask"]


def test_every_option_is_in_the_help(capsys):
    code, out, _ = run_main(capsys, "--help")
    assert code == 0
    for flag in NEW_FLAGS:
        assert flag in out, flag
    for choice in ("sgd|momentum|nesterov|rmsprop|adam", "relu,leaky_relu,tanh,sigmoid",
                   "notes,he,xavier", "float64,float32"):
        assert choice.replace("|", ",") in out, choice


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["--optimizer", "adagrad"], "--optimizer"),
        (["--activation", "gelu"], "--activation"),
        (["--batch-size", "-3"], "--batch-size"),
        (["--beta2", "1"], "--beta2"),
        (["--eps", "0"], "--eps"),
        (["--dtype", "float16"], "--dtype"),
    ],
)
def test_bad_new_options_give_one_line(capsys, argv, needle):
    code, out, err = run_main(capsys, *argv)
    assert code == 2 and out == ""
    line = _assert_one_error_line(err)
    assert needle in line, line


@pytest.mark.parametrize(
    ("argv", "fields"),
    [
        (["--optimizer", "adam", "--step-size", "0.05", "--beta1", "0.8", "--eps", "1e-6"],
         dict(optimizer="adam", step_size=0.05, beta1=0.8, eps=1e-6)),
        (["--optimizer", "nesterov", "--momentum", "0.5", "--step-size", "0.3"],
         dict(optimizer="nesterov", momentum=0.5, step_size=0.3)),
        (["--optimizer", "rmsprop", "--decay-rate", "0.9", "--step-size", "0.01"],
         dict(optimizer="rmsprop", decay_rate=0.9, step_size=0.01)),
        (["--activation", "tanh", "--init", "xavier"], dict(activation="tanh", init="xavier")),
        (["--activation", "leaky_relu", "--skip-mask", "--init", "he", "--step-size", "0.1"],
         dict(activation="leaky_relu", skip_mask=True, init="he", step_size=0.1)),
        (["--dtype", "float32"], dict(dtype="float32")),
        (["--batch-size", "32", "--optimizer", "adam", "--beta2", "0.99", "--step-size", "0.01"],
         dict(batch_size=32, optimizer="adam", beta2=0.99, step_size=0.01)),
    ],
)
def test_new_options_reach_the_trainer(capsys, argv, fields):
    code, out, err = run_main(capsys, *argv, "--iters", "30", "--print-every", "10")
    assert code == 0 and err == ""
    trainer = Trainer(TrainConfig(iterations=30, **fields))
    trainer.step(30)
    what = "batch loss" if "batch_size" in fields else "loss"
    assert out.splitlines() == [
        *(f"iteration {i}: {what} {trainer.losses[i]:f}" for i in (0, 10, 20)),
        f"training accuracy: {trainer.accuracy():.2f}",
    ]
