"""Check the figures README.md quotes against what the command line prints and the benchmarks store.

    python benchmarks/check_readme.py              # README.md vs spiral-train and benchmarks/results/
    python benchmarks/check_readme.py --strict     # also fail on figures no benchmark has stored
    python benchmarks/check_readme.py --results DIR --cli-output FILE   # canned inputs (tests)

Each claim names a pattern in README.md that captures the quoted figure(s) and where the true
value comes from:
- `spiral-train --print-every 1000` (the default run): losses are compared exactly, as printed;
- benchmarks/results/<name>.json, written by the benchmark scripts (benchmarks/results.py):
  timing figures vary between runs, so a quoted range "a–b" passes when every stored value lies
  within it widened by TOLERANCE, and a single quoted figure when the stored one is within
  TOLERANCE of it.

Exit status 0 if every checked figure agrees, 1 otherwise (2 for bad arguments). A claim whose
benchmark has stored nothing is reported as not checked (a failure only with --strict).
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import results

ROOT = Path(__file__).resolve().parent.parent
#: Relative slack for timing figures, which move by this much between runs on a shared machine.
TOLERANCE = 0.15

_NUM = r"(\d+(?:\.\d+)?)"
_RANGE = _NUM + r"(?:–" + _NUM + r")?"  # "3.1–3.5" or "0.63"


@dataclass(frozen=True)
class Claim:
    what: str
    pattern: str  #: regex over README.md; its groups are the quoted figure(s)
    source: str  #: "cli" or a benchmark's results name
    key: str  #: "loss@<iteration>" for the CLI, a figure's name in the results file
    exact: bool = False


CLAIMS = [
    Claim("the net's loss at iteration 0", r"the net's losses \((\d\.\d{6}) at iteration 0", "cli", "loss@0",
          exact=True),
    Claim("the net's loss at iteration 9,000", r"at iteration 0, (\d\.\d{6}) at\s+iteration 9,000", "cli",
          "loss@9000", exact=True),
    Claim("engine speed-up, case-study size, warm", r"warm, in one process \| " + _RANGE + r"× faster",
          "engine", "ratio_n100"),
    Claim("engine speed-up, case-study size, fresh process", r"first run in a fresh process \| " + _RANGE
          + r"× faster", "engine", "fresh_ratio_n100"),
    Claim("engine speed-up at N = 10,000", r"plain loop at N = 10,000 per class \| " + _RANGE + r"× faster",
          "engine", "ratio_n10000"),
    Claim("process start to first painted window", r"first painted window, median of 5 \| " + _RANGE + r" s",
          "startup", "first_paint_median_s"),
]


def cli_losses(text: str) -> dict[str, float]:
    lines = re.finditer(r"^iteration (\d+): loss (\d+\.\d+)$", text, re.MULTILINE)
    return {f"loss@{m[1]}": float(m[2]) for m in lines}


def run_cli() -> str:
    proc = subprocess.run([sys.executable, "-m", "spiral_gui.cli", "--print-every", "1000"], cwd=ROOT,
                          capture_output=True, text=True, timeout=600, check=True)
    return proc.stdout


def check(
    readme: str, cli_text: Callable[[], str], results_dir: Path, strict: bool
) -> tuple[list[str], bool]:
    """(report lines, all good)."""
    lines, good, cli = [], True, None
    for claim in CLAIMS:
        match = re.search(claim.pattern, readme)
        if not match:
            lines.append(f"MISSING   {claim.what}: README.md no longer says it in the expected words")
            good = False
            continue
        quoted = [float(g) for g in match.groups() if g is not None]
        if claim.source == "cli":
            cli = cli if cli is not None else cli_losses(cli_text())
            measured = cli.get(claim.key)
            source = "spiral-train --print-every 1000"
        else:
            stored = results.read(claim.source, results_dir)
            measured = None if stored is None else stored.get(claim.key)
            source = f"benchmarks/results/{claim.source}.json"
        if measured is None:
            lines.append(f"UNCHECKED {claim.what}: {source} has no {claim.key}")
            good = good and not strict
            continue
        values = measured if isinstance(measured, list) else [measured]
        ok = _agrees(quoted, values, claim.exact)
        shown = "–".join(f"{v:.6f}" if claim.exact else f"{v:g}" for v in quoted)
        got = ", ".join(f"{v:.6f}" if claim.exact else f"{v:.3g}" for v in values)
        lines.append(f"{'ok       ' if ok else 'MISMATCH '} {claim.what}: README {shown}, {source} {got}")
        good = good and ok
    return lines, good


def _agrees(quoted: list[float], values: list[float], exact: bool) -> bool:
    if exact:
        return all(f"{v:.6f}" == f"{quoted[0]:.6f}" for v in values)
    low, high = min(quoted), max(quoted)
    return all(low * (1 - TOLERANCE) <= v <= high * (1 + TOLERANCE) for v in values)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--readme", type=Path, default=ROOT / "README.md")
    ap.add_argument("--results", type=Path, default=results.RESULTS_DIR, metavar="DIR",
                    help="folder of the benchmarks' JSON results (default benchmarks/results)")
    ap.add_argument("--cli-output", type=Path, metavar="FILE",
                    help="use this saved output of `spiral-train --print-every 1000` instead of running it")
    ap.add_argument("--strict", action="store_true", help="fail on figures no benchmark has stored")
    args = ap.parse_args(argv)
    readme = args.readme.read_text(encoding="utf-8")

    def cli_text() -> str:
        return args.cli_output.read_text(encoding="utf-8") if args.cli_output else run_cli()

    lines, good = check(readme, cli_text, args.results, args.strict)
    print("\n".join(lines))
    print("README figures agree" if good else "README figures disagree with the measurements")
    return 0 if good else 1


if __name__ == "__main__":
    raise SystemExit(main())
