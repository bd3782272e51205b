"""What in a carried-forward sentence belongs to last year: figures, dates, deadlines, time words.

An officer copies last year's answers forward and then hunts for what is out of
date. These detectors do that hunt one sentence at a time, judged against this
year's reporting period. Precision matters as much as recall (a tool that flags
every number is ignored), so each detector looks for what makes a number or a
date *news* rather than *history*: a count tied to an arrest or a report, a date
in last year's reporting period told as an event, a deadline now past. Statute
and article numbers, penalties, ages, enactment and ratification dates, durations
and historic ranges are left alone.

Pure functions over text: no I/O, no printing. ``checks`` decides which
sentences count as carried and turns hits into findings with lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

# ---------------------------------------------------------------- sentences

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "no", "nos", "vs", "etc", "e.g", "i.e", "approx", "inc", "ltd",
    "co", "corp", "gov", "gen", "lt", "col", "sgt", "capt", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "art", "para", "fig", "op", "cf",
}
_BOUNDARY = re.compile(r"[.!?]+[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9])")
_LAST_WORD = re.compile(r"([A-Za-z][\w.]*)[.!?]+[\"')\]]*$")


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of one paragraph.

    Splits after . ! ? followed by a capital or digit, but not after common
    abbreviations or initials ("U.S.", "Mr.", "No."), which cables use a lot.
    """
    spans = []
    start = 0
    for m in _BOUNDARY.finditer(paragraph):
        head = paragraph[start:m.end()].rstrip()
        word = _LAST_WORD.search(head)
        if word and _is_abbreviation(word.group(1), head):
            continue
        end = len(head) + start
        if paragraph[start:end].strip():
            spans.append((start, end))
        start = m.end()
    if paragraph[start:].strip():
        spans.append((start, len(paragraph.rstrip())))
    return spans


def _is_abbreviation(word: str, head: str) -> bool:
    if head.rstrip().endswith(".."):
        return False  # "Cambodia..  Other": a doubled full stop still ends the sentence
    low = word.lower().rstrip(".")
    if low in _ABBREVIATIONS:
        return True
    return bool(re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word.rstrip(".")))  # "U.S", "J"


def sentences(paragraph: str) -> list[str]:
    """The sentences of one paragraph, as written (internal spacing kept)."""
    return [paragraph[a:b] for a, b in sentence_spans(paragraph)]


def normalize(sentence: str) -> str:
    """Whitespace- and case-insensitive form used to compare sentences across years."""
    return " ".join(sentence.split()).lower()


