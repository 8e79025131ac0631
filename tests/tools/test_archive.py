"""The bundle is also shipped as a .tar.gz with a SHA-256 file that `sha256sum -c` accepts."""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("build", ROOT / "packaging" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_archive_holds_the_folder_and_its_checksum(build, tmp_path) -> None:
    folder = tmp_path / "spiral-gui-0.1.0-linux-x86_64"
    (folder / "lib").mkdir(parents=True)
    (folder / "spiral-gui").write_bytes(b"#!/bin/sh\necho hi\n")
    (folder / "spiral-gui").chmod(0o755)
    (folder / "lib" / "data.bin").write_bytes(bytes(range(256)) * 100)

    tar_path, sha_path = build.archive(folder)
    assert tar_path == tmp_path / "spiral-gui-0.1.0-linux-x86_64.tar.gz"
    assert sha_path.name == "spiral-gui-0.1.0-linux-x86_64.tar.gz.sha256"
    digest, name = sha_path.read_text(encoding="ascii").split()
    assert name == tar_path.name
    assert digest == hashlib.sha256(tar_path.read_bytes()).hexdigest()
    with tarfile.open(tar_path) as tar:
        members = {m.name: m for m in tar.getmembers()}
        assert set(members) == {folder.name, f"{folder.name}/spiral-gui", f"{folder.name}/lib",
                                f"{folder.name}/lib/data.bin"}
        assert members[f"{folder.name}/spiral-gui"].mode & 0o111
        assert tar.extractfile(f"{folder.name}/lib/data.bin").read() == bytes(range(256)) * 100
    if shutil.which("sha256sum"):
        check = subprocess.run(["sha256sum", "-c", sha_path.name], cwd=tmp_path, capture_output=True,
                               text=True, check=False)
        assert check.returncode == 0 and "OK" in check.stdout
