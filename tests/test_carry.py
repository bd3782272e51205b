"""`tipreport init`: the 2006 answers carried into the 2007 questionnaire, on the real files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from test_align import RETIRED_2006, SEED_TABLE

from cable_words import segments
from conftest import CABLE_2006, full_2008, run_cli
from tipreport import answers, carry, checks, questionnaire, yamlio
from tipreport.answers import fingerprint


@pytest.fixture
def tree(workdir: Path) -> dict[str, Path]:
    return {
        "prior": workdir / "answers" / "cambodia-2006.yaml",
        "imported": workdir / "answers" / "cambodia-2007.yaml",
        "q": workdir / "questionnaires" / "2007.yaml",
        "out": workdir / "answers" / "new-2007.yaml",
    }


def _init(tree, *extra, out=None):
    return run_cli("init", "--from", tree["prior"], "--questionnaire", tree["q"],
                   "-o", out or tree["out"], *extra)


@pytest.fixture
def carried(tree):
    result = _init(tree)
    assert result.exit_code == 0, result.stderr
    af, q = answers.load_with_questionnaire(tree["out"])
    return af, q, result


# ---------------------------------------------------------------- the carried file

def test_output_loads_with_its_questionnaire_and_has_every_2007_question(carried):
    af, q, _ = carried
    assert q.year == 2007 and af.meta.questionnaire == "2007"
    assert list(af.answers) == q.ids() == list(SEED_TABLE)
    assert list(af.retired) == list(RETIRED_2006)


def test_carried_text_is_the_2006_cable_word_for_word(carried):
    """Checked against the cable itself (not the importer's output): every word, in order,
    paragraph by paragraph as in the 2006 answers file."""
    af, _, _ = carried
    q6 = questionnaire.load(Path(af.path).parent.parent / "questionnaires" / "2006.yaml")
    cable = segments(CABLE_2006)
    prior = answers.load(Path(af.path).parent / "cambodia-2006.yaml").answers

    def cable_answer(old_id):
        return cable[old_id][len(q6.get(old_id).text.split()):]

    for new_id, (old_id,) in SEED_TABLE.items():
        if new_id in ("3B", "3C"):
            continue
        assert af.answers[new_id].text.split() == cable_answer(old_id), new_id
        assert af.answers[new_id].paragraphs == prior[old_id].paragraphs, new_id
    split = af.answers["3B"].text.split() + af.answers["3C"].text.split()
    assert split == cable_answer("3B")
    for old_id, a in af.retired.items():
        assert a.text.split() == cable_answer(old_id), old_id


def test_split_2006_3b_goes_by_paragraph(carried):
    af, _, result = carried
    prior = answers.load(Path(af.path).parent / "cambodia-2006.yaml").answers["3B"].paragraphs
    assert af.answers["3B"].paragraphs == [prior[0]]   # the sex-trafficking penalties
    assert af.answers["3C"].paragraphs == [prior[1]]   # Article 368 of the Labor Law
    assert af.answers["3C"].provenance.note == ("2006 3B was split into 3B and 3C: "
                                                "paragraph 2 of 2 carried here")
    assert "3C: 2006 3B was split into 3B and 3C: paragraph 2 of 2 carried here" in result.stdout


def test_provenance_and_fingerprint_of_every_carried_answer(carried):
    af, _, _ = carried
    for new_id, old in SEED_TABLE.items():
        a = af.answers[new_id]
        assert a.status == "carried"
        p = a.provenance
        assert (p.source, p.year, p.questions, p.cable) == ("carried", 2006, old, "06PHNOMPENH501")
        assert p.fingerprint == fingerprint(a.text) and a.untouched
    assert af.answers["3F"].provenance.note == "the question was reworded since 2006"
    assert af.answers["2E"].provenance.note == ""
    assert all(a.provenance.source == "carried" and a.untouched for a in af.retired.values())
    assert "partial" in af.retired["2E"].provenance.note


def test_meta_carried_where_it_lasts_and_reset_where_it_does_not(carried, tree):
    af, _, _ = carried
    prior = answers.load(tree["prior"]).meta
    m = af.meta
    for key in ("country", "post", "classification", "from_", "office", "sensitive", "eo",
                "tags", "drafters", "point_of_contact", "signer"):
        assert getattr(m, key) == getattr(prior, key), key
    # addressees last; last year's message serials do not (the new cable gets its own)
    assert prior.to == ("RUEHC/SECSTATE WASHDC IMMEDIATE 6258",)
    assert m.to == ("RUEHC/SECSTATE WASHDC IMMEDIATE",)
    assert m.info == tuple(answers.ROUTING_SERIAL.sub(r"\1", x) for x in prior.info)
    # and init records where it all came from, for check's stale-meta findings
    assert m.carried_from["year"] == 2006 and m.carried_from["reporting_period"] == prior.reporting_period
    assert m.carried_from["values"]["signer"] == answers.fingerprint(prior.signer)
    assert m.year == 2007 and m.ref == ("STATE 202745",)
    assert m.subject == "2007 TRAFFICKING IN PERSONS REPORT FOR CAMBODIA"
    assert m.reporting_period == "March 2006 - March 2007"
    assert (m.reference_id, m.date, m.intro, m.closing, m.staff_hours) == ("", "", "", "", ())
    assert af.glossary == answers.load(tree["prior"]).glossary


def test_reporting_period_derived_when_the_questionnaire_states_none(tree):
    data = yamlio.load(tree["q"])
    data["reporting_period"] = ""
    yamlio.save(tree["q"], data, overwrite=True)
    assert _init(tree).exit_code == 0
    # derived from last year's "March 2005 - March 2006", and the file says where it came from
    assert "reporting_period: March 2006 - March 2007  # not in the questionnaire" in tree["out"].read_text()


def test_reporting_period_from_the_questionnaire_when_it_has_one(tree):
    data = yamlio.load(tree["q"])
    data["reporting_period"] = "April 2006 - February 2007"
    yamlio.save(tree["q"], data, overwrite=True)
    assert _init(tree).exit_code == 0
    text = tree["out"].read_text()
    assert "reporting_period: April 2006 - February 2007\n" in text


def test_nothing_written_last_year_is_lost(carried, tree):
    af, _, _ = carried
    carried_paras = {p for a in list(af.answers.values()) + list(af.retired.values()) for p in a.paragraphs}
    for a in answers.load(tree["prior"]).answers.values():
        assert set(a.paragraphs) <= carried_paras, a.id


def test_undecidable_split_carries_the_whole_answer_to_both(tree):
    af = answers.load(tree["prior"])
    both = ("Penalties under the trafficking law and the Labor Law remain as reported; the courts "
            "rarely impose them.\n\nNo change since last year.")
    af.set_answer_text("3B", both)
    af.save(overwrite=True)
    result = _init(tree)
    assert result.exit_code == 0, result.stderr
    new = answers.load(tree["out"])
    for qid in ("3B", "3C"):
        assert new.answers[qid].paragraphs == answers.paragraphs(both)
        assert "could not tell which paragraphs belong where, so the whole answer is carried to each" \
            in new.answers[qid].provenance.note
    assert json.loads(_init(tree, "--force", "--json").stdout)["counts"]["whole"] == 2


def test_blank_prior_answer_leaves_the_question_to_draft(tree):
    af = answers.load(tree["prior"])
    af.set_answer_text("2F", "TBD")
    af.save(overwrite=True)
    result = _init(tree)
    assert "to draft from scratch: 2E" in result.stdout
    a = answers.load(tree["out"]).answers["2E"]
    assert a.status == "todo" and a.text == ""


# ---------------------------------------------------------------- never clobber; idempotent

def test_refuses_to_overwrite_without_force(carried, tree):
    before = tree["out"].read_bytes()
    result = _init(tree)
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"tipreport: {tree['out']}: already exists; pass --force to "
                                     "overwrite it or --fill to fill its empty answers")
    assert tree["out"].read_bytes() == before


def test_second_init_over_its_own_output_changes_nothing(carried, tree):
    first = tree["out"].read_bytes()
    assert _init(tree, "--force").exit_code == 0
    assert tree["out"].read_bytes() == first
    result = _init(tree, "--fill")
    assert result.exit_code == 0
    assert f"{tree['out']}: nothing to fill; file unchanged" in result.stdout
    assert "retired answers, under retired: 1A 1B" in result.stdout
    assert tree["out"].read_bytes() == first


def test_fill_fills_only_empty_answers_and_keeps_comments(carried, tree):
    original = tree["out"].read_text()
    af = answers.load(tree["out"])
    af.set_answer_text("2D", "The officer's own 2007 text.")
    af.set_answer_text("2E", "")
    af.doc["answers"].yaml_set_comment_before_after_key("2F", before="checked with the NGO desk")
    del af.doc["answers"]["3C"]
    af.save(overwrite=True)

    result = _init(tree, "--fill", "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    acted = {r["new"]: r["action"] for r in report["answers"] if r["new"]}
    assert acted["2D"] == "kept" and acted["2E"] == "carried" and acted["3C"] == "split"
    assert report["counts"]["kept"] == 12 and report["written"] is True

    # the file is the original with only the officer's edit and comment: 2E and 3C came back as carried
    expected = answers.load(tree["out"])
    expected.doc = yamlio.loads(original)
    expected.set_answer_text("2D", "The officer's own 2007 text.")
    expected.doc["answers"].yaml_set_comment_before_after_key("2F", before="checked with the NGO desk")
    assert tree["out"].read_text() == expected.dumps()
    assert "# checked with the NGO desk" in tree["out"].read_text()


def test_fill_replaces_a_shorthand_empty_entry(carried, tree):
    text = tree["out"].read_text()
    start = text.index("  2E:\n")
    end = text.index("  2F:\n")
    tree["out"].write_text(text[:start] + "  2E:  # to do\n" + text[end:])
    assert _init(tree, "--fill").exit_code == 0
    a = answers.load(tree["out"]).answers["2E"]
    assert a.status == "carried" and a.provenance.questions == ("2F",) and a.untouched


def test_fill_into_the_imported_2007_file_keeps_every_answer(tree):
    before = tree["imported"].read_bytes()
    result = _init(tree, "--fill", out=tree["imported"])
    assert result.exit_code == 0, result.stderr
    assert "nothing to fill; file unchanged" in result.stdout
    assert "kept as you wrote them: 14" in result.stdout
    assert "retired answers not copied (still in last year's file): 1A 1B" in result.stdout
    assert tree["imported"].read_bytes() == before


def test_fill_refuses_a_file_for_another_questionnaire(tree):
    shutil.copy(tree["prior"], tree["out"])
    result = _init(tree, "--fill")
    assert result.exit_code == 2
    assert "meta.questionnaire is 2006 but the questionnaire" in result.stderr


# ---------------------------------------------------------------- dry run and reports

def test_dry_run_prints_the_table_and_writes_nothing(tree):
    result = _init(tree, "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert not tree["out"].exists()
    lines = result.stdout.splitlines()
    assert lines[0] == "questions 2006 -> 2007 (the 2007 questionnaire is partial)"
    assert lines[1].split() == ["2007", "2006", "score", "what"]
    row = {ln.split()[0]: ln.split() for ln in lines[3:] if ln and not ln.startswith("-")}
    assert row["2E"][:4] == ["2E", "2F", "100", "renumbered"]
    assert row["3C"][:3] == ["3C", "3B", "100"] and "split" in row["3C"][3]
    assert any(ln.split()[:2] == ["-", "2E"] and "retired" in ln for ln in lines)
    assert "would write" in result.stdout


def test_dry_run_json_is_the_alignment_list(tree):
    result = _init(tree, "--dry-run", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert {r["new"]: r["old"] for r in rows if r["new"]} == {k: list(v) for k, v in SEED_TABLE.items()}
    assert [r["old"] for r in rows if r["new"] is None] == [[x] for x in RETIRED_2006]
    assert all(set(r) >= {"new", "old", "score"} for r in rows)
    assert not tree["out"].exists()


def test_dry_run_without_output_and_over_an_existing_file(carried, tree):
    before = tree["out"].read_bytes()
    result = _init(tree, "--dry-run")
    assert result.exit_code == 0
    assert "note: " in result.stdout and "already exists" in result.stdout
    assert tree["out"].read_bytes() == before
    result = run_cli("init", "--from", tree["prior"], "-q", tree["q"], "--dry-run")
    assert result.exit_code == 0 and "2E    2F" in result.stdout


def test_json_report_of_a_real_run(tree):
    result = _init(tree, "--json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert report["written"] is True and report["mode"] == "create"
    assert report["counts"]["carried"] == 12 and report["counts"]["split"] == 2
    assert report["counts"]["retired"] == len(RETIRED_2006)
    assert report["alignment"][0]["new"] == "2D"


# ---------------------------------------------------------------- bad calls

@pytest.mark.parametrize("args, message", [
    (("--force", "--fill"), "tipreport: --force and --fill: choose one"),
    ((), "tipreport: -o/--output is required"),
])
def test_usage_errors(tree, args, message):
    base = ["init", "--from", tree["prior"], "-q", tree["q"]]
    if args:
        base += ["-o", tree["out"]]
    result = run_cli(*base, *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert not tree["out"].exists()


def test_from_must_be_last_years_file(tree):
    result = _init(tree, out=tree["out"]).exit_code
    assert result == 0
    result = run_cli("init", "--from", tree["imported"], "-q", tree["q"], "-o", tree["out"], "--force")
    assert result.exit_code == 2
    assert "is the 2007 answers file but the questionnaire is for 2007" in result.stderr


def test_output_may_not_be_the_prior_file(tree):
    before = tree["prior"].read_bytes()
    q8 = tree["q"].parent / "2008.yaml"
    data = yamlio.load(tree["q"])
    data["year"] = 2008
    yamlio.save(q8, data, overwrite=False)
    result = run_cli("init", "--from", tree["prior"], "-q", q8, "-o", tree["prior"], "--force")
    assert result.exit_code == 2 and "is the --from file" in result.stderr
    assert tree["prior"].read_bytes() == before


def test_missing_questionnaire_is_one_line(tree):
    result = run_cli("init", "--from", tree["prior"], "-q", tree["q"].parent / "nope.yaml", "-o", tree["out"])
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("nope.yaml: no such file")
    assert len(result.stderr.strip().splitlines()) == 1
    assert not tree["out"].exists()


def test_questionnaire_elsewhere_is_named_by_path(tree, tmp_path):
    elsewhere = tmp_path / "state" / "q2007.yaml"
    elsewhere.parent.mkdir()
    shutil.copy(tree["q"], elsewhere)
    result = run_cli("init", "--from", tree["prior"], "-q", elsewhere, "-o", tree["out"])
    assert result.exit_code == 0, result.stderr
    af, q = answers.load_with_questionnaire(tree["out"])
    assert af.meta.questionnaire == "../state/q2007.yaml" and q.path.endswith("q2007.yaml")


# ---------------------------------------------------------------- the core, without the CLI

def test_core_plan_is_pure(tree):
    prior, prior_q = answers.load_with_questionnaire(tree["prior"])
    q = questionnaire.load(tree["q"])
    before = prior.text
    p1 = carry.plan(prior, prior_q, q, "2007")
    p2 = carry.plan(prior, prior_q, q, "2007")
    assert p1 == p2 and prior.dumps() == before
    assert [a.id for a in p1.answers] == q.ids()


def test_shift_years():
    assert carry.shift_years("March 2005 - March 2006", 1) == "March 2006 - March 2007"
    assert carry.shift_years("FY 2019/2020", 2) == "FY 2021/2022"


def test_core_merged_and_new_questions(tree):
    """2006 3I and 3J asked as one 2007 question get both answers; a question nobody asked is to draft."""
    import dataclasses

    prior, prior_q = answers.load_with_questionnaire(tree["prior"])
    i3, j3 = prior_q.get("3I"), prior_q.get("3J")
    merged = dataclasses.replace(i3, topic="Government-to-Government TIP Cooperation and Extradition",
                                 text=f"{i3.text}  {j3.text}")
    hotline = questionnaire.Question("3J", 3, "Victim Hotline", "Does the government operate a telephone "
                                     "hotline for victims?  Who staffs it, and how many calls did it get?")
    q = dataclasses.replace(prior_q, year=2007, reporting_period="", questions=tuple(
        merged if x.id == "3I" else hotline if x.id == "3J" else x for x in prior_q.questions))
    p = carry.plan(prior, prior_q, q, "2007")
    got = {a.id: a for a in p.answers}
    assert got["3I"].paragraphs == prior.answers["3I"].paragraphs + prior.answers["3J"].paragraphs
    assert got["3I"].provenance.questions == ("3I", "3J")
    assert got["3I"].provenance.note.startswith("merged from 2006 3I and 3J")
    assert got["3J"].text == "" and got["3J"].status == "todo"
    actions = {e.new: e.action for e in p.entries if e.new}
    assert actions["3I"] == "merged" and actions["3J"] == "new"
    assert p.retired == () and p.meta.reporting_period == "March 2006 - March 2007"


def test_prior_questionnaire_not_found_names_the_option(tree, tmp_path):
    lone = tmp_path / "elsewhere" / "deep" / "cambodia-2006.yaml"
    lone.parent.mkdir(parents=True)
    shutil.copy(tree["prior"], lone)
    text = lone.read_text().replace("questionnaire: 2006\n", "questionnaire: 2006-state.yaml\n")
    lone.write_text(text)
    result = run_cli("init", "--from", lone, "-q", tree["q"], "-o", tree["out"])
    assert result.exit_code == 2
    assert result.stderr.strip() == (f"tipreport: {lone}: last year's questionnaire '2006-state.yaml' "
                                     "not found beside it; pass --prior-questionnaire")
    result = run_cli("init", "--from", lone, "-q", tree["q"], "-o", tree["out"],
                     "--prior-questionnaire", tree["q"].parent / "2006.yaml")
    assert result.exit_code == 0, result.stderr
    assert answers.load(tree["out"]).answers["2E"].provenance.questions == ("2F",)


def test_fill_keeps_an_officers_placeholder(tree):
    assert _init(tree).exit_code == 0
    af = answers.load(tree["out"])
    reminder = "[insert MOWA figures from the March 2007 meeting with H.E. Ing Kantha Phavi]"
    af.set_answer_text("2D", reminder)
    af.set_answer_text("2E", "")
    af.save(overwrite=True)
    result = _init(tree, "--fill")
    assert result.exit_code == 0, result.stderr
    after = answers.load(tree["out"]).answers
    assert after["2D"].text == reminder
    assert after["2E"].text == answers.load(tree["prior"]).answers["2F"].text  # empty: refilled from 2006 2F


def test_output_that_is_a_directory(tree):
    result = _init(tree, out=tree["out"].parent)
    assert result.exit_code == 2
    assert "is a directory; give the answers file's name" in result.stderr


# ---------------------------------------------------------------- a year after a partial questionnaire

def _words_of(af) -> list[str]:
    return sorted(" ".join(p.split()) for a in list(af.answers.values()) + list(af.retired.values())
                  for p in a.paragraphs)


@pytest.fixture
def draft_2007(carried, tree) -> Path:
    return tree["out"]


def test_questions_asked_again_get_the_answers_kept_under_retired(draft_2007, workdir):
    """2007's partial questionnaire retired 24 of 2006's answers into the 2007 file; 2008 asks
    those questions again, and they come back word for word, with their 2006 provenance."""
    out = workdir / "answers" / "draft-2008.yaml"
    result = run_cli("init", "--from", draft_2007, "--questionnaire", full_2008(workdir), "-o", out)
    assert result.exit_code == 0, result.stderr
    assert "to draft from scratch: none" in result.stdout
    assert f"2006 answers kept under retired: in 2007's file: {' '.join(RETIRED_2006)}" in result.stdout
    assert "1A    -      -      new: the 2006 answer to 1A, from retired:" in result.stdout
    first = answers.load(workdir / "answers" / "cambodia-2006.yaml")
    new, last = answers.load(out), answers.load(draft_2007)
    for qid in RETIRED_2006:
        assert new.answers[qid].paragraphs == first.answers[qid].paragraphs
        prov = new.answers[qid].provenance  # where the text is now: 2007's file, under retired:
        assert (prov.year, prov.questions, prov.section) == (2007, (qid,), "retired")
        assert prov.note.startswith(f"the 2006 answer to {qid}")
        assert new.answers[qid].untouched
    assert new.answers["2F"].paragraphs == last.answers["2E"].paragraphs  # 2007's own answers as before
    assert not new.retired
    assert _words_of(new) == _words_of(last)  # nothing written in 2007's file is lost or doubled
    # check finds the 2007 file as last year's and reads an edited answer against its retired: text
    new_af = answers.load(out)
    new_af.set_answer_text("1B", new_af.answers["1B"].text + "\n\nThe government passed a new law.")
    new_af.save(overwrite=True)
    result = checks.run(out)
    assert Path(result.prior).resolve() == draft_2007.resolve()  # not the imported 2007 file beside it
    assert any(f.question == "1B" and f.kind == "time-words" for f in result.findings)


def test_without_their_questionnaire_retired_answers_stay_retired(draft_2007, workdir):
    """No 2006 questionnaire to align them by: the 2006 answers stay under retired:, as written."""
    prior, prior_q = answers.load_with_questionnaire(draft_2007)
    q2008 = questionnaire.load(full_2008(workdir))
    p = carry.plan(prior, prior_q, q2008, "2008", older_q={})
    assert [a.id for a in p.retired] == list(RETIRED_2006)
    assert [a.text for a in p.retired] == [prior.retired[qid].text for qid in RETIRED_2006]
    assert not next(a for a in p.answers if a.id == "1A").text
    (entry,) = [e for e in p.entries if e.old == ("1A",)]
    assert entry.action == "retired" and "2006 questionnaire it answered was not found" in entry.note


def test_a_retired_id_taken_this_year_leaves_the_older_answer_in_last_years_file(draft_2007, workdir):
    """2008 without 2E and 2F: 2007's own 2E is retired under 2E, where 2006's 2E already sits."""
    out = workdir / "answers" / "draft-2008.yaml"
    result = run_cli("init", "--from", draft_2007, "--questionnaire", full_2008(workdir, ("2E", "2F")),
                     "-o", out, "--json")
    assert result.exit_code == 0, result.stderr
    new, last = answers.load(out), answers.load(draft_2007)
    assert new.retired["2E"].paragraphs == last.answers["2E"].paragraphs
    left = [e for e in json.loads(result.stdout)["answers"] if e["action"] == "left"]
    assert [e["old"] for e in left] == [["2E"]] and "stays there" in left[0]["note"]
