"""Import a submission cable (text as exported from an archive) into answers data.

The archive copy is messy: web-page chrome, transmission header, page-break
lines inside sentences, words hyphenated across line ends, dash-underlined
headings broken in two, stray paragraph marks. The importer sees through all
of it and keeps every word of every answer, in order. Question ids and the
section count come from the cable itself, never from a fixed list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from tipreport.answers import Answer, HoursEntry, Meta, Provenance, fingerprint, join_paragraphs
from tipreport.errors import InputError
from tipreport.questionnaire import DEFAULT_SECTION_TITLES, Question, Questionnaire, Section

Line = tuple[int, str]  # (1-based line number in the source file, text)

PAGE_BREAK = re.compile(r"^\s*[A-Z][A-Z .'()-]*\s\d{5,8}\s+\d{1,3}\s+OF\s+\d{1,3}\s*$")
DASH_LINE = re.compile(r"^\s*-{3,}[ -]*$")
SECTION_LINE = re.compile(
    r"(?P<before>.*?)(?P<sec>(?<![A-Z])(?:UNCLAS|C O N F I D E N T I A L|S E C R E T|CONFIDENTIAL|SECRET)"
    r"(?: E F T O)?(?: SECTION \d+ OF \d+)? [A-Z .]+? \d{6}\s*)$"
)
# A drafted cable's classification line before a serial is assigned: "UNCLAS PHNOM PENH".
CLEAN_SECTION_LINE = re.compile(
    r"^(?P<before>)(?P<sec>(?:UNCLAS|C O N F I D E N T I A L|S E C R E T)(?: E F T O)? [A-Z][A-Z .]*)$")
SERIAL = re.compile(r"^(?:UNCLAS|C O N F I D E N T I A L|S E C R E T|CONFIDENTIAL|SECRET)(?: E F T O)?"
                    r"(?: SECTION \d+ OF \d+)? (?P<origin>[A-Z .]+?) (?P<serial>\d{6})\s*$")
LABEL = re.compile(r"^(?P<num>[1-9])?(?P<letter>[A-Z])\.\s+(?:\((?P<mark>U|SBU|C|S|FOUO)\)\s*)?")
MARK = re.compile(r"^\((?P<mark>U|SBU|C|S|FOUO)\)\s+")
NUMBERED = re.compile(r"^(?P<n>\d{1,2})\.\s+(?:\((?P<mark>U|SBU|C|S)\)\s+)?")
GLOSSARY_ENTRY = re.compile(r"^(?P<abbr>[A-Z][A-Za-z0-9&/'.-]*[A-Za-z0-9)](?:\s[A-Z0-9][A-Z0-9&/-]*)?):"
                            r"\s+(?P<exp>\S.*)$")
PRECEDENCE = {"Z": "FLASH", "O": "IMMEDIATE", "P": "PRIORITY", "R": "ROUTINE"}
CLASSIFICATIONS = re.compile(
    r"\b(UNCLASSIFIED//FOR OFFICIAL USE ONLY|UNCLASSIFIED|CONFIDENTIAL//NOFORN|CONFIDENTIAL|"
    r"SECRET//NOFORN|SECRET)\b")
REFERENCE_ID = re.compile(r"\b(\d{2}[A-Z]{3,}\d{1,6})\b")


@dataclass
class Imported:
    """What one cable yields: answers-file content plus the questionnaire it implies."""

    meta: Meta
    answers: list[Answer]
    glossary: dict[str, str]
    questionnaire: Questionnaire
    closing: str = ""
    warnings: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- line clean-up

def _lines(text: str) -> list[Line]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00b6", "")
    text = text.replace("\u00a0", " ").replace("\t", "    ")
    return [(i + 1, ln.rstrip()) for i, ln in enumerate(text.split("\n"))]


def _blank(line: Line) -> bool:
    return not line[1].strip()


def _drop_page_breaks(lines: list[Line]) -> list[Line]:
    """Remove page-break lines and the blank lines the archive put around them.

    The archive frames each break with one blank line before and two after;
    any blank beyond that was a real paragraph break and is kept as one.
    """
    out: list[Line] = []
    i = 0
    n = len(lines)
    while i < n:
        if not PAGE_BREAK.match(lines[i][1]):
            out.append(lines[i])
            i += 1
            continue
        before = 0
        while out and _blank(out[-1]):
            out.pop()
            before += 1
        j = i + 1
        after = 0
        while j < n and _blank(lines[j]):
            j += 1
            after += 1
        if before + after >= 4 or (before + after < 3 and (before or after) and before + after >= 2
                                   and _ends_sentence(out)):
            out.append((lines[i][0], ""))
        i = j
    return out


def _ends_sentence(out: list[Line]) -> bool:
    return bool(out) and out[-1][1].rstrip().endswith((".", ":", "?", ")"))


def _join(lines: list[str]) -> str:
    """Join wrapped lines into one paragraph, undoing hyphenation at line ends."""
    text = ""
    for raw in lines:
        ln = raw.strip()
        if not ln:
            continue
        if not text:
            text = ln
        elif re.search(r"[A-Za-z0-9]-$", text) and not text.endswith("--"):
            text += ln
        else:
            text += " " + ln
    return text


def _paragraphs(lines: list[Line]) -> list[list[Line]]:
    paras: list[list[Line]] = []
    cur: list[Line] = []
    for ln in lines:
        if _blank(ln):
            if cur:
                paras.append(cur)
                cur = []
        else:
            cur.append(ln)
    if cur:
        paras.append(cur)
    return paras


# ---------------------------------------------------------------- header

@dataclass
class _Header:
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


def _metadata(lines: list[Line], upto: int, h: _Header) -> None:
    """Reference id and classification from the archive's metadata block."""
    for _, text in lines[:upto]:
        if not h.reference_id:
            m = REFERENCE_ID.search(text)
            if m and not text.strip().startswith(("VZCZC", "DE ")):
                h.reference_id = m.group(1)
        if not h.classification:
            m = CLASSIFICATIONS.search(text)
            if m:
                h.classification = m.group(1)


