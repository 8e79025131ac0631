"""Where the benchmarks store the figures the README quotes, for benchmarks/check_readme.py.

Each script calls `write(name, figures)` at its end: `benchmarks/results/<name>.json` then holds
the figures of its latest run (a number, or a list of numbers for repeats within the run), with
the date, the commit and the machine's load. Commit the files with the README they back.
"""

from __future__ import annotations

import datetime
import json
import os
import subprocess
from pathlib import Path

RESULTS_DIR = Path(__file__).resolve().parent / "results"


def _commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                             cwd=RESULTS_DIR.parent, timeout=10, check=False)
        return out.stdout.strip() or "unknown"
    except OSError:
        return "unknown"


def write(name: str, figures: dict[str, float | list[float]], directory: Path | None = None) -> Path:
    """Store one benchmark's figures as results/<name>.json; returns the file's path."""
    directory = directory or Path(os.environ.get("SPIRAL_BENCH_RESULTS", RESULTS_DIR))
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}.json"
    record = {
        "benchmark": name,
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "commit": _commit(),
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
        "figures": figures,
    }
    path.write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    return path


def read(name: str, directory: Path | None = None) -> dict[str, float | list[float]] | None:
    """The figures of results/<name>.json, or None if that benchmark has not stored any."""
    path = (directory or RESULTS_DIR) / f"{name}.json"
    if not path.is_file():
        return None
    return json.loads(path.read_text(encoding="utf-8"))["figures"]
