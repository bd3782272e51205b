"""Which of last year's questions each of this year's questions descends from.

State renumbers, rewords, splits and merges questions from year to year, so an
answer cannot follow its number: 2006's 2F became 2007's 2E, and 2006's 3B
(penalties for sexual and labor trafficking) became 2007's 3B (sexual) and 3C
(labor). ``align`` is a pure function on two questionnaires (and, where known,
both years' answers) returning plain data that ``init`` (carry forward) and
``diff`` both read.

How a pair is scored (0-100). Compared on the real 2006/2007 pair, rapidfuzz's
default scorer ``WRatio`` picks the wrong 2006 question for 3 of the 14 2007
questions and scores every long pair about 86, so no threshold can separate
them; ``ratio`` punishes a question that gained a sentence (2007 3F is 2006 3E
plus two: 52), ``token_set_ratio`` forgives that but gives 100 to any subset,
and ``partial_ratio`` is right but 40 times slower. The mean of ``ratio`` and
``token_set_ratio`` on the question text, averaged with ``ratio`` on the topic
heading, scores every true pair of the seed 87 or more and every other pair 72
or less. Which score is enough is not a constant (the first version's 80, set
from the seed, turned the right predecessors of pairs from other posts and years
apart, 50-78, into "new" questions): it is the pair's own chance floor
(``question_floor``), the likeness different questions reach by chance in as many
comparisons, which falls between on the seed (78). Where both years' answers are known they are
evidence for candidates whose question scores are close (up to EVIDENCE_WEIGHT
points). Pairs are then chosen together by an optimal assignment, not greedily.

Splits and merges come second, from words. A split: an old question whose
successor no longer asks part of it (2006 3B's "labor"), and an unmatched new
question that asks that part; where the old answer is known, one of its
paragraphs must fit the new question too. A merge is the same seen from the
other side. Where no piece kept enough wording to be matched at all, an old
question whose words hold two or more unmatched new ones was split into them
(and the reverse is a merge). ``fit_paragraphs`` decides which part of a split
answer goes where.

Third, where both years' answers are known (diff; init --fill), a question the
questions' words leave without a predecessor takes the old questions whose
paragraphs reappear in its answer (:mod:`tipreport.content_links`): its link
says ``by_answers``, and carry copies only the paragraphs placed there.
State's wording of a question the post's cable did not restate comes from the
shipped questionnaire of that year (``questionnaire.with_state_text``), which
init and diff apply before aligning.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

from tipreport.answers import is_blank, paragraphs
from tipreport.questionnaire import Question, Questionnaire

TOPIC_WEIGHT = 0.5      # share of the score that comes from the topic heading
EVIDENCE_WEIGHT = 10.0  # most points the answers' likeness can add to a pair
EVIDENCE_FLOOR = 50.0   # two unrelated answers about one country still score about 50
CLOSE = 15.0            # answers are weighed only for candidates this close to a row's best
PART_MIN = 60.0         # split/merge: how much (0-100) of the dropped part the other question asks
PART_SHARE = 0.1        # ... and the dropped part must be at least this share of the question
CONTAINED = 0.8         # both unmatched: share of one question's words found in the other
LOW = 50.0              # ... and they must still look this much alike
MIN_WORDS = 3           # fewer content words than this prove nothing by containment
NULL_PEERS = 8          # chance floor: each question compared with this many others of its year
SAME_PARAGRAPH = 90.0   # a paragraph this alike in both years' answers shows where text went

KINDS = ("same", "renumbered", "split", "merged", "new", "retired")


@dataclass(frozen=True)
class Link:
    """One row of the alignment table.

    ``new`` is this year's id (None for a retired question); ``old`` last
    year's ids it descends from (empty for a new question). ``score`` is
    0-100: the question likeness (for the split-off part of a split, how much
    of the dropped part it asks); None where there is no link. ``nearest``
    names the best candidate below the threshold, so an officer can see why a
    question came out new or retired.
    """

    new: str | None
    old: tuple[str, ...]
    score: float | None
    kind: str
    reworded: bool = False
    nearest: tuple[str, float] | None = None
    note: str = ""
    by_answers: bool = False  # found by what the answers say (content_links), not by the question

    def to_json(self) -> dict:
        return {
            "new": self.new,
            "old": list(self.old),
            "score": None if self.score is None else round(self.score, 1),
            "kind": self.kind,
            "reworded": self.reworded,
            "nearest": None if self.nearest is None else
            {"id": self.nearest[0], "score": round(self.nearest[1], 1)},
            "note": self.note,
            "by_answers": self.by_answers,
        }


@dataclass(frozen=True)
class Alignment:
    """The whole table: this year's questions in order, then last year's retired ones."""

    old_year: int
    new_year: int
    links: tuple[Link, ...]
    partial: bool = False
    # (old id, paragraph index) -> the new questions that paragraph fits (content_links)
    placement: dict = field(default_factory=dict, hash=False, compare=False)

    def link(self, new_id: str) -> Link | None:
        return next((lk for lk in self.links if lk.new == new_id), None)

    def successors(self, old_id: str) -> tuple[str, ...]:
        """The questions an old one's answer moves to (by_answers links only copy paragraphs)."""
        return tuple(lk.new for lk in self.links
                     if lk.new is not None and old_id in lk.old and not lk.by_answers)

    @property
    def retired(self) -> tuple[str, ...]:
        return tuple(lk.old[0] for lk in self.links if lk.new is None)

    @property
    def new_questions(self) -> tuple[str, ...]:
        return tuple(lk.new for lk in self.links if lk.new is not None and not lk.old)

    @property
    def open_questions(self) -> tuple[str, ...]:
        """Questions no question of last year asks (the answers' paragraphs may have filled them)."""
        return tuple(lk.new for lk in self.links if lk.new is not None and (not lk.old or lk.by_answers))

    def to_json(self) -> list[dict]:
        return [lk.to_json() for lk in self.links]


