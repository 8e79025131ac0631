"""The Japanese catalogue is complete and in step with the code, and the shipped .qm is its build.

- every entry of resources/translations/*.ts is finished and none is obsolete;
- running lupdate over the sources now would add no entry and drop none (a new tr() text
  without a translation fails here: run `bash packaging/translations.sh update`, translate);
- every translation keeps its source's placeholders ({0}, {name}, …) and accelerator;
- the committed .qm equals a fresh `pyside6-lrelease` of the .ts (`… build` after editing).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "translations.sh"
TS = sorted((ROOT / "resources" / "translations").glob("spiral_gui_*.ts"))
QM_DIR = ROOT / "spiral_gui" / "resources" / "translations"
BIN = Path(sys.executable).parent


def entries(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> the <translation> element."""
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            out[(name, message.findtext("source"))] = message.find("translation")
    return out


def run_script(*args: str) -> None:
    if shutil.which("bash") is None or not (BIN / "pyside6-lupdate").exists():
        pytest.skip("needs bash and PySide6's lupdate/lrelease in the environment")
    subprocess.run(["bash", str(SCRIPT), *args], check=True, cwd=ROOT, capture_output=True,
                   env={"SPIRAL_VENV": str(BIN.parent), "PATH": f"{BIN}:/usr/bin:/bin"})


def test_there_is_a_japanese_catalogue() -> None:
    assert [p.name for p in TS] == ["spiral_gui_ja.ts"]
    assert len(entries(TS[0])) > 100


@pytest.mark.parametrize("ts", TS, ids=lambda p: p.name)
def test_every_entry_is_finished_and_none_is_obsolete(ts: Path) -> None:
    bad = {key: t.get("type") for key, t in entries(ts).items()
           if t.get("type") or not (t.text or "").strip()}
    assert not bad, f"{len(bad)} entries unfinished, obsolete or empty in {ts.name}: {list(bad)[:5]}"


@pytest.mark.parametrize("ts", TS, ids=lambda p: p.name)
def test_translations_keep_the_placeholders_and_the_accelerator(ts: Path) -> None:
    for (context, source), t in entries(ts).items():
        placeholders = sorted(re.findall(r"\{[^{}]*\}", source))
        assert sorted(re.findall(r"\{[^{}]*\}", t.text)) == placeholders, (context, source, t.text)
        if re.search(r"&\w", source):
            assert re.search(r"&\w", t.text), f"{source!r} lost its accelerator: {t.text!r}"


def test_lupdate_on_the_sources_finds_exactly_the_catalogues_texts(tmp_path: Path) -> None:
    """A text added in the code without a translation, or one removed, fails here."""
    run_script("update", str(tmp_path))
    for ts in TS:
        fresh, committed = entries(tmp_path / ts.name), entries(ts)
        added = sorted(set(fresh) - set(committed))
        assert not added, f"texts not in {ts.name} yet (bash packaging/translations.sh update): {added}"
        assert set(fresh) == set(committed)
        unfinished = [key for key, t in fresh.items() if t.get("type")]
        assert not unfinished, unfinished


def test_the_shipped_qm_is_a_fresh_build_of_the_ts(tmp_path: Path) -> None:
    run_script("build", str(tmp_path))
    for ts in TS:
        qm = ts.with_suffix(".qm").name
        assert (QM_DIR / qm).read_bytes() == (tmp_path / qm).read_bytes(), (
            f"{qm} is out of date: bash packaging/translations.sh build"
        )


def test_the_qm_files_are_package_data() -> None:
    text = (ROOT / "pyproject.toml").read_text()
    assert '"resources/translations/*.qm"' in text
