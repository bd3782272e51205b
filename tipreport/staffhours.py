"""Staff-hours statements in cable prose: who spent how many hours on the TIP report.

Posts state the time the submission took in many wordings, of two shapes:

* a list after a heading ("Hours spent on preparation:", "Total number of hours spent in
  preparing the TIP report:", "Officers spent the following time on this report:"): items
  "label quantity" run on in the heading's paragraph ("- DCM 2 hrs", "Poloff Roe: 45,",
  "Pol/Econ officer: 40 hours") and may go on in the following paragraphs, one per person
  ("Jane Roe, Deputy Chief of Mission, two hours, editing.") or as "Total: 81 hrs";
* a sentence about the report: "the drafting of this report required 30 hours of staff
  time, including 10 hours of a local FSN political assistant", "Officer spent 52 hours
  preparing report", "the preparation of the report required an FS-05 to work 45 hours".

Hours anywhere else ("work 12 hours a day", "a 24-hour hotline") are not staff time and
are ignored. Every pattern is bounded or anchored, so a scan is linear in the text length.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from tipreport.answers import HoursEntry

_UNITS = {w: i + 1 for i, w in enumerate(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_UNITS |= {w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())}
_TOK = r"\b(?:" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r"|hundred)\b"
_NUM = (rf"\d+(?:\.\d+)?|(?:a|one)\s+half|an?(?=\s+hour\b)|a\s+hundred"
        rf"|{_TOK}(?:(?:\s+and\s+|[\s-]+){_TOK}){{0,4}}")
_APPROX = r"(?:(?:approximately|approx\.|about|around|roughly|some|nearly|almost|over|estimated)\s+)?"
_HOURS = rf"{_APPROX}(?P<num>{_NUM})(?P<half>\s+and\s+a\s+half)?"
# a quantity in a list: the unit is optional only for bare digits ("Consular: 1,")
_QTY = re.compile(rf"(?<![\w/.¶-]){_HOURS}(?P<unit>\s*(?:hours?\b|hrs?\b\.?|hr\b\.?))?", re.I)
_BARE_END = re.compile(r"[ \t]*(?:\n|[,;]|\.(?:\s|$)|$)")
_RATE = re.compile(r"\s*(?:(?:a|an|per|each|every)\s+(?:day|night|week|month|shift)\b|/\s*(?:day|week))",
                   re.I)

_REPORT = r"(?:report|submission|cable|preparation|preparing|drafting)"
# "Hours spent on preparation:", "Hours Spent on Report" over a rule of dashes, "... time on this report:"
_HEADER = re.compile(
    r"\b(?:(?:staff\s+)?(?:hours|time)\s+spent|spent\s+the\s+following\s+(?:staff\s+)?(?:time|hours))"
    r"\s+(?:on|in|for|preparing|drafting)\b[^.:\n]{0,100}?(?::|(?=\s*(?:-{3,}|\n|$)))", re.I)
# "the drafting of this report required 30 hours", "... cable required an FS-05 to work 45 hours"
_REQUIRED = re.compile(
    rf"(?P<subj>\b{_REPORT}\b(?:\s+(?:of|the|this|our|annual|TIP|{_REPORT})){{0,6}}\s+)?"
    r"\b(?:required|took|needed|consumed)"
    r"\s+(?:(?:(?:a|an|one|the|our)\s+)?(?P<role>[\w/()-]+(?:\s+[\w/()-]+){0,3}?)"
    r"\s+to\s+(?:work|spend)\s+)?"
    rf"(?:a\s+total\s+of\s+)?{_HOURS}\s*(?:hours?|hrs?)\b", re.I)
_STAFF_TIME = re.compile(r"\s+of\s+(?:staff|officer|employee|work)\s+time\b", re.I)
_INCLUDING = re.compile(rf"(?:{_STAFF_TIME.pattern})?\s*,?\s*including\s+", re.I)
_SHARE = re.compile(
    rf"{_HOURS}\s*(?:hours?|hrs?)\s+(?:of|from|by|for)\s+(?:(?:a|an|the|our|one)\s+)?(?P<role>.+)", re.I)
# "Officer spent 52 hours preparing report."
_SPENT = re.compile(
    rf"\bspent\s+(?:a\s+total\s+of\s+)?{_HOURS}\s*(?:hours?|hrs?)\b\s*(?:in\s+|on\s+)?"
    r"(?:preparing|drafting|writing|researching|compiling|editing|reviewing|working\s+on|on"
    r"|to\s+(?:prepare|draft|write))\b"
    r"\s+(?:and\s+\w+ing\s+)?(?:(?:the|this|our|post's|annual|TIP|trafficking|in|persons|\(TIP\))\s+){0,5}"
    r"(?:report|submission|cable)\b", re.I)
_SENTENCE_END = re.compile(r"(?<![\s.(][A-Z])[.!?]\s|\.$")
_BOUNDARY = re.compile(r"(?<![\s.(][A-Z])[.!?;:]\s+|\n\s*\n")
_LEAD = re.compile(r"^(?:[\s\-–—*•·,;.]+|¶\s*\d*\s*\.?\s*|\d+\s*\.\s+|\([A-Z/]+\)\s*|and\s+)*")
_BULLET = re.compile(r"\s*[-–—*•]")

_ROLE_WORDS = set(
    "officer officers poloff econoff epoloff polecon polofficer econofficer polassistant pol econ epol "
    "political economic consular assistant assistants counselor counsellor chief section senior deputy "
    "mission ambassador intern interns specialist attache adviser advisor legal resident head staff local "
    "director secretary coordinator clerk manager analyst liaison program desk public affairs labor consul "
    "general vice fellow employee employees fsn les dcm rso total".split())
_NAME_TOKEN = re.compile(r"[A-Z][a-z]+(?:[-'][A-Z][a-z]+)*|[A-Z]\.")
_COMMON = {"officer", "officers", "intern", "interns", "assistant", "staff"}
_PRONOUNS = {"i", "we", "he", "she", "they"}


def _value(m: re.Match) -> float:
    """30 for "30", 2 for "two", 125 for "one hundred twenty-five", 1.5 for "one and a half"."""
    words = m.group("num").lower().replace("-", " ").split()
    if words[0][0].isdigit():
        value = float(words[0])
    elif words[-1] == "half":
        value = 0.5
    elif words in (["a"], ["an"]):
        value = 1.0
    else:
        value = 0.0
        for w in words:
            value = max(value, 1) * 100 if w == "hundred" else value + _UNITS.get(w, 0)
    return value + (0.5 if m.group("half") else 0)


def _is_name(text: str) -> bool:
    toks = text.split()
    return 1 <= len(toks) <= 4 and all(_NAME_TOKEN.fullmatch(t) and t.lower() not in _ROLE_WORDS
                                       for t in toks)


def _who_role(label: str, comma_form: bool) -> tuple[str, str]:
    """'Jane Roe, Deputy Chief of Mission' and 'Poloff Jane Roe' -> (name, role)."""
    parts = [p.strip() for p in label.split(",") if p.strip()]
    head, rest = parts[0], parts[1:]
    if (rest or comma_form) and _is_name(head):
        return head, ", ".join(rest)
    toks = head.split()
    last_role = max((i for i, t in enumerate(toks) if not _is_name(t)), default=-1)
    if 0 <= last_role < len(toks) - 1 and len(toks) - 1 - last_role <= 3:
        return " ".join(toks[last_role + 1:]), ", ".join([" ".join(toks[:last_role + 1]), *rest])
    return "", ", ".join(parts)


def _label(raw: str, lenient: bool, bare: bool) -> str | None:
    """The cleaned label before a quantity, or None when the text there is not a list item."""
    if len(raw) > 160:
        return None
    label = _LEAD.sub("", " ".join(raw.split())).rstrip(" :,;=-–—")
    if not label or len(label) > 80 or len(label.split()) > 9 or _SENTENCE_END.search(label):
        return None
    if not lenient and not (raw.rstrip()[-1:] in (":", ",") or _BULLET.match(raw)):
        return None  # a paragraph after the heading must look like an item: "X, 2 hours" / "- X 2 hrs"
    if bare and any(w[0].islower() and w not in ("of", "and", "the", "for") for w in label.split()):
        return None  # "Consular: 1" yes; "keyed to paragraph 21." no
    return label


def _items(seg: str, lenient: bool) -> list[tuple[str, float, bool]]:
    """(label, hours, label ended with a comma) for each item of a list, in order."""
    items, pos = [], 0
    for q in _QTY.finditer(seg):
        bare = not q.group("unit")
        if bare and not (lenient and q.group("num")[0].isdigit() and _BARE_END.match(seg, q.end())):
            continue
        if not bare and _RATE.match(seg, q.end()):
            continue
        raw = seg[pos:q.start()]
        label = _label(raw, lenient, bare)
        if label is None and not (lenient and not items and not bare and not raw.strip(" :-")):
            break  # an unlabelled first quantity ("Time spent on this report: 40 hours") is the total
        items.append((label or "Total", _value(q), raw.rstrip().endswith(",")))
        pos = q.end()
    return items


def _paragraphs(text: str) -> list[tuple[int, int]]:
    cuts = [0] + [x for m in re.finditer(r"\n[ \t\r]*\n", text) for x in m.span()] + [len(text)]
    return [(s, e) for s, e in zip(cuts[::2], cuts[1::2], strict=True) if text[s:e].strip()]


def _header(text: str, pos: int, end: int) -> re.Match | None:
    for m in _HEADER.finditer(text, pos, end):
        if re.search(_REPORT, m.group(0), re.I):
            return m
    return None


def _blocks(text: str):
    """(start, end, items) of each list introduced by an hours heading."""
    paras = _paragraphs(text)
    i = 0
    while i < len(paras):
        pos, pend = paras[i]
        i += 1
        while (h := _header(text, pos, pend)) is not None:
            nxt = _header(text, h.end(), pend)
            end = nxt.start() if nxt else pend
            items = _items(text[h.end():end], lenient=True)
            while nxt is None and i < len(paras) and _header(text, *paras[i]) is None:
                more = _items(text[paras[i][0]:paras[i][1]], lenient=False)
                if not more:
                    break
                items += more
                end = paras[i][1]
                i += 1
            yield h.start(), end, items
            pos = end if nxt else pend


def _subject(text: str, start: int) -> str | None:
    """The words before "spent", back to the start of the sentence or clause."""
    window = text[max(0, start - 120):start]
    cuts = [b.end() for b in _BOUNDARY.finditer(window)]
    if not cuts and start > 120:
        return None
    subj = _LEAD.sub("", window[cuts[-1] if cuts else 0:].rsplit(",", 1)[-1].strip())
    subj = re.sub(r"^(?:the|a|an|our|one)\s+", "", subj, flags=re.I)
    words = subj.lower().split()
    if not words or len(words) > 6:
        return None
    if words[0] in _PRONOUNS:
        return "officer"  # "We spent 20 hours on the report"
    if not (_ROLE_WORDS.intersection(words) or _is_name(subj)):
        return None  # "The NGO spent 30 hours ..." is not embassy staff
    return subj.lower() if subj.lower() in _COMMON and subj[1:].islower() else subj  # "Officer spent"


def _required(text: str):
    """'... required N hours' about the report: the report is the subject, or the hours are staff time."""
    for m in _REQUIRED.finditer(text):
        if m.group("subj") or (not m.group("role") and _STAFF_TIME.match(text, m.end())):
            yield m


def _shares(text: str, pos: int) -> list[HoursEntry]:
    """'10 hours of a local FSN political assistant, and 1 hour of an intern' after 'including'."""
    m = _INCLUDING.match(text, pos)
    if not m:
        return []
    clause = text[m.end():m.end() + 400]
    stop = _SENTENCE_END.search(clause)
    out = []
    for piece in re.split(r",\s*(?:and\s+)?|;\s*|\s+and\s+(?=\d)", clause[:stop.start() if stop else None]):
        s = _SHARE.fullmatch(piece.strip())
        if not s:
            break
        out.append(HoursEntry("", " ".join(s.group("role").split()).rstrip(" .,"), _value(s)))
    return out


def parse_hours(text: str) -> tuple[list[HoursEntry], float | None]:
    """Staff-hours statements in a block of cable prose -> (entries, stated_total)."""
    found: list[tuple[int, list[HoursEntry]]] = []
    totals: list[float] = []
    covered: list[tuple[int, int]] = []
    for start, end, items in _blocks(text):
        covered.append((start, end))
        entries, total = [], None
        for label, hours, comma in items:
            if re.match(r"(?:grand\s+)?total\b", label, re.I):
                total = hours
                totals.append(hours)
            else:
                entries.append(HoursEntry(*_who_role(label, comma), hours))
        found.append((start, entries or ([HoursEntry("", "officer", total)] if total else [])))

    def free(pos: int) -> bool:  # not inside a list already read (blocks come in text order)
        i = bisect_right(covered, (pos, len(text) + 1)) - 1
        return i < 0 or pos >= covered[i][1]

    for m in _required(text):
        if not free(m.start()):
            continue
        if m.group("role"):
            found.append((m.start(), [HoursEntry("", m.group("role"), _value(m))]))
            continue
        total = _value(m)
        shares = _shares(text, m.end())
        if sum(e.hours for e in shares) > total:
            shares = []  # a breakdown that does not add up: the stated total alone
        rest = total - sum(e.hours for e in shares)
        found.append((m.start(), ([HoursEntry("", "officer", rest)] if rest > 0 else []) + shares))
        totals.append(total)
    for m in _SPENT.finditer(text):
        subj = _subject(text, m.start())
        if subj and free(m.start()):
            found.append((m.start(), [HoursEntry(*_who_role(subj, True), _value(m))]))
    entries = [e for _, group in sorted(found, key=lambda f: f[0]) for e in group]
    return entries, (sum(totals) if totals else None)


def mentions_hours(text: str) -> bool:
    """True when the text states staff time spent on the report.

    A cheap test used to find the closing paragraph.
    """
    return bool(_header(text, 0, len(text)) or next(_required(text), None) or _SPENT.search(text))
