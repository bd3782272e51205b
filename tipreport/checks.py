"""The check command's core: which sentences of this year's answers need a look, and nothing more.

An officer who carried last year's answers forward needs to know exactly what
is unfinished or out of date: questions left blank, answers nobody has read
since they were carried, and sentences holding last year's figures, dates,
deadlines and time words (see :mod:`tipreport.stale`), plus abbreviations the
glossary lacks and missing classification marks. Each finding names the
question, the phrase, the line in the YAML file and what to do.

Which sentences are *carried* is a fact, not a guess: an answer whose text
still has its provenance fingerprint is carried whole; in an edited answer, a
sentence is carried when last year's file (found beside this one, or given)
holds the same sentence with the same figures. Without last year's file,
edited answers are not checked for carried figures and time words, and the
result says so.

An officer silences one finding on purpose with an ``ack:`` entry in the
answers file naming the question, the kind and the fingerprint of the sentence;
it stays silenced until that sentence changes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tipreport import answers as answers_mod
from tipreport import fields, stale, yamlio
from tipreport.answers import Answer, AnswersFile, fingerprint, is_blank, paragraphs
from tipreport.errors import InputError, UsageError
from tipreport.questionnaire import Questionnaire

ERROR, WARNING = "error", "warning"
SEVERITY = {
    "unanswered": ERROR,
    "carried-untouched": ERROR,
    "stale-figure": ERROR,
    "stale-date": ERROR,
    "past-due": ERROR,
    "marking": ERROR,
    "stale-meta": ERROR,
    "time-words": WARNING,
    "abbreviation": WARNING,
}
KINDS = tuple(SEVERITY)
SENTENCE_KINDS = ("stale-figure", "stale-date", "past-due", "time-words")
GLOSSARY = "glossary"  # the "question" of findings about the glossary itself
META = "meta"  # ... and of findings about the meta block (signer, routing, hours)
ACK_KEYS = {"question", "kind", "fingerprint", "excerpt", "note"}
CARRIED_MATCH = 90.0  # rapidfuzz ratio above which an edited sentence is still last year's
_MARK = re.compile(r"^\s*\((?:U|SBU|C|S|TS|FOUO|[A-Z]{1,4}(?://[A-Z ]+)?)\)\s")
_EXCERPT_WIDTH = 80


@dataclass(frozen=True)
class Finding:
    """One thing an officer should look at."""

    question: str
    kind: str
    severity: str
    excerpt: str
    line: int | None
    message: str
    sentence: str = ""
    fingerprint: str = ""  # of the sentence (answer, abbreviation) as it is now: what an ack names

    @property
    def id(self) -> str:
        """Short stable handle for --ack: question, kind and the start of the fingerprint."""
        return f"{self.question}:{self.kind}:{self.fingerprint.removeprefix('sha256:')[:8]}"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "question": self.question, "kind": self.kind,
                "severity": self.severity, "excerpt": self.excerpt, "line": self.line,
                "message": self.message, "sentence": self.sentence,
                "fingerprint": self.fingerprint}


@dataclass(frozen=True)
class Ack:
    """An officer's 'checked, keep it': silences one finding while its sentence is unchanged."""

    question: str
    kind: str
    fingerprint: str
    line: int | None = None

    def matches(self, f: Finding) -> bool:
        same_place = f.question == self.question or f.kind == "abbreviation"
        return same_place and f.kind == self.kind and f.fingerprint == self.fingerprint


@dataclass
class CheckResult:
    """Findings still open, findings silenced by an ack, and what the officer should know."""

    path: str
    country: str
    year: int
    period: str
    prior: str | None
    findings: list[Finding]
    silenced: list[Finding]
    notes: list[str] = field(default_factory=list)
    topics: dict[str, str] = field(default_factory=dict)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == WARNING]


# ---------------------------------------------------------------- entry points

