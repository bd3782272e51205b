"""Year-over-year differences between two answers files, question by question.

A desk officer wants to know what the post changed since last year, and a
drafter wants to check a carried draft against last year's submission. Both
need the questions paired the way the carry pairs them (2006's 2F is 2007's
2E), so pairing goes through :mod:`tipreport.align`, never through a second
aligner. Inside a pair, paragraphs are aligned first (identical paragraphs
cost nothing, edited ones are paired by similarity), and only then are words
compared inside the edited paragraphs: long answers stay fast and the result
reads like an editor's redline rather than a scramble of common words.
Changed figures are pulled out, because a count left from last year is the
commonest mistake in a carried submission.

Everything here is pure data in, data out; the terminal, HTML and Word
renderers take a :class:`DiffReport`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Any

from tipreport.answers import AnswersFile, blank_paragraphs, paragraphs
from tipreport.errors import UsageError
from tipreport.questionnaire import Questionnaire

EQUAL, DELETE, INSERT = "equal", "delete", "insert"
# paragraph operations
P_EQUAL, P_CHANGE, P_INSERT, P_DELETE = "equal", "change", "insert", "delete"
# question statuses
PAIRED, NEW, RETIRED = "paired", "new", "retired"
# pairing kind beyond align.KINDS: a new question whose answer `init` carried from the old file's retired:
FROM_RETIRED = "from retired"

# A figure is a run of digits with its separators ("4,655", "3.5", "20%") that is
# not part of a word such as "G7", "10th", "2005-2006" or "U.S.-1".
# (the look-behind sits after the first digit so the scan can skip to digits quickly)
_NUMBER_IN_TEXT = re.compile(r"\d(?<![\w.,'\u2019/-]\d)\d*(?:[.,]\d+)*%?(?![\w'\u2019/-]|[.,]\w)")
_DIGIT = re.compile(r"\d")
_SENTENCE_BREAKS = (". ", "; ", "? ", "! ", ": ")

# Share of words (0-100) two edited paragraphs must have in common, in order, to be shown
# as one paragraph edited rather than one deleted and one inserted. On the seed pair,
# paragraphs that continue each other share 35-100; unrelated ones on the same topic 2-20.
PARAGRAPH_CUTOFF = 30.0
_FULL_BLOCK = 400  # blocks of edited paragraphs up to this many cells are scored in full ...
_BAND = 8  # ... larger ones only this many paragraphs either side of the diagonal
_CONTEXT_WORDS = 4
_SMALL_EDIT = 4  # extra tokens an edit may hold around its figures and still pair them


# ---------------------------------------------------------------- data

@dataclass(frozen=True)
class Segment:
    """A run of words that is kept, deleted or inserted; ``space``: preceded by a space."""

    op: str
    text: str
    space: bool = True


@dataclass(frozen=True)
class FigureChange:
    """A number that changed (old and new), was dropped (new empty) or appeared (old empty).

    ``source`` and ``at`` locate it in its paragraph; the words around it are
    worked out only when a report shows them.
    """

    old: str
    new: str
    source: str = field(default="", repr=False, compare=False)
    at: int = field(default=0, repr=False, compare=False)

    @property
    def before(self) -> str:
        return context(self.source, self.at, self.at + len(self.new or self.old))[0]

    @property
    def after(self) -> str:
        return context(self.source, self.at, self.at + len(self.new or self.old))[1]

    @property
    def kind(self) -> str:
        return "changed" if self.old and self.new else ("removed" if self.old else "added")

    def label(self, core: str | None = None) -> str:
        """'So far, 4,655 -> 5,737 police officers have attended': the figure in its words.

        ``core`` replaces the middle part (renderers pass a coloured or marked-up one).
        """
        if core is None:
            core = f"{self.old} -> {self.new}" if self.old and self.new else \
                f"{self.old or self.new} ({self.kind})"
        before, after = context(self.source, self.at, self.at + len(self.new or self.old))
        text = f"{before} {core}" if before else core
        if after:
            text += after if after[0] in ",.;:)?!%" else " " + after
        return text


@dataclass(frozen=True)
class ParagraphDiff:
    op: str
    old: int | None
    new: int | None
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class TextDiff:
    paragraphs: tuple[ParagraphDiff, ...]
    words_added: int
    words_removed: int
    similarity: float
    figures: tuple[FigureChange, ...]

    @property
    def changed(self) -> bool:
        return any(p.op != P_EQUAL for p in self.paragraphs)

    @property
    def old_words(self) -> int:
        """Length of the old answer in words (a display figure, counted when asked for)."""
        return sum(count_words(side_text(p, "old")) for p in self.paragraphs if p.op != P_INSERT)

    @property
    def new_words(self) -> int:
        return sum(count_words(side_text(p, "new")) for p in self.paragraphs if p.op != P_DELETE)

    def figure_counts(self) -> dict[str, int]:
        counts = Counter(f.kind for f in self.figures)
        return {k: counts[k] for k in ("changed", "added", "removed")}


@dataclass(frozen=True)
class QuestionDiff:
    """One row of the report: a new question and its predecessor(s), or a new or retired one."""

    new_id: str | None
    old_ids: tuple[str, ...]
    status: str
    topic: str
    score: float | None
    diff: TextDiff
    old_blank: bool = False
    new_blank: bool = False
    kind: str = "same"
    note: str = ""

    @property
    def label(self) -> str:
        if self.status == RETIRED:
            return f"{'+'.join(self.old_ids)} (retired)"
        if self.status == NEW:
            return f"{self.new_id} (new)"
        olds = "+".join(self.old_ids)
        label = self.new_id if olds == self.new_id else f"{self.new_id} <- {olds}"
        if self.kind == FROM_RETIRED:  # not one of the old file's questions: one it kept under retired:
            return f"{self.new_id} <- retired {olds}"
        return f"{label} ({self.kind})" if self.kind in ("split", "merged") else label


@dataclass(frozen=True)
class Side:
    path: str
    year: int
    questionnaire: int
    partial: bool
    reference_id: str = ""
    classification: str = ""


@dataclass(frozen=True)
class DiffReport:
    old: Side
    new: Side
    method: str  # "id" (same questionnaire) or "align"
    questions: tuple[QuestionDiff, ...]
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def changed(self) -> bool:
        return any(q.diff.changed for q in self.questions)

    @property
    def pairing_text(self) -> str:
        """How the questions were paired, in words, for every output's header."""
        return ("questions paired by id (same questionnaire)" if self.method == "id"
                else "questions paired by the carry's alignment of the two questionnaires")

    def counts(self) -> dict[str, int]:
        """How many questions are paired, new, retired; how many changed, with changed figures."""
        status = Counter(q.status for q in self.questions)
        return {
            PAIRED: status[PAIRED], NEW: status[NEW], RETIRED: status[RETIRED],
            "changed": sum(1 for q in self.questions if q.status == PAIRED and q.diff.changed),
            "unchanged": sum(1 for q in self.questions if q.status == PAIRED and not q.diff.changed),
            "figures": sum(1 for q in self.questions
                           if q.status == PAIRED and q.diff.figure_counts()["changed"]),
        }

    def to_dict(self, *, stat: bool = False) -> dict[str, Any]:
        return report_dict(self, stat=stat)


