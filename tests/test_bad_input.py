"""Bad input: exit 2, one line naming the file (and line), no traceback, file unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli


def _write(workdir: Path, name: str, data: bytes | str) -> Path:
    path = workdir / "answers" / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def _good(workdir: Path) -> str:
    return (workdir / "answers" / "cambodia-2006.yaml").read_text()


CASES = {
    "malformed": (lambda good: good.replace("  country: Cambodia", "  country: [Cambodia", 1),
                  ":5:7:", "expected ',' or ']'"),
    "list_at_top": (lambda good: "- meta\n- answers\n", ":1:1:", "top level is a list"),
    "unknown_question": (lambda good: good.replace("  1E:\n", "  9Z:\n", 1), None,
                         "question 9Z is not in the 2006 questionnaire"),
    "bad_id": (lambda good: good.replace("  1E:\n", "  one-e:\n", 1), None,
               "'one-e' is not a question id"),
    "empty": (lambda good: "", None, "file is empty"),
    "duplicate_key": (lambda good: good.replace("  post: Phnom Penh\n",
                                                "  post: Phnom Penh\n  post: Phnom Penh\n", 1),
                      ":6:", "duplicate key"),
    "missing_meta": (lambda good: good.replace("  country: Cambodia\n", "", 1), ":4:",
                     "missing required field 'country'"),
    "wrong_type": (lambda good: good.replace("  sensitive: true", "  sensitive: maybe", 1), None,
                   "meta.sensitive: expected true or false"),
    "year_mismatch": (lambda good: good.replace("  questionnaire: 2006", "  questionnaire: 2007", 1),
                      None, "question 1A is not in the 2007 questionnaire"),
    "bad_status": (lambda good: good.replace("status: imported", "status: finished", 1), None,
                   "'finished' is not one of"),
    "unknown_field": (lambda good: good.replace("  post: Phnom Penh\n",
                                                "  post: Phnom Penh\n  postt: x\n", 1),
                      ":6", "unknown field 'postt'"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_answers_file(workdir: Path, case: str):
    make, where, message = CASES[case]
    path = _write(workdir, "bad.yaml", make(_good(workdir)))
    before = path.read_bytes()
    result = run_cli("validate", path)
    assert result.exit_code == 2, result.output
    err = result.stderr.strip()
    assert len(err.splitlines()) == 1, err
    assert err.startswith(f"tipreport: {path}")
    assert message in err
    if where:
        assert where in err
    assert "Traceback" not in result.output + result.stderr
    assert path.read_bytes() == before


def test_non_utf8_names_line_and_byte(workdir: Path):
    good = _good(workdir).encode("utf-8")
    bad = good.replace(b"Phnom Penh", b"Phnom \xe9enh", 1)
    path = _write(workdir, "latin1.yaml", bad)
    result = run_cli("validate", path)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"tipreport: {path}:5:15: not UTF-8 text (byte 0xe9)"
    assert path.read_bytes() == bad


def test_missing_file_and_directory(workdir: Path):
    result = run_cli("validate", workdir / "answers" / "nope.yaml")
    assert result.exit_code == 2
    assert "no such file" in result.stderr
    result = run_cli("validate", workdir / "answers")
    assert result.exit_code == 2
    assert "is a directory" in result.stderr


def test_good_files_validate(workdir: Path):
    result = run_cli("validate", *sorted((workdir / "answers").glob("*.yaml")))
    assert result.exit_code == 0, result.stderr
    assert "cambodia-2006.yaml: ok (37 answers, questionnaire 2006)" in result.stdout


@pytest.mark.parametrize("value", [".nan", ".inf", "-3"])
def test_staff_hours_must_be_finite_and_not_negative(workdir: Path, value: str):
    text = _good(workdir).replace("      hours: 20", f"      hours: {value}", 1)
    path = _write(workdir, "hours.yaml", text)
    result = run_cli("validate", path)
    assert result.exit_code == 2
    assert "meta.staff_hours[0].hours: must be a finite number, not negative" in result.stderr
