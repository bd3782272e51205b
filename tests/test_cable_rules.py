"""The cable reader's structure rules (tipreport/cable.py, assembled by tipreport/importer.py),
one or more tests per rule, each on a short real excerpt.

Every file in tests/fixtures/excerpts/ is a run of whole lines copied byte for byte from a
real cable (../shared/corpus/<CABLEID>.txt without its ``source:`` line, or the Phnom Penh
seed): the archive's paragraph marks, page-break lines, trailing spaces and all. The file
name starts with the cable id. Excerpts that are only a body are read as the importer reads
a body: clean_lines, drop_page_breaks, read_units. Tests marked xfail(strict=True) pin a
rule the reader gets wrong today; their reason says what is wrong.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tipreport import cable, importer
from tipreport.answers import HoursEntry

EXCERPTS = Path(__file__).resolve().parent / "fixtures" / "excerpts"
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def text_of(name: str) -> str:
    return (EXCERPTS / name).read_text(encoding="utf-8")


def lines_of(name: str) -> list[cable.Line]:
    """An excerpt's lines, cleaned and with page breaks dropped (the body as the importer sees it)."""
    return cable.drop_page_breaks(cable.clean_lines(text_of(name)))


def units_of(name: str) -> list[cable.Unit]:
    """The units of an excerpt that is only a body."""
    return cable.read_units(lines_of(name))


def body_units(name: str) -> list[cable.Unit]:
    """The units of an excerpt that starts with the header captions: read from the body start."""
    lines = cable.clean_lines(text_of(name))
    header = cable.parse_header(lines)
    return cable.read_units(cable.drop_page_breaks(lines[header.body_start:]))


def para_texts(name: str) -> list[str]:
    return [p.text for p in cable.paragraphs(lines_of(name))]


def by_letters(units: list[cable.Unit]) -> dict[str, cable.Unit]:
    return {u.letters: u for u in units if u.kind == "question"}


def corpus_text(cable_id: str) -> str:
    path = CORPUS / f"{cable_id}.txt"
    if not path.is_file():
        pytest.skip(f"{path} is not present")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("source:")
    return text.split("\n", 1)[1]


def test_excerpts_are_real():
    """Every excerpt is copied verbatim from the cable its name starts with."""
    seeds = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
    sources = {"06PHNOMPENH501": seeds / "cable-2006-phnompenh-501-tip-report.txt"}
    names = sorted(p.name for p in EXCERPTS.glob("*.txt"))
    assert len(names) >= 40
    for name in names:
        cable_id = name.split("-")[0]
        src = sources.get(cable_id, CORPUS / f"{cable_id}.txt")
        if not src.is_file():
            pytest.skip(f"{src} is not present")
        assert text_of(name) in src.read_text(encoding="utf-8") + "\n", name


# ---------------------------------------------------------------- rule 1: page breaks

def test_page_break_phnompenh_form_removed_and_sentence_joined():
    """Rule 1, 06PHNOMPENH501: "PHNOM PENH 00000501  002 OF 018" and the blank lines around it
    vanish; "illegal migrants and / trafficking victims" is one sentence again."""
    raw = cable.clean_lines(text_of("06PHNOMPENH501-page-break.txt"))
    assert (12, "PHNOM PENH 00000501  002 OF 018") in raw
    lines = lines_of("06PHNOMPENH501-page-break.txt")
    assert all("OF 018" not in t for _, t in lines)
    assert [ln for ln, _ in lines] == [*range(1, 11), *range(15, 22)]  # lines 11-14: blank, break, 2 blanks
    paras = para_texts("06PHNOMPENH501-page-break.txt")
    assert len(paras) == 2
    assert paras[1].startswith("Limited trafficking statistics are available from RGC border authorities")
    assert "try to distinguish between illegal migrants and trafficking victims, particularly" in paras[1]
    assert paras[1].endswith("based on their respective operations.")


def test_page_break_jakarta_decimal_form_removed_and_sentence_joined():
    """Rule 1, 08JAKARTA415: the "JAKARTA 00000415  002.2 OF 025" form inside a "--" list sentence."""
    assert cable.PAGE_BREAK.match("JAKARTA 00000415  002.2 OF 025 ")
    units = units_of("08JAKARTA415-page-break.txt")
    assert len(units) == 1
    (para,) = units[0].paras
    assert units[0].label == "5."
    assert "--Increase GOI funding for law enforcement against traffickers and for rescue, recovery " \
           "and reintegration of victims. --Create a migrant manpower" in para
    assert para.endswith("through enforcement of existing laws. END SUMMARY.")
    assert "OF 025" not in para


def test_archive_rule_hashes_removed():
    """Rule 1, 06SANTIAGO438: the archive's "###########" rule goes; the lower-case line after it
    continues the paragraph before it."""
    lines = lines_of("06SANTIAGO438-archive-rule.txt")
    assert all("###" not in t for _, t in lines)
    h = by_letters(units_of("06SANTIAGO438-archive-rule.txt"))["H"]
    assert h.paras[-3].endswith("aimed  at preventing juvenile sexual violence and abuse. "
                                "trafficking in persons.")
    assert h.paras[-2:] == ["SUBMISSION FOR SIXTH ANNUAL TIP REPORT CONTINUED SEPTEL", "KELLY"]


def test_archive_rule_cable_ends_removed():
    """Rule 1, 07BOGOTA1457: "=====CABLE ENDS=====" is chrome, not text; the signer is the last line."""
    raw = cable.clean_lines(text_of("07BOGOTA1457-ending.txt"))
    assert (24, "=======================CABLE ENDS============================") in raw
    lines = lines_of("07BOGOTA1457-ending.txt")
    assert lines[-1] == (22, "DRUCKER")
    assert all("CABLE ENDS" not in t for _, t in lines)


def test_page_break_between_question_and_answer_keeps_the_break():
    """Rule 1, 06PHNOMPENH501: a page break that falls on a real paragraph break (2A's question,
    then the answer) stays a paragraph break."""
    a = by_letters(units_of("06PHNOMPENH501-1E-2A.txt"))["A"]
    assert a.question == "Does the government acknowledge that trafficking is a problem in that country?  " \
                         "If not, why not?"
    assert len(a.paras) == 2
    assert a.paras[0].startswith("The Cambodian government openly acknowledges that trafficking")
    assert a.paras[1].startswith("In February 2006, an interministerial delegation")


def test_mirror_blank_inside_sentence_is_not_a_break():
    """Rule 1, 07BOGOTA1457: the mirror left a blank line in "formally / / established the ICFTP";
    27.B stays one paragraph."""
    (b,) = units_of("07BOGOTA1457-27B-mirror-blank.txt")
    assert (b.label, b.letters, b.group) == ("27.B.", "B", ("n", 27))
    assert len(b.paras) == 1
    assert "to victims or potential victims; formally established the ICFTP; increased" in b.paras[0]