# ---------------------------------------------------------------- tokens and words

def count_words(text: str) -> int:
    """Words as the diff sees them: runs between spaces, as a word processor counts them.

    "4,655", "anti-trafficking" and "Affairs," are one word each; the word
    diff compares the same units, as git's and wdiff's word diffs do.
    """
    return len(text.split())


def number_pieces(text: str) -> list[tuple[str, bool]]:
    """Split text into (piece, is_number) so renderers can make changed figures stand out."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in _NUMBER_IN_TEXT.finditer(text):
        if m.start() > pos:
            out.append((text[pos:m.start()], False))
        out.append((m.group(), True))
        pos = m.end()
    if pos < len(text):
        out.append((text[pos:], False))
    return out


def context(text: str, start: int, end: int) -> tuple[str, str]:
    """Up to four words either side of text[start:end], not crossing a sentence end."""
    before = text[max(0, start - 120):start]
    cut = max(before.rfind(mark) for mark in _SENTENCE_BREAKS)
    if cut >= 0:
        before = before[cut + 2:]
    after = text[end:end + 120]
    cuts = [k for k in (after.find(mark) for mark in _SENTENCE_BREAKS) if k >= 0]
    if cuts:
        after = after[:min(cuts)]
    elif after.rstrip().endswith((".", ";", "?", "!")) and len(after) < 120:
        after = after.rstrip()[:-1]
    return (" ".join(before.split()[-_CONTEXT_WORDS:]),
            " ".join(after.split()[:_CONTEXT_WORDS]).rstrip(",;:"))


# ---------------------------------------------------------------- word level

def _cleanup(ops: list) -> list[list]:
    """Fold small equalities sandwiched between bigger edits into the edits.

    A rewritten sentence shares "the", "of" and commas with the old one; left
    as matches they shred the redline into confetti. An equality no longer
    than the edits on both sides of it becomes part of one replacement
    (the rule diff-match-patch calls semantic cleanup).
    """
    ops = _merge_edits(ops)
    k = 1
    while k < len(ops) - 1:
        op = ops[k]
        prev, nxt = ops[k - 1], ops[k + 1]
        if op[0] == EQUAL and prev[0] != EQUAL and nxt[0] != EQUAL:
            size = op[2] - op[1]
            if size <= max(prev[2] - prev[1], prev[4] - prev[3]) and \
                    size <= max(nxt[2] - nxt[1], nxt[4] - nxt[3]):
                ops[k - 1:k + 2] = [["replace", prev[1], nxt[2], prev[3], nxt[4]]]
                k = max(k - 1, 1)
                continue
        k += 1
    return ops


def _merge_edits(ops: list) -> list[list]:
    """Adjacent deletions and insertions become one replacement."""
    merged: list[list] = []
    for op in ops:
        if merged and op[0] != EQUAL and merged[-1][0] != EQUAL:
            prev = merged[-1]
            merged[-1] = ["replace", prev[1], op[2], prev[3], op[4]]
        else:
            merged.append(list(op))
    return merged


def word_ops(a: list[str], b: list[str]) -> list[list]:
    """Opcodes (tag, i1, i2, j1, j2) between two token lists: rapidfuzz's LCS, then cleanup."""
    from rapidfuzz.distance import Indel

    return _cleanup(Indel.opcodes(a, b).as_list())