def run(path: str | Path, *, prior: str | Path | None = None,
        questionnaire: str | Path | None = None, only: tuple[str, ...] = (),
        question: str | None = None) -> CheckResult:
    """Check one answers file; ``only`` and ``question`` narrow what is reported."""
    only = validate_kinds(only)
    question = question.upper() if question else None  # "3f" is 3F, as in diff
    af, q = answers_mod.load_with_questionnaire(path, questionnaire, editable=False, lines=True)
    if question is not None and q.get(question) is None:
        raise UsageError(f"--question {question}: not a question of the {q.year} questionnaire "
                         f"({', '.join(q.ids())})")
    all_found, silenced, notes, prior_path = _all_findings(af, q, prior)
    keep = [f for f in all_found if (not only or f.kind in only)
            and (question is None or f.question == question)]
    silenced = [f for f in silenced if (not only or f.kind in only)
                and (question is None or f.question == question)]
    return CheckResult(str(path), af.meta.country, af.meta.year, af.meta.reporting_period,
                       prior_path, keep, silenced, notes,
                       {x.id: x.topic for x in q.questions})


def open_errors(af: AnswersFile, q: Questionnaire) -> list[Finding]:
    """The errors `check` would report on a loaded file (loaded with lines), acks applied."""
    found, _, _, _ = _all_findings(af, q, None)
    return [f for f in found if f.severity == ERROR]


def acknowledge(path: str | Path, ids: list[str], *, prior: str | Path | None = None,
                questionnaire: str | Path | None = None) -> list[Finding]:
    """Silence the findings with these ids by adding ``ack:`` entries to the answers file.

    The file is edited through its round-trip tree (comments survive) and written
    atomically, under the folder's lock (an edit by another command is never lost);
    an unknown id changes nothing.
    """
    with yamlio.editing(path):
        return _acknowledge(path, ids, prior, questionnaire)


def _acknowledge(path: str | Path, ids: list[str], prior: str | Path | None,
                 questionnaire: str | Path | None) -> list[Finding]:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    af, q = answers_mod.load_with_questionnaire(path, questionnaire)
    found, silenced, _, _ = _all_findings(af, q, prior)
    by_id = {f.id: f for f in found}
    already = {f.id for f in silenced}
    unknown = [i for i in ids if i not in by_id and i not in already]
    if unknown:
        raise UsageError(f"no open finding with id {', '.join(unknown)} in {path} "
                         "(run tipreport check to see the ids)")
    chosen = list({i: by_id[i] for i in ids if i in by_id}.values())
    if not chosen:
        return []
    if af.doc.get("ack") is None:
        af.doc["ack"] = CommentedSeq()
    for f in chosen:
        entry = CommentedMap()
        entry["question"] = f.question
        entry["kind"] = f.kind
        entry["fingerprint"] = f.fingerprint
        entry["excerpt"] = f.excerpt
        af.doc["ack"].append(entry)
    text = af.dumps()
    answers_mod.from_data(yamlio.loads(text, path), path)  # what we write must load back
    yamlio.atomic_write_text(path, text, overwrite=True)
    return chosen


