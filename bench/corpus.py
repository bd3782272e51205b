"""A scaled corpus for benchmarks: N submission cables made by varying the real ones.

Each variant keeps the real cable's layout (header, page breaks, hyphenation,
headings) and changes what differs between posts and years: the country and
post names, the reference id, the figures, and which paragraphs are present.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [
    ROOT / "tests/fixtures/cable-2006-phnompenh-501-tip-report.txt",
    ROOT / "tests/fixtures/cable-2007-phnompenh-351-tip-report-partial.txt",
]
COUNTRIES = ["Ruritania", "Freedonia", "Syldavia", "Borduria", "Genovia", "Latveria", "Elbonia",
             "Krakozhia", "Zubrowka", "Sokovia", "Wakanda", "Orsinia"]


def _vary_numbers(text: str, rng: random.Random) -> str:
    def bump(m: re.Match) -> str:
        digits = m.group(0)
        if len(digits.replace(",", "")) == 4 and digits.startswith(("19", "20")):
            return digits  # a year: keep it, dates are history
        n = int(digits.replace(",", "")) + rng.randint(0, 9)
        return f"{n:,}" if "," in digits else str(n)

    return re.sub(r"(?<![\w/])\d{1,3}(?:,\d{3})+(?![\w])|(?<![\w/.-])\d{2,4}(?![\w.-])", bump, text)


def _drop_paragraphs(text: str, rng: random.Random) -> str:
    """Drop a few answer paragraphs (never a heading, label or header line)."""
    blocks = text.split("\n \n")
    keep = []
    for k, b in enumerate(blocks):
        plain = b.strip()
        droppable = (k > 12 and len(plain) > 200 and not re.match(r"^\d[A-Z]\.|^\d\.", plain)
                     and "---" not in plain and "OF 0" not in plain and "Abbreviations" not in plain)
        if droppable and rng.random() < 0.08:
            continue
        keep.append(b)
    return "\n \n".join(keep)


def variant(i: int, seed: int = 1) -> str:
    rng = random.Random(seed * 1000 + i)
    src = SOURCES[i % len(SOURCES)]
    text = src.read_text(encoding="utf-8")
    country = COUNTRIES[i % len(COUNTRIES)]
    text = text.replace("CAMBODIA", country.upper()).replace("Cambodia", country)
    text = re.sub(r"PHNOMPENH(\d+)", lambda m: f"PHNOMPENH{int(m.group(1)) + i}", text)
    text = _vary_numbers(text, rng)
    return _drop_paragraphs(text, rng)


def write_corpus(folder: Path, n: int = 200) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = folder / f"cable-{i:03d}.txt"
        p.write_text(variant(i), encoding="utf-8")
        paths.append(p)
    return paths


if __name__ == "__main__":
    import sys

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "out" / "corpus"
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    print(f"wrote {len(write_corpus(out, count))} cables to {out}")
