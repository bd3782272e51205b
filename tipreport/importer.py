"""Import a submission cable (text as exported from an archive) into answers data.

cable.py reads the cable's structure (header, units, glossary, signer); this
module decides what each unit is for the answers file: the intro, the closing
(drafters, staff hours, point of contact, wherever the post put it), and one
entry per question or extra paragraph, with the post's own labels, headings and
marks kept as data in the questionnaire it writes beside the answers. Question
ids are ``<section><letters>`` (``1A``, ``3BC`` for a merged "B and C"), or
``<section>P<n>`` for a numbered paragraph that answers no question, and
``<section>H<k>`` for a headed passage of a narrative submission; the section is
the cable's own grouping, never a fixed list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from tipreport import cable, stale
from tipreport.answers import Answer, Meta, Provenance, fingerprint, join_paragraphs
from tipreport.answers import paragraphs as text_paragraphs
from tipreport.errors import InputError
from tipreport.questionnaire import Question, Questionnaire, Section

_PART = re.compile(r"\bPART\s+(?P<n>\d{1,2})\s+OF\s+(?P<m>\d{1,2})\b", re.IGNORECASE)
MAX_CAPTION_LINES = 500  # the real headers have under 60 addressee lines
MAX_PARAGRAPHS = 10_000  # the real submissions hold 150 to 700
MAX_ENTRIES = 500  # the real submissions hold 13 to 60; State asks some 40 questions a year
_POC_WORDS = re.compile(r"\bPOC\b|point\s+of\s+contact|\bdrafted\b", re.IGNORECASE)


@dataclass
class Imported:
    """What one cable yields: answers-file content plus the questionnaire it implies."""

    meta: Meta
    answers: list[Answer]
    glossary: dict[str, str]
    questionnaire: Questionnaire
    closing: str = ""
    warnings: list[str] = field(default_factory=list)
    period_derived: bool = False  # meta.reporting_period is the twelve months to the cable's date


@dataclass
class _Part:
    path: str | Path
    header: cable.Header
    body: list[cable.Line]
    glossary: dict[str, str]
    signer: str
    number: int | None
    of: int | None


def _read_part(text: str, path: str | Path) -> _Part:
    if not text.strip():
        raise InputError(path, "file is empty; expected a submission cable")
    lines = cable.clean_lines(text)
    header = cable.parse_header(lines)
    captions = max(len(header.to) + len(header.info), len(header.office), len(header.ref))
    if captions > MAX_CAPTION_LINES:
        raise InputError(path, f"{captions:,} addressee, office or REF lines in the header; a cable "
                         f"header has a few dozen: this is not a cable tipreport can import")
    body = cable.drop_page_breaks(lines[header.body_start:])
    glossary: dict[str, str] = {}
    gstart = cable.glossary_start(body)
    if gstart is not None:
        glossary, signer = cable.glossary(body[gstart + 1:])
        body = body[:gstart]
    else:
        body, signer = cable.signer_only(body)
    first = " ".join(t for _, t in body[:12])
    m = _PART.search(header.subject) or _PART.search(first)
    number, of = (int(m.group("n")), int(m.group("m"))) if m else (None, None)
    return _Part(path, header, body, glossary, signer, number, of)


GENRE_CHARS = 250_000  # enough to tell a submission (the largest real one is 100,000)


def _refuse_other(part: _Part) -> None:
    """A cable that is not a submission is refused before its body is read into units."""
    from tipreport import genre

    body_text = "\n".join(t for _, t in part.body)[:GENRE_CHARS]
    verdict = genre.classify(part.header.subject, body_text)
    if not verdict.submission:
        raise InputError(part.path, f"not a TIP report submission: {verdict.reason}")


# ---------------------------------------------------------------- ids and sections

def _sections(units: list[cable.Unit]) -> list[int]:
    """Each unit's section: the label's own number where the cable numbers its sections
    (1A-4I), the instruction cable's paragraph numbers counted from the first, else
    the order of the cable's groups (numbered parents, letter runs, roman parts)."""
    groups: list[tuple | None] = []
    last = None
    for u in units:
        last = u.group if u.group is not None else last
        groups.append(last)
    first = next((g for g in groups if g is not None), None)
    groups = [g if g is not None else first for g in groups]
    numbered = [g[1] for g in groups if g is not None and g[0] == "n"]
    if numbered and len(numbered) == sum(g is not None for g in groups):
        low = 1 if max(numbered) <= 9 else min(numbered)
        return [max(1, min(99, g[1] - low + 1)) if g is not None else 1 for g in groups]
    order: dict[tuple, int] = {}
    for g in groups:
        if g is not None and g not in order:
            order[g] = len(order) + 1
    return [min(99, order[g]) if g is not None else 1 for g in groups]


