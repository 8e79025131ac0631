"""spiral-train reads numbers as a person writes them, refuses the rest in one line, and
--help, --version and the error messages say what is accepted."""

from __future__ import annotations

import pytest

from spiral_gui import __version__
from spiral_gui.engine.numbers import parse_float, parse_int

from .test_cli import _assert_one_error_line, run_main


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["--n", "-inf"], '--n must be a whole number from 1 to 1,000,000 written with the digits 0-9, '
                          'got "-inf"'),
        (["--n", "-5"], "--n must be between 1 and 1,000,000, got -5"),
        (["--n", "-1e3"], "--n must be a whole number"),
        (["--reg", "-inf"], "--reg must be between 0 and 1000, got -inf"),
        (["--step-size", "-1e3"], "--step-size must be between 1e-06 and 1e+06, got -1000.0"),
        (["--noise", "-0.5"], "--noise must be between 0 and 10, got -0.5"),
        (["--seed", "-1"], "--seed must be between 0 and 4,294,967,295, got -1"),
        (["--print-every", "0"], "--print-every must be between 1 and"),
        (["--print-every", "-3"], "--print-every must be between 1 and"),
        (["--print-every", "x"], "--print-every must be a whole number"),
    ],
)
def test_negative_and_infinite_values_get_the_range_message(capsys, argv, says) -> None:
    code, out, err = run_main(capsys, *argv)
    assert code == 2 and out == ""
    assert says in _assert_one_error_line(err)
    assert "expected one argument" not in err


@pytest.mark.parametrize(
    ("argv", "text"),
    [
        (["--n", "１２"], "１２"),  # full-width digits
        (["--n", "١٢"], "١٢"),  # Arabic-Indic digits
        (["--n", "1_000"], "1_000"),
        (["--n", " 5 "], " 5 "),
        (["--n", "1,000"], "1,000"),
        (["--iters", "1e3"], "1e3"),
        (["--step-size", "0_5"], "0_5"),
        (["--reg", "١e-3"], "١e-3"),
    ],
)
def test_only_ascii_digits_are_numbers(capsys, argv, text) -> None:
    code, _, err = run_main(capsys, *argv)
    assert code == 2
    line = _assert_one_error_line(err)
    assert "written with the digits 0-9" in line and f'"{text}"' in line


def test_a_huge_number_is_refused_without_pythons_digit_limit(capsys) -> None:
    code, _, err = run_main(capsys, "--n", "9" * 100_000)
    assert code == 2
    line = _assert_one_error_line(err)
    assert "--n must be between 1 and 1,000,000" in line and "…" in line
    assert len(line) < 200 and "4300" not in line


def test_accepted_spellings(capsys) -> None:
    code, out, err = run_main(capsys, "--model", "linear", "--n", "+20", "--step-size", "1E0",
                              "--reg", ".001", "--iters", "3", "--print-every", "1")
    assert code == 0 and err == ""
    assert len(out.splitlines()) == 4


def test_version(capsys) -> None:
    code, out, _ = run_main(capsys, "--version")
    assert code == 0 and out.strip() == f"spiral-train {__version__}"


def test_help_shows_the_case_study_command_and_the_number_rules(capsys) -> None:
    code, out, _ = run_main(capsys, "--help")
    assert code == 0
    usage = out.split("\n\n", 1)[0]
    assert "spiral-train case-study" in usage
    assert "case-study   replay the whole notebook" in out
    assert "digits 0-9" in " ".join(out.split())


def test_parsers_directly() -> None:
    assert parse_int("n", "-0", -1, 1) == 0
    assert parse_float("reg", "1.", 0, 2) == 1.0
    with pytest.raises(ValueError, match="got nan"):
        parse_float("reg", "NaN", 0, 2)
    with pytest.raises(ValueError, match='got "\\?x"'):
        parse_int("n", "\x00x", 0, 2)  # unprintable characters are not echoed
