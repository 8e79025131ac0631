"""The pacing policy as a unit: no threads, no window, only clocks passed in."""

from __future__ import annotations

import pytest

from spiral_gui.ui.pacing import (
    CHUNK_SECONDS,
    MAX_CHUNK,
    MAX_FPS,
    SLICE_SECONDS,
    VIEW_BUDGET,
    VIEW_SHARE,
    Pacing,
    RateMeter,
)


def test_cheap_frames_are_capped_at_max_fps() -> None:
    p = Pacing()
    p.snapshot_done(0.0001, end=0.0)
    assert p.snapshot_period() == pytest.approx(1 / MAX_FPS)
    assert not p.snapshot_due(1 / MAX_FPS - 1e-3, in_flight=False)
    assert p.snapshot_due(1 / MAX_FPS, in_flight=False)


def test_one_snapshot_in_flight() -> None:
    p = Pacing()
    assert p.snapshot_due(100.0, in_flight=False)
    assert not p.snapshot_due(100.0, in_flight=True)


def test_expensive_views_are_spaced_to_their_budget() -> None:
    p = Pacing()
    p.snapshot_done(0.01, end=0.0)  # 10 ms per snapshot: a third of the budget at most
    assert p.snapshot_period() == pytest.approx(0.01 / (VIEW_BUDGET / 3))
    p.grid_done(0.2, end=0.0)  # a 200 ms grid: two thirds of the budget
    assert p.grid_period() == pytest.approx(0.2 / (VIEW_BUDGET * 2 / 3))
    assert not p.grid_due(p.grid_period() - 0.01)
    assert p.grid_due(p.grid_period())
    share = 0.2 / p.grid_period() + 0.01 / p.snapshot_period()
    assert share == pytest.approx(VIEW_BUDGET)


def test_reset_forgets_the_costs_of_the_last_run() -> None:
    p = Pacing()
    p.grid_done(5.0, end=1.0)
    p.snapshot_done(5.0, end=1.0)
    p.reset()
    assert p.grid_period() == p.snapshot_period() == pytest.approx(1 / MAX_FPS)
    assert p.grid_due(0.0) and p.snapshot_due(0.0, in_flight=False)


def test_chunks_grow_while_calls_are_short_and_stop_at_the_cap() -> None:
    assert Pacing.next_chunk(1, CHUNK_SECONDS / 10) == 2
    assert Pacing.next_chunk(8, CHUNK_SECONDS * 2) == 8
    assert Pacing.next_chunk(MAX_CHUNK, 0.0) == MAX_CHUNK
    assert not Pacing.slice_over(1.0, 1.0 + SLICE_SECONDS / 2)
    assert Pacing.slice_over(1.0, 1.0 + SLICE_SECONDS)


def test_the_window_keeps_its_share_of_the_time() -> None:
    cost = 0.01
    delay = Pacing.ack_delay(cost, running=True)
    assert cost / (cost + delay) == pytest.approx(VIEW_SHARE)
    assert Pacing.ack_delay(cost, running=False) == 0.0


def test_rate_meter_measures_and_smooths() -> None:
    m = RateMeter()
    m.start(0.0, 0)
    assert m.update(0.1, 50) == 0.0  # too soon to say
    assert m.update(0.5, 500) == pytest.approx(1000.0)
    assert m.update(1.0, 1500) == pytest.approx(0.5 * 1000 + 0.5 * 2000)
