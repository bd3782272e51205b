"""check: precision and recall on the real 2006 -> 2007 pair, and wall time on a full file.

Run: python bench/bench_check.py [--table]

1. Evaluation (issue 5). Carry answers/cambodia-2006.yaml into
   questionnaires/2007.yaml with the real `tipreport init`, run check, and
   compare with what the officers did in the real 2007 cable
   (answers/cambodia-2007.yaml). Each carried sentence is matched with
   rapidfuzz to its nearest 2007 sentence and labelled:
     kept     ratio >= 90 and the same figures (digits and number words)
     edited   ratio >= 60 otherwise
     dropped  no 2007 sentence reaches 60
   Only the sentence-level kinds count (stale-figure, stale-date, past-due,
   time-words). Targets: of the carried sentences holding a figure or date
   that the officers edited or dropped, check flags >= 80%; of those they
   kept unchanged, <= 1/3; of all carried sentences, <= 1/4.
   tests/test_stale_eval.py asserts the same numbers via ``evaluate``.

2. Speed. `tipreport check` on a full 37-question file, CLI start included
   (subprocess wall time, median and max of 15 runs): the 2006 answers carried
   into the 2006 questionnaire relabelled 2007, once untouched (fingerprints
   settle every answer) and once with every answer edited (last year's file
   is found beside it, loaded, and every sentence matched). Target < 300 ms.
"""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

ANSWERS_2006 = ROOT / "answers" / "cambodia-2006.yaml"
ANSWERS_2007 = ROOT / "answers" / "cambodia-2007.yaml"
QUESTIONNAIRES = ROOT / "questionnaires"
KEPT, EDITED, DROPPED = "kept", "edited", "dropped"
KEPT_RATIO, MATCH_RATIO = 90.0, 60.0
# Independent of tipreport.stale on purpose: what counts as "holding a figure or date".
# A number glued to letters ("1A", "See 3B above") names a question, not a figure.
_FIGURE = re.compile(r"(?<![A-Za-z\d])(?:\d[\d,.]*\d|\d)(?![A-Za-z\d])|"
                     r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|"
                     r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|"
                     r"nineteen|twenty|thirty|forty|fifty|hundred|thousand|million)\b",
                     re.IGNORECASE)


@dataclass
class Row:
    question: str
    sentence: str
    label: str
    score: float
    has_figure: bool
    kinds: list[str]


@dataclass
class Evaluation:
    rows: list[Row] = field(default_factory=list)

    def _share(self, rows: list[Row]) -> tuple[int, int]:
        return sum(1 for r in rows if r.kinds), len(rows)

    @property
    def changed(self) -> tuple[int, int]:
        """Flagged / all carried sentences with a figure or date that officers edited or dropped."""
        return self._share([r for r in self.rows if r.has_figure and r.label != KEPT])

    @property
    def kept(self) -> tuple[int, int]:
        """Flagged / all carried sentences with a figure or date kept unchanged."""
        return self._share([r for r in self.rows if r.has_figure and r.label == KEPT])

    @property
    def overall(self) -> tuple[int, int]:
        return self._share(self.rows)


# Numbers that name something rather than count or date it: references ("paragraph 3",
# "Article 367", "Law 19.927", "No. 10", "ILO Convention 182"), list markers ("2."), and
# "one of" (a pronoun). A sentence holds a figure or date when a number is left without them.
_NAMING = re.compile(r"\b(?:paragraphs?|paras?|subsections?|sections?|articles?|arts?|laws?|no|nos|"
                     r"numbers?|decrees?|regulations?|conventions?|chapters?|ref|reftel|question|"
                     r"questions|level|tier)\.?\s+(?:\d[\d.,/-]*\w*(?:\s*(?:and|,|&)\s*\d+)*)|"
                     r"(?:^|\s)\d{1,2}\.(?=\s|$)|\bone\s+of\b", re.IGNORECASE)


def holds_figure(sentence: str) -> bool:
    """Does the sentence hold a figure or date (what the evaluation calls so)?"""
    return bool(_FIGURE.search(_NAMING.sub(" ", sentence)))


def figures(sentence: str) -> list[str]:
    return sorted(t.lower().replace(",", "") for t in _FIGURE.findall(sentence))


