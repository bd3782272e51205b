"""tipreport.staffhours: every wording of the staff-hours statement found in the real cables.

Excerpts are copied from the cables in ../shared/corpus and ../shared/seeds (wrapped lines
joined by spaces, as the importer hands them over); the cable id is given with each one.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from tipreport.answers import HoursEntry
from tipreport.staffhours import mentions_hours, parse_hours

SHARED = Path(__file__).parents[1].parent / "shared"
CORPUS = SHARED / "corpus"


def E(role: str, hours: float, who: str = "") -> HoursEntry:
    return HoursEntry(who, role, hours)


# 06PHNOMPENH501 (seeds/cable-2006-phnompenh-501-tip-report.txt), closing paragraph
PHNOMPENH_2006 = (
    "2.  (U)  Political Officers Margaret McKean and Kurt Stoppkotte drafted this submission "
    "and estimates that the drafting of this report required 30 hours of staff time, including "
    "10 hours of a local FSN political assistant. Embassy POC for this cable is Section Chief "
    "Margaret McKean (T. 855-023-728-125).")
# 07BOGOTA1457 para 1
BOGOTA_2007 = (
    "(U) Embassy point of contact on trafficking in persons is human rights officer Scott Fagan, "
    "phone number (57-1) 383-2122, fax number (57-1) 315-2163.  Officer spent 52 hours preparing report.")
# 08MANAMA144 para 2 (one long line in the cable)
MANAMA_2008 = (
    "(U) Post's point of contact for Trafficking in Persons is PolOff Steve Jacob, XXXXXXXXXXXX, "
    "ext XXXXXXXXXXXX, fax XXXXXXXXXXXX The preparation of the TIP report cable required an FS-05 "
    "to work 45 hours. The responses below are keyed to reftel queries:")
# 06REYKJAVIK68, list lines joined into one paragraph
REYKJAVIK_2006 = ("Hours spent on preparation: - Polofficer (FO-02)     20 hrs "
                  "- Polassistant           60 hrs - DCM (FO-01)             2 hrs "
                  "Total:                   82 hrs")
# 07REYKJAVIK49, the list as it stands in the cable, one item a line
REYKJAVIK_2007 = ("Hours spent on preparation:\n- Polofficer (FS 03)   20 hrs\n"
                  "- Econofficer (FS 03)  8 hrs\n- Polassistant         60 hrs\n"
                  "- DCM                  2 hrs\nTotal:                 90 hrs")
# 07REYKJAVIK90 (the resend of 07REYKJAVIK49 with updated figures), joined
REYKJAVIK_2007_RESEND = ("Hours spent on preparation: - Polofficer (FS 03) 20 hrs "
                         "- Econofficer (FS 03) 9 hrs - Polassistant 61 hrs - DCM 2 hrs Total: 92 hrs")
# 08REYKJAVIK36
REYKJAVIK_2008 = ("Hours spent on preparation: - Pol Officer (FS 02) 12 hrs - Pol Assistant  50 hrs "
                  "- DCM (FE-OC)    1 hrs Total:    63 hrs")
# 09REYKJAVIK49 and 09REYKJAVIK50 (both parts carry the same block): the items add up to 69
REYKJAVIK_2009 = ("Hours spent on preparation: - Pol Officer (FS 02) 18 hrs - Pol Assistant  50 hrs "
                  "- DCM      1 hrs Total:    63 hrs")
# 10REYKJAVIK31: the total stands in a paragraph of its own, after a blank line
REYKJAVIK_2010 = ("Hours spent on preparation: - Pol Officer (FS 03) 25 hrs - Pol Assistant  51 hrs "
                  "- A/DCM     5 hrs\n\nTotal:    81 hrs\n\nBegin text of submission:")
# 05SANJOSE488 para 1 (tail)
SANJOSE_2005 = (
    "Post's POC for the report is Political Officer Janae Cooley.  Telephone number: (506) 519-2256.  "
    "Fax: (506) 519-2364. Total number of hours spent in preparing the TIP report: Poloff Janae Cooley: "
    "90, Political Assistant Hellen Sanou: 65, Political Section Chief: 1, Consular: 1, RSO: 1, A/DCM: 2.")
# 06SANJOSE481 para 1 (tail)
SANJOSE_2006 = (
    "Post's POC for the report is Political Officer Robert Copley.  Telephone number: (506) 519-2253.  "
    "Fax: (506) 519-2364. Total number of hours spent in preparing the TIP report: Poloff Copley: 45, "
    "Political Assistant Hellen Sanou: 20, Political Counselor: 1, Consular: 1, RSO: 1, DCM: 2.")
# 07SANJOSE524 para 1 (tail): no colons between label and figure
SANJOSE_2007 = (
    "Telephone number: (506) 519-2253 or fax (506) 519-2435.  Total number of hours spent in preparing "
    "the TIP report:  Poloff Copley 20, Political Assistant Saenz 14, Political Assistant Sanou 10, "
    "Political Counselor 1, A/DCM 1.")
# 09SANTIAGO156 para 62, "--" items on their own lines
SANTIAGO_2009 = (
    "(U) Time spent on this report by Embassy Santiago is as follows:\n"
    "-- EPol specialist (LES-10):  approximately 40 hours\n-- EPoloff (FS-04):  approximately 35 hours\n"
    "-- Poloff (FS-02):  approximately 4 hours\n-- EPol Counselor (FS-01):  1 hour")
# 10SANTIAGO254 para 58, items without bullets, joined into one line
SANTIAGO_2010 = (
    "POC for TIP issues is Patrick Fischer, 56-2-330-3394.  Embassy officers spent the following time on "
    "this report: Pol/Econ officer: 40 hours Pol/Econ specialist: 20 hours Senior Political Officer: "
    "2 hours Pol/Econ Counselor: 2 hours")
# 09BRASILIA251, a heading and then a paragraph per person; number words
BRASILIA_2009 = "\n\n".join([
    "Hours Spent on Report ---------------------",
    "56. (SBU) Lisa Kubiske, Deputy Chief of Mission, two hours, editing.",
    "Stephen M. Liston, Political Counselor, two hours, reviewing and editing.",
    "Dale T. Prince, approximately 138 hours total reading instructions, researching, interviewing, "
    "drafting, editing, and checking facts.",
    "Meribeth Culver, PAS, 30 hours researching, interviewing, drafting, and checking facts.",
    "Daniel Parrilha, four hours, researching.",
    "Brian Heslop, intern, 10 hours total, researching, checking facts.",
    "James Story, Pol-Econ chief, Sao Paulo, two hours, editing.",
    "David Brooks, Political officer, Sao Paulo, two hours, reviewing and editing.",
    "Mariluz Hogan, ICE Attache, two hours, information sharing and fact-checking.",
    "Ernest Baca, ICE Attache, two hours, reviewing.",
    "Karine Taxman-Moreno, Resident Legal Adviser, 10 hours, information sharing and editing.",
    "David Brassanini, FBI Legal Attache, two hours: collection, verification and sharing of law "
    "enforcement facts.",
    "Alisson Nascimento, USAID At-Risk Youth Program, one hour, gathering information, checking facts.",
    "SOBEL",
])

REAL = [
    pytest.param(PHNOMPENH_2006, [E("officer", 20), E("local FSN political assistant", 10)], 30,
                 id="06PHNOMPENH501"),
    pytest.param(BOGOTA_2007, [E("officer", 52)], None, id="07BOGOTA1457"),
    pytest.param(MANAMA_2008, [E("FS-05", 45)], None, id="08MANAMA144"),
    pytest.param(REYKJAVIK_2006, [E("Polofficer (FO-02)", 20), E("Polassistant", 60),
                                  E("DCM (FO-01)", 2)], 82, id="06REYKJAVIK68"),
    pytest.param(REYKJAVIK_2007, [E("Polofficer (FS 03)", 20), E("Econofficer (FS 03)", 8),
                                  E("Polassistant", 60), E("DCM", 2)], 90, id="07REYKJAVIK49"),
    pytest.param(REYKJAVIK_2007_RESEND, [E("Polofficer (FS 03)", 20), E("Econofficer (FS 03)", 9),
                                         E("Polassistant", 61), E("DCM", 2)], 92, id="07REYKJAVIK90"),
    pytest.param(REYKJAVIK_2008, [E("Pol Officer (FS 02)", 12), E("Pol Assistant", 50),
                                  E("DCM (FE-OC)", 1)], 63, id="08REYKJAVIK36"),
    pytest.param(REYKJAVIK_2009, [E("Pol Officer (FS 02)", 18), E("Pol Assistant", 50), E("DCM", 1)], 63,
                 id="09REYKJAVIK49"),
    pytest.param(REYKJAVIK_2010, [E("Pol Officer (FS 03)", 25), E("Pol Assistant", 51), E("A/DCM", 5)], 81,
                 id="10REYKJAVIK31"),
    pytest.param(SANJOSE_2005, [E("Poloff", 90, "Janae Cooley"), E("Political Assistant", 65, "Hellen Sanou"),
                                E("Political Section Chief", 1), E("Consular", 1), E("RSO", 1),
                                E("A/DCM", 2)], None, id="05SANJOSE488"),
    pytest.param(SANJOSE_2006, [E("Poloff", 45, "Copley"), E("Political Assistant", 20, "Hellen Sanou"),
                                E("Political Counselor", 1), E("Consular", 1), E("RSO", 1), E("DCM", 2)],
                 None, id="06SANJOSE481"),
    pytest.param(SANJOSE_2007, [E("Poloff", 20, "Copley"), E("Political Assistant", 14, "Saenz"),
                                E("Political Assistant", 10, "Sanou"), E("Political Counselor", 1),
                                E("A/DCM", 1)], None, id="07SANJOSE524"),
    pytest.param(SANTIAGO_2009, [E("EPol specialist (LES-10)", 40), E("EPoloff (FS-04)", 35),
                                 E("Poloff (FS-02)", 4), E("EPol Counselor (FS-01)", 1)], None,
                 id="09SANTIAGO156"),
    pytest.param(SANTIAGO_2010, [E("Pol/Econ officer", 40), E("Pol/Econ specialist", 20),
                                 E("Senior Political Officer", 2), E("Pol/Econ Counselor", 2)], None,
                 id="10SANTIAGO254"),
    pytest.param(BRASILIA_2009, [
        E("Deputy Chief of Mission", 2, "Lisa Kubiske"), E("Political Counselor", 2, "Stephen M. Liston"),
        E("", 138, "Dale T. Prince"), E("PAS", 30, "Meribeth Culver"), E("", 4, "Daniel Parrilha"),
        E("intern", 10, "Brian Heslop"), E("Pol-Econ chief, Sao Paulo", 2, "James Story"),
        E("Political officer, Sao Paulo", 2, "David Brooks"), E("ICE Attache", 2, "Mariluz Hogan"),
        E("ICE Attache", 2, "Ernest Baca"), E("Resident Legal Adviser", 10, "Karine Taxman-Moreno"),
        E("FBI Legal Attache", 2, "David Brassanini"),
        E("USAID At-Risk Youth Program", 1, "Alisson Nascimento"),
    ], None, id="09BRASILIA251"),
]


@pytest.mark.parametrize(("text", "entries", "total"), REAL)
def test_real_wordings(text, entries, total):
    assert parse_hours(text) == (entries, total)
    assert mentions_hours(text)


@pytest.mark.parametrize("text", [REYKJAVIK_2006, SANTIAGO_2010, SANJOSE_2005])
def test_joined_and_line_per_item_read_alike(text):
    """The importer may join a list's lines or keep them: the same entries either way."""
    spread = re.sub(r" (?=- |Total:|Pol|Senior)", "\n", text)
    assert spread != text
    assert parse_hours(spread) == parse_hours(text)


