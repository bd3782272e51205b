"""Carry and check across a gap of years and between posts' layouts (issue 13), on real cables.

Corpus pairs are imported in place from ../shared/corpus/ and carried with the
real `tipreport init`; the truth tables in tests/fixtures/align-truth/ were made
by reading both cables of each pair (bench/align_truth.py measures alignment
against them).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from conftest import run_cli
from tipreport import answers, importer, stale

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
TRUTH = Path(__file__).resolve().parent / "fixtures" / "align-truth"
needs_corpus = pytest.mark.skipif(not (CORPUS / "INDEX.tsv").is_file(), reason="no ../shared/corpus")


def _import(tmp: Path, name: str, ids: list[str]) -> Path:
    out = tmp / f"{name}.yaml"
    res = run_cli("import", *[CORPUS / f"{x}.txt" for x in ids], "-o", out)
    assert res.exit_code == 0, res.stderr
    return out


@pytest.fixture(scope="module")
def iceland(tmp_path_factory):
    """Iceland 2008 carried into the questionnaire the 2009 submission (two parts) implies."""
    tmp = tmp_path_factory.mktemp("iceland")
    old = _import(tmp, "iceland-2008", ["08REYKJAVIK36"])
    new = _import(tmp, "iceland-2009", ["09REYKJAVIK49", "09REYKJAVIK50"])
    draft = tmp / "draft-2009.yaml"
    res = run_cli("init", "--from", old, "--questionnaire", new.with_name("iceland-2009.questionnaire.yaml"),
                  "-o", draft)
    assert res.exit_code == 0, res.stderr
    return old, draft


@needs_corpus
@pytest.mark.parametrize("path", sorted(TRUTH.glob("*.yaml")), ids=lambda p: p.stem)
def test_truth_tables_name_the_questions_the_importer_reads(path):
    """Every truth table covers exactly the new submission's questions, with old ids that exist."""
    table = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    old = importer.import_files([CORPUS / f"{x}.txt" for x in table["old"]])
    new = importer.import_files([CORPUS / f"{x}.txt" for x in table["new"]])
    assert list(table["questions"]) == new.questionnaire.ids()
    old_ids = set(old.questionnaire.ids())
    for qid, row in table["questions"].items():
        assert set(row["old"]) <= old_ids, qid
        assert row["why"].strip(), qid
    assert table["method"].strip() and 1 <= table["gap_years"] <= 4


@needs_corpus
def test_import_derives_the_period_a_cable_does_not_state(tmp_path):
    out = _import(tmp_path, "iceland-2008", ["08REYKJAVIK36"])  # dated 071222Z MAR 08
    text = out.read_text(encoding="utf-8")
    assert ("reporting_period: April 2007 - March 2008  # not stated in the cable: the twelve months "
            "to its date; check it") in text
    assert answers.load(out).meta.reporting_period == "April 2007 - March 2008"


@needs_corpus
def test_init_works_between_imported_cables_and_records_where_it_came_from(iceland):
    old, draft = iceland
    prior, af = answers.load(old).meta, answers.load(draft).meta
    assert af.year == 2009 and af.reporting_period == "April 2008 - March 2009"  # moved on a year
    assert af.carried_from["year"] == 2008
    assert af.carried_from["reporting_period"] == prior.reporting_period
    assert prior.to == ("RUEHC/SECSTATE WASHDC IMMEDIATE 3583",)
    assert af.to == ("RUEHC/SECSTATE WASHDC IMMEDIATE",)   # last year's serial is not this year's
    assert (af.date, af.reference_id, af.staff_hours) == ("", "", ())
    assert af.signer == prior.signer and af.drafters == prior.drafters  # kept: they usually last


@needs_corpus
def test_carried_draft_shows_last_years_signer_subject_and_hours(iceland):
    """(Drafters too where the cable names them: the seed pair, tests/test_render.py.)"""
    _, draft = iceland
    res = run_cli("check", draft, "--json", "--only", "stale-meta")
    assert res.exit_code == 1
    found = {f["message"].split(":")[0]: f for f in json.loads(res.stdout)}
    assert {"meta.signer", "meta.subject", "meta.staff_hours"} <= set(found)
    assert "is 2008's, carried by init" in found["meta.signer"]["message"]
    assert found["meta.subject"]["excerpt"].startswith("EIGHTH ANNUAL")  # no year init could move on
    assert "no staff hours logged for 2009" in found["meta.staff_hours"]["message"]
    assert all(f["severity"] == "error" and f["line"] for f in found.values())


