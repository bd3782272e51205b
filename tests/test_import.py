"""Import of the real cables (and of synthetic messes built on them)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from cable_words import segments
from conftest import CABLE_2006, CABLE_2007, CABLE_VISIT, NARRATIVE_2004, QUESTIONNAIRES, run_cli
from tipreport import answers, importer, questionnaire


@pytest.fixture(scope="module")
def r2006():
    return importer.import_file(CABLE_2006)


@pytest.fixture(scope="module")
def r2007():
    return importer.import_file(CABLE_2007)


def test_2006_has_37_questions(r2006):
    assert len(r2006.answers) == 37
    assert [a.id for a in r2006.answers][:6] == ["1A", "1B", "1C", "1D", "1E", "2A"]
    assert [a.id for a in r2006.answers][12:14] == ["2H", "2J"]  # no 2I that year


def test_2006_every_answer_has_the_cables_words_in_order(r2006):
    """By rule: the words from label to next label are the question's then the answer's."""
    segs = segments(CABLE_2006)
    q = {x.id: x for x in r2006.questionnaire.questions}
    assert set(segs) == {a.id for a in r2006.answers}
    for a in r2006.answers:
        assert q[a.id].text.split() + a.text.split() == segs[a.id], a.id


# Extracted by hand from the cable (line numbers of the archive copy in comments).
HAND = {
    # lines 499-504, no page break
    "1E": "The legal age for a female to marry is 18, unless her parents give special permission. "
          "Buying or selling child brides is not a practice in Cambodia, and Cambodian men do not "
          "travel abroad to purchase child brides. There are reports of Cambodian women being "
          "trafficked for marriage to Chinese or Taiwanese men.",
    # lines 660-664
    "2E": "Because of severe resource constraints, the Cambodian government depends heavily on "
          "assistance from international organizations, bilateral donors, and foreign and "
          "domestic NGOs to carry out prevention programs in Cambodia. This situation is likely "
          "to continue into the foreseeable future.",
    # lines 1559-1565: "re- \nintegration" joined
    "4I": "Approximately 70 NGOs work on trafficking issues, and of those, roughly 40 NGOs provide "
          "some form of service to trafficking victims. The services include shelter (which "
          "usually includes food, sleeping accommodations, basic health care, counseling, "
          "literacy, and sometimes vocational training), legal assistance, drop-in centers, and "
          "re-integration assistance. Cambodian government cooperation with these NGOs is good.",
}


@pytest.mark.parametrize("qid", sorted(HAND))
def test_2006_hand_extracted_answers(r2006, qid):
    got = next(a for a in r2006.answers if a.id == qid)
    assert got.text.split() == HAND[qid].split()


def test_2006_paragraphs_survive_page_breaks(r2006):
    by_id = {a.id: a for a in r2006.answers}
    # 1A: a page break inside a sentence (line 156) must not split the paragraph
    assert any("between illegal migrants and trafficking victims, particularly children" in p
               for p in by_id["1A"].paragraphs)
    # 2F: page break after a paragraph's first line (line 690)
    assert any(p.startswith("However, there continue to be NGO concerns over the Cambodian "
                            "government's generally poor record") for p in by_id["2F"].paragraphs)
    # 3E: real paragraph break framed by the page break (lines 954-960)
    assert any(p.startswith("The Ministry of Interior Department of Anti-Trafficking and Juvenile")
               for p in by_id["3E"].paragraphs)
    # 3B: two paragraphs, penalties for sex then labor trafficking
    assert len(by_id["3B"].paragraphs) == 2
    assert by_id["3B"].paragraphs[1].startswith("According to Article 368 of the Labor Law")
    # hyphenated line ends joined: "country- \nwide", "Anti- \nTrafficking"
    assert "country-wide survey" in by_id["1A"].text
    assert "a new Anti-Trafficking Law" in by_id["3A"].text


def test_no_chrome_inside_any_answer(r2006, r2007):
    bad = re.compile(r"PHNOM PENH 0000|OF 018|-{3,}|VZCZC|SIPDIS|UNCLAS SECTION|^\d[A-Z]\.\s|"
                     r"Abbreviations are used|MUSSOMELI|Browse by")
    headings = {q.topic for q in r2006.questionnaire.questions if q.topic}
    for result in (r2006, r2007):
        for a in result.answers:
            assert not bad.search(a.text), (a.id, bad.search(a.text).group(0))
            for p in a.paragraphs:
                assert p not in headings, (a.id, p)


def test_2006_meta(r2006):
    m = r2006.meta
    assert (m.country, m.post, m.year) == ("Cambodia", "Phnom Penh", 2006)
    assert m.reference_id == "06PHNOMPENH501"
    assert m.classification == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    assert m.tags == ("PHUM", "ELAB", "SMIG", "KCRM", "KWMN", "KFRD", "CB")
    assert m.subject == "2006 TRAFFICKING IN PERSONS REPORT FOR CAMBODIA"
    assert m.ref == ("STATE 3836",)
    assert m.reporting_period == "March 2005 - March 2006"
    assert m.date == "150851Z MAR 06" and m.from_ == "AMEMBASSY PHNOM PENH"
    assert m.to == ("RUEHC/SECSTATE WASHDC IMMEDIATE 6258",)
    assert m.info[-1] == "RUEAHLC/HOMELAND SECURITY CENTER WASHDC"
    assert m.office == ("STATE FOR G/TIP, G, INL, DRL, PRM, IWI, EAP/RSP, EAP/MLS",
                        "STATE PLEASE PASS TO USAID/ANE")
    assert m.sensitive and m.eo == "12958: N/A"
    assert m.signer == "MUSSOMELI"
    assert m.drafters == "Political Officers Margaret McKean and Kurt Stoppkotte"
    assert m.point_of_contact == "Section Chief Margaret McKean (T. 855-023-728-125)"


def test_2006_staff_hours_30_including_10_fsn(r2006):
    hours = r2006.meta.staff_hours
    assert r2006.meta.total_hours == 30
    assert [(h.role, h.hours) for h in hours] == [("officer", 20), ("local FSN political assistant", 10)]


def test_2006_glossary(r2006):
    g = r2006.glossary
    assert len(g) == 33
    assert list(g)[0] == "ADHOC" and list(g)[-1] == "WMC"
    # continued across a page break, and on the next line
    assert g["ADHOC"] == "Association de Defense des Droit de l'Homme (Human Rights Defense Association)"
    assert g["ILO-IPEC"] == ("International Labor Organization-International Program on the "
                             "Elimination of Child Labor")
    assert g["DOSAVY"] == "Department of Social Affairs, Veterans, and Youth Rehabilitation"


def test_2007_partial_cable(r2007):
    assert [a.id for a in r2007.answers] == "2D 2E 2F 2G 2H 3A 3B 3C 3D 3E 3F 3G 3H 3I".split()
    segs = segments(CABLE_2007)
    q = {x.id: x for x in r2007.questionnaire.questions}
    for a in r2007.answers:
        assert q[a.id].text.split() + a.text.split() == segs[a.id], a.id
    m = r2007.meta
    # "...WASHINGTON DC 0020UNCLAS SECTION 01 OF 07" glued on one line
    assert m.info[-1] == "RUEAHLC/HOMELAND SECURITY CENTER WASHINGTON DC 0020"
    assert m.tags[-2:] == ("ASEC", "CB") and m.ref == ("STATE 202745",)
    assert m.signer == "CAMPBELL" and m.year == 2007
    assert r2007.questionnaire.partial


def test_questionnaire_out_equals_shipped(tmp_path: Path):
    out, qout = tmp_path / "a.yaml", tmp_path / "q.yaml"
    result = run_cli("import", CABLE_2006, "-o", out, "--questionnaire-out", qout)
    assert result.exit_code == 0, result.stderr
    got, shipped = questionnaire.load(qout), questionnaire.load(QUESTIONNAIRES / "2006.yaml")
    # the shipped file's section titles were added by hand: the cable prints none (only
    # topic headings), and import takes no title from a table
    assert [s.title for s in got.sections] == ["", "", "", ""]
    assert replace(got, sections=shipped.sections, path=None) == replace(shipped, path=None)
    af = answers.load(out, questionnaire.load(qout))
    assert len(af.answers) == 37 and len(af.glossary) == 33
    assert all(a.untouched and a.provenance.source == "imported" for a in af.answers.values())


def test_output_never_overwritten_without_force(tmp_path: Path):
    out = tmp_path / "a.yaml"
    out.write_text("# my draft\n")
    result = run_cli("import", CABLE_2006, "-o", out)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"tipreport: {out}: already exists; pass --force to overwrite it"
    assert out.read_text() == "# my draft\n"
    result = run_cli("import", CABLE_2006, "-o", out, "--force")
    assert result.exit_code == 0
    assert "06PHNOMPENH501" in out.read_text()


@pytest.mark.parametrize(("source", "reason"), [
    (NARRATIVE_2004, "not a TIP report submission: neither the subject nor the body is about "
                     "trafficking in persons"),
    (CABLE_VISIT, "not a TIP report submission: the subject names another kind of cable "
                  "('assessment')"),
])
def test_not_a_submission(tmp_path: Path, source: Path, reason: str):
    out = tmp_path / "a.yaml"
    result = run_cli("import", source, "-o", out)
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and reason in lines[0] and str(source) in lines[0]
    assert not out.exists()


def test_empty_file(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run_cli("import", empty, "-o", tmp_path / "a.yaml")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"tipreport: {empty}: file is empty; expected a submission cable"


# ---------------------------------------------------------------- synthetic additions


def _cable_2007_text() -> str:
    return CABLE_2007.read_text(encoding="utf-8")


def test_stray_pilcrow_before_wrapped_number_is_not_a_paragraph():
    text = _cable_2007_text().replace(
        "Ministry of Interior's hotline or to a hotline",
        "Ministry of Interior's hotline in\n\u00b62006 or to a hotline")
    r = importer.parse(text)
    e = next(a for a in r.answers if a.id == "2E")
    assert "Ministry of Interior's hotline in 2006 or to a hotline" in e.text


def test_marks_and_multi_line_tags_and_refs():
    text = _cable_2007_text()
    text = text.replace("TAGS: PHUM PREF ELAB SMIG KCRM KWMN KFRD ASEC CB",
                        "TAGS: PHUM, PREF, ELAB, SMIG, KCRM,\nKWMN, KFRD, ASEC, CB")
    text = text.replace("REFTEL: STATE 202745", "REF: A. STATE 202745\n     B. 06 PHNOM PENH 501")
    text = text.replace("2D. Does the government", "2D. (SBU) Does the government")
    text = text.replace("The government, working closely", "(SBU) The government, working closely")
    r = importer.parse(text)
    assert r.meta.tags == ("PHUM", "PREF", "ELAB", "SMIG", "KCRM", "KWMN", "KFRD", "ASEC", "CB")
    assert r.meta.ref == ("A. STATE 202745", "B. 06 PHNOM PENH 501")
    d = next(a for a in r.answers if a.id == "2D")
    assert d.text.startswith("(SBU) The government, working closely")
    assert r.questionnaire.marks_required
    assert r.questionnaire.get("2D").text.startswith("Does the government support")


def test_broken_dash_line_and_capitalised_hyphenation():
    text = _cable_2007_text().replace(
        "Government Border Monitoring \n----------------------------- ",
        "Government Border Monitoring \n------------------------- ----")
    text = text.replace("a new Anti-Trafficking \nLaw", "a new Anti-\nTrafficking \nLaw")
    r = importer.parse(text)
    assert r.questionnaire.get("2F").topic == "Government Border Monitoring"
    assert "a new Anti-Trafficking Law" in next(a for a in r.answers if a.id == "3A").text


def test_lettered_labels_under_numbered_paragraphs():
    text = ("UNCLAS SECTION 01 OF 02 SOMEWHERE 000001\n\nSIPDIS\n\nE.O. 12958: N/A\n"
            "TAGS: PHUM KTIP XX\nSUBJECT: 2009 TRAFFICKING IN PERSONS REPORT FOR RURITANIA\n\n"
            "REF: STATE 1234\n\nResponses are keyed to the questions of reftel.\n\n"
            "1. Overview.\n\nA. Is the country a source? Describe.\n\nYes, it is.\n\n"
            "B. Are there changes?\n\nNone noted.\n\n"
            "2. Prevention.\n\nA. Does the government acknowledge the problem?\n\nIt does.\n\n"
            "SMITH\n")
    r = importer.parse(text)
    assert [a.id for a in r.answers] == ["1A", "1B", "2A"]
    assert r.meta.year == 2009 and r.meta.country == "Ruritania"
    assert next(a for a in r.answers if a.id == "2A").text == "It does."


def test_a_repeated_label_is_kept_under_its_own_id():
    """Import never refuses a submission: a label the post wrote twice (a typo, or one
    question answered in several paragraphs) gets a second id, with its label as written."""
    text = _cable_2007_text().replace("3I.  Does the government provide", "3H.  Does the government provide")
    r = importer.parse(text, "x.txt")
    assert [a.id for a in r.answers][-2:] == ["3H", "3H-2"]
    assert r.questionnaire.get("3H-2").label == "3H."
    assert r.questionnaire.get("3H-2").text.startswith("Does the government provide")


# ---------------------------------------------------------------- nothing is lost (review findings)


def _cable_2006_text() -> str:
    return CABLE_2006.read_text(encoding="utf-8")


@pytest.mark.parametrize("lead_in", ["Abbreviations used in this cable include:",
                                     "Abbreviations are used in this \nreport:",
                                     "ACRONYMS:"])
def test_glossary_lead_in_wordings(lead_in: str):
    text = _cable_2006_text().replace("Abbreviations are used in this report: ", lead_in)
    r = importer.parse(text)
    assert len(r.glossary) == 33 and r.glossary["WMC"] == "Women's Media Center"
    assert r.meta.point_of_contact == "Section Chief Margaret McKean (T. 855-023-728-125)"


def test_extra_paragraph_after_the_closing_is_an_entry_of_its_own():
    extra = "3.  (U)  Post will send the 2007 figures septel."
    text = _cable_2006_text().replace("(T. 855-023-728-125). \n", f"(T. 855-023-728-125). \n \n{extra} \n")
    r = importer.parse(text)
    assert r.meta.point_of_contact == "Section Chief Margaret McKean (T. 855-023-728-125)"
    assert r.meta.total_hours == 30
    assert r.meta.closing == ""  # the closing itself is still the one render composes
    last = r.answers[-1]
    assert (last.id, last.text) == ("4P3", "(U) Post will send the 2007 figures septel.")
    assert r.questionnaire.get("4P3").label == "3."
    assert len(r.glossary) == 33


def test_underlined_sub_heading_inside_an_answer_is_kept():
    text = _cable_2006_text().replace(
        "According to NGO and government reports, although the Law \n",
        "Implementation \n-------------- \n \nAccording to NGO and government reports, although the Law \n")
    r = importer.parse(text)
    a3 = next(a for a in r.answers if a.id == "3A")
    assert "Implementation" in a3.paragraphs
    assert r.questionnaire.get("3B").topic == "Penalties for Sexual and Labor Exploitation"


def test_numbered_list_inside_the_last_answer_is_not_the_closing():
    items = ("1.  AFESIP runs shelters. \n \n2.  CWCC gives legal aid. \n \n"
             "3.  IJM investigates. \n \n")
    text = _cable_2006_text().replace("with these NGOs is good. \n", f"with these NGOs is good. \n \n{items}")
    r = importer.parse(text)
    i4 = next(a for a in r.answers if a.id == "4I")
    items = ["1. AFESIP runs shelters.", "2. CWCC gives legal aid.", "3. IJM investigates."]
    assert [p.split() for p in i4.paragraphs[-3:]] == [x.split() for x in items]
    assert r.meta.drafters == "Political Officers Margaret McKean and Kurt Stoppkotte"
    assert r.meta.total_hours == 30 and r.meta.closing == ""


def test_output_and_questionnaire_out_the_same_file_is_refused(tmp_path: Path):
    same = tmp_path / "x.yaml"
    result = run_cli("import", CABLE_2007, "-o", same, "--questionnaire-out", same)
    assert result.exit_code == 2
    assert "-o and --questionnaire-out name the same file" in result.stderr
    assert not same.exists()