@lru_cache(maxsize=8192)
def _lower(text: str) -> str:
    """Lower case with every offset kept: the patterns below are compiled case-free for
    speed (an IGNORECASE alternation is several times slower) and hits map back to the text."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


# ---------------------------------------------------------------- numbers

NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety "
    "hundred thousand million billion dozen dozens hundreds thousands"
).split()
_NUMBER_WORD = r"(?:" + "|".join(NUMBER_WORDS) + r")(?:-(?:" + "|".join(NUMBER_WORDS[:9]) + r"))?"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
NUMBER = re.compile(r"(?<![\w.,-])(?:" + _DIGITS + r"|" + _NUMBER_WORD + r")(?![\w])")
_FIGURE_TOKEN = re.compile(r"\d[\d,.]*\d|\d|\b(?:" + "|".join(NUMBER_WORDS) + r")\b")


def figures(sentence: str) -> tuple[str, ...]:
    """The figures and years a sentence holds, in order ("1,009" and "1009" alike).

    Two versions of a sentence with the same figures but other words changed
    are the same statement; a changed figure means the officer updated it.
    """
    return tuple(t.replace(",", "").rstrip(".") for t in _FIGURE_TOKEN.findall(_lower(sentence)))


# ---------------------------------------------------------------- periods and dates

MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MONTHS.update({m[:3]: n for m, n in list(MONTHS.items())})
MONTHS["sept"] = 9
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:19[4-9]\d|20\d\d)"
_QUALIFIER = (r"(?:(?:the\s+)?(?:early|mid|late|end\s+of(?:\s+the\s+year)?|beginning\s+of|start\s+of|"
              r"first\s+half\s+of|second\s+half\s+of|first\s+(?:two|three|four|five|six)\s+months\s+of|"
              r"spring|summer|fall|autumn|winter|fiscal\s+year|fy|calendar\s+year)[\s-]+)")
DATE = re.compile(
    r"(?<![\w$-])(?:(?P<iso>" + _YEAR + r")-(?P<isomonth>0[1-9]|1[0-2])-[0-3]\d(?![\w-])|"  # 2006-04-01
    r"(?P<qual>" + _QUALIFIER + r")?"
    r"(?:(?P<month>" + _MONTH + r")\s+(?:(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+)?"
    r"|(?P<day2>\d{1,2})\s+(?P<month2>" + _MONTH + r")\s+)?"
    r"(?P<year>" + _YEAR + r")(?!\w|,\d|-\d|-year))",
)
# "2006-07" is a range, but "1 April 2006 - 31 March 2007" is two dates, not 2006-2031.
_RANGE = re.compile(
    r"(?:\b(?:from|between)\s+)?(?<![\w-])(?P<a>" + _YEAR + r")\s*(?:-|–|to|through|until|and)\s*"
    r"(?P<b>" + _YEAR + r"|\d\d(?!\s+" + _MONTH + r"[\s,]+" + _YEAR + r"))(?![\w-])",
)
_QUAL_MONTHS = [
    (r"first\s+half", (1, 6)), (r"second\s+half", (7, 12)), (r"first\s+two\s+months", (1, 2)),
    (r"first\s+three\s+months", (1, 3)), (r"first\s+four\s+months", (1, 4)),
    (r"first\s+five\s+months", (1, 5)), (r"first\s+six\s+months", (1, 6)),
    (r"early", (1, 4)), (r"mid", (5, 8)), (r"late", (9, 12)), (r"end", (12, 12)),
    (r"beginning|start", (1, 1)), (r"spring", (3, 5)), (r"summer", (6, 8)),
    (r"fall|autumn", (9, 11)), (r"winter", (1, 2)),
]


_DTG = re.compile(r"\d{6}Z\s+(?P<month>[A-Z]{3})\s+(?P<year>\d{2})\b", re.IGNORECASE)
_MONTH_ABBR = {m: k + 1 for k, m in enumerate("JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split())}


def dtg_month(date: str) -> tuple[int, int] | None:
    """(year, month) of a cable's date-time group ('071222Z MAR 08' -> (2008, 3)), or None."""
    m = _DTG.search(date)
    month = _MONTH_ABBR.get(m.group("month").upper()) if m else None
    return (2000 + int(m.group("year")), month) if month else None


def reference_year(reference_id: str) -> int | None:
    """The year a cable's reference id starts with ('08REYKJAVIK36' -> 2008), or None."""
    m = re.match(r"\s*(\d{2})[A-Z]", reference_id)
    return 2000 + int(m.group(1)) if m else None


def created_month(created: str) -> tuple[int, int] | None:
    """(year, month) of the archive's date for a cable ('2006-03-02'), or None."""
    m = re.match(r"((?:19|20)\d\d)-([01]\d)", created)
    return (int(m.group(1)), int(m.group(2))) if m and 1 <= int(m.group(2)) <= 12 else None


def month_index(year: int, month: int) -> int:
    """Months since year 0, so spans compare with plain integers."""
    return year * 12 + month - 1


_MONTH_NAMES = ("January February March April May June July August September October "
                "November December").split()


def month_label(index: int) -> str:
    """'March 2007' for a month index."""
    return f"{_MONTH_NAMES[index % 12]} {index // 12}"


@dataclass(frozen=True)
class Period:
    """A reporting period as whole months, e.g. March 2006 - March 2007.

    ``since``: where the carried text's own period began (the start of the
    reporting period of the file it was carried from, however many years
    back); None when unknown, and then one period back is assumed.
    """

    start: int
    end: int
    text: str
    since: int | None = None

    @property
    def length(self) -> int:
        """Months from one period's start to the next: at least a year."""
        return max(12, self.end - self.start)

    @property
    def prior_start(self) -> int:
        """Start of the carried text's period: dates from here to ``start`` are its news."""
        if self.since is not None and self.since < self.start:
            return self.since
        return self.start - self.length

    @property
    def years_back(self) -> int:
        """How many periods back the carried text was written (1 when unknown)."""
        if self.since is None or self.since >= self.start:
            return 1
        return max(1, round((self.start - self.since) / self.length))

    def carried_since(self, prior: Period | None) -> Period:
        """This period, judged against text written for ``prior`` (the file it was carried from)."""
        return self if prior is None else replace(self, since=prior.start)


