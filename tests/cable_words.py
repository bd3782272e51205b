"""An independent, rule-based reading of the real cable for tests to compare against.

Deliberately simple and different from the importer: regexes over the raw
text, so an importer bug is not mirrored here.
"""

from __future__ import annotations

import re
from pathlib import Path

_PAGE = re.compile(r"\n((?:[ \t]*\n)*)[A-Z ]+ \d{8}\s+\d{3} OF \d{3}[ \t]*\n((?:[ \t]*\n)*)")


def _page(m: re.Match) -> str:
    # The archive frames a page break with 1 blank line before and 2 after;
    # more than that was a real paragraph break.
    blanks = m.group(1).count("\n") + m.group(2).count("\n")
    return "\n\n" if blanks >= 4 else "\n"


def clean(raw: str) -> str:
    """Drop page-break blocks, undo hyphenation at line ends."""
    text = _PAGE.sub(_page, raw.replace("\r\n", "\n"))
    return re.sub(r"(\w)- *\n\s*(\w)", r"\1-\2", text)


def segments(path: Path) -> dict[str, list[str]]:
    """Words from each question label to the next label (headings and dash lines removed)."""
    text = clean(path.read_text(encoding="utf-8"))
    lines = text.split("\n")
    keep = []
    for i, line in enumerate(lines):
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if re.fullmatch(r"\s*-{3,}[ -]*", line) or re.fullmatch(r"\s*-{3,}[ -]*", nxt):
            continue
        keep.append(line)
    body = "\n".join(keep)
    end = re.search(r"^\d\.\s+\(U\)|^Abbreviations|^[A-Z]{3,}[ \t]*\n*\Z", body, re.MULTILINE)
    if end:
        body = body[: end.start()]
    marks = list(re.finditer(r"^([1-4][A-Z])\.\s", body, re.MULTILINE))
    out = {}
    for k, m in enumerate(marks):
        stop = marks[k + 1].start() if k + 1 < len(marks) else len(body)
        out[m.group(1)] = body[m.end(): stop].split()
    return out


def question_texts(path: Path) -> dict[str, str]:
    """The question paragraph after each label, joined into one line of words."""
    text = clean(path.read_text(encoding="utf-8"))
    out = {}
    for m in re.finditer(r"^([1-4][A-Z])\.\s+(.*?)\n[ \t]*\n", text, re.MULTILINE | re.DOTALL):
        out[m.group(1)] = " ".join(m.group(2).split())
    return out
