"""check: the detectors on real sentences of the 2006 cable, and the command on real answers files.

The carried file is the real 2006 answers carried into the 2007 questionnaire by
`tipreport init`; test_stale_eval.py measures the detectors against what the
officers actually did in 2007.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import ANSWERS_2006, run_cli
from tipreport import answers, checks, stale

QUESTIONS_2007 = ["2D", "2E", "2F", "2G", "2H", "3A", "3B", "3C", "3D", "3E", "3F", "3G", "3H", "3I"]
P2007 = stale.parse_period("March 2006 - March 2007")




def findings(path: Path, *args: str) -> list[dict]:
    res = run_cli("check", path, "--json", *args)
    assert res.exit_code in (0, 1), res.output
    return json.loads(res.stdout)


def old_sentence(qid: str, needle: str) -> str:
    """A real sentence of the 2006 answer to ``qid`` containing ``needle``."""
    af = answers.load(ANSWERS_2006)
    for para in answers.paragraphs(af.answers[qid].text):
        for s in stale.sentences(para):
            if needle in s:
                return s
    raise AssertionError(f"{needle!r} not in 2006 {qid}")


def kinds(sentence: str, period=P2007) -> set[str]:
    return {h.kind for h in stale.stale_hits(sentence, period, carried=True)}


# ---------------------------------------------------------------- sentences and dates

def test_sentences_keep_abbreviations_and_split_doubled_stops():
    para = ("The Cambodian police have also worked closely with the U.S. Bureau of Immigration "
            "and Customs Enforcement (ICE) in investigating cases.  Cambodia generally lacks "
            "training. The law covers trafficking happening in Cambodia..  Other laws apply.")
    assert stale.sentences(para) == [
        "The Cambodian police have also worked closely with the U.S. Bureau of Immigration and "
        "Customs Enforcement (ICE) in investigating cases.",
        "Cambodia generally lacks training.",
        "The law covers trafficking happening in Cambodia..",
        "Other laws apply.",
    ]


def test_sentences_cover_a_real_paragraph_word_for_word():
    af = answers.load(ANSWERS_2006)
    for para in answers.paragraphs(af.answers["3E"].text):
        assert " ".join(stale.sentences(para)).split() == para.split()
    assert len(stale.sentences(answers.paragraphs(af.answers["3E"].text)[1])) == 5


@pytest.mark.parametrize("text, start, end", [
    ("March 2006 - March 2007", (2006, 3), (2007, 3)),
    ("April 1, 2006 to March 31, 2007", (2006, 4), (2007, 3)),
    ("calendar year 2006", (2006, 1), (2006, 12)),
    ("2006-2007", (2006, 1), (2007, 12)),
    ("1 April 2006 - 31 March 2007", (2006, 4), (2007, 3)),    # not the years 2006-2031
    ("April 1, 2006 - March 31, 2007", (2006, 4), (2007, 3)),
    ("2006-04-01 to 2007-03-31", (2006, 4), (2007, 3)),
])
def test_reporting_periods(text, start, end):
    p = stale.parse_period(text)
    assert (p.start, p.end) == (stale.month_index(*start), stale.month_index(*end))


def test_reporting_period_without_dates_is_none():
    assert stale.parse_period("") is None
    assert stale.parse_period("the usual twelve months") is None


@pytest.mark.parametrize("text, first, last", [
    ("During the first two months of 2006, two foreigners", (2006, 1), (2006, 2)),
    ("expected to be operational in late 2005", (2005, 9), (2005, 12)),
    ("approved by the end of 2006", (2006, 12), (2006, 12)),
    ("amend the law by summer 2006", (2006, 6), (2006, 8)),
    ("During fiscal year 2006, the U.S.", (2005, 10), (2006, 9)),
    ("On February 17, 2006, the court", (2006, 2), (2006, 2)),
])
def test_dates_are_month_spans(text, first, last):
    (d,) = stale.find_dates(text)
    assert (d.start, d.end) == (stale.month_index(*first), stale.month_index(*last))


def test_year_ranges_are_not_dates():
    text = "From 1996-1999, the government arrested 342 offenders (2000-2004)."
    assert stale.find_dates(text) == ()
    assert [r[:2] for r in stale.find_ranges(text)] == [(1996, 1999), (2000, 2004)]


def test_day_first_dates_in_a_sentence_are_not_a_year_range():
    text = "From 1 March 2005 - 28 February 2006, police arrested 12 traffickers (2005-06)."
    assert [d.text for d in stale.find_dates(text)] == ["1 March 2005", "28 February 2006"]
    assert [r[:2] for r in stale.find_ranges(text)] == [(2005, 2006)]


# ---------------------------------------------------------------- detectors on real sentences

@pytest.mark.parametrize("qid, needle, kind", [
    ("3E", "reported 84 cases", "stale-figure"),
    ("3E", "73 offenders arrested", "stale-figure"),
    ("3E", "58 cases of human trafficking", "stale-figure"),
    ("3E", "Three minors were identified", "stale-figure"),
    ("3H", "4,655 police officers", "stale-figure"),
    ("3E", "reporting period for 2005", "stale-date"),
    ("2F", "The NGO statement in February 2006", "stale-date"),
    ("2J", "has developed a three-year National Action Plan", "stale-date"),
    ("2J", "by the end of 2006", "past-due"),
    ("2H", "amend the law by summer 2006", "past-due"),
    ("2J", "currently in the process", "time-words"),
    ("3A", "The most recent legislation", "time-words"),
    ("3H", "So far", "time-words"),
    ("3E", "during the year", "stale-date"),
    ("3L", "During the year, several police officials", "stale-date"),
    ("2D", "has begun a three-year program", "time-words"),
])
def test_stale_sentences_of_2006_are_flagged_in_2007(qid, needle, kind):
    assert kind in kinds(old_sentence(qid, needle))


@pytest.mark.parametrize("qid, needle", [
    ("3B", "jail sentence of 15 to 20 years"),          # penalty, age
    ("3B", "Article 368 of the Labor Law"),             # article, age, fine in days
    ("3C", "5-10 year prison sentence"),                # penalty, article
    ("3A", "labor of minors (under 15 years)"),         # age
    ("3D", "legal age of consent"),                     # age
    ("3E", "From 1996-1999"),                           # historic range
    ("3E", "From 2000-2004"),                           # historic range with a 2002 date
    ("3E", "The Unit consists of seven bureaus"),       # structure, not a tally
    ("2D", "In September 2005, the National Assembly passed"),  # enactment
    ("2J", "COMMIT MOU of October 2004"),               # date naming a document
    ("2J", "The Ministry of Interior in July 2005 also developed"),  # adopted plan: history
    ("2J", "in 1999 established an inter-ministerial body"),  # establishment
    ("3F", "two-thirds of the traffickers"),            # share, size range
    ("3N", "has ratified the new ILO Convention 182"),  # ratification date
    ("1A", "Steinfatt study estimated that there were"),  # a published study's estimate
    ("3G", "a group of four international NGOs"),       # not a tally
])
def test_history_and_law_are_not_flagged(qid, needle):
    assert kinds(old_sentence(qid, needle)) == set()


def test_an_old_date_told_as_current():
    (hit,) = stale.stale_dates("In 2003, there are three shelters for victims.", P2007)
    assert hit.excerpt == "2003" and "told as current" in hit.message
    assert stale.stale_dates("In 2003, the RGC set up three shelters.", P2007) == []


def test_counts_are_tallies_only_with_an_event():
    assert kinds("The task force has 12 members and four officers.") == set()
    assert kinds("Police arrested 12 traffickers and rescued 40 victims.") == {"stale-figure"}


def test_running_totals_since_an_old_date_are_stale_figures():
    s = old_sentence("4A", "59 persons have been repatriated")
    assert kinds(s) == {"stale-figure"}  # "since ... June 1999" is a running total, not history


def test_amounts_need_a_funding_verb():
    assert kinds("The U.S. government provided USD 250,000 to IOM for shelters.") == {"stale-figure"}
    assert kinds("Clients will pay as much as USD 1,000 for three days.") == set()


def test_new_text_gets_only_deadline_checks():
    s = old_sentence("3E", "reported 84 cases")
    assert stale.stale_hits(s, P2007, carried=False) == []
    deadline = old_sentence("2J", "by the end of 2006")
    assert [h.kind for h in stale.stale_hits(deadline, P2007, carried=False)] == ["past-due"]


def test_past_due_depends_on_the_reporting_period():
    s = old_sentence("2J", "by the end of 2006")
    assert stale.past_due(s, stale.parse_period("March 2005 - March 2006")) == []
    (hit,) = stale.past_due(s, P2007)
    assert hit.excerpt == "expected to be approved by the Council of Ministers by the end of 2006"


def test_past_due_skips_plans_told_as_missed_or_still_ahead():
    assert stale.past_due(old_sentence("1D", "was expected to be available in late 2005"),
                          P2007) == []
    assert stale.past_due("IOM implemented the project that will end in spring 2007.",
                          P2007) == []
    assert stale.past_due("The database, expected in late 2005, was delayed.", P2007) == []


def test_time_words_are_whole_words():
    assert stale.time_words("The database is up to date and well known.") == []
    (hit,) = stale.time_words("Cambodia is now negotiating, and so far it has gone well.")
    assert hit.excerpt == "now" and "'so far'" in hit.message


def test_figures_ignore_thousand_separators():
    assert stale.figures("So far, 5,737 police officers") == ("5737",)
    assert stale.figures("three provinces, 58 cases, 2004") == ("three", "58", "2004")


# ---------------------------------------------------------------- the command on real files

def test_untouched_carry_is_reported_per_question_with_lines(draft: Path):
    found = findings(draft)
    untouched = [f for f in found if f["kind"] == "carried-untouched"]
    assert [f["question"] for f in untouched] == QUESTIONS_2007
    lines = draft.read_text(encoding="utf-8").splitlines()
    for f in untouched:
        assert lines[f["line"] - 1].strip().startswith(f["excerpt"].rstrip(".")[:30])
        assert f["severity"] == "error"


def test_every_sentence_finding_points_at_its_line(draft: Path):
    found = [f for f in findings(draft) if f["kind"] in checks.SENTENCE_KINDS]
    assert len(found) >= 15
    lines = draft.read_text(encoding="utf-8").splitlines()
    for f in found:
        assert f["excerpt"] in lines[f["line"] - 1], f
        assert set(f) >= {"question", "kind", "severity", "excerpt", "line", "message", "sentence"}


def test_known_stale_sentences_of_the_carried_file(draft: Path):
    got = {(f["question"], f["kind"], f["excerpt"]) for f in findings(draft)}
    assert ("3F", "stale-figure", "84 cases") in got
    assert ("3F", "stale-date", "reporting period for 2005") in got
    assert ("2H", "past-due",
            "expected to be approved by the Council of Ministers by the end of 2006") in got
    assert ("3I", "time-words", "So far") in got
    assert not any(q == "3B" and k != "carried-untouched" for q, k, _ in got)


@pytest.mark.parametrize("period", ["1 April 2006 - 31 March 2007", "April 1, 2006 - March 31, 2007",
                                    "2006-04-01 to 2007-03-31"])
def test_day_first_reporting_period_reports_the_same_findings(draft: Path, period: str):
    def found() -> set[tuple[str, str, str]]:
        return {(f["question"], f["kind"], f["excerpt"]) for f in findings(draft)}

    before = found()  # "March 2006 - March 2007": one month more, no finding of this file in it
    text = draft.read_text(encoding="utf-8")
    assert "reporting_period: March 2006 - March 2007\n" in text
    draft.write_text(text.replace("March 2006 - March 2007", period, 1), encoding="utf-8")
    after = found()
    assert ("2E", "stale-date", "February 2006") in after
    assert ("3F", "stale-figure", "six persons") in after
    assert after == before


def test_line_numbers_follow_hand_wrapped_text(draft: Path):
    text = draft.read_text(encoding="utf-8")
    old = "reported 84 cases of human trafficking, involving 117 perpetrators in 2005."
    wrapped = "reported 84 cases of human trafficking,\n      involving 117 perpetrators in 2005."
    assert old in text
    draft.write_text(text.replace(old, wrapped), encoding="utf-8")
    lines = draft.read_text(encoding="utf-8").splitlines()
    got = {f["kind"]: f["line"] for f in findings(draft, "--question", "3F")
           if "84 cases" in f["sentence"]}
    assert lines[got["stale-date"] - 1].strip().startswith("involving 117 perpetrators in 2005.")
    assert lines[got["stale-figure"] - 1].strip().endswith("reported 84 cases of human trafficking,")
    assert got["stale-figure"] + 1 == got["stale-date"]


def test_exit_codes_and_human_view(draft: Path):
    res = run_cli("check", draft)
    assert res.exit_code == 1
    assert "«84 cases»" in res.stdout and "3F  Government Prosecution of Traffickers" in res.stdout
    assert re.search(r"\d+ errors, \d+ warnings", res.stdout)
    warn_only = run_cli("check", draft, "--only", "time-words")
    assert warn_only.exit_code == 0 and "time-words (warning)" in warn_only.stdout


def test_filters(draft: Path):
    only = findings(draft, "--only", "stale-figure,past-due", "--question", "3F")
    assert only and {(f["question"], f["kind"]) for f in only} <= {("3F", "stale-figure"),
                                                                    ("3F", "past-due")}
    assert findings(draft, "--only", "stale-figure,past-due", "--question", "3f") == only


@pytest.mark.parametrize("args, message", [
    (("--only", "stale"), "--only stale: unknown kind"),
    (("--question", "9Z"), "--question 9Z: not a question of the 2007 questionnaire"),
])
def test_bad_options_are_usage_errors(draft: Path, args, message):
    res = run_cli("check", draft, *args)
    assert res.exit_code == 2 and message in res.stderr and "Traceback" not in res.output


def test_missing_and_broken_files_exit_2_in_one_line(tmp_path: Path):
    res = run_cli("check", tmp_path / "nope.yaml")
    assert res.exit_code == 2 and res.stderr.strip().count("\n") == 0
    assert "nope.yaml: no such file" in res.stderr


def test_check_does_not_write(draft: Path):
    before = draft.read_bytes()
    run_cli("check", draft)
    assert draft.read_bytes() == before


def test_edited_answer_is_checked_sentence_by_sentence_against_last_year(draft: Path):
    af = answers.load(draft)
    text = af.answers["3F"].text.replace(
        "reported 84 cases of human trafficking, involving 117 perpetrators in 2005",
        "reported 49 cases of human trafficking, involving 65 perpetrators in 2006")
    af.set_answer_text("3F", text)
    af.save(overwrite=True)
    res = run_cli("check", draft, "--json", "--question", "3F")
    got = {(f["kind"], f["excerpt"]) for f in json.loads(res.stdout)}
    assert ("stale-figure", "84 cases") not in got and ("stale-figure", "49 cases") not in got
    assert ("stale-figure", "73 offenders") in got           # still last year's, in the same answer
    assert "carried-untouched" not in {k for k, _ in got}
    assert "last year's answers:" in run_cli("check", draft).stdout


def test_without_last_years_file_edited_answers_are_not_guessed(draft: Path):
    af = answers.load(draft)
    af.set_answer_text("3F", af.answers["3F"].text + "\n\nThe new database went live.")
    af.save(overwrite=True)
    (draft.parent / "cambodia-2006.yaml").unlink()
    res = run_cli("check", draft, "--json")
    got = json.loads(res.stdout)
    assert not any(f["question"] == "3F" and f["kind"] in ("stale-figure", "time-words")
                   for f in got)
    assert any(f["question"] == "3I" and f["kind"] == "stale-figure" for f in got)  # untouched
    assert "no 2006 answers file found" in res.stderr and "3F" in res.stderr
    assert "pass --prior" in run_cli("check", draft).stdout


def test_prior_can_be_given_and_must_be_last_years(draft: Path, workdir: Path):
    moved = workdir / "elsewhere-2006.yaml"
    shutil.move(draft.parent / "cambodia-2006.yaml", moved)
    af = answers.load(draft)
    af.set_answer_text("3F", af.answers["3F"].text + "\n\nThe new database went live.")
    af.save(overwrite=True)
    got = findings(draft, "--prior", moved, "--question", "3F")
    assert any(f["kind"] == "stale-figure" for f in got)
    wrong = run_cli("check", draft, "--prior", workdir / "answers" / "cambodia-2007.yaml")
    assert wrong.exit_code == 2
    assert "is the 2007 answers file, but" in wrong.stderr and "carried from 2006" in wrong.stderr


def test_status_done_clears_carried_untouched_only(draft: Path):
    af = answers.load(draft)
    af.set_field("3D", "status", "done")
    af.save(overwrite=True)
    got = {(f["question"], f["kind"]) for f in findings(draft)}
    assert ("3D", "carried-untouched") not in got and ("3E", "carried-untouched") in got


@pytest.mark.parametrize("text, message", [
    ("", "no answer yet"),
    ("TODO", "only a placeholder ('TODO')"),
    ("[insert 2006 arrest figures]", "only a placeholder"),
])
def test_unanswered(draft: Path, text: str, message: str):
    af = answers.load(draft)
    af.set_answer_text("3C", text)
    af.save(overwrite=True)
    (f,) = [f for f in findings(draft, "--only", "unanswered")]
    assert f["question"] == "3C" and message in f["message"]


def test_question_missing_from_the_file_is_unanswered(draft: Path):
    af = answers.load(draft)
    del af.doc["answers"]["3C"]
    af.save(overwrite=True)
    (f,) = findings(draft, "--only", "unanswered")
    assert f["question"] == "3C" and "no entry" in f["message"]


def test_ack_silences_until_the_sentence_changes(draft: Path):
    (target,) = [f for f in findings(draft) if f["excerpt"] == "84 cases"]
    res = run_cli("check", draft, "--ack", target["id"])
    assert f"silenced {target['id']}" in res.stdout
    text = draft.read_text(encoding="utf-8")
    assert "# Answers file written by `tipreport init`" in text and "  - question: 3F" in text
    assert target["fingerprint"] in text
    again = findings(draft)
    assert target["id"] not in {f["id"] for f in again}
    assert "1 silenced by ack" in run_cli("check", draft).stdout
    # the officer updates one figure but leaves "84 cases": the ack no longer applies
    af = answers.load(draft)
    af.set_answer_text("3F", af.answers["3F"].text.replace("117 perpetrators", "118 perpetrators"))
    af.save(overwrite=True)
    res = run_cli("check", draft, "--json", "--question", "3F")
    got = {(f["kind"], f["excerpt"]) for f in json.loads(res.stdout) if "84 cases" in f["sentence"]}
    assert got == {("stale-figure", "84 cases")}  # the reviewed sentence keeps only the old count
    assert "no longer matches a finding" in res.stderr


def test_ack_of_an_unknown_id_changes_nothing(draft: Path):
    before = draft.read_bytes()
    res = run_cli("check", draft, "--ack", "3F:stale-figure:00000000")
    assert res.exit_code == 2 and "no open finding with id 3F:stale-figure:00000000" in res.stderr
    assert draft.read_bytes() == before


def test_bad_ack_entries_name_their_line(draft: Path):
    draft.write_text(draft.read_text(encoding="utf-8")
                     + "ack:\n  - question: 3F\n    kind: stale\n    fingerprint: x\n",
                     encoding="utf-8")
    res = run_cli("check", draft)
    assert res.exit_code == 2
    n = len(draft.read_text(encoding="utf-8").splitlines())
    assert f"draft-2007.yaml:{n - 1}: ack[0].kind: 'stale' is not one of" in res.stderr


def test_marks_required_by_the_questionnaire(draft: Path, workdir: Path):
    q = workdir / "questionnaires" / "2007.yaml"
    q.write_text(q.read_text(encoding="utf-8").replace("marks_required: false",
                                                       "marks_required: true"), encoding="utf-8")
    af = answers.load(draft)
    paras = answers.paragraphs(af.answers["3D"].text)
    af.set_answer_text("3D", "\n\n".join("(U) " + p for p in paras))
    af.save(overwrite=True)
    marks = findings(draft, "--only", "marking")
    assert "3D" not in {f["question"] for f in marks}
    assert sum(1 for f in marks if f["question"] == "3F") == 5  # five unmarked paragraphs
    assert all(f["severity"] == "error" for f in marks)


def test_abbreviations_missing_and_unused(draft: Path):
    af = answers.load(draft)
    af.set_answer_text("3D", af.answers["3D"].text + "\n\nThe XQZT task force met twice.")
    af.save(overwrite=True)
    got = {(f["question"], f["excerpt"]): f for f in findings(draft, "--only", "abbreviation")}
    assert ("3D", "XQZT") in got and got[("3D", "XQZT")]["severity"] == "warning"
    assert ("glossary", "WMC") in got  # the 2006 glossary entry no 2007 answer uses
    lines = draft.read_text(encoding="utf-8").splitlines()
    assert lines[got[("glossary", "WMC")]["line"] - 1].strip().startswith("WMC:")
    assert ("glossary", "MOSAVY") not in got


def test_the_real_2007_submission_is_clean_of_errors():
    res = run_cli("check", ANSWERS_2006.parent / "cambodia-2007.yaml", "--json")
    assert res.exit_code == 0
    assert {f["severity"] for f in json.loads(res.stdout)} <= {"warning"}