def _parse_header(lines: list[Line]) -> _Header:
    h = _Header()
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


def _parse_captions(lines: list[Line], i: int, h: _Header) -> _Header:
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
                while j < n and _blank(lines[j]):
                    j += 1
                if j < n and re.match(r"^(REF|REFS|REFTEL|REFERENCE)\b", lines[j][1].strip()):
                    i = j
                    continue
                i = j
                break
            mode = "" if mode != "ref" else mode
            i += 1
            continue
        if upper in ("SIPDIS", "SENSITIVE", "SENSITIVE SIPDIS", "NOFORN"):
            h.sensitive = h.sensitive or upper.startswith("SENSITIVE")
            mode = ""
        elif upper.startswith("E.O.") or upper.startswith("E. O."):
            h.eo = re.sub(r"\s+", " ", re.sub(r"^E\.\s?O\.", "", text, flags=re.IGNORECASE)).strip()
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


def _tags(text: str) -> list[str]:
    return [t for t in re.split(r"[,\s]+", text.strip()) if t]


# ---------------------------------------------------------------- body

@dataclass
class _Block:
    kind: str  # heading | question | para | numbered
    line: int
    text: str
    qid: str = ""
    mark: str = ""
    number: int = 0


def _blocks(paras: list[list[Line]]) -> list[_Block]:
    """Classify paragraphs: dash-underlined heading, question label, numbered or plain."""
    out: list[_Block] = []
    for para in paras:
        texts = [t for _, t in para]
        line = para[0][0]
        # heading: text line(s) followed by dash line(s), possibly directly above a label
        dash_at = next((k for k, t in enumerate(texts) if DASH_LINE.match(t)), None)
        if dash_at is not None and dash_at > 0:
            out.append(_Block("heading", line, _join(texts[:dash_at])))
            rest = [ln for ln in para[dash_at + 1:] if not DASH_LINE.match(ln[1])]
            if rest:
                out.extend(_blocks([rest]))
            continue
        if dash_at == 0 and all(DASH_LINE.match(t) for t in texts):
            continue  # stray dash line (second half of a broken underline)
        joined = _join(texts)
        m = LABEL.match(joined)
        if m and len(joined) > m.end():
            out.append(_Block("question", line, joined[m.end():].strip(),
                              qid=(m.group("num") or "") + m.group("letter"), mark=m.group("mark") or ""))
            continue
        m = NUMBERED.match(joined)
        if m:
            out.append(_Block("numbered", line, joined[m.end():].strip(), number=int(m.group("n")),
                              mark=m.group("mark") or ""))
            continue
        out.append(_Block("para", line, joined))
    return out


