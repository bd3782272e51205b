"""Hostile shapes at 1 MB: every import and every YAML load stays linear in the input's size.

Run: python bench/bench_hostile.py   (target: each under 2 s wall, CLI start included;
a refusal counts as handled when it is one line and exit 2)
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MB = 1_000_000
# a real submission up to its last answer: what follows is that answer's text, so the
# whole of each input goes through the reader, not only the submission test
SEED = (ROOT / "tests/fixtures/cable-2006-phnompenh-501-tip-report.txt").read_text(encoding="utf-8")
HEAD = SEED.split("Approximately 70 NGOs work on trafficking")[0]
ANSWERS = (ROOT / "answers/cambodia-2006.yaml").read_text(encoding="utf-8")


def _fill(unit: str, prefix: str = "") -> str:
    return prefix + unit * ((MB - len(prefix)) // len(unit))


CABLES = {
    "one paragraph of short lines": _fill("word\n", HEAD),
    "one line, no breaks": _fill("x ", HEAD),
    "many paragraphs": _fill("word word.\n\n", HEAD),
    "many numbered paragraphs": _fill("7. (U) text.\n\n", HEAD),
    "many dash-underlined headings": _fill("HEADING\n-------\n\nword.\n\n", HEAD),
    "many page breaks": _fill("PHNOM PENH 00000501  002 OF 018\n\nword\n", HEAD),
    "inline labels past the limit": _fill("--A. (U) x. ", HEAD),
    "hyphenated line ends": _fill("anti-\n", HEAD),
    "450 questions": HEAD + "".join(f"{s}{chr(65 + k % 26)}. Q?\n\n" + "answer. " * 240 + "\n\n"
                                    for s in range(1, 10) for k in range(50)),
}


def _answers_with_text(text: str) -> str:
    """The shipped 2006 answers with 1A's text replaced."""
    start = ANSWERS.index("  1A:\n")
    at = ANSWERS.index("    text: |\n", start) + len("    text: |\n")
    end = ANSWERS.index("\n  1B:", at)
    return ANSWERS[:at] + f"      {text}\n" + ANSWERS[end:]


ANSWER_FILES = {
    "one long answer paragraph": _answers_with_text("word " * (MB // 5)),
    "an answer of many short paragraphs": _answers_with_text("\n\n      ".join(["word"] * (MB // 10))),
    "many glossary entries (under the item limit)": ANSWERS.replace(
        "glossary:\n", "glossary:\n" + "".join(f"  AB{k}: expansion number {k} " + "x" * 40 + "\n"
                                               for k in range(MB // 70)), 1),
    "flow list of 300,000 items": "meta: [" + "a," * 300_000 + "b]\n",
    "brackets 30,000 deep": "meta: " + "[" * 30_000 + "]" * 30_000 + "\n",
    "compact '- - -' 99 deep on every line": ("- " * 99 + "y\n") * (MB // 200),
    "anchors and aliases": "a: &x [1, 2]\n" + "".join(f"b{k}: *x\n" for k in range(MB // 10)),
    "one 1 MB key": "meta:\n  " + "k" * MB + ": 1\n",
}


def _run(args: list[str]) -> tuple[float, int, str]:
    exe = Path(sys.executable).parent / "tipreport"
    cmd = [str(exe) if exe.exists() else shutil.which("tipreport") or "tipreport", *args]
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        return 60.0, -1, "over 60 s"
    err = proc.stderr.strip().splitlines()
    return time.perf_counter() - t0, proc.returncode, (err[-1][:90] if err else "")


def main() -> None:
    worst = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "questionnaires").mkdir()
        for q in (ROOT / "questionnaires").glob("*.yaml"):
            shutil.copy(q, folder / "questionnaires" / q.name)
        print(f"{'input (about 1 MB)':48} {'s':>6} exit  what it said")
        for name, text in CABLES.items():
            src = folder / "c.txt"
            src.write_text(text, encoding="utf-8")
            secs, rc, said = _run(["import", str(src), "-o", str(folder / "a.yaml"), "--force"])
            worst = max(worst, secs)
            print(f"import: {name:40} {secs:6.2f} {rc:4}  {said if rc else 'imported'}")
        for name, text in ANSWER_FILES.items():
            path = folder / "x.yaml"
            path.write_text(text, encoding="utf-8")
            for command in ("validate", "check"):
                secs, rc, said = _run([command, str(path)])
                worst = max(worst, secs)
                print(f"{command}: {name:38} {secs:6.2f} {rc:4}  {said if rc == 2 else ''}")
    print(f"slowest: {worst:.2f} s (target: under 2 s)")


if __name__ == "__main__":
    main()
