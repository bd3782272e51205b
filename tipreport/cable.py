"""The cable format, both ways: envelope, page breaks, marks, labels, headings, closing.

Reading: an archive copy of a submission is cleaned line by line (page-break
lines, the archive's paragraph marks, hyphenation at line ends, blank lines a
mirror put inside a sentence), split into header captions and body, and the
body is read as a sequence of *units*: numbered paragraphs, question labels in
any post's scheme (``1A.``, ``-- A.``, ``23A.``, ``27.A.``, ``Question 25 A:``,
``REFTEL Question 27 -- A.``, merged ``J-K.``, ``Section K:`` headings), and
headings (dash-underlined, ALL CAPS, roman-numeral parts). Nothing here knows a
post, a year or a section title: structure only. Every body word ends up in
exactly one place (a question, an answer, a heading, the intro, the closing, the
glossary or the signer), so render can write the same layout back.

Writing: ``entry_lines`` prints one entry the way import reads it back (the
label as written, the question, the answer paragraphs), and ``closing_text``
composes the closing paragraph from the staff-hours log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tipreport import hours
from tipreport.answers import HoursEntry, Meta, join_paragraphs
from tipreport.answers import paragraphs as text_paragraphs

Line = tuple[int, str]  # (1-based line number in the source file, text)

MARK_NAMES = r"U|SBU|C|S|FOUO|U//FOUO|SBU//NF|SBU/NF|C//NF|S//NF|C/NF|S/NF|NF"
MARK = re.compile(rf"^\((?P<mark>{MARK_NAMES})\)\s*")
PAGE_BREAK = re.compile(r"^\s*[A-Z][A-Z .'()-]*\s\d{5,8}\s+\d{1,3}(?:\.\d{1,3})?\s+OF\s+\d{1,3}\s*$")
CHROME = re.compile(r"^\s*(?:#{3,}|={3,}.*={3,}|\*{3,})\s*$")  # archive page rules, "==CABLE ENDS=="
DASH_LINE = re.compile(r"^\s*-(?:\s?-){2,}+[\s-]*+$")  # possessive: linear on 100,000 dashes
NUMBER = re.compile(r"^(?P<num>\d{1,2})\.(?:\s+|(?=\())")
_JOINED = r"[A-Z](?:\s*(?:-|/|,|&|\band\b)\s*[A-Z](?![a-z]))*"
NUM_LETTER = re.compile(rf"^(?:--\s*)?(?P<n>\d{{1,2}})\s?\.?\s?(?P<l>{_JOINED})\.(?=\s|\(|$)")
DASH_LETTER = re.compile(rf"^--\s*(?P<l>{_JOINED})[.:](?=\s|\(|$)")
QUESTION_LABEL = re.compile(
    rf"^(?:REFTEL\s+)?Questions?\s+(?P<n>\d{{1,2}})(?:\s*\.?\s*(?P<l>{_JOINED}))?\s*(?::|--|-|\.)",
    re.IGNORECASE)
BARE_LETTER = re.compile(r"^(?P<l>[A-Z](?:\s*(?:-|/|&|\band\b)\s*[A-Z])?)\.(?=\s|\(|$)")
SECTION_LABEL = re.compile(r"^Section\s+(?P<l>[A-Z])\s*:?$", re.IGNORECASE)
ROMAN = re.compile(r"^(?P<r>[IVX]{1,5})\.\s+\S")
INLINE_DASH_LABEL = re.compile(r"(?<=[.?!:;\"')])\s+(?=--\s?(?P<l>[A-Z])\.\s)")
SENTENCE_END = re.compile(r"[.:?!)\"'\]]$")


def letters_of(label: str) -> str:
    """'B and C' -> 'BC', 'J-K' -> 'JK'."""
    return "".join(ch for ch in re.sub(r"\band\b", "", label) if "A" <= ch <= "Z")


# ---------------------------------------------------------------- line clean-up

# What a YAML file cannot hold (controls, surrogates, U+FFFE/U+FFFF) or would read as a
# line break (U+0085, U+2028, U+2029): a cable carrying them is still read, without them.
_NOT_TEXT = re.compile("[^\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean_lines(text: str) -> list[Line]:
    """Lines with the archive's paragraph marks, no-break spaces and tabs normalised."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00b6", "")
    text = text.replace("\u00a0", " ").replace("\t", " ")
    text = _NOT_TEXT.sub(lambda m: " " if m.group() in "\x0b\x0c\x85\u2028\u2029" else "", text)
    return [(i + 1, ln.rstrip()) for i, ln in enumerate(text.split("\n"))]


def blank(line: Line) -> bool:
    return not line[1].strip()


def drop_page_breaks(lines: list[Line]) -> list[Line]:
    """Remove page-break lines (and archive rules) with the blank lines framing them.

    The archive frames a break with one blank line before and two after; any blank
    beyond that was a real paragraph break and is kept as one.
    """
    out: list[Line] = []
    i, n = 0, len(lines)
    while i < n:
        text = lines[i][1]
        if not (PAGE_BREAK.match(text) or CHROME.match(text)):
            out.append(lines[i])
            i += 1
            continue
        before = 0
        while out and blank(out[-1]):
            out.pop()
            before += 1
        j = i + 1
        after = 0
        while j < n and blank(lines[j]):
            j += 1
            after += 1
        if before + after >= 4 or (before + after in (2, 3) and before and _ends_sentence(out)):
            out.append((lines[i][0], ""))
        i = j
    return out