@pytest.mark.parametrize("name, letters, joined", [
    pytest.param("07BOGOTA1457-summary-27A.txt", "A", "Hong Kong, Singapore, Malaysia, Germany, Peru",
                 id="27A-comma"),
    pytest.param("07BOGOTA1457-29F-mirror-blank.txt", "F", "the ICFTP and the Fiscalia stated that",
                 id="29F-the"),
    pytest.param("06SANTIAGO438-archive-rule.txt", "H", "PRODEMU (the Foundation for the Development and "
                 "Promotion of Women)", id="438H-the"),
])
def test_mirror_blank_inside_sentence_before_capital_is_not_a_break(name, letters, joined):
    """Rule 1, 07BOGOTA1457 and 06SANTIAGO438: "Singapore, / / Malaysia", "the ICFTP and the / /
    Fiscalia", "(the Foundation for the / / Development": one sentence, so one paragraph."""
    unit = by_letters(units_of(name))[letters]
    assert any(joined in p for p in unit.paras)


def test_page_break_after_abbreviation_before_lower_case_joins():
    """Rule 1, 09BRASILIA251: "... against three U.S. / BRASILIA 00000251  002 OF 010 / citizens."
    is one sentence across a page break."""
    m = by_letters(units_of("09BRASILIA251-sections-L-M.txt"))["M"]
    assert any("pedophile extradition cases against three U.S. citizens.  Federal and state police" in p
               for p in m.paras)


# ---------------------------------------------------------------- rule 2: the archive's '¶'

def test_paragraph_mark_before_year_after_page_break_opens_nothing():
    """Rule 2, 08JAKARTA415: "enacted in February / [page break] / ¶2008.  The third ..." is one
    sentence: the mark before the year and the page break both vanish."""
    assert "\u00b6" in text_of("08JAKARTA415-year-mark.txt")
    (unit,) = units_of("08JAKARTA415-year-mark.txt")
    assert unit.kind == "extra" and unit.label == "" and unit.number is None
    assert unit.paras == [
        "the National Police Decree No. 10, to provide the organizational structure and procedures for a "
        "special unit providing services to women and children.  The second regulation on integrated "
        "services was enacted in February 2008.  The third on organization and budget awaits action by"]


def test_paragraph_mark_before_year_inside_answer():
    """Rule 2, 07BOGOTA1457: "operational by August / ¶2007.  In the past" stays in its paragraph."""
    (unit,) = units_of("07BOGOTA1457-27A-year-mark.txt")
    assert len(unit.paras) == 1
    assert "plan to have the system operational by August 2007.  In the past, the Department" in unit.paras[0]


def test_paragraph_mark_before_paragraph_number_inside_sentence():
    """Rule 2, 07SANJOSE524: "beginning at paragraph / ¶27.  Post's POC" is no paragraph 27: ¶1 goes on,
    and the next unit is the ¶A. answer."""
    units = body_units("07SANJOSE524-header-intro.txt")
    assert [(u.kind, u.label, u.number) for u in units] == [("extra", "1.", 1), ("question", "A.", None)]
    assert "outlined in reftel beginning at paragraph 27.  Post?s POC for the report is Political Officer" \
           in units[0].paras[0]


# ---------------------------------------------------------------- rule 3: hyphenation

def test_hyphenation_at_line_end_joined():
    """Rule 3, 06PHNOMPENH501: "anti- / trafficking" and "Sub- / Commission" join without a space,
    the hyphen kept; a page-wrapped "Anti- / Trafficking Law" likewise."""
    b = by_letters(units_of("06PHNOMPENH501-2B-hyphenation.txt"))["B"]
    assert b.question == ("Which government agencies are involved in anti-trafficking efforts and which "
                          "agency, if any, has the lead?")
    assert b.paras[0].endswith("Cambodian National Council for Children, which has a Sub-Commission on "
                               "Trafficking and Sexual Exploitation of Children.")
    assert cable.join(["has drafted a new Anti- ", "Trafficking Law consisting of nine chapters"]) == \
        "has drafted a new Anti-Trafficking Law consisting of nine chapters"


# ---------------------------------------------------------------- rule 4: headings

def test_heading_dash_underlined():
    """Rule 4, 06PHNOMPENH501: "Child Brides / ------------" heads 1E."""
    e = by_letters(units_of("06PHNOMPENH501-1E-2A.txt"))["E"]
    assert e.heading == ["Child Brides", "------------"]
    assert e.topic == "Child Brides"


def test_heading_ruled_above_and_below():
    """Rule 4, 05SANJOSE488: "-------- / OVERVIEW / --------" heads 18A."""
    units = units_of("05SANJOSE488-overview-18A.txt")
    assert [u.label for u in units] == ["1.", "18A."]
    assert units[1].heading == ["--------", "OVERVIEW", "--------"]
    assert units[1].topic == "OVERVIEW"


def test_heading_wrapped_over_two_lines():
    """Rule 4, 08JAKARTA415: "¶I.  OVERVIEW OF INDONESIA'S ACTIVITIES TO / ELIMINATE TRAFFICKING IN
    PERSONS / ----" is one heading."""
    heads = [p for p in cable.paragraphs(lines_of("08JAKARTA415-part-I.txt")) if p.heading]
    assert heads[0].raw == ["I.  OVERVIEW OF INDONESIA'S ACTIVITIES TO", "ELIMINATE TRAFFICKING IN PERSONS",
                            "-----------------------------------------"]
    assert heads[0].text == "I.  OVERVIEW OF INDONESIA'S ACTIVITIES TO ELIMINATE TRAFFICKING IN PERSONS"


def test_heading_broken_underline():
    """Rule 4, 08JAKARTA415 and 06PHNOMPENH501: an underline the archive broke in two
    ("--------------------------------------------- -") still underlines the heading."""
    heads = [p for p in cable.paragraphs(lines_of("08JAKARTA415-part-I.txt")) if p.heading]
    assert [p.raw for p in heads[1:]] == [
        ["INDONESIA FACES SIGNIFICANT TRAFFICKING CRIMES", "--------------------------------------------- -"],
        ["SOURCE REGIONS", "--------------"],
        ["TRANSIT AREAS", "-------------"],
    ]
    b = by_letters(units_of("06PHNOMPENH501-2B-hyphenation.txt"))["B"]
    assert b.heading == ["Government Agency Involvement in anti-TIP Efforts",
                         "--------------------------------------------- ----"]


