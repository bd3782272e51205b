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
    assert lines[0].isprintable() and len(lines[0]) <= 300, repr(lines[0])
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
    assert r.returncode == 2 and "found; a submission has" in _one_clean_line(r.stderr)
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
    assert line.endswith("\u2026") and len(line) == 300


# ---------------------------------------------------------------- 2. lost updates

def test_2_ten_concurrent_hours_add_keep_ten_entries(tmp_path):
    path = _answers(tmp_path, BASE)
    before = len(answers.load(path).meta.staff_hours)
    procs = [subprocess.Popen([sys.executable, "-m", "tipreport", "hours", "add", str(path), "--who",
                               f"Officer {k}", "--role", "officer", "--hours", str(k + 1)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for k in range(10)]
    results = [p.communicate(timeout=120) + (p.returncode,) for p in procs]
    assert all(rc == 0 for *_, rc in results), results
    who = [e.who for e in answers.load(path).meta.staff_hours[before:]]
    assert sorted(who) == sorted(f"Officer {k}" for k in range(10))


def test_2_an_ack_and_an_hours_add_at_once_both_land(tmp_path):
    path = _answers(tmp_path, BASE)
    found = run_cli("check", path, "--json")
    import json

    first = json.loads(found.stdout)[0]["id"]
    procs = [subprocess.Popen([sys.executable, "-m", "tipreport", *args], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
             for args in (["check", str(path), "--ack", first],
                          ["hours", "add", str(path), "--who", "J. Doe", "--role", "officer",
                           "--hours", "6"])]
    assert [p.wait(timeout=120) for p in procs][1] == 0
    af = answers.load(path)
    assert af.meta.staff_hours[-1].who == "J. Doe"
    assert af.doc["ack"], "the acknowledgement was lost"


# ---------------------------------------------------------------- 6. nothing half-written

def test_6_import_into_a_missing_folder_writes_neither_file(tmp_path):
    r = run_cli("import", CABLE_2007, "-o", tmp_path / "nodir" / "a.yaml", "--questionnaire-out",
                tmp_path / "q.yaml")
    assert r.exit_code == 2 and "does not exist" in _one_clean_line(r.stderr)
    assert not (tmp_path / "q.yaml").exists()


# ---------------------------------------------------------------- 7. never over an input

def test_7_render_over_its_answers_file_is_refused_even_with_force(tmp_path):
    path = _answers(tmp_path, BASE)
    r = run_cli("render", path, "-o", path, "--force")
    assert r.exit_code == 2 and "an input of this command" in _one_clean_line(r.stderr)
    assert path.read_text(encoding="utf-8") == BASE


def test_7_diff_docx_over_the_new_file_is_refused(tmp_path):
    old = _answers(tmp_path, BASE, "old.yaml")
    new = _answers(tmp_path, BASE, "new.yaml")
    r = run_cli("diff", old, new, "--docx", new, "--force")
    assert r.exit_code == 2 and "an input of this command" in _one_clean_line(r.stderr)
    assert new.read_text(encoding="utf-8") == BASE


def test_7_import_questionnaire_out_over_the_cable_is_refused(tmp_path):
    cable = tmp_path / "c.txt"
    cable.write_text(CABLE_2007.read_text(encoding="utf-8"))
    r = run_cli("import", cable, "-o", tmp_path / "a.yaml", "--questionnaire-out", cable, "--force")
    assert r.exit_code == 2 and "an input of this command" in _one_clean_line(r.stderr)
    assert cable.read_text() == CABLE_2007.read_text(encoding="utf-8")


def test_7_batch_into_the_cables_own_folder_keeps_every_cable(tmp_path):
    cables = [tmp_path / "x.txt", tmp_path / "x.questionnaire.txt"]
    for c in cables:
        c.write_text(CABLE_2007.read_text(encoding="utf-8"))
    r = run_cli("batch", *cables, "--outdir", tmp_path, "--force", "--json")
    assert r.exit_code in (0, 1), r.stderr
    for c in cables:
        assert c.read_text() == CABLE_2007.read_text(encoding="utf-8")
    import json

    rows = json.loads(r.stdout)
    written = [p for row in rows for p in [row["answers"], *row["rendered"]]]
    assert len(written) == len(set(written)) == 4
    assert not {str(c) for c in cables} & set(written)


# ---------------------------------------------------------------- 8. links and special files

def test_8_a_dangling_link_is_not_written_through_without_force(tmp_path):
    outside = tmp_path / "elsewhere.txt"
    link = tmp_path / "out" / "link.txt"
    link.parent.mkdir()
    link.symlink_to(outside)
    r = run_cli("render", ANSWERS_2006, "-o", link)
    assert r.exit_code == 2 and "is a link to" in _one_clean_line(r.stderr)
    assert not outside.exists()
    r = run_cli("render", ANSWERS_2006, "-o", link, "--force")
    assert r.exit_code == 0, r.stderr
    assert not outside.exists() and not link.is_symlink() and link.read_text().startswith("UNCLAS")


def test_8_a_fifo_is_never_replaced(tmp_path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    r = run_cli("render", ANSWERS_2006, "-o", fifo, "--force")
    assert r.exit_code == 2 and "is not a regular file" in _one_clean_line(r.stderr)
    assert fifo.is_fifo()


# ---------------------------------------------------------------- 9. the rest

def test_9_temp_files_a_killed_run_left_are_removed_by_the_next_write(tmp_path):
    path = _answers(tmp_path, BASE)
    stale = tmp_path / ".a.yaml.abc123.tmp"
    stale.write_text(BASE)
    r = run_cli("hours", "add", path, "--who", "J. Doe", "--role", "officer", "--hours", "6")
    assert r.exit_code == 0, r.stderr
    assert not stale.exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_9_render_into_a_folder_says_so(tmp_path):
    r = run_cli("render", ANSWERS_2006, "-o", tmp_path)
    assert r.exit_code == 2 and "is a directory; give a file name" in _one_clean_line(r.stderr)


def test_9_import_with_an_empty_output_name(tmp_path):
    r = run_cli("import", CABLE_2007, "-o", "")
    assert r.exit_code == 2 and "-o: give the answers file to write" in _one_clean_line(r.stderr)


def test_3_a_reference_docx_with_thousands_of_styles_is_refused_at_once(tmp_path):
    """Fuzz finding: python-docx looks each style up by name for every paragraph."""
    import docx

    ref = tmp_path / "ref.docx"
    doc = docx.Document()
    from docx.enum.style import WD_STYLE_TYPE

    for k in range(700):
        doc.styles.add_style(f"Extra {k}", WD_STYLE_TYPE.PARAGRAPH)
    doc.save(str(ref))
    r = run_cli("render", ANSWERS_2006, "--format", "docx", "--reference-docx", ref,
                "-o", tmp_path / "o.docx")
    assert r.exit_code == 2 and "styles; a post's template has a few hundred" in _one_clean_line(r.stderr)


def test_4_an_import_too_large_to_load_back_names_the_cable(tmp_path):
    """Fuzz finding: the self-check of what import writes named the output file, never written."""
    lines = CABLE_2007.read_text(encoding="utf-8").splitlines(keepends=True)
    cable = tmp_path / "c.txt"
    cable.write_text("".join(lines[:300]) + "-- x\n" * 60000 + "".join(lines[300:]))
    r = run_cli("import", cable, "-o", tmp_path / "a.yaml")
    line = _one_clean_line(r.stderr)
    assert r.exit_code == 2 and line.startswith(f"tipreport: {cable}:"), line
    assert not (tmp_path / "a.yaml").exists()


def test_3_a_line_of_dashes_that_ends_otherwise_is_read_at_once(tmp_path):
    """Fuzz finding (a second 10,000-input run, seed 2): a 100,000-dash line whose last character
    is not a dash (a bit flip) took the underline pattern 59 s (223 s with '-- ' runs): the
    pattern backtracked over every way to split the dashes. It is possessive now."""
    lines = CABLE_2007.read_text(encoding="utf-8").splitlines(keepends=True)
    cable = tmp_path / "c.txt"
    cable.write_text("".join(lines[:52]) + "-" * 200_000 + "x\n" + "".join(lines[52:]), encoding="utf-8")
    r = _cli("import", cable, "-o", tmp_path / "a.yaml")  # the subprocess times out after 60 s
    assert r.returncode in (0, 2), r.stderr