def twelve_months_to(year: int, month: int) -> str:
    """'April 2007 - March 2008': the reporting period a submission dated March 2008 covers
    when it names none (the twelve months up to its date)."""
    end = month_index(year, month)
    return f"{month_label(end - 11)} - {month_label(end)}"


@dataclass(frozen=True)
class DateRef:
    """One date in a sentence, as a span of months (a bare year is January-December)."""

    start: int
    end: int
    text: str
    pos: int
    endpos: int


_HAS_YEAR = re.compile(r"(?:19|20)\d\d")


@lru_cache(maxsize=4096)
def find_dates(text: str) -> tuple[DateRef, ...]:
    """Dates in text, outside year ranges such as "1996-1999" (see :func:`find_ranges`).

    Cached: each detector asks about the same sentence, and most sentences hold no year.
    """
    if not _HAS_YEAR.search(text):
        return ()
    low = _lower(text)
    ranges = [(m.start(), m.end()) for m in _RANGE.finditer(low)]
    out = []
    for m in DATE.finditer(low):
        if m.group("iso"):
            first = last = month_index(int(m.group("iso")), int(m.group("isomonth")))
            out.append(DateRef(first, last, text[m.start():m.end()], m.start(), m.end()))
            continue
        if any(a <= m.start("year") < b for a, b in ranges):
            continue
        year = int(m.group("year"))
        qual = m.group("qual") or ""
        month_name = m.group("month") or m.group("month2")
        if qual.startswith(("fiscal", "fy")):
            first, last = month_index(year - 1, 10), month_index(year, 9)
        elif month_name:
            first = last = month_index(year, MONTHS[month_name.rstrip(".")])
        else:
            lo, hi = next((span for pat, span in _QUAL_MONTHS
                           if qual and re.match(r"(?:the\s+)?(?:" + pat + r")\b", qual)), (1, 12))
            first, last = month_index(year, lo), month_index(year, hi)
        out.append(DateRef(first, last, text[m.start():m.end()].strip(), m.start(), m.end()))
    return tuple(out)


@lru_cache(maxsize=4096)
def find_ranges(text: str) -> tuple[tuple[int, int, int, int], ...]:
    """Year ranges ("From 1996-1999", "(2000-2004)"): (first year, last year, start, end)."""
    if not _HAS_YEAR.search(text):
        return ()
    out = []
    for m in _RANGE.finditer(_lower(text)):
        a, b = m.group("a"), m.group("b")
        last = int(b) if len(b) == 4 else int(a[:2] + b)
        if last >= int(a):
            out.append((int(a), last, m.start(), m.end()))
    return tuple(out)


def parse_period(text: str) -> Period | None:
    """'March 2006 - March 2007', 'April 1, 2006 to March 31, 2007', '1 April 2006 - 31 March 2007',
    '2006-04-01 to 2007-03-31', '2006': first to last month."""
    if not text or not text.strip():
        return None
    dates = find_dates(text)
    if not dates:
        ranges = find_ranges(text)
        if not ranges:
            return None
        a, b = ranges[0][0], ranges[0][1]
        return Period(month_index(a, 1), month_index(b, 12), text.strip())
    start, end = dates[0].start, dates[-1].end
    if end < start:
        return None
    return Period(start, end, text.strip())


# ---------------------------------------------------------------- hits

@dataclass(frozen=True)
class Hit:
    """One reason a sentence needs a look: the kind, the phrase (offsets into the sentence), why."""

    kind: str
    start: int
    end: int
    excerpt: str
    message: str


def _hit(kind: str, sentence: str, start: int, end: int, message: str) -> Hit:
    return Hit(kind, start, end, sentence[start:end], message)


# ---------------------------------------------------------------- time words

TIME_WORDS = re.compile(
    r"\b(?:the\s+most\s+recent|most\s+recently|currently|so\s+far|to\s+date|recently|recent|newly|"
    r"ha(?:s|ve)\s+(?:just\s+|recently\s+)?(?:begun|started|commenced)|"
    r"at\s+present|presently|at\s+this\s+time|for\s+the\s+time\s+being|now|still|not\s+yet|"
    r"this\s+year|last\s+year|next\s+year|this\s+past\s+year|the\s+past\s+year|"
    r"earlier\s+this\s+year|later\s+this\s+year|this\s+month|latest)\b",
)


