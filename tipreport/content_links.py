"""Succession found from what answers say, paragraph by paragraph (issue 13).

Most posts' cables do not restate the questions, and State renumbers them, so
between two posts' layouts or a gap of years the question texts often cannot
be compared at all. What can be compared is the text: officers carry their own
paragraphs forward, and a paragraph about shelters is about shelters whatever
the question's number. Each paragraph of last year's answers is compared with
every question of this year whose answer is known (diff; init --fill), by cosine
similarity of rare-word-weighted word stems. align uses it for the questions
the questions' own words could not place.

The decision rule has no score fitted to any pair. A paragraph goes where it
fits best, and counts only when that fit stands out from the pair's own
background: above the highest similarity that many unrelated comparisons
would reach by chance. With N comparisons whose scores have mean m and
standard deviation s, that is about m + s * sqrt(2 ln N) (the expected
maximum of N normal draws), so a pair of long cables, which offers more chances
for a coincidence, asks for more. Near-ties (within NEAR of the best) all
count: a paragraph that belongs equally to two questions feeds both.
Repeated blocks of one label (3F, 3F-2, 3F-3) answer one question and share
one predecessor set.

A link needs both years to see it: an old paragraph placed in the new question, and a
paragraph of the new answer that came from the old question (either alone, measured on
the truth tables, carried wrongly more often).

Pure: questions and texts in, links and paragraph placements out.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

NEAR = 0.9       # a placement within this share of a paragraph's best fit is a tie, and counts too
MIN_WORDS = 3    # a paragraph of fewer content words ("Not applicable.") proves nothing
_REPEAT = re.compile(r"-\d+$")


@dataclass(frozen=True)
class Unit:
    """One answer paragraph, as the stems of its words."""

    qid: str
    index: int        # the paragraph's index in the answer
    words: tuple[str, ...]


@dataclass(frozen=True)
class Links:
    pairs: frozenset[tuple[str, str]]                   # (new id, old id)
    placement: dict[tuple[str, int], tuple[str, ...]]   # (old id, paragraph index) -> new ids


def group(qid: str) -> str:
    """The label a repeated block belongs to: 3F-2 -> 3F."""
    return _REPEAT.sub("", qid)


def _vectors(docs: Sequence[Sequence[str]]) -> list[dict[str, float]]:
    df = Counter(w for d in docs for w in set(d))
    n = len(docs)
    idf = {w: math.log((n + 1) / (c + 1)) + 1.0 for w, c in df.items()}
    out = []
    for d in docs:
        v = {w: (1.0 + math.log(c)) * idf[w] for w, c in Counter(d).items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out.append({w: x / norm for w, x in v.items()})
    return out


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def chance_floor(scores: Sequence[float], comparisons: int | None = None) -> float:
    """The best score N unrelated comparisons reach by chance: mean + sd * sqrt(2 ln N), the mean
    and spread those of ``scores`` (unrelated ones), N their number unless ``comparisons`` says."""
    k = len(scores)
    if k < 2:
        return math.inf
    n = max(comparisons if comparisons is not None else k, 2)
    mean = sum(scores) / k
    sd = math.sqrt(sum((x - mean) ** 2 for x in scores) / k)
    return mean + sd * math.sqrt(2 * math.log(n))


def links(old_units: Sequence[Unit], new_units: Sequence[Unit], new_ids: Sequence[str]) -> Links:
    """Which old question feeds which new one, and where each old paragraph goes.

    Only paragraphs are compared with paragraphs (both years' answers known: diff, init
    --fill). A paragraph against a question's own words was measured too and left out: on
    the truth tables it carried wrongly (8 wrong carries on Chile, 5 on Costa Rica, 10 on
    Indonesia, against 1, 0 and 0 without it); the questions' words are align's to compare.
    """
    old_units = [u for u in old_units if len(set(u.words)) >= MIN_WORDS]
    new_units = [u for u in new_units if len(set(u.words)) >= MIN_WORDS]
    if not old_units or not new_units:
        return Links(frozenset(), {})
    vec = _vectors([u.words for u in old_units] + [u.words for u in new_units])
    ov, nv = vec[:len(old_units)], vec[len(old_units):]
    sims = [[_cosine(a, b) for b in nv] for a in ov]
    floor = chance_floor([x for row in sims for x in row])
    forward: set[tuple[str, str]] = set()
    placement: dict[tuple[str, int], tuple[str, ...]] = {}
    for k, u in enumerate(old_units):  # each old paragraph: the new questions it fits best
        best: dict[str, float] = {}
        for m, w in enumerate(new_units):
            best[w.qid] = max(best.get(w.qid, 0.0), sims[k][m])
        chosen = _chosen(best, floor)
        forward.update((i, u.qid) for i in chosen)
        if chosen:
            placement[(u.qid, u.index)] = chosen
    backward: set[tuple[str, str]] = set()
    for m, w in enumerate(new_units):  # each new paragraph: the old questions it came from
        best = {}
        for k, u in enumerate(old_units):
            best[u.qid] = max(best.get(u.qid, 0.0), sims[k][m])
        backward.update((w.qid, j) for j in _chosen(best, floor))
    pairs = forward & backward  # seen from both years
    by_group: dict[str, set[str]] = {}
    for i, j in pairs:
        by_group.setdefault(group(i), set()).add(j)
    shared = frozenset((i, j) for i in new_ids for j in by_group.get(group(i), ()))
    kept = {key: tuple(i for i in ids if (i, key[0]) in shared) for key, ids in placement.items()}
    return Links(shared, {key: ids for key, ids in kept.items() if ids})  # placements of links only


def _chosen(best: dict[str, float], floor: float) -> tuple[str, ...]:
    top = max(best.values(), default=0.0)
    return tuple(q for q, s in best.items() if s >= floor and s >= NEAR * top)
