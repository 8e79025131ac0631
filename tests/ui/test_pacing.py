"""The pacing policy as a unit: no threads, no window, only clocks passed in."""

from __future__ import annotations

import pytest

from spiral_gui.ui.pacing import (
    CHUNK_SECONDS,
    DEFAULT_SPEED,
    MAX_BACKLOG,
    MAX_CHUNK,
    MAX_FPS,
    MAX_GRID_SHARE,
    MAX_REGION_AGE,
    MAX_SLEEP,
    MAX_SPEED,
    SLICE_SECONDS,
    SPEEDS,
    VIEW_BUDGET,
    VIEW_SHARE,
    WATCH_FPS,
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
    p.grid_done(0.004, end=0.0)  # a 4 ms grid: two thirds of the budget
    assert p.grid_period() == pytest.approx(0.004 / (VIEW_BUDGET * 2 / 3))
    assert p.grid_period() < MAX_REGION_AGE
    assert not p.grid_due(p.grid_period() - 0.01)
    assert p.grid_due(p.grid_period())
    share = 0.004 / p.grid_period() + 0.01 / p.snapshot_period()
    assert share == pytest.approx(VIEW_BUDGET)


def test_regions_are_never_older_than_the_cap_unless_the_grid_is_very_costly() -> None:
    p = Pacing()
    p.grid_done(0.02, end=0.0)  # 20 ms: the budget alone would space grids 0.5 s apart
    assert 0.02 / (VIEW_BUDGET * 2 / 3) > MAX_REGION_AGE
    assert p.grid_period() == pytest.approx(MAX_REGION_AGE)
    assert p.grid_due(MAX_REGION_AGE) and not p.grid_due(MAX_REGION_AGE - 0.01)
    q = Pacing()
    q.grid_done(0.2, end=0.0)  # 200 ms: spaced to take MAX_GRID_SHARE of the time
    assert q.grid_period() == pytest.approx(0.2 / MAX_GRID_SHARE)


def test_one_slow_grid_measurement_does_not_hold_the_regions_back() -> None:
    p = Pacing()
    p.grid_done(0.004, end=0.0)
    p.grid_done(0.5, end=1.0)  # the machine was busy once
    assert p.grid_cost == 0.004
    assert p.grid_due(1.0 + MAX_REGION_AGE)


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


# -- the playback speed ------------------------------------------------------------------------------
def test_full_speed_is_the_default_and_has_no_cap() -> None:
    p = Pacing()
    assert p.target_rate == MAX_SPEED and not p.watching
    assert p.iterations_due(5.0, 1000) is None
    assert SPEEDS[-1] == MAX_SPEED and DEFAULT_SPEED in SPEEDS


def test_iterations_are_due_at_the_target_rate() -> None:
    p = Pacing()
    p.set_target(100.0, now=10.0, iteration=50)
    assert p.watching
    assert p.iterations_due(10.0, 50) == 1  # the first one at once
    assert p.iterations_due(10.0, 51) == 0
    assert p.iterations_due(10.05, 51) == 5  # 0.05 s at 100/s: iterations 51…55
    assert p.iterations_due(10.05, 56) == 0
    assert p.sleep_seconds(10.05, 56, frame_pending=False, in_flight=False) == pytest.approx(0.01)


def test_a_run_that_falls_behind_does_not_rush() -> None:
    p = Pacing()
    p.set_target(100.0, now=0.0, iteration=0)
    due = p.iterations_due(5.0, 1)  # 5 s without training (a long frame, a busy machine)
    assert due == pytest.approx(100 * MAX_BACKLOG + 1, abs=1)


def test_a_new_speed_counts_from_now() -> None:
    p = Pacing()
    p.set_target(1.0, now=0.0, iteration=0)
    assert p.iterations_due(0.5, 1) == 0
    p.set_target(1000.0, now=0.5, iteration=1)
    assert p.iterations_due(0.51, 1) == 11
    with pytest.raises(ValueError, match="positive"):
        p.set_target(0.0, now=1.0, iteration=1)
    with pytest.raises(ValueError, match="positive"):
        p.set_target(float("nan"), now=1.0, iteration=1)
    assert p.target_rate == 1000.0


def test_slow_speeds_sleep_until_the_next_iteration_or_the_next_frame() -> None:
    p = Pacing()
    p.set_target(1.0, now=0.0, iteration=0)
    assert p.sleep_seconds(0.0, 1, frame_pending=False, in_flight=False) == MAX_SLEEP
    p.set_target(3.0, now=0.0, iteration=0)
    assert p.sleep_seconds(0.1, 1, frame_pending=False, in_flight=False) == pytest.approx(1 / 3 - 0.1)
    p.snapshot_done(0.001, end=0.09)  # a frame waits only for its period to pass
    wait = p.sleep_seconds(0.1, 1, frame_pending=True, in_flight=False)
    assert wait == pytest.approx(0.09 + 1 / WATCH_FPS - 0.1)


def test_watching_makes_every_frame_fresh_and_the_window_answer_at_once() -> None:
    p = Pacing()
    p.grid_done(0.005, end=0.0)
    assert not p.grid_due(0.01)  # full speed: grids spaced by their budget
    p.set_target(300.0, now=0.0, iteration=0)
    assert p.grid_due(0.0)
    assert p.snapshot_period() == pytest.approx(1 / WATCH_FPS)
    assert Pacing.ack_delay(0.02, running=True, watching=True) == 0.0
    assert Pacing.ack_delay(0.02, running=True, watching=False) > 0.0


def test_reset_keeps_the_speed() -> None:
    p = Pacing()
    p.set_target(30.0, now=0.0, iteration=0)
    p.reset()
    assert p.target_rate == 30.0


def test_while_watching_a_slice_ends_when_the_next_frame_is_due() -> None:
    p = Pacing()
    p.snapshot_done(0.001, end=1.0)
    frame_due = 1.0 + 1 / WATCH_FPS + 1e-9
    begin = frame_due - SLICE_SECONDS / 2  # a slice begun just before the frame is due
    assert not p.slice_ends(begin, frame_due)  # full speed: only the slice's length counts
    assert p.slice_ends(begin, begin + SLICE_SECONDS)
    p.set_target(3000.0, now=1.0, iteration=0)
    assert not p.slice_ends(begin, frame_due - 0.001)
    assert p.slice_ends(begin, frame_due)