def carry(folder: Path) -> Path:
    """The real carry: `tipreport init` of the 2006 answers into the 2007 questionnaire."""
    from typer.testing import CliRunner

    from tipreport.cli import app

    (folder / "answers").mkdir(parents=True, exist_ok=True)
    prior = folder / "answers" / ANSWERS_2006.name
    shutil.copy(ANSWERS_2006, prior)
    out = folder / "answers" / "cambodia-2007-draft.yaml"
    res = CliRunner().invoke(app, ["init", "--from", str(prior), "--questionnaire",
                                   str(QUESTIONNAIRES / "2007.yaml"), "-o", str(out)])
    if res.exit_code != 0:
        raise RuntimeError(f"tipreport init failed: {res.output}")
    return out


def label(sentence: str, targets: list[str]) -> tuple[str, float]:
    """What the officers did with a carried sentence, judged from the real 2007 text."""
    from rapidfuzz import fuzz, process

    from tipreport.stale import normalize

    best = process.extractOne(normalize(sentence), targets, scorer=fuzz.ratio)
    score = best[1] if best else 0.0
    if score >= KEPT_RATIO and figures(best[0]) == figures(sentence):
        return KEPT, score
    return (EDITED if score >= MATCH_RATIO else DROPPED), score


def evaluate(folder: Path) -> Evaluation:
    """Carry, check, and label every carried sentence; see the module docstring."""
    return label_draft(carry(folder), ANSWERS_2007)


def label_draft(draft: Path, real: Path) -> Evaluation:
    """Check a carried draft and label each carried sentence by what the real next cable did."""
    from tipreport import answers, checks, stale

    result = checks.run(draft)
    flagged: dict[tuple[str, str], list[str]] = {}
    for f in result.findings + result.silenced:
        if f.kind in checks.SENTENCE_KINDS:
            flagged.setdefault((f.question, stale.normalize(f.sentence)), []).append(f.kind)
    targets = [stale.normalize(s) for a in answers.load(real).answers.values()
               for p in answers.paragraphs(a.text) for s in stale.sentences(p)]
    ev = Evaluation()
    for qid, ans in answers.load(draft).answers.items():
        if ans.provenance.source != "carried":
            continue
        for para in answers.paragraphs(ans.text):
            for s in stale.sentences(para):
                lab, score = label(s, targets)
                ev.rows.append(Row(qid, " ".join(s.split()), lab, score, holds_figure(s),
                                   flagged.get((qid, stale.normalize(s)), [])))
    return ev


def report(ev: Evaluation, table: bool) -> None:
    def pct(pair: tuple[int, int]) -> str:
        return f"{pair[0]}/{pair[1]} = {pair[0] / pair[1]:.0%}" if pair[1] else "0/0"

    print("evaluation on the real pair (2006 carried by `tipreport init`, vs the 2007 cable)")
    counts = {lab: sum(1 for r in ev.rows if r.label == lab) for lab in (KEPT, EDITED, DROPPED)}
    print(f"  carried sentences: {len(ev.rows)} ({', '.join(f'{v} {k}' for k, v in counts.items())})")
    print(f"  figure/date sentences edited or dropped, flagged: {pct(ev.changed)}  (target >= 80%)")
    print(f"  figure/date sentences kept unchanged, flagged:    {pct(ev.kept)}  (target <= 33%)")
    print(f"  all carried sentences flagged:                    {pct(ev.overall)}  (target <= 25%)")
    if table:
        for r in ev.rows:
            mark = "X" if r.kinds else " "
            fig = "F" if r.has_figure else " "
            print(f"  {mark} {r.question} {r.label:7} {fig} {r.score:5.1f} "
                  f"{','.join(r.kinds):24} {r.sentence[:90]}")
    misses = [r for r in ev.rows if r.has_figure and r.label != KEPT and not r.kinds]
    false = [r for r in ev.rows if r.has_figure and r.label == KEPT and r.kinds]
    for title, rows in (("missed (edited/dropped, not flagged)", misses),
                        ("flagged though kept", false)):
        print(f"  {title}:")
        for r in rows:
            print(f"    {r.question} {r.label} {','.join(r.kinds)} | {r.sentence[:100]}")


# ---------------------------------------------------------------- speed