def test_heading_spaced_dashes():
    """Rule 4, 09BRASILIA251: "- - - - ..." rules above and below a heading."""
    spaced = "- - - - - - - - - - - - - - - - - - - - - - - - - - - -"
    assert cable.DASH_LINE.match(spaced + " ")
    first = cable.paragraphs(lines_of("09BRASILIA251-section-K.txt"))[0]
    assert first.heading
    assert first.raw == [spaced, "INVESTIGATION AND PROSECUTION OF TRAFFICKERS, Continued", spaced]


def test_heading_with_label_run_under_it():
    """Rule 4, 06SANJOSE481: "Prevention / ---------- / 22A." with no blank line below the underline."""
    units = units_of("06SANJOSE481-prevention-22A.txt")
    assert [(u.label, u.letters, u.group) for u in units] == [
        ("21D.", "D", ("n", 21)), ("22A.", "A", ("n", 22))]
    assert units[1].heading == ["Prevention", "----------"]
    assert units[1].paras[0].startswith("The GOCR acknowledges that trafficking is a problem in Costa Rica")
    assert units[0].paras[0].endswith("Against Commercial Sexual Exploitation of Minors (CONACOES).")


def test_heading_run_into_previous_paragraph():
    """Rule 4, 09SANJOSE127: the rule above "III. INVESTIGATION ..." follows "National Development
    Plan." with no blank line: the paragraph ends there and the heading opens part III."""
    paras = cable.paragraphs(lines_of("09SANJOSE127-part-III-run-in.txt"))
    # "D. (U) ..." right under a finished sentence opens a paragraph of its own (rule 5)
    assert [p.heading for p in paras] == [False, False, True, False]
    assert paras[1].text.endswith("it achieved 100% of its goals as established in the 2008 National "
                                  "Development Plan.")
    assert paras[2].text == "III. INVESTIGATION AND PROSECUTION OF TRAFFICKERS"
    a = by_letters(units_of("09SANJOSE127-part-III-run-in.txt"))["A"]
    assert "III. INVESTIGATION AND PROSECUTION OF TRAFFICKERS" in a.heading


def test_heading_run_into_previous_paragraph_keeps_both_rules():
    """Rule 4, 09SANJOSE127: the part III heading is ruled above and below; both rules are kept."""
    rule = "--------------------------------------------- ----"
    paras = cable.paragraphs(lines_of("09SANJOSE127-part-III-run-in.txt"))
    assert paras[2].raw == [rule, "III. INVESTIGATION AND PROSECUTION OF TRAFFICKERS", rule]


# ---------------------------------------------------------------- rule 5: label schemes

def test_label_1A_seed():
    """Rule 5, 06PHNOMPENH501: "1E." and "2A." carry section and letter."""
    units = units_of("06PHNOMPENH501-1E-2A.txt")
    assert [(u.kind, u.label, u.letters, u.group, u.mark) for u in units] == [
        ("question", "1E.", "E", ("n", 1), ""), ("question", "2A.", "A", ("n", 2), "")]
    assert cable.read_label("1E.  Does the practice") == cable.Label(
        number=None, prefix="1E.", letters="E", group=1, kind="numletter", mark="", rest="Does the practice")


def test_label_18A_with_mark():
    """Rule 5, 05SANJOSE488: "18A.  (SBU)  Costa Rica ..." -- the reftel paragraph number 18,
    letter A, the mark belonging to the text."""
    assert cable.read_label("18A.  (SBU)  Costa Rica is") == cable.Label(
        number=None, prefix="18A.", letters="A", group=18, kind="numletter", mark="SBU", rest="Costa Rica is")
    units = units_of("05SANJOSE488-18B.txt")
    assert [(u.kind, u.label, u.letters, u.group, u.mark) for u in units] == [
        ("question", "18B.", "B", ("n", 18), "")]


def test_label_27_dot_A():
    """Rule 5, 07BOGOTA1457: "27.A. (SBU)"."""
    assert cable.read_label("27.A. (SBU) Colombia is") == cable.Label(
        number=None, prefix="27.A.", letters="A", group=27, kind="numletter", mark="SBU", rest="Colombia is")
    units = units_of("07BOGOTA1457-summary-27A.txt")
    assert [(u.kind, u.label, u.letters, u.group) for u in units] == [
        ("extra", "3.", "", None), ("question", "27.A.", "A", ("n", 27))]
    assert units[1].heading == ["--------", "Overview", "--------"]


def test_label_dash_letter_under_numbered_parent():
    """Rule 5, 07REYKJAVIK49: "¶2. (SBU) Overview ...:" is printed above "-- A.", which opens the
    question of the parent's group."""
    units = body_units("07REYKJAVIK49-header-hours-2A.txt")
    assert [(u.kind, u.label, u.number) for u in units] == [("extra", "1.", 1), ("question", "-- A.", None)]
    a = units[1]
    assert a.heading == ["2. (SBU) Overview of a country's activities to eliminate trafficking in persons:"]
    assert (a.letters, a.group) == ("A", ("para", 2))


def test_label_dash_letter_without_space():
    """Rule 5, 07REYKJAVIK49: "--J." reads like "-- K."."""
    units = units_of("07REYKJAVIK49-2J-no-space.txt")
    assert [(u.label, u.letters, u.group) for u in units] == [
        ("--J.", "J", ("run", 1)), ("-- K.", "K", ("run", 1))]


def test_label_bare_letters_restart_under_headings():
    """Rule 5, 07SANJOSE524: "¶D." then the "Prevention" heading and "¶A." again: a new group."""
    units = units_of("07SANJOSE524-letters-restart.txt")
    assert [(u.label, u.letters) for u in units] == [("D.", "D"), ("A.", "A"), ("B.", "B")]
    assert units[0].group != units[1].group == units[2].group
    assert units[1].heading == ["Prevention", "-------------"]


def test_label_question_number_b_and_c():
    """Rule 5, 09SANTIAGO156: "¶5. (SBU) Question 23 B and C:" gives letters BC in group 23."""
    units = units_of("09SANTIAGO156-question-23.txt")
    assert [(u.kind, u.label, u.letters, u.group, u.number) for u in units] == [
        ("extra", "2.", "", None, 2),
        ("question", "3. (SBU) Question 23 A:", "A", ("n", 23), 3),
        ("question", "4. (SBU) Question 23 B:", "B", ("n", 23), 4),
        ("question", "5. (SBU) Question 23 B and C:", "BC", ("n", 23), 5),
    ]
    assert units[3].paras[0].startswith("As a source country, Chilean victims are trafficked abroad")
    assert units[1].heading == ["CHILE: THE COUNTRY'S TIP SITUATION", "----------------------------------"]


