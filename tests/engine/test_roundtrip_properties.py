"""Property tests: any session reopens equal, resuming equals continuing, CSV data round trips."""

import io
import tempfile
from pathlib import Path

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spiral_gui.engine import TrainConfig
from spiral_gui.engine.config import fixed_k
from spiral_gui.engine.csvio import read_points_csv, write_data_csv
from spiral_gui.engine.datasets import GENERATED
from spiral_gui.engine.experiment import build_experiment
from spiral_gui.engine.session import experiment_of, load_session, save_session, session_of

SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def configs(draw):
    dataset = draw(st.sampled_from(GENERATED))
    k = fixed_k(dataset) or draw(st.integers(2, 5))
    return TrainConfig(
        model=draw(st.sampled_from(["linear", "nn"])),
        dataset=dataset,
        n=draw(st.integers(2, 25)),
        k=k,
        hidden=draw(st.integers(1, 12)),
        step_size=draw(st.sampled_from([0.1, 0.5, 1.0, 3.0])),
        reg=draw(st.sampled_from([0.0, 1e-3, 0.05])),
        seed=draw(st.integers(0, 2**32 - 1)),
        noise=draw(st.floats(0, 1)),
        test_fraction=draw(st.sampled_from([0.0, 0.2, 0.5])),
        iterations=60,
    )


finite = st.floats(-1e3, 1e3, allow_nan=False, allow_infinity=False)


@SETTINGS
@given(
    config=configs(),
    steps=st.integers(0, 30),
    info=st.dictionaries(st.text(max_size=5), st.one_of(st.integers(), st.text(max_size=8), st.booleans())),
    extra=st.lists(finite, max_size=6),
)
def test_any_session_saved_and_reopened_compares_equal(config, steps, info, extra):
    e = build_experiment(config)
    e.trainer.step(steps)
    if steps % 2:
        e.record()
    s = session_of(e, info=info)
    object.__setattr__(s, "extra_arrays", {"later/values": np.array(extra, dtype=np.float64)})
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "s.spiral"
        save_session(path, s)
        loaded = load_session(path)
    assert loaded == s
    assert loaded.config == config.replace(step_size=e.config.step_size)


@SETTINGS
@given(config=configs(), first=st.integers(0, 40), second=st.integers(0, 20))
def test_resuming_equals_continuing(config, first, second):
    straight = build_experiment(config)
    straight.trainer.step(first + second)

    e = build_experiment(config)
    e.trainer.step(first)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "s.spiral"
        save_session(path, session_of(e))
        resumed = experiment_of(load_session(path))
    resumed.trainer.step(second)

    a, b = straight.trainer, resumed.trainer
    assert (a.iteration, a.diverged, a.reason) == (b.iteration, b.diverged, b.reason)
    assert a.losses.tobytes() == b.losses.tobytes()
    assert a.data_losses.tobytes() == b.data_losses.tobytes()
    for name, value in a.params().items():
        assert value.tobytes() == b.params()[name].tobytes()
    if straight.test_count:
        assert straight.evaluate_test() == resumed.evaluate_test()


@SETTINGS
@given(
    points=st.lists(st.tuples(finite, finite, st.integers(0, 19), st.booleans()), min_size=1, max_size=60),
)
def test_csv_data_round_trip(points):
    X = np.array([(p[0], p[1]) for p in points], dtype=np.float64)
    y = np.array([p[2] for p in points], dtype=np.uint8)
    test = np.array([p[3] for p in points], dtype=bool)
    out = io.StringIO()
    write_data_csv(out, X, y, test)
    back = read_points_csv(io.StringIO(out.getvalue()))
    assert back.X.tobytes() == X.tobytes()
    np.testing.assert_array_equal(back.y, y)
    np.testing.assert_array_equal(back.test, test)
    assert back.k == max(2, int(y.max()) + 1)
