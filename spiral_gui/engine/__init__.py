"""Pure-NumPy engine: data, models, the steppable trainer and grid prediction. No Qt below here."""

from .config import LIMITS, MEMORY_BUDGET_BYTES, TrainConfig, working_set_bytes
from .data import make_spiral
from .models import forward, init_params, loss_and_grads, predict
from .trainer import Trainer

__all__ = [
    "LIMITS",
    "MEMORY_BUDGET_BYTES",
    "TrainConfig",
    "Trainer",
    "forward",
    "init_params",
    "loss_and_grads",
    "make_spiral",
    "predict",
    "working_set_bytes",
]