def _ends_sentence(out: list[Line]) -> bool:
    return bool(out) and bool(SENTENCE_END.search(out[-1][1].rstrip()))


def join(lines: list[str]) -> str:
    """Join wrapped lines into one paragraph, undoing hyphenation at line ends."""
    text = ""
    for raw in lines:
        ln = raw.strip()
        if not ln:
            continue
        if not text:
            text = ln
        elif text[-1] == "-" and len(text) > 1 and text[-2].isalnum() and ln[0].isalnum():
            text += ln
        else:
            text += " " + ln
    return text


# ---------------------------------------------------------------- header

SECTION_LINE = re.compile(
    r"(?P<before>.*?)(?P<sec>(?:UNCLAS|C O N F I D E N T I A L|S E C R E T|CONFIDENTIAL|SECRET)"
    r"(?: E F T O)?(?: SECTION \d+ OF \d+)? [A-Z .]+? \d{6}\s*)$"
)
# A drafted cable's classification line before a serial is assigned: "UNCLAS PHNOM PENH".
CLEAN_SECTION_LINE = re.compile(
    r"^(?P<before>)(?P<sec>(?:UNCLAS|C O N F I D E N T I A L|S E C R E T)(?: E F T O)? [A-Z][A-Z .]*)$")
SERIAL = re.compile(r"^(?:UNCLAS|C O N F I D E N T I A L|S E C R E T|CONFIDENTIAL|SECRET)(?: E F T O)?"
                    r"(?: SECTION \d+ OF \d+)? (?P<origin>[A-Z .]+?) (?P<serial>\d{6})\s*$")
PRECEDENCE = {"Z": "FLASH", "O": "IMMEDIATE", "P": "PRIORITY", "R": "ROUTINE"}
CLASSIFICATIONS = re.compile(
    r"\b(UNCLASSIFIED//FOR OFFICIAL USE ONLY|UNCLASSIFIED|CONFIDENTIAL//NOFORN|CONFIDENTIAL|"
    r"SECRET//NOFORN|SECRET)\b")
REFERENCE_ID = re.compile(r"\b(\d{2}[A-Z]{3,}\d{1,6})\b")


@dataclass
class Header:
    reference_id: str = ""
    classification: str = ""
    date: str = ""
    precedence: str = ""
    from_: str = ""
    to: list[str] = field(default_factory=list)
    info: list[str] = field(default_factory=list)
    office: list[str] = field(default_factory=list)
    sensitive: bool = False
    eo: str = ""
    tags: list[str] = field(default_factory=list)
    subject: str = ""
    ref: list[str] = field(default_factory=list)
    body_start: int = 0
    has_transmission: bool = False
    created: str = ""  # the archive's date for the cable ("2006-03-02 14:02"), where it gives one


_CREATED = re.compile(r"^\s*((?:19|20)\d\d-[01]\d-[0-3]\d)(?:\s+[0-2]\d:[0-5]\d)?\s*$")


def _metadata(lines: list[Line], upto: int, h: Header) -> None:
    """Reference id, classification and date from the archive's metadata block."""
    for _, text in lines[:upto]:
        if not h.created:
            m = _CREATED.match(text)
            if m:
                h.created = m.group(1)
        if not h.reference_id:
            m = REFERENCE_ID.search(text)
            if m and not text.strip().startswith(("VZCZC", "DE ")):
                h.reference_id = m.group(1)
        if not h.classification:
            m = CLASSIFICATIONS.search(text)
            if m:
                h.classification = m.group(1)


def parse_header(lines: list[Line]) -> Header:
    h = Header()
    start = next((i for i, (_, t) in enumerate(lines) if t.lstrip().startswith("VZCZC")), None)
    i = 0
    if start is not None:
        h.has_transmission = True
        _metadata(lines, start, h)
        i = start + 1
    else:
        _metadata(lines, min(len(lines), 40), h)
    n = len(lines)
    mode = ""
    while i < n:
        text = lines[i][1].strip()
        sec = SECTION_LINE.match(text) or CLEAN_SECTION_LINE.match(text)
        if sec and not text.startswith(("SUBJECT", "TAGS")) and mode != "subject":
            before = sec.group("before").strip()
            before = re.sub(r"\s*\d{4}$", lambda m: " " + m.group(0).strip(), before) if before else ""
            if before:
                (h.info if mode == "info" else h.to).append(before)
            h.reference_id = h.reference_id or _reference_id(sec.group("sec"), h.date)
            i += 1
            break
        m = re.match(r"^([OPRZ]{1,2})\s+(\d{6}Z\s+[A-Z]{3}\s+\d{2})$", text)
        if m:
            h.precedence = PRECEDENCE.get(m.group(1)[0], "")
            h.date = re.sub(r"\s+", " ", m.group(2))
        elif text.startswith("FM "):
            h.from_ = text[3:].strip()
            mode = ""
        elif text.startswith("TO "):
            h.to.append(text[3:].strip())
            mode = "to"
        elif text.startswith("INFO "):
            h.info.append(text[5:].strip())
            mode = "info"
        elif mode in ("to", "info") and text:
            (h.to if mode == "to" else h.info).append(text)
        elif start is None and text.startswith(("SUBJECT", "TAGS", "E.O.")):
            break
        i += 1
    return _parse_captions(lines, i, h)