def full_file(folder: Path, edited: bool) -> Path:
    """37 carried answers: the 2006 answers carried into the 2006 questionnaire relabelled 2007."""
    from tipreport import answers

    qdir = folder / "questionnaires"
    qdir.mkdir(parents=True, exist_ok=True)
    q = (QUESTIONNAIRES / "2006.yaml").read_text(encoding="utf-8")
    q = re.sub(r"(?m)^year: 2006$", "year: 2007", q)
    q = re.sub(r"(?m)^reporting_period: .*$", "reporting_period: March 2006 - March 2007", q)
    (qdir / "2007.yaml").write_text(q, encoding="utf-8")
    adir = folder / "answers"
    adir.mkdir(parents=True, exist_ok=True)
    shutil.copy(ANSWERS_2006, adir / ANSWERS_2006.name)
    out = adir / f"full-2007{'-edited' if edited else ''}.yaml"
    subprocess.run([sys.executable, "-m", "tipreport", "init", "--from",
                    str(adir / ANSWERS_2006.name), "--questionnaire", str(qdir / "2007.yaml"),
                    "-o", str(out)], check=True, capture_output=True)
    if edited:
        af = answers.load(out)
        for qid, ans in af.answers.items():
            af.set_answer_text(qid, ans.text + "\n\nThe post updated this answer in 2007.")
        af.save(overwrite=True)
    return out


def wall(args: list[str], runs: int = 15) -> dict[str, float]:
    """Wall and CPU (user+sys) time of a command, in ms. CPU time is reported too because
    this box is shared: other work stretches wall time but hardly the CPU a run needs."""
    import resource

    walls, cpus, code = [], [], 0
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        code = subprocess.run(args, capture_output=True).returncode
        walls.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return {"median": statistics.median(walls) * 1000, "min": min(walls) * 1000,
            "max": max(walls) * 1000, "cpu": statistics.median(cpus) * 1000, "exit": code}


_PHASES = """
import json, sys, time
t0 = time.perf_counter()
import tipreport.cli
t1 = time.perf_counter()
try:
    import typer._adapters  # noqa: F401 - typer 0.29 coerces every option through pydantic
except ImportError:
    pass  # typer 0.28, the version we pin, has no pydantic layer
t2 = time.perf_counter()
from tipreport import answers, checks
t3 = time.perf_counter()
af, q = answers.load_with_questionnaire(sys.argv[1])
t4 = time.perf_counter()
notes = []
prior = checks._prior(af, None, notes)
t5 = time.perf_counter()
checks.run(sys.argv[1])
t6 = time.perf_counter()
print(json.dumps({"cli import": t1 - t0, "typer adapters (0.29 only)": t2 - t1,
                  "checks import": t3 - t2, "load answers + questionnaire": t4 - t3,
                  "find + load last year's file": t5 - t4,
                  "whole checks.run (load, prior, analysis)": t6 - t5}))
"""


def phases(path: Path, runs: int = 5) -> dict[str, float]:
    """Where the time goes, in a fresh interpreter each run (ms, min of runs)."""
    import json

    best: dict[str, float] = {}
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _PHASES, str(path)], capture_output=True,
                             text=True, check=True).stdout
        for k, v in json.loads(out).items():
            best[k] = min(best.get(k, v * 1000), v * 1000)
    return best


def speed() -> None:
    exe = shutil.which("tipreport")
    cmd = [exe] if exe else [sys.executable, "-m", "tipreport"]
    with tempfile.TemporaryDirectory() as tmp:
        base = wall(cmd + ["--version"])
        print(f"\nspeed, CLI start included (ms; wall median / min / max and CPU median of 15; "
              f"`tipreport --version`: wall {base['median']:.0f}, CPU {base['cpu']:.0f})")
        for edited in (False, True):
            path = full_file(Path(tmp), edited)
            n = len(re.findall(r"(?m)^  [1-9][A-Z]:$", path.read_text(encoding="utf-8")))
            what = "every answer edited, prior loaded" if edited else "untouched carry"
            for extra in ([], ["--json"]):
                t = wall(cmd + ["check", str(path), *extra])
                print(f"  check {' '.join(extra) or '(text)':7} {n} questions, {what}: "
                      f"wall {t['median']:.0f} / {t['min']:.0f} / {t['max']:.0f}, "
                      f"CPU {t['cpu']:.0f} (exit {t['exit']})  target < 300")
            print("    in-process phases (min of 5): " + ", ".join(
                f"{k} {v:.0f}" for k, v in phases(path).items()))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        report(evaluate(Path(tmp)), "--table" in sys.argv)
    speed()


if __name__ == "__main__":
    main()
