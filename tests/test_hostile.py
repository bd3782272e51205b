"""Hostile and unlucky input (issue 15): no crash, no hang, no lost update, no write over an
input. Each test names the item of the issue it holds; each failed on the tree before."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ANSWERS_2006, CABLE_2007, ROOT, run_cli
from tipreport import answers

BASE = ANSWERS_2006.read_text(encoding="utf-8")


def _answers(tmp_path: Path, text: str, name: str = "a.yaml") -> Path:
    (tmp_path / "questionnaires").mkdir(exist_ok=True)
    for q in (ROOT / "questionnaires").glob("*.yaml"):
        (tmp_path / "questionnaires" / q.name).write_text(q.read_text(encoding="utf-8"), encoding="utf-8")
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _one_clean_line(stderr: str) -> str:
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].isprintable() and len(lines[0]) <= 400, repr(lines[0])
    return lines[0]


def _cli(*args: str | Path) -> subprocess.CompletedProcess:
    """A real process: a segfault shows as -11/139, not as a dead test run."""
    return subprocess.run([sys.executable, "-m", "tipreport", *map(str, args)],
                          capture_output=True, text=True, timeout=60)


# ---------------------------------------------------------------- 1. deep nesting

@pytest.mark.parametrize(("text", "says"), [
    ("a: " + "[" * 30000 + "]" * 30000 + "\n", "brackets nested more than 100 levels deep"),
    ("- " * 30000 + "x\n", "block collections nested more than 100 levels deep"),
    ("a:\n" + "".join("  " * i + f"b{i}:\n" for i in range(1, 300)) + "  " * 300 + "x\n",
     "a line indented more than 400 columns"),
    ("a: &x 1\n" + "b: " + "[" * 5000 + "]" * 5000 + "\n", "nested more than 100 levels deep"),
])
def test_1_deep_nesting_is_one_line_not_a_crash(tmp_path, text, says):
    path = tmp_path / "x.yaml"
    path.write_text(text)
    for args in (("validate", path), ("check", path), ("status", path), ("render", path, "-o",
                                                                           tmp_path / "o.txt")):
        r = _cli(*args)
        assert r.returncode == 2, (args, r.returncode, r.stderr[-300:])
        assert says in _one_clean_line(r.stderr)


def test_1_deep_questionnaire_is_one_line(tmp_path):
    q = tmp_path / "q.yaml"
    q.write_text("year: 2007\nquestions: " + "[" * 30000 + "]" * 30000 + "\n")
    r = _cli("init", "--from", ANSWERS_2006, "--questionnaire", q, "-o", tmp_path / "n.yaml")
    assert r.returncode == 2 and "nested more than 100 levels" in _one_clean_line(r.stderr)


# ---------------------------------------------------------------- 3. hangs: linear in size

def test_3_many_lines_and_items_are_refused_at_once(tmp_path):
    path = tmp_path / "x.yaml"
    path.write_text(("- " * 99 + "y\n") * 20000)  # 2,000,000 nested sequences under the depth limit
    r = _cli("validate", path)
    assert r.returncode == 2 and "too many lines and items" in _one_clean_line(r.stderr)


def test_3_a_cable_with_80000_inline_labels_is_refused_quickly(tmp_path):
    head = CABLE_2007.read_text(encoding="utf-8").split("2D.")[0]
    cable = tmp_path / "c.txt"
    cable.write_text(head + "2D. What?\n\n" + "--A. (U) x. " * 80000)
    r = _cli("import", cable, "-o", tmp_path / "a.yaml")
    assert r.returncode == 2 and "answers found; a submission has at most" in _one_clean_line(r.stderr)
    assert not (tmp_path / "a.yaml").exists()


# ---------------------------------------------------------------- 4. internal errors

@pytest.mark.parametrize(("change", "says"), [
    (("  year: 2006", "  year: '\u00b2'"), "meta.year: expected a whole number"),
    (("  year: 2006", "  year: " + "9" * 5000), "a number with more than 4,300 digits"),
    (("meta:", "? {a: [b]}\n: 1\nmeta:"), "a key is a mapping or a list"),
    (("meta:", "%YAML 1.3\n---\nmeta:"), "a YAML directive tipreport does not read"),
    (("meta:", "%YAML 1.1\n%YAML 9.9\n---\nmeta:"), "a YAML directive tipreport does not read"),
    (("hours: 20", "hours: " + "9" * 400), "hours: a number that large is more than 10,000"),
    (("hours: 20", "hours: 1e308"), "hours: a number that large is more than 10,000"),
])
def test_4_bad_values_are_input_errors_everywhere(tmp_path, change, says):
    path = _answers(tmp_path, BASE.replace(*change, 1))
    for args in (("validate", path), ("render", path, "-o", tmp_path / "o.txt"), ("hours", "list", path)):
        r = run_cli(*args)
        assert r.exit_code == 2, (args, r.exit_code, r.stderr)
        assert says in _one_clean_line(r.stderr)


def test_4_a_lone_surrogate_is_dropped_not_a_crash(tmp_path):
    path = _answers(tmp_path, BASE.replace("country: Cambodia", 'country: "Camb\\ud800odia"'))
    for args in (("validate", path), ("check", path), ("status", path)):
        r = run_cli(*args)
        assert r.exit_code in (0, 1), (args, r.exit_code, r.stderr)
    assert answers.load(path).meta.country == "Cambodia"


def test_4_a_template_looping_a_billion_times_is_refused(tmp_path):
    template = tmp_path / "t.j2"
    template.write_text("{% for i in range(10**9) %}x{% endfor %}\n")
    r = run_cli("render", ANSWERS_2006, "-o", tmp_path / "o.txt", "--template", template)
    assert r.exit_code == 2 and "template failed: OverflowError: Range too big" in _one_clean_line(r.stderr)


# ---------------------------------------------------------------- 5. one clean line

@pytest.mark.parametrize(("change", "shows"), [
    (("meta:", '"a\\nb": 1\nmeta:'), "unknown field 'a\\nb'"),
    (("meta:", 'meta:\n  "\\e]0;pwned\\a": 1'), "unknown field '\\x1b]0;pwned\\x07'"),
    (("status: imported", 'status: "bad\\u2028value"'), "'bad\\u2028value' is not one of"),
])
def test_5_keys_and_values_are_shown_escaped_on_one_line(tmp_path, change, shows):
    path = _answers(tmp_path, BASE.replace(*change, 1))
    r = run_cli("validate", path)
    assert r.exit_code == 2
    assert shows in _one_clean_line(r.stderr)


def test_5_a_long_error_is_cut(tmp_path):
    path = _answers(tmp_path, BASE.replace("status: imported", f"status: {'x' * 5000}", 1))
    line = _one_clean_line(run_cli("validate", path).stderr)
    assert line.endswith("\u2026") and len(line) == 400