def _draft_copy(iceland, tmp_path) -> tuple[Path, answers.AnswersFile]:
    """A copy of the carried draft beside its questionnaire, loaded for editing."""
    draft = iceland[1]
    path = draft.with_name(f"copy-{tmp_path.name}.yaml")
    path.write_text(draft.read_text(encoding="utf-8"), encoding="utf-8")
    return path, answers.load(path)


def _stale_meta(path: Path) -> dict[str, str]:
    """check's stale-meta findings: the meta key each names -> its id."""
    res = run_cli("check", path, "--json", "--only", "stale-meta")
    return {f["message"].split(":")[0]: f["id"] for f in json.loads(res.stdout)}


@needs_corpus
def test_changing_a_value_or_acknowledging_it_ends_the_finding(iceland, tmp_path):
    path, af = _draft_copy(iceland, tmp_path)
    af.doc["meta"]["subject"] = "NINTH ANNUAL ANTI-TRAFFICKING IN PERSONS (TIP) REPORT FOR ICELAND"
    af.save(overwrite=True)
    res = run_cli("hours", "add", path, "--who", "J. Doe", "--role", "officer", "--hours", "6")
    assert res.exit_code == 0, res.stderr
    left = _stale_meta(path)
    assert "meta.subject" not in left and "meta.staff_hours" not in left
    assert "meta.signer" in left
    assert run_cli("check", path, "--ack", left["meta.signer"]).exit_code in (0, 1)
    assert "meta.signer" not in _stale_meta(path)


@needs_corpus
def test_copying_last_years_routing_serial_back_is_a_finding(iceland, tmp_path):
    path, af = _draft_copy(iceland, tmp_path)
    af.doc["meta"]["to"][0] = "RUEHC/SECSTATE WASHDC IMMEDIATE 3583"
    af.doc["meta"]["date"] = "151200Z FEB 08"  # not last year's, but a 2008 date-time group
    af.save(overwrite=True)
    res = run_cli("check", path, "--json", "--only", "stale-meta")
    messages = [f["message"] for f in json.loads(res.stdout)]
    assert any(m.startswith("meta.serials: routing serial is 2008's word for word") for m in messages)
    assert any(m.startswith("meta.date: date-time group '151200Z FEB 08' is from 2008") for m in messages)


def test_stale_dates_anchored_on_the_carried_texts_own_period():
    """A 2006 answer carried into 2009: its July 2005 news is news of the 2006 report."""
    sentence = "In July 2005 the Ministry developed an action plan to combat human trafficking."
    now = stale.parse_period("April 2008 - March 2009")
    prior = stale.parse_period("March 2005 - March 2006")
    assert stale.stale_dates(sentence, now.carried_since(prior))
    # one period back, as before, is the default when the carried text's period is unknown
    assert now.carried_since(None).prior_start == now.start - 12
    # a law passed is history however old the text
    assert not stale.stale_dates("In July 2005 the National Assembly passed the law.",
                                 now.carried_since(prior))


# ---------------------------------------------------------------- State's question text, placement

def test_state_ids_of_a_label():
    from tipreport.questionnaire import state_ids

    assert state_ids("3B") == ["3B"] and state_ids("4BC") == ["4B", "4C"]
    assert state_ids("1E-3") == ["1E"] and state_ids("2P5") == [] and state_ids("1H2") == []


@needs_corpus
def test_questions_the_cable_did_not_restate_take_states_wording_of_that_year():
    """Chile 2009 answers under bare labels; the shipped 2009 questionnaire says what they ask."""
    from tipreport import questionnaire

    imp = importer.import_files([CORPUS / "09SANTIAGO156.txt"])
    assert not imp.questionnaire.get("3D").text
    q = questionnaire.with_state_text(imp.questionnaire, None)
    state = questionnaire.load(questionnaire.find("2009"))
    assert q.get("3D").text == state.get("3D").text and "rape" in q.get("3D").text.lower()
    assert q.get("1BC-2").text == f"{state.get('1B').text}  {state.get('1C').text}"
    assert q.ids() == imp.questionnaire.ids()  # nothing else changes