def test_label_question_number_b_slash_c():
    """Rule 5, 10SANTIAGO254: "¶4. Question 25 B/C:"."""
    units = units_of("10SANTIAGO254-question-25.txt")
    assert [(u.label, u.letters, u.group) for u in units] == [
        ("3. Question 25 A:", "A", ("n", 25)),
        ("4. Question 25 B/C:", "BC", ("n", 25)),
        ("5. Question 25 B/C:", "BC", ("n", 25)),
    ]
    assert units[0].topic == "REPORTING QUESTIONS"


def test_label_reftel_question_inline_answers_split():
    """Rule 5, 08MANAMA144: "3. (SBU) REFTEL Question 27 - Overview ... --A. (SBU) ... --B. (SBU) ..."
    on one long line is a parent over one unit per letter."""
    units = units_of("08MANAMA144-reftel-questions.txt")
    assert [(u.label, u.letters, u.group) for u in units[2:7]] == [
        ("--A.", "A", ("n", 27)), ("--B.", "B", ("n", 27)), ("--C.", "C", ("n", 27)),
        ("--D.", "D", ("n", 27)), ("--E.", "E", ("n", 27))]
    assert units[2].heading == ["3. (SBU) REFTEL Question 27 - Overview of host country's efforts to "
                                "eliminate trafficking in persons."]
    assert units[2].paras[0].startswith("(SBU) Bahrain is a destination country for internationally")
    assert units[6].paras[0].endswith("publish the number of laborers in country, however, no other "
                                      "organizations do so.")
    assert [u.letters for u in units[7:]] == list("ABCDEFGHIJKLM")
    assert {u.group for u in units[7:]} == {("n", 28)}


def test_label_section_headings_with_numbered_paragraphs():
    """Rule 5, 09BRASILIA251: "Section L" / "Section M:" underlined headings; the running numbered
    paragraphs below are the answer."""
    units = units_of("09BRASILIA251-sections-L-M.txt")
    assert [(u.kind, u.label, u.letters) for u in units] == [
        ("extra", "", ""), ("question", "Section L\n---------", "L"),
        ("question", "Section M:\n----------", "M"),
        ("extra", "", ""),  # PROTECTION AND ASSISTANCE TO VICTIMS over its NOTE: the next section's
        ("question", "Section A:\n----------", "A")]
    assert units[1].paras == ["2.  (SBU) To date, there have been no reported TIP-related incidents "
                              "involving Brazilian peacekeeping troops."]
    assert units[2].paras[0].startswith("3. (SBU) Brazil has an identified child sex tourism problem.")
    assert units[1].group == units[2].group != units[3].group == units[4].group


def test_label_section_heading_run_into_note():
    """Rule 5, 09BRASILIA251: "(NOTE: ... END / NOTE) / Section K: / ----------" then ¶1: Section K
    is a question whose answer is ¶1."""
    letters = by_letters(units_of("09BRASILIA251-section-K.txt"))
    assert "K" in letters
    k = letters["K"]
    assert k.label == "Section K:\n----------"
    assert k.paras[0].startswith("1. (SBU) While adult prostitution is legal")


def test_label_section_heading_belongs_to_next_section():
    """Rule 5, 09BRASILIA251: "PROTECTION AND ASSISTANCE TO VICTIMS" heads para 26's sections, not
    Section M's answer (para 25)."""
    units = units_of("09BRASILIA251-sections-L-M.txt")
    m = by_letters(units)["M"]
    assert "PROTECTION AND ASSISTANCE TO VICTIMS" not in m.paras
    after = units[units.index(m) + 1:]
    assert any("PROTECTION AND ASSISTANCE TO VICTIMS" in u.heading for u in after)


def test_label_roman_parts_with_lettered_captions():
    """Rule 5, 09SANJOSE127: "¶I. THE COUNTRY'S TIP SITUATION" ruled, then "¶A. (SBU) SOURCES OF
    INFORMATION, RELIABLITY, DOCUMENTATION:" -- a caption standing as the question."""
    units = units_of("09SANJOSE127-part-I-A.txt")
    assert [(u.kind, u.label) for u in units] == [("extra", "6."), ("question", "A.")]
    a = units[1]
    assert a.heading == ["------------------------------", "I. THE COUNTRY'S TIP SITUATION",
                         "------------------------------"]
    assert (a.letters, a.group, a.mark) == ("A", ("part", "I"), "SBU")
    assert a.question == "SOURCES OF INFORMATION, RELIABLITY, DOCUMENTATION:"
    assert a.topic == "SOURCES OF INFORMATION, RELIABLITY, DOCUMENTATION"
    assert a.paras[0] == "--The National Anti-TIP Coalition - reliable;"


def test_label_bare_letter_without_blank_line_above():
    """Rule 5, 09SANJOSE127: "... this year's / report. / ¶C. (U) CONDITIONS ..." and
    "... most / vulnerable. / ¶E. TRAFFICKERS AND THEIR METHODS:" open C and E."""
    units = units_of("09SANJOSE127-B-C-no-blank.txt")
    assert [u.letters for u in units if u.kind == "question"] == ["C", "D", "E"]


def test_label_dash_letter_with_colon():
    """Rule 5, 10REYKJAVIK31: "-- E:  In April, parliament passed ..." answers E."""
    letters = by_letters(units_of("10REYKJAVIK31-E-colon.txt"))
    assert "E" in letters
    e = letters["E"]
    assert e.paras[0].startswith("In April, parliament passed a law criminalizing the buying of")


# ---------------------------------------------------------------- rule 6: numbered paragraphs

def test_numbered_paragraph_without_space_before_mark():
    """Rule 6, 08MANAMA144: "4.(SBU) REFTEL Question 28 - ..." is paragraph 4, question group 28."""
    assert cable.read_label("4.(SBU) REFTEL Question 28 - Investigation and prosecution of traffickers.") == \
        cable.Label(number=4, prefix="4.(SBU) REFTEL Question 28 -", letters="", group=28, kind="question",
                    mark="", rest="Investigation and prosecution of traffickers.")
    units = units_of("08MANAMA144-reftel-questions.txt")
    assert units[7].heading == ["4.(SBU) REFTEL Question 28 - Investigation and prosecution of traffickers."]
    assert units[7].label == "--A."