@dataclass
class _Tally:
    equal: int = 0       # characters kept: kept words and the spaces both sides still have
    old_chars: int = 0
    new_chars: int = 0
    added: int = 0       # words
    removed: int = 0
    figures: list[FigureChange] | None = field(default_factory=list)


def _is_year(token: str) -> bool:
    return len(token) == 4 and token.isdigit() and token[:2] in ("19", "20")


Found = tuple[str, str, int]  # a figure, the text it is in, where it starts


def _numbers(text: str, offset: int = 0, src: str | None = None) -> list[Found]:
    src = text if src is None else src
    return [(m.group(), src, offset + m.start()) for m in _NUMBER_IN_TEXT.finditer(text)]


def _figures(old: list[Found], new: list[Found], small: bool) -> list[FigureChange]:
    """Figures that differ between the two sides of one edit.

    Only a small edit ("4,655" -> "5,737", "a total 4,655" -> "5,737") pairs
    its numbers as changed, year with year and count with count, in reading
    order; in a rewritten passage the numbers are listed as dropped and added,
    because pairing them there would invent correspondences.
    """
    o_left, n_left = _unshared(old, new)
    out: list[FigureChange] = []
    if small:
        for year in (True, False):
            os_ = [x for x in o_left if _is_year(x[0]) == year]
            ns_ = [x for x in n_left if _is_year(x[0]) == year]
            for o, n in zip(os_, ns_, strict=False):
                out.append(FigureChange(o[0], n[0], n[1], n[2]))
                o_left.remove(o)
                n_left.remove(n)
    out += [FigureChange(n, "", src, at) for n, src, at in o_left]
    out += [FigureChange("", n, src, at) for n, src, at in n_left]
    return out