def _reference_id(section_line: str, date: str) -> str:
    """Without archive metadata (a rendered cable) the id is year + origin + serial: 06PHNOMPENH501."""
    m = SERIAL.match(section_line.strip())
    y = re.search(r"\b[A-Z]{3}\s+(\d{2})$", date)
    if not (m and y and int(m.group("serial"))):
        return ""
    return f"{y.group(1)}{m.group('origin').replace(' ', '')}{int(m.group('serial'))}"


def _parse_captions(lines: list[Line], i: int, h: Header) -> Header:
    """SIPDIS, office lines, SENSITIVE, E.O., TAGS, SUBJECT and REF, until the body starts."""
    n = len(lines)
    mode = ""
    seen_subject = False
    while i < n:
        text = lines[i][1].strip()
        upper = text.upper()
        if not text:
            if mode in ("subject", "ref", "tags") and seen_subject:
                # a blank ends a caption; the body follows unless another caption comes
                j = i + 1
                while j < n and blank(lines[j]):
                    j += 1
                if j < n and re.match(r"^(REF|REFS|REFTEL|REFERENCE)\b", lines[j][1].strip(), re.IGNORECASE):
                    i = j
                    continue
                if j < n and _handling_caption(lines[j][1]):  # "SENSITIVE BUT UNCLASSIFIED -- ENTIRE TEXT"
                    h.sensitive = True
                    i = j + 1
                    continue
                i = j
                break
            mode = "" if mode != "ref" else mode
            i += 1
            continue
        words = set(re.findall(r"[A-Z]+", upper))
        if words and words <= _HANDLING and "BUT" not in words - {"SENSITIVE", "UNCLASSIFIED"}:
            h.sensitive = h.sensitive or "SENSITIVE" in words  # "SENSITIVE, SIPDIS", "SBU"
            mode = ""
        elif _EO.match(text):
            h.eo = re.sub(r"\s+", " ", _EO.sub("", text)).strip()
            mode = ""
        elif upper.startswith("TAGS"):
            h.tags = _tags(text.split(":", 1)[1] if ":" in text else text[4:])
            mode = "tags"
        elif upper.startswith("SUBJECT"):
            h.subject = re.sub(r"\s+", " ", text.split(":", 1)[1] if ":" in text else text[7:]).strip()
            mode = "subject"
            seen_subject = True
        elif re.match(r"^(REF|REFS|REFTEL|REFERENCE)\b\s*:?", upper) and seen_subject:
            rest = re.sub(r"^(REF|REFS|REFTEL|REFERENCE)\b\s*:?\s*", "", text, flags=re.IGNORECASE)
            if rest:
                h.ref.append(re.sub(r"\s+", " ", rest))
            mode = "ref"
        elif mode == "tags" and re.fullmatch(r"[A-Z0-9, ]+", text) and not seen_subject:
            h.tags += _tags(text)
        elif mode == "subject":
            h.subject = (h.subject + " " + re.sub(r"\s+", " ", text)).strip()
        elif mode == "ref":
            h.ref.append(re.sub(r"\s+", " ", text))
        elif seen_subject:
            break
        else:
            h.office.append(re.sub(r"\s+", " ", text))
        i += 1
    h.body_start = i
    return h


_HANDLING = {"SIPDIS", "SENSITIVE", "NOFORN", "BUT", "UNCLASSIFIED"}


def _handling_caption(text: str) -> bool:
    words = re.findall(r"[A-Z]+", text.upper())
    return bool(words) and set(words) <= _HANDLING | {"ENTIRE", "TEXT"} and "SENSITIVE" in words
_EO = re.compile(r"^E\.?\s?O\.?\s+(?=\d|N/A)", re.IGNORECASE)  # "E.O. 12958", "E.O 12958"


def _tags(text: str) -> list[str]:
    return [t for t in re.split(r"[,\s]+", text.strip()) if t]



# ---------------------------------------------------------------- body paragraphs

@dataclass
class Para:
    """A paragraph of the body: joined text, the raw lines, and whether it is a heading."""

    line: int
    text: str
    raw: list[str]
    heading: bool = False
    boundary: bool = False  # where one part of a multi-part submission ends and the next begins


PART_BREAK = "\f"  # the line the importer puts between the bodies of two parts


def _heading_like(text: str) -> bool:
    t = text.strip()
    if not t or len(t) > 80 or DASH_LINE.match(t):
        return False
    if t.endswith((",", ";")):
        return False
    return not t.endswith(".") or bool(ROMAN.match(t)) or len(t.split()) <= 2


def _starts_unit(text: str) -> bool:
    """A line that opens a new paragraph even without a blank line above it (mirrors drop them)."""
    t = text.strip()
    m = NUMBER.match(t)
    if m:
        t = t[m.end():]
        return bool(MARK.match(t)) or t[:1].isupper()
    if BARE_LETTER.match(t):
        return _bare_ok(t[BARE_LETTER.match(t).end():])
    return bool(NUM_LETTER.match(t) or DASH_LETTER.match(t) or QUESTION_LABEL.match(t))


