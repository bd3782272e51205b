"""genre.classify: submission or other cable, on the real corpus, the seeds, excerpts and negatives."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from conftest import CABLE_2006, CABLE_2007, CABLE_VISIT, NARRATIVE_2004
from tipreport.genre import THRESHOLD, Verdict, classify

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
INDEX = CORPUS / "INDEX.tsv"
KINDS = ({r["id"]: r["kind"] for r in csv.DictReader(INDEX.open(encoding="utf-8"), delimiter="\t")}
         if INDEX.exists() else {})
MARGIN = 2.0  # every real document's score stays this far from the threshold
SUBJECT = "COUNTRY: 2009 TIP REPORT"  # a plain subject, to measure what a body excerpt adds


def split(text: str) -> tuple[str, str]:
    """(subject caption, body after the SUBJECT and REF captions); no SUBJECT line: ("", whole text)."""
    lines = text.splitlines()
    if lines and lines[0].startswith("source:"):
        lines = lines[1:]
    i = next((k for k, line in enumerate(lines) if line.strip().upper().startswith("SUBJECT")), None)
    if i is None:
        return "", "\n".join(lines)
    subject, k = [lines[i].split(":", 1)[1]], i + 1
    while k < len(lines) and lines[k].strip() and not re.match(r"\s*REF", lines[k]):
        subject, k = subject + [lines[k]], k + 1
    while k < len(lines) and not lines[k].strip():
        k += 1
    if k < len(lines) and re.match(r"\s*REF", lines[k]):
        while k < len(lines) and lines[k].strip():
            k += 1
    return " ".join(s.strip() for s in subject), "\n".join(lines[k:])


def verdict_of(path: Path) -> Verdict:
    subject, body = split(path.read_text(encoding="utf-8"))
    assert not classify(subject, "").submission  # the subject alone never makes a submission
    return classify(subject, body)


def gain(body: str, subject: str = SUBJECT) -> float:
    """What a body excerpt adds to the score of the same subject with an empty body."""
    return classify(subject, body).score - classify(subject, "").score


@pytest.mark.skipif(not KINDS, reason="../shared/corpus is not present")
@pytest.mark.parametrize("cable", sorted(KINDS))
def test_corpus_cable_gets_its_index_verdict_with_margin(cable):
    v = verdict_of(CORPUS / f"{cable}.txt")
    assert v.submission == (KINDS[cable] in ("submission", "submission-part")), v.reason
    assert abs(v.score - THRESHOLD) >= MARGIN, v


@pytest.mark.parametrize("path, submission", [(CABLE_2006, True), (CABLE_2007, True),
                                              (CABLE_VISIT, False), (NARRATIVE_2004, False)])
def test_seed_documents(path, submission):
    v = verdict_of(path)
    assert v.submission is submission, v.reason
    assert abs(v.score - THRESHOLD) >= MARGIN, v
    assert v.reason and "\n" not in v.reason
    assert v.submission or "not an answer to the TIP report questionnaire" in v.reason


# ---------------------------------------------------------------- evidence for, on real excerpts

def test_subject_naming_the_report_its_ordinal_and_part():
    # 09SANJOSE128
    assert classify("PART 2 OF 2: COSTA RICA'S 9TH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT", "").score == 4
    # 06REYKJAVIK68, wrapped as in the cable
    assert classify("SIXTH ANNUAL ANTI-TRAFFICKING IN PERSONS (TIP)\n   REPORT FOR ICELAND", "").score == 3
    assert classify("Chile: TIP Report", "").score == 2  # 10SANTIAGO254


# 05SANJOSE488, paragraph 1 (before the POC sentence)
KEYED = """\u00b61.  (U)  Following is Embassy San Jose's submission for the
2004 annual anti-trafficking in persons (TIP) report.
Responses are keyed to sections outlined in reftel, with the
first paragraph beginning at 18A."""
# 08MANAMA144, paragraph 2 (one line in the archive)
KEYED_INLINE = ("\u00b62. (U) The preparation of the TIP report cable required an FS-05 to work 45 hours. "
                "The responses below are keyed to reftel queries:")


def test_body_saying_it_answers_the_instruction_cable():
    assert gain(KEYED) == 2
    assert gain(KEYED_INLINE) == 3  # keyed (+2) and the staff hours (+1)


# 06REYKJAVIK68
HOURS = """Hours spent on preparation:
- Polofficer (FO-02)     20 hrs
- Polassistant           60 hrs
- DCM (FO-01)             2 hrs
Total:                   82 hrs"""
# 06PHNOMPENH501 (seed), closing paragraph, second half
STAFF_TIME = """drafting of this report required 30 hours of staff time,
including 10 hours of a local FSN political assistant."""


@pytest.mark.parametrize("excerpt", [HOURS, STAFF_TIME])
def test_staff_hours_note(excerpt):
    assert gain(excerpt) == 1


# 06SANJOSE481: the first line of each answer, 21A-22F (the cable has no 22E)
NUMBER_LETTER = """21A.  Costa Rica is a country mainly of transit, destination
21B.  Persons continued to be trafficked to and through Costa
21C.  Lack of resources, particularly funding for police,
21D. The GOCR does not systematically monitor its anti-TIP
22A.  The GOCR acknowledges that trafficking is a problem in
22B.  Government agencies involved in anti-trafficking
22C.  The Migration Department continued a national public
22D.  IOM and the Ministry of Foreign Affairs reported that
22F.  Aside from regular CONACOES meetings, there is no"""
# 07REYKJAVIK49: letters restarting under each section paragraph, questions restated
DASH_LETTERS = """\u00b63. (SBU) PREVENTION:

