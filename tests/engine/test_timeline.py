"""The timeline: which checkpoints a run keeps, that they are the real parameters, replays."""

import math

import numpy as np
import pytest

from spiral_gui.engine import TrainConfig, Trainer
from spiral_gui.engine.experiment import build_experiment
from spiral_gui.engine.grid import GridSpec, predict_grid
from spiral_gui.engine.models import loss_and_grads
from spiral_gui.engine.replay import replay_snapshot
from spiral_gui.engine.session import load_session, save_session, session_of
from spiral_gui.engine.timeline import MAX_BYTES, MIN_CHECKPOINTS, Timeline


def _params(i: float, h: int = 3) -> dict[str, np.ndarray]:
    return {"W": np.full((2, h), i), "b": np.full((1, h), -i)}


def _record_all(timeline: Timeline, last: int, h: int = 3) -> None:
    for i in range(last + 1):
        timeline.record(i, _params(float(i), h))


@pytest.mark.parametrize("last", [0, 5, 99, 100, 101, 1_000, 12_345, 200_000])
def test_thinning_keeps_at_most_capacity_and_the_first_and_last(last):
    timeline = Timeline(capacity=200)
    _record_all(timeline, last)
    its = timeline.iterations
    assert len(timeline) == its.size <= 200
    assert its[0] == 0 and its[-1] == last
    assert (np.diff(its) > 0).all()
    assert (its[: min(100, last + 1)] == np.arange(min(100, last + 1))).all()  # dense at first
    if last > 1_000:  # the later part is covered evenly: one stride apart, at least a quarter full
        later = its[100:-1]
        assert (np.diff(later) == timeline.stride).all()
        assert later.size >= 200 // 4


def test_every_kept_checkpoint_holds_its_own_parameters():
    timeline = Timeline(capacity=64)
    _record_all(timeline, 5_000)
    for i in timeline.iterations:
        p = timeline.params_at(int(i))
        assert (p["W"] == i).all() and (p["b"] == -i).all()
        assert not p["W"].flags.writeable


def test_wants_and_next_wanted_agree_with_what_is_kept():
    timeline = Timeline(capacity=64)
    kept_by_policy = []
    i = 0
    timeline.record(0, _params(0))
    while i < 3_000:
        i = timeline.next_wanted(i)
        assert timeline.wants(i)
        assert not any(timeline.wants(j) for j in range(kept_by_policy[-1] + 1 if kept_by_policy else 1, i))
        timeline.record(i, _params(i))
        kept_by_policy.append(i)
    assert set(timeline.iterations) <= {0, *kept_by_policy}


def test_recording_only_the_wanted_iterations_keeps_the_same_checkpoints():
    """What the worker does (copy only when kept, plus the tail) equals recording everything."""
    every, wanted = Timeline(capacity=64), Timeline(capacity=64)
    _record_all(every, 7_777)
    i = 0
    wanted.record(0, _params(0))
    while True:
        nxt = wanted.next_wanted(i)
        if nxt > 7_777:
            break
        i = nxt
        wanted.record(i, _params(i))
    wanted.record(7_777, _params(7_777))
    np.testing.assert_array_equal(every.iterations, wanted.iterations)


def test_memory_is_bounded_for_a_large_model():
    h = 4_096
    params = {"W": np.zeros((2, h)), "b": np.zeros((1, h)), "W2": np.zeros((h, 3)), "b2": np.zeros((1, 3))}
    timeline = Timeline()
    for i in range(3_000):
        timeline.record(i, params)
    each = 8 * (2 * h + h + 3 * h + 3)
    assert timeline.capacity == MAX_BYTES // each == 341
    assert len(timeline) <= 341
    assert timeline.nbytes <= MAX_BYTES
    assert timeline.iterations[-1] == 2_999


def test_case_study_net_keeps_every_iteration_of_the_first_thousand():
    trainer = Trainer(TrainConfig(n=30, iterations=3_000))
    timeline = Timeline()
    timeline.record(0, trainer.params())
    while not trainer.finished:
        trainer.step(1)
        timeline.record(trainer.iteration, trainer.params())
    its = timeline.iterations
    assert (its[:1_000] == np.arange(1_000)).all()
    assert its[-1] == 3_000 and len(timeline) <= 2_000
    assert timeline.nbytes == len(timeline) * 8 * 603  # 603 parameters of the notes' net


