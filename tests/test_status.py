"""status: progress per section on the real files and on a draft carried by the real init."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import ANSWERS_2006, ANSWERS_2007, run_cli
from tipreport import answers, status
from tipreport.status import Tally, bar


def test_the_imported_2006_submission_is_all_answered():
    report = status.run(ANSWERS_2006)
    # sections of the 2006 questionnaire: 1A-1E, 2A-2J (no 2I), 3A-3N, 4A-4I
    assert [(t.number, t.total, t.answered) for t in report.sections] == [
        (1, 5, 5), (2, 9, 9), (3, 14, 14), (4, 9, 9)]
    assert report.total.total == 37 and report.total.percent == 100


def test_a_fresh_carry_is_all_untouched(draft: Path):
    report = status.run(draft)
    assert [(t.number, t.total, t.untouched) for t in report.sections] == [(2, 5, 5), (3, 9, 9)]
    assert report.total.percent == 0
    assert report.retired == 24  # 37 questions in 2006, 13 of them carried into 2007


def test_edits_blanks_and_reviews_move_answers_between_columns(draft: Path):
    af = answers.load(draft)
    af.set_answer_text("3F", af.answers["3F"].text.replace("84 cases", "49 cases"))
    af.set_answer_text("3C", "TODO")
    af.set_field("3D", "status", "done")
    del af.doc["answers"]["3E"]
    af.save(overwrite=True)
    by_id = {q.id: q.state for q in status.run(draft).questions}
    assert (by_id["3F"], by_id["3C"], by_id["3D"], by_id["3E"], by_id["3G"]) == (
        "edited", "empty", "answered", "empty", "untouched")
    (sec3,) = [t for t in status.run(draft).sections if t.number == 3]
    assert (sec3.answered, sec3.edited, sec3.untouched, sec3.empty) == (1, 1, 5, 2)
    assert sec3.percent == 22
    res = run_cli("status", draft)
    assert res.exit_code == 0
    row = next(ln for ln in res.stdout.splitlines() if ln.startswith("3 Investigation"))
    assert row.split()[-7:] == ["9", "1", "1", "5", "2", "[##++------------....]", "22%"]


def test_whitespace_changes_are_not_edits(draft: Path):
    af = answers.load(draft)
    af.set_answer_text("2D", af.answers["2D"].text.replace(". ", ".   "))
    af.save(overwrite=True)
    assert {q.id: q.state for q in status.run(draft).questions}["2D"] == "untouched"


@pytest.mark.parametrize("counts, expected", [
    ((1, 1, 1, 1), "#####+++++-----....."),
    ((37, 0, 0, 0), "#" * 20),
    ((0, 0, 14, 0), "-" * 20),
    ((1, 0, 0, 2), "#######............."),
])
def test_bars_are_proportional_and_fixed_width(counts, expected):
    assert bar(Tally(None, "x", *counts)) == expected


def test_json_lists_sections_and_questions(draft: Path):
    res = run_cli("status", draft, "--json")
    data = json.loads(res.stdout)
    assert [s["section"] for s in data["sections"]] == [2, 3]
    assert data["total"] == {"section": None, "title": "all", "total": 14, "answered": 0,
                             "edited": 0, "untouched": 14, "empty": 0, "percent": 0}
    assert data["questions"][0] == {"id": "2D", "section": 2,
                                    "topic": "Other Government-Supported Prevention Programs",
                                    "state": "untouched", "status": "carried",
                                    "words": len(answers.load(draft).answers["2D"].text.split())}


def test_the_real_2007_file_and_its_legend():
    res = run_cli("status", ANSWERS_2007)
    assert res.exit_code == 0
    assert "Cambodia 2007 (questionnaire 2007, partial, 14 questions)" in res.stdout
    assert "bar: # answered, + edited, - untouched, . empty" in res.stdout


def test_bad_input_exits_2(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("meta: [1, 2\n", encoding="utf-8")
    res = run_cli("status", bad)
    assert res.exit_code == 2 and res.stderr.startswith(f"tipreport: {bad}:")
    assert "Traceback" not in res.output
