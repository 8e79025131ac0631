"""benchmarks/check_readme.py: the README's figures against the CLI's printout and the stored
benchmark results; and the README's loss figures against the real CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "benchmarks" / "check_readme.py"
README = (ROOT / "README.md").read_text(encoding="utf-8")

GOOD_CLI = "iteration 0: loss 1.098637\niteration 9000: loss 0.245064\ntraining accuracy: 0.98\n"


def _check(tmp_path: Path, *args: str, cli: str = GOOD_CLI, figures: dict | None = None,
           readme: str = README) -> subprocess.CompletedProcess:
    results = tmp_path / "results"
    results.mkdir(exist_ok=True)
    for name, values in (figures or {}).items():
        (results / f"{name}.json").write_text(json.dumps({"figures": values}), encoding="utf-8")
    (tmp_path / "cli.txt").write_text(cli, encoding="utf-8")
    (tmp_path / "README.md").write_text(readme, encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(SCRIPT), "--readme", str(tmp_path / "README.md"), "--results", str(results),
         "--cli-output", str(tmp_path / "cli.txt"), *args],
        capture_output=True, text=True, timeout=120, check=False,
    )


def _readme_with(figures: str) -> str:
    """The README's performance rows with chosen figures (the checker reads only these)."""
    return ("the net's losses (1.098637 at iteration 0, 0.245064 at\n  iteration 9,000)\n" + figures)


ROWS = ("| warm, in one process | 3.1–3.5× faster | ≥ 1.8× |\n"
        "| same, first run in a fresh process | 2.8–3.1× faster | |\n"
        "| engine vs plain loop at N = 10,000 per class | 1.6–1.8× faster | not slower |\n"
        "| process start to first painted window, median of 5 | 0.63 s | ≤ 1.0 s |\n")
MEASURED = {"engine": {"ratio_n100": 3.3, "fresh_ratio_n100": 2.9, "ratio_n10000": 1.7},
            "startup": {"first_paint_median_s": 0.66, "first_paint_s": [0.6, 0.66, 0.7]}}


def test_agreeing_figures_pass(tmp_path) -> None:
    proc = _check(tmp_path, "--strict", readme=_readme_with(ROWS), figures=MEASURED)
    assert proc.returncode == 0, proc.stdout
    assert proc.stdout.count("ok ") == 6


def test_a_figure_outside_the_quoted_range_fails(tmp_path) -> None:
    figures = {**MEASURED, "engine": {**MEASURED["engine"], "ratio_n10000": 1.2}}
    proc = _check(tmp_path, readme=_readme_with(ROWS), figures=figures)
    assert proc.returncode == 1
    assert "MISMATCH  engine speed-up at N = 10,000: README 1.6–1.8" in proc.stdout


def test_a_loss_the_cli_does_not_print_fails(tmp_path) -> None:
    proc = _check(tmp_path, readme=_readme_with(ROWS), figures=MEASURED,
                  cli=GOOD_CLI.replace("0.245064", "0.244975"))
    assert proc.returncode == 1
    assert "MISMATCH  the net's loss at iteration 9,000: README 0.245064" in proc.stdout


def test_unmeasured_figures_fail_only_when_strict(tmp_path) -> None:
    assert _check(tmp_path, readme=_readme_with(ROWS)).returncode == 0
    strict = _check(tmp_path, "--strict", readme=_readme_with(ROWS))
    assert strict.returncode == 1 and "UNCHECKED" in strict.stdout


def test_reworded_claims_are_reported(tmp_path) -> None:
    proc = _check(tmp_path, readme="nothing quoted here", figures=MEASURED)
    assert proc.returncode == 1 and proc.stdout.count("MISSING") == 6


def test_the_readme_quotes_the_losses_the_cli_prints(tmp_path) -> None:
    """The real README against a real `spiral-train --print-every 1000` run."""
    proc = subprocess.run([sys.executable, str(SCRIPT), "--results", str(tmp_path)], capture_output=True,
                          text=True, timeout=300, check=False, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "ok        the net's loss at iteration 9,000: README 0.245064" in proc.stdout


def test_the_stored_results_agree_with_the_readme() -> None:
    """Whatever the benchmarks have stored in benchmarks/results/ agrees with the README."""
    proc = subprocess.run([sys.executable, str(SCRIPT), "--cli-output", "/dev/null"], capture_output=True,
                          text=True, timeout=120, check=False, cwd=ROOT)
    lines = [line for line in proc.stdout.splitlines() if "spiral-train" not in line]
    assert not [line for line in lines if line.startswith(("MISMATCH", "MISSING"))], proc.stdout