def _continues(prev: str, nxt: str) -> bool:
    """A blank line inside a sentence (left by a page break or a mirror) is not a break: the
    next line goes on in lower case ("three U.S. / citizens"), or the line before stops on
    a comma or a word that cannot end one ("Singapore, / Malaysia", "the / Fiscalia")."""
    p, q = prev.rstrip(), nxt.strip()
    if not p or not q or _starts_unit(q) or DASH_LINE.match(q):
        return False
    if q[0].islower():
        return True
    return not SENTENCE_END.search(p) and (p.endswith((",", "(")) or p.split()[-1] in _GOES_ON)


# words no sentence, heading or list item ends on
_GOES_ON = {"the", "a", "an", "of", "and", "or", "to", "in", "for", "by", "with", "from", "on", "at",
            "as", "that", "which", "who", "whose", "than", "into", "its", "their", "his", "her"}


def paragraphs(lines: list[Line]) -> list[Para]:
    out: list[Para] = []
    cur: list[Line] = []

    def flush() -> None:
        if cur:
            out.append(Para(cur[0][0], join([t for _, t in cur]), [t.strip() for _, t in cur]))
            cur.clear()

    i, n = 0, len(lines)
    while i < n:
        ln, t = lines[i]
        if t == PART_BREAK:
            flush()
            out.append(Para(ln, "", [], boundary=True))
            i += 1
            continue
        if not t.strip():
            j = i + 1
            while j < n and blank(lines[j]):
                j += 1
            if cur and j < n and _continues(cur[-1][1], lines[j][1]):
                i = j
                continue
            flush()
            i = j  # the whole run of blank lines at once (one at a time was quadratic)
            continue
        if DASH_LINE.match(t):
            i = _heading_at(lines, i, cur, out, flush)
            continue
        if cur and _starts_unit(t) and SENTENCE_END.search(cur[-1][1].rstrip()):
            flush()
        cur.append((ln, t))
        i += 1
    flush()
    return [p for para in out for p in _split_inline(para)]


def _heading_at(lines: list[Line], i: int, cur: list[Line], out: list[Para], flush) -> int:
    """A dash line at i: a rule above a heading, an underline below one, or a stray piece."""
    n = len(lines)
    k, block = i + 1, []
    while k < n and len(block) < 4 and not blank(lines[k]) and not DASH_LINE.match(lines[k][1]):
        block.append(lines[k])
        k += 1
    if ((not cur or SENTENCE_END.search(cur[-1][1].rstrip())) and block and k < n
            and DASH_LINE.match(lines[k][1]) and all(_heading_like(t) for _, t in block)):
        flush()  # a paragraph a mirror ran into the rule ends above it
        out.append(Para(block[0][0], join([t for _, t in block]),
                        [lines[i][1].strip(), *(t.strip() for _, t in block), lines[k][1].strip()],
                        heading=True))
        return k + 1
    texts = [t.strip() for _, t in cur]
    if (0 < len(cur) <= 3 and all(len(t) <= 80 and not SENTENCE_END.search(t) for t in texts[:-1])
            and _heading_like(texts[-1])):
        take = len(cur)  # the whole paragraph so far: a heading wrapped over lines
    else:  # the last lines of a paragraph a mirror ran into the heading
        take = 0
        while (take < min(3, len(cur)) and _heading_like(cur[-1 - take][1])
               and (take == 0 or not SENTENCE_END.search(cur[-1 - take][1].rstrip()))):
            take += 1
    if take and (take == len(cur) or SENTENCE_END.search(cur[-1 - take][1].rstrip())):
        head = cur[-take:]
        del cur[-take:]
        flush()
        out.append(Para(head[0][0], join([t for _, t in head]),
                        [*(t.strip() for _, t in head), lines[i][1].strip()], heading=True))
        return i + 1
    if out and out[-1].heading and not cur:
        out[-1].raw.append(lines[i][1].strip())  # an underline broken over two lines
    return i + 1


def _split_inline(para: Para) -> list[Para]:
    """One long line holding several answers ('... persons. --A. (SBU) ... --B. (SBU) ...')."""
    if para.heading or "--" not in para.text:
        return [para]
    cuts, want = [], "A"
    for m in INLINE_DASH_LABEL.finditer(para.text):
        letter = m.group("l")
        if letter == want or (cuts and letter == "A"):
            cuts.append(m.start())
            want = chr(ord(letter) + 1)
    if not cuts:
        return [para]
    pieces, start = [], 0
    for c in cuts:
        pieces.append(para.text[start:c].strip())
        start = c
    pieces.append(para.text[start:].strip())
    return [Para(para.line, p, [p]) for p in pieces if p]


# ---------------------------------------------------------------- units

@dataclass
class Label:
    """What a paragraph's opening says: its number, mark, question label and the rest."""

    number: int | None = None
    prefix: str = ""          # the label as written, up to the text (number and marks included)
    letters: str = ""         # "A", "BC" for merged labels
    group: int | None = None  # the instruction cable's paragraph number (23 in "Question 23 A")
    kind: str = ""            # numletter | dash | question | bare | section | number | ""
    mark: str = ""            # the mark right after the label: it belongs to the text
    rest: str = ""