def test_source_that_does_not_add_up_keeps_its_stated_total():
    # 09REYKJAVIK49/50: the officer's own line went from 12 (2008) to 18, the total stayed 63
    entries, total = parse_hours(REYKJAVIK_2009)
    assert (sum(e.hours for e in entries), total) == (69, 63)


@pytest.mark.parametrize(("text", "entries", "total"), [
    # the wording of 06PHNOMPENH501 with several shares
    ("The drafting of this report required 30 hours of staff time, including 7 hours of FSN political "
     "assistants, 2 hours of an economic officer, and 1 hour of an intern.",
     [E("officer", 20), E("FSN political assistants", 7), E("economic officer", 2), E("intern", 1)], 30),
    ("required 30 hours of staff time, including 10 hours of a local FSN political assistant",
     [E("officer", 20), E("local FSN political assistant", 10)], 30),
    ("This report took approximately forty-five hours.", [E("officer", 45)], 45),
    ("Time spent on this report: 40 hours.", [E("officer", 40)], 40),
    ("Poloff Jane Roe spent one and a half hours editing this report.", [E("Poloff", 1.5, "Jane Roe")], None),
    ("Hours Spent on Report\n\nJane Roe, intern, a half hour, reading.\n\nJohn Doe, Econoff, "
     "one hundred twenty hours, drafting.",
     [E("intern", 0.5, "Jane Roe"), E("Econoff", 120, "John Doe")], None),
])
def test_wording_variants(text, entries, total):
    assert parse_hours(text) == (entries, total)