def _unshared(old: list[Found], new: list[Found]) -> tuple[list[Found], list[Found]]:
    """Both sides without the figures they share: each old one cancels the first equal new one left."""
    waiting: dict[str, list[int]] = {}  # figure -> positions in new not yet cancelled, latest first
    for k in range(len(new) - 1, -1, -1):
        waiting.setdefault(new[k][0], []).append(k)
    o_left, cancelled = [], set()
    for item in old:
        positions = waiting.get(item[0])
        if positions:
            cancelled.add(positions.pop())
        else:
            o_left.append(item)
    return o_left, [item for k, item in enumerate(new) if k not in cancelled]


def _offsets(toks: list[str]) -> list[int]:
    """Where each token starts in the tokens joined by single spaces."""
    return [c + k for k, c in enumerate(accumulate(map(len, toks), initial=0))]


def _changed_paragraph(ta: list[str], tb: list[str], tally: _Tally) -> tuple[Segment, ...]:
    """Word diff of one edited paragraph, given each side's words."""
    old, new = " ".join(ta), " ".join(tb)
    tally.old_chars += len(old)
    tally.new_chars += len(new)
    segs: list[Segment] = []
    figures = tally.figures is not None
    offsets: tuple[list[int], list[int]] | None = None  # worked out for the first edit with a digit
    for tag, i1, i2, j1, j2 in word_ops(ta, tb):
        if tag == EQUAL:
            text = " ".join(tb[j1:j2])
            # the space before and after a kept run is kept too, where both sides have it
            tally.equal += len(text) + (i1 > 0 and j1 > 0) + (i2 < len(ta) and j2 < len(tb))
            segs.append(Segment(EQUAL, text, True))
            continue
        del_text, ins_text = " ".join(ta[i1:i2]), " ".join(tb[j1:j2])
        if del_text:
            segs.append(Segment(DELETE, del_text, True))
            tally.removed += i2 - i1
        if ins_text:
            segs.append(Segment(INSERT, ins_text, True))
            tally.added += j2 - j1
        if figures and (_DIGIT.search(del_text) or _DIGIT.search(ins_text)):
            offsets = offsets or (_offsets(ta), _offsets(tb))
            olds = _numbers(del_text, offsets[0][i1], old)
            news = _numbers(ins_text, offsets[1][j1], new)
            if olds or news:
                small = max(i2 - i1, j2 - j1) <= 2 * max(len(olds), len(news)) + _SMALL_EDIT
                tally.figures += _figures(olds, news, small)
    return _tidy(segs)


def _tidy(segs: list[Segment]) -> tuple[Segment, ...]:
    """Join neighbouring equal segments; the first has no leading space."""
    out: list[Segment] = []
    for seg in segs:
        if out and seg.op == EQUAL and out[-1].op == EQUAL:
            last = out[-1]
            out[-1] = Segment(EQUAL, last.text + (" " if seg.space else "") + seg.text, last.space)
            continue
        out.append(seg)
    if out and out[0].space:
        out[0] = Segment(out[0].op, out[0].text, False)
    return tuple(out)


