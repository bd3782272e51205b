"""Staff-hours log: the note's wording against the 2006 cable, `hours add` editing the
officer's file in place (comments kept), `hours list`, and bad input."""

from __future__ import annotations

import json
import re

import pytest

from conftest import ANSWERS_2006, CABLE_2006, run_cli
from tipreport import answers, cable, hours, render
from tipreport.answers import HoursEntry


def _seed_note() -> str:
    """'30 hours of staff time, including ...' as the 2006 cable wrote it (paragraph 2)."""
    raw = " ".join(CABLE_2006.read_text(encoding="utf-8").split())
    return re.search(r"this report required (.+?)\. Embassy POC", raw).group(1)


def test_note_of_the_imported_2006_log_is_the_cables_wording():
    meta = answers.load(ANSWERS_2006).meta
    assert hours.note(meta.staff_hours) == _seed_note()
    assert _seed_note() == "30 hours of staff time, including 10 hours of a local FSN political assistant"


@pytest.mark.parametrize(("entries", "expected"), [
    ([], ""),
    ([("Jane Doe", "political officer", 12)], "12 hours of staff time"),
    ([("Jane Doe", "political officer", 1)], "1 hour of staff time"),
    ([("A", "political officer", 12), ("B", "political officer", 8.5),
      ("Sokha", "local FSN political assistant", 10)],
     "30.5 hours of staff time, including 10 hours of a local FSN political assistant"),
    ([("A", "political officer", 10), ("S", "FSN political assistant", 4),
      ("T", "FSN political assistant", 3), ("E", "economic officer", 2), ("I", "intern", 1)],
     "20 hours of staff time, including 7 hours of FSN political assistants, 2 hours of an "
     "economic officer, and 1 hour of an intern"),
])
def test_note_wording(entries, expected):
    assert hours.note([HoursEntry(*e) for e in entries]) == expected


def test_the_composed_closing_reads_back_into_the_same_log():
    meta = answers.load(ANSWERS_2006).meta
    text = render.build(*answers.load_with_questionnaire(ANSWERS_2006)).closing
    assert text.startswith("(U)  ")
    drafters, log, poc = cable.parse_closing(cable.MARK.sub("", text))
    assert (drafters, tuple(log), poc) == (meta.drafters, meta.staff_hours, meta.point_of_contact)


@pytest.mark.parametrize(("sentence", "log"), [
    ("required 20 hours of staff time, including 7 hours of FSN political assistants, 2 hours of an "
     "economic officer, and 1 hour of an intern.",
     [("officer", 10), ("FSN political assistants", 7), ("economic officer", 2), ("intern", 1)]),
    ("required 12.5 hours of staff time, including 2.5 hours of an RSO and 3 hours of the DCM.",
     [("officer", 7), ("RSO", 2.5), ("DCM", 3)]),
    ("required 1 hour of staff time.", [("officer", 1)]),
    ("required 5 hours of staff time, including 7 hours of an FSN.", [("officer", 5)]),  # does not add up
])
def test_closing_with_several_roles_reads_back_into_the_log(sentence, log):
    _, entries, _ = cable.parse_closing(f"The drafting of this report {sentence}  Embassy POC is X.")
    assert [(e.role, e.hours) for e in entries] == log


def test_several_roles_round_trip_through_render_and_import():
    entries = [HoursEntry("Jane Doe", "political officer", 12), HoursEntry("Sokha", "FSN", 6),
               HoursEntry("Kim", "RSO", 1.5)]
    _, back, _ = cable.parse_closing(f"This report required {hours.note(entries)}.")
    assert hours.note(back) == hours.note(entries)


COMMENTED = "# Hand notes: keep me.\n"


def test_add_edits_in_place_and_keeps_comments(workdir):
    path = workdir / "answers" / "cambodia-2007.yaml"
    original = path.read_text()
    assert "staff_hours: []" in original and "# not stated in the partial cable" in original
    path.write_text(COMMENTED + original)
    res = run_cli("hours", "add", path, "--who", "Jane Doe", "--role", "political officer",
                  "--hours", "12")
    assert res.exit_code == 0, res.stderr
    assert res.stdout.splitlines()[0] == f"logged 12 hours for Jane Doe (political officer) in {path}"
    res = run_cli("hours", "add", path, "--who", "Sokha", "--role", "local FSN political assistant",
                  "--hours", "6.5")
    assert res.exit_code == 0, res.stderr
    text = path.read_text()
    expected = (COMMENTED + original).replace(
        "  staff_hours: []\n",
        "  staff_hours:\n"
        "    - who: Jane Doe\n      role: political officer\n      hours: 12\n"
        "    - who: Sokha\n      role: local FSN political assistant\n      hours: 6.5\n")
    assert text == expected  # nothing else in the officer's file moved
    meta = answers.load(path).meta
    assert meta.total_hours == 18.5


