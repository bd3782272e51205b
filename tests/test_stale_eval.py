"""The measurement issue 5 asks for: check against what the officers really did in 2007.

The 2006 answers are carried into the 2007 questionnaire by the real `tipreport
init`; every carried sentence is labelled kept / edited / dropped by matching it
with rapidfuzz to the real 2007 cable (bench/bench_check.py holds the procedure
and prints the full table: `python bench/bench_check.py --table`).
"""

from __future__ import annotations

import importlib.util
import sys

import pytest

from conftest import ROOT


def _bench():
    spec = importlib.util.spec_from_file_location("bench_check", ROOT / "bench" / "bench_check.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_check"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


bench = _bench()


@pytest.fixture(scope="module")
def evaluation(tmp_path_factory):
    return bench.evaluate(tmp_path_factory.mktemp("eval"))


def row(ev, start: str):
    (r,) = [r for r in ev.rows if r.sentence.startswith(start)]
    return r


def test_labels_agree_with_a_reading_of_both_cables(evaluation):
    """Spot checks of the labeller, read by hand from the two cables."""
    assert row(evaluation, "The Ministry of Interior Department of Anti-Trafficking").label == "edited"
    assert row(evaluation, "So far, a total 4,655 police officers").label == "edited"   # 5,737 in 2007
    assert row(evaluation, "Three minors were identified").label == "dropped"
    assert row(evaluation, "PACT-Cambodia has begun").label == "dropped"
    assert row(evaluation, "From 1996-1999").label == "kept"
    assert row(evaluation, "Rape is a criminal offense").label == "kept"
    assert row(evaluation, "In September 2005, the National Assembly passed").label == "kept"
    # every 2007 question was carried, 3B split by paragraph: 102 sentences in all
    assert {r.question for r in evaluation.rows} == {"2D", "2E", "2F", "2G", "2H", "3A", "3B",
                                                     "3C", "3D", "3E", "3F", "3G", "3H", "3I"}
    assert len(evaluation.rows) == 102


def test_flags_most_figures_and_dates_the_officers_changed(evaluation):
    flagged, total = evaluation.changed
    assert total == 21
    assert flagged / total >= 0.8


def test_leaves_most_kept_figures_and_dates_alone(evaluation):
    flagged, total = evaluation.kept
    assert total == 18
    assert flagged / total <= 1 / 3


def test_flags_at_most_a_quarter_of_carried_sentences(evaluation):
    flagged, total = evaluation.overall
    assert flagged / total <= 1 / 4


def test_history_in_the_real_pair_is_not_flagged(evaluation):
    for start in ("From 1996-1999", "From 2000-2004", "The Law on the Suppression of the Kidnapping",
                  "According to Article 368", "In September 2005, the National Assembly passed"):
        assert row(evaluation, start).kinds == [], start


def test_updated_figures_are_flagged_by_kind(evaluation):
    assert "stale-figure" in row(evaluation, "The Ministry of Interior Department of Anti-Tr").kinds
    assert "past-due" in row(evaluation, "The new plan was developed and finalized in 2005").kinds
    assert "time-words" in row(evaluation, "With the assistance of UNICEF").kinds
    assert "stale-date" in row(evaluation, "The NGO statement in February 2006").kinds


def test_evaluation_report_prints_the_figures(evaluation, capsys):
    bench.report(evaluation, table=False)
    out = capsys.readouterr().out
    flagged, total = evaluation.changed
    assert f"edited or dropped, flagged: {flagged}/{total}" in out



# ---------------------------------------------------------------- corpus pairs (issue 13)

def _pairs_bench():
    spec = importlib.util.spec_from_file_location("stale_pairs", ROOT / "bench" / "stale_pairs.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["stale_pairs"] = module
    spec.loader.exec_module(module)
    return module


CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.mark.skipif(not (CORPUS / "INDEX.tsv").is_file(), reason="no ../shared/corpus")
@pytest.mark.parametrize(("pair", "changed_at_least"), [
    ("iceland-2008-2009", 0.70),     # gap 1: 15/21 flagged when measured (bench/stale_pairs.py)
    ("indonesia-2008-2010", 0.60),   # gap 2: 83/134
])
def test_corpus_pairs_carried_as_the_truth_tables_say(pair, changed_at_least, tmp_path):
    """What this stop reached on two labelled corpus pairs (the issue asks 85%; see its note):
    a floor against falling back, and the flag budget held."""
    pairs = _pairs_bench()
    ev = pairs.evaluate(pairs.pairs()[pair], tmp_path)
    flagged, total = ev.changed
    assert flagged / total >= changed_at_least
    flagged, total = ev.overall
    assert flagged / total <= 1 / 4