def test_numbered_list_inside_answer_stays():
    """Rule 6, 10REYKJAVIK31: the "¶1. Procuring ..." items of Article 227a (twice 1-3) are part of
    the -- A. answer under ¶5, not paragraphs 1-3 of the cable."""
    units = units_of("10REYKJAVIK31-numbered-list.txt")
    assert [(u.kind, u.label) for u in units] == [("question", "-- A."), ("question", "-- B."),
                                                  ("question", "-- C.")]
    a = units[0]
    assert a.heading == ["5.  (SBU) INVESTIGATION AND PROSECUTION OF TRAFFICKERS:"]
    assert [p[:12] for p in a.paras] == [
        "Iceland pass", "The full tex", "Anyone becom", "1. Procuring", "2. Procuring", "3. Rendering",
        "1. Falsifyin", "2. Aiding an", "3. Withholdi", "The law cove", "The governme"]
    assert "who has been subjected to unlawful force under Art. 225 or deprived of freedom" in a.paras[3]


def test_numbered_list_colliding_with_paragraph_count_stays():
    """Rule 6, 10REYKJAVIK31: under ¶7 the action plan's chapters run "¶1." to "¶9."; "¶8." is the
    cable's next paragraph number, yet it is the list's eighth item."""
    units = units_of("10REYKJAVIK31-prevention-list.txt")
    assert [u.label for u in units] == ["-- A.", "-- B.", "-- C.", "-- D."]
    d = units[3]
    assert d.question == ""  # "... approved ... nine chapters:" leads in to the list: an answer
    assert d.paras[0].endswith("nine chapters:")
    assert [p.split(".")[0] for p in d.paras[1:]] == [str(n) for n in range(1, 10)]
    assert d.paras[8] == "8. Proactive search and emergency phone numbers."


def test_numbered_paragraph_answering_no_question_is_its_own_unit():
    """Rule 6, 07BOGOTA1457: ¶3 under the SUMMARY heading is an entry of its own, before 27.A."""
    units = units_of("07BOGOTA1457-summary-27A.txt")
    s = units[0]
    assert (s.kind, s.label, s.number, s.topic) == ("extra", "3.", 3, "SUMMARY")
    assert s.heading == ["-------", "SUMMARY", "-------"]
    assert s.paras[0].startswith("(SBU) During the reporting period, the Government of Colombia (GOC)")
    assert s.paras[0].endswith("The National Strategy on Trafficking in Persons is complete and awaiting "
                               "implementation.")
    assert len(s.paras) == 1


# ---------------------------------------------------------------- rule 7: question restated or not

def test_question_restated():
    """Rule 7, 07REYKJAVIK49: "-- A. Is the country ...?" restates the question; the answer follows."""
    a = body_units("07REYKJAVIK49-header-hours-2A.txt")[1]
    assert a.question.startswith("Is the country a country of origin, transit, or destination for "
                                 "international trafficked men, women, or children?  Provide, where possible")
    assert a.question.endswith("(e.g. women and children, boys versus girls, certain ethnic groups, "
                               "refugees, etc.)?")
    assert a.mark == ""
    assert a.paras == ["There were no confirmed cases of trafficking in the reporting period. There were "
                       "a handful of alleged victims. There were isolated cases of destination and "
                       "theoretically cases of origin as well.  Putative cases fall into several "
                       "categories:  undocumented Eastern European workers in construction and "
                       "manufacturing; 'mail-order' or 'Internet' brides (both Eastern European and Asian) "
                       "trapped with abusive, controlling Icelandic husbands; and underpaid and/or "
                       "mistreated workers in nightclubs and massage parlors."]


def test_question_not_restated():
    """Rule 7, 05SANJOSE488: "18A.  (SBU)  Costa Rica is ..." answers at once: no question, and the
    text with its mark is the first answer paragraph."""
    a = units_of("05SANJOSE488-overview-18A.txt")[1]
    assert (a.question, a.mark) == ("", "")
    assert a.paras[0].startswith("(SBU) Costa Rica is a country mainly of transit, destination and, to a "
                                 "lesser degree, origin")
    assert a.paras[0].endswith("advertises young boys as an attraction.")
    b = units_of("05SANJOSE488-18B.txt")[0]
    assert (b.question, b.mark) == ("", "")
    assert [p[:30] for p in b.paras] == ["(SBU) Persons are trafficked t", "NGO Paniamor reported that tra"]


def test_answer_ending_with_colon_is_not_a_question():
    """Rule 7, 07BOGOTA1457: "29.O. (SBU) Colombia has ratified the following international
    instruments:" is the answer's lead-in, not the question."""
    o = by_letters(units_of("07BOGOTA1457-29O-list.txt"))["O"]
    assert o.question == ""
    assert o.paras[0] == "(SBU) Colombia has ratified the following international instruments:"


def test_answer_lead_in_to_numbered_list_is_not_a_question():
    """Rule 7, 10REYKJAVIK31: "-- D.  The Icelandic parliament approved ... the following nine
    chapters:" is the answer, not the question."""
    d = units_of("10REYKJAVIK31-prevention-list.txt")[3]
    assert d.question == ""
    assert d.paras[0].startswith("The Icelandic parliament approved the adoption of the first Icelandic")


# ---------------------------------------------------------------- rule 8: sub-items

def test_sub_items_parenthesised_numbers_stay_in_answer():
    """Rule 8, 09SANJOSE128: "(1) (SBU) JUDICIAL BRANCH:" ... "(4)" and the "--" statistics lines
    are all E's answer."""
    units = units_of("09SANJOSE128-E-sub-items.txt")
    assert len(units) == 1
    e = units[0]
    assert (e.label, e.letters, e.question) == ("E.", "E", "LAW ENFORCEMENT STATISTICS:")
    assert [p[:4] for p in e.paras] == ["(1) ", "(2) ", "Numb", "Numb", "UNIC", "(3) ", "(4) "]
    assert e.paras[2] == (
        "Number of 2007 cases received by the Prosecutor's Office: --Trafficking in persons (\"Trata de "
        "personas\") 9 --Pandering (\"Proxenetismo\") 92 --Aggravated pandering (\"Proxenetismo Agravado\") "
        "24 --Remunerated sexual relations with minors (\"Relaciones sexuales remuneradas con menores\") 99 "
        "--Attempted Remunerated sexual relations with minors (\"Relaciones sexuales remuneradas con "
        "menores-tentativa de\") 20")


def test_sub_items_close_paren_numbers_stay_in_answer():
    """Rule 8, 09SANJOSE127: "1) (U) NEW LEGISLATION:" right under "¶A. EXISTING ANTI-TIP LAWS:"
    is A's answer."""
    a = by_letters(units_of("09SANJOSE127-part-III-run-in.txt"))["A"]
    assert a.paras == ["EXISTING ANTI-TIP LAWS: 1) (U) NEW LEGISLATION:  On February 12, 2009, the "
                       "legislature passed a Victim and Witness Protection Act; Article 19 of the act "
                       "amended Article 172 of the Criminal Code (Law No. 7899, dated 3"]


