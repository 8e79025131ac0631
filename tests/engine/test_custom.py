"""Drawn points: validation, and edits that return new data plus what undo/redo needs."""

import numpy as np
import pytest

from spiral_gui.engine.custom import MAX_POINTS, CustomData, apply_edit, revert_edit


def test_add_one_and_several_points():
    data = CustomData.empty(3)
    one, edit = data.add((0.1, 0.2), 2)
    assert len(data) == 0 and len(one) == 1  # the original is untouched
    assert one.X.tolist() == [[0.1, 0.2]] and one.y.tolist() == [2] and one.y.dtype == np.uint8
    assert edit.kind == "add" and edit.index == 0
    many, _ = one.add([[0, 0], [0.5, -0.5], [1, 1]], 0)
    assert many.X.shape == (4, 2) and many.y.tolist() == [2, 0, 0, 0]
    assert not many.X.flags.writeable and not many.y.flags.writeable


def test_remove_nearest_within_a_radius():
    data = CustomData(np.array([[0.0, 0.0], [1.0, 1.0], [-1.0, 0.5]]), np.array([0, 1, 2]), 3)
    assert data.nearest((0.9, 0.8)) == 1
    fewer, edit = data.remove_nearest((0.9, 0.8))
    assert fewer.X.tolist() == [[0.0, 0.0], [-1.0, 0.5]] and fewer.y.tolist() == [0, 2]
    assert (edit.kind, edit.index, edit.X.tolist(), edit.y.tolist()) == ("remove", 1, [[1.0, 1.0]], [1])
    same, none = data.remove_nearest((5.0, 5.0), within=0.5)
    assert none is None and same is data
    assert CustomData.empty(2).remove_nearest((0, 0)) == (CustomData.empty(2), None)


def test_every_edit_undoes_and_redoes():
    rng = np.random.RandomState(0)
    data = CustomData(rng.uniform(-1, 1, (20, 2)), rng.randint(0, 4, 20), 4)
    history = [data]
    edits = []
    for step in range(30):
        current = history[-1]
        kind = ("add", "remove", "clear")[step % 7 % 3] if len(current) else "add"
        if kind == "add":
            new, edit = current.add(rng.uniform(-1, 1, (rng.randint(1, 4), 2)), rng.randint(0, 4))
        elif kind == "remove":
            new, edit = current.remove(rng.randint(len(current)))
        else:
            new, edit = current.clear()
        history.append(new)
        edits.append(edit)
    # Undo all the way back, then redo all the way forward.
    current = history[-1]
    for i in range(len(edits) - 1, -1, -1):
        current = revert_edit(current, edits[i])
        assert current == history[i]
    for i, edit in enumerate(edits):
        current = apply_edit(current, edit)
        assert current == history[i + 1]


@pytest.mark.parametrize(
    ("points", "label", "message"),
    [
        ((np.inf, 0), 0, "not a finite number"),
        ((0, 2000), 0, "outside ±1000"),
        ((0, 0), 3, "label 3, not a class below K = 3"),
        ((0, 0), -1, "label -1, not a class below K = 3"),
    ],
)
def test_bad_points_are_refused_and_lose_nothing(points, label, message):
    data, _ = CustomData.empty(3).add((0.5, 0.5), 1)
    with pytest.raises(ValueError, match=message):
        data.add(points, label)
    assert data.X.tolist() == [[0.5, 0.5]]


def test_limits():
    with pytest.raises(ValueError, match="k must be between 2 and 20"):
        CustomData.empty(1)
    with pytest.raises(ValueError, match=f"at most {MAX_POINTS:,} points"):
        CustomData(np.zeros((MAX_POINTS + 1, 2)), np.zeros(MAX_POINTS + 1, np.uint8), 2)
    with pytest.raises(IndexError, match="no point 3"):
        CustomData.empty(2).add((0, 0), 0)[0].remove(3)