def _assign_sections(blocks: list[_Block]) -> None:
    """Labels like 'A.' under a numbered paragraph take that paragraph's order as section."""
    if any(b.kind == "question" and len(b.qid) == 2 for b in blocks):
        for b in blocks:
            if b.kind == "question" and len(b.qid) == 1:
                b.kind = "para"
                b.text = f"{b.qid}. {b.text}"
        return
    section = 0
    for b in blocks:
        if b.kind == "numbered":
            section += 1
        elif b.kind == "question":
            b.qid = f"{max(section, 1)}{b.qid}"


_INLINE_TOPIC = re.compile(r"^(?P<topic>[A-Z][A-Za-z ,/'-]{3,70}?):\s+(?=[A-Z])")


def _inline_topic(text: str) -> str:
    m = _INLINE_TOPIC.match(text)
    if m and "?" not in m.group("topic") and len(m.group("topic").split()) <= 8:
        return m.group("topic").strip()
    return ""


# ---------------------------------------------------------------- closing paragraph

_HOURS = re.compile(
    r"required\s+(?P<total>\d+(?:\.\d+)?)\s+hours?\s+of\s+staff\s+time"
    r"(?:,?\s*including\s+(?P<parts>\d[^.]*?(?:\.\d[^.]*?)*))?\s*\.(?!\d)", re.IGNORECASE)
# one share of the "including" part: "10 hours of a local FSN political assistant", up to the next share
_SHARE = re.compile(
    r"(?P<hours>\d+(?:\.\d+)?)\s+hours?\s+(?:of|by|from)\s+(?:(?:an?|the)\s+)?(?P<role>.+?)"
    r"(?=,?\s+and\s+\d|,\s*\d|$)", re.IGNORECASE)
_DRAFTERS = re.compile(r"^(?P<who>.+?)\s+drafted\b", re.IGNORECASE)
_POC = re.compile(r"\bPOC\s+for\s+this\s+(?:cable|report|submission)\s+is\s+(?P<poc>[^\n]+?)\.?\s*(?:\n|$)",
                  re.IGNORECASE)


def parse_closing(text: str) -> tuple[str, list[HoursEntry], str]:
    """Drafters, staff-hours log and point of contact from the closing paragraph."""
    drafters = m.group("who").strip() if (m := _DRAFTERS.search(text)) else ""
    poc = m.group("poc").strip() if (m := _POC.search(text)) else ""
    hours: list[HoursEntry] = []
    m = _HOURS.search(text)
    if m:
        total = float(m.group("total"))
        shares = [HoursEntry("", s.group("role").strip(" ,"), float(s.group("hours")))
                  for s in _SHARE.finditer(" ".join((m.group("parts") or "").split()))]
        part = sum(e.hours for e in shares)
        if not shares or part > total:
            shares, part = [], 0.0  # a log that does not add up: the drafters' total alone
        hours = [HoursEntry(drafters or "drafting officers", "officer", total - part)] if total > part else []
        hours += shares
    return drafters, hours, poc


# ---------------------------------------------------------------- glossary and signer

def _glossary(lines: list[Line]) -> tuple[dict[str, str], str]:
    """Entries 'ABBR: expansion' (continued on following lines) and the signer below them."""
    content = [ln for ln in lines if not _blank(ln)]
    signer = ""
    if content:
        last = content[-1][1].strip()
        idx = lines.index(content[-1])
        preceded_by_blank = idx > 0 and _blank(lines[idx - 1])
        if (preceded_by_blank and ":" not in last and not last.endswith((".", ","))
                and 1 <= len(last.split()) <= 3 and re.fullmatch(r"[A-Za-z .'-]+", last)):
            signer = last
            content = content[:-1]
    glossary: dict[str, str] = {}
    current = None
    for _, text in content:
        m = GLOSSARY_ENTRY.match(text.strip())
        if m:
            current = m.group("abbr")
            glossary[current] = re.sub(r"\s+", " ", m.group("exp").strip())
        elif current is not None:
            glossary[current] = _join([glossary[current], text])
    return glossary, signer


