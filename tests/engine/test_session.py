"""Session files: round trips, exact resumption, atomic writing, and every bad file refused."""

import errno
import io
import json
import os
import re
import stat
import zipfile

import numpy as np
import pytest

from spiral_gui.engine import TrainConfig, Trainer
from spiral_gui.engine import session as session_module
from spiral_gui.engine.experiment import build_experiment
from spiral_gui.engine.session import (
    FORMAT,
    SessionError,
    experiment_of,
    load_session,
    save_session,
    session_of,
)

SMALL = TrainConfig(n=30, hidden=12, iterations=400)


def _trained(config=SMALL, steps=100, **kw):
    e = build_experiment(config, **kw)
    e.trainer.step(steps)
    e.record()
    return e


def _assert_same_trainers(a: Trainer, b: Trainer):
    assert a.iteration == b.iteration
    assert a.losses.tobytes() == b.losses.tobytes()
    assert a.data_losses.tobytes() == b.data_losses.tobytes()
    for name, value in a.params().items():
        assert value.tobytes() == b.params()[name].tobytes(), name


@pytest.mark.parametrize(
    "config",
    [
        SMALL,
        SMALL.replace(model="linear"),
        SMALL.replace(test_fraction=0.3, dataset="moons", k=2),
        SMALL.replace(dataset="rings", k=4, step_size=0.5, reg=0.0),
    ],
)
def test_save_and_reopen_compares_equal_and_continues_exactly(tmp_path, config):
    e = _trained(config, 150)
    e.trainer.set_hyper(step_size=0.7)  # a live change is part of the state
    checkpoints = {"iteration": np.array([0, 100], np.int64)}
    checkpoints |= {n: np.stack([v, v]) for n, v in e.trainer.params().items()}
    s = session_of(e, checkpoints=checkpoints, info={"view": {"log_scale": True}, "note": "é"})
    path = tmp_path / "run.spiral"
    save_session(path, s)
    loaded = load_session(path)
    assert loaded == s
    assert loaded.state == "paused" and loaded.iteration == 150
    assert loaded.config.step_size == 0.7

    resumed = experiment_of(loaded)
    assert resumed.config == e.config
    np.testing.assert_array_equal(resumed.test, e.test)
    resumed.trainer.step(250)
    e.trainer.step(250)
    _assert_same_trainers(resumed.trainer, e.trainer)
    assert resumed.trainer.finished
    # Reset goes back to the run's first weights.
    resumed.trainer.reset()
    for name, value in build_experiment(config).trainer.params().items():
        np.testing.assert_array_equal(resumed.trainer.params()[name], value)


def test_custom_data_and_a_given_split_survive(tmp_path):
    X = np.random.RandomState(1).uniform(-1, 1, (25, 2))
    y = (X[:, 1] > 0).astype(np.uint8)
    test = np.zeros(25, bool)
    test[[3, 7]] = True
    e = _trained(TrainConfig(dataset="custom", k=2, hidden=5, iterations=50), 20, X=X, y=y, test=test)
    save_session(tmp_path / "c.spiral", session_of(e))
    back = experiment_of(load_session(tmp_path / "c.spiral"))
    np.testing.assert_array_equal(back.X, X)
    np.testing.assert_array_equal(back.test, test)
    _assert_same_trainers(back.trainer, e.trainer)


def test_a_diverged_run_reopens_diverged_with_its_last_finite_weights(tmp_path):
    e = build_experiment(SMALL.replace(step_size=1e5))
    e.trainer.step(50)
    assert e.trainer.diverged
    s = session_of(e)
    assert s.state == "diverged" and s.reason == e.trainer.reason
    save_session(tmp_path / "d.spiral", s)
    back = experiment_of(load_session(tmp_path / "d.spiral"))
    assert back.trainer.diverged and back.trainer.reason == e.trainer.reason
    _assert_same_trainers(back.trainer, e.trainer)


def test_state_arrays_need_a_trainer_that_keeps_them(tmp_path):
    e = _trained()
    s = session_of(e)
    object.__setattr__(s, "state_arrays", {"velocity/W": np.zeros((2, 12))})
    save_session(tmp_path / "o.spiral", s)
    loaded = load_session(tmp_path / "o.spiral")
    assert loaded == s
    if not hasattr(Trainer, "load_state_arrays"):
        with pytest.raises(SessionError, match="keeps no optimizer state"):
            experiment_of(loaded)


def test_unknown_arrays_are_kept(tmp_path):
    s = session_of(_trained())
    object.__setattr__(s, "extra_arrays", {"future/thing": np.arange(5)})
    save_session(tmp_path / "f.spiral", s)
    assert load_session(tmp_path / "f.spiral").extra_arrays.keys() == {"future/thing"}


# -- atomic writing ------------------------------------------------------------------------------


