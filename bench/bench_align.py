"""Alignment speed: a full year's 40 questions against last year's 40.

Run: python bench/bench_align.py   (target: a 40x40 alignment under 50 ms)

Built from the real questions so every stage does real work. Last year: the
37 questions of 2006 plus 2007's reworded 3A, 3F and 2F under spare ids
(5A-5C). This year: the same questions renumbered in
reverse order, every fourth with its last sentence dropped and its topic
lower-cased; 2006 3I and 3J left out (retired); 2007's 3B and 3C in place of
2006's 3B (a split); and one question no year asked (new). So the scorer,
the assignment and the split/merge passes all run.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LETTERS = "ABCDEFGHIJ"


def questionnaires():
    from tipreport import questionnaire

    q6 = questionnaire.load(ROOT / "questionnaires/2006.yaml")
    q7 = questionnaire.load(ROOT / "questionnaires/2007.yaml")
    old_qs = list(q6.questions) + [replace(q7.get("3A"), id="5A", section=4),
                                   replace(q7.get("3F"), id="5B", section=4),
                                   replace(q7.get("2F"), id="5C", section=4)]
    keep = [q for q in reversed(old_qs) if q.id not in ("3I", "3J", "3B")]
    hotline = questionnaire.Question("9Z", 4, "Victim Hotline",
                                     "Does the government operate a telephone hotline for victims?  "
                                     "Who staffs it, and how many calls did it receive?")
    new_qs = []
    for k, q in enumerate(keep + [q7.get("3B"), q7.get("3C"), hotline]):
        text, topic = q.text, q.topic
        if k % 4 == 0 and "?  " in text:
            text, topic = text.rsplit("?  ", 1)[0] + "?", topic.lower()
        new_qs.append(replace(q, id=f"{k // 10 + 1}{LETTERS[k % 10]}", section=k // 10 + 1,
                              text=text, topic=topic))
    return replace(q6, questions=tuple(old_qs)), replace(q6, year=2008, questions=tuple(new_qs))


def timed(fn, runs: int = 30) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), max(times)


def main() -> None:
    from tipreport import align, answers, questionnaire

    old, new = questionnaires()
    print(f"questions: {len(old.questions)} last year, {len(new.questions)} this year")
    al = align.align(old, new)
    kinds = [lk.kind for lk in al.links]
    print("  " + ", ".join(f"{k} {kinds.count(k)}" for k in align.KINDS if k in kinds))

    med, worst = timed(lambda: align.align(old, new))
    print(f"align 40x40, questions only:            {med:5.1f} ms median, {worst:5.1f} ms worst of 30"
          " (target < 50 ms)")
    a6 = answers.load(ROOT / "answers/cambodia-2006.yaml").answers
    med, worst = timed(lambda: align.align(old, new, a6, a6))
    print(f"align 40x40, both years' answers too:   {med:5.1f} ms median, {worst:5.1f} ms worst of 30")

    q6 = questionnaire.load(ROOT / "questionnaires/2006.yaml")
    q7 = questionnaire.load(ROOT / "questionnaires/2007.yaml")
    med, worst = timed(lambda: align.align(q6, q7, a6))
    print(f"align seed 2006 (37) -> 2007 (14):      {med:5.1f} ms median, {worst:5.1f} ms worst of 30")

    weights = [[float((i * 7 + j * 13) % 101) for j in range(40)] for i in range(40)]
    med, worst = timed(lambda: align.assign(weights))
    print(f"assignment alone, 40x40:                {med:5.1f} ms median")


if __name__ == "__main__":
    main()