def test_sub_items_dash_lines_stay_in_answer():
    """Rule 8, 09SANJOSE127 and 09SANTIAGO156: "--The National Anti-TIP Coalition - reliable;" lines
    and "--(1)" ... "--(7)" NGO entries stay in the answer."""
    a = units_of("09SANJOSE127-part-I-A.txt")[1]
    assert [p[:8] for p in a.paras] == ["--The Na", "--Intern", "--UN Off"]
    (m,) = units_of("09SANTIAGO156-50-sub-items.txt")
    assert (m.label, m.letters, m.group) == ("50. (U) Question 26 M:", "M", ("n", 26))
    assert [p[:5] for p in m.paras] == ["The f", "--(2)", "--(3)", "--(4)", "--(5)", "--(6)", "--(7)"]
    assert m.paras[2] == "--(3) FundacionInstituto de la Mujer:  Focuses on research on female immigrants " \
                         "and migrants."


# ---------------------------------------------------------------- rule 9: narrative submissions

def test_narrative_roman_part_is_the_entry_and_topic_headings_stay_in_it():
    """Rule 9, 08JAKARTA415: part I (wrapped, underlined) is one entry; its ALL-CAPS underlined topic
    headings stay in its answer as lines of text; a page break inside it is joined."""
    units = units_of("08JAKARTA415-part-I.txt")
    assert [(u.kind, u.label, u.number) for u in units] == [("extra", "9.", 9), ("extra", "", None)]
    assert units[0].paras == ["(SBU) Report text:"]
    part = units[1]
    assert part.group == ("part", "I")
    assert part.topic == "I.  OVERVIEW OF INDONESIA'S ACTIVITIES TO ELIMINATE TRAFFICKING IN PERSONS"
    assert [p for p in part.paras if p.isupper()] == [
        "INDONESIA FACES SIGNIFICANT TRAFFICKING CRIMES", "SOURCE REGIONS", "TRANSIT AREAS"]
    assert len(part.paras) == 7
    assert "(INP) reported primary origin areas as Java, West Kalimantan, Lampung" in part.paras[4]


def test_narrative_next_roman_part_opens_a_new_entry():
    """Rule 9, 08JAKARTA415: "II. PREVENTION OF TRAFFICKING" ends part I's text and opens an entry."""
    units = units_of("08JAKARTA415-part-II.txt")
    assert [u.kind for u in units] == ["extra", "extra"]
    assert units[0].paras[-1].endswith("Both face 20-year jail terms.")
    assert units[1].heading == ["II. PREVENTION OF TRAFFICKING", "------------------------------"]
    assert units[1].group[0] == "part"
    assert units[1].paras[0].startswith("A 2007 survey contracted by USAID included questions")


# ---------------------------------------------------------------- rule 10: the closing, anywhere

def test_closing_at_top_with_hours_list():
    """Rule 10, 07REYKJAVIK49: ¶1 (POC and the "Hours spent on preparation:" list) comes before the
    questions; the importer takes it for the closing, logs the hours and records where it stood."""
    imp = importer.parse(text_of("07REYKJAVIK49-header-hours-2A.txt"), "07REYKJAVIK49-header-hours-2A.txt")
    assert [w for w in imp.warnings if "reporting period" not in w] == []
    assert imp.meta.staff_hours == (
        HoursEntry("", "Polofficer (FS 03)", 20.0), HoursEntry("", "Econofficer (FS 03)", 8.0),
        HoursEntry("", "Polassistant", 60.0), HoursEntry("", "DCM", 2.0))
    assert imp.meta.layout["closing_after"] == ""
    assert imp.meta.layout["closing_label"] == "1."
    assert imp.meta.intro == ""
    assert imp.closing.startswith("(SBU) Embassy point of contact on the trafficking in persons (TIP) issue")
    assert "Hours spent on preparation: - Polofficer (FS 03)   20 hrs" in imp.closing
    assert [a.id for a in imp.answers] == ["1A"]


def test_closing_hours_list_with_total_line():
    """Rule 10, 10REYKJAVIK31: ¶2 holds the POC, the "Hours spent on preparation:" list, "Total:" and
    "Begin text of submission:"; "¶3. (SBU) THE COUNTRY'S TIP SITUATION:" heads "-- A."."""
    units = units_of("10REYKJAVIK31-hours-total.txt")
    assert [(u.kind, u.label) for u in units] == [("extra", "2."), ("question", "-- A.")]
    assert units[0].paras[1:] == [
        "Hours spent on preparation: - Pol Officer (FS 03) 25 hrs - Pol Assistant  51 hrs - A/DCM     5 hrs",
        "Total:    81 hrs", "Begin text of submission:"]
    assert units[1].heading == ["3.  (SBU) THE COUNTRY'S TIP SITUATION:"]
    assert cable.parse_closing("\n\n".join(units[0].paras))[1] == [
        HoursEntry("", "Pol Officer (FS 03)", 25.0), HoursEntry("", "Pol Assistant", 51.0),
        HoursEntry("", "A/DCM", 5.0)]


def test_closing_officer_spent_hours():
    """Rule 10, 07BOGOTA1457: "Officer spent 52 hours preparing report." in ¶1."""
    units = units_of("07BOGOTA1457-poc-hours.txt")
    assert [u.label for u in units] == ["", "1.", "2."]
    assert cable.parse_closing("\n\n".join(units[1].paras)) == (
        "", [HoursEntry("drafting officers", "officer", 52.0)], "")


def test_closing_required_an_fs05():
    """Rule 10, 08MANAMA144: "required an FS-05 to work 45 hours" in ¶2."""
    units = units_of("08MANAMA144-reftel-questions.txt")
    assert units[1].label == "2."
    assert cable.parse_closing("\n\n".join(units[1].paras)) == ("", [HoursEntry("", "FS-05", 45.0)], "")


def test_closing_hours_heading_and_per_person_paragraphs():
    """Rule 10, 09BRASILIA251: "Hours Spent on Report" underlined, then ¶56 and one paragraph per
    person (across a page break) -- one closing unit with 13 entries."""
    units = units_of("09BRASILIA251-hours.txt")
    assert [(u.kind, u.label, u.number, u.topic) for u in units] == [
        ("extra", "56.", 56, "Hours Spent on Report")]
    unit = units[0]
    assert unit.heading == ["Hours Spent on Report", "---------------------"]
    assert len(unit.paras) == 14 and unit.paras[-1] == "SOBEL"
    _, hours, _ = cable.parse_closing("\n\n".join(["Hours Spent on Report", *unit.paras]))
    assert len(hours) == 13
    assert hours[0] == HoursEntry("Lisa Kubiske", "Deputy Chief of Mission", 2.0)
    assert hours[2] == HoursEntry("Dale T. Prince", "staff", 138.0)
    assert hours[-1] == HoursEntry("Alisson Nascimento", "USAID At-Risk Youth Program", 1.0)
    assert sum(h.hours for h in hours) == 207.0


