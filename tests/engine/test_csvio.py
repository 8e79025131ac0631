"""CSV: the loss history and the data out, points in, and every bad row named by line."""

import io
import math

import numpy as np
import pytest

from spiral_gui.engine import TrainConfig
from spiral_gui.engine.csvio import CsvError, read_points_csv, write_data_csv, write_history_csv
from spiral_gui.engine.experiment import build_experiment


def test_history_has_every_loss_and_the_measured_accuracies(tmp_path):
    e = build_experiment(TrainConfig(n=20, hidden=8, iterations=30, test_fraction=0.25))
    e.record()
    e.trainer.step(10)
    m10 = e.record()
    e.trainer.step(20)
    m30 = e.record()
    path = tmp_path / "history.csv"
    write_history_csv(path, e.trainer.losses, e.trainer.data_losses, e.metrics.arrays())
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "iteration,loss,data_loss,train_accuracy,test_accuracy,test_loss"
    assert len(lines) == 1 + 31  # losses 0..29, and the accuracies measured at 30
    rows = [line.split(",") for line in lines[1:]]
    assert [int(r[0]) for r in rows] == list(range(31))
    for i in range(30):
        assert float(rows[i][1]) == e.trainer.losses[i] and float(rows[i][2]) == e.trainer.data_losses[i]
    assert rows[10][3:] == [repr(m10.train_accuracy), repr(m10.test_accuracy), repr(m10.test_loss)]
    assert rows[5][3:] == ["", "", ""]
    assert rows[30][:3] == ["30", "", ""] and float(rows[30][4]) == m30.test_accuracy


def test_history_without_held_out_points_leaves_test_cells_empty():
    e = build_experiment(TrainConfig(n=20, hidden=8, iterations=5))
    e.trainer.step(5)
    e.record()
    out = io.StringIO()
    write_history_csv(out, e.trainer.losses, e.trainer.data_losses, e.metrics.arrays())
    assert out.getvalue().splitlines()[-1].endswith(",,")
    assert math.isnan(e.metrics.arrays()["test_accuracy"][0])


def test_data_round_trip_is_exact(tmp_path):
    e = build_experiment(TrainConfig(n=50, k=4, test_fraction=0.3, noise=0.37))
    path = tmp_path / "data.csv"
    write_data_csv(path, e.X, e.y, e.test)
    assert path.read_text().splitlines()[0] == "x1,x2,label,split"
    back = read_points_csv(path)
    assert back.X.tobytes() == e.X.tobytes()
    np.testing.assert_array_equal(back.y, e.y)
    np.testing.assert_array_equal(back.test, e.test)
    assert back.k == 4 and back.custom_data().X.shape == (200, 2)


def test_headerless_files_comments_and_blank_lines():
    text = "# my points\n0.5,0.25,1\n\n-1,1e-3,0\n 2 , 3 , 2.0 \n"
    got = read_points_csv(io.StringIO(text))
    assert got.X.tolist() == [[0.5, 0.25], [-1.0, 0.001], [2.0, 3.0]] and got.y.tolist() == [1, 0, 2]
    assert got.k == 3 and got.test is None


def test_header_in_any_order_with_other_columns_and_a_bom(tmp_path):
    path = tmp_path / "p.csv"
    path.write_bytes("\ufeffLabel,comment,X2,x1\n1,hello,0.5,0.1\n0,,0.2,0.3\n".encode())
    got = read_points_csv(path, k=5)
    assert got.X.tolist() == [[0.1, 0.5], [0.3, 0.2]] and got.y.tolist() == [1, 0] and got.k == 5


def test_bad_rows_refuse_the_file_with_line_numbers_and_reasons():
    text = "\n".join(
        [
            "x1,x2,label,split",
            "0,0,0,train",
            "abc,0,1,train",
            "0,nan,1,test",
            "0,0,1.5,train",
            "0,0",
            "0,0,7,train",
            "0,0,1,maybe",
            "5000,0,1,train",
            "0,0,-1,train",
        ]
    )
    with pytest.raises(CsvError) as info:
        read_points_csv(io.StringIO(text), k=3)
    assert info.value.problems == [
        (3, "x1 is not a number ('abc')"),
        (4, "x2 is not a finite number ('nan')"),
        (5, "label is not a whole number ('1.5')"),
        (6, "expected 3 values, got 2"),
        (7, "label 7 is not a class from 0 to 2"),
        (8, "split must be 'train' or 'test', got 'maybe'"),
        (9, "x1 = 5000 is outside ±1000"),
        (10, "label -1 is not a class from 0 to 2"),
    ]
    message = str(info.value)
    assert message.startswith("8 bad rows, nothing imported: line 3: x1 is not a number ('abc'); line 4:")
    assert message.endswith("(and 3 more)") and "line 8" not in message


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "holds no points"),
        ("x1,x2,label\n", "holds no points"),
        ("a,b,c\n1,2,0\n", "names no x1, x2, label column"),
    ],
)
def test_files_without_points(text, words):
    with pytest.raises(CsvError, match=words):
        read_points_csv(io.StringIO(text))


def test_a_non_utf8_file(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes("x1,x2,label\n0,0,0 \xe9\n".encode("latin-1"))
    with pytest.raises(CsvError, match="not UTF-8"):
        read_points_csv(path)


def test_refusals_keep_their_template_and_values_for_the_window() -> None:
    from spiral_gui.engine.words import Listing, Words

    with pytest.raises(CsvError) as info:
        read_points_csv(io.StringIO("x1,x2,label\nzero,0,1\n0,0,9\n"), k=3)
    exc = info.value
    assert exc.template == "{count} bad rows, nothing imported: {shown}{more}"
    assert exc.template.format(**exc.values) == str(exc)
    shown = exc.values["shown"]
    assert isinstance(shown, Listing) and all(isinstance(w, Words) for w in shown.items)
    first = shown.items[0]
    assert first.values["line"] == 2 and isinstance(first.values["reason"], CsvError)
    assert first.values["reason"].values == {"name": "x1", "text": "zero"}
