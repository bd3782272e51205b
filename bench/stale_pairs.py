"""Stale detection on real corpus pairs across a gap (issue 13), in the manner of bench_check.py.

Run: python bench/stale_pairs.py [--table] [--pair NAME] [--carry init|truth]

For each truth table in tests/fixtures/align-truth/ the older submission is imported
(straight from ../shared/corpus/) and carried into the questionnaire the newer one
implies, then checked with the real `tipreport check`. Carry: ``truth`` (default)
carries each new question's predecessors as the truth table names them, whole, so
stale detection is judged on what an officer would really carry whatever the
alignment makes of it; ``init`` carries with the real `tipreport init`. Every carried
sentence is labelled by what the post really did in the newer cable (bench_check.label:
kept = a sentence of the newer cable with ratio >= 90 and the same figures; edited =
ratio >= 60; dropped). Targets (issue 13): of the carried sentences holding a figure or
date that the post edited or dropped, check flags >= 85%; of all carried sentences,
<= 25%.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
CORPUS = ROOT.parent / "shared" / "corpus"

TRUTH = ROOT / "tests" / "fixtures" / "align-truth"


def pairs() -> dict[str, dict]:
    from ruamel.yaml import YAML

    return {p.stem: YAML(typ="safe").load(p.read_text(encoding="utf-8"))
            for p in sorted(TRUTH.glob("*.yaml"))}


def _cli(*args) -> None:
    from typer.testing import CliRunner

    from tipreport.cli import app

    res = CliRunner().invoke(app, [str(a) for a in args])
    if res.exit_code not in (0, 1):
        raise RuntimeError(f"tipreport {args[0]} failed: {res.output}")


def evaluate(table: dict, folder: Path, how: str = "truth"):  # -> bench_check.Evaluation
    """Carry, check and label one pair."""
    from bench_check import label_draft

    old, new, draft = folder / "old.yaml", folder / "new.yaml", folder / "draft.yaml"
    _cli("import", *[CORPUS / f"{x}.txt" for x in table["old"]], "-o", old, "--force")
    _cli("import", *[CORPUS / f"{x}.txt" for x in table["new"]], "-o", new, "--force")
    _cli("init", "--from", old, "--questionnaire", folder / "new.questionnaire.yaml", "-o", draft, "--force")
    if how == "truth":
        _carry_as_the_table_says(table, old, folder / "new.questionnaire.yaml", draft)
    ev = label_draft(draft, new)
    once = {}  # a sentence carried into several questions counts once (flagged if flagged anywhere)
    for r in ev.rows:
        key = r.sentence.lower()
        if key not in once or (r.kinds and not once[key].kinds):
            once[key] = r
    ev.rows = list(once.values())
    return ev


def _carry_as_the_table_says(table: dict, old: Path, qpath: Path, draft: Path) -> None:
    """Rewrite init's draft so each question holds its truth predecessors' answers, carried."""
    from tipreport import answers, carry, questionnaire, yamlio

    prior, q = answers.load(old), questionnaire.load(qpath)
    meta = answers.load(draft).meta
    out = []
    for qid in q.ids():
        preds = tuple(table["questions"][qid]["old"])
        paras = [p for o in preds if o in prior.answers for p in answers.paragraphs(prior.answers[o].text)]
        out.append(carry._carried(qid, paras, preds, prior, "as the truth table says") if paras
                   else answers.Answer(qid, "", "todo"))
    doc = answers.new_document(meta, out, dict(prior.glossary))
    yamlio.atomic_write_text(draft, yamlio.dumps(doc), overwrite=True)


def main() -> None:
    from bench_check import report

    tables = pairs()
    ap = argparse.ArgumentParser()
    ap.add_argument("--table", action="store_true")
    ap.add_argument("--pair", choices=sorted(tables))
    ap.add_argument("--carry", choices=("truth", "init"), default="truth")
    args = ap.parse_args()
    for name in [args.pair] if args.pair else tables:
        with tempfile.TemporaryDirectory() as tmp:
            ev = evaluate(tables[name], Path(tmp), args.carry)
        print(f"== {name} (gap {tables[name]['gap_years']} y, carried as {args.carry})")
        report(ev, args.table)


if __name__ == "__main__":
    main()