NOT_STAFF_TIME = [
    # 06REYKJAVIK68
    "a woman's employer changed her contract and forced him to work 12 hours a day, six days a week, "
    "and nine hours a day on Sundays, Kopavogur authorities",
    # 10REYKJAVIK31
    "arrival, was immediately placed under 24-hour protective police custody",
    # 09BRASILIA251
    "services, and gave temporary shelter for 24 hours, after which the victims were referred",
    # 05SANJOSE488
    "the National Police Training Academy to develop a 40-hour course on trafficking",
    # 09SANJOSE128
    'sensitivity training of eight hours or less (provided to 667 persons) and "training" of 16 hours '
    "or more (provided to 306 persons)",
    # 09JAKARTA378
    "on a fishing boat, working 23 hours a day without salary.  Teachers",
    # constructed: hours near the words "report" and "spent" that are still not staff time
    "The report notes that the law required 40 hours of training for police.",
    "Victims must be referred to a shelter within 72 hours.",
    "The NGO spent 30 hours on a report for donors.",
    "Hours spent on preparation: victims work 12 hours a day.",
    "Time spent in shelters: 30 days on average.",
]


@pytest.mark.parametrize("text", NOT_STAFF_TIME)
def test_hours_that_are_not_staff_time(text):
    assert parse_hours(text) == ([], None)