# ---------------------------------------------------------------- words

_STOP = frozenset("""
a about above after again against all also am an and any are as at be been being both but by
can could did do does doing done during e each eg etc for from further g had has have how i ie if
in into is it its may more most no nor not of on only or other others our out over own please
same should so some such than that the their them then there these they this those through to
under until up very was were what when where whether which while who whom why will with would
explain describe specify
""".split())
_WORD = re.compile(r"[a-z]+")
_SUFFIXES = ("ations", "ation", "ments", "ment", "ated", "ates", "ings", "ions", "ing", "ion", "ers",
             "ies", "ied", "ual", "ous", "ate", "ed", "er", "es", "al", "s", "e", "y")


# The suffixes a word may end in, by its last letter, in _SUFFIXES's order: a
# command starts with no stems cached and tries only these.
_BY_LAST = {c: tuple(x for x in _SUFFIXES if x[-1] == c) for c in {x[-1] for x in _SUFFIXES}}


@lru_cache(maxsize=8192)
def _stem(word: str) -> str:
    """A crude stem, enough that 'sexual' meets 'sex' and 'laborers' meets 'labor'."""
    for suffix in _BY_LAST.get(word[-1:], ()):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> frozenset[str]:
    """Stems of the words that carry meaning (no function words)."""
    return frozenset(_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1)


def _idf(texts: Sequence[frozenset[str]]) -> dict[str, float]:
    """Rare words weigh more: 'labor' tells more about a question than 'government'."""
    df: dict[str, int] = {}
    for words in texts:
        for w in words:
            df[w] = df.get(w, 0) + 1
    n = len(texts)
    return {w: math.log((n + 1) / (c + 1)) + 1.0 for w, c in df.items()}


def _weight(words: frozenset[str] | set[str], idf: Mapping[str, float]) -> float:
    return sum(idf.get(w, 1.0) for w in words)


# ---------------------------------------------------------------- scores

@lru_cache(maxsize=1)
def _rf():
    """rapidfuzz, loaded on first use (so `tipreport --help` never loads it) and looked up once.

    An import statement in a function that runs for every pair costs more
    than some of the comparisons it serves.
    """
    from types import SimpleNamespace

    from rapidfuzz import fuzz, process, utils

    return SimpleNamespace(ratio=fuzz.ratio, token_set_ratio=fuzz.token_set_ratio, extract=process.extract,
                           extract_one=process.extractOne, default_process=utils.default_process)


def _norm(text: str) -> str:
    return _rf().default_process(text)


def question_scores(old: Sequence[Question], new: Sequence[Question]) -> list[list[float]]:
    """Likeness 0-100 of every (new, old) pair: rows are new questions, columns old ones."""
    scores = _Scores(old, new)
    return [[scores.question(i, j) for j in range(len(old))] for i in range(len(new))]


