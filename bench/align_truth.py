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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--table", action="store_true", help="print every question")
    ap.add_argument("--pair")
    ap.add_argument("--mode", choices=("with answers", "init", "both"), default="both")
    args = ap.parse_args()
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
