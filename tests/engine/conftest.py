"""Shared, expensive runs: each is trained once per session and must not be stepped by tests."""

import numpy as np
import pytest

from spiral_gui.engine import TrainConfig, Trainer


@pytest.fixture(scope="session")
def trained_net() -> Trainer:
    """The case study's two-layer net with the defaults, run to its 10,000-iteration budget."""
    trainer = Trainer(TrainConfig())
    trainer.step(TrainConfig().iterations)
    return trainer


@pytest.fixture(scope="session")
def trained_linear() -> Trainer:
    """The case study's softmax linear classifier, 200 iterations."""
    trainer = Trainer(TrainConfig(model="linear", iterations=200))
    trainer.step(200)
    return trainer


@pytest.fixture
def rng() -> np.random.RandomState:
    return np.random.RandomState(12345)