def read_label(text: str) -> Label:
    lab = Label()
    t = text
    m = NUMBER.match(t)
    if m:
        lab.number = int(m.group("num"))
        lab.kind = "number"
        t = t[m.end():]
    pre_mark = MARK.match(t)
    after_mark = t[pre_mark.end():] if pre_mark else t
    for kind, rx in (("numletter", NUM_LETTER), ("dash", DASH_LETTER), ("question", QUESTION_LABEL),
                     ("bare", BARE_LETTER)):
        if kind in ("numletter", "bare") and lab.number is not None:
            continue
        m = rx.match(after_mark)
        if not m:
            continue
        if kind == "bare" and not _bare_ok(after_mark[m.end():]):
            continue
        lab.kind = kind
        lab.letters = letters_of(m.group("l") or "") if "l" in rx.groupindex else ""
        if "n" in rx.groupindex:
            lab.group = int(m.group("n"))
        cut = len(text) - len(after_mark) + m.end()
        lab.prefix = " ".join(text[:cut].split())
        t = text[cut:].lstrip()
        break
    else:
        cut = len(text) - len(t)
        lab.prefix = " ".join(text[:cut].split())
    mm = MARK.match(t)
    if mm:
        lab.mark = mm.group("mark")
        t = t[mm.end():]
    lab.rest = t.strip()
    return lab


def _bare_ok(after: str) -> bool:
    """'A. The government ...' or 'A. (SBU) ...' opens an answer; 'A. Smith said' might not."""
    a = after.lstrip()
    return not a or a.startswith("(") or a[:1].isupper() or a[:1].isdigit()


@dataclass
class Unit:
    """One entry of the body as read: a question with its answer, or a paragraph of its own."""

    kind: str                      # question | extra
    line: int
    label: str = ""
    mark: str = ""
    question: str = ""
    topic: str = ""
    heading: list[str] = field(default_factory=list)   # raw lines printed above it
    paras: list[str] = field(default_factory=list)
    letters: str = ""
    group: tuple | None = None
    number: int | None = None
    takes_numbered: bool = False   # a label standing alone: numbered paragraphs below are its answer


def _question_like(rest: str) -> bool:
    """A restated question asks; a capitalised caption ending in a colon names the topic.
    A sentence ending in a colon ("ratified the following instruments:") is an answer."""
    return "?" in rest or (rest.rstrip().endswith(":") and rest.isupper())


def _inline_topic(text: str) -> str:
    """'SOURCES OF INFORMATION, RELIABILITY:' or 'Summary:' opening a paragraph: a caption in
    capitals or title case, not a sentence that happens to end in a colon."""
    m = re.match(r"^(?P<topic>[A-Z][A-Za-z ,/'()-]{3,70}?):(?:\s+|$)", text)
    if not m or len(m.group("topic").split()) > 8:
        return ""
    topic = m.group("topic").strip()
    words = [w for w in topic.split() if w[0].isalpha()]
    return topic if topic.isupper() or all(w[0].isupper() or len(w) <= 3 for w in words) else ""


def _heading_text(raw: list[str]) -> str:
    return join([r for r in raw if not DASH_LINE.match(r)])