-- A. Does the government acknowledge that trafficking is a
-- B. Which government agencies are involved in anti-
-- C. Are there, or have there been, government-run anti-
-- D. Does the government support other programs to prevent

\u00b64. INVESTIGATION AND PROSECUTION OF TRAFFICKERS:

-- A. Does the country have a law specifically prohibiting
-- B. What are the penalties for trafficking people for
-- C. Punishment of Labor Trafficking Offenses: What are
-- D. What are the prescribed penalties for rape or"""
# 10SANTIAGO254, abridged: running paragraph numbers citing the reftel question numbers
QUESTIONS = "\n".join(f"\u00b6{n}. Question {q}: (answer)" for n, q in enumerate(
    ["25 A", "25 B/C", "25 D", "25 E", "26 A/B", "26 C", "26 D", "27 A", "27 B"], start=3))
# 08MANAMA144, abridged: one line per reftel question, lettered answers inline
INLINE = ("\u00b63. (SBU) REFTEL Question 27 - Overview of host country's efforts to eliminate "
          "trafficking in persons. --A. (SBU) Bahrain is a destination country. --B. (SBU) ... "
          "--C. (SBU) ... --D. (U) ...\n"
          "4.(SBU) REFTEL Question 28 - Investigation and prosecution of traffickers. --A. (SBU) "
          "On January 9, 2008, Bahrain enacted law number 1 of 2008. --B. (U) ... --C. (U) ...")


@pytest.mark.parametrize("excerpt, expected", [
    (NUMBER_LETTER, 3), (DASH_LETTERS, 3 + 1), (QUESTIONS, 3), (INLINE, 3 + 1)])
def test_question_labels_in_groups(excerpt, expected):
    # DASH_LETTERS and INLINE also carry two section topics as headings (+1)
    assert gain(excerpt) == expected


def test_one_lettered_list_is_weak_evidence():
    # 08SANJOSE125: a grant proposal's fields, A-E, one group
    fields = "\n".join(f"\u00b6{c}. Field {c}: ..." for c in "ABCDE")
    assert gain(fields) == 1
    assert gain(fields) < gain(NUMBER_LETTER)


# 06SANJOSE481: underlined section headings
UNDERLINED = """--------
OVERVIEW
--------
----------
Prevention
----------
Investigation and Prosecution of Traffickers
--------------------------------------------
Protection and Assistance to Victims
------------------------------------"""
# 09JAKARTA378: roman-numeral parts in capitals, no question letters
ROMAN = """II. PREVENTION OF TRAFFICKING
III. INVESTIGATION AND PROSECUTION OF TRAFFICKERS
IV.  PROTECTION AND ASSISTANCE TO VICTIMS"""
# 09BRASILIA251: a section heading over "Section K:" answers keyed to the reftel paragraph
SECTIONS = """- - - - - - - - - - - - - - - - - - - - - - - - - - - -
INVESTIGATION AND PROSECUTION OF TRAFFICKERS, Continued
- - - - - - - - - - - - - - - - - - - - - - - - - - - -

