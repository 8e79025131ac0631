"""Pure-NumPy engine: data, models, the steppable trainer and grid prediction. No Qt below here."""

from .config import LIMITS, MEMORY_BUDGET_BYTES, TrainConfig, working_set_bytes
from .data import make_spiral
from .experiment import Experiment, build_experiment
from .models import forward, init_params, loss_and_grads, predict
from .session import SessionError, load_session, save_session
from .trainer import Trainer

__all__ = [
    "LIMITS",
    "MEMORY_BUDGET_BYTES",
    "Experiment",
    "SessionError",
    "TrainConfig",
    "Trainer",
    "build_experiment",
    "forward",
    "init_params",
    "load_session",
    "loss_and_grads",
    "make_spiral",
    "predict",
    "save_session",
    "working_set_bytes",
]