def _ids(units: list[cable.Unit], sections: list[int]) -> list[str]:
    taken: set[str] = set()
    repeats: dict[str, int] = {}
    heads: dict[int, int] = {}
    out = []
    for u, s in zip(units, sections, strict=True):
        if u.kind == "question":
            base = f"{s}{u.letters[:4]}"
        elif u.number is not None:
            base = f"{s}P{u.number}"
        else:
            heads[s] = heads.get(s, 0) + 1
            base = f"{s}H{heads[s]}"
        qid = base
        while qid in taken:  # a label written again: 3H-2, 3H-3 (counted, not searched)
            repeats[base] = repeats.get(base, 1) + 1
            qid = f"{base}-{repeats[base]}"
        taken.add(qid)
        out.append(qid)
    return out


def _section_titles(units: list[cable.Unit], sections: list[int]) -> dict[int, str]:
    """A section's title is a heading the cable prints once for it, above its first entry."""
    titles: dict[int, str] = {}
    by_section: dict[int, list[cable.Unit]] = {}
    for u, x in zip(units, sections, strict=True):
        by_section.setdefault(x, []).append(u)
    for s, members in by_section.items():
        head = members[0].heading
        blocks = cable.heading_blocks(head)
        if not blocks:
            continue
        if len(blocks) > 1 or not any(u.heading for u in members[1:]):
            titles[s] = cable.heading_title(blocks[0])
    return titles


# ---------------------------------------------------------------- intro and closing

def _closing_index(units: list[cable.Unit]) -> int | None:
    """The paragraph that says who drafted it, the staff time and the POC, wherever it is."""
    from tipreport import staffhours

    extras = [k for k, u in enumerate(units) if u.kind == "extra"]
    for k in extras:
        if staffhours.mentions_hours(_unit_text(units[k])):
            return k
    qs = [k for k, u in enumerate(units) if u.kind == "question"]
    for k in extras:
        outside = not qs or k < qs[0] or k > qs[-1]
        if outside and _POC_WORDS.search(join_paragraphs(units[k].paras)):
            return k
    return None


def _unit_text(u: cable.Unit) -> str:
    """A unit's heading and paragraphs: "Hours Spent on Report" heads the list below it."""
    return join_paragraphs([cable.heading_title(b) for b in cable.heading_blocks(u.heading)] + u.paras)


def _intro_index(units: list[cable.Unit], closing: int | None) -> int | None:
    first_q = next((k for k, u in enumerate(units) if u.kind == "question"), len(units))
    for k, u in enumerate(units[:first_q]):
        if k != closing and u.kind == "extra" and not u.heading and u.paras:
            return k
    return None


# ---------------------------------------------------------------- the whole cable

def parse(text: str, path: str | Path = "<cable>") -> Imported:
    """Parse cable text into answers, meta, glossary and the implied questionnaire."""
    return parse_parts([(text, path)])


