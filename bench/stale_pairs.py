"""Stale detection on real corpus pairs across a gap (issue 13), in the manner of bench_check.py.

Run: python bench/stale_pairs.py [--table] [--pair NAME]

For each pair the older submission is imported and carried by the real `tipreport
init` into the questionnaire the newer submission implies (both imported straight
from ../shared/corpus/), then checked. Every carried sentence is labelled by what
the post really did in the newer cable (bench_check.label: kept = a sentence of the
newer cable with ratio >= 90 and the same figures; edited = ratio >= 60; dropped).
Targets (issue 13): of the carried sentences holding a figure or date that the post
edited or dropped, check flags >= 85%; of all carried sentences, <= 25%.
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

PAIRS = {  # name: (older cables, newer cables, gap in years)
    "iceland-2008-2009": (["08REYKJAVIK36"], ["09REYKJAVIK49", "09REYKJAVIK50"], 1),
    "chile-2009-2010": (["09SANTIAGO156"], ["10SANTIAGO254"], 1),
    "iceland-2007-2010": (["07REYKJAVIK90"], ["10REYKJAVIK31"], 3),
    "indonesia-2009-2010": (["09JAKARTA378"], ["10JAKARTA258"], 1),
}


def _cli(*args) -> None:
    from typer.testing import CliRunner

    from tipreport.cli import app

    res = CliRunner().invoke(app, [str(a) for a in args])
    if res.exit_code not in (0, 1):
        raise RuntimeError(f"tipreport {args[0]} failed: {res.output}")


def evaluate(name: str, folder: Path):  # -> bench_check.Evaluation
    """Carry, check and label one pair; returns bench_check.Evaluation."""
    from bench_check import label_draft

    old_ids, new_ids, _ = PAIRS[name]
    old, new, draft = folder / "old.yaml", folder / "new.yaml", folder / "draft.yaml"
    _cli("import", *[CORPUS / f"{x}.txt" for x in old_ids], "-o", old, "--force")
    _cli("import", *[CORPUS / f"{x}.txt" for x in new_ids], "-o", new, "--force")
    _cli("init", "--from", old, "--questionnaire", folder / "new.questionnaire.yaml", "-o", draft, "--force")
    return label_draft(draft, new)


def main() -> None:
    from bench_check import report

    ap = argparse.ArgumentParser()
    ap.add_argument("--table", action="store_true")
    ap.add_argument("--pair", choices=sorted(PAIRS))
    args = ap.parse_args()
    for name in [args.pair] if args.pair else PAIRS:
        with tempfile.TemporaryDirectory() as tmp:
            ev = evaluate(name, Path(tmp))
        print(f"== {name} (gap {PAIRS[name][2]} y)")
        report(ev, args.table)


if __name__ == "__main__":
    main()