def test_nearest_and_evenly():
    timeline = Timeline(capacity=32)
    _record_all(timeline, 1_000)
    its = timeline.iterations
    for target in (0, 7, 15, 16, 17, 300, 555, 999, 1_000, 5_000, -3):
        got = timeline.nearest(target)
        assert got in its
        assert abs(got - target) == np.abs(its - target).min()
    picked = timeline.evenly(10)
    assert len(picked) <= 10 and picked[0] == 0 and picked[-1] == 1_000
    assert timeline.evenly(1_000_000) == list(its)


def test_recording_backwards_is_refused_and_clear_starts_afresh():
    timeline = Timeline(capacity=MIN_CHECKPOINTS)
    _record_all(timeline, 50)
    with pytest.raises(ValueError, match="increase"):
        timeline.record(10, _params(10))
    timeline.clear()
    assert len(timeline) == 0 and timeline.last_iteration == -1
    timeline.record(0, _params(0))
    assert list(timeline.iterations) == [0]
    with pytest.raises(ValueError):
        Timeline(capacity=MIN_CHECKPOINTS - 1)


def test_arrays_round_trip_through_a_session(tmp_path):
    experiment = build_experiment(TrainConfig(n=30, iterations=400))
    trainer = experiment.trainer
    timeline = Timeline(capacity=64)
    timeline.record(0, trainer.params())
    for _ in range(400):
        trainer.step(1)
        timeline.record(trainer.iteration, trainer.params())
    arrays = timeline.arrays()
    assert arrays["iteration"].dtype == np.int64
    assert arrays["W"].shape == (len(timeline), 2, 100)
    path = tmp_path / "run.spiral"
    save_session(path, session_of(experiment, checkpoints=arrays))
    loaded = Timeline.from_arrays(load_session(path).checkpoints, capacity=64)
    np.testing.assert_array_equal(loaded.iterations, timeline.iterations)
    for i in timeline.iterations:
        for name, value in timeline.params_at(int(i)).items():
            np.testing.assert_array_equal(loaded.params_at(int(i))[name], value)
    assert len(Timeline.from_arrays({})) == 0


def test_replay_is_the_checkpoint_seen_by_the_engine():
    config = TrainConfig(n=40, hidden=20, iterations=300)
    trainer = Trainer(config)
    timeline = Timeline(capacity=64)
    timeline.record(0, trainer.params())
    for _ in range(300):
        trainer.step(1)
        timeline.record(trainer.iteration, trainer.params())
    grid = GridSpec.over(trainer.X, 50)
    for target in (0, 17, 250, 300):
        at = timeline.nearest(target)
        snap = replay_snapshot(trainer, timeline, target, run_id=1, status="paused", event="paused",
                               grid=grid)
        params = timeline.params_at(at)
        assert snap.viewing and snap.iteration == at and snap.regions_iteration == at
        np.testing.assert_array_equal(snap.regions, predict_grid(params, grid, np.float32, "relu"))
        full = loss_and_grads(params, trainer.X, trainer.y, config.reg)
        accuracy = float((full.probs.argmax(axis=1) == trainer.y).mean())
        assert snap.accuracy == pytest.approx(accuracy)
        assert snap.active_fraction == pytest.approx(float((full.hidden > 0).mean()))
        if at < trainer.iteration:  # the loss recorded at that iteration is that of its parameters
            assert snap.loss == pytest.approx(full.loss, rel=1e-9)
        else:
            assert snap.loss == trainer.last_loss
        assert snap.losses.size == 0 and snap.loss_start == trainer.iteration


def test_replay_of_the_linear_classifier_has_no_hidden_layer():
    trainer = Trainer(TrainConfig(model="linear", n=20, iterations=10))
    timeline = Timeline()
    timeline.record(0, trainer.params())
    grid = GridSpec.over(trainer.X, 20)
    snap = replay_snapshot(trainer, timeline, 5, run_id=1, status="ready", event="ready", grid=grid)
    assert snap.iteration == 0 and math.isnan(snap.active_fraction) and math.isnan(snap.loss)
    np.testing.assert_array_equal(snap.regions, predict_grid(trainer.params(), grid, np.float32))