def validate_kinds(only: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """--only accepts kinds, repeated or comma-separated; a typo is a usage error."""
    kinds = tuple(k.strip() for item in only for k in item.split(",") if k.strip())
    bad = [k for k in kinds if k not in SEVERITY]
    if bad:
        raise UsageError(f"--only {', '.join(bad)}: unknown kind (kinds: {', '.join(KINDS)})")
    return kinds


# ---------------------------------------------------------------- the checks

def _all_findings(af: AnswersFile, q: Questionnaire, prior: str | Path | None
                  ) -> tuple[list[Finding], list[Finding], list[str], str | None]:
    """Every finding, split into open and silenced, with notes and the prior file used."""
    notes: list[str] = []
    period = _period(af, q, notes)
    prior_af, prior_path = _prior(af, prior, notes)
    lines = af.text.splitlines()
    found: list[Finding] = []
    unknown_origin: list[str] = []
    for question in q.questions:
        ans = af.answers.get(question.id)
        if ans is None or ans.blank:
            found.append(_unanswered(af, question.id, ans))
            continue
        if _untouched_carry(ans):
            found.append(_untouched(ans))
        carried = _carried(ans, prior_af)
        if carried is None:
            unknown_origin.append(ans.id)
        found += _sentence_findings(ans, lines, period, carried)
        if q.marks_required:
            found += _marking(ans, lines, q.year)
    found += _abbreviations(af, lines)
    found += _meta_findings(af)
    order = {qid: i for i, qid in enumerate(q.ids())}
    order[META] = -1
    found.sort(key=lambda f: (order.get(f.question, len(order)), f.line or 0))
    if unknown_origin:
        notes.append(_unknown_note(af, unknown_origin, prior_path))
    open_, silenced = _apply_acks(_acks(af), found, notes)
    return open_, silenced, notes, prior_path


def _apply_acks(acks: list[Ack], found: list[Finding], notes: list[str]
                ) -> tuple[list[Finding], list[Finding]]:
    """Split findings by the officer's acks; an ack that matches nothing is reported."""
    open_, silenced = [], []
    for f in found:
        (silenced if any(a.matches(f) for a in acks) else open_).append(f)
    for a in acks:
        if not any(a.matches(f) for f in found):
            notes.append(f"ack at line {a.line} ({a.question} {a.kind}) no longer matches a "
                         "finding: its sentence changed or was fixed; remove the entry")
    return open_, silenced


def _period(af: AnswersFile, q: Questionnaire, notes: list[str]) -> stale.Period | None:
    """This year's period, anchored on the period of the file the answers were carried from."""
    for text in (af.meta.reporting_period, q.reporting_period):
        period = stale.parse_period(text)
        if period is not None:
            return period.carried_since(_prior_period(af, period))
    notes.append(f"meta.reporting_period '{af.meta.reporting_period}' names no months or years: "
                 "stale-figure, stale-date and past-due were not checked")
    return None


def _prior_period(af: AnswersFile, period: stale.Period) -> stale.Period | None:
    """The reporting period the carried text was written for: as init recorded it, else as many
    periods back as the carried answers' year lies behind this file's."""
    recorded = stale.parse_period(af.meta.carried_from.get("reporting_period", ""))
    if recorded is not None:
        return recorded
    years = [a.provenance.year for a in af.answers.values()
             if a.provenance.source == "carried" and a.provenance.year]
    if not years:
        return None
    gap = max(1, af.meta.year - min(years))
    start = period.start - gap * period.length
    return stale.Period(start, period.start - 1, "")


def _meta_key(af: AnswersFile, key: str) -> str:
    """Where a watched value is written: routing serials in the TO lines, else the INFO ones."""
    if key != "serials":
        return key
    return "to" if any(answers_mod.ROUTING_SERIAL.search(x) for x in af.meta.to) else "info"


def _meta_findings(af: AnswersFile) -> list[Finding]:
    from tipreport import meta_stale

    out = []
    for key, message in meta_stale.meta_hits(af.meta):
        value = answers_mod.meta_value(af.meta, key)
        out.append(Finding(META, "stale-meta", ERROR, _clip(value.replace("\n", "; "), _EXCERPT_WIDTH),
                           fields.where(af.doc["meta"], _meta_key(af, key)),
                           f"meta.{key}: {message}", "", fingerprint(f"{key}: {value}")))
    return out


def _untouched_carry(ans: Answer) -> bool:
    return ans.provenance.source == "carried" and ans.untouched and ans.status != "done"


def _unanswered(af: AnswersFile, qid: str, ans: Answer | None) -> Finding:
    if ans is None:
        return Finding(qid, "unanswered", ERROR, "", fields.where(af.doc, "answers"),
                       f"question {qid} has no entry in the answers file", "", fingerprint(""))
    text = ans.text.strip()
    message = (f"only a placeholder ('{_clip(text, 40)}'): write the answer" if text
               else "no answer yet")
    return Finding(qid, "unanswered", ERROR, _clip(text, _EXCERPT_WIDTH), ans.line, message,
                   "", fingerprint(ans.text))


def _untouched(ans: Answer) -> Finding:
    p = ans.provenance
    src = f"{p.year} {'+'.join(p.questions)}".strip() or "last year"
    first = paragraphs(ans.text)[0]
    return Finding(ans.id, "carried-untouched", ERROR, _clip(first, _EXCERPT_WIDTH), ans.line,
                   f"carried from {src} and not edited since: read it, update it, or set "
                   "status: done if every word is still true", "", p.fingerprint)


# ---------------------------------------------------------------- carried sentences

def _carried(ans: Answer, prior_af: AnswersFile | None):
    """Last year's version of each sentence: a function from a sentence to the (normalized)
    prior sentence it was carried from, or to None for new text; None when unknowable."""
    if ans.provenance.source != "carried":
        return lambda s: None
    if ans.untouched:
        return stale.normalize
    if prior_af is None:
        return None
    source = _source_section(prior_af, ans)
    olds = [source[k].text for k in ans.provenance.questions if k in source]
    if not olds:
        return None
    old_sents = [stale.normalize(s) for t in olds for p in paragraphs(t) for s in stale.sentences(p)]
    exact = set(old_sents)

    def carried_from(sentence: str) -> str | None:
        norm = stale.normalize(sentence)
        if norm in exact:
            return norm
        from rapidfuzz import fuzz, process

        best = process.extractOne(norm, old_sents, scorer=fuzz.ratio, score_cutoff=CARRIED_MATCH)
        return best[0] if best is not None else None

    return carried_from


def _still_last_years(sentence: str, old: str | None, hits: list[stale.Hit]) -> list[stale.Hit]:
    """Keep what is still as last year wrote it.

    A sentence carried with its figures unchanged keeps every hit. Once the
    officer changed a figure in it, the sentence has been reviewed: only a count
    still written exactly as last year ("84 cases" beside an updated "118
    perpetrators") and deadlines now past are still reported.
    """
    if old is None:
        return [h for h in hits if h.kind == "past-due"]
    if not hits or old == stale.normalize(sentence) or stale.figures(sentence) == stale.figures(old):
        return hits
    return [h for h in hits if h.kind == "past-due"
            or (h.kind == "stale-figure" and stale.normalize(h.excerpt) in old)]


def _unknown_note(af: AnswersFile, qids: list[str], prior_path: str | None) -> str:
    """Say which answers could not be checked sentence by sentence, and why (never guess)."""
    what = (f"{', '.join(qids)} were edited after carry, so their carried sentences could not be "
            "told from new ones and were not checked for stale figures, dates or time words; "
            "untouched answers were checked by their fingerprints")
    if prior_path:
        return f"{prior_path} has none of the answers they were carried from: {what}"
    years = sorted({af.answers[q].provenance.year for q in qids if af.answers[q].provenance.year})
    year = "/".join(str(y) for y in years) or "last year's"
    return f"no {year} answers file found beside {af.path} (pass --prior): {what}"


# ---------------------------------------------------------------- sentence findings

class _Block:
    """The lines of one answer's text in the file, to give each sentence its line number.

    Answer.line is the first line of the text; in the standard layout a
    paragraph is one line, but hand-wrapped text is common, so sentences are
    found in the joined lines rather than counted.
    """

    def __init__(self, lines: list[str], first: int | None) -> None:
        self.first = first
        self.text = ""
        self.offsets: list[int] = []
        self.numbers: list[int] = []
        self.cursor = 0
        if not first or first > len(lines):
            return
        head = lines[first - 1]
        indent = len(head) - len(head.lstrip())
        parts, pos = [], 0
        for i in range(first - 1, len(lines)):
            ln = lines[i]
            if ln.strip() and len(ln) - len(ln.lstrip()) < indent:
                break
            norm = " ".join(ln.split())
            if norm:
                self.offsets.append(pos)
                self.numbers.append(i + 1)
                parts.append(norm)
                pos += len(norm) + 1
        self.text = " ".join(parts)

    def find(self, fragment: str) -> int | None:
        """Offset of a sentence in the joined text, searching forward from the last one."""
        norm = " ".join(fragment.split())
        for probe in (norm, norm[:40]):
            k = self.text.find(probe, self.cursor) if probe else -1
            if k >= 0:
                self.cursor = k
                return k
        return None

    def line_at(self, offset: int | None) -> int | None:
        if offset is None or not self.numbers:
            return self.first
        return self.numbers[bisect_right(self.offsets, offset) - 1]


def _sentence_findings(ans: Answer, lines: list[str], period: stale.Period | None,
                       carried) -> list[Finding]:
    if period is None and carried is None:
        return []
    block = _Block(lines, ans.line)
    out = []
    for para in paragraphs(ans.text):
        for sent in stale.sentences(para):
            at = block.find(sent)
            old = carried(sent) if carried is not None else None
            hits = (stale.stale_hits(sent, period, carried=old is not None) if period is not None
                    else stale.time_words(sent) if old is not None else [])
            for hit in _still_last_years(sent, old, hits):
                out.append(_sentence_finding(ans.id, sent, hit, block, at))
    return out


def _sentence_finding(qid: str, sentence: str, hit: stale.Hit, block: _Block,
                      at: int | None) -> Finding:
    line = block.line_at(at)
    if at is not None:
        lead = " ".join(sentence[:hit.start].split())
        line = block.line_at(at + len(lead) + (1 if lead else 0))
    return Finding(qid, hit.kind, SEVERITY[hit.kind], hit.excerpt, line, hit.message,
                   " ".join(sentence.split()), fingerprint(sentence))


def _marking(ans: Answer, lines: list[str], year: int) -> list[Finding]:
    block = _Block(lines, ans.line)
    out = []
    for para in paragraphs(ans.text):
        at = block.find(para)
        if not _MARK.match(para):
            out.append(Finding(ans.id, "marking", ERROR, _clip(para, 40), block.line_at(at),
                               f"paragraph has no classification mark; the {year} questionnaire "
                               "requires one at the start, such as (U) or (SBU)",
                               para, fingerprint(para)))
    return out


# ---------------------------------------------------------------- glossary

def _abbreviations(af: AnswersFile, lines: list[str]) -> list[Finding]:
    """Abbreviations nobody expands (the shipped registry counts), and own entries never used."""
    from tipreport import glossary

    texts = {qid: a.text for qid, a in af.answers.items() if not is_blank(a.text)}
    out = []
    use = glossary.used(texts.values(), glossary.merged(af.glossary))
    first = _first_uses(set(use.missing), af, lines)
    for abbr in use.missing:
        qid, sentence, line = first.get(abbr, (GLOSSARY, "", None))
        uses = sum(_count_word(abbr, t) for t in texts.values() if abbr in t)
        out.append(Finding(qid, "abbreviation", WARNING, abbr, line,
                           f"{abbr} is used {uses} time{'s' if uses != 1 else ''} but is not in "
                           "the glossary: add 'ABBR: expansion' under glossary:", sentence,
                           fingerprint(abbr)))
    used = {k for k, _ in use.entries}  # the file's own entries override the registry's
    for key in af.glossary:
        if key not in used:
            out.append(Finding(GLOSSARY, "abbreviation", WARNING, key,
                               yamlio.line_of(af.doc["glossary"], key),
                               f"glossary entry {key} is not used in any answer: remove it or "
                               "spell it out where meant", "", fingerprint(key)))
    return out


def _alnum(c: str) -> bool:
    return c.isascii() and c.isalnum()


def _count_word(word: str, text: str) -> int:
    """How often ``word`` stands in ``text`` with no ASCII letter or digit against either end
    (a regex per abbreviation would cost more to compile than to run)."""
    n, at = 0, text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _alnum(text[at - 1])) and (end == len(text) or not _alnum(text[end])):
            n += 1
        at = text.find(word, at + 1)
    return n


