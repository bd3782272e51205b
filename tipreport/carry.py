"""Carry forward: last year's answers into this year's questionnaire (`tipreport init`).

Officers start the year by copying every answer forward and then hunting for
what is out of date. This does the copying, question by question through the
alignment (never by number alone), word for word, and stamps each carried
answer with where it came from and a fingerprint of the text as carried, so
later commands can tell an answer nobody has touched from one an officer
rewrote. Nothing written last year is dropped: answers whose question is gone
go under ``retired:``, and answers last year's file itself kept there (a
partial questionnaire's year) come back when a question asks them again.
Into an existing file it only fills empty answers.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from tipreport import align as alignmod
from tipreport import answers, yamlio
from tipreport.answers import Answer, AnswersFile, Meta, Provenance
from tipreport.errors import InputError, UsageError
from tipreport.questionnaire import Question, Questionnaire

ACTIONS = ("carried", "split", "whole", "merged", "nothing", "new", "retired", "left", "kept")


@dataclass(frozen=True)
class Entry:
    """What happened to one question (or one retired answer).

    action: carried (whole answer), split (some paragraphs of a split
    question), whole (split question, whole answer carried because the
    paragraphs could not be told apart), merged, nothing (last year's answer
    was empty), new (no predecessor), retired (kept under retired:), left
    (a retired answer not copied in, still in last year's file: fill mode
    copies none, and an older one yields its id to this year's),
    kept (fill mode: the officer's answer was left alone). ``from_retired``:
    the year of an answer that came from under last year's ``retired:``.
    """

    new: str | None
    old: tuple[str, ...]
    action: str
    paragraphs: int = 0
    note: str = ""
    from_retired: int | None = None

    def to_json(self) -> dict:
        return {"new": self.new, "old": list(self.old), "action": self.action,
                "paragraphs": self.paragraphs, "note": self.note, "from_retired": self.from_retired}


@dataclass(frozen=True)
class Plan:
    """This year's file as data: every question in order, the retired answers, the meta."""

    alignment: alignmod.Alignment
    meta: Meta
    answers: tuple[Answer, ...]
    retired: tuple[Answer, ...]
    glossary: dict[str, str]
    entries: tuple[Entry, ...]
    period_derived: bool = False


@dataclass(frozen=True)
class InitResult:
    prior: Path
    output: Path | None
    mode: str            # create, overwrite or fill
    prior_year: int
    year: int
    alignment: alignmod.Alignment
    entries: tuple[Entry, ...]
    text: str            # the file as written, or as it would be
    written: bool
    dry_run: bool = False
    refused: str = ""    # dry run: why a real run would refuse

    def count(self, action: str) -> int:
        return sum(1 for e in self.entries if e.action == action)

    def to_json(self) -> dict:
        return {
            "from": str(self.prior), "output": str(self.output) if self.output else None,
            "mode": self.mode, "dry_run": self.dry_run, "written": self.written,
            "prior_year": self.prior_year, "year": self.year, "refused": self.refused or None,
            "counts": {a: self.count(a) for a in ACTIONS},
            "alignment": self.alignment.to_json(),
            "answers": [e.to_json() for e in self.entries],
        }


HEADER = (
    "Answers file written by `tipreport init` from {prior} ({prior_year}) for the {year} questionnaire.\n"
    "It is yours: edit the text freely; comments and layout are kept by every tipreport command.\n"
    "Carried answers are last year's text word for word: bring each one up to date, then set its\n"
    "status to draft or done. Answers under retired: have no question this year; nothing is lost."
)


# ---------------------------------------------------------------- meta

_YEAR = re.compile(r"\b(19|20)\d\d\b")


def shift_years(text: str, delta: int) -> str:
    """'March 2005 - March 2006' moved on by delta years."""
    return _YEAR.sub(lambda m: str(int(m.group(0)) + delta), text)


def carry_meta(prior: Meta, q: Questionnaire, questionnaire_ref: str) -> tuple[Meta, bool]:
    """Keep what lasts (post, addressees, TAGS, drafters, signer); reset what belongs to a year.

    Returns the meta and whether the reporting period had to be derived from
    last year's (the questionnaire did not state one).
    """
    period, derived = q.reporting_period, False
    if not period.strip():
        period, derived = shift_years(prior.reporting_period, q.year - prior.year), True
        if period == prior.reporting_period:
            raise InputError(q.path, "the questionnaire has no reporting_period and last year's "
                             f"('{prior.reporting_period}') names no year to move on; add reporting_period")
    last = {k: answers.meta_value(prior, k) for k in answers.META_WATCHED}
    values = {k: answers.fingerprint(v) for k, v in last.items() if v}
    meta = replace(
        prior,
        year=q.year,
        questionnaire=questionnaire_ref,
        reporting_period=period,
        ref=(q.reftel,) if q.reftel else (),
        to=tuple(answers.ROUTING_SERIAL.sub(r"\1", x) for x in prior.to),
        info=tuple(answers.ROUTING_SERIAL.sub(r"\1", x) for x in prior.info),
        subject=re.sub(rf"\b{prior.year}\b", str(q.year), prior.subject),
        reference_id="", date="", intro="", closing="", staff_hours=(),
        carried_from={"year": prior.year, "reporting_period": prior.reporting_period,
                      "cable": prior.reference_id, "values": values},
    )
    return meta, derived



# ---------------------------------------------------------------- answers

def _carried(qid: str, paras: list[str], old: tuple[str, ...], prior: AnswersFile, note: str) -> Answer:
    text = answers.join_paragraphs(paras)
    prov = Provenance(source="carried", year=prior.meta.year, questions=old,
                      cable=prior.meta.reference_id, fingerprint=answers.fingerprint(text), note=note)
    return Answer(qid, text, "carried", prov)


def split_parts(old_id: str, text: str, successors: list[Question], year: int
                 ) -> dict[str, tuple[list[str], str, str]]:
    """Each successor's share of a split answer: (paragraphs, action, note)."""
    paras = answers.paragraphs(text)
    fits = alignmod.fit_paragraphs(paras, successors)
    ids = [q.id for q in successors]
    names = f"{', '.join(ids[:-1])} and {ids[-1]}"
    if all(fits) and all(qid in fits for qid in ids):
        out = {}
        for qid in ids:
            mine = [k + 1 for k, f in enumerate(fits) if f == qid]
            which = ", ".join(map(str, mine))
            out[qid] = ([paras[k - 1] for k in mine], "split",
                        f"{year} {old_id} was split into {names}: paragraph{'s' if len(mine) > 1 else ''} "
                        f"{which} of {len(paras)} carried here")
        return out
    return {qid: (paras, "whole", f"{year} {old_id} was split into {names}; could not tell which "
                  f"paragraphs belong where, so the whole answer is carried to each: keep only what "
                  f"answers {qid}") for qid in ids}


def _for_question(q: Question, link: alignmod.Link, prior: AnswersFile, new_q: Questionnaire,
                  alignment: alignmod.Alignment, cache: dict) -> tuple[Answer, Entry]:
    year = prior.meta.year
    empty = Answer(q.id, "", "todo")
    if not link.old:
        return empty, Entry(q.id, (), "new", note=link.note)
    texts = {o: prior.answers[o].text for o in link.old
             if o in prior.answers and not prior.answers[o].blank}
    if not texts:
        return empty, Entry(q.id, link.old, "nothing", note=f"{year} {' and '.join(link.old)}: no answer")
    if link.by_answers:
        return _placed(q.id, link, texts, prior, alignment)
    reworded = f"the question was reworded since {year}" if link.reworded else ""
    if len(link.old) > 1:
        paras = [p for o in link.old if o in texts for p in answers.paragraphs(texts[o])]
        used = tuple(o for o in link.old if o in texts)
        note = "; ".join(filter(None, [f"merged from {year} {' and '.join(used)}", reworded]))
        return _carried(q.id, paras, used, prior, note), Entry(q.id, used, "merged", len(paras), note)
    (old_id,) = link.old
    successors = alignment.successors(old_id)
    if len(successors) > 1:
        if old_id not in cache:
            cache[old_id] = split_parts(old_id, texts[old_id], [new_q.get(s) for s in successors], year)
        paras, action, note = cache[old_id][q.id]
        return _carried(q.id, paras, link.old, prior, note), Entry(q.id, link.old, action, len(paras), note)
    paras = answers.paragraphs(texts[old_id])
    return (_carried(q.id, paras, link.old, prior, reworded),
            Entry(q.id, link.old, "carried", len(paras), reworded))


def _placed(qid: str, link: alignmod.Link, texts: dict[str, str], prior: AnswersFile,
            alignment: alignmod.Alignment) -> tuple[Answer, Entry]:
    """A question found by what last year's answers say: the paragraphs that fit it are copied
    here (they stay where they were too). Only those: the rest of their answers belongs to
    the questions that ask it."""
    paras, used = [], []
    for o in link.old:
        placed = [p for k, p in enumerate(answers.paragraphs(texts.get(o, "")))
                  if qid in alignment.placement.get((o, k), ())]
        paras += placed
        used += [o] if placed else []
    used_t = tuple(used)
    if not paras:
        return Answer(qid, "", "todo"), Entry(qid, (), "new", note=link.note)
    note = (f"found by what the {prior.meta.year} answers say: {len(paras)} paragraph"
            f"{'s' if len(paras) != 1 else ''} of {' and '.join(used)} that fit this question")
    action = "merged" if len(used) > 1 else "carried"
    return _carried(qid, paras, used_t, prior, note), Entry(qid, used_t, action, len(paras), note)


def plan(prior: AnswersFile, prior_q: Questionnaire, q: Questionnaire, questionnaire_ref: str,
         existing: AnswersFile | None = None,
         older_q: dict[int, Questionnaire] | None = None) -> Plan:
    """Everything init would write, as data (pure: no files touched).

    ``older_q``: the questionnaires of the years whose answers last year's file
    keeps under ``retired:`` (by year), so this year's new questions can take them.
    """
    alignment = alignmod.align(prior_q, q, prior.answers, existing.answers if existing else None)
    meta, derived = carry_meta(prior.meta, q, questionnaire_ref)
    revived, used = _from_retired(prior, q, alignment, older_q or {})
    carried, entries, cache = [], [], {}
    for question in q.questions:
        a, e = revived.get(question.id) or \
            _for_question(question, alignment.link(question.id), prior, q, alignment, cache)
        carried.append(a)
        entries.append(e)
    retired = []
    for link in alignment.links:
        if link.new is None:
            old_id = link.old[0]
            if old_id in prior.answers and not prior.answers[old_id].blank:
                paras = answers.paragraphs(prior.answers[old_id].text)
                retired.append(_carried(old_id, paras, link.old, prior, link.note))
                entries.append(Entry(None, link.old, "retired", len(paras), link.note))
    more, notes = _still_retired(prior, used, {a.id for a in retired}, older_q or {})
    return Plan(alignment, meta, tuple(carried), tuple(retired + more), dict(prior.glossary),
                tuple(entries + notes), derived)


def _from_retired(prior: AnswersFile, q: Questionnaire, alignment: alignmod.Alignment,
                  older_q: dict[int, Questionnaire]) -> tuple[dict[str, tuple[Answer, Entry]], set[str]]:
    """This year's new questions answered from what last year's file keeps under ``retired:``.

    A partial questionnaire (2007's asked 14 questions) retires most of the
    year before's answers into that year's file; when a later questionnaire
    asks those questions again, their answers come back from there, aligned
    against the questionnaire they were written for. Their provenance names
    last year's file and its ``retired:`` section (where check and diff find
    the text); the note names the year the answer was written for. Returns
    {question id: (answer, entry)} and the retired ids taken.
    """
    # (the answer written for the same question, kept under retired:, comes before paragraphs
    # the answers' evidence placed there)
    open_ids = set(alignment.open_questions)
    found: dict[str, tuple[Answer, Entry]] = {}
    used: set[str] = set()
    years = {a.provenance.year for a in prior.retired.values() if a.provenance.year in older_q}
    for year in sorted(years, reverse=True):  # the most recent text first
        group = {k: a for k, a in prior.retired.items() if a.provenance.year == year and not a.blank}
        old_q = replace(older_q[year], questions=tuple(x for x in older_q[year].questions if x.id in group))
        new_q = replace(q, questions=tuple(x for x in q.questions if x.id in open_ids - found.keys()))
        if not old_q.questions or not new_q.questions:
            continue
        table = alignmod.align(old_q, new_q, group, None, nearest=False)
        source = replace(prior, answers=group, meta=replace(prior.meta, year=year))  # notes name the year
        where = f"kept under retired: in the {prior.meta.year} file"
        cache: dict = {}
        for question in new_q.questions:
            link = table.link(question.id)
            if link is None or not link.old:
                continue
            a, e = _for_question(question, link, source, new_q, table, cache)
            note = "; ".join(filter(None, [f"the {year} answer to {' and '.join(link.old)}", e.note, where]))
            prov = replace(a.provenance, year=prior.meta.year, cable=prior.meta.reference_id,
                           section="retired", note=note)
            found[question.id] = (replace(a, provenance=prov), replace(e, note=note, from_retired=year))
            used.update(link.old)
    return found, used


def _still_retired(prior: AnswersFile, used: set[str], taken: set[str], older_q: dict[int, Questionnaire]
                   ) -> tuple[list[Answer], list[Entry]]:
    """Older answers under last year's ``retired:`` that no question took stay retired, as written.

    One whose id this year's own retired answers already use stays only in last year's file.
    """
    keep, notes = [], []
    for qid, a in prior.retired.items():
        if qid in used or a.blank:
            continue
        year = a.provenance.year
        if qid in taken:
            notes.append(Entry(None, (qid,), "left", len(a.paragraphs),
                               f"the {year or 'older'} answer kept under retired: in the {prior.meta.year} "
                               f"file stays there: {prior.meta.year}'s own {qid} is retired under that id"))
            continue
        if year is None:
            why = "no year recorded with it, so no questionnaire to match it against"
        elif year not in older_q:
            why = f"the {year} questionnaire it answered was not found beside {prior.meta.year}'s file"
        else:
            why = "no question asks it this year"
        keep.append(a)
        notes.append(Entry(None, (qid,), "retired", len(a.paragraphs),
                           f"the {year or 'older'} answer stays under retired: {why}"))
    return keep, notes


def document(p: Plan, prior_path: Path) -> Any:
    """The new file's round-trip tree, with the header and any derived-period remark."""
    header = HEADER.format(prior=prior_path.name, prior_year=p.alignment.old_year, year=p.meta.year)
    doc = answers.new_document(p.meta, list(p.answers), p.glossary, list(p.retired), header=header)
    if p.period_derived:
        doc["meta"].yaml_add_eol_comment(
            f"not in the questionnaire: moved on from {p.alignment.old_year}'s; check it",
            "reporting_period")
    return doc


# ---------------------------------------------------------------- fill mode

def _put(entry: Any, key: str, value: Any, after: str | None) -> None:
    """Set a key in a round-trip mapping, placing a new key after ``after`` (order as written)."""
    if key in entry or after is None or after not in entry:
        entry[key] = value
        return
    entry.insert(list(entry.keys()).index(after) + 1, key, value)


def _fill_answer(node: Any, a: Answer) -> None:
    """Put a carried answer into an empty entry in place, keeping its note and comments."""
    from ruamel.yaml.comments import CommentedMap

    entry = node[a.id]
    if not isinstance(entry, CommentedMap):
        node[a.id] = answers.answer_data(a)
        return
    _put(entry, "status", a.status, None)
    _put(entry, "provenance", answers.provenance_data(a.provenance), "status")
    _put(entry, "text", answers.block(a.text), "provenance")


def _insert_at(node: Any, key: str, value: Any, order: list[str]) -> None:
    """Insert a question where the questionnaire's order puts it among the keys present."""
    before = order[: order.index(key)]
    keys = [str(k) for k in node.keys()]
    pos = max((keys.index(k) + 1 for k in before if k in keys), default=0)
    node.insert(pos, key, value)


def fill(existing: AnswersFile, p: Plan) -> tuple[Entry, ...]:
    """Fill the empty answers of an officer's file in its own tree; never touch written text.

    A question the file lacks counts as empty. Retired answers are reported
    but not copied in: they stay in last year's file, and the officer's file
    gets nothing beyond this year's questions.
    """
    from ruamel.yaml.comments import CommentedMap

    doc = existing.doc
    if not isinstance(doc.get("answers"), CommentedMap):
        doc["answers"] = CommentedMap()
    node = doc["answers"]
    order = [a.id for a in p.answers]
    planned = {e.new: e for e in p.entries if e.new is not None}
    out = []
    for a in p.answers:
        e = planned[a.id]
        mine = existing.answers.get(a.id)
        if mine is not None and mine.text.strip():  # even "[insert ...]": the officer's reminder
            out.append(Entry(a.id, e.old, "kept", len(mine.paragraphs), "your answer is kept"))
            continue
        if a.text and mine is None:
            _insert_at(node, a.id, answers.answer_data(a), order)
        elif a.text:
            _fill_answer(node, a)
        out.append(e)
    out.extend(e if e.old[0] in existing.retired else
               replace(e, action="left", note=f"{e.note}; still in last year's file (--fill copies none)")
               for e in p.entries if e.new is None)
    return tuple(out)


# ---------------------------------------------------------------- the command's core

def _questionnaire_ref(q: Questionnaire, qpath: Path, output: Path | None) -> str:
    """The year, when the questionnaire would be found by it from the output; else a relative path."""
    from tipreport import questionnaire as qmod

    near = output if output is not None else Path("answers.yaml")
    try:
        if qmod.find(str(q.year), near=near).resolve() == qpath.resolve():
            return str(q.year)
    except InputError:
        pass
    base = (near.parent if str(near.parent) else Path(".")).resolve()
    return Path(os.path.relpath(qpath.resolve(), base)).as_posix()


def _load_prior(path: Path, questionnaire_path: Path | None) -> tuple[AnswersFile, Questionnaire]:
    """Last year's file and the questionnaire it names (the hint names init's own option)."""
    from tipreport import questionnaire as qmod

    prior = answers.load(path, editable=False)
    if questionnaire_path is None:
        try:
            questionnaire_path = qmod.find(prior.meta.questionnaire, near=path)
        except InputError:
            raise InputError(path, f"last year's questionnaire '{prior.meta.questionnaire}' not found "
                             "beside it; pass --prior-questionnaire") from None
    prior_q = qmod.load(questionnaire_path)
    answers.check_against(prior, prior_q)
    return prior, prior_q


def _older_questionnaires(prior: AnswersFile, prior_path: Path) -> dict[int, Questionnaire]:
    """The questionnaires of the years whose answers last year's file keeps under retired:.

    One that cannot be found leaves its answers retired, as they were.
    """
    from tipreport import questionnaire as qmod

    out = {}
    for year in {a.provenance.year for a in prior.retired.values() if a.provenance.year}:
        try:
            out[year] = qmod.load(qmod.find(str(year), near=prior_path))
        except InputError:
            continue
    return out


def _check(prior_path: Path, prior: AnswersFile, q: Questionnaire, output: Path | None) -> None:
    if prior.meta.year >= q.year:
        raise UsageError(f"{prior_path}: is the {prior.meta.year} answers file but the questionnaire is "
                         f"for {q.year}; --from takes last year's file")
    if output is not None and output.exists() and output.resolve() == prior_path.resolve():
        raise UsageError(f"{output}: is the --from file; give this year's file to -o")


def run(prior_path: Path, questionnaire_path: Path, output: Path | None, *, force: bool = False,
        fill_mode: bool = False, dry_run: bool = False,
        prior_questionnaire: Path | None = None) -> InitResult:
    """Carry last year's answers into a new file, or fill an existing one; dry run writes nothing.

    Filling runs under the folder's lock: an edit another command makes meanwhile is
    never overwritten."""
    yamlio.refuse_inputs(output, [questionnaire_path, prior_questionnaire], "-o")  # --from: in _check
    if output is None or dry_run:
        return _run(prior_path, questionnaire_path, output, force, fill_mode, dry_run,
                    prior_questionnaire)
    with yamlio.editing(output):
        return _run(prior_path, questionnaire_path, output, force, fill_mode, dry_run,
                    prior_questionnaire)


def _run(prior_path: Path, questionnaire_path: Path, output: Path | None, force: bool,
         fill_mode: bool, dry_run: bool, prior_questionnaire: Path | None) -> InitResult:
    from tipreport import questionnaire as qmod

    if force and fill_mode:
        raise UsageError("--force and --fill: choose one (replace the file, or fill its empty answers)")
    if output is None and not dry_run:
        raise UsageError("-o/--output is required (or use --dry-run to see the alignment only)")
    if output is not None and output.is_dir():
        raise InputError(output, "is a directory; give the answers file's name")
    exists = output is not None and output.exists()
    refused = ""
    if exists and not (force or fill_mode):
        refused = (f"{output}: already exists; pass --force to overwrite it "
                   "or --fill to fill its empty answers")
        if not dry_run:
            raise UsageError(refused)
    prior, prior_q = _load_prior(prior_path, prior_questionnaire)
    q = qmod.load(questionnaire_path)
    _check(prior_path, prior, q, output)
    existing = None
    if exists and fill_mode:
        existing = answers.load(output, q)
    prior_q = qmod.with_state_text(prior_q, prior_path)  # what each question asks, where the
    q = qmod.with_state_text(q, questionnaire_path)       # cable did not restate it
    p = plan(prior, prior_q, q, _questionnaire_ref(q, questionnaire_path, output), existing,
             _older_questionnaires(prior, prior_path))
    if existing is not None:
        before = existing.text
        entries = fill(existing, p)
        text = existing.dumps()
        mode, changed = "fill", text != before
    else:
        text = yamlio.dumps(document(p, prior_path))
        entries, mode, changed = p.entries, ("overwrite" if exists else "create"), True
    target = output or Path("<dry-run>")
    checked = answers.from_data(yamlio.loads_fast(text, target), target)  # what we write must load back
    answers.check_against(checked, q)
    written = False
    if output is not None and changed and not dry_run:
        yamlio.atomic_write_text(output, text, overwrite=exists)
        written = True
    return InitResult(prior_path, output, mode, prior.meta.year, q.year, p.alignment, entries, text,
                      written, dry_run, refused)