class _Reader:
    """Walks the paragraphs once, deciding for each where it belongs."""

    def __init__(self, paras: list[Para]) -> None:
        self.paras = paras
        self.units: list[Unit] = []
        self.pending: list[list[str]] = []  # headings not yet attached
        self.part_pending = False           # one of them opens a roman-numeral part
        self.cur: Unit | None = None
        self.last_top = 0
        self.list_next = 0
        self.group: tuple | None = None
        self.group_fresh = False
        self.last_letter = ""
        self.runs = 0
        # each paragraph's label read once; a heading's "Section K:" read as its letters
        self.labels = [Label() if p.heading or p.boundary else read_label(p.text) for p in paras]
        self.section_letters = [_section_letters(p) for p in paras]
        self.labelled = any(lab.letters for lab in self.labels) or any(self.section_letters)
        # where the look-ahead of _new_run_ahead stops after each paragraph: the next label,
        # numbered paragraph or part boundary (found once, backwards, so the walk stays linear)
        self.next_stop: list[int | None] = [None] * len(paras)
        stop = None
        for k in range(len(paras) - 1, -1, -1):
            self.next_stop[k] = stop
            lab = self.labels[k]
            if paras[k].boundary or lab.number is not None or lab.letters or self.section_letters[k]:
                stop = k

    # -- helpers
    def _take_heading(self) -> list[str]:
        raw: list[str] = []
        for block in self.pending:
            if raw:
                raw.append("")
            raw.extend(block)
        self.pending, self.part_pending = [], False
        return raw

    def _open(self, unit: Unit) -> Unit:
        unit.heading = self._take_heading()
        if not unit.topic and unit.heading:
            unit.topic = _topic_of(unit.heading)
        self.units.append(unit)
        self.cur = unit
        self.list_next = 0
        return unit

    def _letter_group(self, letters: str) -> tuple:
        first = letters[:1]
        if self.group_fresh:
            self.group_fresh = False
        elif not self.last_letter or first <= self.last_letter[:1] or self.group is None:
            self.runs += 1
            self.group = ("run", self.runs)
        self.last_letter = letters[-1:] or first
        return self.group

    def _over_letters(self, k: int, lab: Label) -> bool:
        """A title-like paragraph directly above letter labels that carry no section."""
        if lab.letters or len(lab.rest) > 250 or len(re.findall(r"[.!?](?:\s|$)", lab.rest)) > 1:
            return False
        nxt = k + 1
        return nxt < len(self.paras) and not self.paras[nxt].heading and _under_parent(self.labels[nxt])

    def _new_run_ahead(self, k: int) -> bool:
        """The next label starts its letters again ("Section A:" after "Section M:"), with only
        plain paragraphs (a note) before it: no numbered paragraph, which opens a unit itself."""
        j = self.next_stop[k]
        if j is None or self.paras[j].boundary or self.labels[j].number is not None:
            return False
        letters = self.section_letters[j] or self.labels[j].letters
        return bool(self.last_letter) and letters[0] <= self.last_letter

    def _is_top(self, lab: Label) -> bool:
        if lab.number is None:
            return False
        if self.cur is None or lab.number == self.last_top + 1:
            if lab.number == self.list_next and not (lab.mark or lab.letters or lab.group):
                return False  # "1. ... 2. ..." inside an answer, colliding with the count
            return True
        # a marked paragraph further on in the count ("2. (U)" closing a partial cable), or a
        # marked "1." starting the count again (the next part of a multi-part submission)
        return bool(lab.mark) and (lab.number > self.last_top or lab.number == 1) \
            and lab.number != self.list_next

    # -- the walk
    def read(self) -> list[Unit]:
        for k, p in enumerate(self.paras):
            if p.boundary:  # the next part numbers its paragraphs from 1 again
                self.last_top, self.list_next = 0, 0
            elif p.heading:
                self._heading(k, p)
            else:
                self._para(k, p)
        if self.pending and self.cur is not None and self.labelled:
            self._content_headings()  # a closing line at the very end stays with the last answer
        elif self.pending:
            self._open(Unit("extra", self.paras[-1].line))
        return self.units

    def _heading(self, k: int, p: Para) -> None:
        text = _heading_text(p.raw)
        letters = self.section_letters[k]
        if letters and self.labelled:
            unit = Unit("question", p.line, label="\n".join(p.raw), letters=letters,
                        group=self._letter_group(letters), takes_numbered=True)
            self._open(unit)
            return
        roman = ROMAN.match(text)
        if roman:  # a roman-numeral part: a section of its own ("III. ... - CONTINUED" goes on)
            group = ("part", roman.group("r"))
            if group != self.group:
                self.group, self.group_fresh, self.last_letter = group, True, ""
            self.part_pending = True
        self.pending.append(p.raw)

    def _para(self, k: int, p: Para) -> None:
        lab = self.labels[k]
        if lab.letters and lab.kind != "number":
            self._labelled(k, p, lab)
            return
        parent = self._over_letters(k, lab)
        if lab.kind == "question" and lab.group is not None:  # "REFTEL Question 27 - Overview"
            if lab.number is not None:
                self.last_top = lab.number
            if parent:
                self._parent(p, lab, ("n", lab.group))
                return
            self._open(Unit("extra", p.line, label=lab.prefix, number=lab.number,
                            paras=[_with_mark(lab)] if lab.rest else [], group=("n", lab.group)))
            return
        if lab.number is not None and self._is_top(lab):
            self.last_top = lab.number
            if parent:
                self._parent(p, lab, ("para", lab.number))
                return
            if self.cur is not None and self.cur.takes_numbered and not self.pending:
                self._content(p.text, lab)
                return
            self._open(Unit("extra", p.line, label=lab.prefix, number=lab.number,
                            paras=[_with_mark(lab)], topic=_inline_topic(lab.rest),
                            group=self.group))
            return
        if self.pending and (self.cur is None or self.part_pending
                             or (self.cur.kind == "extra" and self.cur.number is not None)):
            self._open(Unit("extra", p.line, paras=[p.text], group=self.group))
            return
        if self.pending and self._new_run_ahead(k):  # a section's heading and its note
            self.runs += 1
            self.group, self.group_fresh, self.last_letter = ("run", self.runs), True, ""
            self._open(Unit("extra", p.line, paras=[p.text], group=self.group))
            return
        if self.cur is None:
            self._open(Unit("extra", p.line, paras=[p.text], group=self.group))
            return
        self._content(p.text, lab)

    def _parent(self, p: Para, lab: Label, group: tuple) -> None:
        """A numbered paragraph over lettered questions: printed above the first of them."""
        self.pending.append([p.text])
        self.group, self.group_fresh, self.last_letter = group, True, ""

    def _labelled(self, k: int, p: Para, lab: Label) -> None:
        if lab.group is not None:
            group: tuple = ("n", lab.group)
            if self.group != group:
                self.group, self.last_letter = group, ""
            self.group_fresh = False
            self.last_letter = lab.letters[-1:]
        else:
            group = self._letter_group(lab.letters)
        if lab.number is not None:
            self.last_top = lab.number
        unit = Unit("question", p.line, label=lab.prefix, letters=lab.letters, group=group,
                    number=lab.number, takes_numbered=not lab.rest)
        nxt = self.paras[k + 1] if k + 1 < len(self.paras) else None
        follows = nxt is not None and not nxt.heading and not _opens_unit(self.labels[k + 1])
        if lab.rest and _question_like(lab.rest) and follows:
            unit.question, unit.mark = lab.rest, lab.mark
            unit.topic = _inline_topic(lab.rest) if lab.rest.isupper() else ""
        elif lab.rest:
            unit.paras.append(_with_mark(lab))
            unit.topic = _inline_topic(lab.rest)
        self._open(unit)

    def _content(self, text: str, lab: Label) -> None:
        cur = self.cur
        assert cur is not None
        self._content_headings()
        if lab.number is not None:
            self.list_next = lab.number + 1
        cur.paras.append(text)

    def _content_headings(self) -> None:
        """An underlined sub-heading inside an answer stays in it, as a line of text."""
        assert self.cur is not None
        for block in self._take_heading_blocks():
            self.cur.paras.append(_heading_text(block))

    def _take_heading_blocks(self) -> list[list[str]]:
        blocks, self.pending, self.part_pending = self.pending, [], False
        return blocks