def test_a_full_disk_leaves_the_old_file_and_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "run.spiral"
    old = session_of(_trained(steps=10))
    save_session(path, old)
    before = path.read_bytes()

    real = zipfile.ZipFile.writestr

    def full(self, name, data, *a, **kw):
        if name == "arrays.npz":
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, name, data, *a, **kw)

    monkeypatch.setattr(zipfile.ZipFile, "writestr", full)
    with pytest.raises(OSError, match="No space left"):
        save_session(path, session_of(_trained(steps=20)))
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run.spiral"]
    assert load_session(path) == old


def test_a_crash_before_the_rename_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "run.spiral"
    save_session(path, session_of(_trained(steps=10)))
    before = path.read_bytes()
    monkeypatch.setattr(session_module.os, "replace", lambda *a: (_ for _ in ()).throw(KeyboardInterrupt))
    with pytest.raises(KeyboardInterrupt):
        save_session(path, session_of(_trained(steps=20)))
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["run.spiral"]


def test_permissions_of_an_existing_file_are_kept(tmp_path):
    path = tmp_path / "run.spiral"
    save_session(path, session_of(_trained(steps=5)))
    os.chmod(path, 0o640)
    save_session(path, session_of(_trained(steps=6)))
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_saving_into_a_missing_folder_raises_oserror(tmp_path):
    with pytest.raises(OSError):
        save_session(tmp_path / "nope" / "run.spiral", session_of(_trained(steps=1)))


# -- bad files: one clear message each -----------------------------------------------------------


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good.spiral"
    save_session(path, session_of(_trained()))
    return path


def _refused(path, pattern: str) -> str:
    with pytest.raises(SessionError) as info:
        load_session(path)
    message = str(info.value)
    assert message.startswith(f"cannot open {path.name}: "), message
    assert "\n" not in message
    assert re.search(pattern, message), message
    return message


def _rewrite(src, dst, document=None, arrays=None, extra_members=None):
    """A session file with its document and/or arrays changed, written without any checks."""
    with zipfile.ZipFile(src) as z:
        doc = json.loads(z.read("session.json"))
        stored = dict(np.load(io.BytesIO(z.read("arrays.npz"))))
    if document:
        document(doc)
    if arrays:
        arrays(stored)
        doc["arrays"] = {k: {"dtype": v.dtype.str, "shape": list(v.shape)} for k, v in stored.items()}
    packed = io.BytesIO()
    np.savez(packed, **stored)
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("session.json", json.dumps(doc))
        z.writestr("arrays.npz", packed.getvalue())
        for name, data in (extra_members or {}).items():
            z.writestr(name, data)
    return dst


def test_missing_empty_and_folder(tmp_path):
    _refused(tmp_path / "none.spiral", "there is no such file")
    (tmp_path / "empty.spiral").write_bytes(b"")
    _refused(tmp_path / "empty.spiral", "the file is empty")
    (tmp_path / "dir.spiral").mkdir()
    _refused(tmp_path / "dir.spiral", "not a file")


