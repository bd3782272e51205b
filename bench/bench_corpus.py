"""The genre at speed: every real cable of ../shared/corpus imported, checked and rendered
in ONE `tipreport batch` call (a fresh process, CLI start included), and the parser alone.

Run: python bench/bench_corpus.py [runs]   (target: the batch under 3 s wall on 2 cores,
peak memory under 200 MB; the corpus is read in place, its `source:` line dropped)
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timing import median_ms  # bench/ is on sys.path when a script runs

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def _tipreport() -> str:
    exe = Path(sys.executable).parent / "tipreport"
    return str(exe) if exe.exists() else shutil.which("tipreport") or "tipreport"


def _cables(folder: Path) -> list[Path]:
    out = []
    for src in sorted(CORPUS.glob("*.txt")):
        text = src.read_text(encoding="utf-8")
        dst = folder / src.name
        dst.write_text(text.split("\n", 1)[1] if text.startswith("source:") else text, encoding="utf-8")
        out.append(dst)
    return out


def batch_runs(runs: int, jobs: list[str]) -> tuple[list[float], int, str]:
    times, peak, summary = [], 0, ""
    with tempfile.TemporaryDirectory() as tmp:
        cables = _cables(Path(tmp))
        for k in range(runs):
            out = Path(tmp) / f"out{k}"
            t0 = time.perf_counter()
            proc = subprocess.run([_tipreport(), "batch", *map(str, cables), "--outdir", str(out), *jobs],
                                  capture_output=True, text=True)
            times.append(time.perf_counter() - t0)
            summary = next((ln for ln in proc.stdout.splitlines() if "cables imported" in ln), proc.stderr)
            # ru_maxrss of the children: the largest of the batch process and its workers
            peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return times, peak, summary


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    if not CORPUS.is_dir():
        sys.exit(f"no corpus at {CORPUS}")
    from tipreport import importer

    texts = []
    for src in sorted(CORPUS.glob("*.txt")):
        text = src.read_text(encoding="utf-8")
        texts.append(text.split("\n", 1)[1])

    def parse_all() -> None:
        for t in texts:
            try:
                importer.parse(t)
            except Exception:  # noqa: BLE001 - the two non-submissions are refused
                pass

    print(f"machine: {os.uname().machine}, {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    print(f"parse only, all {len(texts)} cables in-process: {median_ms(parse_all, 5):.0f} ms (median of 5)")
    for label, jobs in (("one worker per core", []), ("--jobs 1", ["--jobs", "1"])):
        times, peak, summary = batch_runs(runs, jobs)
        print(f"tipreport batch ({label}), {len(texts)} cables imported + checked + rendered: median "
              f"{statistics.median(times):.2f} s (min {min(times):.2f}, max {max(times):.2f}, {runs} runs); "
              f"peak memory of one process {peak / 1024:.0f} MB")
    print(f"batch said: {summary}")


if __name__ == "__main__":
    main()