def _blend(text_score: float, topic_score: float | None) -> float:
    return text_score if topic_score is None else (1 - TOPIC_WEIGHT) * text_score + TOPIC_WEIGHT * topic_score


# Evidence compares the openings of two answers (about the first paragraph),
# which officers keep where the question stayed. Measured on the seed pair
# against 1500 characters: a true predecessor's opening scores 90 (median;
# 1500: 84), any other answer at most 65 (1500: 65); the one row with rival
# candidates (2007 3C) prefers its predecessor by 6 points (1500: 9). Every
# decision on the seed and on random subsets of it is the same, and a
# comparison costs about a sixth, flat however long an answer grows.
EVIDENCE_CHARS = 600


def _opening(text: str) -> str:
    return _norm(text[:EVIDENCE_CHARS])


def _likeness(x: str, y: str) -> float:
    """How alike two answers are, 0-100, from their normalised openings (the question text's measure)."""
    rf = _rf()
    return (rf.ratio(x, y) + rf.token_set_ratio(x, y)) / 2


def _text_of(answers: Mapping[str, object] | None, qid: str) -> str:
    """Answer text from a mapping of ids to Answer objects or plain strings."""
    if not answers or qid not in answers:
        return ""
    value = answers[qid]
    text = getattr(value, "text", value)
    return "" if text is None or is_blank(str(text)) else str(text)


class _Texts:
    """One year's answers as the alignment reads them, each derived form worked out once.

    An answer is read by several questions' comparisons (evidence, splits);
    normalising or splitting it again for each would cost more than the
    comparisons themselves.
    """

    def __init__(self, answers: Mapping[str, object] | None, questions: Sequence[Question]) -> None:
        self.text = [_text_of(answers, q.id) for q in questions]
        self._memo: dict[tuple[str, int], object] = {}

    def _get(self, kind: str, k: int, make):
        key = (kind, k)
        if key not in self._memo:
            self._memo[key] = make(self.text[k])
        return self._memo[key]

    def opening(self, k: int) -> str:
        return self._get("opening", k, _opening)

    def paragraphs(self, k: int) -> list[str]:
        return self._get("paragraphs", k, paragraphs)

    def paragraph_words(self, k: int) -> list[frozenset[str]]:
        return self._get("words", k, lambda _: [content_words(p) for p in self.paragraphs(k)])

    def distinct_paragraphs(self, k: int) -> list[str]:
        """Normalised, without repeats, at most MAX_PARAGRAPHS: what _shared_paragraph compares."""
        return self._get("distinct", k, lambda _: list(dict.fromkeys(
            _norm(p) for p in self.paragraphs(k)))[:MAX_PARAGRAPHS])


def _row(query: str, choices: list[str], scorer) -> list[float]:
    """One query scored against every choice, in the choices' order (rapidfuzz loops in C++)."""
    out = [0.0] * len(choices)
    for _, score, j in _rf().extract(query, choices, scorer=scorer, limit=None, processor=None):
        out[j] = score
    return out