def test_a_question_found_by_the_answers_gets_only_the_paragraphs_placed_there():
    """Seed pair read backwards (2007 -> 2006, both years' answers): no 2007 question asks 2006's
    1B, but two paragraphs of 2007's 2H are 2006 1B's text: those two are carried, nothing else."""
    from tipreport import carry, questionnaire

    root = Path(__file__).resolve().parents[1]
    a6, a7 = answers.load(root / "answers" / "cambodia-2006.yaml"), answers.load(root / "answers" /
                                                                               "cambodia-2007.yaml")
    q6 = questionnaire.load(root / "questionnaires" / "2006.yaml")
    q7 = questionnaire.load(root / "questionnaires" / "2007.yaml")
    p = carry.plan(a7, q7, q6, "2006", existing=a6)
    (entry,) = [e for e in p.entries if e.new == "1B"]
    assert entry.old == ("2H",) and entry.paragraphs == 2
    assert "found by what the 2007 answers say" in entry.note
    (carried,) = [a for a in p.answers if a.id == "1B"]
    placed = [k for (o, k), ids in p.alignment.placement.items() if o == "2H" and "1B" in ids]
    assert answers.paragraphs(carried.text) == [answers.paragraphs(a7.answers["2H"].text)[k] for k in placed]


@needs_corpus
def test_a_cable_without_a_date_time_group_takes_the_archives_date(tmp_path):
    """06SANJOSE481 is a partial extract: no DTG; the archive dates it 2006-03-02."""
    out = _import(tmp_path, "costarica-2006", ["06SANJOSE481"])
    assert answers.load(out).meta.date == ""
    assert answers.load(out).meta.reporting_period == "April 2005 - March 2006"


# ---------------------------------------------------------------- stale text from years back

NOW = stale.parse_period("March 2008 - February 2009")
ONE_BACK = stale.parse_period("March 2007 - February 2008")
THREE_BACK = stale.parse_period("April 2005 - March 2006")


@needs_corpus
@pytest.mark.parametrize("sentence", [
    "SENAME supports 16 centers for physically and sexually abused children.",  # no event: a fact
    "According to the study's conclusions, in 2003 more than 3700 children and adolescents "
    "were victims of commercial sexual exploitation in Chile.",  # a 2003 study's figure: history
])
def test_a_count_carried_one_year_is_history_but_three_years_on_it_is_that_years(sentence):
    """06SANTIAGO438+439's text carried into 2009 (the post dropped both): a count in a text written
    three periods back is that report's count, whatever its verb or date."""
    chile_2006 = " ".join((CORPUS / f"06SANTIAGO43{k}.txt").read_text(encoding="utf-8") for k in (8, 9))
    assert " ".join(sentence.split()) in " ".join(chile_2006.split())
    assert stale.stale_hits(sentence, NOW.carried_since(ONE_BACK), carried=True) == []
    (hit,) = stale.stale_hits(sentence, NOW.carried_since(THREE_BACK), carried=True)
    assert hit.kind == "stale-figure"
    assert NOW.carried_since(THREE_BACK).years_back == 3 and NOW.carried_since(ONE_BACK).years_back == 1


@pytest.mark.parametrize("sentence, excerpt", [
    ("On January 4, the Corruption Eradication Commission (KPK) indicted former Indonesian "
     "ambassador to Malaysia Rusdihardjo.", "January 4"),                     # 08JAKARTA415
    ("On 28 February police arrested two men.", "28 February"),
    ("They may 4 times meet.", None),                                         # the verb
    ("In March 3 people came.", None),                                        # not told as a day
])
def test_a_day_without_a_year_is_a_day_of_the_carried_texts_year(sentence, excerpt):
    hits = stale.stale_dates(sentence, NOW.carried_since(ONE_BACK))
    assert [h.excerpt for h in hits] == ([excerpt] if excerpt else [])
    if excerpt:
        assert "news from when this text was written" in hits[0].message