def time_words(sentence: str) -> list[Hit]:
    """Words that were true when last year's text was written and moved with the calendar."""
    low = _lower(sentence)
    found = [m for m in TIME_WORDS.finditer(low) if not low[:m.start()].endswith("up ")]  # up to date
    if not found:
        return []
    first = found[0]
    words = ", ".join(dict.fromkeys(f"'{sentence[m.start():m.end()]}'" for m in found))
    return [_hit("time-words", sentence, first.start(), first.end(),
                 f"{words} was written for last year's report; say it again only if still true")]


# ---------------------------------------------------------------- context vocabulary

_PRESENT_PERFECT_PATTERN = (
    r"\b(?:has|have)\s+(?:(?:not|also|already|recently|just|since|now)\s+)?"
    r"(?:been|begun|taken|made|given|shown|done|seen|grown|become|held|led|set|brought|built|"
    r"sent|won|met|paid|sought|spent|kept|\w+ed)\b"
)

COUNT_NOUNS = (
    "cases? victims? offenders? perpetrators? traffickers? suspects? persons? people individuals? "
    "children child girls? boys? women woman men man minors? foreigners? nationals? citizens? "
    "arrests? convictions? prosecutions? investigations? raids? rescues? complaints? trials? "
    "pimps? accomplices? officers? officials? policemen police judges? prosecutors? lawyers? "
    "workers? migrants? returnees? deportees? brothels? establishments? beneficiaries? "
    "participants? trainees? students? families? households? calls? reports? sentences? "
    "detainees? defendants? survivors? orphans? pedophiles? paedophiles? exploiters? brokers? "
    "recruiters? agents? "
    "ngos? organizations? organisations? agencies? members? representatives? personnel staff "
    "centers? centres? shelters? homes? offices? units? provinces? districts? companies? groups?"
).split()
_COUNT = re.compile(
    r"(?P<num>" + NUMBER.pattern + r")(?:\s+[a-z][\w'-]*){0,3}?\s+"
    r"(?P<noun>" + "|".join(COUNT_NOUNS) + r")\b",
)
_AMOUNT = re.compile(
    r"(?:(?:usd|us\$|\$|eur|aud|gbp)\s?(?:" + _DIGITS + r")(?:\s(?:million|billion))?"
    r"|(?:" + _DIGITS + r"|" + _NUMBER_WORD + r")(?:\s(?:million|billion|thousand))?\s"
    r"(?:dollars|riels?|baht|euros?))",
)
_CURRENCY = re.compile(r"usd|us\$|\$|eur|aud|gbp|dollar|riel|baht|euro")
_PERCENT = re.compile(r"(?:" + _DIGITS + r")\s?(?:%|percent\b)")
# An event or statistic in the sentence makes its count news rather than description.
_EVENT = re.compile(
    r"\b(?:arrest\w*|convict\w*|prosecut\w*|report\w*|rescu\w*|repatriat\w*|deport\w*|identif\w*|"
    r"train\w*|attend\w*|assist\w*|shelter\w*|receiv\w*|return\w*|raid\w*|detain\w*|charged|"
    r"sentenc\w*|investigat\w*|register\w*|record\w*|statistic\w*|worked\s+on|a\s+total|"
    r"so\s+far|to\s+date|there\s+were|involving|handled|apprehend\w*|intercept\w*|"
    r"referr\w*|referred|tried|acquitt\w*|fined|estimat\w*|according\s+to|disciplined|"
    r"suspended|dismissed|reintegrat\w*|rendered|extradit\w*)\b",
)
_RUNNING_TOTAL = re.compile(r"\b(?:so\s+far|to\s+date|since|a\s+total|in\s+total|cumulative\w*)\b|"
                            + _PRESENT_PERFECT_PATTERN)
_SOURCE_STUDY = re.compile(r"\b(?:study|studies|survey|census|research)\b")
_FUNDING = re.compile(r"\b(?:provid\w*|allocat\w*|budget\w*|grant\w*|spent|spend\w*|fund\w*|"
                      r"donat\w*|disburs\w*|pledg\w*|contribut\w*|award\w*|paid|cost\w*)\b")