@pytest.mark.parametrize("text", [t for t in NOT_STAFF_TIME if "Hours spent" not in t])
def test_mentions_hours_false_for_other_hours(text):
    assert not mentions_hours(text)


def test_list_ends_where_the_items_end():
    # 06REYKJAVIK68: the paragraph after the list names contacts; none is an hours item
    text = REYKJAVIK_2006 + ("\n\nIn researching this report post interviewed the following contacts:\n\n"
                             "-- Sesselja Arnadottir, Deputy Permanent Secretary, Ministry of Social Affairs")
    assert parse_hours(text) == parse_hours(REYKJAVIK_2006)


def test_long_paragraph_runs():
    """Linear time: a 200,000-character paragraph of repeated words must not stall the scan."""
    units = ["the officer spent long hours on the report and victims work 12 hours a day ",
             "one two three four five six seven eight nine ten ",
             "report of the report cable preparation drafting required ",
             "Hours spent on preparation of ",
             " " * 60 + "\n"]
    for unit in units:
        text = (unit * (200_000 // len(unit) + 1))[:200_000]
        assert parse_hours(text) == ([], None)
    listing = ("Hours spent on the report: Poloff 1, " * 6000)[:200_000]
    entries, _ = parse_hours(listing)
    assert entries and all(e == E("Poloff", 1) for e in entries)


# --- every corpus cable that states its hours -------------------------------------------

PAGE_BREAK = re.compile(r"^[A-Z][A-Z .'-]* \d{8}\s+\d{3} OF \d{3}\s*$")
# (entries, sum of entries, stated total) as read from each cable
EXPECTED = {
    "05SANJOSE488": (6, 160, None), "06REYKJAVIK68": (3, 82, 82), "06SANJOSE481": (6, 70, None),
    "07BOGOTA1457": (1, 52, None), "07REYKJAVIK49": (4, 90, 90), "07REYKJAVIK90": (4, 92, 92),
    "07SANJOSE524": (5, 46, None), "08MANAMA144": (1, 45, None), "08REYKJAVIK36": (3, 63, 63),
    "09BRASILIA251": (13, 207, None), "09REYKJAVIK49": (3, 69, 63), "09REYKJAVIK50": (3, 69, 63),
    "09SANTIAGO156": (4, 80, None), "10REYKJAVIK31": (3, 81, 81), "10SANTIAGO254": (4, 64, None),
}
DOES_NOT_ADD_UP = {"09REYKJAVIK49", "09REYKJAVIK50"}  # the cable's own items sum to 69, its total says 63


def body_text(path: Path) -> str:
    """The cable as the importer joins it: paragraphs of space-joined lines, no page breaks, no '¶'."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if lines and lines[0].startswith("source:"):
        lines = lines[1:]
    paragraphs, current = [], []
    for line in lines:
        if PAGE_BREAK.match(line):
            continue
        if line.strip():
            current.append(line.replace("¶", "").strip())
        elif current:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


def corpus_rows() -> list[dict]:
    index = CORPUS / "INDEX.tsv"
    if not index.exists():
        return []
    with index.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


HAS_HOURS = [r["id"] for r in corpus_rows() if r["has_staff_hours"] == "y"]
NO_HOURS = [r["id"] for r in corpus_rows() if r["has_staff_hours"] == "n"]


@pytest.mark.parametrize("cable", HAS_HOURS or [pytest.param("", marks=pytest.mark.skip("no corpus"))])
def test_corpus_cable_with_hours(cable):
    path = CORPUS / f"{cable}.txt"
    if not path.exists():
        pytest.skip(f"{path} absent")
    text = body_text(path)
    assert any(mentions_hours(p) for p in text.split("\n\n"))
    entries, total = parse_hours(text)
    assert entries and all(e.hours > 0 for e in entries)
    if cable in EXPECTED:
        assert (len(entries), sum(e.hours for e in entries), total) == EXPECTED[cable]
    if total is not None and cable not in DOES_NOT_ADD_UP:
        assert sum(e.hours for e in entries) == total


@pytest.mark.parametrize("cable", NO_HOURS or [pytest.param("", marks=pytest.mark.skip("no corpus"))])
def test_corpus_cable_without_hours(cable):
    """Cables that state no staff time, full of other hours ("14-16 hours a day"), give nothing."""
    path = CORPUS / f"{cable}.txt"
    if not path.exists():
        pytest.skip(f"{path} absent")
    assert parse_hours(body_text(path)) == ([], None)


@pytest.mark.parametrize(("name", "expected"), [
    ("cable-2006-phnompenh-501-tip-report.txt",
     ([E("officer", 20), E("local FSN political assistant", 10)], 30)),
    ("cable-2007-phnompenh-351-tip-report-partial.txt", ([], None)),  # ends before the closing paragraph
])
def test_seed_cables(name, expected):
    path = SHARED / "seeds" / name
    if not path.exists():
        pytest.skip(f"{path} absent")
    assert parse_hours(body_text(path)) == expected
