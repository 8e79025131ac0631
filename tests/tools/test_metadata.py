"""Package metadata and the changelog: who makes it, where to read about it, what changed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import spiral_gui

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    tomllib = pytest.importorskip("tomli")

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_authors_and_long_description(pyproject) -> None:
    project = pyproject["project"]
    assert project["authors"] == [{"name": "Spiral GUI developers"}]
    assert "readme" in project["dynamic"]
    readme = pyproject["tool"]["setuptools"]["dynamic"]["readme"]
    assert readme["file"] == ["README.md", "CHANGELOG.md"] and readme["content-type"] == "text/markdown"
    for url in project.get("urls", {}).values():  # only real addresses, never placeholders
        assert not re.search(r"example\.(com|org)|placeholder|TODO", url), url


def test_the_changelog_has_an_unreleased_section_and_the_current_version() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, flags=re.MULTILINE)
    assert headings[0] == "Unreleased"
    assert any(h.split()[0] == spiral_gui.__version__ for h in headings[1:]), headings