# Not a count of events: penalties, ages, statutes, durations.
_PENALTY_OR_AGE = re.compile(
    r"\b(?:years?|months?|days?|weeks?|hours?)\b|\bage\b|\baged\b|\bunder\b|\bover\b|"
    r"\barticles?\b|\blaw\s+no\b|\bchapter\b|\bsection\b",
)
# A date that is history: a legal act (enactment, ratification) whatever the tense...
_LEGAL_ACT = re.compile(
    r"\b(?:passed|enacted|adopted|ratified|signed|promulgated|acceded|amended|"
    r"(?:came|entered)\s+into\s+force|took\s+effect|became\s+law)\b",
)
# ...or something founded or drafted, told in the simple past ("in July 2005 developed a plan";
# "has developed ... in October 2005" presents it as this year's news instead).
_HISTORY = re.compile(
    _LEGAL_ACT.pattern[:-3] + r"|established|created|formed|founded|set\s+up|launched|approved|"
    r"developed|drafted|finalized|finalised|issued|opened|built|introduced|inaugurated|began|"
    r"started)\b",
)
_PRESENT_PERFECT = re.compile(_PRESENT_PERFECT_PATTERN)
_CURRENT_CUE = re.compile(
    r"\b(?:there\s+(?:is|are)|this\s+year|currently|at\s+present|to\s+date|so\s+far|"
    r"remains?|continues?\s+to|is\s+now|are\s+now)\b",
)
_ATTRIBUTE = re.compile(
    r"^\s*(?:'s\s+)?(?:[A-Z][\w-]*\s+){0,4}?(?:Law|Act|Code|Constitution|MOU|Memorandum|"
    r"Convention|Protocol|Agreement|Plan|Declaration|Decree|Sub-Decree|Prakas|Policy|Strategy|"
    r"study|report|survey|census|Report|Study|Survey|Census)\b",
)
_OF_DATE = re.compile(r"\b(?:MOU|Memorandum|Agreement|Convention|Protocol|Law|Act|Plan|Declaration|"
                      r"Decree|study|report|survey)\s+(?:of|dated|from)\s*$", re.IGNORECASE)
_PERIOD_LABEL = re.compile(r"\breporting\s+period\s+(?:for|of|in)\s+(?P<year>" + _YEAR + r")\b")
# "during the year" in last year's text meant last year's year.
_THE_YEAR = re.compile(r"\b(?:during|in|within|over|for|throughout)\s+(?:the|this)\s+"
                       r"(?:current\s+)?(?:year|reporting\s+period)\b(?!\s+(?:for|of|in)\s+\d)")
_PLAN = re.compile(
    r"\b(?:expected|expects?|expecting|plans?\s+to|planned\s+(?:to|for)|planning\s+to|scheduled|"
    r"slated|(?:is|are|was|were|falls?)\s+due|due\s+(?:by|in|on|before)|will|would|shall|should|"
    r"intends?|intended|aims?\s+to|aimed\s+(?:to|at)|targeted|deadline|set\s+to|"
    r"(?:is|are|was|were)\s+to\s+be|anticipated?|projected|hopes?\s+to|hoped\s+to|requested|"
    r"asked|urged|called\s+on|promised|pledged|committed\s+to|supposed\s+to)\b",
)
# The sentence already says the date slipped: not a live plan.
_MISSED = re.compile(r"\b(?:delayed|postponed|deferred|missed|overdue|behind\s+schedule|"
                     r"did\s+not|failed\s+to|has\s+not\s+(?:yet\s+)?been|still\s+not)\b")
_BY = re.compile(r"\b(?:by|in|before|until|till|no\s+later\s+than|around|for|during|within|at)"
                 r"(?:\s+the)?\s*$")


def _clause(sentence: str, pos: int) -> tuple[int, int]:
    """The clause around ``pos``: semicolons and ' - ' split a cable sentence into statements."""
    starts = [m.end() for m in re.finditer(r";|\s-\s|:\s", sentence[:pos])]
    ends = [m.start() for m in re.finditer(r";|\s-\s", sentence[pos:])]
    return (starts[-1] if starts else 0), (pos + ends[0] if ends else len(sentence))


def _is_attribute(sentence: str, d: DateRef) -> bool:
    """'the 1996 Law', 'the COMMIT MOU of October 2004': a date naming a document, not news."""
    after = sentence[d.endpos:d.endpos + 60]
    before = sentence[max(0, d.pos - 40):d.pos]
    return bool(_ATTRIBUTE.match(after)) or bool(_OF_DATE.search(before))