def test_comments_after_the_log_stay_after_it(workdir):
    """An officer's note below the list stays below it; a note on the last entry (at the end of
    its line, or indented under it) stays with that entry."""
    path = workdir / "answers" / "cambodia-2007.yaml"
    original = path.read_text()
    before = original.replace(
        "  staff_hours: []\n",
        "  staff_hours:\n    - who: Jane Doe\n      role: officer\n      hours: 12  # approx\n"
        "      # includes the Battambang trip\n"
        "  # to log after the February trip\n\n  # FSN hours from Sokha\n")
    path.write_text(before)
    for who, role, n in [("Sokha", "FSN", "6"), ("Kim", "RSO", "1")]:
        assert run_cli("hours", "add", path, "--who", who, "--role", role, "--hours", n).exit_code == 0
    assert path.read_text() == before.replace(
        "      # includes the Battambang trip\n",
        "      # includes the Battambang trip\n"
        "    - who: Sokha\n      role: FSN\n      hours: 6\n"
        "    - who: Kim\n      role: RSO\n      hours: 1\n")
    assert answers.load(path).meta.total_hours == 19


def test_add_to_a_log_that_has_entries_and_when_the_key_is_missing(workdir):
    path = workdir / "answers" / "cambodia-2006.yaml"
    res = run_cli("hours", "add", path, "--who", "Kurt", "--role", "officer", "--hours", "4")
    assert res.exit_code == 0
    meta = answers.load(path).meta
    assert meta.total_hours == 34
    assert hours.note(meta.staff_hours) == ("34 hours of staff time, including 10 hours of a "
                                            "local FSN political assistant")
    af = answers.load(path)
    del af.doc["meta"]["staff_hours"]
    af.save(overwrite=True)
    res = run_cli("hours", "add", path, "--who", "Kurt", "--role", "officer", "--hours", "4")
    assert res.exit_code == 0
    assert answers.load(path).meta.staff_hours == (HoursEntry("Kurt", "officer", 4),)


def test_list_text_and_json():
    res = run_cli("hours", "list", ANSWERS_2006)
    assert res.exit_code == 0
    lines = res.stdout.splitlines()
    assert lines[0].split() == ["who", "role", "hours"]
    assert lines[2].startswith("Political Officers Margaret McKean and Kurt Stoppkotte  officer")
    assert lines[-2:] == ["total: 30 hours", f"note: ...required {_seed_note()}."]
    res = run_cli("hours", "list", ANSWERS_2006, "--json")
    data = json.loads(res.stdout)
    assert data["total"] == 30 and data["note"] == _seed_note()
    assert [(e["role"], e["hours"]) for e in data["entries"]] == [
        ("officer", 20), ("local FSN political assistant", 10)]


def test_list_of_an_empty_log(workdir):
    path = workdir / "answers" / "cambodia-2007.yaml"
    res = run_cli("hours", "list", path)
    assert res.exit_code == 0
    assert "no staff hours logged yet" in res.stdout


def test_render_uses_the_new_log(workdir):
    path = workdir / "answers" / "cambodia-2007.yaml"
    for who, role, n in [("Jane Doe", "political officer", "20"),
                         ("Sokha", "local FSN political assistant", "10")]:
        assert run_cli("hours", "add", path, "--who", who, "--role", role, "--hours", n).exit_code == 0
    res = run_cli("render", path, "-o", "-", "--final")
    assert res.exit_code == 0, res.stderr
    para = " ".join(res.stdout[res.stdout.index("2.  (U)"):res.stdout.index("Abbreviations")].split())
    assert para == ("2. (U) Jane Doe drafted this submission and estimates that the drafting of "
                    "this report required 30 hours of staff time, including 10 hours of a local "
                    "FSN political assistant.")


@pytest.mark.parametrize(("args", "message"), [
    (["--who", "X", "--role", "officer", "--hours", "0"], "--hours must be a positive number, not 0"),
    (["--who", "X", "--role", "officer", "--hours", "-3"], "--hours must be a positive number, not -3"),
    (["--who", "X", "--role", "officer", "--hours", "nan"], "--hours must be a positive number, not nan"),
    (["--who", "X", "--role", "officer", "--hours", "20000"],
     "--hours 20000 is more than 10,000; is that a typo?"),
    (["--who", "X", "--role", "  ", "--hours", "2"],
     "--role must not be empty (e.g. 'political officer', 'local FSN political assistant')"),
    (["--who", "", "--role", "officer", "--hours", "2"], "--who must not be empty"),
])
def test_bad_input_leaves_the_file_alone(workdir, args, message):
    path = workdir / "answers" / "cambodia-2007.yaml"
    before = path.read_bytes()
    res = run_cli("hours", "add", path, *args)
    assert res.exit_code == 2
    assert res.stderr.strip() == f"tipreport: {message}"
    assert path.read_bytes() == before


def test_missing_and_invalid_files(tmp_path):
    res = run_cli("hours", "add", tmp_path / "nope.yaml", "--who", "X", "--role", "r", "--hours", "1")
    assert res.exit_code == 2
    assert res.stderr.strip() == f"tipreport: {tmp_path / 'nope.yaml'}: no such file"
    bad = tmp_path / "bad.yaml"
    bad.write_text("meta:\n  country: X\n  staff_hours: 5\n")
    res = run_cli("hours", "list", bad)
    assert res.exit_code == 2 and len(res.stderr.strip().splitlines()) == 1