def _first_uses(abbrs: set[str], af: AnswersFile, lines: list[str]
                ) -> dict[str, tuple[str, str, int | None]]:
    """Each abbreviation's first sentence, in one pass over the answers' sentences."""
    found: dict[str, tuple[str, str, int | None]] = {}
    for qid, ans in af.answers.items():
        left = [a for a in abbrs if a not in found and a in ans.text]
        if not left:
            continue
        block = _Block(lines, ans.line)
        for para in paragraphs(ans.text):
            for sent in stale.sentences(para):
                for abbr in left:
                    if abbr not in found and abbr in sent and _count_word(abbr, sent):
                        found[abbr] = (qid, " ".join(sent.split()), block.line_at(block.find(sent)))
        if len(found) == len(abbrs):
            break
    return found


# ---------------------------------------------------------------- acks

def _acks(af: AnswersFile) -> list[Ack]:
    """The ``ack:`` list: each item a mapping with question, kind, fingerprint (excerpt, note)."""
    node = af.doc.get("ack")
    path = af.path or "<answers>"
    out = []
    for i, item in enumerate(node or []):
        ctx = f"ack[{i}]"
        line = _item_line(node, i)
        if not isinstance(item, dict):
            raise InputError(path, f"{ctx}: expected a mapping with question, kind, fingerprint",
                             line)
        fields.check_known_keys(item, ACK_KEYS, path, ctx)
        kind = fields.get_str(item, "kind", path, ctx, required=True)
        if kind not in SEVERITY:
            raise InputError(path, f"{ctx}.kind: '{kind}' is not one of {', '.join(KINDS)}",
                             yamlio.value_line(item, "kind") or line)
        out.append(Ack(fields.get_str(item, "question", path, ctx, required=True), kind,
                       fields.get_str(item, "fingerprint", path, ctx, required=True), line))
    return out


