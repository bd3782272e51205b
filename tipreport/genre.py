"""Is this cable a TIP report submission? Weigh the genre evidence of its subject and body.

A submission is a post's answer to State's annual TIP questionnaire, or one part of a
multi-part answer. Posts lay it out in many ways, so no single feature decides: each
piece of evidence adds or subtracts a small fixed weight, and the cable is a submission
when the balance reaches THRESHOLD.

For: the subject names the TIP report (+2), calls it a submission, input or annual
report (+1), numbers it "PART n OF m" (+1); the body says it answers or is keyed to the
instruction cable (+2); question labels ("1A.", "-- A.", "27.A.", "Question 25 A:",
"Section K:"), more so in several groups (+1 to +3); the questionnaire's sections
(situation, prevention, prosecution, protection) as headings (+1 or +2); a staff-hours
or point-of-contact note (+1); the length of a report (+1).
Against: the subject names another kind of cable (a visit, an assessment, a grant,
instructions, another annual report) (-3); the opening asks for funds, proposes a
project or tasks posts (-2); neither subject nor body is about trafficking in persons
(-4); no subject caption (-1), and then published-report prose such as "(Tier 2)"
without question labels (-2).

THRESHOLD is above the most the subject alone can give (+4): the body must add evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

THRESHOLD = 4.5
LONG_BODY = 15000  # characters; whole submissions run 18-100k, ordinary cables a few k
LEAD = 2000  # the opening characters of the body, where a cable says what it is

_TIP = r"(?:TIP|TRAFFICKING\s+IN\s+PERSONS|HUMAN\s+TRAFFICKING)"
SUBJECT_TIP = re.compile(rf"\b{_TIP}\b", re.I)
SUBJECT_REPORT = re.compile(rf"\b{_TIP}(?:\s*\(TIP\))?\s+REPORT\b", re.I)
SUBJECT_SUBMISSION = re.compile(r"\b(?:SUBMISSION|INPUT|CONTRIBUTION|ANNUAL)\b", re.I)
SUBJECT_PART = re.compile(r"\bPART\s+\d+\s+OF\s+\d+\b", re.I)
SUBJECT_OTHER = re.compile(
    r"\b(?:VISITS?|ASSESSMENT|GRANTS?|FUNDS|FUNDING|PROPOSALS?|SOLICITATION|DEMARCHE|REACTS?|REACTION|"
    r"RELEASE|ROLLOUT|RECOMMENDATIONS|PROJECTS?|PROGRAMS?|TRAINING|CONFERENCE|WORKSHOP|MEETING|"
    r"SCENESETTER|INTERIM|INSTRUCTIONS|GUIDANCE|TASKER|HUMAN RIGHTS|RELIGIOUS FREEDOM|CHILD LABOR|NARCOTICS|"
    r"INCSR)\b", re.I)
TIP_TERMS = re.compile(
    r"\bTIP\b|\btrafficking in (?:persons|women|children)\b|\bhuman trafficking\b|\banti-\s?trafficking\b"
    r"|\b(?:sex|labor) trafficking\b|\btrafficking victims?\b|\bvictims? of trafficking\b"
    r"|\bpersons trafficked\b|\btrafficked (?:persons|people|women|men|children|girls|boys|victims)\b", re.I)
KEYED = re.compile(
    r"\b(?:keyed|correspond(?:s|ing)?)\s+to\b[^.]{0,80}?\b(?:ref|reftel|questions?|paragraphs?|paras?|sections?)\b"
    r"|\b(?:responses?|answers?)\b[^.]{0,40}?\b(?:to|per|in|from)\s+(?:the\s+)?"
    r"(?:questions?|reftel|ref\b)"
    r"|\bquestions?\b[^.]{0,30}?\b(?:per|in|from|of)\s+(?:the\s+)?(?:ref|reftel)\b"
    r"|\bsubmission follows\b|\btext of (?:the |this |our )?submission\b"
    r"|\bsubmi(?:ssion|tting)\b[^.]{0,60}?\b(?:report|reftel|ref)\b|\breporting instructions\b", re.I)
HOURS = re.compile(
    r"\b(?:hours|hrs)\b[^.]{0,40}?\b(?:prepar\w*|draft\w*|spent|staff time)"
    r"|\b(?:spent|prepar\w*|draft\w*|required)\b[^.]{0,80}?\b\d+\s*(?:hours|hrs)\b(?! a day)"
    r"|\b(?:time|hours) spent on (?:this|the) report\b"
    r"|\b(?:point of contact|POC)\b[^.]{0,60}?\b(?:for|on) (?:this |the )?"
    r"(?:report|cable|submission|TIP|trafficking)\b", re.I)
ASKS = re.compile(
    r"\baction request\b|\brequest(?:s|ed|ing)?\s+(?:an?\s+)?(?:allocation|funds|funding)\b"
    r"|\brequested funding\b|\b(?:grant|funding|project|full) proposal\b|\bsolicitation\b"
    r"|\bproject (?:title|duration|description)\b"
    r"|\b(?:posts|embassies|missions) (?:are|should)\b[^.]{0,20}?\b(?:requested|asked|instructed|tasked)\b"
    r"|\bplease (?:submit|respond)\b", re.I)
PUBLISHED = re.compile(r"\(Tier [123]\b|\bTier [123] Watch List\b|\bminimum standards for the elimination\b",
                       re.I)

PAGE_BREAK = re.compile(r"^\s*[A-Z][A-Z .'()-]*\s\d{5,8}\s+\d{1,3}(?:\.\d+)?\s+OF\s+\d{1,3}\s*$")
DASH_LINE = re.compile(r"^\s*(?:- ?){3,}\s*$")
PREFIX = re.compile(r"^(?:\d{1,3}\.\s*)?(?:\((?:U|SBU|C|S|FOUO)\)\s*)?")  # paragraph number, portion mark
ROMAN = re.compile(r"^[IVX]{1,4}\.\s+")  # a part of the questionnaire: "II. PREVENTION"
# 1A.  27.A.  1-A.  3a)
NUM_LETTER = re.compile(r"^(\d{1,2})(?:\s?[.-]?\s?[A-Z]\.|[A-Z]\)|[a-z][.)])(?:\s|$)")
LETTER = re.compile(r"(?:^|\s)--\s?([A-Z])\.\s|^([A-Z])\.\s|^(?:Section|SECTION)\s+([A-Z])\b")  # -- A.  A.
QUESTION = re.compile(r"\b(?:Question|QUESTION)\s+(\d{1,3})\b")  # Question 25 A:  REFTEL Question 27
CAPTION = re.compile(r"^(?:REFTEL\s+)?Question\s+\d+\s*-\s*([^:.]{3,80})[:.]|^([^:]{3,100}):", re.I)
TOPICS = {"situation": re.compile(r"SITUATION|OVERVIEW"), "prevention": re.compile(r"PREVENT"),
          "prosecution": re.compile(r"PROSECUT|INVESTIGAT"),
          "protection": re.compile(r"PROTECT|ASSISTANCE TO VICTIMS")}


@dataclass(frozen=True)
class Verdict:
    submission: bool
    reason: str  # one short human sentence
    score: float  # the evidence balance, for debugging; a submission when >= THRESHOLD


def _headings(rest: str, numbered: bool, all_caps: bool) -> list[str]:
    """Heading text on a line: all capitals, a roman-numbered part, or a caption opening a paragraph
    ("(SBU) PREVENTION:"). In a cable typed all in capitals, capitals alone make no heading.
    """
    roman = ROMAN.match(rest)
    if roman:
        rest = rest[roman.end():]
        if len(rest) <= 80:
            return [rest]
    heads = []
    c = CAPTION.match(rest)
    if c and (c.group(1) or (numbered and len(c.group(2)) <= 40) or (c.group(2).isupper() and not all_caps)):
        heads.append(c.group(1) or c.group(2))
    if not all_caps and len(rest) <= 100 and rest.upper() == rest and sum(ch.isalpha() for ch in rest) > 5:
        heads.append(rest)
    return heads


_LOWER, _UPPER = re.compile(r"[a-z]"), re.compile(r"[A-Z]")


def _structure(body: str, all_caps: bool = False) -> tuple[int, int, set[str]]:
    """(question labels, groups of labels, questionnaire topics seen as headings), in one pass over lines.

    A group starts at a new question number ("27.A." after "26.C.", "Question 25") or where bare
    letters restart ("-- A." under the next heading); one lettered list is one group.
    """
    labels = groups = 0
    number, letter = -1, ""  # the current question number, the last bare letter
    fresh = False  # a numbered group just opened: its own "A." opens no other
    topics: set[str] = set()
    prev = ""
    for raw in body.splitlines():
        if PAGE_BREAK.match(raw):
            continue
        line = raw.replace("\u00b6", " ").strip()
        if DASH_LINE.match(line):  # the line above is an underlined heading
            heads, prev = [prev], ""
        else:
            m = NUM_LETTER.match(line)
            rest = line[m.end():] if m else PREFIX.sub("", line)
            q = QUESTION.search(rest)
            keys: list[int | str] = [int(x.group(1)) for x in (m, q) if x]
            keys += [next(g for g in x.groups() if g) for x in LETTER.finditer(rest)]
            for key in keys:
                labels += 1
                if isinstance(key, int):
                    if key != number:
                        groups, fresh = groups + 1, True
                    number, letter = key, ""
                else:
                    if not fresh and (groups == 0 or key <= letter):
                        groups, number = groups + 1, -1
                    fresh, letter = False, key
            heads, prev = _headings(rest, rest != line, all_caps), line
        for head in heads:
            topics.update(name for name, pattern in TOPICS.items() if pattern.search(head.upper()))
    return labels, groups, topics


def classify(subject: str, body: str) -> Verdict:
    """Weigh the subject caption and the body (after the captions); linear in their length."""
    subject = " ".join(subject.split())
    flat = " ".join(body.replace("\u00b6", " ").split())
    lead = flat[:LEAD]
    lower, upper = _LOWER.subn("", flat)[1], _UPPER.subn("", flat)[1]  # counts, in C
    labels, groups, topics = _structure(body, all_caps=lower * 10 < upper)
    about_tip = bool(SUBJECT_TIP.search(subject))
    evidence: list[tuple[float, str]] = []
    if SUBJECT_REPORT.search(subject):
        evidence.append((2, "the subject names the TIP report"))
    if about_tip and SUBJECT_SUBMISSION.search(subject):
        evidence.append((1, "the subject calls it a submission or annual report"))
    if about_tip and SUBJECT_PART.search(subject):
        evidence.append((1, "the subject numbers it as one part of several"))
    other = SUBJECT_OTHER.search(subject)
    if other:
        evidence.append((-3, f"the subject names another kind of cable ('{other.group(0).lower()}')"))
    if not about_tip and len(TIP_TERMS.findall(flat)) * 5000 < max(len(flat), 5000):
        evidence.append((-4, "neither the subject nor the body is about trafficking in persons"))
    if not subject:
        evidence.append((-1, "it has no subject caption"))
        if labels < 3 and PUBLISHED.search(lead):
            evidence.append((-2, "it reads as the published report's country narrative"))
    if KEYED.search(flat):
        evidence.append((2, "the body says it answers the instruction cable"))
    if labels >= 8 and groups >= 2:
        evidence.append((3, f"it has {labels} question labels in {groups} groups"))
    elif labels >= 8 or (labels >= 4 and groups >= 2):
        evidence.append((2, f"it has {labels} question labels"))
    elif labels >= 3:
        evidence.append((1, f"it has {labels} question labels"))
    if len(topics) >= 2:
        weight = 2 if len(topics) >= 3 else 1
        evidence.append((weight, f"its headings are the questionnaire's sections ({len(topics)} of 4)"))
    if HOURS.search(flat):
        evidence.append((1, "it has a staff-hours or point-of-contact note"))
    if len(flat) >= LONG_BODY:
        evidence.append((1, "it is as long as a report"))
    asks = ASKS.search(lead)
    if asks:
        evidence.append((-2, f"the opening asks for funds, a project or work ('{asks.group(0).lower()}')"))

    score = float(sum(w for w, _ in evidence))
    submission = score >= THRESHOLD
    side = sorted((e for e in evidence if (e[0] > 0) == submission), key=lambda e: -abs(e[0]))
    top = [text for _, text in side[:3]]
    why = ", ".join(top[:-1]) + " and " + top[-1] if len(top) > 1 else "".join(top)
    if not submission:
        why = f"{why}, so it is not an answer to the TIP report questionnaire" if why else (
            "too little evidence of answers to the TIP report questionnaire")
    return Verdict(submission, why, score)