def _whole(op: str, text: str, tally: _Tally, words: int | None = None) -> tuple[Segment, ...]:
    """A paragraph kept, dropped or added as a whole: no word diff needed (``words``: if counted)."""
    size = len(text)
    if op == EQUAL:
        tally.equal += size
        tally.old_chars += size
        tally.new_chars += size
    elif op == DELETE:
        tally.old_chars += size
        tally.removed += count_words(text) if words is None else words
        if tally.figures is not None:
            tally.figures += [FigureChange(n, "", src, at) for n, src, at in _numbers(text)]
    else:
        tally.new_chars += size
        tally.added += count_words(text) if words is None else words
        if tally.figures is not None:
            tally.figures += [FigureChange("", n, src, at) for n, src, at in _numbers(text)]
    return (Segment(op, text, False),)


# ---------------------------------------------------------------- paragraph level

def _pair_block(old_w: list[list[str]], new_w: list[list[str]]) -> list[tuple[int, int]]:
    """Pair edited paragraphs (as lists of words) in one block of non-identical ones, keeping their order.

    Likeness is counted in words, not characters: any two English paragraphs
    share half their letters, but unrelated ones share few words in order.

    Best pairs first (ties broken towards the diagonal), each accepted only if
    it keeps the chain monotone: a paragraph moved to the far end is shown as
    deleted and inserted rather than pairing everything else wrongly. A large
    block (a whole answer rewritten, or pasted in many times) is scored only
    near its diagonal, so the cost grows with its length, not its square.
    """
    from rapidfuzz.distance import Indel

    m, n = len(old_w), len(new_w)
    if not m or not n:
        return []
    sim, cutoff = Indel.normalized_similarity, PARAGRAPH_CUTOFF / 100
    if m == n == 1:
        return [(0, 0)] if sim(old_w[0], new_w[0], score_cutoff=cutoff) else []
    if m * n <= _FULL_BLOCK:
        cells = [(i, j) for i in range(m) for j in range(n)]
    else:
        cells = [(i, j) for i in range(m)
                 for j in range(max(0, round(i * n / m) - _BAND), min(n, round(i * n / m) + _BAND + 1))]
    scores = [(sim(old_w[i], new_w[j], score_cutoff=cutoff), i, j) for i, j in cells]
    cands = sorted((-s, abs(i / m - j / n), i, j) for s, i, j in scores if s)
    chain_i: list[int] = []
    chain_j: list[int] = []
    for _, _, i, j in cands:
        k = bisect_left(chain_i, i)
        if k < len(chain_i) and chain_i[k] == i:
            continue
        if (k and chain_j[k - 1] >= j) or (k < len(chain_j) and chain_j[k] <= j):
            continue
        chain_i.insert(k, i)
        chain_j.insert(k, j)
    return list(zip(chain_i, chain_j, strict=True))


def diff_paragraphs(old: list[str], new: list[str], *, figures: bool = True) -> TextDiff:
    """Align paragraphs (identical ones exactly, edited ones by similarity), then words.

    ``figures=False`` skips looking for changed numbers (a new or retired
    question has nothing to compare its figures with).
    """
    from rapidfuzz.distance import Indel

    tally = _Tally(figures=[] if figures else None)
    out: list[ParagraphDiff] = []
    block: list[int] = []
    if not old or not new:  # a new or retired question, or an answer left blank: all of it went or came
        out = [ParagraphDiff(P_DELETE, k, None, _whole(DELETE, p, tally)) for k, p in enumerate(old)]
        out += [ParagraphDiff(P_INSERT, None, k, _whole(INSERT, p, tally)) for k, p in enumerate(new)]
        return _text_diff(out, tally)
    for tag, i1, i2, j1, j2 in Indel.opcodes(old, new).as_list():
        if tag != EQUAL:
            block = [block[0], i2, block[2], j2] if block else [i1, i2, j1, j2]
            continue
        if block:
            out += _block(old, new, *block, tally)
            block = []
        out += [ParagraphDiff(P_EQUAL, i1 + k, j1 + k, _whole(EQUAL, new[j1 + k], tally))
                for k in range(i2 - i1)]
    if block:
        out += _block(old, new, *block, tally)
    return _text_diff(out, tally)