# ---------------------------------------------------------------- rule 11: the signer

@pytest.mark.parametrize("name, signer", [
    ("09REYKJAVIK49-ending.txt", "VAN VOORST"),   # then blank lines, "1", "SENSITIVE BUT UNCLASSIFIED"
    ("10JAKARTA258-ending.txt", "HUME"),          # "# HUME" then "1"
    ("07BOGOTA1457-ending.txt", "DRUCKER"),       # right after the last sentence, then CABLE ENDS
    ("09BRASILIA251-hours.txt", "SOBEL"),         # the file's last line, no newline
])
def test_signer_past_archive_debris(name, signer):
    """Rule 11: the chief of mission's surname is found past the archive's page number and
    classification line, and with no blank line above it after a finished sentence."""
    lines = lines_of(name)
    k, found = cable.signer_at_end(lines)
    assert found == signer
    assert lines[k][1].strip().lstrip("#").strip() == signer
    rest, only = cable.signer_only(lines)
    assert only == signer and rest == lines[:k]


def test_no_signer_in_an_answer_ending():
    """Rule 11, 07REYKJAVIK49: an excerpt ending in an answer's last sentence has no signer."""
    assert cable.signer_at_end(lines_of("07REYKJAVIK49-2J-no-space.txt")) == (None, "")


# ---------------------------------------------------------------- rule 12: header

def test_header_routing_line_glued_to_section_line():
    """Rule 12, 08JAKARTA415: "RUEAUSA/DEPT OF HHS WASHDCUNCLAS SECTION 01 OF 25 JAKARTA 000415" gives
    the last INFO addressee; REF's "¶B." / "¶C." lines continue the REF list; the body starts after."""
    lines = cable.clean_lines(text_of("08JAKARTA415-header.txt"))
    h = cable.parse_header(lines)
    assert h.info[0] == "RUEHZS/ASSOCIATION OF SOUTHEAST ASIAN NATIONS"
    assert h.info[-1] == "RUEAUSA/DEPT OF HHS WASHDC"
    assert len(h.info) == 19
    assert h.to == ["RUEHC/SECSTATE WASHDC IMMEDIATE 8151"]
    assert (h.from_, h.date, h.precedence) == ("AMEMBASSY JAKARTA", "290807Z FEB 08", "IMMEDIATE")
    assert h.reference_id == "08JAKARTA415"
    assert h.ref == ["A. STATE 161287", "B. 07 JAKARTA 3359", "C. 07 JAKARTA 590"]
    assert h.subject == "INDONESIA ANTI-TRAFFICKING IN PERSONS REPORT"
    assert h.tags == ["PHUM", "PREF", "ELAB", "EAID", "ID"]
    assert h.office == ["DEPT FOR EAP/MTS, EAP/MLS, G/TIP, G, INL, DRL, PRM, EAP/RSP"]
    assert h.sensitive and h.eo == "12958: N/A"
    body = cable.drop_page_breaks(lines[h.body_start:])
    assert body[0][1].startswith("1.  (SBU) SUMMARY:  Indonesia took a major step forward in")


def test_header_routing_line_glued_brasilia():
    """Rule 12, 09BRASILIA251: "RUEATRS/DEPT OF TREASURY WASHDCUNCLAS SECTION 01 OF 10 BRASILIA 000251";
    REFS wrapped over six lines."""
    h = cable.parse_header(cable.clean_lines(text_of("09BRASILIA251-header.txt")))
    assert h.info[-1] == "RUEATRS/DEPT OF TREASURY WASHDC"
    assert h.subject == "BRAZIL: NINTH ANNUAL TRAFFICKING IN PERSONS (TIP) REPORT, PART 3 OF 3"
    assert len(h.ref) == 6 and h.ref[0].startswith("08 STATE 132759, 08 Brasilia 35")
    assert h.ref[-1] == "Sao Paulo 432, 08 Sao Paulo 620, 08 Sao Paulo 678, Sao Paulo 18."


def test_header_ref_in_mixed_case():
    """Rule 12, 07SANJOSE524: "Ref: 06 State 202745" is the REF caption; the body starts at ¶1."""
    lines = cable.clean_lines(text_of("07SANJOSE524-header-intro.txt"))
    h = cable.parse_header(lines)
    assert h.ref == ["06 State 202745"]
    assert h.subject == "COSTA RICA?S 7TH ANNUAL TIP REPORT SUBMISSION"
    assert h.sensitive
    assert h.office == ["DEPARTMENT FOR G/TIP (BFLECK), WHA/PPC (MPUCCETTI), G, INL, DRL, PRM,",
                        "WHA/CEN (JMACK)"]
    assert lines[h.body_start][1].startswith("1. (SBU) The following is Embassy San Jose?s submission")


def test_header_sensitive_with_comma():
    """Rule 12, 07REYKJAVIK49: "SENSITIVE, SIPDIS" marks the cable sensitive."""
    h = cable.parse_header(cable.clean_lines(text_of("07REYKJAVIK49-header-hours-2A.txt")))
    assert h.sensitive
    assert h.office == ["DEPT FOR EUR/NB:JMAHER, G/TIP, G, INL, DRL, PRM, IWI, AND EUR/PGI",
                        "STATE PASS USAID"]


def test_header_eo_without_second_period():
    """Rule 12, 09BRASILIA251: "E.O 12958:  N/A" is the E.O. caption."""
    h = cable.parse_header(cable.clean_lines(text_of("09BRASILIA251-header.txt")))
    assert h.eo == "12958: N/A"
    assert all(not line.startswith("E.O") for line in h.office)


# ---------------------------------------------------------------- rule 13: parts

@pytest.mark.parametrize("part1, part2", [("09SANJOSE127", "09SANJOSE128"),
                                          ("09REYKJAVIK49", "09REYKJAVIK50")])