def _section_letters(p: Para) -> str:
    m = SECTION_LABEL.match(_heading_text(p.raw)) if p.heading else None
    return m.group("l").upper() if m else ""


def _opens_question(lab: Label) -> bool:
    return bool(lab.letters) and lab.kind != "number"


def _under_parent(lab: Label) -> bool:
    """A letter label that carries no section of its own ('-- A.', 'A.') sits under a parent."""
    return lab.kind in ("dash", "bare") and bool(lab.letters)


def _opens_unit(lab: Label) -> bool:
    return _opens_question(lab) or (lab.kind == "question" and lab.group is not None)


def _with_mark(lab: Label) -> str:
    return f"({lab.mark}) {lab.rest}".strip() if lab.mark else lab.rest


def heading_blocks(raw: list[str]) -> list[list[str]]:
    """Stacked headings (a part's title over a topic) are kept apart by a blank line."""
    blocks: list[list[str]] = [[]]
    for r in raw:
        if r == "":
            blocks.append([])
        else:
            blocks[-1].append(r)
    return [b for b in blocks if b]


def heading_title(block: list[str]) -> str:
    """A heading's words: no underline, no paragraph number or mark, no closing colon."""
    text = _heading_text(block)
    m = NUMBER.match(text)
    if m:
        text = text[m.end():]
    return MARK.sub("", text).strip().rstrip(":").strip()


def _topic_of(raw: list[str]) -> str:
    """The last heading block's title: the one nearest the question."""
    blocks = heading_blocks(raw)
    return heading_title(blocks[-1]) if blocks else ""


def read_units(lines: list[Line]) -> list[Unit]:
    return _Reader(paragraphs(lines)).read()


GLOSSARY_ENTRY = re.compile(r"^(?P<abbr>[A-Z][A-Za-z0-9&/'.-]*[A-Za-z0-9)](?:\s[A-Z0-9][A-Z0-9&/-]*)?):"
                            r"\s+(?P<exp>\S.*)$")

# ---------------------------------------------------------------- closing paragraph

_DRAFTERS = re.compile(r"^(?P<who>.+?)\s+drafted\b", re.IGNORECASE)
_POC = re.compile(r"\bPOC\s+for\s+this\s+(?:cable|report|submission)\s+is\s+(?P<poc>[^\n]+?)\.?\s*(?:\n|$)",
                  re.IGNORECASE)


def parse_closing(text: str) -> tuple[str, list[HoursEntry], str]:
    """Drafters, staff-hours log and point of contact from the closing paragraph."""
    text = "\n\n".join(MARK.sub("", p) for p in text_paragraphs(text))
    drafters = m.group("who").strip() if (m := _DRAFTERS.search(text)) else ""
    poc = m.group("poc").strip() if (m := _POC.search(text)) else ""
    from tipreport import staffhours

    found, _total = staffhours.parse_hours(text)
    hours = [HoursEntry(e.who or (drafters or "drafting officers" if e.role == "officer" else ""),
                        e.role or "staff", e.hours) for e in found if e.hours > 0]
    return drafters, hours, poc


# ---------------------------------------------------------------- glossary and signer

_TRAILER = re.compile(r"^(?:\d{1,3}|#|(?:SENSITIVE BUT )?UNCLASSIFIED(?://FOR OFFICIAL USE ONLY)?|"
                      r"CONFIDENTIAL|SECRET|NNNN|END TEXT\.?)$")
_SIGNER = re.compile(r"[A-Za-z .'-]+")


def signer_at_end(lines: list[Line]) -> tuple[int | None, str]:
    """The chief of mission's surname closing the cable, and its line index.

    Archive debris after it (a page number, the classification repeated) is passed
    over; the name stands alone, after a blank line or after a finished sentence.
    """
    k = len(lines) - 1
    while k >= 0 and (blank(lines[k]) or _TRAILER.match(lines[k][1].strip())):
        k -= 1
    if k < 0:
        return None, ""
    last = lines[k][1].strip().lstrip("#").strip()
    if (":" in last or last.endswith((".", ",")) or not 1 <= len(last.split()) <= 3
            or not _SIGNER.fullmatch(last)):
        return None, ""
    before = lines[k - 1][1].rstrip() if k > 0 else ""
    if not before.strip() or (last.isupper() and SENTENCE_END.search(before)):
        return k, last
    return None, ""