class _Scores:
    """The likeness matrix: every (new, old) pair scored once, up front.

    A pair's question score is the question text's (the mean of rapidfuzz's
    ``ratio`` and ``token_set_ratio`` on the normalised texts) blended with
    the topic heading's ``ratio`` where both have one. Where neither has text
    (a narrative submission's parts) the headings' own score stands in, judged
    against its own chance floor; with nothing to compare a pair scores 0.
    Where both years' answers are known they lift close candidates
    (weigh_answers) by up to EVIDENCE_WEIGHT points: officers keep text where
    the question stayed.
    """

    def __init__(self, old: Sequence[Question], new: Sequence[Question]) -> None:
        rf = _rf()
        old_text, old_topic = [_norm(q.text) for q in old], [_norm(q.topic) for q in old]
        self._q = []
        self.by_heading: list[list[bool]] = []  # the cell compares headings alone (no text on a side)
        for q in new:
            text, topic = _norm(q.text), _norm(q.topic)
            ratios = _row(text, old_text, rf.ratio) if text else [0.0] * len(old)
            sets = _row(text, old_text, rf.token_set_ratio) if text else [0.0] * len(old)
            topics = _row(topic, old_topic, rf.ratio) if topic else [0.0] * len(old)
            # (headings are compared on their own only where neither question has text)
            topic_sets = _row(topic, old_topic, rf.token_set_ratio) if topic and not text \
                else [0.0] * len(old)
            row, heading = [], []
            for j, (r, ts, tp, tps) in enumerate(zip(ratios, sets, topics, topic_sets, strict=True)):
                if text and old_text[j]:
                    row.append(_blend((r + ts) / 2, tp if topic and old_topic[j] else None))
                    heading.append(False)
                elif topic and old_topic[j] and not text and not old_text[j]:  # headings are all
                    # either says it asks (a narrative submission's 'II. PREVENTION OF TRAFFICKING')
                    row.append((tp + tps) / 2)
                    heading.append(True)
                else:  # nothing to compare: no likeness (two empty texts are not alike)
                    row.append(0.0)
                    heading.append(False)
            self._q.append(row)
            self.by_heading.append(heading)
        self._s = [list(row) for row in self._q]

    def weigh_answers(self, old_texts: _Texts, new_texts: _Texts, floor) -> None:
        """Lift close candidates by what both years' answers say, where that could link them:
        within CLOSE of the row's best question score, and within EVIDENCE_WEIGHT of
        ``floor(i, j)`` (comparing answers costs more than comparing questions)."""
        for i, row in enumerate(self._q):
            if not new_texts.text[i] or not row:
                continue
            best = max(row)
            for j, score in enumerate(row):
                if old_texts.text[j] and score >= best - CLOSE and score + EVIDENCE_WEIGHT >= floor(i, j):
                    likeness = _likeness(new_texts.opening(i), old_texts.opening(j))
                    ev = max(0.0, likeness - EVIDENCE_FLOOR) / (100 - EVIDENCE_FLOOR)
                    self._s[i][j] = score + EVIDENCE_WEIGHT * ev  # may pass 100: shown capped

    def question(self, i: int, j: int) -> float:
        """How alike the two questions are, 0-100."""
        return self._q[i][j]

    def row(self, i: int) -> list[float]:
        return list(self._q[i])

    def __call__(self, i: int, j: int) -> float:
        """The score decisions read: the question's, lifted by the answers' evidence where weighed."""
        return self._s[i][j]

    def best(self, cells: Sequence[tuple[int, int]]) -> int | None:
        """Which of the cells scores highest (the first of equals)."""
        if not cells:
            return None
        return max(range(len(cells)), key=lambda k: (self(*cells[k]), -k))


# ---------------------------------------------------------------- assignment

