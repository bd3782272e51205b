"""init and check on the largest corpus pair (issue 13): wall time, CLI start included.

Run: python bench/bench_gap.py [--runs 9]

The pair: Indonesia 2009 -> 2010 (09JAKARTA378, 79 KB, into the questionnaire
10JAKARTA258, 103 KB, implies), both imported from ../shared/corpus/. Targets:
init < 300 ms, check < 200 ms. Python's own start-up and tipreport's imports are
printed beside them (`tipreport --version`), since both commands pay them.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
TIPREPORT = [sys.executable, "-m", "tipreport"]


def wall(args: list[str], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(TIPREPORT + args, capture_output=True, check=False)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=9)
    runs = ap.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        for name, cable in (("old", "09JAKARTA378"), ("new", "10JAKARTA258")):
            args = ["import", str(CORPUS / f"{cable}.txt"), "-o", str(d / f"{name}.yaml")]
            subprocess.run(TIPREPORT + args, capture_output=True, check=True)
        draft = d / "draft.yaml"
        init = ["init", "--from", str(d / "old.yaml"), "--questionnaire", str(d / "new.questionnaire.yaml"),
                "-o", str(draft), "--force"]
        subprocess.run(TIPREPORT + init, capture_output=True, check=True)
        check = ["check", str(draft)]
        for label, args in (("tipreport --version", ["--version"]), ("init", init), ("check", check),
                            ("check --json", [*check, "--json"])):
            med, low = wall(args, runs)
            print(f"  {label:22} wall median {med:6.0f} ms, min {low:6.0f} ms ({runs} runs)")


if __name__ == "__main__":
    main()