def _text_diff(out: list[ParagraphDiff], tally: _Tally) -> TextDiff:
    total = tally.old_chars + tally.new_chars
    similarity = 100.0 if not total else round(min(100.0, 200.0 * tally.equal / total), 1)
    return TextDiff(tuple(out), tally.added, tally.removed, similarity, tuple(tally.figures or ()))


def _block(a: list[str], b: list[str], i1: int, i2: int, j1: int, j2: int,
           tally: _Tally) -> list[ParagraphDiff]:
    aw, bw = [p.split() for p in a[i1:i2]], [p.split() for p in b[j1:j2]]  # each paragraph split once

    def gone_and_came(i_end: int, j_end: int) -> list[ParagraphDiff]:
        """The unpaired paragraphs before the next pair (or the block's end): dropped, then added."""
        return [ParagraphDiff(P_DELETE, k, None, _whole(DELETE, a[k], tally, len(aw[k - i1])))
                for k in range(i, i_end)] + \
            [ParagraphDiff(P_INSERT, None, k, _whole(INSERT, b[k], tally, len(bw[k - j1])))
             for k in range(j, j_end)]

    out: list[ParagraphDiff] = []
    i, j = i1, j1
    for pi, pj in _pair_block(aw, bw):
        out += gone_and_came(pi + i1, pj + j1)
        segs = _changed_paragraph(aw[pi], bw[pj], tally)
        op = P_CHANGE if any(s.op != EQUAL for s in segs) else P_EQUAL
        out.append(ParagraphDiff(op, pi + i1, pj + j1, segs))
        i, j = pi + i1 + 1, pj + j1 + 1
    return out + gone_and_came(i2, j2)


def diff_text(old: str, new: str, *, figures: bool = True) -> TextDiff:
    """Word diff of two answer texts (paragraphs as :func:`answers.paragraphs` reads them)."""
    return diff_paragraphs(paragraphs(old), paragraphs(new), figures=figures)


def side_text(p: ParagraphDiff, side: str) -> str:
    """One paragraph as it reads on one side ('old' or 'new'): reject or accept its changes."""
    drop = INSERT if side == "old" else DELETE
    text = ""
    for s in p.segments:
        if s.op == drop:
            continue
        text += (" " if s.space and text else "") + s.text
    return text


def apply(diff: TextDiff, side: str) -> list[str]:
    """The paragraphs of one side rebuilt from the diff ('old' or 'new'): accept or reject all."""
    skip = P_INSERT if side == "old" else P_DELETE
    return [side_text(p, side) for p in diff.paragraphs if p.op != skip]


# ---------------------------------------------------------------- pairing questions

@dataclass(frozen=True)
class Pair:
    """A new question and the old one(s) it descends from, as the carry sees it."""

    new: str | None
    old: tuple[str, ...]
    score: float | None
    kind: str = "same"  # align.KINDS (same, renumbered, split, merged, new, retired) or FROM_RETIRED
    note: str = ""


def pair_questions(old_af: AnswersFile, old_q: Questionnaire, new_af: AnswersFile,
                   new_q: Questionnaire) -> tuple[str, list[Pair]]:
    """Pair by id within one questionnaire year, else through the carry's alignment.

    The alignment is called exactly as the carry calls it (both years' answers
    as evidence), so diff compares each answer with the text it was carried from.
    """
    if old_q.year == new_q.year:
        return "id", [Pair(qid, (qid,), None) for qid in new_q.ids()]
    from tipreport import align

    table = align.align(old_q, new_q, old_af.answers, new_af.answers, nearest=False)
    sources = _retired_sources(new_af, old_af, list(table.open_questions))
    pairs = []
    for lk in table.links:
        source = sources.get(lk.new) if lk.new else None
        note = f"carried from the answer kept under retired: in the {old_af.meta.year} file"
        pairs.append(Pair(lk.new, (source,), None, FROM_RETIRED, note) if source else
                     Pair(lk.new, tuple(lk.old), lk.score, lk.kind, lk.note))
    return "align", pairs


