"""The benchmark table: CLI wall time and in-process time per command, the batch, memory.

Run: python bench/run.py [--runs N] [--batch N]
Not part of the test run. Prints a Markdown table for the README.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

CABLE = ROOT / "tests/fixtures/cable-2006-phnompenh-501-tip-report.txt"
A2006 = ROOT / "answers/cambodia-2006.yaml"
A2007 = ROOT / "answers/cambodia-2007.yaml"
Q2007 = ROOT / "questionnaires/2007.yaml"


# An officer's Python caches compiled modules (__pycache__) after the first run;
# a sandbox that sets PYTHONDONTWRITEBYTECODE would recompile tipreport on every
# run and time the compiler. One untimed run first writes the cache.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _median_wall(cmd: list[str], runs: int, ok=(0, 1)) -> float:
    times = []
    subprocess.run(cmd, cwd=ROOT, capture_output=True, env=_ENV)
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, env=_ENV)
        times.append((time.perf_counter() - t0) * 1000)
        if proc.returncode not in ok:
            raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.decode()[-300:]}")
    return statistics.median(times)


def _median_inproc(args: list[str], runs: int) -> float:
    from typer.testing import CliRunner

    from tipreport.cli import app

    runner = CliRunner()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        result = runner.invoke(app, args)
        times.append((time.perf_counter() - t0) * 1000)
        if result.exit_code not in (0, 1):
            raise SystemExit(f"tipreport {' '.join(args)} failed: {result.stderr[-300:]}")
    return statistics.median(times)


def commands(tmp: Path) -> dict[str, list[str]]:
    return {
        "import (2006 cable, 37 questions)": ["import", str(CABLE), "-o", str(tmp / "imp.yaml"), "--force"],
        "init / carry (2006 -> 2007)": ["init", "--from", str(A2006), "--questionnaire", str(Q2007),
                                        "-o", str(tmp / "init.yaml"), "--force"],
        "check (37 questions)": ["check", str(A2006)],
        "check (carried 2007 draft, with prior)": ["check", str(tmp / "draft.yaml"), "--prior", str(A2006)],
        "diff (2006 vs 2007)": ["diff", str(A2006), str(A2007)],
        "diff --docx": ["diff", str(A2006), str(A2007), "--docx", str(tmp / "d.docx"), "--force"],
        "render cable (37 questions)": ["render", str(A2006), "--format", "cable", "-o",
                                        str(tmp / "r.txt"), "--force"],
        "render docx (37 questions)": ["render", str(A2006), "--format", "docx", "-o",
                                       str(tmp / "r.docx"), "--force"],
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--batch", type=int, default=200)
    args = ap.parse_args()
    beside = Path(sys.executable).with_name("tipreport")  # this environment's, not a shim's on PATH
    exe = str(beside) if beside.exists() else shutil.which("tipreport")
    if not exe:
        sys.exit("tipreport is not installed (pip install -e .)")
    tmp = Path(tempfile.mkdtemp(prefix="tipbench-"))
    subprocess.run([exe, "init", "--from", str(A2006), "--questionnaire", str(Q2007), "-o",
                    str(tmp / "draft.yaml")], check=True, capture_output=True)
    rows = []
    py = _median_wall([sys.executable, "-c", "pass"], args.runs)
    helpw = _median_wall([exe, "--help"], args.runs)
    rows.append(("`python -c pass`", f"{py:.0f}", "", ""))
    rows.append(("`tipreport --help`", f"{helpw:.0f}", "", f"{helpw / py:.1f}x python start"))
    for name, cmd in commands(tmp).items():
        wall = _median_wall([exe, *cmd], args.runs)
        inproc = _median_inproc(cmd, args.runs)
        rows.append((name, f"{wall:.0f}", f"{inproc:.0f}", ""))
    peak_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    batch = _batch(exe, tmp, args.batch)
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}")
    print(f"Median of {args.runs} runs, milliseconds.\n")
    print("| what | CLI wall (ms) | in-process (ms) | note |")
    print("|---|---:|---:|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    print(f"| batch: {args.batch} submissions imported + checked + rendered | {batch * 1000:.0f} | | "
          f"{batch / args.batch * 1000:.0f} ms per submission |")
    print(f"\nPeak memory: {peak_children:.0f} MB (largest single CLI run), "
          f"{peak_self:.0f} MB (this process, in-process runs)")
    shutil.rmtree(tmp, ignore_errors=True)


def _batch(exe: str, tmp: Path, n: int) -> float:
    from corpus import write_corpus

    cables = write_corpus(tmp / "corpus", n)
    t0 = time.perf_counter()
    subprocess.run([exe, "batch", *map(str, cables), "--outdir", str(tmp / "batch-out")],
                   check=False, capture_output=True, env=_ENV)
    return time.perf_counter() - t0


if __name__ == "__main__":
    main()
