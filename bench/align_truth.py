"""Alignment against the truth tables made by reading corpus cables (issue 13).

Run: python bench/align_truth.py [--table] [--pair NAME]

Each table in tests/fixtures/align-truth/ names an older and a newer submission of
one post and, for every question of the newer, the older questions whose answers
feed it (read from both cables; each file's ``method`` says how). Both are
imported with the real importer, straight from ../shared/corpus/, then aligned:
  with answers:  align(old questionnaire, new questionnaire, old answers, new answers)
                 (what diff does; what init does with --fill once answers exist)
  init:          align(old questionnaire, new questionnaire, old answers)
                 (a fresh init: this year's answers are not written yet)
A new question is right when its predecessor set equals the table's exactly.
A wrong carry: a predecessor the table does not list.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TRUTH = ROOT / "tests" / "fixtures" / "align-truth"
CORPUS = ROOT.parent / "shared" / "corpus"
HELD_OUT = "costarica-2006-2009"  # not looked at while the decision rule was designed


@dataclass
class Score:
    pair: str
    gap: int
    mode: str
    right: int
    total: int
    wrong_carries: int
    rows: list

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 0.0


def tables() -> list[Path]:
    return sorted(TRUTH.glob("*.yaml"))


def load_table(path: Path) -> dict:
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def imported(ids: list[str]):
    from tipreport import importer

    return importer.import_files([CORPUS / f"{x}.txt" for x in ids])


def evaluate(path: Path, mode: str) -> Score:
    from tipreport import align, questionnaire

    table = load_table(path)
    old, new = imported(table["old"]), imported(table["new"])
    old_answers = {a.id: a for a in old.answers}
    new_answers = {a.id: a for a in new.answers} if mode == "with answers" else None
    old_q = questionnaire.with_state_text(old.questionnaire, None)  # as init and diff read them
    new_q = questionnaire.with_state_text(new.questionnaire, None)
    result = align.align(old_q, new_q, old_answers, new_answers)
    rows, right, wrong = [], 0, 0
    for qid, want in table["questions"].items():
        link = result.link(qid)
        got = set(link.old) if link else set()
        truth = set(want["old"])
        ok = got == truth
        right += ok
        wrong += len(got - truth)
        rows.append((qid, sorted(truth), sorted(got), ok, link.kind if link else "?"))
    return Score(table["pair"], table["gap_years"], mode, right, len(rows), wrong, rows)


def evidence_bound(path: Path) -> tuple[int, int]:
    """How many new questions' truth sets any evidence above chance could give at all.

    For every (new, old) pair five kinds of lexical evidence (rare-word-weighted cosine):
    question against question (State's wording filled in), answer against answer, best
    paragraph against paragraph, and each question against the other year's answer. A truth
    link is reachable when at least one kind scores above that kind's chance floor over all
    the pair's comparisons (content_links.chance_floor). Returns (questions whose whole
    truth set is reachable, or empty; questions).
    """
    from tipreport import align, answers, questionnaire
    from tipreport.content_links import _cosine as cosine
    from tipreport.content_links import _vectors, chance_floor

    table = load_table(path)
    old, new = imported(table["old"]), imported(table["new"])
    oq = questionnaire.with_state_text(old.questionnaire, None).questions
    nq = questionnaire.with_state_text(new.questionnaire, None).questions
    oa, na = {a.id: a.text for a in old.answers}, {a.id: a.text for a in new.answers}

    def doc(text: str) -> tuple[str, ...]:
        return align._stems(text)

    heads = [doc(f"{q.topic} {q.text}") for q in oq + nq]
    whole = [doc(oa.get(q.id, "")) for q in oq] + [doc(na.get(q.id, "")) for q in nq]
    paras = [[doc(p) for p in answers.paragraphs(oa.get(q.id, ""))] for q in oq] + \
            [[doc(p) for p in answers.paragraphs(na.get(q.id, ""))] for q in nq]
    flat = [p for ps in paras for p in ps]
    vec = _vectors(heads + whole + flat)
    h, w = vec[:len(heads)], vec[len(heads):len(heads) + len(whole)]
    rest, pv = vec[len(heads) + len(whole):], []
    for ps in paras:
        pv.append(rest[:len(ps)])
        rest = rest[len(ps):]
    n_old = len(oq)
    kinds: dict[str, dict[tuple[int, int], float]] = {k: {} for k in ("head", "ans", "para", "xold", "xnew")}
    for i in range(len(nq)):
        for j in range(n_old):
            a, b = n_old + i, j
            kinds["head"][i, j] = cosine(h[a], h[b]) if heads[a] and heads[b] else 0.0
            kinds["ans"][i, j] = cosine(w[a], w[b])
            kinds["para"][i, j] = max((cosine(x, y) for x in pv[a] for y in pv[b]), default=0.0)
            kinds["xold"][i, j] = cosine(h[a], w[b]) if heads[a] else 0.0
            kinds["xnew"][i, j] = cosine(w[a], h[b]) if heads[b] else 0.0
    floors = {k: chance_floor(list(v.values())) for k, v in kinds.items()}
    ids_o, ids_n = [q.id for q in oq], [q.id for q in nq]
    reachable = 0
    for qid, row in table["questions"].items():
        i = ids_n.index(qid)
        reachable += all(any(kinds[k][i, ids_o.index(j)] >= floors[k] for k in kinds) for j in row["old"])
    return reachable, len(table["questions"])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--table", action="store_true", help="print every question")
    ap.add_argument("--pair")
    ap.add_argument("--mode", choices=("with answers", "init", "both"), default="both")
    ap.add_argument("--bound", action="store_true",
                    help="how many truth sets any lexical evidence above chance could give")
    args = ap.parse_args()
    if args.bound:
        for path in tables():
            got, total = evidence_bound(path)
            print(f"{path.stem}: {got}/{total} = {got / total:.0%} of the truth sets reachable by "
                  "evidence above chance")
        return
    modes = ("with answers", "init") if args.mode == "both" else (args.mode,)
    for path in tables():
        if args.pair and args.pair not in path.stem:
            continue
        for mode in modes:
            s = evaluate(path, mode)
            held = " (held out)" if s.pair == HELD_OUT else ""
            print(f"{s.pair}{held}, gap {s.gap} y, {mode}: {s.right}/{s.total} = {s.share:.0%} right sets, "
                  f"{s.wrong_carries} wrong carries")
            if args.table:
                for qid, truth, got, ok, kind in s.rows:
                    print(f"   {'  ' if ok else 'XX'} {qid:6} truth {','.join(truth) or '-':14} "
                          f"got {','.join(got) or '-':14} {kind}")


if __name__ == "__main__":
    main()