def _item_line(seq: Any, i: int) -> int | None:
    try:
        return seq.lc.item(i)[0] + 1
    except (AttributeError, KeyError, TypeError):
        return yamlio.line_of(seq)


# ---------------------------------------------------------------- last year's file

def _prior(af: AnswersFile, given: str | Path | None, notes: list[str]
           ) -> tuple[AnswersFile | None, str | None]:
    """Last year's answers file: --prior, or the file beside this one for the carried-from year."""
    carried = [a for a in af.answers.values() if a.provenance.source == "carried"]
    years = Counter(a.provenance.year for a in carried if a.provenance.year)
    if given is not None:
        prior_af = answers_mod.load(given, editable=False)  # only read: the fast parse
        if years and prior_af.meta.year not in years:
            raise InputError(given, f"is the {prior_af.meta.year} answers file, but "
                             f"{af.path} was carried from {years.most_common(1)[0][0]}")
        return prior_af, str(given)
    if not carried or not years or af.path is None:
        return None, None
    if all(a.untouched for a in carried):
        return None, None  # fingerprints settle every carried answer: no need to look
    year = years.most_common(1)[0][0]
    found = _candidates(af, year, notes)
    if not found:
        return None, None
    best = max(found, key=lambda c: _agreement(af, c))
    if len(found) > 1:
        notes.append(f"several {year} answers files beside {af.path}; used {best.path} "
                     "(pass --prior to choose)")
    return best, str(best.path)