_LEAD_IN = re.compile(r"^(?:the\s+following\s+)?(?:abbreviations|acronyms)\b", re.IGNORECASE)


def _glossary_start(body: list[Line]) -> int | None:
    """Index of the line that ends the glossary's lead-in ("Abbreviations are used in this
    report:", in any wording, even wrapped), when entries follow it; else None."""
    for k in range(len(body) - 1, -1, -1):
        if not _LEAD_IN.match(body[k][1].strip()):
            continue
        for end in range(k, min(k + 3, len(body))):
            if _blank(body[end]):
                break
            if body[end][1].rstrip().endswith(":"):
                following = next((ln[1].strip() for ln in body[end + 1:] if not _blank(ln)), "")
                if GLOSSARY_ENTRY.match(following):
                    return end
                break
    return None


def _signer_only(lines: list[Line]) -> tuple[list[Line], str]:
    _, signer = _glossary(lines[-3:]) if lines else ({}, "")
    if signer:
        last = max(i for i, ln in enumerate(lines) if not _blank(ln))
        return lines[:last], signer
    return lines, ""


# ---------------------------------------------------------------- the whole cable

def parse(text: str, path: str | Path = "<cable>") -> Imported:
    """Parse cable text into answers, meta, glossary and the implied questionnaire."""
    if not text.strip():
        raise InputError(path, "file is empty; expected a submission cable")
    lines = _lines(text)
    header = _parse_header(lines)
    body = _drop_page_breaks(lines[header.body_start:])
    glossary: dict[str, str] = {}
    signer = ""
    gstart = _glossary_start(body)
    if gstart is not None:
        glossary, signer = _glossary(body[gstart + 1:])
        body = body[:gstart]
    else:
        body, signer = _signer_only(body)
    blocks = _blocks(_paragraphs(body))
    _assign_sections(blocks)
    questions = [b for b in blocks if b.kind == "question"]
    if not questions:
        if header.has_transmission or header.subject:
            raise InputError(path, "this cable has no questionnaire answers (no '1A.'-style question "
                             "labels); it is not a TIP report submission")
        raise InputError(path, "not a submission cable: no cable header and no question labels found")
    return _assemble(blocks, header, glossary, signer, path)


_CLOSING_WORDS = re.compile(r"\bdrafted\b|\bstaff\s+time\b|\bhours\b|\bPOC\b|point of contact",
                            re.IGNORECASE)


def _is_closing(b: _Block, k: int, last_q: int, last_number: int, list_next: int) -> bool:
    """The closing paragraph is the next cable paragraph number after the last question.

    A numbered list inside the last answer ("1. AFESIP ... 2. CWCC") also counts
    up; where the numbers collide, the closing is the one that talks of drafting,
    staff time or the POC, or carries a classification mark.
    """
    if b.kind != "numbered" or k < last_q or b.number < 2:
        return False
    if last_number and b.number != last_number + 1:
        return False
    return b.number != list_next or bool(b.mark) or bool(_CLOSING_WORDS.search(b.text))


def _assemble(blocks: list[_Block], header: _Header, glossary: dict[str, str], signer: str,
              path: str | Path) -> Imported:
    intro, closing, topic = "", "", ""
    last_number = list_next = 0
    last_q = max((k for k, b in enumerate(blocks) if b.kind == "question"), default=-1)
    current: dict | None = None
    entries: list[dict] = []
    warnings: list[str] = []
    marks = False
    for k, b in enumerate(blocks):
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        if b.kind == "heading" and nxt is not None and nxt.kind in ("question", "heading"):
            topic = b.text if nxt.kind == "question" else topic  # a section title above a topic
            continue
        if b.kind == "question":
            if any(e["id"] == b.qid for e in entries):
                raise InputError(path, f"question {b.qid} appears twice", b.line)
            marks = marks or bool(b.mark)
            current = {"id": b.qid, "topic": topic or _inline_topic(b.text), "text": b.text,
                       "paras": [], "line": b.line}
            entries.append(current)
            topic, list_next = "", 0
            continue
        if b.kind == "numbered" and not entries and b.number == 1 and not intro:
            intro, last_number = b.text, 1
            continue
        if _is_closing(b, k, last_q, last_number, list_next) and not closing:
            closing, last_number, current = b.text, b.number, None
            continue
        text = b.text
        if b.kind == "numbered":  # a numbered list inside an answer: keep its numbers and marks
            list_next = b.number + 1
            text = f"{b.number}. " + (f"({b.mark}) " if b.mark else "") + b.text
        if current is not None:
            marks = marks or bool(MARK.match(text))
            current["paras"].append(text)
        elif closing:
            closing += "\n\n" + text
        elif intro:
            intro += "\n\n" + text
        else:
            warnings.append(f"line {b.line}: text before the first question was not imported")
    return _result(entries, header, glossary, signer, intro, closing, marks, warnings)


