"""The line-by-line executor against a full forward/backward pass and the ordinary Trainer.step(1)."""

import numpy as np
import pytest

from spiral_gui.engine import TrainConfig, Trainer, forward, loss_and_grads
from spiral_gui.engine.grid import GridSpec
from spiral_gui.engine.snapshot import take_snapshot
from spiral_gui.engine.status import Event, Status
from spiral_gui.engine.stepper import IterationStepper, notebook_lines

NET_NAMES = [
    "hidden_layer", "scores", "exp_scores", "probs", "correct_logprobs", "data_loss", "reg_loss",
    "loss", "dscores", "dscores", "dscores", "dW2", "db2", "dhidden", "dhidden", "dW", "db",
    "dW2", "dW", "W", "b", "W2", "b2",
]  # fmt: skip
LINEAR_NAMES = [
    "scores", "exp_scores", "probs", "correct_logprobs", "data_loss", "reg_loss", "loss",
    "dscores", "dscores", "dscores", "dW", "db", "dW", "W", "b",
]  # fmt: skip
MASK_LINE = "dhidden[hidden_layer <= 0] = 0"


def _trainer(model: str, iterations: int = 0) -> Trainer:
    trainer = Trainer(TrainConfig(model=model))
    trainer.step(iterations)
    return trainer


def _stepper(trainer: Trainer, **options) -> IterationStepper:
    return IterationStepper.from_config(trainer.config, trainer.X, trainer.y, trainer.params(), **options)


def _rel(a, b) -> float:
    return float(np.abs(a - b).max() / np.abs(b).max())


def _rel_params(ours, theirs) -> float:
    """Relative difference of all parameters taken as one vector, in the max norm.

    Per array it would not be meaningful for a bias: db is a column sum of dscores with heavy
    cancellation, so after the first step b is ~1e-4 and carries ~1e-16 absolute rounding.
    """
    diff = max(float(np.abs(ours[k] - theirs[k]).max()) for k in theirs)
    return diff / max(float(np.abs(v).max()) for v in theirs.values())


def test_the_lines_use_the_notebooks_names():
    assert [line.name for line in notebook_lines("nn")] == NET_NAMES
    assert [line.name for line in notebook_lines("linear")] == LINEAR_NAMES
    sources = [line.source for line in notebook_lines("nn")]
    assert MASK_LINE in sources and "dW2 += reg * W2" in sources and "W += -step_size * dW" in sources
    unmasked = [line.source for line in notebook_lines("nn", mask=False)]
    assert MASK_LINE not in unmasked and len(unmasked) == len(sources) - 1
    assert "exp_scores = np.exp(scores)" in [line.source for line in notebook_lines("nn", stable=False)]
    with pytest.raises(ValueError, match="activation must be one of"):
        notebook_lines("nn", activation="softplus")