def parse_parts(parts: list[tuple[str, str | Path]]) -> Imported:
    """The parts of one submission, in any order: joined by their part numbers."""
    read = [_read_part(text, path) for text, path in parts]
    warnings: list[str] = []
    if len(read) > 1:
        read.sort(key=lambda p: (p.number is None, p.number or 0))
    numbers = [p.number for p in read if p.number is not None]
    total = max((p.of or 0 for p in read), default=0)
    if total:
        missing = [n for n in range(1, total + 1) if n not in numbers]
        if missing:
            warnings.append(f"part{'s' if len(missing) > 1 else ''} "
                            f"{', '.join(map(str, missing))} of {total} not given: this imports "
                            f"only part{'s' if len(numbers) > 1 else ''} {', '.join(map(str, numbers))}")
    body: list[cable.Line] = []
    for p in read:
        if body:
            body.append((p.body[0][0] if p.body else 0, cable.PART_BREAK))
        body.extend(p.body)
    for p in read:
        _refuse_other(p)
    units = cable.read_units(body)
    if not any(u.paras or u.question for u in units):
        raise InputError(read[0].path, "no answers found in the cable body")
    glossary: dict[str, str] = {}
    for p in read:
        glossary.update(p.glossary)
    signer = next((p.signer for p in reversed(read) if p.signer), "")
    return _assemble(units, read[0], glossary, signer, warnings)


def _assemble(units: list[cable.Unit], part: _Part, glossary: dict[str, str], signer: str,
              warnings: list[str]) -> Imported:
    header = part.header
    closing_k = _closing_index(units)
    intro_k = _intro_index(units, closing_k)
    entries = [u for k, u in enumerate(units) if k not in (intro_k, closing_k)]
    paragraphs = sum(len(u.paras) for u in entries)
    if paragraphs > MAX_PARAGRAPHS:
        raise InputError(part.path, f"{paragraphs:,} paragraphs found; a submission has a few "
                         "hundred (the real ones, under 1,000): this is not a cable tipreport can import")
    if len(entries) > MAX_ENTRIES:
        raise InputError(part.path, f"{len(entries):,} answers found; a submission has at most a few "
                         f"hundred (the real ones, under 70): this is not a cable tipreport can import")
    intro_u = units[intro_k] if intro_k is not None else None
    closing_u = units[closing_k] if closing_k is not None else None
    intro = join_paragraphs(intro_u.paras) if intro_u else ""
    closing = join_paragraphs(closing_u.paras) if closing_u else ""
    sections = _sections(entries)
    ids = _ids(entries, sections)
    titles = _section_titles(entries, sections)
    year = _report_year(header, intro, part)
    marks = any(u.mark or any(cable.MARK.match(p) for p in u.paras) or cable.MARK.search(u.label)
                for u in entries)
    questions, answers = [], []
    for qid, s, u in zip(ids, sections, entries, strict=True):
        heading = "\n".join(u.heading)
        default_label = u.label == f"{qid}." and not u.mark
        default_heading = _is_default_heading(u.heading, u.topic)
        questions.append(Question(
            qid, s, u.topic, u.question,
            label=None if default_label else u.label,
            mark=u.mark,
            heading=None if default_heading else heading,
        ))
        text = join_paragraphs(u.paras)
        answers.append(Answer(id=qid, text=text, status="imported",
                              provenance=Provenance("imported", year or None, (qid,),
                                                    header.reference_id, fingerprint(text))))
    period = ""
    m = re.search(r"covering\s+the\s+period\s+(?:of\s+)?(.+?)\.\s", intro + " ")
    if m:
        period = re.sub(r"\s+", " ", m.group(1))
    derived = _period_from_date(header.date, header.created) if not period else ""
    if derived:
        warnings.append(f"the cable states no reporting period: taken as the twelve months to its "
                        f"date ({derived}); check meta.reporting_period")
    questionnaire = Questionnaire(
        year=year,
        reftel=header.ref[0] if header.ref else "",
        reporting_period=period,
        sections=tuple(Section(s, titles.get(s, "")) for s in dict.fromkeys(sections)),
        questions=tuple(questions),
        marks_required=bool(marks),
        partial=bool(part.number and part.number > 1) or _partial(ids, entries),
        source=header.reference_id,
    )
    drafters, hours, poc = cable.parse_closing(_unit_text(closing_u) if closing_u else "")
    layout: dict = {}
    if intro_u is None:
        layout["compose_intro"] = False
    if closing_u is None:
        layout["compose_closing"] = False
    for name, k, default in (("intro_after", intro_k, ""), ("closing_after", closing_k, None)):
        if k is None:
            continue
        before = [u for u in units[:k] if u in entries]
        after = ids[entries.index(before[-1])] if before else ""
        if after != (ids[-1] if default is None and ids else default):
            layout[name] = after
    if intro_u is not None and intro_u.label != "1.":
        layout["intro_label"] = intro_u.label
    if closing_u is not None and closing_u.label != "2.":
        layout["closing_label"] = closing_u.label
    if closing_u is not None and closing_u.heading:
        layout["closing_heading"] = "\n".join(closing_u.heading)
    meta = Meta(
        country=_country(header, intro), post=_post(header), year=year, questionnaire=str(year),
        reporting_period=period or derived or "unknown",
        classification=header.classification or "UNCLASSIFIED",
        reference_id=header.reference_id, date=header.date, from_=header.from_,
        to=tuple(header.to), info=tuple(header.info), office=tuple(header.office),
        sensitive=header.sensitive, eo=header.eo, tags=tuple(header.tags), subject=header.subject,
        ref=tuple(header.ref), intro=intro, drafters=drafters, point_of_contact=poc,
        signer=signer, staff_hours=tuple(hours), layout=layout,
    )
    if closing and not _recomposes(closing, meta):
        meta = replace(meta, closing=closing)  # render could not rebuild it: keep it as written
    return Imported(meta, answers, glossary, questionnaire, closing, warnings, bool(derived))