def _report_year(header: _Header, intro: str) -> int:
    for source in (header.subject, intro):
        m = re.search(r"\b((?:19|20)\d{2})\s+TRAFFICKING\s+IN\s+PERSONS", source, re.IGNORECASE)
        if m:
            return int(m.group(1))
    m = re.search(r"\d{6}Z\s+[A-Z]{3}\s+(\d{2})", header.date)
    return 2000 + int(m.group(1)) if m else 0


def _country(header: _Header, intro: str) -> str:
    for source in (header.subject, intro):
        m = re.search(r"REPORT\s+(?:FOR|ON)\s+([A-Za-z ,'-]+?)\s*(?:[,.(]|$)", source, re.IGNORECASE)
        if m:
            return m.group(1).strip().title()
    return header.tags[-1] if header.tags else "Unknown"


def _post(header: _Header) -> str:
    m = re.match(r"^(?:AMEMBASSY|AMCONSUL|USMISSION|AMEMBASSY)\s+(.+)$", header.from_)
    return (m.group(1) if m else header.from_ or "Unknown").title()


def _result(entries, header: _Header, glossary, signer, intro, closing, marks, warnings) -> Imported:
    year = _report_year(header, intro)
    period = ""
    m = re.search(r"covering\s+the\s+period\s+(?:of\s+)?(.+?)\.\s", intro + " ")
    if m:
        period = re.sub(r"\s+", " ", m.group(1))
    drafters, hours, poc = parse_closing(closing)
    answers = []
    for e in entries:
        text = join_paragraphs(e["paras"])
        answers.append(Answer(
            id=e["id"], text=text, status="imported",
            provenance=Provenance("imported", year or None, (e["id"],), header.reference_id,
                                  fingerprint(text)),
        ))
    numbers = sorted({int(e["id"][0]) for e in entries})
    questionnaire = Questionnaire(
        year=year,
        reftel=header.ref[0] if header.ref else "",
        reporting_period=period,
        sections=tuple(Section(n, DEFAULT_SECTION_TITLES.get(n, f"Section {n}")) for n in numbers),
        questions=tuple(Question(e["id"], int(e["id"][0]), e["topic"], e["text"]) for e in entries),
        marks_required=marks,
        partial=_partial(entries),
        source=header.reference_id,
    )
    meta = Meta(
        country=_country(header, intro), post=_post(header), year=year, questionnaire=str(year),
        reporting_period=period or "unknown",
        classification=header.classification or "UNCLASSIFIED",
        reference_id=header.reference_id, date=header.date, from_=header.from_,
        to=tuple(header.to), info=tuple(header.info), office=tuple(header.office),
        sensitive=header.sensitive, eo=header.eo, tags=tuple(header.tags), subject=header.subject,
        ref=tuple(header.ref), intro=intro, drafters=drafters, point_of_contact=poc,
        signer=signer, staff_hours=tuple(hours),
    )
    if closing and not _recomposes(closing, meta):
        meta = replace(meta, closing=closing)  # render could not rebuild it: keep it as written
    return Imported(meta, answers, glossary, questionnaire, closing, warnings)


def _recomposes(closing: str, meta: Meta) -> bool:
    """True when render rebuilds the closing word for word from drafters, hours and POC;
    otherwise the closing is kept as written, so no word of it is lost."""
    from tipreport.render import closing_paragraph

    return closing_paragraph(meta).split() == closing.split()


def _partial(entries: list[dict]) -> bool:
    """A cable that starts past 1A, or skips letters, answers only part of the questionnaire."""
    ids = [e["id"] for e in entries]
    return not ids or ids[0] != "1A"


def import_file(path: str | Path) -> Imported:
    from tipreport.yamlio import read_text

    return parse(read_text(path), path)