_META_YEAR = re.compile(r"^\s+year:\s*['\"]?(\d{4})\b", re.MULTILINE)
_META_COUNTRY = re.compile(r"^\s+country:\s*['\"]?([^'\"\n#]+)", re.MULTILINE)


def _candidates(af: AnswersFile, year: int, notes: list[str]) -> list[AnswersFile]:
    """Answers files in the same folder for ``year`` and the same country."""
    here = Path(af.path)
    out = []
    for p in sorted(here.parent.glob("*.y*ml")):
        if p.resolve() == here.resolve() or p.suffix not in (".yaml", ".yml"):
            continue
        try:
            head = p.read_text(encoding="utf-8", errors="replace")[:4000]
        except OSError:
            continue
        y, c = _META_YEAR.search(head), _META_COUNTRY.search(head)
        if not y or int(y.group(1)) != year:
            continue
        if c and c.group(1).strip().lower() != af.meta.country.strip().lower():
            continue
        try:
            cand = answers_mod.load(p, editable=False)
        except InputError as exc:
            notes.append(f"skipped {p}: {exc.message}")
            continue
        if cand.meta.year == year and cand.meta.country.lower() == af.meta.country.lower():
            out.append(cand)
    return out


def _agreement(af: AnswersFile, cand: AnswersFile) -> int:
    """How many carried answers' fingerprints this candidate's texts reproduce."""
    score = 0
    for a in af.answers.values():
        p, source = a.provenance, _source_section(cand, a)
        if p.source == "carried" and len(p.questions) == 1 and p.questions[0] in source:
            score += fingerprint(source[p.questions[0]].text) == p.fingerprint
    return score


def _source_section(prior_af: AnswersFile, ans: Answer) -> dict[str, Answer]:
    """The section of last year's file an answer was carried from: its answers, or its retired:."""
    return prior_af.retired if ans.provenance.section == "retired" else prior_af.answers


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3].rstrip() + "..."