(NOTE:  Answers correspond to questions in ref A, para. 25.  END
NOTE)
Section K:
----------"""


def test_section_topics_as_headings():
    assert gain(UNDERLINED) == 2
    assert gain(ROMAN) == 2
    assert gain(SECTIONS) == 2  # keyed to the reftel paragraph (+2); one label and one topic add nothing


def test_capitals_throughout_do_not_turn_every_line_into_a_heading():
    prose = "THE MINISTRY STRESSED PREVENTION AND THE PROTECTION OF WITNESSES\nIN THE INVESTIGATION.\n"
    assert gain(prose * 5) == 0
    assert gain(prose * 5 + ROMAN) == 2


# ---------------------------------------------------------------- evidence against

def test_subject_naming_another_kind_of_cable():
    # 06ASUNCION589, 08SANJOSE125, 06PHNOMPENH534 (seed)
    for subject in ("PARAGUAY: TRAFFICKING IN PERSONS ASSESSMENT REPORT AND RECOMMENDATIONS",
                    "TRAFFICKING IN PERSONS SOLICITATION FOR G/TIP-MANAGED FY 2008 ESF AND INCLE FUNDS: "
                    "COSTA RICA'S PROPOSAL",
                    "CAMBODIA: TIP ASSESSMENT VISIT"):
        v = classify(subject, KEYED + "\n" + NUMBER_LETTER)
        assert not v.submission and "another kind of cable" in v.reason


@pytest.mark.parametrize("opening", [
    "\u00b61. (U) This is an action request; see para 10.",  # 06ASUNCION589
    "\u00b6B. Requested Funding Amount is USD 143,666.25 for a two-year\nprogram.",  # 08SANJOSE125
])
def test_opening_that_asks_for_funds(opening):
    assert gain(opening) == -2


# the published 2004 report's Cambodia narrative (seed), first lines
NARRATIVE = """Cambodia (Tier 2)

Cambodia is a source, destination, and transit country for persons trafficked for the purposes
of sexual exploitation and forced labor. The Government of Cambodia does not fully comply with
the minimum standards for the elimination of trafficking."""


def test_published_narrative_without_captions():
    v = classify("", NARRATIVE)
    assert not v.submission and v.score == -3 and "published report" in v.reason


# ---------------------------------------------------------------- synthetic negatives and robustness

def test_empty_and_one_line_cables():
    assert not classify("", "").submission
    assert not classify("2009 TIP REPORT", "").submission
    assert not classify("2009 TIP REPORT", "Post will send its TIP report submission septel.").submission


def test_unrelated_cable_mentioning_tip_once():
    body = ("\u00b61. (SBU) The harvest fell for the third year as prices dropped and growers left the "
            "sector.\n" * 200 + "\u00b62. (U) The minister also mentioned the TIP report in passing.\n")
    v = classify("COFFEE: HARVEST OUTLOOK FOR 2009", body)
    assert not v.submission and "about trafficking in persons" in v.reason


def test_another_annual_report_keyed_to_its_reftel():
    # the same layout answering another questionnaire: the subject names that report
    body = KEYED.replace("anti-trafficking in persons (TIP)", "religious freedom") + "\n" + NUMBER_LETTER
    body = re.sub(r"(?i)\b(?:anti-)?TIP\b", "IRF", body)
    assert not classify("COUNTRY: 2009 INTERNATIONAL RELIGIOUS FREEDOM REPORT", body).submission


def test_page_breaks_are_seen_through():
    broken = NUMBER_LETTER.replace("22A.", "SAN JOSE 00000481  002 OF 007\n\n22A.")
    assert gain(broken) == gain(NUMBER_LETTER)


def test_two_megabyte_body_runs():
    block = KEYED + "\n" + DASH_LETTERS + "\n" + UNDERLINED + "\n"
    body = block * (2_000_000 // len(block) + 1)
    assert len(body) >= 2_000_000
    assert classify(SUBJECT, body).submission
    for one_line in ("- " * 1_000_000, "(" * 2_000_000, "Question 1 " * 200_000, "spent " * 350_000):
        assert not classify("", one_line).submission