# ---------------------------------------------------------------- detectors

def _in_parens(sentence: str, pos: int) -> bool:
    head = sentence[:pos]
    return head.count("(") > head.count(")")


def stale_dates(sentence: str, period: Period) -> list[Hit]:
    """A date before this reporting period told as current, or last year's news told as an event.

    History is left alone: laws passed, plans adopted, bodies established, dates
    naming a document ("the 1996 Law"), and anything dated before last year's
    reporting period unless the sentence presents it as current.
    """
    low = _lower(sentence)
    m = _PERIOD_LABEL.search(low) if "period" in low else None
    if m and month_index(int(m.group("year")), 12) < period.start:
        return [_hit("stale-date", sentence, m.start(), m.end(),
                     f"names last year's reporting period; this report covers {period.text}")]
    for d in (*find_dates(sentence), *_dates_without_year(sentence, period)):
        if d.end >= period.start or _is_attribute(sentence, d):
            continue
        last_year = d.end >= period.prior_start
        a, b = _clause(sentence, d.pos)
        clause = low[a:b]
        if not last_year and (_in_parens(sentence, d.pos) or re.search(r"\bsince\b", low[a:d.pos])):
            continue  # "(cases left over from 2004)", "since the project began in June 1999"
        old_news = last_year and period.years_back > 1  # the news of a report years back
        if _LEGAL_ACT.search(clause):
            continue
        told_as_current = bool(_PRESENT_PERFECT.search(clause))
        if not told_as_current and not old_news and _HISTORY.search(clause):
            continue  # last year's plan adopted is background; that of a report years back is not
        if last_year:
            return [_hit("stale-date", sentence, d.pos, d.endpos,
                         f"'{d.text}' is news from when this text was written (before "
                         f"{period.text}); update it or keep it as background on purpose")]
        if told_as_current or _CURRENT_CUE.search(clause):
            return [_hit("stale-date", sentence, d.pos, d.endpos,
                         f"'{d.text}' is before this reporting period ({period.text}) "
                         "but is told as current")]
    m = _THE_YEAR.search(low)
    if m:
        return [_hit("stale-date", sentence, m.start(), m.end(),
                     f"'{sentence[m.start():m.end()]}' meant last year's reporting period when "
                     "it was written; "
                     f"name the year, or update it for {period.text}")]
    return []


_DAY_MONTH = re.compile(
    r"(?<![\w$-])(?:(?P<month>" + _MONTH + r")\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    r"|(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<month2>" + _MONTH + r"))(?![\w-])"
    r"(?!,?\s+(?:19|20)\d\d)")


def _dates_without_year(sentence: str, period: Period) -> list[DateRef]:
    """'On January 4', '28 February': a day of the carried text's own year, left unsaid when it
    was written; placed in the twelve months its period began with (where such a month falls)."""
    low = _lower(sentence)
    if not any(m in low for m in ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                  "nov", "dec")):
        return []
    out = []
    for m in _DAY_MONTH.finditer(low):
        name = (m.group("month") or m.group("month2")).rstrip(".")
        day = int(m.group("day") or m.group("day2"))
        at = m.start("month") if m.group("month") else m.start("month2")
        if not 1 <= day <= 31 or not sentence[at].isupper():  # "may 4 times": the verb, not May
            continue
        told_as_a_day = re.search(r"\b(?:on|by|since|until|from|to|of|before|after|between|and)\s+$",
                                  low[:m.start()]) or low[m.end():m.end() + 1] == ","
        if not told_as_a_day:  # "in March 3 people came"
            continue
        first = period.prior_start
        index = first + (MONTHS[name] - 1 - first % 12) % 12  # that month, within the text's year
        out.append(DateRef(index, index, sentence[m.start():m.end()], m.start(), m.end()))
    return out