def assign(weights: Sequence[Sequence[float]]) -> list[tuple[int, int]]:
    """(row, column) pairs, each row and column used at most once, with the largest total weight.

    The Hungarian method with potentials, O(n^2 m): a greedy pick would let
    the first new question take an old one that a later question fits better.
    A zero weight is as good as no pair; callers drop pairs they do not want.
    """
    n = len(weights)
    m = len(weights[0]) if n else 0
    if n == 0 or m == 0:
        return []
    if n > m:
        flipped = assign([list(col) for col in zip(*weights, strict=True)])
        return sorted((i, j) for j, i in flipped)
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (m + 1)
    match, way = [0] * (m + 1), [0] * (m + 1)   # match[j]: row (1-based) holding column j
    for i in range(1, n + 1):
        match[0], j0 = i, 0
        minv, used = [inf] * (m + 1), [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match[j0], inf, 0
            row, ui = weights[i0 - 1], u[i0]
            for j in range(1, m + 1):
                if not used[j]:
                    cur = -row[j - 1] - ui - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(m + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    return sorted((match[j] - 1, j - 1) for j in range(1, m + 1) if match[j])


def _tie_break(old: Question, new: Question) -> float:
    """Equal scores go to the question in the same section, then to the same id."""
    return (1e-3 if old.section == new.section else 0.0) + (1e-4 if old.id == new.id else 0.0)


# ---------------------------------------------------------------- paragraphs

def fit_paragraphs(paras: Sequence[str], questions: Sequence[Question]) -> list[str | None]:
    """For each paragraph, the id of the question it answers, or None where it cannot tell.

    Only the words that set a question apart from the others count (what
    2007 3C asks about labor recruiters, not the 'penalties' both ask about),
    as a share of them; the winner needs twice the runner-up's share.
    """
    return _fit([content_words(p) for p in paras], questions)


def _fit(para_words: Sequence[frozenset[str]], questions: Sequence[Question]) -> list[str | None]:
    """fit_paragraphs, given each paragraph's content words."""
    vocab = [content_words(f"{q.topic} {q.text}") for q in questions]
    distinct = []
    for k, words in enumerate(vocab):
        others = set().union(*(w for i, w in enumerate(vocab) if i != k))
        distinct.append(words - others)
    out: list[str | None] = []
    for words in para_words:
        fits = [len(words & d) / len(d) if d else 0.0 for d in distinct]
        order = sorted(range(len(fits)), key=lambda k: -fits[k])
        top = fits[order[0]] if order else 0.0
        second = fits[order[1]] if len(order) > 1 else 0.0
        out.append(questions[order[0]].id if top > 0 and top >= 2 * second else None)
    return out


def _shared_paragraph(pa: Sequence[str], pb: Sequence[str]) -> float:
    """Likeness (0-100) of the closest pair of paragraphs of two answers (their distinct_paragraphs).

    0 where no pair reaches SAME_PARAGRAPH, which lets rapidfuzz skip most pairs by length alone.
    """
    rf = _rf()
    found = (rf.extract_one(x, pb, scorer=rf.ratio, score_cutoff=SAME_PARAGRAPH) for x in pa)
    return max((hit[1] for hit in found if hit), default=0.0)


MAX_PARAGRAPHS = 40  # distinct paragraphs compared per answer: bounds the pairwise cost


# ---------------------------------------------------------------- splits and merges

@dataclass(frozen=True)
class _Words:
    text: list[frozenset[str]]
    full: list[frozenset[str]]  # topic and text
    gist: list[frozenset[str]]  # the topic heading, which names what a question is about


def _words(qs: Sequence[Question]) -> _Words:
    text = [content_words(q.text) for q in qs]
    topic = [content_words(q.topic) for q in qs]
    return _Words(text, [a | b for a, b in zip(topic, text, strict=True)],
                  [b or a for a, b in zip(text, topic, strict=True)])


def _share(part: frozenset[str], other: frozenset[str], idf: Mapping[str, float]) -> float:
    """How much of ``part`` (by weight, 0-1) ``other`` also has."""
    total = _weight(part, idf)
    return _weight(part & other, idf) / total if total else 0.0


_Part = tuple[frozenset[str], float] | None  # what one question dropped or gained, and its weight


def _part(part: frozenset[str], whole: frozenset[str], idf: Mapping[str, float]) -> _Part:
    """The part with its weight, or None where it is too small a share of the question to count."""
    total = _weight(part, idf)
    if not part or total < PART_SHARE * _weight(whole, idf):
        return None
    return part, total


def _part_score(part: _Part, asker: _Words, k: int, idf: Mapping[str, float]) -> float:
    """0-100: does question k ask this part?

    Half from its whole text, half from its topic heading: a one-word part
    ('labor') is found by chance in many long questions, but only the question
    that is about it names it in its heading.
    """
    if part is None:
        return 0.0
    words, total = part
    return 50.0 * (_weight(words & asker.full[k], idf) / total + _weight(words & asker.gist[k], idf) / total)


def _splits(new, main, ow: _Words, nw: _Words, idf, old_texts: _Texts, new_texts: _Texts
            ) -> dict[int, tuple[int, float]]:
    """Unmatched new question i -> (old question j, score): i asks what j's successor dropped."""
    successor = {j: i for i, j in main.items()}
    dropped = {j: _part(ow.text[j] - nw.text[i_kept], ow.text[j], idf) for j, i_kept in successor.items()}
    out: dict[int, tuple[int, float]] = {}
    for i, nq in enumerate(new):
        if i in main:
            continue
        best: tuple[float, int] | None = None
        mine = new_texts.text[i]
        for j, i_kept in successor.items():
            score = _part_score(dropped[j], nw, i, idf)
            theirs = old_texts.text[j]
            if score >= PART_MIN and theirs and nq.id not in _fit(old_texts.paragraph_words(j),
                                                                   [new[i_kept], nq]):
                score = 0.0  # the question says split, but no part of last year's answer belongs here
            if mine and theirs:
                score = max(score, _shared_paragraph(new_texts.distinct_paragraphs(i),
                                                     old_texts.distinct_paragraphs(j)))
            if score >= PART_MIN and (best is None or score > best[0]):
                best = (score, j)
        if best is not None:
            out[i] = (best[1], best[0])
    return out


def _merges(old, main, ow: _Words, nw: _Words, idf, taken: set[int]) -> dict[int, list[tuple[int, float]]]:
    """Matched new question i -> [(unmatched old j, score)]: i gained what j asked."""
    out: dict[int, list[tuple[int, float]]] = {}
    gained = {i: _part(nw.text[i] - ow.text[j_main], nw.text[i], idf) for i, j_main in main.items()}
    for j in range(len(old)):
        if j in taken:
            continue
        best: tuple[float, int] | None = None
        for i in main:
            score = _part_score(gained[i], ow, j, idf)
            if score >= PART_MIN and (best is None or score > best[0]):
                best = (score, i)
        if best is not None:
            out.setdefault(best[1], []).append((j, best[0]))
    return out


def _pieces(scores, free_new: list[int], free_old: list[int], ow: _Words, nw: _Words, idf
            ) -> tuple[dict[int, tuple[int, float]], dict[int, list[tuple[int, float]]]]:
    """Splits and merges where no part kept enough of the old wording to be matched.

    An old question whose text holds two or more unmatched new questions was
    split into them; a new question whose text holds two or more unmatched
    old questions merges them. Each must still look like the other (LOW).
    """
    def inside(part: frozenset[str], whole: frozenset[str]) -> float:
        return _share(part, whole, idf) if len(part) >= MIN_WORDS else 0.0

    splits: dict[int, tuple[int, float]] = {}
    for j in free_old:
        kids = [(i, 100 * inside(nw.text[i], ow.full[j])) for i in free_new
                if scores(i, j) >= LOW and i not in splits]
        kids = [(i, s) for i, s in kids if s >= 100 * CONTAINED]
        if len(kids) >= 2:
            splits.update({i: (j, s) for i, s in kids})
    merges: dict[int, list[tuple[int, float]]] = {}
    used = {j for j, _ in splits.values()}
    for i in free_new:
        if i in splits:
            continue
        parents = [(j, 100 * inside(ow.text[j], nw.full[i])) for j in free_old
                   if j not in used and scores(i, j) >= LOW]
        parents = [(j, s) for j, s in parents if s >= 100 * CONTAINED]
        if len(parents) >= 2:
            merges[i] = parents
            used.update(j for j, _ in parents)
    return splits, merges


# ---------------------------------------------------------------- the table

def _reworded(a: Question, b: Question) -> bool:
    return " ".join(a.text.split()) != " ".join(b.text.split()) or \
        " ".join(a.topic.split()).lower() != " ".join(b.topic.split()).lower()


def _nearest(scores: _Scores, cells: Sequence[tuple[int, int]], ids: Sequence[str]
             ) -> tuple[str, float] | None:
    """The best-scoring of a row's or column's cells (named by ids in the same order), capped at 100."""
    k = scores.best(cells)
    return None if k is None else (ids[k], min(scores(*cells[k]), 100.0))


def align(old_q: Questionnaire, new_q: Questionnaire,
          old_answers: Mapping[str, object] | None = None,
          new_answers: Mapping[str, object] | None = None,
          *, nearest: bool = True) -> Alignment:
    """Align this year's questionnaire with last year's; answers (id -> Answer or text) are evidence.

    Two kinds of evidence, joined: the questions' own words (where both files
    have them), and what the answers say, paragraph by paragraph
    (:mod:`tipreport.content_links`). Neither has a score fitted to a pair: a
    pair must reach the pair's own chance floor (``question_floor``).
    ``nearest=False`` leaves Link.nearest unset, for a caller that never shows it (diff).
    """
    old, new = old_q.questions, new_q.questions
    old_texts, new_texts = _Texts(old_answers, old), _Texts(new_answers, new)
    scores = _Scores(old, new)
    text_floor, heading_floor = _question_floor(old, new, scores), _heading_floor(old, new, scores)

    def floor(i: int, j: int) -> float:
        return heading_floor if scores.by_heading[i][j] else text_floor
    if any(old_texts.text) and any(new_texts.text):
        scores.weigh_answers(old_texts, new_texts, floor)
    table = _question_table(old_q, new_q, old_texts, new_texts, scores, floor, nearest)
    return _with_content(table, old_q, new_q, old_texts, new_texts)


def question_floor(old: Sequence[Question], new: Sequence[Question]) -> float:
    """The question likeness a pair of these questionnaires must reach to be linked."""
    return _question_floor(old, new, _Scores(old, new))


def _heading_floor(old: Sequence[Question], new: Sequence[Question], scores: _Scores) -> float:
    """The same chance floor for a pair compared by their headings alone (a narrative
    submission's 'II. PREVENTION OF TRAFFICKING'): its own measure, its own null sample."""
    cells = [scores.question(i, j) for i in range(len(new)) for j in range(len(old))
             if scores.by_heading[i][j]]
    if not cells:
        return math.inf  # no pair is compared by headings alone
    bare_old = [replace(q, text="") for q in old if q.topic.strip()]
    bare_new = [replace(q, text="") for q in new if q.topic.strip()]
    return _question_floor(bare_old, bare_new, None, cells, by="topic")


def _question_floor(old: Sequence[Question], new: Sequence[Question], scores: _Scores | None,
                    cross: list[float] | None = None, by: str = "text") -> float:
    """The likeness two different questions reach by chance, in as many comparisons as this pair
    makes: mean + sd * sqrt(2 ln N) (content_links.chance_floor), the mean and spread taken from
    pairs known to differ, the questions of one year against each other. No score fitted to a
    pair: a questionnaire whose questions all look alike asks more of a match.
    """
    from tipreport.content_links import chance_floor

    def words(q: Question) -> str:
        return " ".join(getattr(q, by).split())

    worded_old = [q for q in old if words(q)]
    worded_new = [q for q in new if words(q)]
    n = len(worded_old) * len(worded_new)
    null = []
    # a label the cable repeats (3F, 3F-2) asks one question: one of each text in the null sample
    worded_old = list({words(q): q for q in worded_old}.values())
    worded_new = list({words(q): q for q in worded_new}.values())
    for qs in (worded_old, worded_new):  # each question against the next NULL_PEERS of its year
        for k, q in enumerate(qs):
            peers = [qs[(k + d) % len(qs)] for d in range(1, min(NULL_PEERS, len(qs) - 1) + 1)]
            null += _Scores(peers, [q]).row(0)
    if n < 1 or len(null) < 2:
        return math.inf
    floor = chance_floor(null, comparisons=n)
    # ... and no lower than the pair's own cross comparisons allow (most of them are unrelated)
    if cross is None:
        cross = [scores.question(i, j) for i, q in enumerate(new) if q.text.strip()
                 for j, r in enumerate(old) if r.text.strip()]
    return min(max(floor, chance_floor(cross)), 100.0)


def _units(questions: Sequence[Question], texts: _Texts):
    from tipreport.content_links import Unit

    out = []
    for k, q in enumerate(questions):
        for n, para in enumerate(texts.paragraphs(k) if texts.text[k] else ()):
            out.append(Unit(q.id, n, _stems(para)))
    return out


def _stems(text: str) -> tuple[str, ...]:
    return tuple(_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1)


def _with_content(table: Alignment, old_q: Questionnaire, new_q: Questionnaire,
                  old_texts: _Texts, new_texts: _Texts) -> Alignment:
    """The question table joined with the answers' paragraph evidence; kinds recomputed."""
    from tipreport import content_links

    if all(lk.old for lk in table.links if lk.new is not None) or not any(new_texts.text):
        return table  # every question placed by its words, or no answer of this year to read
    found = content_links.links(_units(old_q.questions, old_texts), _units(new_q.questions, new_texts),
                                new_q.ids())
    if not found.pairs:
        return table
    extra: dict[str, list[str]] = {}
    order = {q.id: k for k, q in enumerate(old_q.questions)}
    for i, j in found.pairs:
        extra.setdefault(i, []).append(j)
    rows = []
    for lk in table.links:
        more = tuple(sorted(extra.get(lk.new, ()), key=order.get)) if lk.new and not lk.old else ()
        if not more:  # the questions' own words decided (or nothing fits): as the table has it
            rows.append(lk)
            continue
        kind = "merged" if len(more) > 1 else ("same" if more[0] == lk.new else "renumbered")
        rows.append(replace(lk, old=more, score=None, kind=kind, reworded=True, nearest=None,
                            by_answers=True,
                            note=f"found by what the answers say: {old_q.year} {' and '.join(more)} "
                                 "hold paragraphs that fit it"))
    # the paragraphs are copied, not moved: an old question linked only so stays retired, whole
    return replace(table, links=tuple(rows), placement=found.placement)


def _question_table(old_q, new_q, old_texts, new_texts, scores, floor, nearest) -> Alignment:
    """Links from the questions' own words: an optimal assignment above each cell's floor, then
    splits and merges."""
    old, new = old_q.questions, new_q.questions
    weights = [[0.0] * len(old) for _ in new]
    for i, nq in enumerate(new):
        for j in range(len(old)):
            if scores(i, j) >= floor(i, j):
                weights[i][j] = scores(i, j) + _tie_break(old[j], nq)
    # a pair's weight is 0 exactly when it scores below its floor (unless the floor is 0 or less)
    main = {i: j for i, j in assign(weights) if weights[i][j] or floor(i, j) <= 0}
    splits: dict[int, tuple[int, float]] = {}
    merges: dict[int, list[tuple[int, float]]] = {}
    groups: dict[int, list[tuple[int, float]]] = {}
    if len(main) < max(len(old), len(new)):  # someone is unmatched: look for splits and merges
        ow, nw = _words(old), _words(new)
        idf = _idf(ow.full + nw.full)
        splits = _splits(new, main, ow, nw, idf, old_texts, new_texts)
        taken = set(main.values()) | {j for j, _ in splits.values()}
        merges = _merges(old, main, ow, nw, idf, taken)
        taken |= {j for extra in merges.values() for j, _ in extra}
        free_new = [i for i in range(len(new)) if i not in main and i not in splits]
        free_old = [j for j in range(len(old)) if j not in taken]
        more, groups = _pieces(scores, free_new, free_old, ow, nw, idf)
        splits.update(more)
    return _table(old_q, new_q, scores, main, splits, merges, groups, nearest)


def _table(old_q, new_q, scores, main, splits, merges, groups, nearest: bool) -> Alignment:
    """Assemble the links: new questions in this year's order, then retired ones in last year's."""
    old, new = old_q.questions, new_q.questions

    def near(cells: list[tuple[int, int]], ids: list[str]) -> tuple[str, float] | None:
        return _nearest(scores, cells, ids) if nearest else None

    children: dict[int, list[str]] = {}
    for i, j in list(main.items()) + [(i, j) for i, (j, _) in splits.items()]:
        children.setdefault(j, []).append(new[i].id)
    links: list[Link] = []
    for i, nq in enumerate(new):
        if i in main:
            j, score = main[i], scores(i, main[i])
            ids = (old[j].id,) + tuple(old[k].id for k, _ in merges.get(i, []))
            reworded = _reworded(old[j], nq)
        elif i in splits:
            j, score = splits[i]
            ids, reworded = (old[j].id,), True
        elif i in groups:
            j, score = None, min(s for _, s in groups[i])
            ids, reworded = tuple(old[k].id for k, _ in sorted(groups[i])), True
        else:
            links.append(Link(nq.id, (), None, "new", nearest=near([(i, j) for j in range(len(old))],
                                                                   [q.id for q in old]),
                              note="no question of last year asks this"))
            continue
        if len(ids) > 1:
            kind, note = "merged", f"{old_q.year} {' and '.join(ids)} merged into {nq.id}"
        elif len(children[j]) > 1:
            kind, note = "split", f"{old_q.year} {ids[0]} split into {', '.join(sorted(children[j]))}"
        else:
            kind, note = ("same" if ids[0] == nq.id else "renumbered"), ""
        links.append(Link(nq.id, ids, min(score, 100.0), kind, reworded, note=note))
    linked = {o for lk in links for o in lk.old}
    for j, oq in enumerate(old):
        if oq.id in linked:
            continue
        note = f"no successor in the {new_q.year} questionnaire"
        if new_q.partial:
            note += " (which is partial: the question may lie outside it)"
        links.append(Link(None, (oq.id,), None, "retired",
                          nearest=near([(i, j) for i in range(len(new))], [q.id for q in new]),
                          note=note))
    return Alignment(old_q.year, new_q.year, tuple(links), new_q.partial)