def _retired_sources(new_af: AnswersFile, old_af: AnswersFile, new_ids: list[str]) -> dict[str, str]:
    """New question -> the old file's retired answer its answer was carried from, by provenance.

    `init` carries what last year's file kept under retired: (after a partial
    questionnaire) into the questions that ask it again, and says so in the
    provenance (that file's year, section retired). Only a whole answer
    carried to one question is paired; a split or merged one stays listed as
    new, since its share of the retired text is not recorded.
    """
    claims: dict[str, list[str]] = {}
    for qid in new_ids:
        answer = new_af.answers.get(qid)
        prov = answer.provenance if answer else None
        if prov and prov.source == "carried" and prov.section == "retired" and prov.year == old_af.meta.year:
            for rid in prov.questions:
                claims.setdefault(rid, []).append(qid)
    out = {}
    for rid, qids in claims.items():
        answer = new_af.answers[qids[0]]
        if len(qids) == 1 and answer.provenance.questions == (rid,) and rid in old_af.retired:
            out[qids[0]] = rid
    return out


def _old_paragraphs(af: AnswersFile, ids: tuple[str, ...], kind: str = "") -> list[str]:
    source = af.retired if kind == FROM_RETIRED else af.answers
    return [p for q in ids if q in source for p in paragraphs(source[q].text)]


def _old_side(p: Pair, pairs: list[Pair], af: AnswersFile, new_q: Questionnaire,
              cache: dict) -> tuple[list[str], str]:
    """The old paragraphs a new question is compared with, and a note on where they came from.

    A split question is compared with the paragraphs the carry gives it (2006
    3B's labor paragraph for 2007 3C), using the carry's own rule, so the diff
    shows what the officer changed rather than what the split moved away.
    """
    if p.kind != "split" or len(p.old) != 1 or not p.new:
        return _old_paragraphs(af, p.old, p.kind), p.note
    old_id = p.old[0]
    answer = af.answers.get(old_id)
    if answer is None or answer.blank:
        return [], p.note
    if old_id not in cache:
        from tipreport.carry import split_parts

        successors = [new_q.get(x.new) for x in pairs if x.new and old_id in x.old]
        cache[old_id] = split_parts(old_id, answer.text, successors, af.meta.year)
    paras, _, note = cache[old_id][p.new]
    return paras, note


def _new_paragraphs(af: AnswersFile, qid: str | None) -> list[str]:
    return paragraphs(af.answers[qid].text) if qid and qid in af.answers else []


def _topic(q: Questionnaire, qid: str | None) -> str:
    question = q.get(qid) if qid else None
    return question.topic if question else ""


def diff_answers(old_af: AnswersFile, old_q: Questionnaire, new_af: AnswersFile,
                 new_q: Questionnaire, *, question: str | None = None,
                 pairing: tuple[str, list[Pair]] | None = None) -> DiffReport:
    """The whole report: pair the questions, then diff each pair's answers.

    ``pairing``: what :func:`pair_questions` returns, for a caller that already has it.
    """
    method, pairs = pairing or pair_questions(old_af, old_q, new_af, new_q)
    chosen = pairs if question is None else _select(pairs, question.strip().upper(), old_q, new_q)
    rows, cache = [], {}
    for p in chosen:
        old_paras, note = _old_side(p, pairs, old_af, new_q, cache)
        new_paras = _new_paragraphs(new_af, p.new)
        status = PAIRED if p.new and p.old else (NEW if p.new else RETIRED)
        topic = _topic(new_q, p.new) or _topic(old_q, p.old[0] if p.old else None)
        rows.append(QuestionDiff(p.new, p.old, status, topic, p.score,
                                 diff_paragraphs(old_paras, new_paras, figures=status == PAIRED),
                                 bool(p.old) and blank_paragraphs(old_paras),
                                 bool(p.new) and blank_paragraphs(new_paras),
                                 p.kind, note))
    notes = []
    if new_q.partial and method == "align":
        notes.append(f"the {new_q.year} questionnaire is partial: questions it lacks are listed "
                     "as retired")
    return DiffReport(_side(old_af, old_q), _side(new_af, new_q), method, tuple(rows), tuple(notes))