@pytest.mark.parametrize(("model", "iterations"), [("nn", 0), ("nn", 400), ("linear", 0), ("linear", 50)])
def test_every_line_matches_the_full_pass(model, iterations):
    trainer = _trainer(model, iterations)
    params, X, y = trainer.params(), trainer.X, trainer.y
    reg = trainer.config.reg
    reference = loss_and_grads(params, X, y, reg)
    scores, hidden_layer = forward(params, X)
    stepper = _stepper(trainer)
    results = []
    while not stepper.at_end:
        results.append(stepper.step())
    by_name = {r.line.name: r.record for r in results}  # the last record of each name
    np.testing.assert_allclose(by_name["scores"].value, scores, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(by_name["probs"].value, reference.probs, rtol=1e-12, atol=1e-15)
    assert float(by_name["data_loss"].value) == pytest.approx(reference.data_loss, rel=1e-12)
    assert float(by_name["reg_loss"].value) == pytest.approx(reference.reg_loss, rel=1e-12)
    trainer.step(1)
    assert float(by_name["loss"].value) == pytest.approx(trainer.losses[-1], rel=1e-12)
    grads_seen = {}
    for r in results:
        if r.line.section in ("backward", "regularisation") and r.line.name.startswith("d"):
            grads_seen[r.line.name] = r.record.value
    for name, grad in reference.grads.items():
        np.testing.assert_allclose(grads_seen["d" + name], grad, rtol=1e-11, atol=1e-17)
    if model == "nn":
        np.testing.assert_allclose(by_name["hidden_layer"].value, hidden_layer, rtol=1e-12, atol=1e-15)
    # The notebook's update equals the ordinary step to the last few bits.
    assert _rel_params({k: by_name[k].value for k in params}, trainer.params()) <= 1e-12


def test_records_are_read_only_with_their_summary():
    stepper = _stepper(_trainer("nn"))
    first = stepper.step()
    rec = first.record
    assert rec.name == "hidden_layer" and rec.shape == (300, 100) and rec.dtype == "float64"
    assert rec.min == rec.value.min() and rec.max == rec.value.max() and rec.mean == rec.value.mean()
    with pytest.raises(ValueError):
        rec.value[0, 0] = 1.0
    while stepper.lines[stepper.position].name != "data_loss":
        stepper.step()
    loss = stepper.step().record
    assert loss.shape == () and loss.min == loss.max == loss.mean == float(loss.value)


def test_back_undoes_one_line_and_replays_identically():
    stepper = _stepper(_trainer("nn", 100))
    for _ in range(10):
        stepper.step()
    tenth = stepper.current
    assert stepper.position == 10 and stepper.value("dscores") is tenth.record.value
    again_ninth = stepper.back()
    assert stepper.position == 9 and again_ninth is stepper.results[-1]
    assert stepper.value("dscores") is again_ninth.record.value  # back to "dscores = probs"
    redo = stepper.step()
    np.testing.assert_array_equal(redo.record.value, tenth.record.value)
    while stepper.back() is not None:
        pass
    assert stepper.at_start and stepper.position == 0 and "hidden_layer" not in stepper.state
    assert stepper.back() is None


def test_the_mask_line_in_full():
    trainer = _trainer("nn", 300)
    stepper = _stepper(trainer)
    while stepper.lines[stepper.position].source != MASK_LINE:
        stepper.step()
    before = stepper.value("dhidden")
    hidden_layer = stepper.value("hidden_layer")
    result = stepper.step()
    m = result.mask
    assert m is not None and result.record.name == "dhidden"
    assert m.before is before
    np.testing.assert_array_equal(m.mask, hidden_layer <= 0)
    expected = before.copy()
    expected[hidden_layer <= 0] = 0
    np.testing.assert_array_equal(m.after, expected)
    np.testing.assert_array_equal(result.record.value, expected)
    assert m.total == 300 * 100 and m.zeroed == int((hidden_layer <= 0).sum())
    assert 0 < m.changed <= m.zeroed < m.total
    # The three equivalent ways to write it give the same array.
    np.testing.assert_array_equal(before * (hidden_layer > 0), m.after)
    np.testing.assert_array_equal(np.where(hidden_layer > 0, before, 0), m.after)
    # Worked examples are real entries: z -> ReLU -> upstream -> masked.
    z = trainer.X @ trainer.params()["W"] + trainer.params()["b"]
    p, b = m.passing, m.blocked
    assert p.z > 0 and p.hidden == p.z and p.masked == p.upstream != 0
    assert b.z <= 0 and b.hidden == 0 and b.masked == 0 and b.upstream != 0
    for ex in (p, b):
        assert ex.z == pytest.approx(z[ex.row, ex.unit], rel=1e-12, abs=1e-15)
        assert ex.upstream == before[ex.row, ex.unit] and ex.hidden == hidden_layer[ex.row, ex.unit]
    assert abs(b.upstream) == np.abs(before[m.mask]).max()
    other = [r for r in stepper.results if r.line.source != MASK_LINE]
    assert all(r.mask is None for r in other)


def test_finish_commits_the_ordinary_step_bit_for_bit():
    for model in ("nn", "linear"):
        trainer, twin = _trainer(model, 250), _trainer(model, 250)
        stepper = _stepper(trainer)
        for _ in range(5):
            stepper.step()
        committed = stepper.finish(trainer)
        assert stepper.at_end and stepper.committed is committed
        twin.step(1)
        assert trainer.iteration == twin.iteration == 251
        for name, value in twin.params().items():
            np.testing.assert_array_equal(committed[name], value)
            np.testing.assert_array_equal(trainer.params()[name], value)
        assert _rel_params(stepper.notebook_params(), twin.params()) <= 1e-12
        np.testing.assert_array_equal(trainer.losses, twin.losses)


def test_built_from_a_snapshot_without_the_trainer():
    trainer = _trainer("nn", 120)
    snap = take_snapshot(trainer, run_id=1, status=Status.PAUSED, event=Event.PAUSED, loss_start=0,
                         grid=GridSpec.over(trainer.X, cells=8))  # fmt: skip
    stepper = IterationStepper.from_snapshot(snap)
    stepper.run_to_end()
    assert stepper.model == "nn" and stepper.activation == "relu"
    trainer.step(1)
    assert _rel_params(stepper.notebook_params(), trainer.params()) <= 1e-12
    for name in ("W", "b", "W2", "b2"):
        np.testing.assert_array_equal(stepper.start_params()[name], snap.params[name])


def test_finish_refuses_a_trainer_that_moved_on_or_an_unmasked_iteration():
    trainer = _trainer("nn", 10)
    stepper = _stepper(trainer)
    trainer.step(1)
    with pytest.raises(ValueError, match="training moved on"):
        stepper.finish(trainer)
    trainer.set_hyper(step_size=0.5)
    with pytest.raises(ValueError, match="reg or step_size changed"):
        stepper.finish(trainer)
    with pytest.raises(ValueError, match="skips it"):
        _stepper(trainer, mask=False).finish(trainer)
    with pytest.raises(ValueError, match="not run yet"):
        stepper.notebook_params()
    stepper.run_to_end()
    with pytest.raises(ValueError, match="iteration is complete"):
        stepper.step()


def test_without_the_mask_dW_takes_gradient_from_every_point():
    trainer = _trainer("nn", 300)
    params, X, y = trainer.params(), trainer.X, trainer.y
    masked = _stepper(trainer).loss_and_grads()
    unmasked = _stepper(trainer, mask=False).loss_and_grads()
    dscores = masked.probs.copy()
    dscores[range(300), y] -= 1
    dscores /= 300
    expected = X.T @ (dscores @ params["W2"].T) + trainer.config.reg * params["W"]
    np.testing.assert_allclose(unmasked.grads["W"], expected, rtol=1e-12, atol=1e-17)
    assert _rel(unmasked.grads["W"], masked.grads["W"]) > 0.1
    np.testing.assert_array_equal(unmasked.grads["W2"], masked.grads["W2"])  # above the mask


def test_the_notebooks_exp_gives_the_same_probs_at_the_case_study():
    trainer = _trainer("nn", 50)
    a = _stepper(trainer).loss_and_grads()
    b = _stepper(trainer, stable=False).loss_and_grads()
    np.testing.assert_allclose(a.probs, b.probs, rtol=1e-14)
