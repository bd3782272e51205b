"""Render speed: the full 37-question 2006 answers file, as an officer runs it.

Wall time of the whole command (process start, imports, YAML load, render, atomic
write), median of repeated runs; then the in-process parts, to show where time goes.

Run: python bench/bench_render.py   (targets: cable under 300 ms, Word under 1 s)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import median_ms  # bench/ is on sys.path when a script runs

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = ROOT / "answers" / "cambodia-2006.yaml"
TARGETS_MS = {"cable": 300, "docx": 1000}



def cli() -> list[str]:
    exe = shutil.which("tipreport")
    return [exe] if exe else [sys.executable, "-m", "tipreport"]


def command_ms(fmt: str, out: Path, runs: int = 15) -> float:
    cmd = cli() + ["render", str(ANSWERS), "--format", fmt, "-o", str(out), "--force"]

    def once() -> None:
        subprocess.run(cmd, check=True, capture_output=True)

    once()  # warm the OS file cache and .pyc files
    return median_ms(once, runs)


def main() -> None:
    from tipreport import answers, docx_render, render

    with tempfile.TemporaryDirectory() as tmp:
        for fmt, suffix in (("cable", ".txt"), ("docx", ".docx")):
            ms = command_ms(fmt, Path(tmp) / f"r{suffix}")
            verdict = "ok" if ms < TARGETS_MS[fmt] else "SLOW"
            print(f"tipreport render --format {fmt} (37 questions, CLI start included): "
                  f"{ms:.0f} ms median (target {TARGETS_MS[fmt]} ms) {verdict}")

    load = median_ms(lambda: answers.load_with_questionnaire(ANSWERS), 20)
    af, q = answers.load_with_questionnaire(ANSWERS)
    build = median_ms(lambda: render.build(af, q), 20)
    sub = render.build(af, q)
    cable = median_ms(lambda: render.cable_text(sub), 20)
    word = median_ms(lambda: docx_render.render(sub), 10)
    print(f"in-process: load {load:.1f} ms, build {build:.1f} ms, cable text {cable:.1f} ms, "
          f"Word {word:.1f} ms (median)")


if __name__ == "__main__":
    main()