def _is_default_heading(raw: list[str], topic: str) -> bool:
    """The layout render prints by default: the topic underlined with dashes, or nothing."""
    if not raw:
        return not topic
    blocks = cable.heading_blocks(raw)
    if len(blocks) != 1:
        return False
    b = blocks[0]
    return (len(b) >= 2 and all(cable.DASH_LINE.match(r) for r in b[1:])
            and not cable.DASH_LINE.match(b[0]) and cable.join(b[:1]) == topic)


def _recomposes(closing: str, meta: Meta) -> bool:
    """True when render rebuilds the closing word for word from drafters, hours and POC;
    otherwise the closing is kept as written, so no word of it is lost."""
    unmarked = " ".join(cable.MARK.sub("", p) for p in text_paragraphs(closing))
    return cable.closing_paragraph(meta).split() == unmarked.split()


def _partial(ids: list[str], entries: list[cable.Unit]) -> bool:
    """A cable whose first question is not its first section's A answers only part of it."""
    first = next((u for u in entries if u.kind == "question"), None)
    return first is None or not first.letters.startswith("A") or not ids[entries.index(first)][:1] == "1"


def _period_from_date(date: str, created: str = "") -> str:
    """The twelve months up to the month of a date-time group ('071222Z MAR 08') or, where the
    cable kept none, of the archive's date for it ('2006-03-02'); '' when neither is there."""
    when = stale.dtg_month(date) or stale.created_month(created)
    return stale.twelve_months_to(*when) if when else ""


def _report_year(header: cable.Header, intro: str, part: _Part) -> int:
    for source in (header.subject, intro):
        m = re.search(r"\b((?:19|20)\d{2})\s+TRAFFICKING\s+IN\s+PERSONS", source, re.IGNORECASE)
        if m:
            return int(m.group(1))
    when = stale.dtg_month(header.date)
    return when[0] if when else (stale.reference_year(header.reference_id) or 0)


def _country(header: cable.Header, intro: str) -> str:
    for source in (header.subject, intro):
        m = re.search(r"REPORT\s+(?:FOR|ON)\s+([A-Za-z ,'-]+?)\s*(?:[,.(]|$)", source, re.IGNORECASE)
        if m:
            return m.group(1).strip().title()
    m = re.match(r"^([A-Z][A-Za-z .-]+?)(?::|(?:'|\?)S\s)", header.subject)
    if m:
        return m.group(1).strip().title()
    return header.tags[-1] if header.tags else "Unknown"


def _post(header: cable.Header) -> str:
    m = re.match(r"^(?:AMEMBASSY|AMCONSUL|USMISSION)\s+(.+)$", header.from_)
    return (m.group(1) if m else header.from_ or "Unknown").title()


def import_file(path: str | Path) -> Imported:
    return import_files([path])


def import_files(paths: list[str | Path]) -> Imported:
    from tipreport.yamlio import read_text

    return parse_parts([(read_text(p), p) for p in paths])