def test_truncated(good, tmp_path):
    data = good.read_bytes()
    for cut in (10, len(data) // 2, len(data) - 10):
        bad = tmp_path / f"cut{cut}.spiral"
        bad.write_bytes(data[:cut])
        _refused(bad, "truncated or damaged")


def test_corrupt(good, tmp_path):
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as z:
        info = z.getinfo("arrays.npz")
    middle = info.header_offset + 30 + len(info.filename) + info.compress_size // 2
    data[middle] ^= 0xFF
    bad = tmp_path / "flip.spiral"
    bad.write_bytes(bytes(data))
    _refused(bad, "damaged")


def test_foreign_files(tmp_path):
    (tmp_path / "a.spiral").write_text('{"hello": 1}')
    _refused(tmp_path / "a.spiral", r"not a Spiral GUI session \(a JSON file\)")
    (tmp_path / "b.spiral").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    _refused(tmp_path / "b.spiral", r"not a Spiral GUI session \(not a zip archive\)")
    with zipfile.ZipFile(tmp_path / "c.spiral", "w") as z:
        z.writestr("word/document.xml", "<w/>")
    _refused(tmp_path / "c.spiral", "a zip archive without session.json")
    with zipfile.ZipFile(tmp_path / "d.spiral", "w") as z:
        z.writestr("session.json", json.dumps({"format": "other", "version": 1}))
    _refused(tmp_path / "d.spiral", "its document is of another format")
    with zipfile.ZipFile(tmp_path / "e.spiral", "w") as z:
        z.writestr("session.json", b"\xff{not json")
    _refused(tmp_path / "e.spiral", "session.json is not valid JSON")


def test_newer_version(good, tmp_path):
    bad = _rewrite(good, tmp_path / "new.spiral", document=lambda d: d.update(version=2))
    _refused(bad, r"saved by a newer Spiral GUI \(session format 2; this version reads up to 1\)")
    bad = _rewrite(good, tmp_path / "field.spiral", document=lambda d: d["config"].update(warp=9))
    _refused(bad, r"settings this version does not know \(warp\)")


def test_pickled_arrays(good, tmp_path):
    def add_object(a):
        a["params/W"] = np.array([{"evil": 1}, None], dtype=object)

    with zipfile.ZipFile(good) as z:
        doc = json.loads(z.read("session.json"))
        stored = dict(np.load(io.BytesIO(z.read("arrays.npz"))))
    add_object(stored)
    packed = io.BytesIO()
    np.savez(packed, allow_pickle=True, **stored)
    bad = tmp_path / "pickle.spiral"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("session.json", json.dumps(doc))
        z.writestr("arrays.npz", packed.getvalue())
    _refused(bad, r"holds a pickled Python object \(params/W\)")


def test_oversized_file_and_zip_bomb(good, tmp_path, monkeypatch):
    monkeypatch.setattr(session_module, "MAX_FILE_BYTES", good.stat().st_size - 1)
    _refused(good, "over the .* a session may be")
    monkeypatch.undo()
    # 200 MB of zeros deflate to about 200 kB: refused from the zip directory, before unpacking.
    bomb = tmp_path / "bomb.spiral"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("session.json", "{}")
        with z.open("arrays.npz", "w", force_zip64=True) as f:
            block = bytes(1 << 20)
            for _ in range(200):
                f.write(block)
    assert bomb.stat().st_size < 1 << 20
    monkeypatch.setattr(session_module, "MAX_UNPACKED_BYTES", 100 << 20)
    _refused(bomb, r"would unpack to 200\.0 MiB, over the 100\.0 MiB limit")


def test_a_directory_that_understates_a_size_is_caught(good, tmp_path):
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as z:
        info = z.getinfo("arrays.npz")
    # Central directory entries start with PK\1\2; the uncompressed size is at offset 24, the
    # name at offset 46.
    entry = data.index(b"PK\x01\x02")
    while data[entry + 46 : entry + 46 + len(info.filename)] != info.filename.encode():
        entry = data.index(b"PK\x01\x02", entry + 4)
    data[entry + 24 : entry + 28] = (info.file_size // 2).to_bytes(4, "little")
    bad = tmp_path / "liar.spiral"
    bad.write_bytes(bytes(data))
    _refused(bad, "damaged")


@pytest.mark.parametrize(
    ("change", "pattern"),
    [
        (lambda a: a.__setitem__("params/W", np.full_like(a["params/W"], np.nan)), "not finite numbers"),
        (lambda a: a.__setitem__("params/W2", a["params/W2"][:-1]), r"parameter W2 must be \(12, 3\)"),
        (lambda a: a.__setitem__("y", np.full_like(a["y"], 3)), "label 3, not a class below K = 3"),
        (lambda a: a.__setitem__("X", a["X"][:-1]), "labels must be one per point"),
        (lambda a: a.__setitem__("history/loss", a["history/loss"][:-1]), "must hold 100 float64 losses"),
        (lambda a: a.pop("params/b2"), "parameters must be W, b, W2, b2"),
        (lambda a: a.__setitem__("test", a["test"].astype(np.uint8)), "held-out mask must be 90 booleans"),
        (lambda a: a.__setitem__("metrics/iteration", np.zeros(3, np.int64)), "metrics arrays differ"),
    ],
)
def test_inconsistent_arrays(good, tmp_path, change, pattern):
    _refused(_rewrite(good, tmp_path / "bad.spiral", arrays=change), pattern)


@pytest.mark.parametrize(
    ("change", "pattern"),
    [
        (lambda d: d["config"].update(k=1), "its configuration is refused: k must be between 2 and 20"),
        (lambda d: d["config"].update(n=31), r"spiral data has 90 points, not N × K = 93"),
        (lambda d: d.update(iteration=99), "must hold 99 float64 losses"),
        (lambda d: d.update(status={"state": "flying"}), "status is missing or unknown"),
        (lambda d: d["arrays"].pop("X"), "arrays do not match its document"),
        (lambda d: d["arrays"]["y"].update(shape=[3]), "array y is not what its document says"),
    ],
)
def test_inconsistent_documents(good, tmp_path, change, pattern):
    _refused(_rewrite(good, tmp_path / "bad.spiral", document=change), pattern)


def test_the_document_names_its_format_and_version(good):
    with zipfile.ZipFile(good) as z:
        doc = json.loads(z.read("session.json"))
        assert z.namelist() == ["session.json", "arrays.npz"]
    assert (doc["format"], doc["version"]) == (FORMAT, 1)
    assert doc["config"] == SMALL.as_dict()
    assert doc["data"] == {"dataset": "spiral", "points": 90, "classes": 3, "held_out": 0}