def _count_is_history(sentence: str, pos: int, period: Period) -> bool:
    """A count in a clause dated only before last year's period ('From 1996-1999 ... 342'),
    or a published study's estimate; a running total ("so far", "since 1999") is not history."""
    a, b = _clause(sentence, pos)
    clause, low = sentence[a:b], _lower(sentence)[a:b]
    if _RUNNING_TOTAL.search(low) or period.years_back > 1:
        return False  # (a text years old: its history and its news are both years old)
    if re.search(r"\b(?:first|initial)\s+$", _lower(sentence)[:pos]):
        return True  # "the first three successful prosecutions" is a milestone
    if _SOURCE_STUDY.search(low) and not any(
            d.end >= period.prior_start for d in find_dates(clause)):
        return True
    dates = [d for d in find_dates(clause) if not _in_parens(clause, d.pos)]
    if any(d.end >= period.prior_start for d in dates):
        return False
    ranges = [r for r in find_ranges(clause) if not _in_parens(clause, r[2])]
    return bool(dates) or bool(ranges)


def stale_figures(sentence: str, period: Period) -> list[Hit]:
    """A count or amount in a carried sentence: last year's figure unless it is history.

    Counts are numbers of cases, arrests, victims, people (what the report
    tallies each year) in a sentence that reports or tallies something.
    Penalties, ages, articles, durations, the size of a range, and figures
    dated before last year's reporting period are not counts of this kind.
    """
    low = _lower(sentence)
    # in a text years old every count is the count of its own year, event or not
    event = period.years_back > 1 or bool(_EVENT.search(low))
    money = bool(_CURRENCY.search(low))
    if not event and not money:
        return []
    for m in _COUNT.finditer(low) if event else ():
        between = low[m.end("num"):m.start("noun")]
        if (_PENALTY_OR_AGE.search(between) or _is_range_tail(low, m.start("num"))
                or _count_is_history(sentence, m.start(), period)):
            continue
        return [_hit("stale-figure", sentence, m.start(), m.end(),
                     f"'{sentence[m.start():m.end()]}' is last year's count, carried unchanged; "
                     f"give the figure for {period.text} or drop it")]
    amounts = _AMOUNT.finditer(low) if money else ()
    percents = _PERCENT.finditer(low) if "%" in low or "percent" in low else ()
    for m in [*amounts, *percents]:
        if _count_is_history(sentence, m.start(), period):
            continue
        if event if m.re is _PERCENT else _FUNDING.search(low):
            return [_hit("stale-figure", sentence, m.start(), m.end(),
                         f"'{sentence[m.start():m.end()]}' is last year's figure, carried "
                         f"unchanged; check it against {period.text}")]
    return []


def _is_range_tail(low: str, pos: int) -> bool:
    """'between five-ten women', 'one to 18 years': the size of a range, not a tally."""
    return bool(re.search(r"(?:between|from|-|to)\s*$", low[max(0, pos - 12):pos]))


def past_due(sentence: str, period: Period) -> list[Hit]:
    """Something expected, planned, due or requested by a date that has now passed.

    'Now' is the end of this reporting period, when the report is written:
    'expected to be approved by the end of 2006' is past due in a report for
    March 2006 - March 2007.
    """
    dates = find_dates(sentence)
    low = _lower(sentence)
    if not dates or _MISSED.search(low):
        return []
    for d in dates:
        if d.end >= period.end:
            continue
        a, _ = _clause(sentence, d.pos)
        lead = low[a:d.pos]
        plan = None
        for m in _PLAN.finditer(lead):
            plan = m
        if plan is None or len(lead[plan.end():].split()) > 14 or _told_as_past(lead, plan):
            continue
        if not _BY.search(low[:d.pos]) and not low[d.pos:].startswith(("late", "early", "end",
                                                                          "mid")):
            continue
        start = a + plan.start()
        return [_hit("past-due", sentence, start, d.endpos,
                     f"'{sentence[start:d.endpos]}': that date has passed "
                     f"(this report runs to {month_label(period.end)}); say what happened")]
    return []


def _told_as_past(lead: str, plan: re.Match) -> bool:
    """'was expected to', 'had planned to': the text already tells the plan as history."""
    return bool(re.search(r"\b(?:was|were|had(?:\s+been)?)\s+(?:\w+ly\s+)?$", lead[:plan.start()]))


def stale_hits(sentence: str, period: Period, *, carried: bool) -> list[Hit]:
    """All sentence-level findings for one sentence; figure, date and time-word checks only
    apply to text carried from last year (the officer's own new text is this year's)."""
    hits = past_due(sentence, period)
    if carried:
        hits += stale_figures(sentence, period)
        hits += stale_dates(sentence, period)
        hits += time_words(sentence)
    return hits