def _select(pairs: list[Pair], qid: str, old_q: Questionnaire, new_q: Questionnaire) -> list[Pair]:
    """--question: a new question's id, or an old id when that question was retired."""
    hit = [p for p in pairs if p.new == qid] or [p for p in pairs if not p.new and qid in p.old]
    if hit:
        return hit
    if old_q.get(qid):
        return [p for p in pairs if qid in p.old and p.kind != FROM_RETIRED]
    raise UsageError(f"question {qid} is in neither the {new_q.year} nor the {old_q.year} "
                     f"questionnaire ({_span(new_q)}; {_span(old_q)})")


def _span(q: Questionnaire) -> str:
    ids = q.ids()
    return f"{q.year}: {ids[0]}-{ids[-1]}" if ids else f"{q.year}: none"


def _side(af: AnswersFile, q: Questionnaire) -> Side:
    return Side(str(af.path) if af.path else "", af.meta.year, q.year, q.partial,
                af.meta.reference_id, af.meta.classification)


def diff_files(old_path: str | Path, new_path: str | Path, *, question: str | None = None,
               old_questionnaire: str | Path | None = None,
               new_questionnaire: str | Path | None = None) -> DiffReport:
    """Load both answers files with the questionnaires they name, and diff them."""
    from tipreport import answers
    from tipreport.questionnaire import with_state_text

    old_af, old_q = answers.load_with_questionnaire(old_path, old_questionnaire, editable=False)
    new_af, new_q = answers.load_with_questionnaire(new_path, new_questionnaire, editable=False)
    old_q, new_q = with_state_text(old_q, old_path), with_state_text(new_q, new_path)
    return diff_answers(old_af, old_q, new_af, new_q, question=question)


# ---------------------------------------------------------------- JSON

def segment_list(p: ParagraphDiff) -> list[list[Any]]:
    return [[s.op, s.text, s.space] for s in p.segments]


def question_dict(q: QuestionDiff, *, stat: bool = False) -> dict[str, Any]:
    d: dict[str, Any] = {
        "new": q.new_id,
        "old": list(q.old_ids),
        "status": q.status,
        "kind": q.kind,
        "note": q.note,
        "topic": q.topic,
        "score": None if q.score is None else round(q.score, 1),
        "changed": q.diff.changed,
        "similarity": q.diff.similarity,
        "old_words": q.diff.old_words,
        "new_words": q.diff.new_words,
        "words_added": q.diff.words_added,
        "words_removed": q.diff.words_removed,
        "old_blank": q.old_blank,
        "new_blank": q.new_blank,
        "figure_counts": q.diff.figure_counts(),
        "figures": [{"old": f.old or None, "new": f.new or None, "kind": f.kind,
                     "before": f.before, "after": f.after} for f in q.diff.figures],
    }
    if not stat:
        d["paragraphs"] = [{"op": p.op, "old": p.old, "new": p.new, "segments": segment_list(p)}
                           for p in q.diff.paragraphs]
    return d


def report_dict(r: DiffReport, *, stat: bool = False) -> dict[str, Any]:
    def side(s: Side) -> dict[str, Any]:
        return {"path": s.path, "year": s.year, "questionnaire": s.questionnaire,
                "partial": s.partial, "reference_id": s.reference_id,
                "classification": s.classification}

    return {
        "old": side(r.old),
        "new": side(r.new),
        "pairing": r.method,
        "changed": r.changed,
        "counts": r.counts(),
        "notes": list(r.notes),
        "questions": [question_dict(q, stat=stat) for q in r.questions],
    }
