"""The point inspector's rows equal the same rows of a full forward/backward pass."""

import math

import numpy as np
import pytest

from spiral_gui.engine import TrainConfig, Trainer, loss_and_grads
from spiral_gui.engine.inspect import inspect_point, point_probs

TIGHT = {"rtol": 1e-12, "atol": 1e-17}


def _full_pass(params, X, y):
    """The notes' code on the whole matrix: every intermediate the inspector shows a row of."""
    n = X.shape[0]
    out = {}
    if "W2" in params:
        out["z"] = X @ params["W"] + params["b"]
        out["hidden_layer"] = np.maximum(0, out["z"])
        scores = out["hidden_layer"] @ params["W2"] + params["b2"]
    else:
        scores = X @ params["W"] + params["b"]
    exp_scores = np.exp(scores - scores.max(axis=1, keepdims=True))
    probs = exp_scores / exp_scores.sum(axis=1, keepdims=True)
    out |= {"scores": scores, "probs": probs, "correct_logprobs": -np.log(probs[range(n), y])}
    dscores = probs.copy()
    dscores[range(n), y] -= 1
    dscores /= n
    out["dscores"] = dscores
    if "W2" in params:
        out["dhidden_before"] = dscores @ params["W2"].T
        dhidden = out["dhidden_before"].copy()
        dhidden[out["hidden_layer"] <= 0] = 0
        out["dhidden"] = dhidden
    return out


@pytest.fixture(scope="module", params=["linear", "nn"])
def trained(request):
    trainer = Trainer(TrainConfig(model=request.param))
    trainer.step(300)
    return trainer


def test_every_training_row_equals_the_full_backward_pass(trained):
    params, X, y = trained.params(), trained.X, trained.y
    full = _full_pass(params, X, y)
    nn = "W2" in params
    rows = [inspect_point(params, X, y, index=i) for i in range(X.shape[0])]
    for i, r in enumerate(rows):
        assert r.label == y[i] and r.index == i and r.num_examples == 300
        np.testing.assert_array_equal(r.x, X[i])
        np.testing.assert_allclose(r.scores, full["scores"][i], **TIGHT)
        np.testing.assert_allclose(r.probs, full["probs"][i], **TIGHT)
        assert r.loss == pytest.approx(full["correct_logprobs"][i], rel=1e-12)
        np.testing.assert_allclose(r.dscores, full["dscores"][i], **TIGHT)
        assert r.predicted == full["scores"][i].argmax()
        if nn:
            np.testing.assert_allclose(r.z, full["z"][i], **TIGHT)
            np.testing.assert_array_equal(r.active, full["hidden_layer"][i] > 0)
            np.testing.assert_allclose(r.dhidden_before, full["dhidden_before"][i], **TIGHT)
            np.testing.assert_allclose(r.dhidden, full["dhidden"][i], **TIGHT)
            np.testing.assert_array_equal(r.dhidden == 0, full["dhidden"][i] == 0)
        else:
            assert r.z is r.hidden_layer is r.dhidden is r.dhidden_before is r.active is None
            assert r.sends_to is None and r.masked is None and r.zeroed is None
    # Tied to models.loss_and_grads: the rows add up to its data loss and its gradient on W.
    reference = loss_and_grads(params, X, y, trained.config.reg)
    assert np.mean([r.loss for r in rows]) == pytest.approx(reference.data_loss, rel=1e-12)
    upstream = np.array([r.dhidden if nn else r.dscores for r in rows])
    dW = X.T @ upstream + trained.config.reg * params["W"]
    np.testing.assert_allclose(dW, reference.grads["W"], rtol=1e-10, atol=1e-16)


def test_sends_to_and_masked_split_the_units():
    trained = Trainer(TrainConfig())
    trained.step(300)
    params, X, y = trained.params(), trained.X, trained.y
    r = inspect_point(params, X, y, index=150)
    h = params["W"].shape[1]
    assert sorted([*r.sends_to, *r.masked]) == list(range(h))
    assert (r.hidden_layer[r.sends_to] > 0).all() and (r.z[r.masked] <= 0).all()
    assert (r.dhidden[r.masked] == 0).all()
    np.testing.assert_array_equal(r.dhidden[r.sends_to], r.dhidden_before[r.sends_to])
    assert r.zeroed.sum() > 0 and not r.zeroed[r.sends_to].any()


def test_a_spot_of_the_plane_with_and_without_a_label(trained):
    params, X, y = trained.params(), trained.X, trained.y
    spot = inspect_point(params, X, y, point=(0.3, -0.2))
    assert spot.index is None and spot.label is None and spot.loss is None and spot.dscores is None
    assert spot.dhidden is None
    np.testing.assert_allclose(spot.probs, point_probs(params, np.array([[0.3, -0.2]]))[0], **TIGHT)
    assert spot.probs.sum() == pytest.approx(1.0)
    labelled = inspect_point(params, X, y, point=np.array([0.3, -0.2]), label=2)
    assert labelled.loss == pytest.approx(-math.log(labelled.probs[2]))
    # A spot equal to a training point with its label gives that point's rows.
    same = inspect_point(params, X, y, point=X[42], label=int(y[42]))
    ref = inspect_point(params, X, y, index=42)
    np.testing.assert_array_equal(same.dscores, ref.dscores)
    if ref.dhidden is not None:
        np.testing.assert_array_equal(same.dhidden, ref.dhidden)


def test_bad_requests_are_refused_in_plain_words(trained):
    params, X, y = trained.params(), trained.X, trained.y
    with pytest.raises(ValueError, match="either a training point"):
        inspect_point(params, X, y)
    with pytest.raises(ValueError, match="either a training point"):
        inspect_point(params, X, y, index=0, point=(0, 0))
    with pytest.raises(ValueError, match="between 0 and 299"):
        inspect_point(params, X, y, index=300)
    with pytest.raises(ValueError, match="class must be between 0 and 2"):
        inspect_point(params, X, y, point=(0, 0), label=3)
    with pytest.raises(ValueError, match="two finite numbers"):
        inspect_point(params, X, y, point=(0, math.nan))
    assert not inspect_point(params, X, y, index=5).probs.flags.writeable