def glossary(lines: list[Line]) -> tuple[dict[str, str], str]:
    """Entries 'ABBR: expansion' (continued on following lines) and the signer below them."""
    at, signer = signer_at_end(lines)
    content = [ln for ln in (lines[:at] if at is not None else lines) if not blank(ln)]
    glossary: dict[str, str] = {}
    current = None
    for _, text in content:
        m = GLOSSARY_ENTRY.match(text.strip())
        if m:
            current = m.group("abbr")
            glossary[current] = re.sub(r"\s+", " ", m.group("exp").strip())
        elif current is not None:
            glossary[current] = join([glossary[current], text])
    return glossary, signer


_LEAD_IN = re.compile(r"^(?:the\s+following\s+)?(?:abbreviations|acronyms)\b", re.IGNORECASE)


def glossary_start(body: list[Line]) -> int | None:
    """Index of the line that ends the glossary's lead-in ("Abbreviations are used in this
    report:", in any wording, even wrapped), when entries follow it; else None."""
    for k in range(len(body) - 1, -1, -1):
        if not _LEAD_IN.match(body[k][1].strip()):
            continue
        for end in range(k, min(k + 3, len(body))):
            if blank(body[end]):
                break
            if body[end][1].rstrip().endswith(":"):
                following = next((ln[1].strip() for ln in body[end + 1:] if not blank(ln)), "")
                if GLOSSARY_ENTRY.match(following):
                    return end
                break
    return None


def signer_only(lines: list[Line]) -> tuple[list[Line], str]:
    at, signer = signer_at_end(lines)
    return (lines[:at], signer) if at is not None else (lines, "")


# ---------------------------------------------------------------- writing

HOURS_MARKER = "[TODO: STAFF HOURS NOT LOGGED]"


def closing_paragraph(meta: Meta) -> str:
    """The closing paragraph as render prints it (the importer compares against it)."""
    return compose_closing(meta)[0]


def compose_closing(meta: Meta) -> tuple[str, list[str], list[str]]:
    """The closing paragraph, what --final must refuse on, and softer warnings.

    Wording as in the 2006 submission: "<drafters> drafted this submission and
    estimates that the drafting of this report required <note>.  Embassy POC for
    this cable is <poc>."
    """
    note = hours.note(meta.staff_hours)
    if meta.closing.strip():
        warnings = [f"meta.closing is printed as written, so the staff-hours log ({note}) is not "
                    "used; empty meta.closing to have the note computed"] if note else []
        return join_paragraphs(text_paragraphs(meta.closing)), [], warnings
    blockers: list[str] = []
    warnings = []
    first_role = hours.by_role(meta.staff_hours)[:1]
    drafters = meta.drafters.strip() or hours.series(first_role[0].people if first_role else ())
    if not drafters:
        warnings.append("meta.drafters is empty; the closing paragraph names no drafters")
    if note:
        lead = (f"{drafters} drafted this submission and estimates" if drafters
                else f"Embassy {meta.post} estimates")
        sentences = [f"{lead} that the drafting of this report required {note}."]
    else:
        blockers.append("no staff hours logged (tipreport hours add FILE --who NAME "
                        "--role ROLE --hours N)")
        sentences = [f"{drafters} drafted this submission." if drafters else "", HOURS_MARKER]
    poc = meta.point_of_contact.strip().rstrip(".")
    if poc:
        sentences.append(f"Embassy POC for this cable is {poc}.")
    else:
        warnings.append("meta.point_of_contact is empty; the closing paragraph names no POC")
    return "  ".join(s for s in sentences if s), blockers, warnings




def entry_lines(label: str, mark: str, question: str, paras: list[str],
                heading: str = "") -> list[str]:
    """One entry as cable logical lines (one paragraph a line, "" between paragraphs)."""
    out: list[str] = []
    if heading:
        out += [*heading.split("\n"), ""]  # as written: stacked headings keep their blank line
    first = list(paras)
    if "\n" in label:  # a label that is a heading of its own ("Section K:" underlined)
        out += [*label.split("\n"), ""]
        label = ""
    if question:
        qtext = f"({mark}) {question}" if mark else question
        out += [f"{label}  {qtext}".strip(), ""]
    elif label:
        lead = first.pop(0) if first else ""
        out += [f"{label}  {lead}".rstrip(), ""]
    for k, p in enumerate(first):
        followed = k + 1 < len(first)
        out += [p, "-" * len(p), ""] if followed and is_sub_heading(p) else [p, ""]
    return out


def is_sub_heading(paragraph: str) -> bool:
    """A short title-cased or capitalised line with no sentence in it: a heading an answer
    carries inside it (import keeps an underlined heading inside an answer as such a line,
    and render underlines it again)."""
    p = paragraph.strip()
    words = p.split()
    if (not (1 <= len(words) <= 12) or len(p) > 80 or not p[0].isupper() or p[-1] in ".,;:?!"
            or any(ch.isdigit() for ch in p)):
        return False
    if NUMBER.match(p) or MARK.match(p) or read_label(p).letters:
        return False
    return p.isupper() or all(w[0].isupper() or len(w) <= 3 for w in words if w[0].isalpha())