def test_parts_given_in_wrong_order_are_joined_in_part_order(part1, part2):
    """Rule 13, 09SANJOSE127+128 and 09REYKJAVIK49+50 (whole files): given part 2 first, the parts are
    joined in part order, exactly as when given in order, with no warning."""
    one, two = corpus_text(part1), corpus_text(part2)
    wrong = importer.parse_parts([(two, part2), (one, part1)])
    right = importer.parse_parts([(one, part1), (two, part2)])
    assert wrong.warnings == right.warnings
    assert not [w for w in wrong.warnings if "part" in w]
    assert [(a.id, a.text) for a in wrong.answers] == [(a.id, a.text) for a in right.answers]
    assert wrong.meta == right.meta
    assert wrong.meta.reference_id == part1
    ids = [a.id for a in wrong.answers]
    text = {a.id: a.text for a in wrong.answers}
    if part1 == "09SANJOSE127":
        assert wrong.meta.intro == "(U) Part 2 of this report is being sent septel."
        assert ids.index("1A") < ids.index("3E")  # part III goes on in part 2: its E is 3E
        assert text["3E"].startswith("(1) (SBU) JUDICIAL BRANCH:")
        assert wrong.meta.signer == "CIANCHETTE"
    else:
        # "SENSITIVE BUT UNCLASSIFIED -- ENTIRE TEXT" under REF is a caption: the intro is para 2
        assert ids[:3] == ["1A", "1B", "1C"]
        assert wrong.meta.intro.startswith("(SBU) Part 1 of Embassy's submission follows")
        assert text["5G"].endswith("End text of submission Part 2 of 2.")
        assert wrong.meta.signer == "VAN VOORST"


@pytest.mark.parametrize("cable_id, warning", [
    ("09SANJOSE127", "part 2 of 2 not given: this imports only part 1"),
    ("09REYKJAVIK49", "part 2 of 2 not given: this imports only part 1"),
    ("09REYKJAVIK50", "part 1 of 2 not given: this imports only part 2"),
])
def test_one_part_alone_warns_naming_the_missing_part(cable_id, warning):
    """Rule 13: a part given alone imports with a warning naming the part not given."""
    imp = importer.parse_parts([(corpus_text(cable_id), cable_id)])
    assert [w for w in imp.warnings if "reporting period" not in w] == [warning]


def test_parts_second_part_opening_not_in_last_answer():
    """Rule 13, 09REYKJAVIK49+50: part 2's ¶1 (POC, hours) and ¶2 ("Part 2 of Embassy's submission
    follows") do not end up in answer 2D of part 1."""
    imp = importer.parse_parts([(corpus_text("09REYKJAVIK49"), "49"), (corpus_text("09REYKJAVIK50"), "50")])
    d = {a.id: a.text for a in imp.answers}["2D"]
    assert "Part 2 of Embassy's submission follows" not in d
    assert "Total:    63 hrs" not in d


def test_parts_second_part_intro_not_in_last_answer_san_jose():
    """Rule 13, 09SANJOSE127+128: part 2's ¶1 is not text of answer 3D."""
    imp = importer.parse_parts([(corpus_text("09SANJOSE127"), "127"), (corpus_text("09SANJOSE128"), "128")])
    d = {a.id: a.text for a in imp.answers}["3D"]
    assert "This cable is Part 2 of 2" not in d


def test_parts_continued_roman_part_keeps_its_section():
    """Rule 13, 09SANJOSE127+128: "III. INVESTIGATION AND PROSECUTION - CONTINUED" in part 2 continues
    section 3 (A-D in part 1), so its E is 3E."""
    imp = importer.parse_parts([(corpus_text("09SANJOSE127"), "127"), (corpus_text("09SANJOSE128"), "128")])
    ids = {a.text[:26]: a.id for a in imp.answers}
    assert ids["(1) (SBU) JUDICIAL BRANCH:"] == "3E"


# ---------------------------------------------------------------- rule 14: writing back

def _write(units: list[cable.Unit]) -> str:
    out: list[str] = []
    for u in units:
        out += cable.entry_lines(u.label, u.mark, u.question, u.paras, heading="\n".join(u.heading))
    return "\n".join(out)


def _shape(units: list[cable.Unit]) -> list[tuple]:
    return [(u.kind, u.label, u.mark, u.question, u.paras, u.letters, u.group, u.heading) for u in units]


ROUND_TRIP = [
    ("06PHNOMPENH501-1E-2A.txt", "1E."),
    ("05SANJOSE488-overview-18A.txt", "18A."),
    ("07BOGOTA1457-summary-27A.txt", "27.A."),
    ("07REYKJAVIK49-2J-no-space.txt", "--J."),
    ("10REYKJAVIK31-numbered-list.txt", "-- A."),
    ("10REYKJAVIK31-prevention-list.txt", "-- D."),
    ("07SANJOSE524-letters-restart.txt", "A."),
    ("09SANTIAGO156-question-23.txt", "5. (SBU) Question 23 B and C:"),
    ("10SANTIAGO254-question-25.txt", "4. Question 25 B/C:"),
    ("08MANAMA144-reftel-questions.txt", "--A."),
    ("09BRASILIA251-sections-L-M.txt", "Section M:\n----------"),
    ("09SANJOSE127-part-I-A.txt", "A."),
    ("09SANJOSE128-E-sub-items.txt", "E."),
    ("06SANJOSE481-prevention-22A.txt", "22A."),
    ("08JAKARTA415-part-I.txt", ""),
    ("09BRASILIA251-hours.txt", "56."),
]


@pytest.mark.parametrize("name, label", ROUND_TRIP, ids=[n for n, _ in ROUND_TRIP])
def test_entry_lines_round_trip(name, label):
    """Rule 14: units written back with entry_lines read back the same (label, mark, question,
    paragraphs, letters, group, heading), for every label scheme."""
    units = units_of(name)
    assert label in [u.label for u in units]
    text = _write(units)
    again = cable.read_units(cable.drop_page_breaks(cable.clean_lines(text)))
    assert _shape(again) == _shape(units)


def test_entry_lines_round_trip_dash_letter_under_parent():
    """Rule 14, 07REYKJAVIK49: the closing ¶1 and "-- A." under its "¶2." parent, read after the header."""
    units = body_units("07REYKJAVIK49-header-hours-2A.txt")
    again = cable.read_units(cable.clean_lines(_write(units)))
    assert _shape(again) == _shape(units)


def test_entry_lines_layout():
    """Rule 14, 06SANJOSE481: the label as written, two spaces, the text; the heading above."""
    u = units_of("06SANJOSE481-prevention-22A.txt")[1]
    lines = cable.entry_lines(u.label, u.mark, u.question, u.paras, heading="\n".join(u.heading))
    assert lines[:4] == ["Prevention", "----------", "", "22A.  " + u.paras[0]]
    assert lines[4:] == [""]


def test_entry_lines_round_trip_hours_total_line():
    """Rule 14, 10REYKJAVIK31: ¶2 with "Hours spent on preparation:", "Total:    81 hrs" and "Begin text
    of submission:" writes back and reads back the same."""
    units = units_of("10REYKJAVIK31-hours-total.txt")
    again = cable.read_units(cable.clean_lines(_write(units)))
    assert _shape(again) == _shape(units)
